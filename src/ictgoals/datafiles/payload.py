"""A dataset as the plain values the cache stores, and back: marshal reads tuples, not dataclasses.

Each group of figures is a marshal blob of its own, built into figures only when a command first
asks for it (`datafiles/figures.py`). Targets and figures are decoded by filling their `__dict__`
in field order, not through the frozen dataclasses' field-by-field `__init__`, which costs more
than everything else a cached run does; tests/test_cache.py checks that they equal objects built
by `__init__`, field by field, hash included.
"""

from __future__ import annotations

import marshal
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from ictgoals.datafiles.figures import LazyFigures, Numbered
from ictgoals.model import (
    Actual,
    Better,
    ChangeUnit,
    Dataset,
    Figures,
    Indicator,
    Location,
    Op,
    Qualifier,
    Source,
    StatedChange,
    Target,
    Territory,
    region_key,
)


def _change(change: StatedChange | None) -> tuple[Any, ...] | None:
    return None if change is None else (change.value, change.unit.value, change.from_year, change.printed)


def _unchange(raw: tuple[Any, ...] | None) -> StatedChange | None:
    return None if raw is None else StatedChange(raw[0], ChangeUnit(raw[1]), raw[2], raw[3])


def encode(data: Dataset) -> tuple[Any, ...]:
    """A Dataset as plain values; each group of actuals is a marshal blob of its own, read on demand."""
    groups: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for position, a in enumerate(data.actuals):
        groups.setdefault((a.indicator, region_key(a.region)), []).append(_row(position, a))
    return (
        data.targets_file,
        data.actuals_file,
        _sources(data.sources),
        [
            (
                i.id,
                i.name,
                i.unit,
                i.better.value,
                i.name_vi,
                i.area,
                i.note,
                i.range,
                i.aliases,
                i.name_short,
                i.name_vi_short,
                i.noun,
                i.noun_vi,
            )
            for i in data.indicators.values()
        ],
        [
            (
                t.indicator,
                t.year,
                t.op.value,
                t.value,
                t.sources,
                t.region,
                t.baseline_year,
                t.printed,
                t.note,
                _change(t.change),
                t.from_value,
                t.tolerance,
                t.span,
                t.approximate,
                t.restated,
                _code(t.territory),
                t.location.file,
                t.location.line,
                t.location.entry,
            )
            for t in data.targets
        ],
        {key: marshal.dumps(rows) for key, rows in groups.items()},
        sorted({a.region for a in data.actuals}),
    )


def _row(position: int, a: Actual) -> tuple[Any, ...]:
    return (
        position,
        a.indicator,
        a.year,
        a.value,
        a.source,
        a.region,
        a.printed,
        a.estimate,
        _change(a.change),
        a.note,
        a.period,
        a.basis,
        _code(a.qualifier),
        _code(a.territory),
        a.location.file,
        a.location.line,
        a.location.entry,
    )


def _sources(sources: Mapping[str, Source]) -> list[tuple[Any, ...]]:
    return [
        (s.id, s.title, s.outlet, s.region, s.published, s.conference, s.document, s.url, s.note, s.issuer)
        for s in sources.values()
    ]


def _code(member: Qualifier | Territory | None) -> str | None:
    """A choice as marshal stores it: its plain text value."""
    return None if member is None else member.value


def append(
    payload: tuple[Any, ...], sources: Mapping[str, Source], added: Sequence[Actual], before: int
) -> tuple[Any, ...]:
    """`payload` with `added` after its `before` actuals, and `sources` for its sources."""
    targets_file, actuals_file, _, indicators, targets, groups, regions = payload
    rows: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for position, a in enumerate(added, before):
        rows.setdefault((a.indicator, region_key(a.region)), []).append(_row(position, a))
    groups = dict(groups)
    for key, new in rows.items():
        groups[key] = marshal.dumps(marshal.loads(groups[key]) + new if key in groups else new)
    every = sorted(set(regions).union(a.region for a in added))
    return targets_file, actuals_file, _sources(sources), indicators, targets, groups, every


