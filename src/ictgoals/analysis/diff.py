"""Year-on-year change of every figure in a region, recorded or implied by a stated change."""

from __future__ import annotations

from ictgoals.analysis.changes import change_agrees, implied_previous, stated_for
from ictgoals.analysis.index import Index
from ictgoals.analysis.results import DiffReport, DiffRow
from ictgoals.analysis.status import status
from ictgoals.model import NATIONAL, Better, Dataset, Reading


def diff(dataset: Dataset, year: int, against: int, region: str = NATIONAL, index: Index | None = None) -> DiffReport:
    """Each indicator with a figure in `year` against `against`, recorded or implied by a stated change."""
    index = index or Index.of(dataset)
    rows = []
    for indicator_id, _ in sorted(index.keys_in(region)):
        series = index.series(indicator_id, region)
        after = series.readings.get(year)
        if after is None:
            continue
        indicator = dataset.indicators[indicator_id]
        stated = stated_for(series.actuals[year], after)
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
            improved = None if indicator.better is Better.NEUTRAL else indicator.better.sign * change > 0
            if stated is not None and stated.from_year == against and not derived:
                agrees = change_agrees(stated.value, before.value, after.value, stated.unit, indicator)
        rows.append(DiffRow(indicator, region, before, derived, after, change, change_pct, improved, stated, agrees))
    rows.sort(key=lambda r: (r.indicator.area, r.indicator.id))
    due = status(dataset, year, region, index)
    return DiffReport(year, against, region, tuple(rows), due.rows)
