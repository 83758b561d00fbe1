"""Work that grows with the data, never with its square: each thing a command needs is found once (issue 25).

No test here times anything (bench/growth.py measures); they check that a scan or a grouping runs
once however many keys ask for it, and that the one-pass versions give exactly what the per-key
versions gave.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import GOOD_TARGETS
from ictgoals import i18n
from ictgoals.analysis import checks
from ictgoals.analysis.checks import Finding
from ictgoals.analysis.diff import DiffRow, diff
from ictgoals.analysis.index import Index, canonical_region
from ictgoals.analysis.report import report
from ictgoals.api import figures as api_figures
from ictgoals.api import regions as api_regions
from ictgoals.datafiles import cache, loader, located, schema
from ictgoals.datafiles.columns import Entries
from ictgoals.datafiles.fastpath import Shortcut
from ictgoals.datafiles.figures import LazyFigures
from ictgoals.datafiles.located import Headers, parse_toml
from ictgoals.model import (
    NATIONAL,
    Actual,
    Better,
    Dataset,
    Figures,
    GroupKey,
    Indicator,
    Op,
    Source,
    Target,
    region_key,
)
from ictgoals.writing import plans
from ictgoals.writing.inputs import Row
from test_parse import same

PATH = Path("targets.toml")


def line_by_regex(text: str, table: str, key: str) -> int | None:
    """The per-key search `Headers.table_line` made before issue 25: one regular expression over the whole text."""
    pattern = re.compile(rf"^[ \t]*\[[ \t]*{re.escape(table)}[ \t]*\.[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*\]", re.M)
    found = pattern.search(text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def catalogue(indicators: int, sources: int) -> str:
    """A targets file with that many indicators and sources, declared the ways people write them."""
    parts = ["schema = 1\n\n"]
    for k in range(sources):
        header = (f"[sources.s{k}]", f'[ sources . "s{k}" ]', f"  [sources.'s{k}']")[k % 3]
        parts.append(f'{header}\ntitle = "Report {k}"\n\n')
    for k in range(indicators):
        header = (f'[indicators."x.m{k}"]', f"[indicators.'x.m{k}']", f'\t[ indicators .  "x.m{k}"  ]')[k % 3]
        parts.append(f'{header}\nname = "Measure {k}"\nunit = "%"\n\n')
    return "".join(parts)


def test_every_table_of_a_file_is_located_in_one_scan(tmp_path: Path) -> None:
    text = catalogue(indicators=300, sources=200)
    path = tmp_path / "targets.toml"
    path.write_text(text, encoding="utf-8")
    reader = loader.FileReader(path, "targets.toml")
    sources: dict[str, object] = {}
    loader.read_sources(reader, sources)  # type: ignore[arg-type]
    indicators = loader.read_indicators(reader)
    assert len(sources) == 200
    assert len(indicators) == 300
    assert reader.headers.table_scans == 1
    for table in (schema.SOURCES, schema.INDICATORS):
        for key, _, line in reader.keyed(table):
            assert line == line_by_regex(text, table.name, key) is not None
    assert reader.headers.table_scans == 1


def test_a_table_the_scan_did_not_look_for_gets_a_scan_of_its_own() -> None:
    text = "[extra.a]\nx = 1\n[sources.b]\n"
    headers = Headers(PATH, text, ("sources",))
    assert headers.table_line("sources", "b") == 3
    assert headers.table_line("extra", "a") == 1
    assert headers.table_line("extra", "zz") is None
    assert headers.table_scans == 2


#: Pieces of header lines, including the corners: quotes, spaces, tabs, brackets inside a quoted key,
#: a header that is not at the start of its line, and other tables.
PIECES = st.sampled_from(
    ["[", "]", " ", "\t", '"', "'", ".", "sources", "indicators", "a", "b", "a b", "]]", "x", "#", "\n", "\r", "é"]
)
KEYS = ["a", "b", "a b", " a", "a ", '"a"', "'a'", "a]", "", "x", "a.b", "é", "sources", '"', "b]", "a]b", '"a', "a'"]
SPACE = st.sampled_from(["", " ", "\t", "  ", " \t"])
QUOTE = st.sampled_from(["", "", '"', "'"])


@st.composite
def header(draw: st.DrawFn) -> str:
    """A header line built as a person might write one, from its parts: mostly right, sometimes not."""
    parts = [
        draw(st.sampled_from(["", "", " ", "\t", "x ", "#"])),
        "[",
        draw(SPACE),
        draw(st.sampled_from(["sources", "sources", "indicators", "other", "source"])),
        draw(SPACE),
        draw(st.sampled_from([".", ".", ".", ""])),
        draw(SPACE),
        draw(QUOTE),
        draw(st.sampled_from(KEYS)),
        draw(QUOTE),
        draw(SPACE),
        draw(st.sampled_from(["]", "]", "]", "", "]]", "] # c", "]x"])),
    ]
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(header(), st.lists(PIECES, max_size=12).map("".join)), max_size=12).map("\n".join))
def test_the_one_scan_finds_the_line_the_per_key_search_found(text: str) -> None:
    headers = Headers(PATH, text, ("sources", "indicators"))
    for table in ("sources", "indicators"):
        for key in KEYS:
            assert headers.table_line(table, key) == line_by_regex(text, table, key), (table, key)
    assert headers.table_scans == 1


# ---------------------------------------------------------------- analysis: grouped once per dataset

REGIONS = ["VN", "Trà Vinh", "tra vinh", "Hà Nội", "Vùng 0035", "vung 0035", "EU", "Cà Mau"]


def spread_dataset() -> Dataset:
    """Targets and figures for three indicators in regions spelled several ways, in mixed file order."""
    sources = {"r1": Source("r1", published="2024-01-01"), "r2": Source("r2", published="2025-01-01")}
    indicators = {i: Indicator(i, i.upper(), "%", Better.HIGHER, area="a") for i in ("x", "y", "z")}
    targets = tuple(
        Target(indicator, 2025, op, 50.0 if op is Op.AT_LEAST else None, ("r1",), region)
        for region in REGIONS
        for indicator in ("z", "x", "y")
        for op in (Op.AT_LEAST, Op.MAINTAIN)
        if (len(region) + ord(indicator[0])) % 3  # not every pair
    )
    actuals = Figures(
        Actual(indicator, year, float(year - 2000 + k), source, region)
        for k, region in enumerate(REGIONS)
        for indicator in ("y", "x")
        for year in (2023, 2024, 2025)
        for source in ("r1", "r2")[: 1 + (year + k) % 2]
    )
    return Dataset(sources, indicators, targets, actuals)


def test_targets_of_a_region_are_those_the_scan_over_all_targets_gave() -> None:
    data = spread_dataset()
    for region in [*REGIONS, "Nowhere", "vn"]:
        wanted = {region_key(NATIONAL), region_key(region)}
        expected = [t for t in data.targets if region_key(t.region) in wanted]
        if region == NATIONAL:
            expected = [t for t in data.targets if t.region == NATIONAL]
        index = Index(data)
        assert index.targets_in(region) == expected
        for indicator in ("x", "y", "z", "none"):
            assert index.targets_in(region, indicator) == [t for t in expected if t.indicator == indicator]


def summary(row: DiffRow) -> tuple[object, ...]:
    before = None if row.before is None else (row.before.year, row.before.value, row.before.sources)
    return row.indicator.area, row.indicator.id, row.region, before, row.after.value, row.after.sources, row.change


def test_every_region_is_answered_from_one_index_grouped_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--region all` and a report per region: the figures' groups are listed once, whatever the regions."""
    data = spread_dataset()
    listed: list[int] = []
    keys = data.actuals.keys

    def listing() -> Iterable[GroupKey]:
        listed.append(1)
        return keys()

    monkeypatch.setattr(data.actuals, "keys", listing)
    regions = api_regions.every_region(data)
    assert len(regions) == len(REGIONS)
    every = api_figures.diff(data, 2025, region="all")
    for region in regions:
        one = diff(data, 2025, 2024, region)
        assert [summary(r) for r in one.rows] == [summary(r) for r in every.rows if r.region == region]
        assert summary(one.rows[0])[1:3] == ("x", region)
    assert Index.of(data) is Index.of(data)
    assert len(listed) == 1


