"""The fast parser (rtoml, in pieces) never reads a file differently from tomli, the reference.

`parse_toml` parses with rtoml and falls back to tomli on anything rtoml refuses or might read
differently. The rule tested here: whenever tomli accepts a text, `parse_toml` returns exactly
tomli's table (types included); whenever tomli refuses it, `parse_toml` raises the DataError
naming tomli's line. Cases come from the TOML 1.0 spec's corners, from the places where the two
parsers are known to differ, from cutting a file into pieces, and from hypothesis mutations.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
import rtoml
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GOOD_ACTUALS
from ictgoals.datafiles import located
from ictgoals.datafiles.located import Headers, parse_toml
from ictgoals.errors import DataError

PATH = Path("data.toml")


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types all the way down (nan equal to nan; 1 and 1.0 not equal)."""
    if type(a) is not type(b) and not (isinstance(a, type(b)) or isinstance(b, type(a))):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b) and str(a) == str(b)


def check(text: str, array: str = "actuals") -> None:
    """parse_toml agrees with tomli: the same table, or a DataError at tomli's line."""
    headers = Headers(PATH, text)
    try:
        expected = tomli.loads(text)
    except (tomli.TOMLDecodeError, RecursionError) as e:
        refused, deep = str(e), isinstance(e, RecursionError)
    else:
        assert same(parse_toml(PATH, text, headers, array), expected)
        return
    with pytest.raises(DataError) as raised:
        parse_toml(PATH, text, headers, array)
    if text.startswith("\ufeff"):  # said as what it is, not as tomli's "Invalid statement" at line 1
        assert str(raised.value).startswith("data.toml:1: starts with a byte order mark (BOM)")
        return
    if re.search(r"\d{4301}", text) and "Exceeds the limit" in refused:  # likewise: Python's limit, not a syntax
        assert "holds a number of more than 4,300 digits" in str(raised.value)
        return
    line = re.search(r"line (\d+)", refused)
    if line:
        assert f"data.toml:{line.group(1)}" in str(raised.value)
    assert ("nested too deeply" if deep else refused) in str(raised.value)


#: Corners of TOML 1.0, and the places where rtoml and tomli are known to part ways.
CORNERS = {
    "duplicate key": "a = 1\na = 2\n",
    "table twice": "[a]\nx = 1\n[a]\ny = 2\n",
    "append to a static array": "a = []\n[[a]]\n",
    "extend an inline table": "a = {x = 1}\n[a.b]\n",
    "dotted key over a value": "a.b = 1\na.b.c = 2\n",
    "whole number beyond 64 bits": "a = 99999999999999999999\n",
    "largest 64-bit number": "a = 9223372036854775807\nb = -9223372036854775808\n",
    "one past 64 bits": "a = 9223372036854775808\n",
    "leading zero": "a = 012\n",
    "float without fraction": "a = 1.\n",
    "float without whole part": "a = .5\n",
    "double underscore": "a = 1__0\n",
    "exponent overflow": "a = 1e1000\n",
    "smallest subnormal": "a = 5e-324\nb = 2.5e-324\nc = 1.7976931348623157e308\n",
    "long fraction": "a = 0.1000000000000000055511151231257827\n",
    "nan and inf": "a = nan\nb = -inf\nc = +nan\nd = +inf\n",
    "signed zero": "a = -0.0\nb = -0\nc = +0\n",
    "radix": "a = 0xDEADbeef\nb = 0o17\nc = 0b101\n",
    "signed radix": "a = -0x1\n",
    "bad escape": 'a = "\\q"\n',
    "control character": 'a = "x\x01"\n',
    "control in a comment": "# \x01\na = 1\n",
    "delete in a comment": "# \x7f\na = 1\n",
    "bare carriage return": "a = 1\rb = 2\n",
    "nul": 'a = "\x00"\n',
    "surrogate escape": 'a = "\\uD800"\n',
    "largest escape": 'a = "\\U0010FFFF"\n',
    "impossible date": "a = 2024-02-30\n",
    "leap second": "a = 2024-01-01T23:59:60Z\n",
    "date-times": (
        "a = 1979-05-27T07:32:00-07:00\nb = 1979-05-27T07:32:00.999999\nc = 1979-05-27 07:32:00Z\n"
        "d = 07:32:00\ne = 1979-05-27\nf = 1979-05-27t07:32:00z\n"
    ),
    "byte order mark": "\ufeffa = 1\n",
    "CRLF lines": 'a = 1\r\nb = "x"\r\n',
    "CRLF in a multi-line string": 'a = 1\r\nb = """x\r\ny"""\r\n',
    "CRLF in a multi-line literal": "a = '''x\r\ny'''\r\n",
    "line-ending backslash": 'a = """x \\\n   y"""\n',
    "quotes closing a multi-line string": 'a = """x""""\nb = """x"""""\n',
    "empty quoted key": '"" = 1\n',
    "newline in a key": '"a\nb" = 1\n',
    "trailing comma in an array": "a = [1, 2,]\n",
    "trailing comma in an inline table": "a = {x = 1,}\n",
    "newline in an inline table": "a = {x = 1,\ny = 2}\n",
    "mixed array": 'a = [1, "x", [2]]\n',
    "two statements on a line": "a = 1 b = 2\n",
    "time without seconds": "a = 07:32\n",
    "deep nesting": "a = " + "[" * 5000 + "]" * 5000 + "\n",
    "empty": "",
    "comment only": "# nothing\n",
    "no final newline": "a = 1",
}


