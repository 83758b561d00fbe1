"""The .xlsx workbooks `import` reads: a sheet's header and rows, with the limits that keep a hostile file cheap."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ictgoals.datafiles.located import MAX_FILE_BYTES
from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.writing.inputs import Row, typed

#: The most rows an .xlsx import reads; a sheet is refused beyond it rather than read for minutes.
MAX_XLSX_ROWS = 1_000_000


def read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], list[tuple[str, Row]]]:
    """The header and rows of the first sheet of an .xlsx file (or the sheet named `sheet`).

    Cells keep their spreadsheet types: numbers as numbers, dates as dates; a formula counts as the
    value the spreadsheet last computed and saved. Needs openpyxl (the `xlsx` extra).
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
        size = path.stat().st_size
    except FileNotFoundError as e:
        raise DataError(path, tr("file not found.")) from e
    if size > MAX_FILE_BYTES:
        raise DataError(path, tr("is larger than {size} MB, the most ictgoals reads.", size=MAX_FILE_BYTES // 2**20))
    _not_a_bomb(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds (zip, XML, KeyError) for a file that is not a workbook
        raise DataError(
            path,
            tr("is not a readable .xlsx workbook ({error}).", error=type(e).__name__),
            tr("Save it from Excel or LibreOffice as .xlsx, or export CSV."),
        ) from e
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise DataError(
                path,
                tr("has no sheet {sheet!r}; its sheets: {sheets}.", sheet=sheet, sheets=", ".join(workbook.sheetnames)),
            )
        table = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        label = f"{path} [{table.title}]"
        rows = table.iter_rows(values_only=True)
        header = [("" if cell is None else str(cell)).strip() for cell in next(rows, ())]
        if not any(header):
            raise DataError(
                label,
                tr("has no header row."),
                tr("Start the sheet with the field names, e.g. indicator, year, value, source."),
            )
        found: list[tuple[str, Row]] = []
        for number, cells in enumerate(rows, start=1):
            if number > MAX_XLSX_ROWS:
                raise DataError(label, tr("has more than {rows} rows.", rows=f"{MAX_XLSX_ROWS:,}"))
            if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
                continue  # spreadsheets end with empty rows
            where = tr("{sheet} row {row}", sheet=label, row=number + 1)
            if len(cells) > len(header) and any(c is not None for c in cells[len(header) :]):
                raise DataError(where, tr("has more cells than the header has columns."))
            raw = {key: _sheet_value(cell) for key, cell in zip(header, cells, strict=False) if key}
            found.append((where, typed(raw, where)))
        return [h for h in header if h], found
    finally:
        workbook.close()


#: How much an .xlsx may hold once unzipped: a workbook is a zip file, and a small one can unpack to gigabytes.
MAX_UNZIPPED_BYTES = 4 * MAX_FILE_BYTES


def _not_a_bomb(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to more than MAX_UNZIPPED_BYTES, before anything unpacks them."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: openpyxl says so, with its own error, below
    if unpacked > MAX_UNZIPPED_BYTES:
        raise DataError(
            path,
            tr(
                "would unpack to {size} MB, more than the {limit} MB ictgoals reads from a workbook.",
                size=f"{unpacked // 2**20:,}",
                limit=MAX_UNZIPPED_BYTES // 2**20,
            ),
            tr("Save the sheet as CSV, or split the workbook."),
        )


def _sheet_value(cell: object) -> object:
    """A spreadsheet cell as an import value: a date-time at midnight is the date a sheet means by it."""
    if isinstance(cell, dt.datetime):
        return cell.date() if cell.time() == dt.time() else cell
    return cell
