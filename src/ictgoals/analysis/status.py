"""Where each target stands: met or missed on the latest figure, else its progress by the progress-ratio method."""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ictgoals.analysis import records
from ictgoals.analysis.index import Index, Point, Reading, Series, printed_qualifier, same_value
from ictgoals.i18n import tr
from ictgoals.model import (
    NATIONAL,
    Dataset,
    Indicator,
    Op,
    Qualifier,
    Status,
    Target,
    Territory,
    may_state,
    region_key,
)
from ictgoals.provinces import territory_of
from ictgoals.values import Value

# ---------------------------------------------------------------- the results


@dataclass(frozen=True, eq=False, repr=False)
class StatusRow(Value):
    """One target evaluated against one region's figures."""

    target: Target
    """The target, as declared (for a target due every year of a span: as due in the year asked for)."""
    indicator: Indicator
    """The indicator it is set on."""
    region: str
    """The region whose figures are measured (a province's row may judge a national target)."""
    current: Reading | None
    """The latest figure up to the target's year; None when there is none."""
    gap: float | None
    """How far from the target, in the indicator's unit: positive when short, 0 or less when reached."""
    status: Status
    """Where the target stands (docs/methodology.md)."""
    baseline: Point | None = None
    """The figure progress is measured from."""
    progress_ratio: float | None = None
    """Observed over required compound growth; None where undefined."""
    projected: float | None = None
    """The figure in the target's year if the observed growth goes on."""
    required_change_per_year: float | None = None
    """The change a year, in the unit, still needed to reach the target."""
    required_growth_pct: float | None = None
    """The same as compound growth, in %."""
    warnings: tuple[str, ...] = ()
    """What a person should know about how the row was computed."""
    series_break: bool = False
    """The figures used come from a province before and after its territory changed (1 July 2025)."""

    @property
    def approximate(self) -> bool:
        """The target is printed as approximate ("khoảng 165"): met within its tolerance."""
        return is_approximate(self.target)

    @property
    def tolerance(self) -> float | None:
        """How far short of its value the target is still met: printed, or for an approximate target 1% of it."""
        found = tolerance_of(self.target)
        return found if found or self.target.tolerance is not None else None

    def __repr__(self) -> str:
        target = self.target
        value = target.value if target.value is None or isinstance(target.value, tuple) else f"{target.value:g}"
        actual = "None" if self.current is None else f"{self.current.value:g} ({self.current.year})"
        return (
            f"StatusRow(indicator={target.indicator!r}, region={self.region!r}, "
            f"target='{target.op.value} {value} in {target.year}', actual={actual}, "
            f"status={self.status.value!r}, gap={self.gap if self.gap is None else round(self.gap, 9)})"
        )

    def to_record(self) -> dict[str, Any]:
        """The row as `status --format json` writes it."""
        return records.STATUS.record(self)

    @property
    def percent_of_target(self) -> float | None:
        """The latest figure as a share of the target (the review table's "% of plan"); see `percent_of`."""
        return None if self.current is None else percent_of(self.target, self.indicator, self.current.value)


@dataclass(frozen=True, eq=False, repr=False)
class StatusReport(Value):
    """The status of every target due in one year, for one region (or "all")."""

    year: int
    """The year the targets are due."""
    region: str
    """The region asked for: "VN", a province, or "all"."""
    rows: tuple[StatusRow, ...]
    """One row per target, in the order the tables show them."""

    def summary(self) -> dict[str, int]:
        """How many rows have each status, every status named."""
        return tally(self.rows)

    def to_records(self) -> list[dict[str, Any]]:
        """The rows as records: exactly the "rows" of `status --format json`, ready for `pandas.DataFrame`."""
        return records.STATUS.records(self.rows)

    def to_document(self) -> records.Record:
        """`status --format json`."""
        return records.status_document(self)

    def sheets(self) -> list[records.Sheet]:
        return [self.csv_sheet()]

    def csv_sheet(self) -> records.Sheet:
        return ("status", records.STATUS.columns, self.to_records())

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in self.summary().items() if n)
        return (
            f"StatusReport(year={self.year}, region={self.region!r}, rows=<{len(self.rows)} rows: {counts or 'none'}>)"
        )


# ---------------------------------------------------------------- the progress-ratio method

ON_TRACK_RATIO = 0.95
AT_RISK_RATIO = 0.60
ZERO_STANDIN = 0.001


