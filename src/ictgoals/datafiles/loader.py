"""Reads both data files into a checked `Dataset`: the top level of each file, then every entry in order."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ictgoals.datafiles import entries, schema
from ictgoals.datafiles.columns import Entries, Shape, compact
from ictgoals.datafiles.entries import Entry
from ictgoals.datafiles.fastpath import Shortcut
from ictgoals.datafiles.figures import LazyFigures, Numbered
from ictgoals.datafiles.located import Headers, describe, parse_toml, read_text
from ictgoals.datafiles.paths import ACTUALS_FILE, TARGETS_FILE, DataPath
from ictgoals.datafiles.schema import Table
from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.model import (
    NATIONAL,
    Actual,
    Dataset,
    Figures,
    GroupKey,
    Indicator,
    Location,
    Op,
    Source,
    Target,
    entry_label,
    region_key,
    target_key,
)


class FileReader:
    """One file's top level: the schema version and the tables it is allowed to hold."""

    def __init__(self, path: Path, name: str, text: str | None = None, *, part: bool = False) -> None:
        """`part`: `text` is what was appended to a file already loaded, so it has no schema line."""
        text = read_text(path) if text is None else text
        self.path = path
        self.headers = Headers(path, text, (table.name for table in schema.FILES[name] if table.keyed))
        # Parsed in pieces cut at the headers of the file's array of entries (see parse_toml).
        array = next(table.name for table in schema.FILES[name] if not table.keyed)
        self.table = parse_toml(path, text, self.headers, array, compact=True)
        allowed = {table.name for table in schema.FILES[name]}
        unknown = sorted(set(self.table) - allowed - {"schema"})
        if unknown:
            raise DataError(
                path,
                tr("unknown top-level key '{key}'.", key=unknown[0]),
                tr("This file may hold: schema, {tables}.", tables=", ".join(sorted(allowed))),
            )
        version = self.table.get("schema", schema.VERSION if part else None)
        if version is None:
            raise DataError(
                path,
                tr("missing `schema = 1` at the top."),
                tr("Add `schema = {version}` as the first line (see docs/data-format.md).", version=schema.VERSION),
            )
        if isinstance(version, bool) or version != schema.VERSION:
            raise DataError(
                path,
                tr(
                    "schema {found!r} is not supported; this ictgoals reads schema {version}.",
                    found=version,
                    version=schema.VERSION,
                ),
                tr("Upgrade ictgoals or convert the file."),
            )

    def keyed(self, table: Table) -> list[tuple[str, Any, int | None]]:
        """The `[name.ID]` tables, each with its id and line."""
        value = self.table.get(table.name, {})
        if not isinstance(value, dict):
            raise DataError(
                self.path,
                tr(
                    "'{name}' must be a table like [{name}.some-id], got {value}.",
                    name=table.name,
                    value=describe(value),
                ),
            )
        return [(key, item, self.headers.table_line(table.name, key)) for key, item in value.items()]

    def array(self, table: Table) -> list[tuple[str, Any, int | None]]:
        """The `[[name]]` entries, each with its label and line (None for an inline array)."""
        raws, lines = self.items(table)
        return [
            (entry_label(table.name, i + 1), raw, line) for i, (raw, line) in enumerate(zip(raws, lines, strict=True))
        ]

    def items(self, table: Table) -> tuple[Sequence[Any], list[int | None]]:
        """The `[[name]]` entries and the line of each (None for an inline array)."""
        value = self.table.get(table.name, [])
        if not isinstance(value, list | Entries):
            raise DataError(
                self.path,
                tr(
                    "'{name}' must be entries written as [[{name}]], got {value}.",
                    name=table.name,
                    value=describe(value),
                ),
            )
        lines: list[int | None] = list(self.headers.array_lines(table.name))
        return value, lines if len(lines) == len(value) else [None] * len(value)

    def entry(self, raw: Any, label: str, line: int | None, table: Table) -> Entry:
        if not isinstance(raw, dict):
            raise DataError(
                Location(str(self.path), line, label), tr("expected a table, got {value}.", value=describe(raw))
            )
        return Entry(self.headers, raw, label, line, table)


def read_sources(reader: FileReader, into: dict[str, Source]) -> None:
    for source_id, raw, line in reader.keyed(schema.SOURCES):
        entry = reader.entry(raw, f"source '{source_id}'", line, schema.SOURCES)
        source = entries.source(entry, source_id)
        if source_id in into and into[source_id] != source:
            entry.fail(
                None,
                tr("is also declared, differently, in the other file."),
                tr("Declare each source once, or identically in both files."),
            )
        into[source_id] = source


