"""The figures and targets of a dataset indexed once: by indicator and region, one chosen reading per year."""

from __future__ import annotations

import functools
import itertools
import math
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ictgoals.model import (
    NATIONAL,
    Actual,
    Dataset,
    GroupKey,
    Qualifier,
    Source,
    Target,
    Territory,
    may_state,
    region_key,
)
from ictgoals.provinces import same_unit, territory_of
from ictgoals.values import Value

if TYPE_CHECKING:  # the results of validate; status does not load them
    from ictgoals.analysis.checks import Finding

_REL_TOL = 1e-9


@dataclass(frozen=True, eq=False, repr=False)
class Reading(Value):
    """The figure chosen for an indicator, region and year, and whether sources disagree."""

    year: int
    """The year of the figure."""
    value: float
    """The figure, in the indicator's unit."""
    sources: tuple[str, ...]
    """The ids of the sources that give this figure: the most recent first."""
    estimate: bool
    """Whether every source that gives it calls it an estimate."""
    conflict: bool
    """Whether another source gives another figure for the same year."""
    printed: str = ""
    """The figure as the first source prints it."""
    qualifier: Qualifier | None = None
    """The bound that print states: "hơn 148" is known to be more than 148."""
    territory: Territory | None = None
    """For a province whose territory changed on 1 July 2025 under its name: the unit the figure is for."""


@dataclass(frozen=True, eq=False, repr=False)
class Point(Value):
    """One year and value: a baseline, or a value a stated change implies."""

    year: int
    """The year."""
    value: float
    """The value, in the indicator's unit."""


def same_value(a: float, b: float) -> bool:
    """Whether two figures are equal, allowing for floating-point noise."""
    return math.isclose(a, b, rel_tol=_REL_TOL, abs_tol=1e-12)


class Readings(Mapping[int, Reading]):
    """The reading of each year of a series, chosen when first asked for: a command looks at a few years of most."""

    __slots__ = ("_actuals", "_chosen", "_order")

    def __init__(self, actuals: Mapping[int, Sequence[Actual]], order: Mapping[str, int]) -> None:
        self._actuals = actuals
        self._order = order
        self._chosen: dict[int, Reading] = {}

    def __getitem__(self, year: int) -> Reading:
        found = self._chosen.get(year)
        if found is None:
            found = self._chosen[year] = choose(self._actuals[year], self._order)
        return found

    def get(self, year: int, default: Reading | None = None) -> Reading | None:  # type: ignore[override]
        return self[year] if year in self._actuals else default

    def __contains__(self, year: object) -> bool:
        return year in self._actuals

    def __iter__(self) -> Iterator[int]:
        return iter(self._actuals)

    def __len__(self) -> int:
        return len(self._actuals)