def test_validate_runs_its_checks_once_per_dataset_and_language(monkeypatch: pytest.MonkeyPatch) -> None:
    data = spread_dataset()
    runs: list[int] = []
    real = checks._conflicts

    def counted(*args: Any) -> list[Finding]:
        runs.append(1)
        return real(*args)

    monkeypatch.setattr(checks, "_conflicts", counted)
    first = checks.validate(data)
    assert [f.code for f in first].count("conflict") > 0
    for region in ("VN", "Trà Vinh", "EU"):
        report(data, 2025, region)
        assert checks.validate(data) == first
    assert len(runs) == 1
    i18n.use("vi")
    try:
        assert checks.validate(data) != first  # the same findings, in Vietnamese
    finally:
        i18n.use("en")
    assert len(runs) == 2


def test_a_report_notes_only_what_it_shows() -> None:
    data = spread_dataset()
    for region in REGIONS:
        content = report(data, 2025, region)
        shown = {section.row.target.indicator for section in content.sections}
        assert {note.indicator.id for note in content.notes} <= shown


def test_the_data_spelling_of_a_region_is_the_first_in_regions_order() -> None:
    data = spread_dataset()
    for wanted in [*REGIONS, "TRA VINH", "Nowhere", "vn"]:
        expected = next((r for r in data.regions() if region_key(r) == region_key(wanted)), None)
        assert canonical_region(data, wanted) == (NATIONAL if region_key(wanted) == "vn" else expected)