def baseline_of(target: Target, series: Series) -> Point | None:
    """The baseline: the actual at `baseline_year`, or the next year after it with one; else the earliest."""
    years = series.years()
    start = target.baseline_year if target.baseline_year is not None else (years[0] if years else None)
    if start is None:
        return None
    later = [y for y in years if y >= start]
    if not later:
        return None
    return Point(later[0], series.readings[later[0]].value)


@dataclass(frozen=True, eq=False, repr=False)  # no repr: defining one costs start-up
class Progress:
    """The progress-ratio figures for one target; None where undefined."""

    ratio: float | None
    projected: float | None
    warnings: tuple[str, ...] = ()


_LOG_MAX = math.log(sys.float_info.max)


def _cagr(start: float, end: float, years: float) -> float | None:
    """Compound yearly growth from `start` to `end`; None when undefined or beyond what a float holds."""
    if start == 0:
        return None
    ratio = end / start  # inf when the figures are hundreds of orders of magnitude apart
    if ratio < 0 or not math.isfinite(ratio):
        return None
    return float(ratio ** (1.0 / years) - 1.0)


def _compound(value: float, factor: float, years: int) -> float | None:
    """`value` grown by `factor` a year for `years` years; None when the result is beyond what a float holds."""
    if value == 0 or factor == 0 or years == 0:
        return value * factor**years if years else value
    if math.log(abs(value)) + years * math.log(factor) >= _LOG_MAX:
        return None
    if years * math.log(factor) < _LOG_MAX:
        return value * factor**years
    return math.copysign(math.exp(math.log(abs(value)) + years * math.log(factor)), value)


def progress(baseline: Point, current: Point, goal: float, target_year: int, indicator: Indicator) -> Progress:
    """Statistics Canada's progress ratio: observed over required compound growth (docs/methodology.md)."""
    if current.year - baseline.year < 1 or target_year - baseline.year < 1:
        return Progress(None, None)
    warnings = []
    base = baseline.value
    if base == 0:
        base = ZERO_STANDIN
        warnings.append(
            tr("the baseline ({year}) is 0; {standin} stands in for it", year=baseline.year, standin=ZERO_STANDIN)
        )
    if goal == 0:
        goal = ZERO_STANDIN
        warnings.append(tr("the target is 0; {standin} stands in for it", standin=ZERO_STANDIN))
    observed = _cagr(base, current.value, current.year - baseline.year)
    required = _cagr(base, goal, target_year - baseline.year)
    if observed is None or required is None or required == 0:
        return Progress(None, None, tuple(warnings))
    sign = -1 if base < 0 else 1
    ratio = sign * indicator.better.sign * observed / abs(required)
    if not math.isfinite(ratio):  # a required growth so close to 0 that the ratio is not a number
        return Progress(None, None, tuple(warnings))
    projected = _compound(current.value, 1.0 + observed, target_year - current.year)
    return Progress(ratio, projected, tuple(warnings))


def percent_of(target: Target, indicator: Indicator, actual: float) -> float | None:
    """How far a figure has come towards its target, in % (docs/methodology.md, "% of target").

    Higher is better (>=, >): actual ÷ target; lower is better (<=, <): target ÷ actual, so that
    100% and more means reached either way; a range: 100 inside it, actual ÷ low below it, and none
    above it (the gap says by how much). None for ranks (the gap in places says it better), for
    "maintain" (its level is the baseline, not a plan figure) and where a division has no meaning.
    """
    value = target.value
    if indicator.is_rank or value is None or target.op is Op.MAINTAIN:
        return None
    if isinstance(value, tuple):
        low, high = value
        if low <= actual <= high:
            return 100.0
        return 100.0 * actual / low if actual < low and low > 0 else None
    if target.op.upward:
        return 100.0 * actual / value if value > 0 and actual >= 0 else None
    return 100.0 * value / actual if actual > 0 and value > 0 else None  # ≤ 0: 0 ÷ anything says nothing


def reaches(projected: float | None, goal: float, baseline: float) -> bool:
    """Whether a projection arrives at the goal, coming from the baseline's side of it.

    The ratio's threshold (0.95) lets a pace a little short of the required one count as on track;
    a row is called on track only when the projection also reaches the target, so the status
    never contradicts the projection shown beside it (docs/methodology.md).
    """
    if projected is None:
        return False
    towards = 1.0 if goal >= baseline else -1.0
    return towards * (projected - goal) >= 0 or same_value(projected, goal)


