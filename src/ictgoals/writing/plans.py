"""Plans what `record`, `import` and `target` append: checked entries, repeats skipped, conflicts refused."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ictgoals.datafiles import loader, schema
from ictgoals.datafiles.schema import Table
from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Actual, Dataset, Figures, Source, Target, region_key, target_key
from ictgoals.regions import canonical, did_you_mean
from ictgoals.writing.inputs import Row, TomlValue, numbers_in, value_from_printed


@dataclass(frozen=True, eq=False)
class Plan:
    """What a recording will append: new sources and entries, and what it skipped."""

    entries: tuple[Row, ...] = ()
    sources: Mapping[str, Row] = field(default_factory=dict)
    skipped: int = 0


def _key(a: Actual) -> tuple[str, str, int, str]:
    """What makes two figures the same report: indicator, region (folded), year and source."""
    return (a.indicator, region_key(a.region), a.year, a.source)


def ordered(row: Mapping[str, TomlValue], table: Table) -> Row:
    """A row's fields in the order the schema declares them; unknown ones last, to be reported by the loader."""
    rank = {name: i for i, name in enumerate(table.order)}
    return dict(sorted(row.items(), key=lambda item: rank.get(item[0], len(rank))))


def region_in(row: Row, where: str, dataset: Dataset, used: Callable[[], Mapping[str, str]] | None = None) -> Row:
    """`row` with its region in the catalogue's spelling ("tra vinh" is stored as "Trà Vinh").

    A region the catalogue does not know is accepted only when the data files already use it
    (a bloc, a ministry, "EU"); anything else is refused with the closest catalogue names, so
    that a typo never starts a new region. `used` gives the data's regions by folded name (many
    rows share one, made once).
    """
    given = row.get("region")
    if not isinstance(given, str):
        return row
    name = canonical(given)
    if name is None:
        name = (used or functools.partial(regions_used, dataset))().get(region_key(given))
    if name is None:
        hint = f"{did_you_mean(given)} ".lstrip()
        raise DataError(
            where,
            tr("field '{key}': ", key="region")
            + tr(
                "unknown region {region!r}: it is not one of Vietnam's provinces (before or after 1 July 2025) and "
                "the data files do not use it.",
                region=given,
            ),
            hint + tr("`ictgoals regions` lists them; a region of your own is added by writing it once in the file."),
        )
    if name == NATIONAL:
        return {k: v for k, v in row.items() if k != "region"}
    return {**row, "region": name}


def regions_used(dataset: Dataset) -> dict[str, str]:
    """The regions the data names, by folded name (of several spellings, the last in `Dataset.regions` order)."""
    return {region_key(name): name for name in dataset.regions()}


def plan_actuals(
    dataset: Dataset, rows: Sequence[tuple[str, Row]], *, allow_conflict: bool, new_sources: Mapping[str, Row]
) -> Plan:
    """Check every row before anything is written; one bad row rejects them all.

    A row equal to a recorded figure (same indicator, region, year, source and value) is skipped.
    A row with the same key but another value is a conflict, refused unless `allow_conflict`.
    """
    for source_id in new_sources:  # checked here, under the write lock, against the file as it is now
        if source_id in dataset.sources:
            raise DataError(
                "--source-title",
                tr("source '{id}' is already declared.", id=source_id),
                tr("Drop --source-title to use it."),
            )
    known = dict(dataset.sources)
    known.update({source_id: Source(source_id) for source_id in new_sources})
    catalogue = Dataset(known, dataset.indicators, (), Figures())
    # The figures already recorded, by key, read group by group as rows need them: each group
    # once, so an import stays linear, and a record reads one group of a large file, not all.
    recorded: dict[tuple[str, str, int, str], list[Actual]] = {}
    read: set[tuple[str, str]] = set()

    def earlier_of(actual: Actual) -> list[Actual]:
        group = (actual.indicator, region_key(actual.region))
        if group not in read:
            read.add(group)
            for existing in dataset.actuals.group(group):
                recorded.setdefault(_key(existing), []).append(existing)
        return recorded.setdefault(_key(actual), [])

    entries: list[Row] = []
    skipped = 0
    check = loader.actual_checker(catalogue)
    used = functools.cache(functools.partial(regions_used, dataset))  # once, when a row names one of its own
    for where, given in rows:
        indicator = dataset.indicators.get(str(given.get("indicator")))
        row = value_from_printed(numbers_in(given, where, indicator), where, indicator)
        row = region_in(row, where, dataset, used)
        actual = check(row, where)
        earlier = earlier_of(actual)
        if any(math.isclose(a.value, actual.value, rel_tol=1e-12, abs_tol=0) for a in earlier):
            skipped += 1
            continue
        if earlier and not allow_conflict:
            other = earlier[0]
            raise DataError(
                where,
                tr(
                    "conflicts with {place}: {indicator} ({region}, {year}) from '{source}' is already recorded as "
                    "{recorded}, not {value}.",
                    place=other.location,
                    indicator=actual.indicator,
                    region=actual.region,
                    year=actual.year,
                    source=actual.source,
                    recorded=f"{other.value:g}",
                    value=f"{actual.value:g}",
                ),
                tr("Correct the figure, or pass --allow-conflict to keep both (status then uses the newest source)."),
            )
        earlier.append(actual)
        entries.append(ordered(row, schema.ACTUALS))
    return Plan(tuple(entries), dict(new_sources) if entries else {}, skipped)


def plan_target(dataset: Dataset, row: Row, where: str) -> Plan:
    """Check one target; an identical one already declared is skipped, a different one refused."""
    row = numbers_in(row, where, dataset.indicators.get(str(row.get("indicator"))), actual=False)
    row = region_in(row, where, dataset)
    target = loader.target_from_row(row, where, dataset)
    for existing in dataset.targets:
        if target_key(existing) != target_key(target):
            continue
        if _same_target(existing, target):
            return Plan(skipped=1)
        raise DataError(
            where,
            tr(
                "{indicator} ({region}, {year}, {op}) is already declared at {place} with another value.",
                indicator=target.indicator,
                region=target.region,
                year=target.year,
                op=target.op.value,
                place=existing.location,
            ),
            tr("Edit that entry instead; a target is unique by indicator, region, year and op."),
        )
    return Plan((ordered(row, schema.TARGETS),))


def _same_target(a: Target, b: Target) -> bool:
    return a.value == b.value and a.baseline_year == b.baseline_year


def source_table(title: str, date: str | None) -> Row:
    """A new [sources.ID] table from the command line."""
    table: Row = {"title": title}
    if date:
        import datetime as dt

        try:
            table["published"] = dt.date.fromisoformat(date)
        except ValueError as e:
            raise DataError("--source-date", tr("{date!r} is not a date such as 2025-01-15.", date=date)) from e
    return table
