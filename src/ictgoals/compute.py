"""Pure computations on a `Dataset`: target status and progress, year-on-year diffs, and checks."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ictgoals.model import (
    NATIONAL,
    Actual,
    ChangeUnit,
    Dataset,
    DiffReport,
    DiffRow,
    Finding,
    GroupedActuals,
    Indicator,
    IndicatorView,
    Op,
    Point,
    Reading,
    Severity,
    Source,
    StatedChange,
    Status,
    StatusReport,
    StatusRow,
    Target,
    region_key,
)
from ictgoals.numbers import decimals, printed_value

ON_TRACK_RATIO = 0.95
AT_RISK_RATIO = 0.60
ZERO_STANDIN = 0.001
_REL_TOL = 1e-9


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_REL_TOL, abs_tol=1e-12)


# ---------------------------------------------------------------- the actuals, indexed once


@dataclass(frozen=True, slots=True)
class Series:
    """The resolved figures of one indicator in one region, by year."""

    readings: dict[int, Reading]
    actuals: dict[int, tuple[Actual, ...]]

    def years(self) -> list[int]:
        return sorted(self.readings)

    def latest_until(self, year: int) -> Reading | None:
        eligible = [y for y in self.readings if y <= year]
        return self.readings[max(eligible)] if eligible else None

    def first_from(self, year: int) -> Reading | None:
        eligible = [y for y in self.readings if y >= year]
        return self.readings[min(eligible)] if eligible else None


def source_order(sources: Mapping[str, Source]) -> dict[str, int]:
    """Rank sources for choosing between figures: most recently published first, then by id.

    Undated sources come last.
    """
    dated = sorted((s for s in sources.values() if s.recency), key=lambda s: s.id)
    dated.sort(key=lambda s: s.recency, reverse=True)  # stable: ids stay in order within a date
    undated = sorted(s.id for s in sources.values() if not s.recency)
    return {source_id: rank for rank, source_id in enumerate([s.id for s in dated] + undated)}


def choose(actuals: Sequence[Actual], order: Mapping[str, int]) -> Reading:
    """Pick the figure for one indicator, region and year from the actuals that report it.

    The first source in `order` wins; sources that agree with its figure are listed with it.
    """
    if len(actuals) == 1:
        only = actuals[0]
        return Reading(only.year, only.value, (only.source,), only.estimate, False, only.printed)
    ordered = sorted(actuals, key=lambda a: (order.get(a.source, len(order)), a.source))
    chosen = ordered[0]
    agreeing = [a for a in ordered if _same(a.value, chosen.value)]
    source_ids = tuple(dict.fromkeys(a.source for a in agreeing))
    return Reading(
        chosen.year,
        chosen.value,
        source_ids,
        all(a.estimate for a in agreeing),
        len(agreeing) != len(ordered),
        chosen.printed,
    )


class Index:
    """The actuals of a dataset grouped by indicator and folded region.

    Grouping is one pass; each group's figures are resolved only when asked for, since
    `status` needs a few hundred of the tens of thousands a large dataset holds.
    """

    def __init__(self, dataset: Dataset) -> None:
        actuals = dataset.actuals
        self._groups = actuals if isinstance(actuals, GroupedActuals) else GroupedActuals.of(actuals)
        self._order = source_order(dataset.sources)
        self._series: dict[tuple[str, str], Series] = {}

    def series(self, indicator: str, region: str) -> Series:
        key = (indicator, region_key(region))
        found = self._series.get(key)
        if found is None:
            by_year: dict[int, list[Actual]] = {}
            for actual in self._groups.group(key):
                by_year.setdefault(actual.year, []).append(actual)
            found = Series(
                {year: choose(group, self._order) for year, group in by_year.items()},
                {year: tuple(group) for year, group in by_year.items()},
            )
            self._series[key] = found
        return found

    def keys(self) -> Iterable[tuple[str, str]]:
        return self._groups.keys()


def canonical_region(dataset: Dataset, wanted: str) -> str | None:
    """The region as the data spells it, matching case- and diacritic-insensitively."""
    key = region_key(wanted)
    if key == region_key(NATIONAL):
        return NATIONAL
    return next((r for r in dataset.regions() if region_key(r) == key), None)


# ---------------------------------------------------------------- status and progress


def satisfies(
    op: Op, value: float | tuple[float, float] | None, actual: float, baseline: float | None, indicator: Indicator
) -> bool:
    """Whether `actual` meets a target; "maintain" compares with the baseline."""
    if op is Op.AT_LEAST:
        assert isinstance(value, float)
        return actual >= value or _same(actual, value)
    if op is Op.AT_MOST:
        assert isinstance(value, float)
        return actual <= value or _same(actual, value)
    if op is Op.BETWEEN:
        assert isinstance(value, tuple)
        low, high = value
        return (low <= actual or _same(low, actual)) and (actual <= high or _same(actual, high))
    if baseline is None:
        return False
    return indicator.better.sign * (actual - baseline) >= 0 or _same(actual, baseline)


def gap(
    op: Op, value: float | tuple[float, float] | None, actual: float, baseline: float | None, indicator: Indicator
) -> float | None:
    """Distance still to go, in the indicator's unit: positive when short, 0 or less when met."""
    if op is Op.AT_LEAST:
        assert isinstance(value, float)
        return value - actual
    if op is Op.AT_MOST:
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
    """The single number a target aims at: for a range, the bound nearest `near`."""
    if target.op is Op.MAINTAIN:
        return baseline
    if isinstance(target.value, tuple):
        low, high = target.value
        return low if abs(near - low) <= abs(near - high) else high
    return target.value


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


