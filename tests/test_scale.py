"""Work that grows with the data, never with its square: each thing a command needs is found once (issue 25).

No test here times anything (bench/growth.py measures); they check that a scan or a grouping runs
once however many keys ask for it, and that the one-pass versions give exactly what the per-key
versions gave.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ictgoals.datafiles import loader, schema
from ictgoals.datafiles.located import Headers

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