def status_from_ratio(ratio: float) -> Status:
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    if ratio >= AT_RISK_RATIO:
        return Status.AT_RISK
    if ratio >= 0:
        return Status.OFF_TRACK
    return Status.REGRESSING


def required_pace(current: Point, goal: float | None, target_year: int) -> tuple[float | None, float | None]:
    """Change per year (in the unit) and compound growth (%) needed from `current` to `goal`."""
    years = target_year - current.year
    if goal is None or years <= 0:
        return None, None
    per_year = (goal - current.value) / years
    growth = _cagr(current.value, goal, years)
    return per_year, None if growth is None else 100.0 * growth


# ---------------------------------------------------------------- status


#: An approximate target ("khoảng 165") without a printed tolerance is met within this share of its value.
APPROXIMATE_BAND = 0.01
#: The qualifier of an approximate print.
ABOUT = (Qualifier.ABOUT,)


def tolerance_of(target: Target) -> float:
    """How far short of its value a target is still met, in the unit: the printed tolerance; for an
    approximate target without one, APPROXIMATE_BAND of its value (of the larger bound of a range); else 0."""
    if target.tolerance is not None:
        return target.tolerance
    if not is_approximate(target) or target.value is None:
        return 0.0
    size = max(abs(v) for v in target.value) if isinstance(target.value, tuple) else abs(target.value)
    return APPROXIMATE_BAND * size


def is_approximate(target: Target) -> bool:
    """Whether a target is approximate: `approximate`, or printed with "khoảng" / "about" (data written before
    the field existed, or by hand, is judged by what the source printed)."""
    printed = target.printed
    # Only a print with a word for "about" is read: a target printed "hơn 148" (the usual case) costs no reading.
    return target.approximate or (
        bool(printed) and may_state(printed, ABOUT) and printed_qualifier(printed) is Qualifier.ABOUT
    )


def _at_least(actual: float, floor: float, qualifier: Qualifier | None, *, strict: bool) -> bool:
    """Whether a figure printed as `actual` with `qualifier` is known to reach `floor` (to pass it, if `strict`).

    "hơn 148" (more than) reaches 148 and passes it; "gần 150" (nearly: just under) passes 148 and
    does not reach 150; "dưới 150" (less than) is not known to reach anything.
    """
    equal = same_value(actual, floor)
    if qualifier is None or qualifier is Qualifier.ABOUT or qualifier is Qualifier.AT_LEAST:
        return (actual > floor and not equal) if strict else (actual > floor or equal)
    if qualifier is Qualifier.MORE_THAN:
        return actual > floor or equal
    if qualifier is Qualifier.NEARLY:
        return actual > floor and not equal
    return False  # less than, at most: no lower bound


def _at_most(actual: float, ceiling: float, qualifier: Qualifier | None, *, strict: bool) -> bool:
    """Whether a figure printed as `actual` with `qualifier` is known to stay at `ceiling` (under it, if `strict`)."""
    equal = same_value(actual, ceiling)
    if qualifier is None or qualifier is Qualifier.ABOUT or qualifier is Qualifier.AT_MOST:
        return (actual < ceiling and not equal) if strict else (actual < ceiling or equal)
    if qualifier is Qualifier.LESS_THAN or qualifier is Qualifier.NEARLY:
        return actual < ceiling or equal
    return False  # more than, at least: no upper bound


def satisfies(
    op: Op,
    value: float | tuple[float, float] | None,
    actual: float,
    baseline: float | None,
    indicator: Indicator,
    tolerance: float = 0.0,
    qualifier: Qualifier | None = None,
) -> bool:
    """Whether `actual` meets a target; "maintain" compares with the baseline.

    A strict target (">", "<") is not met at exactly its value. `tolerance` widens a target in
    the indicator's unit: ">= 100" with tolerance 2 is met from 98. A figure printed as a bound
    (`qualifier`) meets a target only when every value the bound allows does: "hơn 148" meets
    "> 148".
    """
    if op is Op.MAINTAIN:
        if baseline is None:
            return False
        if indicator.better.sign > 0:
            return _at_least(actual, baseline - tolerance, qualifier, strict=False)
        return _at_most(actual, baseline + tolerance, qualifier, strict=False)
    strict = op is Op.MORE_THAN or op is Op.LESS_THAN
    if op.upward:
        assert isinstance(value, float)
        return _at_least(actual, value - tolerance, qualifier, strict=strict)
    if op.downward:
        assert isinstance(value, float)
        return _at_most(actual, value + tolerance, qualifier, strict=strict)
    assert isinstance(value, tuple)
    low, high = value[0] - tolerance, value[1] + tolerance
    return _at_least(actual, low, qualifier, strict=False) and _at_most(actual, high, qualifier, strict=False)