@dataclass(frozen=True, slots=True)
class Progress:
    """The progress-ratio figures for one target; None where undefined."""

    ratio: float | None
    projected: float | None
    warnings: tuple[str, ...] = ()


def _cagr(start: float, end: float, years: float) -> float | None:
    if start == 0 or end / start < 0:
        return None
    return float((end / start) ** (1.0 / years) - 1.0)


def progress(baseline: Point, current: Point, goal: float, target_year: int, indicator: Indicator) -> Progress:
    """Statistics Canada's progress ratio: observed over required compound growth (docs/methodology.md)."""
    if current.year - baseline.year < 1 or target_year - baseline.year < 1:
        return Progress(None, None)
    warnings = []
    base = baseline.value
    if base == 0:
        base = ZERO_STANDIN
        warnings.append(f"the baseline ({baseline.year}) is 0; {ZERO_STANDIN} stands in for it")
    if goal == 0:
        goal = ZERO_STANDIN
        warnings.append(f"the target is 0; {ZERO_STANDIN} stands in for it")
    observed = _cagr(base, current.value, current.year - baseline.year)
    required = _cagr(base, goal, target_year - baseline.year)
    if observed is None or required is None or required == 0:
        return Progress(None, None, tuple(warnings))
    sign = -1 if base < 0 else 1
    ratio = sign * indicator.better.sign * observed / abs(required)
    projected = current.value * (1.0 + observed) ** (target_year - current.year)
    return Progress(ratio, projected, tuple(warnings))


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


