"""Finding, reading and checking the two data files, turning them into a `Dataset`."""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeGuard, TypeVar

from ictgoals.errors import DataError
from ictgoals.model import (
    NATIONAL,
    Actual,
    Better,
    ChangeUnit,
    Dataset,
    Indicator,
    Location,
    Op,
    Source,
    StatedChange,
    Target,
    region_key,
)

_E = TypeVar("_E", Op, Better, ChangeUnit)

SCHEMA = 1
MIN_YEAR, MAX_YEAR = 1900, 2100
INDICATOR_ID = re.compile(r"[a-z0-9_.]+")
SOURCE_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")
PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

TARGETS_FILE, ACTUALS_FILE = "targets.toml", "actuals.toml"
ENV_TARGETS, ENV_ACTUALS = "ICTGOALS_TARGETS", "ICTGOALS_ACTUALS"

_SOURCE_KEYS = {"title", "outlet", "region", "published", "conference", "document", "url", "note"}
_INDICATOR_KEYS = {"name", "name_vi", "unit", "better", "area", "note"}
_CHANGE_KEYS = {"change", "change_unit", "change_from", "printed_change"}
_TARGET_KEYS = {
    "indicator",
    "year",
    "op",
    "value",
    "region",
    "baseline_year",
    "source",
    "printed",
    "note",
    "from_value",
} | _CHANGE_KEYS
_ACTUAL_KEYS = {"indicator", "year", "value", "region", "source", "printed", "estimate", "note"} | _CHANGE_KEYS


@dataclass(frozen=True, eq=False)
class DataPath:
    """A data file chosen for this run, and what chose it."""

    path: Path
    origin: str

    def __str__(self) -> str:
        return str(self.path)


def bundled_path(name: str) -> Path:
    """The copy of a data file shipped inside the package (or, in a checkout, at its top)."""
    packaged = Path(__file__).parent / "data" / name
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def resolve(
    option: Path | None, env_var: str, name: str, environ: Mapping[str, str] | None = None, cwd: Path | None = None
) -> DataPath:
    """Pick a data file: the option, else the environment variable, else ./NAME, else bundled."""
    environ = os.environ if environ is None else environ
    if option is not None:
        return DataPath(option, "option")
    if environ.get(env_var):
        return DataPath(Path(environ[env_var]), env_var)
    local = (cwd or Path.cwd()) / name
    if local.is_file():
        return DataPath(Path(name) if cwd is None else local, "current directory")
    return DataPath(bundled_path(name), "bundled")


def read_text(path: Path) -> str:
    """Read a data file's text, turning every way it can fail into a DataError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as e:
        raise DataError(
            path, "file not found.", "Check the path, or run `ictgoals init` to start from the bundled data."
        ) from e
    except IsADirectoryError as e:
        raise DataError(path, "is a directory, not a TOML file.", "Give the path of the file itself.") from e
    except PermissionError as e:
        raise DataError(path, "permission denied while reading.", "Make the file readable for this user.") from e
    except OSError as e:
        raise DataError(path, f"cannot be read ({e.strerror or e}).") from e
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError(
            Location(str(path), line), f"is not UTF-8 text (byte 0x{raw[e.start]:02x}).", "Save the file as UTF-8."
        ) from e
    return text


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """Parse a data file's text, turning every way it can fail into a DataError."""
    # tomli is tomllib's upstream; its compiled wheel parses the same TOML about twice as fast.
    import tomli

    try:
        table = tomli.loads(text)
    except RecursionError as e:
        raise DataError(path, "is nested too deeply to be a data file.", "Check for runaway brackets.") from e
    except ValueError as e:  # tomllib.TOMLDecodeError and tomli's are ValueErrors
        message = str(e)
        found = re.search(r"line (\d+)", message)
        where = Location(str(path), int(found.group(1))) if found else path
        raise DataError(
            where, f"is not valid TOML: {message}.", "Fix the syntax at that line (see https://toml.io)."
        ) from e
    return table