# ---------------------------------------------------------------- entries kept compactly

scalars = st.one_of(
    st.sampled_from(["VN", "Trà Vinh", "x", "", "1", 0, 1, 2024, 2**70, True, False, 0.0, -0.0, 1.0, float("nan")]),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=3),
)
tables = st.dictionaries(st.sampled_from(["indicator", "year", "value", "source", "region", "x"]), scalars, max_size=5)
items = st.lists(st.one_of(tables, tables, tables, scalars, st.lists(scalars, max_size=2)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(items, min_size=1, max_size=4))
def test_entries_read_back_as_the_parser_gave_them(pieces: list[list[Any]]) -> None:
    """Keys in order, values equal and of the same types (1, 1.0 and True apart; -0.0 kept), whatever is mixed."""
    stored = Entries()
    for piece in pieces:
        stored.extend(piece)
    given = [item for piece in pieces for item in piece]
    assert len(stored) == len(given)
    assert all(same(a, b) for a, b in zip(stored, given, strict=True))
    assert all(same(stored[k], given[k]) and same(stored[k - len(given)], given[k]) for k in range(len(given)))
    assert sorted(stored.loose()) == [k for k, item in enumerate(given) if type(item) is not dict]


def test_equal_texts_and_whole_numbers_are_stored_once() -> None:
    a, b = "".join(["dg.", "online"]), "".join(["dg.", "online"])
    assert a is not b
    stored = Entries([{"indicator": a, "year": 10**6}, {"indicator": b, "year": 10**6 + 0}])
    assert stored[0]["indicator"] is stored[1]["indicator"]
    assert stored[0]["year"] is stored[1]["year"]


def test_a_large_file_is_stored_piece_by_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """With `compact`, each parsed piece goes into the store at once: the parser's tables never all exist."""
    monkeypatch.setattr(located, "PIECE_BYTES", 300)
    text = "schema = 1\n" + "".join(
        f'[[actuals]]\nindicator = "x"\nyear = {2000 + k}\nvalue = {k}\n' for k in range(60)
    )
    sizes: list[int] = []
    extend = Entries.extend

    def counted(self: Entries, found: list[Any]) -> None:
        sizes.append(len(found))
        extend(self, found)

    monkeypatch.setattr(Entries, "extend", counted)
    table = parse_toml(PATH, text, Headers(PATH, text), "actuals", compact=True)
    assert isinstance(table["actuals"], Entries)
    assert len(sizes) >= 5
    assert max(sizes) < 60
    assert list(table["actuals"]) == parse_toml(PATH, text, Headers(PATH, text), "actuals")["actuals"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["\n", "[[actuals]]", "\n[[actuals]]", " [[ actuals ]]", "a = 1", "[[", "é"]), max_size=40)
)
def test_the_header_scan_in_windows_agrees_with_the_line_by_line_scan(parts: list[str]) -> None:
    """Windows of a few characters cut the text in many places; the headers found are the same."""
    text = "".join(parts)
    window = located.HEADER_WINDOW
    try:
        for located.HEADER_WINDOW in (1, 5, 12, 1 << 20):
            headers = Headers(PATH, text)
            quick = headers._plain_headers("actuals")
            assert quick is None or quick == headers._any_headers("actuals")
    finally:
        located.HEADER_WINDOW = window


