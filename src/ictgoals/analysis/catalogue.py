"""The catalogues `indicators` and `regions` list: each indicator with its counts, and the region catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, overload

from ictgoals.analysis import records
from ictgoals.model import Dataset, Indicator
from ictgoals.provinces import Region, catalogue
from ictgoals.values import Value


class CatalogueRow(NamedTuple):
    """One indicator of the catalogue, with its counts (a `records.Counted`)."""

    indicator: Indicator
    """The indicator."""
    targets: int
    """How many targets it has, in every region."""
    actuals: int
    """How many figures it has, in every region."""

    def __repr__(self) -> str:
        return f"CatalogueRow(indicator={self.indicator.id!r}, targets={self.targets}, actuals={self.actuals})"


@dataclass(frozen=True, eq=False, repr=False)
class Catalogue(Value):
    """Every indicator of the data, by area then id."""

    rows: tuple[CatalogueRow, ...]
    """One row per indicator."""

    def to_records(self) -> list[dict[str, Any]]:
        """The rows of `indicators --format json`."""
        return records.INDICATOR.records(self.rows)

    def to_document(self) -> records.Record:
        """`indicators --format json`."""
        return records.indicators_document(self)

    def sheets(self) -> list[records.Sheet]:
        return [self.csv_sheet()]

    def csv_sheet(self) -> records.Sheet:
        return ("indicators", records.INDICATOR.columns, self.to_records())

    def __repr__(self) -> str:
        return f"Catalogue(rows=<{len(self.rows)} indicators>)"


@dataclass(frozen=True, eq=False, repr=False)
class Regions(Value):
    """The region catalogue: the nation, the 34 provinces from 1 July 2025 and the 63 before; a sequence of them."""

    regions: tuple[Region, ...]
    """Every region, the nation first."""

    def __len__(self) -> int:
        return len(self.regions)

    def __iter__(self) -> Iterator[Region]:
        return iter(self.regions)

    @overload
    def __getitem__(self, index: int) -> Region: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Region, ...]: ...
    def __getitem__(self, index: int | slice) -> Region | tuple[Region, ...]:
        return self.regions[index]

    def to_records(self) -> list[dict[str, Any]]:
        """The rows of `regions --format json`."""
        return records.REGION.records(self.regions)

    def to_document(self) -> records.Record:
        """`regions --format json`."""
        return records.regions_document(self.regions)

    def sheets(self) -> list[records.Sheet]:
        return [self.csv_sheet()]

    def csv_sheet(self) -> records.Sheet:
        return ("regions", records.REGION.columns, self.to_records())

    def __repr__(self) -> str:
        current = sum(1 for r in self.regions if r.current)
        return f"Regions(<{len(self.regions)} regions, {current} current>)"


def indicator_catalogue(dataset: Dataset) -> Catalogue:
    """Every indicator with how many targets and figures it has, by area then id."""
    targets: dict[str, int] = {}
    actuals: dict[str, int] = {}
    for t in dataset.targets:
        targets[t.indicator] = targets.get(t.indicator, 0) + 1
    for a in dataset.actuals:
        actuals[a.indicator] = actuals.get(a.indicator, 0) + 1
    ordered = sorted(dataset.indicators.values(), key=lambda i: (i.area, i.id))
    return Catalogue(tuple(CatalogueRow(i, targets.get(i.id, 0), actuals.get(i.id, 0)) for i in ordered))


def region_catalogue() -> Regions:
    """The region catalogue, the nation first."""
    return Regions(catalogue())