class _Headers:
    """Line numbers of the tables in a file, so errors can point at an entry's line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self._arrays: dict[str, list[int]] = {}

    def array_lines(self, name: str) -> list[int]:
        """The line of each `[[name]]` header, in order."""
        if name not in self._arrays:
            text = self.text
            header = re.compile(rf"[ \t]*\[\[[ \t]*{re.escape(name)}[ \t]*\]\]")
            lines, last_pos, last_line = [], 0, 1
            # str.find skips through a large file far faster than a multi-line regex scan.
            position = text.find("[[")
            while position != -1:
                start = text.rfind("\n", 0, position) + 1
                if header.match(text, start):
                    last_line += text.count("\n", last_pos, start)
                    last_pos = start
                    lines.append(last_line)
                position = text.find("[[", text.find("\n", position) + 1 or len(text))
            self._arrays[name] = lines
        return self._arrays[name]

    def table_line(self, table: str, key: str) -> int | None:
        pattern = re.compile(
            rf"^[ \t]*\[[ \t]*{re.escape(table)}[ \t]*\.[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*\]", re.M
        )
        m = pattern.search(self.text)
        return None if m is None else self.text.count("\n", 0, m.start()) + 1

    def key_line(self, start: int | None, key: str) -> int | None:
        """The line of `key = …` in the table that starts at line `start`."""
        if start is None:
            return None
        lines = self.text.splitlines()
        pattern = re.compile(rf"[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=")
        for number in range(start, len(lines)):
            line = lines[number]
            if line.lstrip().startswith("["):
                break
            if pattern.match(line):
                return number + 1
        return start


class _Entry:
    """One table of a data file, with typed accessors that explain what is wrong and where."""

    def __init__(
        self, headers: _Headers | None, table: Mapping[str, Any], label: str, line: int | None, allowed: set[str]
    ) -> None:
        self.headers = headers
        self.table = table
        self.label = label
        self.line = line
        self.location = Location(str(headers.path) if headers else label, line, label if headers else "")
        unknown = sorted(set(table) - allowed)
        if unknown:
            key = unknown[0]
            close = _close_matches(key, sorted(allowed))
            hint = f"Did you mean '{close[0]}'?" if close else f"Allowed keys: {', '.join(sorted(allowed))}."
            self.fail(key, f"unknown key '{key}'.", hint)

    def fail(self, key: str | None, problem: str, fix: str = "") -> NoReturn:
        if self.headers is None:
            where = Location(self.label)
        else:
            line = self.line if key is None else self.headers.key_line(self.line, key)
            where = Location(str(self.headers.path), line, self.label)
        field_part = f"field '{key}': " if key else ""
        raise DataError(where, field_part + problem, fix)

    def has(self, key: str) -> bool:
        return key in self.table

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        if key not in self.table:
            if required:
                self.fail(None, f"missing required field '{key}'.", f'Add `{key} = "…"`.')
            return default
        value = self.table[key]
        if not isinstance(value, str):
            self.fail(key, f"expected text, got {_describe(value)}.", f'Write it in quotes: {key} = "…".')
        if required and not value.strip():
            self.fail(key, "must not be empty.")
        return value

    def number(self, key: str, value: Any = None, *, what: str = "a number") -> float:
        value = self.table.get(key) if value is None else value
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(
                key,
                f"expected {what}, got {_describe(value)}.",
                "Write a plain number such as 45.8 (no quotes, '.' as the decimal mark).",
            )
        if not math.isfinite(value):
            self.fail(key, f"{value} is not a finite number.", "Give a finite value (nan and inf are not figures).")
        return float(value)

    def required_number(self, key: str) -> float:
        if key not in self.table:
            self.fail(None, f"missing required field '{key}'.", f"Add `{key} = <number>`.")
        return self.number(key)

    def year(self, key: str, *, required: bool = False) -> int | None:
        if key not in self.table:
            if required:
                self.fail(None, f"missing required field '{key}'.", f"Add `{key} = 2025`.")
            return None
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"expected a whole year such as 2025, got {_describe(value)}.")
        if not MIN_YEAR <= value <= MAX_YEAR:
            self.fail(key, f"year {value} is outside {MIN_YEAR}–{MAX_YEAR}.", "Check for a typo in the year.")
        return int(value)

    def flag(self, key: str) -> bool:
        value = self.table.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, f"expected true or false, got {_describe(value)}.")
        return value

    def pair(self, key: str) -> tuple[float, float]:
        value = self.table.get(key)
        if not isinstance(value, list) or len(value) != 2:
            self.fail(key, f"expected a range [low, high], got {_describe(value)}.")
        low, high = (self.number(key, v, what="a range of numbers") for v in value)
        if low > high:
            self.fail(key, f"range [{_num(low)}, {_num(high)}] has low > high.", "Write the lower bound first.")
        return low, high

    def choice(self, key: str, kind: type[_E]) -> _E:
        value = self.table.get(key)
        allowed = ", ".join(f'"{m.value}"' for m in kind)
        if not isinstance(value, str):
            self.fail(key, f"expected one of {allowed}, got {_describe(value)}.")
        try:
            return kind(value)
        except ValueError:
            self.fail(key, f'unknown value "{value}"; expected one of {allowed}.')

    def change(self, year: int, *, allow_range: bool) -> StatedChange | None:
        if not any(self.has(k) for k in _CHANGE_KEYS):
            return None
        if not self.has("change") or not self.has("change_unit"):
            missing = "change_unit" if self.has("change") else "change"
            self.fail(
                None,
                f"a stated change needs both 'change' and 'change_unit'; '{missing}' is missing.",
                'Add change_unit = "%" (relative), "pp" (percentage points) or "places" (ranks).'
                if missing == "change_unit"
                else "Add the change as printed, e.g. change = 21.",
            )
        raw = self.table["change"]
        value: float | tuple[float, float]
        value = self.pair("change") if allow_range and isinstance(raw, list) else self.number("change")
        from_year = self.year("change_from") or year - 1
        if from_year >= year:
            self.fail(
                "change_from",
                f"the change is stated from {from_year}, which is not before {year}.",
                "Give the earlier year the source compares with, or omit it for the previous year.",
            )
        return StatedChange(value, self.choice("change_unit", ChangeUnit), from_year, self.text("printed_change"))

    def region(self) -> str:
        region = self.text("region", default=NATIONAL)
        if not region.strip():
            self.fail("region", "must not be empty.", f'Omit it for national figures ("{NATIONAL}").')
        return region.strip()


def _close_matches(word: str, candidates: list[str]) -> list[str]:
    import difflib  # only on the error path

    return difflib.get_close_matches(word, candidates, n=1)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f'the text "{shown}"'
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.date | dt.time):
        return f"the date/time {value.isoformat()}"
    return f"{type(value).__name__} {value!r}"


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


class _FileReader:
    """Reads one file's top level: the schema and the tables it is allowed to hold."""

    def __init__(self, path: Path, allowed: set[str], text: str | None = None) -> None:
        text = read_text(path) if text is None else text
        self.table = parse_toml(path, text)
        self.path = path
        self.headers = _Headers(path, text)
        unknown = sorted(set(self.table) - allowed - {"schema"})
        if unknown:
            raise DataError(
                path,
                f"unknown top-level key '{unknown[0]}'.",
                f"This file may hold: schema, {', '.join(sorted(allowed))}.",
            )
        schema = self.table.get("schema")
        if schema is None:
            raise DataError(
                path,
                "missing `schema = 1` at the top.",
                f"Add `schema = {SCHEMA}` as the first line (see docs/data-format.md).",
            )
        if isinstance(schema, bool) or schema != SCHEMA:
            raise DataError(
                path,
                f"schema {schema!r} is not supported; this ictgoals reads schema {SCHEMA}.",
                "Upgrade ictgoals or convert the file.",
            )

    def tables(self, name: str) -> dict[str, Any]:
        value = self.table.get(name, {})
        if not isinstance(value, dict):
            raise DataError(self.path, f"'{name}' must be a table like [{name}.some-id], got {_describe(value)}.")
        return value

    def array(self, name: str) -> list[tuple[int, Any, int | None]]:
        value = self.table.get(name, [])
        if not isinstance(value, list):
            raise DataError(self.path, f"'{name}' must be entries written as [[{name}]], got {_describe(value)}.")
        lines = self.headers.array_lines(name)
        inline = len(lines) != len(value)
        return [(i, item, None if inline else lines[i]) for i, item in enumerate(value)]

    def entry(self, table: Any, label: str, line: int | None, allowed: set[str]) -> _Entry:
        if not isinstance(table, dict):
            raise DataError(Location(str(self.path), line, label), f"expected a table, got {_describe(table)}.")
        return _Entry(self.headers, table, label, line, allowed)