def test_an_import_into_regions_of_the_users_own_lists_the_data_regions_once(monkeypatch: pytest.MonkeyPatch) -> None:
    data = spread_dataset()
    listed: list[int] = []
    regions = Dataset.regions

    def listing(self: Dataset) -> list[str]:
        listed.append(1)
        return regions(self)

    monkeypatch.setattr(Dataset, "regions", listing)
    rows: list[tuple[str, Row]] = [
        (f"row {k}", {"indicator": "x", "year": 2030 + k, "value": 5.0, "source": "r2", "region": region})
        for k in range(40)
        for region in ("EU", "vung 0035", "Trà Vinh")
    ]
    plan = plans.plan_actuals(data, rows, allow_conflict=False, new_sources={})
    # Two spellings of one region of the user's own: the last in `Dataset.regions` order, as before issue 25.
    assert [entry.get("region") for entry in plan.entries[:3]] == ["EU", "vung 0035", "Trà Vinh"]
    assert len(plan.entries) == 120
    assert len(listed) == 1


def figures_file(count: int, seed: int) -> str:
    """Actuals in many shapes: keys in several orders, optional fields, regions spelled several ways, whole and
    decimal values, and some entries only the full check reads (a stated change, a list of sources)."""
    rng = random.Random(seed)
    parts = ['schema = 1\n\n[sources.s2]\ntitle = "Second"\npublished = 2025-02-01\n\n']
    for k in range(count):
        fields = [f'indicator = "{rng.choice(["dossiers", "gci_rank", "egdi_rank", "postal_growth"])}"']
        fields.append(f"year = {rng.randrange(2015, 2026)}")
        fields.append(f"value = {rng.choice([str(rng.randrange(1, 90)), f'{rng.uniform(1, 90):.1f}', '7'])}")
        fields.append(f'source = "{rng.choice(["review-2024-a", "s2"])}"')
        region = rng.choice([None, None, "Trà Vinh", "tra vinh", "VN", "EU", "Hà Nội"])
        if region is not None:
            fields.append(f'region = "{region}"')
        if rng.random() < 0.2:
            fields.append(f"estimate = {rng.choice(['true', 'false'])}")
        if rng.random() < 0.1:
            fields.append(f'printed = "{rng.randrange(1, 90)}%"')
        if rng.random() < 0.1:
            fields.append(f'note = "note {k}"')
        if rng.random() < 0.05:
            fields.append('change = 2\nchange_unit = "pp"')
        rng.shuffle(fields)
        parts.append("[[actuals]]\n" + "\n".join(fields) + "\n\n")
    return "".join(parts)


def _count_built_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many figures each call of the shortcut's row builder builds, from now on in this test."""
    built: list[int] = []
    build_rows = Shortcut.build_rows

    def counted(self: Shortcut, places: Iterable[Any], *rest: Any) -> Any:
        found = build_rows(self, places, *rest)
        built.append(len(found))
        return found

    monkeypatch.setattr(Shortcut, "build_rows", counted)
    return built


