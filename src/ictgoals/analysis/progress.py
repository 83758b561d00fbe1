"""The progress-ratio method: baselines, observed against required compound growth, projection and pace."""

from __future__ import annotations

from dataclasses import dataclass

from ictgoals.analysis.index import Series
from ictgoals.model import Indicator, Point, Status, Target

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


@dataclass(frozen=True, eq=False)
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
