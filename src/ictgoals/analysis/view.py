"""One indicator in one region: its figures, the earlier values its stated changes imply, and its targets."""

from __future__ import annotations

from ictgoals.analysis.changes import implied_previous, stated_for
from ictgoals.analysis.index import Index, Series
from ictgoals.analysis.results import IndicatorView
from ictgoals.analysis.status import evaluate_in
from ictgoals.model import NATIONAL, Dataset, Point, Target, region_key
from ictgoals.regions import catalogue


def show(dataset: Dataset, indicator_id: str, region: str = NATIONAL, index: Index | None = None) -> IndicatorView:
    """An indicator's figures in a region, the earlier values its stated changes imply, and its targets."""
    index = index or Index.of(dataset)
    indicator = dataset.indicators[indicator_id]
    series = index.series(indicator_id, region)
    actuals = (*series.periods, *(a for year in series.years() for a in series.actuals[year]))
    derived: dict[int, Point] = {}
    for year in series.years():
        stated = stated_for(series.actuals[year], series.readings[year])
        if stated is None or stated.from_year in series.readings or stated.from_year in derived:
            continue
        implied = implied_previous(series.readings[year].value, stated, indicator)
        if implied is not None:
            derived[stated.from_year] = Point(stated.from_year, implied)
    rows = tuple(
        sorted(
            (
                evaluate_in(t, _judged_year(t, series), indicator, series, region)
                for t in index.targets_in(region, indicator_id)
            ),
            key=lambda r: (r.target.year, r.target.op.value),
        )
    )
    readings = tuple(series.readings[y] for y in series.years())
    absorbed = tuple(
        actual
        for former in formed_from(region)
        for group in (index.series(indicator_id, former),)
        for actual in (*group.periods, *(a for year in group.years() for a in group.actuals[year]))
    )
    derived_points = tuple(derived[y] for y in sorted(derived))
    return IndicatorView(indicator, region, actuals, readings, derived_points, rows, absorbed)


def _judged_year(target: Target, series: Series) -> int:
    """The year `show` judges a target in: its year, or for a span the latest year of it with a figure."""
    if target.span is None:
        return target.year
    first, last = target.span
    with_figures = [year for year in series.readings if first <= year <= last]
    return max(with_figures, default=last)


def formed_from(region: str) -> tuple[str, ...]:
    """The former provinces a current one was formed from on 1 July 2025 (other than itself), if any."""
    wanted = region_key(region)
    found = next((r.formed_from for r in catalogue() if r.current and region_key(r.name) == wanted), ())
    return tuple(name for name in found if region_key(name) != wanted)