def evaluate(target: Target, indicator: Indicator, series: Series, region: str) -> StatusRow:
    """Evaluate one target against one region's series of figures."""
    current = series.latest_until(target.year)
    baseline = baseline_of(target, series)
    if current is None:
        return StatusRow(target, indicator, region, None, None, Status.NO_DATA, baseline)
    base_value = baseline.value if baseline else None
    row_gap = gap(target.op, target.value, current.value, base_value, indicator)
    if satisfies(target.op, target.value, current.value, base_value, indicator):
        return StatusRow(target, indicator, region, current, row_gap, Status.MET, baseline)
    pace = required_pace(Point(current.year, current.value), _goal(target, current.value, base_value), target.year)
    deadline = series.first_from(target.year)
    if deadline is not None or target.op is Op.MAINTAIN:
        return StatusRow(target, indicator, region, current, row_gap, Status.MISSED, baseline, None, None, *pace)
    assert baseline is not None  # a current figure implies a baseline
    goal = _goal(target, baseline.value, baseline.value)
    assert goal is not None
    result = progress(baseline, Point(current.year, current.value), goal, target.year, indicator)
    if result.ratio is None:
        state = Status.NO_TREND
        if current.year > baseline.year and goal == baseline.value:
            state = Status.REGRESSING
    else:
        state = status_from_ratio(result.ratio)
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
        warnings=result.warnings,
    )


def targets_for(dataset: Dataset, region: str) -> list[Target]:
    """National targets, plus the region's own when a region other than the nation is asked for."""
    wanted = {region_key(NATIONAL), region_key(region)}
    return [t for t in dataset.targets if region_key(t.region) in wanted]


def status(dataset: Dataset, year: int, region: str = NATIONAL, index: Index | None = None) -> StatusReport:
    """Every target due in `year`, evaluated against `region`'s figures."""
    index = index or Index(dataset)
    rows = [
        evaluate(t, dataset.indicators[t.indicator], index.series(t.indicator, region), region)
        for t in targets_for(dataset, region)
        if t.year == year
    ]
    rows.sort(key=lambda r: (r.indicator.area, r.target.indicator, region_key(r.target.region), r.target.op.value))
    return StatusReport(year, region, tuple(rows))


# ---------------------------------------------------------------- diff


def implied_previous(value: float, change: StatedChange, indicator: Indicator) -> float | None:
    """The earlier figure a stated change implies; None for a stated range."""
    if isinstance(change.value, tuple):
        return None
    if change.unit is ChangeUnit.PERCENT:
        factor = 1.0 + change.value / 100.0
        return None if factor == 0 else value / factor
    if change.unit is ChangeUnit.POINTS:
        return value - change.value
    return value - indicator.better.sign * change.value


def computed_change(before: float, after: float, unit: ChangeUnit, indicator: Indicator) -> float | None:
    """The change from `before` to `after` expressed in a stated change's unit."""
    if unit is ChangeUnit.PERCENT:
        return None if before == 0 else 100.0 * (after - before) / abs(before)
    if unit is ChangeUnit.POINTS:
        return after - before
    return indicator.better.sign * (after - before)


def _half_unit(value: float) -> float:
    return 0.5 * 10.0 ** -decimals(value)


def change_agrees(
    stated: float | tuple[float, float], before: float, after: float, unit: ChangeUnit, indicator: Indicator
) -> bool | None:
    """Whether a stated change matches two figures, allowing for how each was rounded in print."""
    computed = computed_change(before, after, unit, indicator)
    if computed is None:
        return None
    low, high = stated if isinstance(stated, tuple) else (stated, stated)
    slack = max(_half_unit(low), _half_unit(high))
    # Propagate half a unit of the last printed digit of each figure into the change.
    if unit is ChangeUnit.PERCENT:
        slack += 100.0 * (abs(after) * _half_unit(before) / before**2 + _half_unit(after) / abs(before))
    else:
        slack += _half_unit(before) + _half_unit(after)
    return low - slack - 1e-9 <= computed <= high + slack + 1e-9


