"""The .xlsx workbooks `import` reads: a sheet's header and rows, with the limits that keep a hostile file cheap."""

from __future__ import annotations

import datetime as dt
import re
import stat
import warnings
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ictgoals.datafiles.located import MAX_FILE_BYTES, kind_of
from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.localize import plain
from ictgoals.model import Indicator
from ictgoals.writing.inputs import Row, typed
from ictgoals.writing.workbook_parts import inspect, unreadable

#: The most rows an .xlsx import reads, as many as a sheet can hold: a row past it is not from a spreadsheet.
MAX_XLSX_ROWS = 1_048_576

#: openpyxl's warning for a cell formatted as a date whose number is no date (the cell is group 1).
_OUT_OF_RANGE_DATE = r"Cell (\S+) is marked as a date but the serial value"


class PercentCell(float):
    """A number from a cell formatted as a percentage: Excel shows 0.785 as 78,5%, and the person typed 78,5%."""

    cell: str

    def __new__(cls, value: float, cell: str) -> PercentCell:
        made = super().__new__(cls, value)
        made.cell = cell
        return made


def read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], list[tuple[str, Row]]]:
    """The header and rows of the first visible worksheet of an .xlsx file (or the sheet named `sheet`).

    Cells keep their spreadsheet types: numbers as numbers, dates as dates; a formula counts as the
    value the spreadsheet last computed and saved; a number formatted as a percentage is a
    `PercentCell` (`shares_in` reads it in the indicator's unit). Needs openpyxl (the `xlsx` extra).
    Whatever the bytes, a file that is not a workbook this can read is a DataError, never a crash.
    """
    try:
        import openpyxl
    except ImportError as e:
        raise DataError(
            path,
            tr("is an .xlsx file, and reading one needs openpyxl, which is not installed."),
            tr("Install it with: {command}", command="pip install 'ictgoals[xlsx]'"),
        ) from e
    try:
        status = path.stat()
    except FileNotFoundError as e:
        raise DataError(path, tr("file not found.")) from e
    except OSError as e:
        raise DataError(path, tr("cannot be read ({reason}).", reason=e.strerror or e)) from e
    if not stat.S_ISREG(status.st_mode):  # a FIFO would hang the reader, a device fill the memory
        kind = tr("a directory") if stat.S_ISDIR(status.st_mode) else kind_of(status.st_mode)
        raise DataError(
            path, tr("is {kind}, not a regular file.", kind=kind), tr("Give the path of a file saved on disk.")
        )
    if status.st_size > MAX_FILE_BYTES:
        raise DataError(path, tr("is larger than {size} MB, the most ictgoals reads.", size=MAX_FILE_BYTES // 2**20))
    inspect(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's warnings about styles and extensions are not the reader's
        # ... but a date no calendar holds is no figure: openpyxl would make it the error "#VALUE!"
        warnings.filterwarnings("error", message=_OUT_OF_RANGE_DATE)
        with path.open("rb") as handle:  # ours to close, even when openpyxl fails half way through loading
            with _Readable(path):
                workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True, keep_links=False)
            try:
                table = _choose(workbook, path, sheet)
                return _read_sheet(path, workbook, table, f"{path} [{table.title}]")
            finally:
                workbook.close()


class _Readable:
    """Within it, whatever openpyxl or the XML parser raises on a damaged workbook is a DataError that says so."""

    def __init__(self, path: Path, row: int | None = None) -> None:
        self.path = path
        self.row = row  # where a sheet is being read: the first row not read yet

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if error is None or isinstance(error, DataError) or not isinstance(error, Exception):
            return
        # openpyxl raises many kinds (zip, XML, KeyError, IndexError, ValueError, TypeError) for a file that is
        # not a workbook, and parses lazily, row by row: a damaged sheet fails half way through.
        date = re.match(_OUT_OF_RANGE_DATE, str(error)) if isinstance(error, UserWarning) else None
        if date is not None:
            raise unreadable(self.path, tr("cell {cell}: a date outside the calendar", cell=date[1])) from error
        if self.row is not None:  # the parser says what, never where: the row it had come to is the best clue
            reason = tr("a cell in row {row} or after it cannot be read: {error}", row=self.row, error=_brief(error))
            raise unreadable(self.path, reason) from error
        raise unreadable(self.path, error) from error


def _brief(error: BaseException) -> str:
    """What the parser said of a bad cell, on one line and short (its words, which name no cell)."""
    said = " ".join(str(error).split()) or type(error).__name__
    return said if len(said) <= 80 else said[:79] + "…"


def _choose(workbook: Any, path: Path, sheet: str | None) -> Any:
    """The worksheet to read: `sheet` by name (hidden ones too), else the first visible one; never a chartsheet."""
    worksheets = {table.title: table for table in workbook.worksheets}
    if sheet is not None:
        if sheet in worksheets:
            return worksheets[sheet]
        if sheet in workbook.sheetnames:
            raise DataError(
                path,
                tr("sheet {sheet!r} is a chart, not a sheet of cells.", sheet=sheet),
                tr("Name a sheet of cells with --sheet; its sheets of cells: {sheets}.", sheets=_names(worksheets)),
            )
        names = ", ".join(workbook.sheetnames)
        raise DataError(path, tr("has no sheet {sheet!r}; its sheets: {sheets}.", sheet=sheet, sheets=names))
    for table in workbook.worksheets:
        if table.sheet_state == "visible":
            return table
    if worksheets:
        raise DataError(
            path,
            tr("has no visible sheet of cells; its hidden ones: {sheets}.", sheets=_names(worksheets)),
            tr("Name the one to read with --sheet."),
        )
    raise unreadable(path, tr("no sheet of cells"))


def _names(worksheets: Mapping[str, object]) -> str:
    return ", ".join(repr(name) for name in worksheets) or "—"


def _read_sheet(path: Path, workbook: Any, table: Any, label: str) -> tuple[list[str], list[tuple[str, Row]]]:
    """The header (the first row that is not empty) and the rows under it."""
    header: list[str] = []
    found: list[tuple[str, Row]] = []
    for number, row in _cells(path, workbook, table):
        if number > MAX_XLSX_ROWS:
            raise DataError(label, tr("has more than {rows} rows.", rows=f"{MAX_XLSX_ROWS:,}"))
        if all(_blank(value) and not formula for value, formula in row):
            continue  # spreadsheets end with empty rows, and some start with them
        if not header:
            header = [("" if value is None else str(value)).strip() for value, _ in row]
            _no_repeats(header, label)
            continue
        where = tr("{sheet} row {row}", sheet=label, row=number)
        if len(row) > len(header) and any(value is not None for value, _ in row[len(header) :]):
            raise DataError(where, tr("has more cells than the header has columns."))
        raw: dict[str, object] = {}
        for column, (key, (value, formula)) in enumerate(zip(header, row, strict=False)):
            if not key:
                continue
            if formula:
                raise DataError(
                    where,
                    tr(
                        "cell {cell} ({key}) holds a formula with no saved value, so there is no figure to read.",
                        cell=_reference(number, column),
                        key=key,
                    ),
                    tr("Open the workbook in Excel or LibreOffice, let it calculate, and save it again."),
                )
            raw[key] = PercentCell(value, _reference(number, column)) if isinstance(value, _Percent) else value
        found.append((where, typed(raw, where)))
    if not header:
        raise DataError(
            label,
            tr("has no header row."),
            tr("Start the sheet with the field names, e.g. indicator, year, value, source."),
        )
    return [h for h in header if h], found


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _reference(row: int, column: int) -> str:
    """A cell's name as a spreadsheet shows it: column 0 of row 2 is A2."""
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column + 1)}{row}"


