"""Spreadsheets in and out: ; CSV from Excel, years as 2025.0, comment columns, .xlsx both ways, the BOM."""

from __future__ import annotations

import datetime
import io
import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import GOOD_ACTUALS, GOOD_TARGETS, REPO


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    shutil.copy(GOOD_ACTUALS, tmp_path / "actuals.toml")
    return tmp_path


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "ictgoals", *args], capture_output=True, cwd=cwd, check=False)


def last_actuals(directory: Path, count: int) -> list[dict[str, object]]:
    entries = tomllib.loads((directory / "actuals.toml").read_text(encoding="utf-8"))["actuals"]
    return list(entries[-count:])


def test_excel_csv_with_semicolons_a_float_year_and_a_comment_column_imports(data: Path) -> None:
    # As Excel saves CSV in a Vietnamese locale: ; between cells, a decimal comma, the year as 2025.0.
    (data / "sheet.csv").write_text(
        "indicator;year;value;source;ghi chú\n"
        'dossiers;2025.0;55,1;review-2024-a;"đã kiểm tra; khớp báo cáo"\n'
        "gci_rank;2025.0;15;review-2024-a;\n",
        encoding="utf-8",
    )
    result = run("import", "sheet.csv", cwd=data)
    assert result.returncode == 0, result.stderr.decode()
    assert "ignored columns that are not fields of a figure: ghi chú" in result.stderr.decode()
    assert last_actuals(data, 2) == [
        {"indicator": "dossiers", "year": 2025, "value": 55.1, "source": "review-2024-a"},
        {"indicator": "gci_rank", "year": 2025, "value": 15, "source": "review-2024-a"},
    ]


def test_a_year_with_a_fraction_is_refused_with_the_row(data: Path) -> None:
    (data / "sheet.csv").write_text("indicator,year,value,source\ndossiers,2025.5,55,review-2024-a\n", encoding="utf-8")
    result = run("import", "sheet.csv", cwd=data)
    assert result.returncode == 2
    message = "sheet.csv row 1 (line 2): field 'year': '2025.5' is not a whole number such as 2025"
    assert message in result.stderr.decode()