@dataclass(frozen=True, eq=False, repr=False)  # no repr: defining one costs start-up
class Series:
    """The resolved figures of one indicator in one region, by year."""

    readings: Mapping[int, Reading]
    actuals: Mapping[int, tuple[Actual, ...]]
    periods: tuple[Actual, ...] = ()  # figures for a span of years: shown, never taken as one year's

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

    The first source in `order` wins; sources that agree with its figure are listed with it. For a province
    whose territory changed under its name, the figures of the unit the year belongs to are chosen from (a
    2025 figure given for Vĩnh Long as it was is not the enlarged province's, nor a source disagreeing).
    """
    if len(actuals) > 1 and len(units := {_unit_of(a) for a in actuals}) > 1:
        first = actuals[0]
        own = territory_of(first.region, first.year, None)
        if own in units:
            actuals = [a for a in actuals if _unit_of(a) == own]
    if len(actuals) == 1:
        only = actuals[0]
        return Reading(
            only.year,
            only.value,
            (only.source,),
            only.estimate,
            False,
            only.printed,
            qualifier_of(only),
            _unit_of(only),
        )
    ordered = sorted(actuals, key=lambda a: (order.get(a.source, len(order)), a.source))
    chosen = ordered[0]
    agreeing = [a for a in ordered if same_value(a.value, chosen.value)]
    source_ids = tuple(dict.fromkeys(a.source for a in agreeing))
    return Reading(
        chosen.year,
        chosen.value,
        source_ids,
        all(a.estimate for a in agreeing),
        len(agreeing) != len(ordered),
        chosen.printed,
        qualifier_of(chosen),
        _unit_of(chosen),
    )


def qualifier_of(actual: Actual) -> Qualifier | None:
    """The bound a figure is known by: its `qualifier`, else the one its print states ("hơn 148"), so that data
    written before the field existed, or by hand, is judged by what the source printed."""
    if actual.qualifier is not None or not actual.printed:
        return actual.qualifier
    return printed_qualifier(actual.printed)


@functools.lru_cache(maxsize=4096)
def printed_qualifier(printed: str) -> Qualifier | None:
    """The bound or approximation a figure's print states ("hơn 148": more than), if any."""
    if not may_state(printed):
        return None  # no word that states a bound: the reader need not even be loaded
    from ictgoals.numbers import printed_figure  # the reader, only for a print that may state a bound

    try:
        return printed_figure(printed).qualifier
    except ValueError:
        return None


def _unit_of(actual: Actual) -> Territory | None:
    """Which unit a figure of a province whose territory changed is for (regions.territory_of)."""
    return territory_of(actual.region, actual.year, actual.territory)


#: The index of each dataset analysed in this process, while the dataset lives: a script that asks for
#: every region, or a report per region, groups the figures and targets once, not once per question.
_SHARED: weakref.WeakKeyDictionary[Dataset, Index] = weakref.WeakKeyDictionary()


class Index:
    """The actuals of a dataset grouped by indicator and folded region, and its targets by folded region.

    Each grouping is one pass, made when first needed; each group's figures are resolved only
    when asked for, since `status` needs a few hundred of the tens of thousands a large dataset
    holds. It keeps no reference to the dataset itself, only to its parts.
    """

    def __init__(self, dataset: Dataset) -> None:
        self._figures = dataset.actuals
        self._targets = dataset.targets
        self._order = source_order(dataset.sources)
        self._series: dict[GroupKey, Series] = {}
        self._keys_by_region: dict[str, list[GroupKey]] | None = None
        self._targets_by: dict[tuple[str, str], list[int]] | None = None  # (indicator or "", folded region)
        self._spellings: dict[str, str] | None = None  # canonical_region's, from the dataset's regions
        #: What validate found, per language (its messages are in words).
        self.findings: dict[str, tuple[Finding, ...]] = {}

    @classmethod
    def of(cls, dataset: Dataset) -> Index:
        """The index of `dataset`, shared by every analysis of it in this process."""
        found = _SHARED.get(dataset)
        if found is None:
            found = _SHARED[dataset] = cls(dataset)
        return found

    def series(self, indicator: str, region: str) -> Series:
        key = (indicator, region_key(region))
        found = self._series.get(key)
        if found is None:
            names = same_unit(region)  # Huế and Thừa Thiên Huế: one city, one series
            if len(names) == 1:  # a year's figures are built when first asked for
                actuals, periods = self._figures.by_year(key)
            else:
                actuals, periods = _joined([self._figures.by_year((indicator, region_key(n))) for n in names])
            found = Series(Readings(actuals, self._order), actuals, periods)
            self._series[key] = found
        return found

    def keys(self) -> Iterable[GroupKey]:
        return self._figures.keys()

    def keys_in(self, region: str) -> list[GroupKey]:
        """The (indicator, folded region) groups of one region that have figures."""
        if self._keys_by_region is None:
            grouped: dict[str, list[GroupKey]] = {}
            for key in self._figures.keys():  # noqa: SIM118 (Figures is a sequence; keys() are its groups)
                grouped.setdefault(key[1], []).append(key)
            self._keys_by_region = grouped
        return self._keys_by_region.get(region_key(region), [])

    def targets_in(self, region: str, indicator: str = "") -> list[Target]:
        """National targets, plus the region's own when another region is asked for, in file order;
        with `indicator`, only that indicator's."""
        grouped = self._targets_by
        if grouped is None:
            grouped = self._targets_by = {}
            for position, target in enumerate(self._targets):
                folded = region_key(target.region)
                grouped.setdefault(("", folded), []).append(position)
                grouped.setdefault((target.indicator, folded), []).append(position)
        wanted = {region_key(NATIONAL), region_key(region)}
        # Two runs of positions, each in file order: sorting them merges them.
        positions = sorted(itertools.chain.from_iterable(grouped.get((indicator, folded), []) for folded in wanted))
        found = [self._targets[position] for position in positions]
        if region == NATIONAL:  # the loader spells the nation "VN" however it was written
            return [t for t in found if t.region == NATIONAL]
        return found


def _joined(
    parts: Sequence[tuple[Mapping[int, tuple[Actual, ...]], tuple[Actual, ...]]],
) -> tuple[dict[int, tuple[Actual, ...]], tuple[Actual, ...]]:
    """The figures of one unit under several names, by year and for periods, each name's in turn."""
    years: dict[int, tuple[Actual, ...]] = {}
    for by_year, _ in parts:
        for year in by_year:
            years[year] = years.get(year, ()) + by_year[year]
    return years, tuple(actual for _, periods in parts for actual in periods)


def canonical_region(dataset: Dataset, wanted: str) -> str | None:
    """The region as the data spells it, matching case- and diacritic-insensitively.

    When the data spells one region several ways ("Trà Vinh", "tra vinh"), the same spelling is
    chosen on every run: the first in `Dataset.regions` order (capitals and accents sort first).
    """
    key = region_key(wanted)
    if key == region_key(NATIONAL):
        return NATIONAL
    index = Index.of(dataset)
    if index._spellings is None:  # once per dataset: a report per region asks for each
        index._spellings = {}
        for name in dataset.regions():
            index._spellings.setdefault(region_key(name), name)
    return index._spellings.get(key)
