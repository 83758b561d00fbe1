"""The text chart `show` draws: a bar per year for the figures used, with the target marked."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ictgoals.i18n import tr
from ictgoals.output.text import show_target, show_value

if TYPE_CHECKING:
    from ictgoals.analysis.view import IndicatorView


def chart_lines(view: IndicatorView, width: int = 32) -> list[tuple[str, str, str]]:
    """A bar per year for the figures used, with the nearest target's value marked by '│'."""
    points = {r.year: r.value for r in view.readings}
    derived = {p.year: p.value for p in view.derived}
    goals: dict[int, float] = {}
    for row in view.targets:
        value = row.target.value
        if isinstance(value, tuple):
            value = value[0]
        if value is None and row.baseline is not None:
            value = row.baseline.value
        if value is not None:
            goals.setdefault(row.target.year, value)
    values = [*points.values(), *derived.values(), *goals.values()]
    if not values:
        return []
    top = max(max(values), 0.0) or 1.0
    years = sorted({*points, *derived, *goals})
    marker_value = goals[min(goals)] if goals else None
    lines = []
    for year in years:
        value = points.get(year, derived.get(year))
        length = 0 if value is None else round(width * _share(value, top))
        bar = list(("█" if year in points else "░") * length + " " * (width - length))
        if marker_value is not None:
            column = min(width - 1, max(0, round(width * _share(marker_value, top)) - 1))
            bar[column] = "│"
        label = "" if value is None else show_value(value, view.indicator)
        if year in derived and year not in points:
            label += " " + tr("(derived)")
        if year in goals:
            goal_row = next(r for r in view.targets if r.target.year == year)
            label += "   " + tr("target {target}", target=show_target(goal_row.target, view.indicator))
        lines.append((str(year), "".join(bar), label))
    return lines


def _share(value: float, top: float) -> float:
    """How much of the bar `value` fills, between 0 and 1 (figures far apart never overflow the arithmetic)."""
    share = value / top
    return min(max(share, 0.0), 1.0) if math.isfinite(share) else (1.0 if share > 0 else 0.0)
