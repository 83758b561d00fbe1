"""Stated changes: the earlier figure a change implies, and whether a change agrees with two figures."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ictgoals.analysis.index import Reading, same_value
from ictgoals.model import Actual, ChangeUnit, Indicator, StatedChange
from ictgoals.numbers import decimals


def implied_previous(value: float, change: StatedChange, indicator: Indicator) -> float | None:
    """The earlier figure a stated change implies, to the precision of what it is worked out from; None for a
    stated range.

    71.000 tỷ đồng after a rise of 21% implies 71000 / 1.21 = 58677.69…, shown as 58678: the figure is printed
    to whole billions, so the derived one cannot be more precise. A change in points or places adds
    or takes away, and keeps the finer of the two precisions.
    """
    if isinstance(change.value, tuple):
        return None
    if change.unit is ChangeUnit.PERCENT:
        factor = 1.0 + change.value / 100.0
        implied = None if factor == 0 else value / factor
        places = decimals(value)
    elif change.unit is ChangeUnit.POINTS:
        implied = value - change.value
        places = max(decimals(value), decimals(change.value))
    else:
        implied = value - indicator.better.sign * change.value
        places = max(decimals(value), decimals(change.value))
    if implied is None or not math.isfinite(implied):  # not a figure when it overflows
        return None
    rounded = round(implied, places)
    return rounded if math.isfinite(rounded) else implied


def computed_change(before: float, after: float, unit: ChangeUnit, indicator: Indicator) -> float | None:
    """The change from `before` to `after` expressed in a stated change's unit."""
    if unit is ChangeUnit.PERCENT:
        return None if before == 0 else 100.0 * (after - before) / abs(before)
    if unit is ChangeUnit.POINTS:
        return after - before
    return indicator.better.sign * (after - before)


def half_unit(value: float) -> float:
    return 0.5 * 10.0 ** -decimals(value)


def change_agrees(
    stated: float | tuple[float, float], before: float, after: float, unit: ChangeUnit, indicator: Indicator
) -> bool | None:
    """Whether a stated change matches two figures, allowing for how each was rounded in print."""
    computed = computed_change(before, after, unit, indicator)
    if computed is None:
        return None
    low, high = stated if isinstance(stated, tuple) else (stated, stated)
    slack = max(half_unit(low), half_unit(high))
    # Propagate half a unit of the last printed digit of each figure into the change.
    if unit is ChangeUnit.PERCENT:
        # Divided twice rather than by before**2, which overflows or underflows to 0 for extreme figures.
        slack += 100.0 * (abs(after) * half_unit(before) / abs(before) / abs(before) + half_unit(after) / abs(before))
    else:
        slack += half_unit(before) + half_unit(after)
    return low - slack - 1e-9 <= computed <= high + slack + 1e-9


def stated_for(actuals: Sequence[Actual], chosen: Reading) -> StatedChange | None:
    """The stated change of the chosen figure, or of another source agreeing with it."""
    changes = [a.change for a in actuals if a.change is not None and same_value(a.value, chosen.value)]
    return changes[0] if changes else None
