"""The full check of one entry against the schema, with a located message that says how to fix what is wrong."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any, NoReturn, TypeVar

from ictgoals.datafiles import schema
from ictgoals.datafiles.located import Headers, describe
from ictgoals.datafiles.paths import TARGETS_FILE
from ictgoals.datafiles.schema import MAX_YEAR, MIN_YEAR, Field, Kind, Table
from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.model import (
    NATIONAL,
    Actual,
    Basis,
    Better,
    ChangeUnit,
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

_E = TypeVar("_E", Op, Better, ChangeUnit, Basis, Qualifier, Territory)

INDICATOR_ID = re.compile(r"[a-z0-9_.]+")
SOURCE_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")
PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

#: The example a "missing required field" message suggests, by kind.
_EXAMPLE = {Kind.YEAR: "2025", Kind.NUMBER: "<number>"}


def _alternatives(values: list[str]) -> str:
    quoted = [f'"{v}"' for v in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + tr(" or ") + quoted[-1]


class Entry:
    """One table of a data file (or an imported row), with typed readers that explain what is wrong and where."""

    def __init__(
        self, headers: Headers | None, table: Mapping[str, Any], label: str, line: int | None, kind: Table
    ) -> None:
        self.headers = headers
        self.table = table
        self.label = label
        self.line = line
        self.location = Location(str(headers.path) if headers else label, line, label if headers else "")
        allowed = kind.keys
        unknown = sorted(set(table) - allowed)
        if unknown:
            key = unknown[0]
            close = close_matches(key, sorted(allowed))
            keys = ", ".join(sorted(allowed))
            hint = (
                tr("Did you mean {names}?", names=f"'{close[0]}'") if close else tr("Allowed keys: {keys}.", keys=keys)
            )
            self.fail(key, tr("unknown key '{key}'.", key=key), hint)

    def fail(self, key: str | None, problem: str, fix: str = "") -> NoReturn:
        if self.headers is None:
            where = Location(self.label)
        else:
            line = self.line if key is None else self.headers.key_line(self.line, key)
            where = Location(str(self.headers.path), line, self.label)
        field_part = tr("field '{key}': ", key=key) if key else ""
        raise DataError(where, field_part + problem, fix)

    def has(self, key: str) -> bool:
        return key in self.table

    def missing(self, field: Field) -> NoReturn:
        if field.choices is not None:
            choices = _alternatives([m.value for m in field.choices])
            fix = tr("Add {name} = {choices}.", name=field.name, choices=choices)
        else:
            fix = tr("Add `{name} = {example}`.", name=field.name, example=_EXAMPLE.get(field.kind, '"…"'))
        self.fail(None, tr("missing required field '{name}'.", name=field.name), fix)

    # ------------------------------------------------------------ one reader per kind

    def text(self, field: Field, default: str = "") -> str:
        key = field.name
        if key not in self.table:
            if field.required:
                self.missing(field)
            return default
        value = self.table[key]
        if not isinstance(value, str):
            fix = tr('Write it in quotes: {key} = "…".', key=key)
            self.fail(key, tr("expected text, got {value}.", value=describe(value)), fix)
        if field.required and not value.strip():
            self.fail(key, tr("must not be empty."))
        return value

    def texts(self, field: Field) -> tuple[str, ...]:
        key = field.name
        if key not in self.table:
            return ()
        value = self.table[key]
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            self.fail(
                key,
                tr("expected a list of texts, got {value}.", value=describe(value)),
                tr('Write it as {key} = ["…", "…"].', key=key),
            )
        return tuple(value)

    def number(self, field: Field, value: Any = None, *, in_range: bool = False) -> float:
        key = field.name
        if value is None:
            if key not in self.table:
                self.missing(field)
            value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            got = describe(value)
            fix = tr("Write a plain number such as 45.8 (no quotes, '.' as the decimal mark).")
            if in_range:
                self.fail(key, tr("expected a range of numbers, got {value}.", value=got), fix)
            self.fail(key, tr("expected a number, got {value}.", value=got), fix)
        try:
            number = float(value)
        except OverflowError:
            fix = tr("Give a number below 1e308.")
            self.fail(key, tr("{value} is too large for a figure.", value=describe(value)), fix)
        if not math.isfinite(number):
            fix = tr("Give a finite value (nan and inf are not figures).")
            self.fail(key, tr("{value} is not a finite number.", value=value), fix)
        return number

    def optional_number(self, field: Field) -> float | None:
        return self.number(field) if self.has(field.name) else None

    def year(self, field: Field) -> int | None:
        key = field.name
        if key not in self.table:
            if field.required:
                self.missing(field)
            return None
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, tr("expected a whole year such as 2025, got {value}.", value=describe(value)))
        if not MIN_YEAR <= value <= MAX_YEAR:
            problem = tr("year {year} is outside {first}–{last}.", year=value, first=MIN_YEAR, last=MAX_YEAR)
            self.fail(key, problem, tr("Check for a typo in the year."))
        return int(value)

    def required_year(self, field: Field) -> int:
        year = self.year(field)
        if year is None:  # only for an optional field, which callers never pass here
            self.missing(field)
        return year

    def years(self, field: Field) -> tuple[int, int] | None:
        """A span of whole years [first, last], first before last."""
        if field.name not in self.table:
            return None
        raw = self.table[field.name]
        if not isinstance(raw, list) or len(raw) != 2:
            problem = tr("expected [first, last] years, got {value}.", value=describe(raw))
            self.fail(field.name, problem, tr("Write e.g. [2021, 2025]."))
        first, last = raw
        for value in raw:
            if isinstance(value, bool) or not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR:
                got = describe(value)
                problem = tr(
                    "expected whole years in {first}–{last}, got {value}.", first=MIN_YEAR, last=MAX_YEAR, value=got
                )
                self.fail(field.name, problem)
        if first >= last:
            problem = tr(
                "[{first}, {last}] is not a span: the first year must come before the last.", first=first, last=last
            )
            self.fail(field.name, problem)
        return int(first), int(last)

    def year_or_span(self, year: Field, span: Field) -> tuple[int, tuple[int, int] | None]:
        """The year an entry is for, and its span when it gives one instead (the year is then the span's last)."""
        years = self.years(span)
        if years is None:
            return self.required_year(year), None
        if self.has(year.name):
            problem = tr("give either {year} or {span}, not both.", year=year.name, span=span.name)
            self.fail(year.name, problem, tr("Remove {key}.", key=year.name))
        return years[1], years

    def flag(self, field: Field) -> bool:
        value = self.table.get(field.name, False)
        if not isinstance(value, bool):
            self.fail(field.name, tr("expected true or false, got {value}.", value=describe(value)))
        return value

    def pair(self, field: Field) -> tuple[float, float]:
        key = field.name
        value = self.table.get(key)
        if not isinstance(value, list) or len(value) != 2:
            self.fail(key, tr("expected a range [low, high], got {value}.", value=describe(value)))
        low, high = (self.number(field, v, in_range=True) for v in value)
        if low > high:
            problem = tr("range [{low}, {high}] has low > high.", low=_num(low), high=_num(high))
            self.fail(key, problem, tr("Write the lower bound first."))
        return low, high

    def choice(self, field: Field, kind: type[_E]) -> _E:
        key = field.name
        if key not in self.table and field.required:
            self.missing(field)
        value = self.table.get(key)
        allowed = ", ".join(f'"{m.value}"' for m in kind)
        if not isinstance(value, str):
            self.fail(key, tr("expected one of {choices}, got {value}.", choices=allowed, value=describe(value)))
        try:
            return kind(value)
        except ValueError:
            self.fail(key, tr('unknown value "{value}"; expected one of {choices}.', value=value, choices=allowed))

    def date(self, field: Field) -> str:
        raw = self.table.get(field.name)
        if raw is None:
            return ""
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw.isoformat()
        if not (isinstance(raw, str) and PARTIAL_DATE.fullmatch(raw)):
            got = describe(raw)
            self.fail(field.name, tr('expected a date such as 2024-12-29 (or "2024-12"), got {value}.', value=got))
        return raw

    def region(self, field: Field) -> str:
        """The region, in the catalogue's spelling when it is one of Vietnam's (`regions.canonical`)."""
        region = self.text(field, default=NATIONAL)
        if not region.strip():
            fix = tr('Omit it for national figures ("{code}").', code=NATIONAL)
            self.fail(field.name, tr("must not be empty."), fix)
        return fold_region(region.strip())

    def known(self, field: Field, known: Mapping[str, object], file: str = "") -> str:
        """An id that must name an entry of `field.refers_to` (declared in `file`, if it must be there)."""
        value = self.text(field)
        if value not in known:
            close = close_matches(value, list(known))
            declared_in = f"{file} [{field.refers_to}.*]".lstrip()
            hint = tr("Did you mean {names}?", names=f"'{close[0]}'") if close else ""
            hint = hint or tr("Declare it in {place} first.", place=declared_in)
            if field.refers_to == "indicators":
                self.fail(field.name, tr("unknown indicator '{id}'.", id=value), hint)
            self.fail(field.name, tr("unknown source '{id}'.", id=value), hint)
        return value

    def known_list(self, field: Field, known: Mapping[str, object]) -> tuple[str, ...]:
        """One id, or a list of ids when several reports declare the same entry."""
        raw = self.table.get(field.name)
        if not isinstance(raw, list):
            return (self.known(field, known),)
        if not raw or not all(isinstance(item, str) for item in raw):
            self.fail(field.name, tr("expected a source id or a list of them, got {value}.", value=describe(raw)))
        for item in raw:
            if item not in known:
                fix = tr("Declare it in {place} first.", place="[sources.*]")
                self.fail(field.name, tr("unknown source '{id}'.", id=item), fix)
        return tuple(dict.fromkeys(raw))

    def change(self, table: Table, year: int) -> StatedChange | None:
        """The change on an earlier year the entry states, if any."""
        if not any(self.has(k) for k in table.change_keys):
            return None
        if not self.has("change") or not self.has("change_unit"):
            missing = "change_unit" if self.has("change") else "change"
            self.fail(
                None,
                tr("a stated change needs both 'change' and 'change_unit'; '{key}' is missing.", key=missing),
                tr('Add change_unit = "%" (relative), "pp" (percentage points) or "places" (ranks).')
                if missing == "change_unit"
                else tr("Add the change as printed, e.g. change = 21."),
            )
        change = table["change"]
        value: float | tuple[float, float]
        value = (
            self.pair(change) if change.allows_range and isinstance(self.table["change"], list) else self.number(change)
        )
        from_year = self.year(table["change_from"]) or year - 1
        if from_year >= year:
            self.fail(
                "change_from",
                tr("the change is stated from {first}, which is not before {year}.", first=from_year, year=year),
                tr("Give the earlier year the source compares with, or omit it for the previous year."),
            )
        unit = self.choice(table["change_unit"], ChangeUnit)
        return StatedChange(value, unit, from_year, self.text(table["printed_change"]))


def close_matches(word: str, candidates: list[str]) -> list[str]:
    import difflib  # only on the error path

    return difflib.get_close_matches(word, candidates, n=1)


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# ---------------------------------------------------------------- one builder per table


def source(entry: Entry, source_id: str) -> Source:
    if not SOURCE_ID.fullmatch(source_id):
        entry.fail(None, tr("source ids use lowercase letters, digits, '-', '_' and '.'."))
    s = schema.SOURCES
    published, conference = entry.date(s["published"]), entry.date(s["conference"])
    return Source(
        source_id,
        entry.text(s["title"]),
        entry.text(s["outlet"]),
        entry.text(s["region"]),
        published,
        conference,
        entry.text(s["document"]),
        entry.text(s["url"]),
        entry.text(s["note"]),
        entry.text(s["issuer"]),
    )


def indicator(entry: Entry, indicator_id: str) -> Indicator:
    if not INDICATOR_ID.fullmatch(indicator_id):
        entry.fail(
            None,
            tr("indicator ids use only lowercase letters, digits, '_' and '.'."),
            tr("Rename it, e.g. '{id}'.", id=_suggest_id(indicator_id)),
        )
    i = schema.INDICATORS
    unit = entry.text(i["unit"])
    better = (
        entry.choice(i["better"], Better)
        if entry.has("better")
        else (Better.LOWER if unit == "rank" else Better.HIGHER)
    )
    return Indicator(
        indicator_id,
        entry.text(i["name"]),
        unit,
        better,
        entry.text(i["name_vi"]),
        entry.text(i["area"]),
        entry.text(i["note"]),
        entry.pair(i["range"]) if entry.has("range") else None,
        entry.texts(i["aliases"]),
        entry.text(i["name_short"]),
        entry.text(i["name_vi_short"]),
        entry.text(i["noun"]),
        entry.text(i["noun_vi"]),
    )


def _suggest_id(text: str) -> str:
    return re.sub(r"[^a-z0-9_.]+", "_", region_key(text)).strip("_") or "indicator_id"


def target(entry: Entry, indicators: Mapping[str, Indicator], sources: Mapping[str, Source]) -> Target:
    t = schema.TARGETS
    indicator_id = entry.known(t["indicator"], indicators)
    if indicators[indicator_id].better is Better.NEUTRAL:
        entry.fail(
            "indicator",
            tr("'{id}' is declared better = \"neutral\", and a target needs a direction.", id=indicator_id),
            tr('Declare better = "higher" or "lower" for the indicator, or drop the target.'),
        )
    year, span = entry.year_or_span(t["year"], t["years"])
    op = entry.choice(t["op"], Op)
    value: float | tuple[float, float] | None
    raw = entry.table.get("value")
    if op is Op.MAINTAIN:
        if entry.has("value"):
            entry.fail(
                "value",
                tr('a "maintain" target keeps its baseline and takes no value.'),
                tr('Remove value, or use op = ">=" / "<=" for a number to reach.'),
            )
        value = None
    elif op is Op.BETWEEN:
        if not isinstance(raw, list):
            entry.fail(
                "value" if entry.has("value") else None,
                tr('a "between" target needs value = [low, high], got {value}.', value=describe(raw)),
                tr("Write the range, e.g. value = [30, 40]."),
            )
        value = entry.pair(t["value"])
    else:
        if isinstance(raw, list):
            fix = tr('Use op = "between" for a range.')
            entry.fail("value", tr('op "{op}" needs a single number, got a list.', op=op.value), fix)
        value = entry.number(schema.Field("value", Kind.NUMBER, required=True))
    return Target(
        indicator=indicator_id,
        year=year,
        op=op,
        value=value,
        sources=entry.known_list(t["source"], sources),
        region=entry.region(t["region"]),
        baseline_year=entry.year(t["baseline_year"]),
        printed=entry.text(t["printed"]),
        note=entry.text(t["note"]),
        change=entry.change(t, year),
        from_value=entry.optional_number(t["from_value"]),
        tolerance=_tolerance(entry, t["tolerance"]),
        span=span,
        approximate=entry.flag(t["approximate"]),
        restated=entry.text(t["restated"]),
        territory=_optional_choice(entry, t["territory"], Territory),
        location=entry.location,
    )


def _optional_choice(entry: Entry, field: Field, kind: type[_E]) -> _E | None:
    return entry.choice(field, kind) if entry.has(field.name) else None


def _tolerance(entry: Entry, field: Field) -> float | None:
    tolerance = entry.optional_number(field)
    if tolerance is not None and tolerance < 0:
        fix = tr("Give how far short still counts as met, e.g. 0.8.")
        entry.fail(field.name, tr("{value} is negative.", value=f"{tolerance:g}"), fix)
    return tolerance


def actual(entry: Entry, indicators: Mapping[str, Indicator], sources: Mapping[str, Source]) -> Actual:
    a = schema.ACTUALS
    year, period = entry.year_or_span(a["year"], a["period"])
    basis = entry.choice(a["basis"], Basis).value if entry.has("basis") or period else ""
    if basis and period is None:
        entry.fail("basis", tr("goes with period = [first, last]."), tr("Remove basis, or give the period."))
    return Actual(
        indicator=entry.known(a["indicator"], indicators, TARGETS_FILE),
        year=year,
        value=entry.number(a["value"]),
        source=entry.known(a["source"], sources),
        region=entry.region(a["region"]),
        printed=entry.text(a["printed"]),
        estimate=entry.flag(a["estimate"]),
        change=entry.change(a, year),
        note=entry.text(a["note"]),
        period=period,
        basis=basis,
        qualifier=_optional_choice(entry, a["qualifier"], Qualifier),
        territory=_optional_choice(entry, a["territory"], Territory),
        location=entry.location,
    )


def fold_region(name: str) -> str:
    """A region as the catalogue spells it ("tra vinh" is "Trà Vinh"); one of the user's own as written."""
    from ictgoals.provinces import canonical

    return canonical(name) or name
