"""The spreadsheet renderer: a workbook people read, numbers as numbers, text never a formula.

Each sheet has a header row in the run's language (frozen), columns as wide as what they hold,
and number formats by what a number is: a share with one decimal and its % sign, money with
thousands separators, counts and ranks whole, years plain. The values are the records' own (45.8
for 45,8%, as in JSON and CSV); a last sheet, `fields`, gives each column's field name for
machines. openpyxl is the `xlsx` extra (`pip install 'ictgoals[xlsx]'`); only this module imports
it, and only when xlsx is asked for.

The same records give the same bytes: the workbook holds no time of writing (its created and
modified properties and every part of its zip are dated 1980-01-01, the earliest date a zip
holds), so a pipeline can compare, cache or commit what it wrote.
"""

from __future__ import annotations

import datetime
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from ictgoals.analysis.records import Record, label
from ictgoals.errors import UsageError
from ictgoals.i18n import pt, tr
from ictgoals.model import WHOLE_UNITS
from ictgoals.output.as_csv import cell, flatten
from ictgoals.output.safe import printable

INSTALL = "pip install 'ictgoals[xlsx]'"

Sheet = tuple[str, Sequence[str], Sequence[Record]]

#: The columns that hold a figure in its indicator's unit: formatted by the row's unit.
IN_UNIT = frozenset(
    {
        "target",
        "target_low",
        "target_high",
        "tolerance",
        "actual",
        "gap",
        "projected",
        "required_change_per_year",
        "before",
        "after",
        "change",
        "value",
        "baseline.value",
        "stated_change",
    }
)
PERCENTS = frozenset({"percent_of_target", "change_pct", "required_growth_pct"})
YEARS = frozenset({"year", "actual_year", "baseline.year", "stated_change_from", "line"})
SHARE, MONEY, WHOLE, RATIO, PLAIN = '0.0"%"', "#,##0.0##", "#,##0", "0.00", "0"
#: Column widths, in characters: never narrower than a short header, never wider than this.
NARROWEST, WIDEST = 8, 50
#: The date of every part of the workbook's zip: the earliest it can hold, so that no time of writing is kept.
UNDATED = (1980, 1, 1, 0, 0, 0)


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError as e:
        raise UsageError(
            tr("--format xlsx needs openpyxl, which is not installed. Install it with: {command}", command=INSTALL)
        ) from e
    return openpyxl


def available() -> None:
    """Raise UsageError with the install command when openpyxl is missing."""
    _openpyxl()


def value(raw: Any) -> Any:
    """A cell value: numbers and booleans as they are, null as empty, lists joined as in CSV, text as text."""
    if raw is None or isinstance(raw, bool | int | float):
        return raw
    text = printable(cell(raw))
    # Control characters are escaped: the file's XML cannot hold them. An empty list or text is an
    # empty cell: a sheet cannot tell them apart.
    return text or None


def number_format(field: str, unit: str | None) -> str | None:
    """How a number of this column (in a row of this unit) is shown; None for the sheet's default."""
    if field in PERCENTS:
        return SHARE
    if field in YEARS:
        return PLAIN
    if field == "progress_ratio":
        return RATIO
    if field not in IN_UNIT or unit is None:
        return None
    if unit == "%":
        return SHARE if field != "gap" else "0.0"  # a gap in a share is in points, not a share
    if unit in WHOLE_UNITS:
        return WHOLE
    return MONEY


def write(sheets: Sequence[Sheet], out: BinaryIO) -> None:
    """Write one workbook with a sheet per (name, columns, records), in order, then the `fields` sheet."""
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    names: list[tuple[str, str, str]] = []
    for name, fields, records in sheets:
        sheet = workbook.create_sheet(name)
        headers = [pt("column", label(field)) for field in fields]
        sheet.append(headers)
        for record in records:
            flat = flatten(record)
            unit = flat.get("unit")
            sheet.append([value(flat.get(field)) for field in fields])
            for column, field in enumerate(fields, 1):
                item = sheet.cell(row=sheet.max_row, column=column)
                if item.data_type == "f":  # openpyxl reads "=…" as a formula: keep it as the text it is
                    item.data_type = "s"
                elif item.data_type == "n" and (found := number_format(field, unit)):
                    item.number_format = found
        _fit_columns(sheet, headers)
        sheet.freeze_panes = "A2"
        names += [(name, header, field) for header, field in zip(headers, fields, strict=True)]
    fields_sheet = workbook.create_sheet("fields")
    fields_sheet.append([tr("Sheet"), tr("Column"), tr("Field (JSON and CSV)")])
    for row in names:
        fields_sheet.append(list(row))
    _fit_columns(fields_sheet, [tr("Sheet"), tr("Column"), tr("Field (JSON and CSV)")])
    fields_sheet.freeze_panes = "A2"
    _save_undated(workbook, out)


class _UndatedZip(zipfile.ZipFile):
    """A zip whose parts are all dated `UNDATED`: neither the time a part is written by name nor the time of the
    file a part is copied from (openpyxl writes each sheet to a temporary file first)."""

    def writestr(  # type: ignore[override]
        self, name: str | zipfile.ZipInfo, data: str | bytes, *args: Any, **kwargs: Any
    ) -> None:
        if isinstance(name, str):
            name = zipfile.ZipInfo(name, date_time=UNDATED)
            name.compress_type = self.compression
            name.external_attr = 0o600 << 16  # what a part written by name gets: -rw-------
        super().writestr(name, data, *args, **kwargs)

    def write(  # type: ignore[override]
        self, filename: str, arcname: str | None = None, *args: Any, **kwargs: Any
    ) -> None:
        info = zipfile.ZipInfo.from_file(filename, arcname)
        info.date_time, info.compress_type, info.external_attr = UNDATED, self.compression, 0o600 << 16
        with Path(filename).open("rb") as source, self.open(info, "w") as part:
            shutil.copyfileobj(source, part)


def _save_undated(workbook: Any, out: BinaryIO) -> None:
    """`Workbook.save` without the time of writing: openpyxl's writer, with the created and modified properties
    at `UNDATED` (it cannot leave them out), into an undated zip."""
    from openpyxl.writer.excel import ExcelWriter

    workbook.properties.created = workbook.properties.modified = datetime.datetime(*UNDATED)
    ExcelWriter(workbook, _UndatedZip(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()


def _fit_columns(sheet: Any, headers: Sequence[str]) -> None:
    from openpyxl.utils import get_column_letter

    widths = [len(h) for h in headers]
    for row in sheet.iter_rows(min_row=2, max_row=min(sheet.max_row, 500), values_only=True):
        for index, item in enumerate(row):
            if item is not None:
                widths[index] = max(widths[index], len(str(item)))
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, NARROWEST), WIDEST)