def test_xlsx_import_keeps_the_cell_types(data: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Số liệu"
    sheet.append(["indicator", "year", "value", "source", "printed", "Ghi chú"])
    sheet.append(["dossiers", 2025.0, 55.1, "review-2024-a", "55,1%", "nhập tay"])
    sheet.append([None, None, None, None, None, None])  # the empty rows a sheet ends with
    workbook.save(data / "figures.xlsx")
    result = run("import", "figures.xlsx", cwd=data)
    assert result.returncode == 0, result.stderr.decode()
    assert last_actuals(data, 1) == [
        {"indicator": "dossiers", "year": 2025, "value": 55.1, "source": "review-2024-a", "printed": "55,1%"}
    ]


def test_xlsx_import_names_the_sheet_and_row_of_a_bad_cell(data: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["indicator", "year", "value", "source"])
    sheet.append(["dossiers", 2025, "abc", "review-2024-a"])
    workbook.save(data / "figures.xlsx")
    result = run("import", "figures.xlsx", cwd=data)
    assert result.returncode == 2
    assert "figures.xlsx [Sheet] row 2: field 'value': 'abc' is not a number" in result.stderr.decode()
    assert run("import", "figures.xlsx", "--sheet", "Other", cwd=data).returncode == 2


def test_a_file_that_is_not_a_workbook_is_refused(data: Path) -> None:
    (data / "fake.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    result = run("import", "fake.xlsx", cwd=data)
    assert result.returncode == 2
    assert "is not a readable .xlsx workbook" in result.stderr.decode()


def test_a_workbook_that_would_unpack_to_a_gigabyte_is_refused_before_unpacking(data: Path) -> None:
    # A zip bomb: a few megabytes on disk that unpack to 1,100 MB of one shared-strings part.
    with (
        zipfile.ZipFile(data / "bomb.xlsx", "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part,
    ):
        block = b"a" * 2**20
        for _ in range(1100):
            part.write(block)
    assert (data / "bomb.xlsx").stat().st_size < 10 * 2**20
    result = run("import", "bomb.xlsx", cwd=data)
    assert result.returncode == 2
    assert "would unpack to 1,100 MB" in result.stderr.decode()


def flat(record: dict[str, object]) -> dict[str, object]:
    """A JSON row as the CSV and xlsx flatten it: nested objects dotted, lists joined with ';'."""
    out: dict[str, object] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            out.update({f"{key}.{k}": v for k, v in value.items()})
        elif isinstance(value, list):
            out[key] = ";".join(str(v) for v in value) or None  # an empty list is an empty cell
        else:
            out[key] = value
    return out


def test_status_xlsx_rereads_as_the_json(tmp_path: Path) -> None:
    result = run("status", "2025", "--format", "xlsx", "-o", str(tmp_path / "status.xlsx"))
    assert result.returncode == 0, result.stderr.decode()
    rows = json.loads(run("status", "2025", "--format", "json").stdout)["rows"]
    workbook = openpyxl.load_workbook(tmp_path / "status.xlsx")
    sheet = workbook["status"]
    _, *cells = list(sheet.iter_rows(values_only=True))  # the header is for people; the fields sheet names them
    fields = [
        field for title, _, field in workbook["fields"].iter_rows(min_row=2, values_only=True) if title == "status"
    ]
    reread = [dict(zip(fields, line, strict=True)) for line in cells]
    assert reread == [{k: flat(row).get(str(k)) for k in fields} for row in rows]
    assert isinstance(reread[0]["actual"], int | float)  # numbers are numeric cells


def test_text_that_looks_like_a_formula_stays_text(data: Path) -> None:
    targets = (data / "targets.toml").read_text(encoding="utf-8")
    targets = targets.replace('name = "Dossiers processed fully online"', 'name = "=HYPERLINK(\\"http://x\\")"')
    (data / "targets.toml").write_text(targets, encoding="utf-8")
    result = run("status", "2023", "--format", "xlsx", "-o", "s.xlsx", cwd=data)
    assert result.returncode == 0, result.stderr.decode()
    with zipfile.ZipFile(data / "s.xlsx") as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    cell = openpyxl.load_workbook(data / "s.xlsx")["status"]["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")


def test_a_workbook_is_for_people_in_the_run_s_language(tmp_path: Path) -> None:
    result = run("--lang", "vi", "status", "2025", "--format", "xlsx", "-o", str(tmp_path / "s.xlsx"))
    assert result.returncode == 0, result.stderr.decode()
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx")["status"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Mã chỉ số", "Tên", "Tên tiếng Việt", "Đơn vị"]
    assert sheet.freeze_panes == "A2"
    column = {name: index for index, name in enumerate(header)}
    for row in sheet.iter_rows(min_row=2):
        unit, actual = row[column["Đơn vị"]].value, row[column["Thực hiện"]]
        if unit == "%" and actual.value is not None:
            assert actual.number_format == '0.0"%"'  # 45,8 shows as 45,8%; the value stays 45.8
        if unit == "USD bn" and actual.value is not None:
            assert actual.number_format == "#,##0.0##"
    assert sheet.column_dimensions["B"].width > 8  # a name column is wide enough to read


def test_xlsx_to_a_pipe_is_the_workbook(tmp_path: Path) -> None:
    result = run("indicators", "--format", "xlsx")
    assert result.returncode == 0
    assert openpyxl.load_workbook(io.BytesIO(result.stdout))["indicators"].max_row > 1


def test_a_workbook_holds_no_time_of_writing(tmp_path: Path) -> None:
    # The same records give the same bytes however far apart they are written: openpyxl dates each part
    # of the zip and the created and modified properties with the time of writing unless told otherwise.
    result = run("status", "2025", "--format", "xlsx", "-o", str(tmp_path / "s.xlsx"))
    assert result.returncode == 0, result.stderr.decode()
    with zipfile.ZipFile(tmp_path / "s.xlsx") as archive:
        parts = archive.infolist()
    assert {part.date_time for part in parts} == {(1980, 1, 1, 0, 0, 0)}
    assert {part.filename for part in parts} >= {"xl/worksheets/sheet1.xml", "docProps/core.xml"}
    properties = openpyxl.load_workbook(tmp_path / "s.xlsx").properties
    assert properties.created == properties.modified == datetime.datetime(1980, 1, 1)


def test_bom_only_when_asked() -> None:
    assert not run("status", "2025", "--format", "csv").stdout.startswith(b"\xef\xbb\xbf")
    with_bom = run("status", "2025", "--format", "csv", "--bom").stdout
    assert with_bom.startswith(b"\xef\xbb\xbfindicator,")


def _input_field(output_field: str) -> str:
    """The field of an actuals entry a column of show's history holds: its stated change is the entry's change."""
    return output_field.replace("stated_change", "change")


def test_every_column_ictgoals_writes_of_a_figure_imports_back_by_its_name_in_either_language() -> None:
    """A history exported by show (JSON and CSV by field name, a workbook by its English or Vietnamese headers)
    imports back whole: a header of ours that import did not know was dropped as a comment column, and with it
    the estimate, the stated change or the print."""
    from ictgoals import i18n
    from ictgoals.analysis.records import HISTORY, label
    from ictgoals.writing.inputs import COLUMNS, column_name

    fields = [f.name for f in HISTORY.fields if _input_field(f.name) in COLUMNS]
    assert {"printed", "estimate", "stated_change", "stated_change_unit", "qualifier", "territory"} <= set(fields)
    for name in fields:
        headers = [name, label(name)]
        try:
            i18n.use("vi")
            headers.append(i18n.pt("column", label(name)))
        finally:
            i18n.use("en")
        assert headers[2] != headers[1], f"no Vietnamese header for {name}"
        assert {header: column_name(header) for header in headers} == dict.fromkeys(headers, _input_field(name))


def test_a_csv_with_the_vietnamese_headers_of_a_workbook_keeps_every_column(data: Path) -> None:
    rows = (
        "Mã chỉ số;Năm;Giá trị;Nguồn;Nguyên văn;Ước tính;Thay đổi công bố;Đơn vị của thay đổi công bố\n"
        "dossiers;2026;52;review-2023;khoảng 52%;true;4;pp\n"
    )
    (data / "rows.csv").write_text(rows, encoding="utf-8")
    result = run("import", "rows.csv", "--dry-run", cwd=data)
    assert result.returncode == 0, result.stderr.decode()
    entry = tomllib.loads(result.stdout.decode())["actuals"][0]
    assert (entry["printed"], entry["estimate"], entry["change"], entry["change_unit"]) == ("khoảng 52%", True, 4, "pp")