@pytest.mark.parametrize("seed", [1, 2])
def test_the_loader_builds_from_columns_exactly_what_the_full_check_builds(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every figure, field by field in order (location included), whether the shortcut or the full check built it."""
    monkeypatch.setattr(located, "PIECE_BYTES", 2_000)  # many pieces, each with its own mix of shapes
    actuals = tmp_path / "actuals.toml"
    actuals.write_text(figures_file(600, seed), encoding="utf-8")
    built = _count_built_rows(monkeypatch)
    fast = loader.load(GOOD_TARGETS, actuals)
    full = loader.load(GOOD_TARGETS, actuals, shortcut=False)
    assert len(fast.actuals) == 600
    assert [repr(vars(a)) for a in fast.actuals] == [repr(vars(a)) for a in full.actuals]
    for key in full.actuals.keys():  # noqa: SIM118 (Figures is a sequence; keys() are its groups)
        assert [repr(vars(a)) for a in fast.actuals.group(key)] == [repr(vars(a)) for a in full.actuals.group(key)]
    assert fast.actuals.regions() == full.actuals.regions()
    assert [repr(vars(t)) for t in fast.targets] == [repr(vars(t)) for t in full.targets]
    assert sum(built) > 500  # the shortcut did build most of them


#: Figures for a span of years, which by_year keeps apart from every year's own.
PERIODS = (
    '[[actuals]]\nindicator = "dossiers"\nperiod = [2016, 2020]\nbasis = "average"\nvalue = 30\nsource = "s2"\n\n'
    '[[actuals]]\nindicator = "dossiers"\nperiod = [2021, 2025]\nbasis = "average"\nvalue = 55\nsource = "s2"\n'
    'region = "Trà Vinh"\n\n'
)


def _years(by_year: tuple[Any, Any]) -> tuple[dict[int, list[str]], list[str]]:
    """by_year's answer as comparable text: every field of every figure, by year, and the periods."""
    years, periods = by_year
    return {year: [repr(vars(a)) for a in years[year]] for year in sorted(years)}, [repr(vars(a)) for a in periods]


def _never_parsed(texts: Mapping[Path, str]) -> Dataset:
    """The parse a filled cache must not call."""
    pytest.fail("the cache parsed the files again")


@pytest.mark.parametrize("seed", [1, 2])
def test_figures_by_year_are_those_of_the_whole_group_however_they_are_stored(seed: int, tmp_path: Path) -> None:
    """The loader's and the cache's figures by year, a year built at a time, equal the fully built ones."""
    actuals = tmp_path / "actuals.toml"
    actuals.write_text(figures_file(600, seed) + PERIODS, encoding="utf-8")
    full = loader.load(GOOD_TARGETS, actuals, shortcut=False)
    cache.load(GOOD_TARGETS, actuals, lambda texts: loader.load(GOOD_TARGETS, actuals, texts=texts))  # fills it
    for lazy in (loader.load(GOOD_TARGETS, actuals), cache.load(GOOD_TARGETS, actuals, _never_parsed)):
        assert isinstance(lazy.actuals, LazyFigures)
        for key in full.actuals.keys():  # noqa: SIM118 (Figures is a sequence; keys() are its groups)
            assert _years(lazy.actuals.by_year(key)) == _years(full.actuals.by_year(key)), key
    assert _years(full.actuals.by_year(("dossiers", "vn")))[1]  # the periods were there to be kept apart


def test_a_year_asked_for_builds_that_years_figures_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actuals = tmp_path / "actuals.toml"
    actuals.write_text(figures_file(600, 3), encoding="utf-8")
    built = _count_built_rows(monkeypatch)
    data = loader.load(GOOD_TARGETS, actuals)
    years, _ = data.actuals.by_year(("dossiers", "vn"))
    assert len(years) > 3
    latest = max(years)
    assert sum(built) == 0  # nothing built to learn which years there are
    shown = years[latest]
    once = sum(built)
    assert 0 < once <= len(shown)  # that year's plain figures (the loader built the others it checked itself)
    assert years[latest] is shown  # built once
    assert sum(built) == once
    assert len(data.actuals.group(("dossiers", "vn"))) > 2 * len(shown)  # and the group holds many more


def test_a_figure_built_by_year_is_not_built_again_for_its_whole_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked by year, then for every figure, each is built once (a cold validate at 100,000 figures built 189,000
    and needed 60% more memory), and the whole group holds the very objects the years gave."""
    actuals = tmp_path / "actuals.toml"
    actuals.write_text(figures_file(600, 4) + PERIODS, encoding="utf-8")
    built = _count_built_rows(monkeypatch)
    data = loader.load(GOOD_TARGETS, actuals)
    by_year = {key: data.actuals.by_year(key) for key in data.actuals.keys()}  # noqa: SIM118 (its groups)
    seen = {id(actual) for years, periods in by_year.values() for year in years for actual in (*years[year], *periods)}
    everything = list(data.actuals)
    assert sum(built) <= len(everything)
    assert {id(actual) for actual in everything} >= seen
    checks.validate(data)
    assert sum(built) <= len(everything)


def test_validate_builds_its_figures_a_group_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """validate reads every figure, most of them year by year: built a year at a time, 100,000 figures were
    100,000 small builds, and a cold validate 40% slower."""
    actuals = tmp_path / "actuals.toml"
    actuals.write_text(figures_file(600, 5) + PERIODS, encoding="utf-8")
    built = _count_built_rows(monkeypatch)
    data = loader.load(GOOD_TARGETS, actuals)
    groups = len(list(data.actuals.keys()))
    checks.validate(data)
    assert 0 < len(built) <= groups  # one build per group at most
    assert sum(built) <= len(data.actuals)