#: An end of an interval of possible values: the value, and whether the end itself is left out.
_End = tuple[float, bool]


def _possible(actual: float, qualifier: Qualifier | None) -> tuple[_End, _End]:
    """The values a figure printed with `qualifier` may stand for: "hơn 4" is (4, ∞), "gần 80" (−∞, 80)."""
    far = math.inf
    if qualifier is Qualifier.MORE_THAN:
        return (actual, True), (far, True)
    if qualifier is Qualifier.AT_LEAST:
        return (actual, False), (far, True)
    if qualifier is Qualifier.LESS_THAN or qualifier is Qualifier.NEARLY:
        return (-far, True), (actual, True)
    if qualifier is Qualifier.AT_MOST:
        return (-far, True), (actual, False)
    return (actual, False), (actual, False)


def could_satisfy(
    op: Op,
    value: float | tuple[float, float] | None,
    actual: float,
    baseline: float | None,
    indicator: Indicator,
    tolerance: float = 0.0,
    qualifier: Qualifier | None = None,
) -> bool:
    """Whether some value a figure printed as a bound allows meets the target: "hơn 4%" may or may not be under
    5%, so it neither meets "< 5%" (`satisfies`) nor is known to miss it."""
    far = math.inf
    if op is Op.MAINTAIN:
        if baseline is None:
            return False
        wanted: tuple[_End, _End] = (
            ((baseline - tolerance, False), (far, True))
            if indicator.better.sign > 0
            else ((-far, True), (baseline + tolerance, False))
        )
    elif op.upward:
        assert isinstance(value, float)
        wanted = (value - tolerance, op is Op.MORE_THAN), (far, True)
    elif op.downward:
        assert isinstance(value, float)
        wanted = (-far, True), (value + tolerance, op is Op.LESS_THAN)
    else:
        assert isinstance(value, tuple)
        wanted = (value[0] - tolerance, False), (value[1] + tolerance, False)
    (low, low_open), (high, high_open) = _possible(actual, qualifier)
    (floor, floor_open), (ceiling, ceiling_open) = wanted
    start, start_open = max((low, low_open), (floor, floor_open))  # the higher; the excluded one on a tie
    # The upper end as (value, whether it is included): the lower of the two, the excluded one on a tie.
    end, end_included = min((high, not high_open), (ceiling, not ceiling_open))
    return start < end or (same_value(start, end) and not start_open and end_included)


def _undecided(
    target: Target, indicator: Indicator, current: Reading, baseline: float | None, tolerance: float
) -> tuple[str, ...]:
    """Why a figure printed as a bound that does not meet the target is not called missed either: the note,
    when some value the print allows would meet it ("hơn 4%" against "< 5%"); nothing otherwise."""
    qualifier = current.qualifier
    if qualifier is None or qualifier is Qualifier.ABOUT:
        return ()
    if not could_satisfy(target.op, target.value, current.value, baseline, indicator, tolerance, qualifier):
        return ()
    return (
        tr(
            "the print {printed!r} does not say whether the target is met: it is judged when a figure says so",
            printed=current.printed or qualifier.value,
        ),
    )


def gap(
    op: Op, value: float | tuple[float, float] | None, actual: float, baseline: float | None, indicator: Indicator
) -> float | None:
    """Distance to the stated value, in the indicator's unit: positive when short, 0 or less when reached."""
    if op.upward:
        assert isinstance(value, float)
        return value - actual
    if op.downward:
        assert isinstance(value, float)
        return actual - value
    if op is Op.BETWEEN:
        assert isinstance(value, tuple)
        low, high = value
        return low - actual if actual < low else actual - high if actual > high else 0.0
    if baseline is None:
        return None
    return indicator.better.sign * (baseline - actual)


