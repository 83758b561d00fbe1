"""The loader's fast path follows the same rules as the full check: a differential test on mutated entries.

For every mutated entry, either the shortcut gives up (None) and the full check decides, or
both build exactly the same entry (compared by `repr`, so 45 and 45.0 differ). Whenever the
full check refuses an entry, the shortcut must have given up, so the loader reports the same
located error either way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.datafiles import entries, loader, schema
from ictgoals.datafiles.entries import Entry
from ictgoals.datafiles.fastpath import Shortcut
from ictgoals.datafiles.located import Headers
from ictgoals.datafiles.schema import Kind
from ictgoals.errors import DataError
from ictgoals.model import Location, Source

TARGETS = loader.FileReader(GOOD_TARGETS, "targets.toml")
ACTUALS = loader.FileReader(GOOD_ACTUALS, "actuals.toml")
SOURCES: dict[str, Source] = {}
loader.read_sources(TARGETS, SOURCES)
loader.read_sources(ACTUALS, SOURCES)
INDICATORS = loader.read_indicators(TARGETS)
SHORTCUT = Shortcut(schema.TARGETS, schema.ACTUALS, INDICATORS, SOURCES)
HEADERS = Headers(GOOD_ACTUALS, "")

VALID_TARGETS = [raw for _, raw, _ in TARGETS.array(schema.TARGETS)]
# Ranges and "maintain" are where op and value interact: give them more weight.
VALID_TARGETS += [raw for raw in VALID_TARGETS if raw["op"] in ("between", "maintain")] * 4
VALID_ACTUALS = [raw for _, raw, _ in ACTUALS.array(schema.ACTUALS)]
KEYS = sorted(schema.TARGETS.keys | schema.ACTUALS.keys | {"vaule", "Year", ""})
EXAMPLES_PER_TABLE = 5_000  # one target and one actual per example: 10,000 mutated entries a run

# Values as TOML can hold them, biased towards the near-misses a fast check could get wrong.
_WORDS = [">=", "<=", ">", "<", "between", "maintain", "=>", "%", "pp", "places", "average", "total"]
words = st.sampled_from([*INDICATORS, *SOURCES, *_WORDS, "VN", " VN", "VN ", "", " "])
scalars = st.one_of(
    st.integers(min_value=1890, max_value=2110),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    words,
    st.text(max_size=8),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.sampled_from(KEYS), scalars, max_size=2))
numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.sampled_from([2**53, 2**53 + 1, -(2**53) - 1, 10**308, 10**309, 0, -0.0, 45.8, 80, True, "45,8"]),
)
ids = st.sampled_from([*INDICATORS, *SOURCES, "nope", "", "Dossiers", "review-2024-a "])
#: For each kind of field, values just inside and just outside what it allows.
NEAR = {
    Kind.TEXT: st.one_of(st.text(max_size=5), st.sampled_from(["", " ", 0, True, ["a"]])),
    Kind.REGION: st.sampled_from(["VN", "Trà Vinh", "tra vinh", " VN", "VN ", "", " ", "\tX", 0, ["VN"]]),
    Kind.YEAR: st.sampled_from([1899, 1900, 2024, 2100, 2101, -5, 10**30, "2024", 2024.0, True]),
    Kind.NUMBER: numbers,
    Kind.VALUE: st.sampled_from([45.8, 80, [30, 40], [40, 30], [30, 30.0], [30], [30, 40, 50], "80", [30, "40"]]),
    Kind.CHANGE: st.one_of(numbers, st.lists(numbers, max_size=3)),
    Kind.FLAG: st.sampled_from([True, False, 0, 1, "true", None]),
    Kind.ID_REF: st.one_of(ids, st.lists(ids, max_size=2)),
    Kind.IDS_REF: st.one_of(ids, st.lists(ids, max_size=3)),
    Kind.CHOICE: st.one_of(words, st.lists(words, max_size=1)),
    Kind.DATE: scalars,
}


def value_for(draw: st.DrawFn, key: str, table: schema.Table) -> Any:
    """Mostly a near miss for the field's kind; now and then anything at all."""
    near = NEAR.get(table[key].kind) if key in table.keys else None
    return draw(values) if near is None or draw(st.integers(min_value=0, max_value=3)) == 0 else draw(near)