def _read_sources(reader: _FileReader, into: dict[str, Source]) -> None:
    for source_id, table in reader.tables("sources").items():
        line = reader.headers.table_line("sources", source_id)
        entry = reader.entry(table, f"source '{source_id}'", line, _SOURCE_KEYS)
        if not SOURCE_ID.fullmatch(source_id):
            entry.fail(None, "source ids use lowercase letters, digits, '-', '_' and '.'.")
        dates = {}
        for key in ("published", "conference"):
            raw = table.get(key)
            if raw is None:
                dates[key] = ""
            elif isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
                dates[key] = raw.isoformat()
            elif isinstance(raw, str) and PARTIAL_DATE.fullmatch(raw):
                dates[key] = raw
            else:
                entry.fail(key, f'expected a date such as 2024-12-29 (or "2024-12"), got {_describe(raw)}.')
        source = Source(
            source_id,
            entry.text("title"),
            entry.text("outlet"),
            entry.text("region"),
            dates["published"],
            dates["conference"],
            entry.text("document"),
        )
        if source_id in into and into[source_id] != source:
            entry.fail(
                None,
                "is also declared, differently, in the other file.",
                "Declare each source once, or identically in both files.",
            )
        into[source_id] = source


def _read_indicators(reader: _FileReader) -> dict[str, Indicator]:
    indicators = {}
    for indicator_id, table in reader.tables("indicators").items():
        line = reader.headers.table_line("indicators", indicator_id)
        entry = reader.entry(table, f"indicator '{indicator_id}'", line, _INDICATOR_KEYS)
        if not INDICATOR_ID.fullmatch(indicator_id):
            entry.fail(
                None,
                "indicator ids use only lowercase letters, digits, '_' and '.'.",
                f"Rename it, e.g. '{_suggest_id(indicator_id)}'.",
            )
        unit = entry.text("unit", required=True)
        better = (
            entry.choice("better", Better)
            if entry.has("better")
            else (Better.LOWER if unit == "rank" else Better.HIGHER)
        )
        indicators[indicator_id] = Indicator(
            indicator_id,
            entry.text("name", required=True),
            unit,
            better,
            entry.text("name_vi"),
            entry.text("area"),
            entry.text("note"),
        )
    return indicators