def _goal(target: Target, near: float, baseline: float | None) -> float | None:
    """The single number a target aims at, its tolerance included: for a range, the bound nearest `near`."""
    tolerance = tolerance_of(target)
    if target.op is Op.MAINTAIN:
        return baseline
    if isinstance(target.value, tuple):
        low, high = target.value[0] - tolerance, target.value[1] + tolerance
        return low if abs(near - low) <= abs(near - high) else high
    if target.value is None:
        return None
    return target.value - tolerance if target.op.upward else target.value + tolerance


def evaluate(target: Target, indicator: Indicator, series: Series, region: str) -> StatusRow:
    """Evaluate one target against one region's series of figures."""
    current = series.latest_until(target.year)
    baseline = baseline_of(target, series)
    if current is None:
        return StatusRow(target, indicator, region, None, None, Status.NO_DATA, baseline)
    base_value = baseline.value if baseline else None
    row_gap = gap(target.op, target.value, current.value, base_value, indicator)
    if target.op is Op.MAINTAIN and baseline is not None and baseline.year >= current.year:
        # A level to keep needs a second figure: the only one is its own baseline (no-trend, as any single figure).
        return StatusRow(target, indicator, region, current, row_gap, Status.NO_TREND, baseline)
    tolerance = tolerance_of(target)
    if satisfies(target.op, target.value, current.value, base_value, indicator, tolerance, current.qualifier):
        return StatusRow(target, indicator, region, current, row_gap, Status.MET, baseline)
    bound = _bound_note(target, indicator, current, base_value, tolerance)
    pace = required_pace(Point(current.year, current.value), _goal(target, current.value, base_value), target.year)
    deadline = series.first_from(target.year)
    if baseline is None and (deadline is None or target.op is Op.MAINTAIN):
        # The baseline year is after every figure up to the target year: nothing to measure from.
        note = tr(
            "its baseline year {year} has no figure yet (the latest is {latest}), so progress cannot be measured",
            year=target.baseline_year,
            latest=current.year,
        )
        return StatusRow(target, indicator, region, current, row_gap, Status.NO_TREND, None, None, None, *pace, (note,))
    if deadline is not None or target.op is Op.MAINTAIN:
        undecided = _undecided(target, indicator, current, base_value, tolerance)
        return StatusRow(
            target,
            indicator,
            region,
            current,
            row_gap,
            Status.NO_TREND if undecided else Status.MISSED,
            baseline,
            None,
            None,
            *pace,
            warnings=undecided or bound,
        )
    assert baseline is not None  # both cases without one returned above
    goal = _goal(target, baseline.value, baseline.value)
    assert goal is not None
    result = progress(baseline, Point(current.year, current.value), goal, target.year, indicator)
    if result.ratio is None:
        state = Status.NO_TREND
        if current.year > baseline.year and goal == baseline.value:
            state = Status.REGRESSING
    else:
        state = status_from_ratio(result.ratio)
        if state is Status.ON_TRACK and not reaches(result.projected, goal, baseline.value):
            state = Status.AT_RISK  # fast enough by the ratio's threshold, yet projected to fall short
    return StatusRow(
        target,
        indicator,
        region,
        current,
        row_gap,
        state,
        baseline,
        result.ratio,
        result.projected,
        *pace,
        warnings=result.warnings + bound,
    )


def _bound_note(
    target: Target, indicator: Indicator, current: Reading, baseline: float | None, tolerance: float
) -> tuple[str, ...]:
    """When the figure would meet the target as a plain number but its print is a bound that cannot show it."""
    if current.qualifier is None or not satisfies(
        target.op, target.value, current.value, baseline, indicator, tolerance
    ):
        return ()
    return (
        tr(
            "the {year} figure is printed {printed!r}, a bound that cannot show the target met",
            year=current.year,
            printed=current.printed or current.qualifier.value,
        ),
    )


def evaluate_in(target: Target, year: int, indicator: Indicator, series: Series, region: str) -> StatusRow:
    """A target as due in `year`: a target for every year of a span is judged on that year's own figure.

    Such a target is met or missed each year by that year's figure alone (no figure: no-data); an
    earlier year's figure, or one for a period of years, never stands in for it.
    """
    if target.span is None:
        return _with_break(evaluate(target, indicator, series, region), series)
    due = replace(target, year=year)
    reading = series.readings.get(year)
    if reading is None:
        return StatusRow(due, indicator, region, None, None, Status.NO_DATA)
    row_gap = gap(target.op, target.value, reading.value, None, indicator)
    met = satisfies(target.op, target.value, reading.value, None, indicator, tolerance_of(target), reading.qualifier)
    undecided = () if met else _undecided(due, indicator, reading, None, tolerance_of(target))
    state = Status.MET if met else Status.NO_TREND if undecided else Status.MISSED
    row = StatusRow(due, indicator, region, reading, row_gap, state, warnings=undecided)
    return _with_break(row, series)


