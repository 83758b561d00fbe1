"""A shortcut for plain entries, driven by the schema: it builds exactly what the full check builds, or gives up.

At a hundred thousand figures, building each entry through the full check (`entries`) costs
more than parsing the file. Most entries are plain, so each field is first tried with a quick
check of its kind. Anything unusual (a stated change, a list of sources, a wrong type, an
unknown key) makes the shortcut return None, and the full check then reads the entry and
explains what is wrong. `tests/test_fastpath.py` checks on mutated entries that both give the
same entry, or that the shortcut gives up whenever the full check refuses.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ictgoals.datafiles.columns import Entries, Shape, compact
from ictgoals.datafiles.entries import fold_region
from ictgoals.datafiles.schema import MAX_YEAR, MIN_YEAR, Kind, Table
from ictgoals.model import NATIONAL, Actual, Better, Indicator, Location, Op, Qualifier, Source, Target, Territory

Check = Callable[[Any], bool]


def _text(value: Any) -> bool:
    return type(value) is str


def _region(value: Any) -> bool:
    return type(value) is str and bool(value) and value == value.strip()


def _year(value: Any) -> bool:
    return type(value) is int and MIN_YEAR <= value <= MAX_YEAR


def _number(value: Any) -> bool:
    # Whole numbers beyond 2**53 are left to the full check, which says when one is too large for a float.
    return (type(value) is float and math.isfinite(value)) or (type(value) is int and -(2**53) <= value <= 2**53)


def _flag(value: Any) -> bool:
    return type(value) is bool


def _anything(value: Any) -> bool:  # VALUE: checked against the op once the op is known
    return True


def _types(column: list[Any]) -> set[type]:
    return set(map(type, column))


def _all_numbers(column: list[Any]) -> bool:
    if not _types(column) <= {int, float}:
        return False
    try:  # whole numbers within ±2**53 and finite floats: the usual column, tested without a Python loop
        if min(column) >= -(2**53) and max(column) <= 2**53 and all(map(math.isfinite, column)):
            return True
    except OverflowError:
        pass
    return all(map(_number, column))


#: For each quick check, the same test on a whole column at once, mostly without a Python-level loop.
_COLUMNS: dict[Check, Callable[[list[Any]], bool]] = {
    _text: lambda column: _types(column) <= {str},
    _region: lambda column: _types(column) <= {str} and all(map(_region, set(column))),
    _year: lambda column: _types(column) <= {int} and min(column) >= MIN_YEAR and max(column) <= MAX_YEAR,
    _number: _all_numbers,
    _flag: lambda column: _types(column) <= {bool},
    _anything: lambda column: True,
}

_SIMPLE: dict[Kind, Check] = {
    Kind.TEXT: _text,
    Kind.REGION: _region,
    Kind.YEAR: _year,
    Kind.NUMBER: _number,
    Kind.FLAG: _flag,
    Kind.VALUE: _anything,
}


def _one_of(known: Mapping[str, object] | frozenset[str]) -> Check:
    """Text naming one of `known`."""

    def check(value: Any) -> bool:
        return type(value) is str and value in known

    check.known = frozenset(known)  # type: ignore[attr-defined]  # for whole columns at once (_all_pass)
    return check


def checks(table: Table, catalogues: Mapping[str, Mapping[str, object]]) -> dict[str, Check]:
    """A quick check for each field the shortcut handles; a field left out sends its entry to the full check."""
    found: dict[str, Check] = {}
    for field in table.fields:
        if field.stated_change or field.cross_field:
            continue  # rare, and its cross-field rules live in the full check only
        if field.kind in (Kind.ID_REF, Kind.IDS_REF):
            found[field.name] = _one_of(catalogues[field.refers_to])
        elif field.kind is Kind.CHOICE and field.choices is not None:
            found[field.name] = _one_of(frozenset(member.value for member in field.choices))
        elif field.kind in _SIMPLE:
            found[field.name] = _SIMPLE[field.kind]
    return found


def _all_pass(check: Check, column: list[Any]) -> bool:
    """Whether every value of a (non-empty) column passes `check`."""
    known = getattr(check, "known", None)
    if known is not None:
        try:
            return bool(known.issuperset(column))  # only a str equals a str, so nothing else passes
        except TypeError:  # an unhashable value: a list or a table
            return False
    whole = _COLUMNS.get(check)
    return whole(column) if whole is not None else all(map(check, column))


_new = object.__new__


def _plain(raw: Any, quick: Mapping[str, Check], required: frozenset[str]) -> bool:
    if type(raw) is not dict or not raw.keys() >= required:
        return False
    for key, value in raw.items():
        check = quick.get(key)
        if check is None or not check(value):
            return False
    return True


class Shortcut:
    """Builds plain targets and actuals of one load, against its catalogue of indicators and sources."""

    def __init__(
        self, targets: Table, actuals: Table, indicators: Mapping[str, Indicator], sources: Mapping[str, Source]
    ):
        catalogues: dict[str, Mapping[str, object]] = {"indicators": indicators, "sources": sources}
        self._regions: dict[str, str] = {}
        self._neutral = frozenset(i.id for i in indicators.values() if i.better is Better.NEUTRAL)  # no targets
        self._targets = checks(targets, catalogues)
        self._actuals = checks(actuals, catalogues)
        # A field required unless another is given ("year", unless "years") is required here: the other
        # is left to the full check.
        self._targets_required = frozenset(f.name for f in targets.fields if f.required or f.required_unless)
        self._actuals_required = frozenset(f.name for f in actuals.fields if f.required or f.required_unless)

    def _region(self, name: str) -> str:
        """The catalogue's spelling of a region, as the full check gives it (looked up once per spelling)."""
        folded = self._regions.get(name)
        if folded is None:
            folded = self._regions[name] = fold_region(name)
        return folded

    def sort_actuals(self, raws: Sequence[Any]) -> tuple[list[int], list[int]]:
        """The positions of the plain actuals among `raws`, and of the others, each in file order."""
        plain, others = self.sort_rows(compact(raws))
        return sorted(shape.positions[row] for shape, rows in plain for row in rows), others

    def sort_rows(self, entries: Entries) -> tuple[list[tuple[Shape, Sequence[int]]], list[int]]:
        """The plain actuals of each shape (their rows in it), and the positions of the others in file order.

        The same test as `actual`, a column at a time: entries with the same keys are checked
        together, each key's values at once, and only a column that fails is checked value by
        value to find the entries to send to the full check.
        """
        others = entries.loose()  # not a table: no keys here, the full check explains
        plain: list[tuple[Shape, Sequence[int]]] = []
        for shape in entries.shapes:
            quick = [check for check in map(self._actuals.get, shape.keys) if check is not None]
            if len(quick) != len(shape.keys) or not self._actuals_required.issubset(shape.keys):
                others += shape.positions
                continue
            failed: set[int] = set()
            for column, check in zip(shape.columns, quick, strict=True):
                if not _all_pass(check, column):
                    failed.update(row for row, value in enumerate(column) if not check(value))
            everyone = range(len(shape.positions))
            plain.append((shape, [row for row in everyone if row not in failed] if failed else everyone))
            others += (shape.positions[row] for row in failed)
        others.sort()
        return plain, others

    def spelling(self, region: str) -> str:
        """A plain actual's region as the catalogue spells it."""
        return self._region(region)

    def actual(self, raw: Any, location: Location) -> Actual | None:
        """A plain actual, or None to send it to the full check."""
        if not _plain(raw, self._actuals, self._actuals_required):
            return None
        return self.build_actual(raw, location)

    def build_actual(self, raw: Mapping[str, Any], location: Location) -> Actual:
        """The actual of an entry `sort_actuals` found plain.

        Its fields are filled in declaration order without the frozen dataclass's `__init__`, which
        costs more than the rest of building it (as the cache does); the differential test compares
        every field, in order, with the full check's entry.
        """
        actual = _new(Actual)
        actual.__dict__.update(
            indicator=raw["indicator"],
            year=raw["year"],
            value=float(raw["value"]),
            source=raw["source"],
            region=self._region(raw.get("region", NATIONAL)),
            printed=raw.get("printed", ""),
            estimate=raw.get("estimate", False),
            change=None,
            note=raw.get("note", ""),
            period=None,
            basis="",
            qualifier=_optional(Qualifier, raw.get("qualifier")),
            territory=_optional(Territory, raw.get("territory")),
            location=location,
        )
        return actual

    def build_rows(
        self, places: Iterable[tuple[int, Shape, int, int | None]], file: str, label: str
    ) -> list[tuple[int, Actual]]:
        """`build_actual` of each plain entry at (position, shape, row, line), read from its shape's columns (no
        dict made for it), located in `file` as `label` and its number."""
        new, region_of, built = _new, self._region, []
        national = region_of(NATIONAL)
        columns_of: dict[int, tuple[Any, ...]] = {}  # each shape's columns, looked up once
        for position, shape, row, line in places:
            found = columns_of.get(id(shape))
            if found is None:
                found = columns_of[id(shape)] = tuple(map(shape.by_key.get, _ACTUAL_FIELDS))
            indicator, year, value, source, region, printed, estimate, note, qualifier, territory = found
            where = new(Location)
            where.__dict__.update(file=file, line=line, entry=f"{label}{position + 1}")
            actual = new(Actual)
            actual.__dict__.update(
                indicator=indicator[row],
                year=year[row],
                value=float(value[row]),
                source=source[row],
                region=national if region is None else region_of(region[row]),
                printed="" if printed is None else printed[row],
                estimate=False if estimate is None else estimate[row],
                change=None,
                note="" if note is None else note[row],
                period=None,
                basis="",
                qualifier=None if qualifier is None else Qualifier(qualifier[row]),
                territory=None if territory is None else Territory(territory[row]),
                location=where,
            )
            built.append((position, actual))
        return built

    def target(self, raw: Any, location: Location) -> Target | None:
        """A plain target, or None to send it to the full check."""
        if not _plain(raw, self._targets, self._targets_required) or raw["indicator"] in self._neutral:
            return None
        op, given = Op(raw["op"]), raw.get("value")
        value: float | tuple[float, float] | None
        if op.upward or op.downward:
            if not _number(given):
                return None
            value = float(given)
        elif op is Op.BETWEEN:
            if not (type(given) is list and len(given) == 2 and _number(given[0]) and _number(given[1])):
                return None
            value = (float(given[0]), float(given[1]))
            if value[0] > value[1]:
                return None
        elif "value" in raw:  # maintain takes no value
            return None
        else:
            value = None
        from_value, tolerance = raw.get("from_value"), raw.get("tolerance")
        if tolerance is not None and tolerance < 0:
            return None
        return Target(
            raw["indicator"],
            raw["year"],
            op,
            value,
            (raw["source"],),
            self._region(raw.get("region", NATIONAL)),
            raw.get("baseline_year"),
            raw.get("printed", ""),
            raw.get("note", ""),
            None,
            None if from_value is None else float(from_value),
            None if tolerance is None else float(tolerance),
            None,
            raw.get("approximate", False),
            raw.get("restated", ""),
            _optional(Territory, raw.get("territory")),
            location,
        )


#: The fields of a plain actual, as `build_rows` reads them from a shape's columns (the first four required).
_ACTUAL_FIELDS = (
    *("indicator", "year", "value", "source"),
    *("region", "printed", "estimate", "note", "qualifier", "territory"),
)


def _optional(kind: type[Qualifier] | type[Territory], value: Any) -> Any:
    """A choice field's member, None when the entry leaves it out."""
    return None if value is None else kind(value)