def diff(dataset: Dataset, year: int, against: int, region: str = NATIONAL, index: Index | None = None) -> DiffReport:
    """Each indicator with a figure in `year` against `against`, recorded or implied by a stated change."""
    index = index or Index(dataset)
    wanted = region_key(region)
    rows = []
    for indicator_id, folded in sorted(index.keys()):
        if folded != wanted:
            continue
        series = index.series(indicator_id, region)
        after = series.readings.get(year)
        if after is None:
            continue
        indicator = dataset.indicators[indicator_id]
        stated = _stated_for(series.actuals[year], after)
        before = series.readings.get(against)
        derived = False
        if before is None and stated is not None and stated.from_year == against:
            implied = implied_previous(after.value, stated, indicator)
            if implied is not None:
                before = Reading(against, implied, after.sources, after.estimate, False)
                derived = True
        change = change_pct = improved = agrees = None
        if before is not None:
            change = after.value - before.value
            change_pct = None if before.value == 0 else 100.0 * change / abs(before.value)
            improved = indicator.better.sign * change > 0
            if stated is not None and stated.from_year == against and not derived:
                agrees = change_agrees(stated.value, before.value, after.value, stated.unit, indicator)
        rows.append(DiffRow(indicator, region, before, derived, after, change, change_pct, improved, stated, agrees))
    rows.sort(key=lambda r: (r.indicator.area, r.indicator.id))
    due = status(dataset, year, region, index)
    return DiffReport(year, against, region, tuple(rows), due.rows)


def _stated_for(actuals: Sequence[Actual], chosen: Reading) -> StatedChange | None:
    """The stated change of the chosen figure, or of another source agreeing with it."""
    changes = [a.change for a in actuals if a.change is not None and _same(a.value, chosen.value)]
    return changes[0] if changes else None


# ---------------------------------------------------------------- validate


def validate(dataset: Dataset, index: Index | None = None) -> list[Finding]:
    """Warnings about data that loads but disagrees with itself."""
    index = index or Index(dataset)
    findings: list[Finding] = []
    findings += _conflicts(dataset, index)
    findings += _stated_change_mismatches(dataset, index)
    findings += _inconsistent_targets(dataset, index)
    findings += _printed_mismatches(dataset)
    return findings


def _fmt(value: float) -> str:
    return f"{value:.10g}"


def _conflicts(dataset: Dataset, index: Index) -> list[Finding]:
    findings = []
    for key in sorted(index.keys()):
        series = index.series(*key)
        for year in series.years():
            reading = series.readings[year]
            if not reading.conflict:
                continue
            group = series.actuals[year]
            figures = "; ".join(f"{_fmt(a.value)} from '{a.source}' ({a.location})" for a in group)
            first = group[0]
            dated = {dataset.sources[a.source].recency for a in group}
            why = "the most recent source" if len(dated) > 1 else "equally recent sources go by id"
            findings.append(
                Finding(
                    Severity.WARNING,
                    "conflict",
                    f"{first.indicator} ({first.region}, {year}): sources disagree: {figures}. "
                    f"status and diff use {_fmt(reading.value)} from '{reading.sources[0]}' ({why}).",
                    first.location.file,
                    first.location.line,
                    first.indicator,
                    year,
                )
            )
    return findings


def _stated_change_mismatches(dataset: Dataset, index: Index) -> list[Finding]:
    findings = []
    for actual in dataset.actuals:
        change = actual.change
        if change is None or isinstance(change.value, tuple):
            continue
        earlier = index.series(actual.indicator, actual.region).readings.get(change.from_year)
        if earlier is None:
            continue
        indicator = dataset.indicators[actual.indicator]
        if change_agrees(change.value, earlier.value, actual.value, change.unit, indicator) is not False:
            continue
        computed = computed_change(earlier.value, actual.value, change.unit, indicator)
        assert computed is not None
        implied = implied_previous(actual.value, change, indicator)
        findings.append(
            Finding(
                Severity.WARNING,
                "stated-change-mismatch",
                f"{actual.indicator} ({actual.region}, {actual.year}): '{actual.source}' states a change of "
                f"{_fmt(change.value)} {change.unit.value} on {change.from_year}, but {_fmt(actual.value)} against "
                f"the recorded {change.from_year} figure {_fmt(earlier.value)} (from '{earlier.sources[0]}') is "
                f"{computed:+.2f} {change.unit.value}; the stated change implies {change.from_year} was "
                f"{'?' if implied is None else f'{implied:.4g}'}.",
                actual.location.file,
                actual.location.line,
                actual.indicator,
                actual.year,
            )
        )
    return findings


