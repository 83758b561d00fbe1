"""Where each target stands: met or missed on the latest figure, else its progress by the progress-ratio method."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, replace

from ictgoals.analysis.index import Index, Series, same_value
from ictgoals.i18n import tr
from ictgoals.model import (
    NATIONAL,
    Dataset,
    Indicator,
    Op,
    Point,
    Status,
    StatusReport,
    StatusRow,
    Target,
    region_key,
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


def satisfies(
    op: Op,
    value: float | tuple[float, float] | None,
    actual: float,
    baseline: float | None,
    indicator: Indicator,
    tolerance: float = 0.0,
) -> bool:
    """Whether `actual` meets a target; "maintain" compares with the baseline.

    A strict target (">", "<") is not met at exactly its value. `tolerance` widens a target in
    the indicator's unit: ">= 100" with tolerance 2 is met from 98.
    """
    if op.upward or op.downward:
        assert isinstance(value, float)
        bound = value - tolerance if op.upward else value + tolerance
        beyond = actual > bound if op.upward else actual < bound
        if op is Op.MORE_THAN or op is Op.LESS_THAN:
            return beyond and not same_value(actual, bound)
        return beyond or same_value(actual, bound)
    if op is Op.BETWEEN:
        assert isinstance(value, tuple)
        low, high = value[0] - tolerance, value[1] + tolerance
        return (low <= actual or same_value(low, actual)) and (actual <= high or same_value(actual, high))
    if baseline is None:
        return False
    change = indicator.better.sign * (actual - baseline)
    return change >= -tolerance or same_value(change, -tolerance)


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
    tolerance = target.tolerance or 0.0
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
    if satisfies(target.op, target.value, current.value, base_value, indicator, target.tolerance or 0.0):
        return StatusRow(target, indicator, region, current, row_gap, Status.MET, baseline)
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
        return StatusRow(target, indicator, region, current, row_gap, Status.MISSED, baseline, None, None, *pace)
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


def evaluate_in(target: Target, year: int, indicator: Indicator, series: Series, region: str) -> StatusRow:
    """A target as due in `year`: a target for every year of a span is judged on that year's own figure.

    Such a target is met or missed each year by that year's figure alone (no figure: no-data); an
    earlier year's figure, or one for a period of years, never stands in for it.
    """
    if target.span is None:
        return evaluate(target, indicator, series, region)
    due = replace(target, year=year)
    reading = series.readings.get(year)
    if reading is None:
        return StatusRow(due, indicator, region, None, None, Status.NO_DATA)
    tolerance = target.tolerance or 0.0
    row_gap = gap(target.op, target.value, reading.value, None, indicator)
    met = satisfies(target.op, target.value, reading.value, None, indicator, tolerance)
    return StatusRow(due, indicator, region, reading, row_gap, Status.MET if met else Status.MISSED)


def targets_for(dataset: Dataset, region: str) -> list[Target]:
    """National targets, plus the region's own when a region other than the nation is asked for."""
    return Index.of(dataset).targets_in(region)


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


def check(report: StatusReport, *, strict: bool = False) -> tuple[list[StatusRow], list[StatusRow], int]:
    """The rows that fail `--check`, the no-trend rows that only get a mention (without `strict`), and how
    many rows were considered.

    For a province, only its own targets count: the national targets its figures are compared
    against are context, and a province is not failed for the nation's goals.
    """
    failing = CHECK_FAILS | ({Status.NO_TREND} if strict else set())
    rows = [r for r in report.rows if report.region == NATIONAL or r.target.region != NATIONAL]
    flagged = [r for r in rows if r.status in failing]
    noted = [r for r in rows if r.status is Status.NO_TREND and not strict]
    return flagged, noted, len(rows)