@st.composite
def mutated(draw: st.DrawFn, valid: list[dict[str, Any]], table: schema.Table) -> Any:
    """A valid entry with one to three fields set to near misses, dropped or added; now and then not a table."""
    entry = dict(draw(st.sampled_from(valid)))
    own = sorted(table.keys)
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        action = draw(st.sampled_from(["set", "set", "set", "set", "set", "set", "set", "set", "drop", "foreign"]))
        if action == "drop" and entry:
            entry.pop(draw(st.sampled_from(sorted(entry))))
        else:
            key = draw(st.sampled_from(own if action == "set" else KEYS))
            entry[key] = value_for(draw, key, table)
    return draw(values) if draw(st.integers(min_value=0, max_value=19)) == 0 else entry


def _full(build: Any, raw: Any, table: schema.Table, location: Location) -> Any:
    """The full check's result: the entry, or the DataError it raised."""
    if not isinstance(raw, dict):
        return DataError(location, "expected a table")
    try:
        entry = Entry(HEADERS, raw, location.entry, location.line, table)
        return build(entry, INDICATORS, SOURCES)
    except DataError as e:
        return e


def _agree(fast: Any, full: Any) -> None:
    if isinstance(full, DataError):
        assert fast is None, f"the shortcut accepted what the full check refuses: {full}"
    elif fast is not None:
        assert repr(vars(fast)) == repr(vars(full))


@settings(
    max_examples=EXAMPLES_PER_TABLE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(target=mutated(VALID_TARGETS, schema.TARGETS), actual=mutated(VALID_ACTUALS, schema.ACTUALS))
def test_the_shortcut_and_the_full_check_agree_on_mutated_entries(target: Any, actual: Any) -> None:
    location = Location(str(GOOD_ACTUALS), None, "entry")
    _agree(SHORTCUT.target(target, location), _full(entries.target, target, schema.TARGETS, location))
    _agree(SHORTCUT.actual(actual, location), _full(entries.actual, actual, schema.ACTUALS, location))


def test_the_shortcut_takes_the_plain_entries() -> None:
    """The differential test means something only if the shortcut really builds entries."""
    location = Location("x")
    assert sum(SHORTCUT.target(raw, location) is not None for raw in VALID_TARGETS) >= 5
    assert all(SHORTCUT.actual(raw, location) is not None for raw in VALID_ACTUALS if "change" not in raw)


def test_an_op_given_as_a_list_is_a_located_error_either_way() -> None:
    raw = {**VALID_TARGETS[0], "op": [">="]}
    location = Location(str(GOOD_TARGETS), 10, "targets entry #1")
    assert SHORTCUT.target(raw, location) is None
    error = _full(entries.target, raw, schema.TARGETS, location)
    assert isinstance(error, DataError)
    assert "field 'op': expected one of" in str(error)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    st.lists(st.one_of(st.sampled_from(VALID_ACTUALS), mutated(VALID_ACTUALS, schema.ACTUALS)), min_size=1, max_size=60)
)
def test_a_whole_column_at_a_time_takes_exactly_what_one_entry_at_a_time_takes(raws: list[Any]) -> None:
    """sort_actuals (the loader's column-wise test) agrees with `actual` on every entry of a mixed list."""
    plain, others = SHORTCUT.sort_actuals(raws)
    expected = [i for i, raw in enumerate(raws) if SHORTCUT.actual(raw, Location("x")) is not None]
    assert plain == expected
    assert sorted(plain + others) == list(range(len(raws)))


def test_a_bad_value_sends_only_its_own_entry_to_the_full_check() -> None:
    raws = [dict(raw) for raw in VALID_ACTUALS if set(raw) == {"indicator", "year", "value", "source"}][:5]
    assert len(raws) == 5
    raws[2]["year"] = 2024.0  # equal to 2024, but not a whole number as TOML writes it
    raws[3]["source"] = "no-such-source"
    plain, others = SHORTCUT.sort_actuals(raws)
    assert (plain, others) == ([0, 1, 4], [2, 3])