def _inconsistent_targets(dataset: Dataset, index: Index) -> list[Finding]:
    findings = []
    for target in dataset.targets:
        change = target.change
        if change is None or not isinstance(target.value, float):
            continue
        indicator = dataset.indicators[target.indicator]
        if target.from_value is not None:
            base, whose = target.from_value, "its own stated base"
        else:
            reading = index.series(target.indicator, target.region).readings.get(change.from_year)
            if reading is None:
                continue
            base, whose = reading.value, f"the recorded {change.from_year} figure"
        if change_agrees(change.value, base, target.value, change.unit, indicator) is not False:
            continue
        computed = computed_change(base, target.value, change.unit, indicator)
        stated = change.value if isinstance(change.value, float) else f"{_fmt(change.value[0])}–{_fmt(change.value[1])}"
        findings.append(
            Finding(
                Severity.WARNING,
                "inconsistent-target",
                f"{target.indicator} ({target.region}, {target.year}): the target {_fmt(target.value)} is stated as "
                f"a change of {stated if isinstance(stated, str) else _fmt(stated)} {change.unit.value} on "
                f"{change.from_year}, but against {whose} {_fmt(base)} it is "
                f"{'?' if computed is None else f'{computed:+.2f}'} {change.unit.value}.",
                target.location.file,
                target.location.line,
                target.indicator,
                target.year,
            )
        )
    return findings


def _printed_mismatches(dataset: Dataset) -> list[Finding]:
    findings = []
    for actual in dataset.actuals:
        if not actual.printed:
            continue
        unit = dataset.indicators[actual.indicator].unit
        try:
            read = printed_value(actual.printed, unit)
        except ValueError:
            read = None
        if isinstance(read, float) and _close_to_print(read, actual.value):
            continue
        shown = "no number" if read is None else _fmt(read) if isinstance(read, float) else "a range"
        findings.append(
            Finding(
                Severity.WARNING,
                "printed-mismatch",
                f'{actual.indicator} ({actual.region}, {actual.year}): printed "{actual.printed}" reads as '
                f"{shown}, but value is {_fmt(actual.value)}.",
                actual.location.file,
                actual.location.line,
                actual.indicator,
                actual.year,
            )
        )
    return findings


def _close_to_print(read: float, value: float) -> bool:
    """A value matches its print if it is the printed figure, rounded as the value is written."""
    return _same(read, value) or abs(read - value) <= _half_unit(value) + 1e-9


# ---------------------------------------------------------------- one indicator


def show(dataset: Dataset, indicator_id: str, region: str = NATIONAL, index: Index | None = None) -> IndicatorView:
    """An indicator's figures in a region, the earlier values its stated changes imply, and its targets."""
    index = index or Index(dataset)
    indicator = dataset.indicators[indicator_id]
    series = index.series(indicator_id, region)
    actuals = tuple(a for year in series.years() for a in series.actuals[year])
    derived: dict[int, Point] = {}
    for year in series.years():
        stated = _stated_for(series.actuals[year], series.readings[year])
        if stated is None or stated.from_year in series.readings or stated.from_year in derived:
            continue
        implied = implied_previous(series.readings[year].value, stated, indicator)
        if implied is not None:
            derived[stated.from_year] = Point(stated.from_year, implied)
    rows = tuple(
        sorted(
            (
                evaluate(t, indicator, series, region)
                for t in targets_for(dataset, region)
                if t.indicator == indicator_id
            ),
            key=lambda r: (r.target.year, r.target.op.value),
        )
    )
    readings = tuple(series.readings[y] for y in series.years())
    return IndicatorView(indicator, region, actuals, readings, tuple(derived[y] for y in sorted(derived)), rows)