def read_indicators(reader: FileReader) -> dict[str, Indicator]:
    found = {}
    for indicator_id, raw, line in reader.keyed(schema.INDICATORS):
        entry = reader.entry(raw, f"indicator '{indicator_id}'", line, schema.INDICATORS)
        found[indicator_id] = entries.indicator(entry, indicator_id)
    return found


def read_targets(
    reader: FileReader, shortcut: Shortcut | None, indicators: dict[str, Indicator], sources: dict[str, Source]
) -> tuple[Target, ...]:
    targets: list[Target] = []
    seen: dict[tuple[str, str, int, Op], Target] = {}
    path = str(reader.path)
    for label, raw, line in reader.array(schema.TARGETS):
        target = None if shortcut is None else shortcut.target(raw, Location(path, line, label))
        if target is None:
            target = entries.target(reader.entry(raw, label, line, schema.TARGETS), indicators, sources)
        key = target_key(target)
        if key in seen:
            reader.entry(raw, label, line, schema.TARGETS).fail(
                None,
                tr(
                    "duplicates the target at {place} (same indicator, region, year and op).",
                    place=seen[key].location,
                ),
                tr("Remove one of them."),
            )
        seen[key] = target
        targets.append(target)
    return tuple(targets)


def read_actuals(
    reader: FileReader, shortcut: Shortcut | None, indicators: dict[str, Indicator], sources: dict[str, Source]
) -> Figures:
    """Every actual, checked; the plain ones are built group by group, when a command first asks for them."""
    raws, lines = reader.items(schema.ACTUALS)
    path = str(reader.path)

    def check(i: int) -> Actual:
        return entries.actual(reader.entry(raws[i], _label(i), lines[i], schema.ACTUALS), indicators, sources)

    if shortcut is None:
        return Figures(map(check, range(len(raws))))
    stored = compact(raws)
    plain, others = shortcut.sort_rows(stored)
    checked = {i: check(i) for i in others}
    groups: dict[GroupKey, list[int]] = {}
    regions = {actual.region for actual in checked.values()}
    for i, actual in checked.items():
        groups.setdefault((actual.indicator, region_key(actual.region)), []).append(i)
    for shape, rows in plain:
        _group(shape, rows, shortcut, groups, regions)

    file = _InFile(stored, lines, checked, shortcut, path)
    return LazyFigures({key: _Group(file, members) for key, members in groups.items()}, frozenset(regions))


class _InFile:
    """The actuals of one file: the checked ones built, the plain ones as their shapes' columns."""

    __slots__ = ("checked", "lines", "numbers", "path", "rows", "shapes", "shortcut")

    def __init__(
        self, stored: Entries, lines: Sequence[int | None], checked: dict[int, Actual], shortcut: Shortcut, path: str
    ) -> None:
        self.shapes, (self.numbers, self.rows) = stored.shapes, stored.places()
        self.lines, self.checked, self.shortcut, self.path = lines, checked, shortcut, path

    def year(self, i: int) -> tuple[int, bool]:
        """The year of the actual at position `i`, and whether it is for a period (a plain one never is)."""
        found = self.checked.get(i)
        if found is not None:
            return found.year, found.period is not None
        return self.shapes[self.numbers[i]].by_key["year"][self.rows[i]], False

    def build(self, members: Iterable[int]) -> Numbered:
        checked, shapes, numbers, rows, lines = self.checked, self.shapes, self.numbers, self.rows, self.lines
        plain = [(i, shapes[numbers[i]], rows[i], lines[i]) for i in members if i not in checked]
        built = self.shortcut.build_rows(plain, self.path, ACTUALS_LABEL)
        built += ((i, checked[i]) for i in members if i in checked)
        return tuple(sorted(built, key=operator.itemgetter(0)))


class _Group:
    """One (indicator, folded region)'s actuals in a file, built when asked for (figures.Group)."""

    __slots__ = ("file", "positions")

    def __init__(self, file: _InFile, positions: list[int]) -> None:
        self.file, self.positions = file, positions

    def members(self) -> list[tuple[int, int, bool]]:
        return [(i, *self.file.year(i)) for i in self.positions]

    def build(self, positions: Collection[int] | None = None) -> Numbered:
        return self.file.build(self.positions if positions is None else positions)


def _group(
    shape: Shape, rows: Sequence[int], shortcut: Shortcut, groups: dict[GroupKey, list[int]], regions: set[str]
) -> None:
    """Add the positions of a shape's plain actuals at `rows` to their (indicator, folded region) groups."""
    indicators, written, positions = shape.column("indicator"), shape.column("region"), shape.positions
    assert indicators is not None  # a plain actual has one
    if len(rows) != len(positions):
        indicators, positions = [indicators[row] for row in rows], [positions[row] for row in rows]
        written = None if written is None else [written[row] for row in rows]
    folded: dict[str, str] = {}  # each spelling of a region once
    names = written or itertools.repeat(NATIONAL, len(positions))
    for indicator, name, position in zip(indicators, names, positions, strict=True):
        key = folded.get(name)
        if key is None:
            region = shortcut.spelling(name)
            regions.add(region)
            key = folded[name] = region_key(region)
        groups.setdefault((indicator, key), []).append(position)


