"""One indicator in one region: its figures, the earlier values its stated changes imply, and its targets."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ictgoals.analysis import records
from ictgoals.analysis.changes import implied_previous, stated_for
from ictgoals.analysis.index import Index, Point, Reading, Series, qualifier_of
from ictgoals.analysis.status import StatusRow, evaluate_in
from ictgoals.model import NATIONAL, Actual, Dataset, Indicator, Source, Target, region_key
from ictgoals.provinces import catalogue, territory_of
from ictgoals.values import Value

# ---------------------------------------------------------------- the results


@dataclass(frozen=True, eq=False, repr=False)
class HistoryEntry(Value):
    """One line of an indicator's history: a reported figure, a former province's, or a derived value."""

    indicator: str
    """The indicator's id."""
    year: int
    """The year of the figure (the last of a period)."""
    value: float
    """The figure, in the indicator's unit."""
    region: str
    """The region the figure is for."""
    source: str | None = None
    """The source id; None for a derived value."""
    printed: str | None = None
    """The figure as printed."""
    estimate: bool = False
    """The source calls it an estimate."""
    derived: bool = False
    """Implied by a later year's stated change, never reported."""
    used: bool = False
    """The figure chosen for its year (status and diff use it)."""
    stated_change: float | None = None
    """The change on an earlier year the source states with it."""
    stated_change_unit: str | None = None
    """The unit of that change: "%", "pp" or "places"."""
    period: tuple[int, int] | None = None
    """For a figure over a span of years: the first and last year."""
    basis: str | None = None
    """For such a figure: "average" (per year) or "total"."""
    absorbed: bool = False
    """A figure of a former province the region was formed from: shown, never used."""
    qualifier: str | None = None
    """The bound the print states ("more-than" for "hơn 148"), if any."""
    territory: str | None = None
    """For a province whose territory changed on 1 July 2025 under its name: "former" or "current"."""
    series_break: bool = False
    """The first figure of the region after a change of its territory: not comparable with those before."""

    @classmethod
    def of(cls, actual: Actual, used: bool, absorbed: bool = False) -> HistoryEntry:
        change = actual.change
        unit = territory_of(actual.region, actual.year, actual.territory)
        return cls(
            actual.indicator,
            actual.year,
            actual.value,
            actual.region,
            source=actual.source,
            printed=actual.printed,
            estimate=actual.estimate,
            used=used,
            stated_change=None if change is None or isinstance(change.value, tuple) else change.value,
            stated_change_unit=None if change is None else change.unit.value,
            period=actual.period,
            basis=actual.basis or None,
            absorbed=absorbed,
            qualifier=None if (bound := qualifier_of(actual)) is None else bound.value,
            territory=None if unit is None else unit.value,
        )


@dataclass(frozen=True, eq=False, repr=False)
class IndicatorView(Value):
    """One indicator's history in a region, the figures used, and its targets' status."""

    indicator: Indicator
    """The indicator."""
    region: str
    """The region."""
    actuals: tuple[Actual, ...]
    """Its figures in the region, periods first, then by year."""
    readings: tuple[Reading, ...]
    """The figure chosen for each year."""
    derived: tuple[Point, ...]
    """Earlier values that stated changes imply, where no figure was reported."""
    targets: tuple[StatusRow, ...]
    """Its targets, each as `status` evaluates it."""
    absorbed: tuple[Actual, ...] = ()
    """Figures of the former provinces this one was formed from: shown, never used."""
    sources: tuple[Source, ...] = ()
    """The sources of its figures, in the order its history first cites them."""

    def history(self) -> tuple[HistoryEntry, ...]:
        """Every figure, former province's figure and derived value, by year; the one used first in a year."""
        used = {(r.year, s) for r in self.readings for s in r.sources}
        entries = [HistoryEntry.of(a, a.period is None and (a.year, a.source) in used) for a in self.actuals]
        entries += [HistoryEntry.of(a, False, absorbed=True) for a in self.absorbed]
        entries += [HistoryEntry(self.indicator.id, p.year, p.value, self.region, derived=True) for p in self.derived]
        entries.sort(key=lambda e: (e.year, e.derived, not e.used, e.source or ""))
        return _breaks(entries)

    def to_records(self) -> list[dict[str, Any]]:
        """The JSON's "history": every figure, derived value and merged-in figure, in order."""
        return records.HISTORY.records(self.history())

    def target_records(self) -> list[dict[str, Any]]:
        """The JSON's "targets", as `status` rows."""
        return records.STATUS.records(self.targets)

    def to_document(self) -> records.Record:
        """`show --format json`."""
        return records.view_document(self)

    def sheets(self) -> list[records.Sheet]:
        return [self.csv_sheet(), ("targets", records.STATUS.columns, self.target_records())]

    def csv_sheet(self) -> records.Sheet:
        return ("history", records.HISTORY.columns, self.to_records())

    def __repr__(self) -> str:
        return (
            f"IndicatorView(indicator={self.indicator.id!r}, region={self.region!r}, "
            f"actuals=<{len(self.actuals)} figures>, targets=<{len(self.targets)} rows>)"
        )


def _breaks(entries: list[HistoryEntry]) -> tuple[HistoryEntry, ...]:
    """The entries, the first of each unit after another (a province before and after 1 July 2025) flagged."""
    marked, last = [], None
    for entry in entries:
        if entry.territory is not None and not entry.absorbed:
            if last is not None and entry.territory != last:
                entry = replace(entry, series_break=True)
            last = entry.territory
        marked.append(entry)
    return tuple(marked)


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
    view = IndicatorView(indicator, region, actuals, readings, derived_points, rows, absorbed)
    cited = dict.fromkeys(e.source for e in view.history() if e.source is not None and e.source in dataset.sources)
    return replace(view, sources=tuple(dataset.sources[source] for source in cited))


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
