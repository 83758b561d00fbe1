"""Where each target stands: met or missed on the latest figure, else its progress towards the target year."""

from __future__ import annotations

from ictgoals.analysis.index import Index, Series, same_value
from ictgoals.analysis.progress import baseline_of, progress, required_pace, status_from_ratio
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


def satisfies(
    op: Op, value: float | tuple[float, float] | None, actual: float, baseline: float | None, indicator: Indicator
) -> bool:
    """Whether `actual` meets a target; "maintain" compares with the baseline."""
    if op is Op.AT_LEAST:
        assert isinstance(value, float)
        return actual >= value or same_value(actual, value)
    if op is Op.AT_MOST:
        assert isinstance(value, float)
        return actual <= value or same_value(actual, value)
    if op is Op.BETWEEN:
        assert isinstance(value, tuple)
        low, high = value
        return (low <= actual or same_value(low, actual)) and (actual <= high or same_value(actual, high))
    if baseline is None:
        return False
    return indicator.better.sign * (actual - baseline) >= 0 or same_value(actual, baseline)


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


#: Statuses that make `status --check` fail; `no-trend` joins them with `strict`.
CHECK_FAILS = frozenset({Status.MISSED, Status.NO_DATA, Status.AT_RISK, Status.OFF_TRACK, Status.REGRESSING})


def check(report: StatusReport, *, strict: bool = False) -> tuple[list[StatusRow], list[StatusRow]]:
    """The rows that fail `--check`, and the no-trend rows that only get a mention (without `strict`)."""
    failing = CHECK_FAILS | ({Status.NO_TREND} if strict else set())
    flagged = [r for r in report.rows if r.status in failing]
    noted = [r for r in report.rows if r.status is Status.NO_TREND and not strict]
    return flagged, noted
