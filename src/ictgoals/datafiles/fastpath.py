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
from collections.abc import Callable, Mapping
from typing import Any

from ictgoals.datafiles.entries import fold_region
from ictgoals.datafiles.schema import MAX_YEAR, MIN_YEAR, Kind, Table
from ictgoals.model import NATIONAL, Actual, Better, Indicator, Location, Op, Source, Target

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

    def actual(self, raw: Any, location: Location) -> Actual | None:
        """A plain actual, or None to send it to the full check."""
        if not _plain(raw, self._actuals, self._actuals_required):
            return None
        return Actual(
            raw["indicator"],
            raw["year"],
            float(raw["value"]),
            raw["source"],
            self._region(raw.get("region", NATIONAL)),
            raw.get("printed", ""),
            raw.get("estimate", False),
            None,
            raw.get("note", ""),
            None,
            "",
            location,
        )

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
            location,
        )