#: The label of an actual in messages: "actuals entry #12" for the 12th (model.entry_label's form, which a
#: location says in the run's language).
ACTUALS_LABEL = entry_label(schema.ACTUALS.name, 0)[:-1]


def _label(position: int) -> str:
    return f"{ACTUALS_LABEL}{position + 1}"


def read_appended(
    path: Path, text: str, dataset: Dataset, entries_before: int, lines_before: int
) -> tuple[dict[str, Source], list[Actual]]:
    """The sources declared in `text` and its actuals, checked as a load of the whole file checks them.

    `text` was appended to the actuals file of `dataset` after `entries_before` entries and
    `lines_before` lines.

    Raises DataError on any problem; the caller then loads the whole file, whose error names the
    right line (the lines of problems in `text` alone may be off).
    """
    reader = FileReader(path, ACTUALS_FILE, text, part=True)
    declared: dict[str, Source] = {}
    read_sources(reader, declared)
    sources = {**dataset.sources, **declared}
    fast = Shortcut(schema.TARGETS, schema.ACTUALS, dataset.indicators, sources)
    raws, lines = reader.items(schema.ACTUALS)
    actuals = []
    for i, (raw, line) in enumerate(zip(raws, lines, strict=True)):
        where = None if line is None else line + lines_before
        label = _label(entries_before + i)
        actual = fast.actual(raw, Location(str(path), where, label))
        if actual is None:
            actual = entries.actual(reader.entry(raw, label, where, schema.ACTUALS), dataset.indicators, sources)
        actuals.append(actual)
    return declared, actuals


def actual_from_row(row: Mapping[str, Any], where: str, dataset: Dataset) -> Actual:
    """Check one actual given as a mapping (an imported row) against a loaded dataset's catalogue."""
    return entries.actual(Entry(None, row, where, None, schema.ACTUALS), dataset.indicators, dataset.sources)


def actual_checker(dataset: Dataset) -> Callable[[Mapping[str, Any], str], Actual]:
    """`actual_from_row` for many rows: plain ones through the shortcut, the rest through the full check."""
    shortcut = Shortcut(schema.TARGETS, schema.ACTUALS, dataset.indicators, dataset.sources)

    def check(row: Mapping[str, Any], where: str) -> Actual:
        return shortcut.actual(row, Location(where)) or actual_from_row(row, where, dataset)

    return check


def target_from_row(row: Mapping[str, Any], where: str, dataset: Dataset) -> Target:
    """Check one target given as a mapping against a loaded dataset's catalogue."""
    return entries.target(Entry(None, row, where, None, schema.TARGETS), dataset.indicators, dataset.sources)


#: The last targets file read in this process, with its text. A write loads the data twice (to plan,
#: then to check the new text); when it writes the actuals file, the targets file is the same.
_last_targets: tuple[Path, str, FileReader] | None = None


def _targets_reader(path: Path, text: str | None) -> FileReader:
    """A reader of the targets file, reused when the text is exactly the one read last time."""
    global _last_targets
    text = read_text(path) if text is None else text
    if _last_targets is not None and _last_targets[0] == path and _last_targets[1] == text:
        return _last_targets[2]
    reader = FileReader(path, TARGETS_FILE, text)
    _last_targets = (path, text, reader)
    return reader


def load(
    targets: DataPath | Path,
    actuals: DataPath | Path,
    *,
    texts: Mapping[Path, str] | None = None,
    shortcut: bool = True,
) -> Dataset:
    """Load and check both files; raise DataError naming the file and entry on the first problem.

    `texts` stands in for a file's contents, so a change can be checked before it is written.
    `shortcut=False` sends every entry through the full check (for tests of the shortcut).
    """
    texts = texts or {}
    targets_path = targets.path if isinstance(targets, DataPath) else targets
    actuals_path = actuals.path if isinstance(actuals, DataPath) else actuals
    target_reader = _targets_reader(targets_path, texts.get(targets_path))
    actual_reader = FileReader(actuals_path, ACTUALS_FILE, texts.get(actuals_path))
    sources: dict[str, Source] = {}
    read_sources(target_reader, sources)
    read_sources(actual_reader, sources)
    indicators = read_indicators(target_reader)
    fast = Shortcut(schema.TARGETS, schema.ACTUALS, indicators, sources) if shortcut else None
    return Dataset(
        sources,
        indicators,
        read_targets(target_reader, fast, indicators, sources),
        read_actuals(actual_reader, fast, indicators, sources),
        str(targets_path),
        str(actuals_path),
    )