class _Percent(float):
    """A number from a cell formatted as a percentage, until its cell is named (`PercentCell`)."""


def _cells(path: Path, workbook: Any, table: Any) -> Iterator[tuple[int, list[tuple[object, bool]]]]:
    """Each row that holds cells: its number, and each cell as (value, a formula with no saved value).

    Read with openpyxl's own parser of a sheet, but not through its read-only sheet, which trusts the
    sheet's <dimension> (a stale one drops every row past it), drops a cell written after one further
    right and a row written after a later one, and lets the last of two cells with one reference win:
    here every row is read, and a row or cell out of order or given twice makes the file unreadable.
    openpyxl parses lazily, so each step runs inside the guard.
    """
    parser_of = _parser_class()
    with _Readable(path):
        source = workbook._archive.open(table._worksheet_path)
        parser = parser_of(
            source,
            _Strings(table._shared_strings),
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        rows = parser.parse()
    with source:
        expected = 1
        while True:
            with _Readable(path, expected):
                item = next(rows, None)
            if item is None:
                return
            number, cells = item
            yield number, _row(path, workbook, number, expected, cells)
            expected = number + 1


def _row(
    path: Path, workbook: Any, number: int, expected: int, cells: list[dict[str, Any]]
) -> list[tuple[object, bool]]:
    """One row's cells in column order, with the gaps as None."""
    if number < expected:
        raise unreadable(path, tr("row {row} is given twice, or after a later row", row=number))
    columns = [cell["column"] for cell in cells]
    if len(set(columns)) < len(columns) or min(columns, default=1) < 1:
        raise unreadable(path, tr("row {row} gives a cell twice", row=number))
    stray = next((cell for cell in cells if cell["row"] != number), None)
    if stray is not None:  # Excel would put the cell where its reference says, not where it is written
        cell_name = _reference(stray["row"], stray["column"] - 1)
        raise unreadable(path, tr("cell {cell} is written in row {row}", cell=cell_name, row=number))
    width = max(columns, default=0)
    row: list[tuple[object, bool]] = [(None, False)] * width
    for cell in cells:
        row[cell["column"] - 1] = (_value(path, cell, workbook), cell.get("formula", False))
    return row


def _parser_class() -> Any:
    """openpyxl's sheet parser, noting a formula cell with no saved value (which it reads as an empty cell)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["formula"] = True
            return cell

    return Parser


class _Strings(list[object]):
    """The shared strings, where a cell's index counts from the start only: `-1` is past the end, not the last."""

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, int) and index < 0:
            raise IndexError(index)
        return super().__getitem__(index)


