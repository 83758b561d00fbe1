"""The loader: where data comes from, and a clear located error for every broken rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ASSETS, GOOD_ACTUALS, GOOD_TARGETS, REPO
from ictgoals.datafiles import entries, loader, paths, schema
from ictgoals.datafiles.fastpath import Shortcut
from ictgoals.errors import DataError
from ictgoals.model import NATIONAL, Location, Op, Source

BAD = ASSETS / "bad"

# (asset file, text the message must contain); the asset's name says what is wrong with it.
BAD_TARGETS = [
    ("schema_missing", r"missing `schema = 1`"),
    ("schema_wrong", r"schema 2 is not supported"),
    ("broken_toml", r":10: is not valid TOML: .*line 10"),
    ("not_utf8", r":9: is not UTF-8 text"),
    ("deeply_nested", r"nested too deeply"),
    ("sources_not_table", r"'sources' must be a table"),
    ("published_not_date", r":5 \(source 's1'\): field 'published': expected a date"),
    ("indicator_id_chars", r":6 \(indicator 'Full-Online'\): indicator ids use only .* Rename it, e.g. 'full_online'"),
    ("unknown_better", r":9 \(indicator 'dossiers'\): field 'better': unknown value \"up\""),
    ("missing_unit", r"\(indicator 'dossiers'\): missing required field 'unit'"),
    ("unknown_op", r":14 \(targets entry #1\): field 'op': unknown value \"=>\""),
    ("op_missing", r"\(targets entry #1\): missing required field 'op'"),
    ("tolerance_negative", r":16 \(targets entry #1\): field 'tolerance': -1 is negative"),
    ("op_as_list", r":14 \(targets entry #1\): field 'op': expected one of \">=\", .* got a list of 1"),
    ("between_scalar", r":15 \(targets entry #1\): field 'value': a \"between\" target needs value = \[low, high\]"),
    ("between_low_above_high", r"field 'value': range \[40, 30\] has low > high"),
    ("at_least_with_range", r"op \">=\" needs a single number, got a list"),
    ("maintain_with_value", r"a \"maintain\" target keeps its baseline and takes no value"),
    ("duplicate_target", r":17 \(targets entry #2\): duplicates the target at .*:10 \(targets entry #1\)"),
    ("unknown_source", r":13 \(targets entry #1\): field 'source': unknown source 's2'"),
    ("year_out_of_range", r":12 \(targets entry #1\): field 'year': year 2205 is outside 1900–2100"),
    ("year_negative", r"field 'year': year -5 is outside 1900–2100"),
    ("unknown_key", r":15 \(targets entry #1\): field 'vaule': unknown key 'vaule'. Did you mean 'value'\?"),
    ("change_without_unit", r"needs both 'change' and 'change_unit'; 'change_unit' is missing"),
    ("target_value_inf", r"field 'value': inf is not a finite number"),
    ("region_empty", r":16 \(targets entry #1\): field 'region': must not be empty"),
]

BAD_ACTUALS = [
    ("binary_garbage", r":1: is not UTF-8 text"),
    ("number_too_long", r":6: holds a number of more than 4,300 digits\. No figure needs that many"),
    ("byte_order_mark", r":1: starts with a byte order mark \(BOM\), .* Save it as UTF-8 without a BOM"),
    ("actuals_not_array", r"'actuals' must be entries written as \[\[actuals\]\]"),
    ("unknown_top_level", r"unknown top-level key 'targets'"),
    ("unknown_indicator", r":4 \(actuals entry #1\): field 'indicator': unknown indicator 'nope_x'"),
    ("value_text", r":7 \(actuals entry #1\): field 'value': expected a number, got the text \"ninety\""),
    ("value_nan", r":7 \(actuals entry #1\): field 'value': nan is not a finite number"),
    ("value_boolean", r"field 'value': expected a number, got the boolean true"),
    ("value_missing", r"\(actuals entry #1\): missing required field 'value'"),
    ("year_as_text", r":5 \(actuals entry #1\): field 'year': expected a whole year .* got the text \"2024\""),
    ("estimate_not_bool", r"field 'estimate': expected true or false"),
    ("change_unit_unknown", r"field 'change_unit': unknown value \"percent\"; expected one of \"%\", \"pp\""),
    ("change_from_not_earlier", r"field 'change_from': the change is stated from 2024, which is not before 2024"),
    ("inline_entry_bad", r"\(actuals entry #1\): field 'value': expected a number"),
]


def _assert_message(error: DataError, path: Path, pattern: str) -> None:
    message = str(error)
    assert message.startswith(str(path)), message
    assert re.search(pattern, message), message
    assert "\n" not in message


@pytest.mark.parametrize(("name", "pattern"), BAD_TARGETS)
def test_bad_targets_file(name: str, pattern: str) -> None:
    path = BAD / "targets" / f"{name}.toml"
    with pytest.raises(DataError) as caught:
        loader.load(path, GOOD_ACTUALS)
    _assert_message(caught.value, path, pattern)


@pytest.mark.parametrize(("name", "pattern"), BAD_ACTUALS)
def test_bad_actuals_file(name: str, pattern: str) -> None:
    path = BAD / "actuals" / f"{name}.toml"
    with pytest.raises(DataError) as caught:
        loader.load(GOOD_TARGETS, path)
    _assert_message(caught.value, path, pattern)


def test_every_bad_asset_is_in_a_table() -> None:
    listed = {f"targets/{n}" for n, _ in BAD_TARGETS} | {f"actuals/{n}" for n, _ in BAD_ACTUALS}
    on_disk = {f"{p.parent.name}/{p.stem}" for p in BAD.glob("*/*.toml")}
    assert on_disk == listed


@pytest.mark.parametrize(
    ("make", "pattern"),
    [
        (lambda tmp: tmp / "nowhere.toml", r"nowhere.toml: file not found"),
        (lambda tmp: tmp, r": is a directory, not a TOML file"),
    ],
)
def test_unreadable_paths(tmp_path: Path, make: object, pattern: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(DataError, match=pattern):
        loader.load(path, GOOD_ACTUALS)


def test_system_errors_are_chained(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        loader.load(tmp_path / "nowhere.toml", GOOD_ACTUALS)
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_good_data_loads_with_defaults_filled_in() -> None:
    data = loader.load(GOOD_TARGETS, GOOD_ACTUALS)
    assert len(data.targets) == 11
    assert len(data.actuals) == 14
    assert data.indicators["gci_rank"].better.value == "lower"  # the default for ranks
    assert data.indicators["dossiers"].better.value == "higher"
    postal = next(t for t in data.targets if t.indicator == "postal_growth")
    assert (postal.op, postal.value, postal.region) == (Op.BETWEEN, (30.0, 40.0), NATIONAL)
    egdi = next(a for a in data.actuals if a.indicator == "egdi_rank" and a.year == 2024)
    assert egdi.change is not None
    assert (egdi.change.value, egdi.change.from_year) == (15, 2022)
    assert egdi.location.line == 74  # `grep -n '\[\[actuals\]\]'`: the 11th header is on line 74


class TestResolve:
    def test_option_wins(self, tmp_path: Path) -> None:
        chosen = paths.resolve(
            tmp_path / "t.toml", "ICTGOALS_TARGETS", "targets.toml", {"ICTGOALS_TARGETS": "/env.toml"}, tmp_path
        )
        assert (chosen.path, chosen.origin) == (tmp_path / "t.toml", "option")

    def test_environment_next(self, tmp_path: Path) -> None:
        (tmp_path / "targets.toml").write_text("schema = 1\n")
        chosen = paths.resolve(None, "ICTGOALS_TARGETS", "targets.toml", {"ICTGOALS_TARGETS": "/env.toml"}, tmp_path)
        assert (chosen.path, chosen.origin) == (Path("/env.toml"), "ICTGOALS_TARGETS")

    def test_current_directory_next(self, tmp_path: Path) -> None:
        (tmp_path / "targets.toml").write_text("schema = 1\n")
        chosen = paths.resolve(None, "ICTGOALS_TARGETS", "targets.toml", {}, tmp_path)
        assert (chosen.path, chosen.origin) == (tmp_path / "targets.toml", "current directory")

    def test_bundled_last(self, tmp_path: Path) -> None:
        chosen = paths.resolve(None, "ICTGOALS_TARGETS", "targets.toml", {}, tmp_path)
        assert chosen.origin == "bundled"
        assert chosen.path.is_file()
        assert chosen.path.name == "targets.toml"


@pytest.mark.parametrize("folder", [GOOD_TARGETS.parent, REPO])
def test_the_shortcut_for_plain_entries_builds_exactly_what_the_full_checks_build(folder: Path) -> None:
    targets = loader.FileReader(folder / "targets.toml", "targets.toml")
    actuals = loader.FileReader(folder / "actuals.toml", "actuals.toml")
    sources: dict[str, Source] = {}
    loader.read_sources(targets, sources)
    indicators = loader.read_indicators(targets)
    shortcut = Shortcut(schema.TARGETS, schema.ACTUALS, indicators, sources)
    shortcuts = 0
    for reader, table, fast_build, full_build in (
        (actuals, schema.ACTUALS, shortcut.actual, entries.actual),
        (targets, schema.TARGETS, shortcut.target, entries.target),
    ):
        for label, raw, line in reader.array(table):
            fast = fast_build(raw, Location(str(reader.path), line, label))
            if fast is None:
                continue
            shortcuts += 1
            slow = full_build(reader.entry(raw, label, line, table), indicators, sources)
            assert vars(fast) == vars(slow)
    assert shortcuts >= 20  # the comparison above really ran