@pytest.mark.parametrize("text", CORNERS.values(), ids=list(CORNERS))
def test_corners_read_as_tomli_reads_them(text: str) -> None:
    check(text)


def entries(count: int, extra: str = "") -> str:
    return "".join(
        f'[[actuals]]\nindicator = "i{n}"\nyear = {2000 + n % 50}\nvalue = {n}.5\nsource = "s"\n{extra}\n'
        for n in range(count)
    )


#: Files cut into pieces at their [[actuals]] headers (PIECE_BYTES is made small below).
PIECES = {
    "plain": "schema = 1\n\n" + entries(40),
    "sources before": 'schema = 1\n[sources.s]\ntitle = "t"\n\n' + entries(40),
    "sources after": "schema = 1\n" + entries(40) + '[sources.s]\ntitle = "t"\n',
    "sources in the middle": "schema = 1\n" + entries(20) + '[sources.s]\ntitle = "t"\n' + entries(20),
    "sub-tables of entries": "schema = 1\n" + entries(40, "[actuals.extra]\nx = 1\n"),
    "static array, then headers": "schema = 1\nactuals = [{indicator = 'x'}]\n" + entries(40),
    "a table named like the array": "schema = 1\n[actuals]\nx = 1\n" + entries(40),
    "a header in a multi-line string": (
        "schema = 1\n" + entries(10, 'note = """\n[[actuals]]\nx = 1\n"""') + entries(30)
    ),
    "a header in a multi-line literal": "schema = 1\n" + entries(10, "note = '''\n[[actuals]]\n'''") + entries(30),
    "an entry defined twice": (
        "schema = 1\n" + entries(20) + entries(1).replace("\nyear", "\nyear = 1\nyear") + entries(20)
    ),
    "a bad piece": "schema = 1\n" + entries(20) + "[[actuals]]\nvalue = \n" + entries(20),
    "indented headers": "schema = 1\n" + entries(40).replace("[[actuals]]", "  [[ actuals ]]"),
    "nested arrays of tables": "schema = 1\n" + entries(40, "[[actuals.parts]]\nx = 1\n[[actuals.parts]]\nx = 2\n"),
    "a table among the entries": ("schema = 1\n" + entries(40).replace('source = "s"\n', 'source = "s"\n[other]\n', 1)),
    "CRLF": ("schema = 1\n" + entries(40)).replace("\n", "\r\n"),
}


@pytest.mark.parametrize("text", PIECES.values(), ids=list(PIECES))
def test_pieces_read_as_the_whole_file_reads(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(located, "PIECE_BYTES", 300)  # a few entries a piece
    check(text)


def test_pieces_are_really_cut_and_parsed_by_rtoml(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path does run: many small pieces, each read by rtoml, none by tomli."""
    monkeypatch.setattr(located, "PIECE_BYTES", 300)
    pieces: list[str] = []
    real = rtoml.loads

    def counting(text: str, **kwargs: Any) -> Any:
        pieces.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(rtoml, "loads", counting)
    monkeypatch.setattr(tomli, "loads", lambda *a, **k: pytest.fail("tomli was used"))
    text = PIECES["plain"]
    table = parse_toml(PATH, text, Headers(PATH, text), "actuals")
    assert len(table["actuals"]) == 40
    assert len(pieces) >= 5
    assert "".join(pieces) == text


def test_the_bundled_actuals_read_the_same() -> None:
    check(GOOD_ACTUALS.read_text(encoding="utf-8"))


def test_header_lines_match_a_line_by_line_scan() -> None:
    text = GOOD_ACTUALS.read_text(encoding="utf-8")
    expected = [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[actuals]]"]
    assert Headers(PATH, text).array_lines("actuals") == expected
    indented = text.replace("[[actuals]]", " [[ actuals ]]")
    assert Headers(PATH, indented).array_lines("actuals") == expected


@given(st.lists(st.sampled_from(["\n", "[[actuals]]", "\n[[actuals]]", " [[ actuals ]]", "a = 1", "[["]), max_size=30))
def test_the_quick_header_scan_agrees_with_the_line_by_line_scan(parts: list[str]) -> None:
    headers = Headers(PATH, "".join(parts))
    quick = headers._plain_headers("actuals")  # None when it cannot tell: the line scan then decides
    assert quick is None or quick == headers._any_headers("actuals")


#: Fragments that hypothesis splices into a real data file.
FRAGMENTS = [
    "[[actuals]]\n", "[actuals]\n", "[[actuals.x]]\n", "[sources.s]\n", "actuals = []\n", '"""', "'''", "\r\n",
    "\r", "\ufeff", "\x00", "\x7f", "#", "=", "\n", " ", '"', "'", "[", "]", "{", "}", ",", ".", "_", "1e400",
    "99999999999999999999", "nan", "-0", "0x1", "1979-05-27", "07:32:00", "Z", "T", "\\", "\\u00e9", "é",
    "value = 1\n", "value = 2\n", "x.y = 1\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 12), st.sampled_from(FRAGMENTS)),
        min_size=1,
        max_size=6,
    ),
    st.integers(60, 2000),
)
def test_mutated_files_read_as_tomli_reads_them(edits: list[tuple[float, int, str]], piece: int) -> None:
    text = GOOD_ACTUALS.read_text(encoding="utf-8")
    for where, cut, fragment in edits:
        at = int(where * len(text))
        text = text[:at] + fragment + text[at + cut :]
    located_piece = located.PIECE_BYTES
    located.PIECE_BYTES = piece
    try:
        check(text)
    finally:
        located.PIECE_BYTES = located_piece