def _value(path: Path, cell: Mapping[str, Any], workbook: Any) -> object:
    """A cell's value as an import reads it: a date-time at midnight is the date a sheet means by it; a number
    formatted as a percentage is marked as such."""
    value = cell["value"]
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, float | int) and not isinstance(value, bool) and "%" in _format(path, cell, workbook):
        return _Percent(value)
    return value


def _format(path: Path, cell: Mapping[str, Any], workbook: Any) -> str:
    """The number format of a cell's style without its quoted text and escapes (`0.0"%"` shows a literal %)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    style = cell["style_id"]
    try:
        if style < 0:  # counted from the end, a list would give another cell's style
            raise IndexError(style)
        number = workbook._cell_styles[style].numFmtId
        code = (
            BUILTIN_FORMATS.get(number, "General")
            if number < BUILTIN_FORMATS_MAX_SIZE
            else workbook._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
        )
    except (IndexError, KeyError, TypeError) as e:
        cell_name = _reference(cell["row"], cell["column"] - 1)
        raise unreadable(path, tr("cell {cell}: a style the workbook does not define", cell=cell_name)) from e
    return re.sub(r'"[^"]*"|\\.', "", str(code))


def _no_repeats(header: Sequence[str], label: str) -> None:
    """Refuse a header that names a column twice: which of the two cells would be the figure?"""
    seen: dict[str, int] = {}
    for column, name in enumerate(header):
        if not name:
            continue
        if name in seen:
            from openpyxl.utils import get_column_letter

            raise DataError(
                label,
                tr(
                    "names the column {name!r} twice (columns {first} and {second}).",
                    name=name,
                    first=get_column_letter(seen[name] + 1),
                    second=get_column_letter(column + 1),
                ),
                tr("Keep one of them, or rename the other."),
            )
        seen[name] = column


def shares_in(rows: Sequence[tuple[str, Row]], indicators: Mapping[str, Indicator]) -> list[tuple[str, Row]]:
    """The rows with each `PercentCell` read as what the person typed: 0.785 shown as 78,5% is 78.5 on an
    indicator in %; on any other unit the cell is refused, since a share cannot be a count or an amount."""
    return [(where, _shares(row, where, indicators)) for where, row in rows]


def _shares(row: Row, where: str, indicators: Mapping[str, Indicator]) -> Row:
    if not any(isinstance(value, PercentCell) for value in row.values()):
        return row
    indicator = indicators.get(str(row.get("indicator")))
    read: Row = {}
    for key, value in row.items():
        if not isinstance(value, PercentCell) or (key == "value" and indicator is None):
            read[key] = value  # an unknown indicator is refused by the checks that follow, with its name
            continue
        unit = _unit_of(key, row, indicator)
        if unit != "%":
            raise DataError(
                where,
                tr(
                    "cell {cell} ({key}) is formatted as a percentage ({shown}), but {what} is not in %.",
                    cell=value.cell,
                    key=key,
                    shown=f"{plain(_hundred(value), 6)}%",
                    what=tr("indicator {id!r}", id=indicator.id) if indicator is not None and key == "value" else key,
                ),
                tr("Type the figure in the indicator's unit and give the cell the General or Number format."),
            )
        read[key] = _hundred(value)
    return read


def _unit_of(key: str, row: Row, indicator: Indicator | None) -> str:
    """The unit a number field is in: the value's is the indicator's; a change's is its change_unit (pp too)."""
    if key == "value":
        return indicator.unit if indicator is not None else ""
    if key == "change" and row.get("change_unit") in ("%", "pp"):
        return "%"
    return ""


def _hundred(value: float) -> float | int:
    """`value` × 100 without the float noise of the multiplication (0.785 is 78.5, not 78.50000000000001)."""
    scaled = float(Decimal(repr(float(value))).scaleb(2))
    return int(scaled) if scaled.is_integer() and abs(scaled) < 2**53 else scaled
