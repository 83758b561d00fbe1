"""Every reading command in every format it offers, through the command line: each gives its own shape.

The shapes come from one declaration (analysis/records.py); these tests check that each command and
format pair uses it: JSON documents with the declared row keys, CSV headers equal to the declared
columns, Markdown tables, and workbooks whose sheets carry the same columns.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.analysis import records
from ictgoals.analysis.records import Shape
from ictgoals.cli import application
from ictgoals.output import as_json

app = application()
DATA = ["--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS)]

#: Each reading command with its arguments, the records of its main rows, and the CSV header it declares.
COMMANDS: dict[str, tuple[list[str], str, Shape[Any]]] = {
    "status": (["status", "2025", *DATA], "rows", records.STATUS),
    "diff": (["diff", "2024", *DATA], "rows", records.DIFF),
    "show": (["show", "dossiers", *DATA], "history", records.HISTORY),
    "validate": (["validate", *DATA], "warnings", records.FINDING),
    "indicators": (["indicators", *DATA], "rows", records.INDICATOR),
    "regions": (["regions"], "regions", records.REGION),
}
FORMATS = ["table", "json", "csv", "markdown", "xlsx"]


def run(args: list[str]) -> str:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_json_rows_have_the_declared_keys(command: str) -> None:
    args, key, shape = COMMANDS[command]
    document = json.loads(run([*args, "--format", "json"]))
    rows = document[key]
    assert rows, f"{command}: the test data should give {key}"
    optional = {f.name for f in shape.fields if f.omitted_when_null}
    for row in rows:
        declared = [name for name in shape.names if name != "severity"] if command == "validate" else shape.names
        assert [k for k in declared if k in row] == list(row)  # declared order, nothing undeclared
        assert set(declared) - set(row) <= optional


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_csv_header_is_the_declared_columns(command: str) -> None:
    args, _, shape = COMMANDS[command]
    table = list(csv.reader(io.StringIO(run([*args, "--format", "csv"]))))
    expected = records.DIFF_CSV_COLUMNS if command == "diff" else shape.columns
    assert table[0] == expected
    assert len(table) > 1
    assert all(len(line) == len(expected) for line in table)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_markdown_is_a_table_with_one_row_per_record(command: str) -> None:
    args, key, _ = COMMANDS[command]
    markdown = run([*args, "--format", "markdown"]).splitlines()
    records_count = len(json.loads(run([*args, "--format", "json"]))[key])
    assert markdown[0].startswith("|")
    assert set(markdown[1].replace("|", "").replace(" ", "")) <= {"-", ":"}
    body = [line for line in markdown[2:] if line.startswith("|") and not set(line) <= {"|", "-", " ", ":"}]
    # diff adds a second table (the targets due), with its own header
    assert len(body) >= records_count


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_table_names_its_rows_in_words(command: str) -> None:
    args, _, _ = COMMANDS[command]
    text = run([*args, "--format", "table"])
    assert text.strip()
    assert "\x1b[" not in text  # not a terminal: no colour


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_workbook_has_the_declared_columns_on_each_sheet(command: str, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    args, _, shape = COMMANDS[command]
    if command == "regions":  # regions takes no -o: a workbook on a pipe
        result = CliRunner().invoke(app, [*args, "--format", "xlsx"])
        assert result.exit_code == 0, result.output
        (tmp_path / "out.xlsx").write_bytes(result.stdout_bytes)
    else:
        run([*args, "--format", "xlsx", "-o", str(tmp_path / "out.xlsx")])
    workbook = openpyxl.load_workbook(tmp_path / "out.xlsx")
    *sheets, fields = workbook.worksheets
    assert fields.title == "fields"  # the field names, for machines
    names = list(fields.iter_rows(min_row=2, values_only=True))
    first = sheets[0]
    header = list(next(first.iter_rows(values_only=True)))
    assert header == [records.label(c) for c in shape.columns]  # for people: words, not field names
    assert [field for sheet, _, field in names if sheet == first.title] == shape.columns
    assert first.freeze_panes == "A2"
    for sheet in sheets[1:]:  # diff and show add the targets due, as status rows
        assert [field for title, _, field in names if title == sheet.title] == records.STATUS.columns


def test_every_command_and_format_pair_is_covered() -> None:
    """A new format or command without its case here fails, instead of going untested."""
    from ictgoals.output.formats import Format

    assert {f.value for f in Format} == set(FORMATS)
    assert set(COMMANDS) == {"status", "diff", "show", "validate", "indicators", "regions"}


@pytest.mark.parametrize("fmt", ["table", "json", "toml"])
def test_extract_in_each_of_its_formats(fmt: str, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    # A hypothetical report, invented for this test.
    report.write_text("Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình đạt 61,5%.\n", encoding="utf-8")
    text = run(["extract", str(report), "--date", "2025-01-10", "--format", fmt, *DATA])
    assert "61" in text
    if fmt == "json":
        assert isinstance(json.loads(text), dict | list)


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_report_in_each_of_its_formats(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / ("report.html" if fmt == "html" else "report")
    result = CliRunner().invoke(app, ["report", "2025", "--format", fmt, "-o", str(target), *DATA])
    assert result.exit_code == 0, result.output
    written = target if fmt == "html" else target / "report.md"
    assert written.read_text(encoding="utf-8").strip()


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8"))
)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(document=_DOCUMENTS)
def test_json_is_the_standard_encoders_text(document: Any) -> None:
    assert as_json.dumps(document) == json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)


def test_json_refuses_nan_and_leaves_odd_documents_to_the_standard_encoder() -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        as_json.dumps({"x": [1.0, float("nan")]})
    assert as_json.dumps({1: "one", "t": (1, 2)}) == json.dumps({1: "one", "t": (1, 2)}, ensure_ascii=False, indent=2)