class _Stored:
    """One group's figures as the cache stores them (a marshal blob of `_row`s), built when asked for
    (figures.Group)."""

    __slots__ = ("_blob", "_rows")

    def __init__(self, blob: bytes) -> None:
        self._blob = blob
        self._rows: list[tuple[Any, ...]] | None = None

    def _stored(self) -> list[tuple[Any, ...]]:
        if self._rows is None:
            self._rows = marshal.loads(self._blob)
        return self._rows

    def members(self) -> list[tuple[int, int, bool]]:
        return [(row[0], row[2], row[10] is not None) for row in self._stored()]  # position, year, period

    def build(self, positions: Collection[int] | None = None) -> Numbered:
        rows = self._stored()
        if positions is None:  # the whole group: LazyFigures keeps it, the rows are not needed again
            self._rows = None
            return _build_rows(rows)
        wanted = set(positions)
        return _build_rows(row for row in rows if row[0] in wanted)


def _build_rows(rows: Iterable[tuple[Any, ...]]) -> Numbered:
    new = object.__new__
    built = []
    # The fields in _row's order; tests/test_cache.py checks that each equals one built by __init__.
    for (
        position,
        indicator,
        year,
        value,
        source,
        region,
        printed,
        estimate,
        change,
        note,
        period,
        basis,
        qualifier,
        territory,
        file,
        line,
        entry,
    ) in rows:
        location = new(Location)
        location.__dict__.update(file=file, line=line, entry=entry)
        actual = new(Actual)
        actual.__dict__.update(
            indicator=indicator,
            year=year,
            value=value,
            source=source,
            region=region,
            printed=printed,
            estimate=estimate,
            change=None if change is None else _unchange(change),
            note=note,
            period=period,
            basis=basis,
            qualifier=None if qualifier is None else Qualifier(qualifier),
            territory=None if territory is None else Territory(territory),
            location=location,
        )
        built.append((position, actual))
    return tuple(built)


def _targets(rows: Iterable[tuple[Any, ...]]) -> Iterator[Target]:
    new, ops = object.__new__, {op.value: op for op in Op}
    # The fields in encode's order; tests/test_cache.py checks that each equals one built by __init__.
    for (
        indicator,
        year,
        op,
        value,
        sources,
        region,
        baseline_year,
        printed,
        note,
        change,
        from_value,
        tolerance,
        span,
        approximate,
        restated,
        territory,
        file,
        line,
        entry,
    ) in rows:
        location = new(Location)
        location.__dict__.update(file=file, line=line, entry=entry)
        target = new(Target)
        target.__dict__.update(
            indicator=indicator,
            year=year,
            op=ops[op],
            value=value,
            sources=sources,
            region=region,
            baseline_year=baseline_year,
            printed=printed,
            note=note,
            change=None if change is None else _unchange(change),
            from_value=from_value,
            tolerance=tolerance,
            span=span,
            approximate=approximate,
            restated=restated,
            territory=None if territory is None else Territory(territory),
            location=location,
        )
        yield target


def decode(payload: tuple[Any, ...], *, catalogue_only: bool = False) -> Dataset:
    """The dataset of a payload; with `catalogue_only`, only its sources and indicators."""
    targets_file, actuals_file, sources, indicators, targets, groups, regions = payload
    catalogue = (
        {row[0]: Source(*row) for row in sources},
        {row[0]: Indicator(row[0], row[1], row[2], Better(row[3]), *row[4:]) for row in indicators},
    )
    if catalogue_only:
        return Dataset(*catalogue, (), Figures(), targets_file, actuals_file)
    return Dataset(
        *catalogue,
        tuple(_targets(targets)),
        LazyFigures(
            {key: _Stored(blob) for key, blob in groups.items()},
            frozenset(regions),
        ),
        targets_file,
        actuals_file,
    )