def _with_break(row: StatusRow, series: Series) -> StatusRow:
    """The row flagged when a figure it uses is of another unit than the one the target is for: a province
    whose territory changed on 1 July 2025 under its name, before and after (regions.territory_of)."""
    own = region_key(row.target.region) == region_key(row.region)
    unit = territory_of(row.region, row.target.year, row.target.territory if own else None)
    used = [row.current]
    if row.baseline is not None and (row.status is not Status.MET or row.target.op is Op.MAINTAIN):
        used.append(series.readings.get(row.baseline.year))  # progress was measured from it
    other = next((r for r in used if r is not None and r.territory not in (None, unit)), None)
    if unit is None or other is None:
        return row
    note = tr(
        "series break: {region}'s territory changed on 1 July 2025; the target is for {region} {target_unit}, "
        "but the {year} figure is for {region} {figure_unit}",
        region=row.region,
        target_unit=unit_words(unit),
        year=other.year,
        figure_unit=unit_words(other.territory),
    )
    if row.status in _TRENDS and row.baseline is not None and row.current is not None:
        # A pace measured from one territory to another says nothing of either: no trend until two figures of one.
        baseline = series.readings.get(row.baseline.year)
        if baseline is not None and baseline.territory != row.current.territory:
            return replace(
                row,
                status=Status.NO_TREND,
                progress_ratio=None,
                projected=None,
                series_break=True,
                warnings=(*row.warnings, note),
            )
    return replace(row, series_break=True, warnings=(*row.warnings, note))


#: The statuses a pace gives, which a series break leaves without a meaning.
_TRENDS = frozenset({Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.REGRESSING})


def unit_words(territory: Territory | None) -> str:
    """ "as it was before 1 July 2025" or "as it is since then": which unit of a changed province is meant."""
    return tr("as it was before 1 July 2025") if territory is Territory.FORMER else tr("as it is since 1 July 2025")


def status(dataset: Dataset, year: int, region: str = NATIONAL, index: Index | None = None) -> StatusReport:
    """Every target due in `year`, evaluated against `region`'s figures."""
    index = index or Index.of(dataset)
    rows = [
        evaluate_in(t, year, dataset.indicators[t.indicator], index.series(t.indicator, region), region)
        for t in index.targets_in(region)
        if t.due_in(year)
    ]
    rows.sort(key=lambda r: (r.indicator.area, r.target.indicator, region_key(r.target.region), r.target.op.value))
    return StatusReport(year, region, tuple(rows))


#: Statuses that make `status --check` fail; `no-trend` joins them with `strict`.
CHECK_FAILS = frozenset({Status.MISSED, Status.NO_DATA, Status.AT_RISK, Status.OFF_TRACK, Status.REGRESSING})


def tally(rows: Iterable[StatusRow]) -> dict[str, int]:
    """How many of `rows` have each status, every status named (a report's summary, or a part's)."""
    counts = {s.value: 0 for s in Status}
    for row in rows:
        counts[row.status.value] += 1
    return counts


def counted(row: StatusRow) -> bool:
    """Whether `--check` counts a row: a target judged in its own region.

    The nation's targets count against the nation's figures and a province's against its own,
    whatever region was asked for (one province, or "all"); a national target shown against a
    province's figures is context, and a province is not failed for the nation's goals.
    """
    return region_key(row.region) == region_key(row.target.region)


def check(report: StatusReport, *, strict: bool = False) -> tuple[list[StatusRow], list[StatusRow], int]:
    """The rows that fail `--check`, the no-trend rows that are only noted (without `strict`), and how many
    rows were counted."""
    failing = CHECK_FAILS | ({Status.NO_TREND} if strict else set())
    rows = [r for r in report.rows if counted(r)]
    flagged = [r for r in rows if r.status in failing]
    noted = [r for r in rows if r.status is Status.NO_TREND and not strict]
    return flagged, noted, len(rows)


def due_years(dataset: Dataset) -> list[int]:
    """Every year some target is due in, each year of a span included."""
    years = {year for t in dataset.targets for year in range(t.span[0] if t.span else t.year, t.year + 1)}
    return sorted(years)