def _suggest_id(text: str) -> str:
    return re.sub(r"[^a-z0-9_.]+", "_", region_key(text)).strip("_") or "indicator_id"


def _known(entry: _Entry, key: str, known: Mapping[str, object], what: str, declared_in: str) -> str:
    value = entry.text(key, required=True)
    if value not in known:
        close = _close_matches(value, list(known))
        hint = f"Did you mean '{close[0]}'?" if close else f"Declare it in {declared_in} first."
        entry.fail(key, f"unknown {what} '{value}'.", hint)
    return value


def _target_sources(entry: _Entry, sources: Mapping[str, Source]) -> tuple[str, ...]:
    """A target's source: one id, or a list of ids when several reports declare the same target."""
    raw = entry.table.get("source")
    if not isinstance(raw, list):
        return (_known(entry, "source", sources, "source", "[sources.*]"),)
    if not raw or not all(isinstance(item, str) for item in raw):
        entry.fail("source", f"expected a source id or a list of them, got {_describe(raw)}.")
    for item in raw:
        if item not in sources:
            entry.fail("source", f"unknown source '{item}'.", "Declare it in [sources.*] first.")
    return tuple(dict.fromkeys(raw))


def _target(entry: _Entry, indicators: Mapping[str, Indicator], sources: Mapping[str, Source]) -> Target:
    indicator = _known(entry, "indicator", indicators, "indicator", "[indicators.*]")
    year = entry.year("year", required=True)
    assert year is not None
    if not entry.has("op"):
        entry.fail(None, "missing required field 'op'.", 'Add op = ">=", "<=", "between" or "maintain".')
    op = entry.choice("op", Op)
    value: float | tuple[float, float] | None
    if op is Op.MAINTAIN:
        if entry.has("value"):
            entry.fail(
                "value",
                'a "maintain" target keeps its baseline and takes no value.',
                'Remove value, or use op = ">=" / "<=" for a number to reach.',
            )
        value = None
    elif op is Op.BETWEEN:
        if not isinstance(entry.table.get("value"), list):
            entry.fail(
                "value" if entry.has("value") else None,
                f'a "between" target needs value = [low, high], got {_describe(entry.table.get("value"))}.',
                "Write the range, e.g. value = [30, 40].",
            )
        value = entry.pair("value")
    else:
        if isinstance(entry.table.get("value"), list):
            entry.fail(
                "value", f'op "{op.value}" needs a single number, got a list.', 'Use op = "between" for a range.'
            )
        value = entry.required_number("value")
    return Target(
        indicator=indicator,
        year=year,
        op=op,
        value=value,
        sources=_target_sources(entry, sources),
        region=entry.region(),
        baseline_year=entry.year("baseline_year"),
        printed=entry.text("printed"),
        note=entry.text("note"),
        change=entry.change(year, allow_range=True),
        from_value=entry.number("from_value") if entry.has("from_value") else None,
        location=entry.location,
    )


def target_key(target: Target) -> tuple[str, str, int, Op]:
    """What makes two targets the same target: indicator, region, year and op."""
    return (target.indicator, region_key(target.region), target.year, target.op)


_PLAIN_TARGET_KEYS = frozenset(_TARGET_KEYS - _CHANGE_KEYS - {"from_value"})
_OPS = {op.value: op for op in Op}


def _finite(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and type(value) is not bool and math.isfinite(value)


_Plain = tuple[str, str, int, str, str, str]


def _plain_fields(
    table: Any, allowed: frozenset[str], indicators: Mapping[str, Indicator], sources: Mapping[str, Source]
) -> _Plain | None:
    """Indicator, source, year, region, printed and note of a plain entry, checked quickly; else None.

    The shortcut for the common case: anything unusual returns None and goes through the full
    checks (`_target`, `_actual`), which apply the same rules with complete error messages.
    """
    if type(table) is not dict or not allowed.issuperset(table):
        return None
    indicator, source, year = table.get("indicator"), table.get("source"), table.get("year")
    region, printed, note = table.get("region", NATIONAL), table.get("printed", ""), table.get("note", "")
    if (
        type(indicator) is str
        and indicator in indicators
        and type(source) is str
        and source in sources
        and type(year) is int
        and MIN_YEAR <= year <= MAX_YEAR
        and type(region) is str
        and region
        and region == region.strip()
        and type(printed) is str
        and type(note) is str
    ):
        return indicator, source, year, region, printed, note
    return None


def _plain_target(
    table: Any, indicators: Mapping[str, Indicator], sources: Mapping[str, Source], location: Location
) -> Target | None:
    """A well-formed target without a stated change, built quickly; None sends it to `_target`."""
    plain = _plain_fields(table, _PLAIN_TARGET_KEYS, indicators, sources)
    if plain is None:
        return None
    indicator, source, year, region, printed, note = plain
    op, raw, baseline_year = _OPS.get(table.get("op")), table.get("value"), table.get("baseline_year")
    if baseline_year is not None and not (type(baseline_year) is int and MIN_YEAR <= baseline_year <= MAX_YEAR):
        return None
    value: float | tuple[float, float] | None
    if (op is Op.AT_LEAST or op is Op.AT_MOST) and _finite(raw):
        value = float(raw)
    elif op is Op.BETWEEN and type(raw) is list and len(raw) == 2 and _finite(raw[0]) and _finite(raw[1]):
        value = (float(raw[0]), float(raw[1]))
        if value[0] > value[1]:
            return None
    elif op is Op.MAINTAIN and raw is None:
        value = None
    else:
        return None
    return Target(indicator, year, op, value, (source,), region, baseline_year, printed, note, None, None, location)


def _read_targets(
    reader: _FileReader, indicators: dict[str, Indicator], sources: dict[str, Source]
) -> tuple[Target, ...]:
    targets: list[Target] = []
    seen: dict[tuple[str, str, int, Op], Target] = {}
    path = str(reader.path)
    for index, table, line in reader.array("targets"):
        label = f"targets entry #{index + 1}"
        target = _plain_target(table, indicators, sources, Location(path, line, label))
        if target is None:
            target = _target(reader.entry(table, label, line, _TARGET_KEYS), indicators, sources)
        key = target_key(target)
        if key in seen:
            reader.entry(table, label, line, _TARGET_KEYS).fail(
                None,
                f"duplicates the target at {seen[key].location} (same indicator, region, year and op).",
                "Remove one of them.",
            )
        seen[key] = target
        targets.append(target)
    return tuple(targets)


def _actual(entry: _Entry, indicators: Mapping[str, Indicator], sources: Mapping[str, Source]) -> Actual:
    year = entry.year("year", required=True)
    assert year is not None
    return Actual(
        indicator=_known(entry, "indicator", indicators, "indicator", "targets.toml [indicators.*]"),
        year=year,
        value=entry.required_number("value"),
        source=_known(entry, "source", sources, "source", "[sources.*]"),
        region=entry.region(),
        printed=entry.text("printed"),
        estimate=entry.flag("estimate"),
        change=entry.change(year, allow_range=False),
        note=entry.text("note"),
        location=entry.location,
    )


_PLAIN_ACTUAL_KEYS = frozenset(_ACTUAL_KEYS - _CHANGE_KEYS)


def _plain_actual(
    table: Any, indicators: Mapping[str, Indicator], sources: Mapping[str, Source], location: Location
) -> Actual | None:
    """A well-formed actual without a stated change, built quickly; None sends it to `_actual`."""
    plain = _plain_fields(table, _PLAIN_ACTUAL_KEYS, indicators, sources)
    if plain is None:
        return None
    indicator, source, year, region, printed, note = plain
    value, estimate = table.get("value"), table.get("estimate", False)
    if _finite(value) and type(estimate) is bool:
        return Actual(indicator, year, float(value), source, region, printed, estimate, None, note, location)
    return None


def _read_actuals(
    reader: _FileReader, indicators: dict[str, Indicator], sources: dict[str, Source]
) -> tuple[Actual, ...]:
    path = str(reader.path)
    actuals = []
    for index, table, line in reader.array("actuals"):
        label = f"actuals entry #{index + 1}"
        actual = _plain_actual(table, indicators, sources, Location(path, line, label))
        if actual is None:
            actual = _actual(reader.entry(table, label, line, _ACTUAL_KEYS), indicators, sources)
        actuals.append(actual)
    return tuple(actuals)


def actual_from_row(row: Mapping[str, Any], where: str, dataset: Dataset) -> Actual:
    """Check one actual given as a mapping (an imported row) against a loaded dataset's catalogue."""
    return _actual(_Entry(None, row, where, None, _ACTUAL_KEYS), dataset.indicators, dataset.sources)


def target_from_row(row: Mapping[str, Any], where: str, dataset: Dataset) -> Target:
    """Check one target given as a mapping against a loaded dataset's catalogue."""
    return _target(_Entry(None, row, where, None, _TARGET_KEYS), dataset.indicators, dataset.sources)


def load(targets: DataPath | Path, actuals: DataPath | Path, *, texts: Mapping[Path, str] | None = None) -> Dataset:
    """Load and check both files; raise DataError naming the file and entry on the first problem.

    `texts` stands in for a file's contents, so a change can be checked before it is written.
    """
    texts = texts or {}
    targets_path = targets.path if isinstance(targets, DataPath) else targets
    actuals_path = actuals.path if isinstance(actuals, DataPath) else actuals
    target_reader = _FileReader(targets_path, {"sources", "indicators", "targets"}, texts.get(targets_path))
    actual_reader = _FileReader(actuals_path, {"sources", "actuals"}, texts.get(actuals_path))
    sources: dict[str, Source] = {}
    _read_sources(target_reader, sources)
    _read_sources(actual_reader, sources)
    indicators = _read_indicators(target_reader)
    return Dataset(
        sources,
        indicators,
        _read_targets(target_reader, indicators, sources),
        _read_actuals(actual_reader, indicators, sources),
        str(targets_path),
        str(actuals_path),
    )
