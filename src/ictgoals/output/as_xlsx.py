"""The spreadsheet renderer: the machine rows as an .xlsx workbook, numbers as numbers, text never a formula.

openpyxl is the `xlsx` extra (`pip install 'ictgoals[xlsx]'`); only this module imports it, and
only when xlsx is asked for. Each sheet has the CSV's fixed header (nested values flattened the
same way), so a sheet and the CSV of the same command have the same columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

from ictgoals.analysis.records import Record
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.output.as_csv import cell, flatten
from ictgoals.output.safe import printable

INSTALL = "pip install 'ictgoals[xlsx]'"

Sheet = tuple[str, Sequence[str], Sequence[Record]]


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


def write(sheets: Sequence[Sheet], out: BinaryIO) -> None:
    """Write one workbook with a sheet per (name, header, records), in order."""
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, fields, records in sheets:
        sheet = workbook.create_sheet(name)
        sheet.append(list(fields))
        for record in records:
            flat = flatten(record)
            sheet.append([value(flat.get(field)) for field in fields])
        for row in sheet.iter_rows(min_row=2):
            for item in row:
                if item.data_type == "f":  # openpyxl reads "=…" as a formula: keep it as the text it is
                    item.data_type = "s"
        sheet.freeze_panes = "A2"
    workbook.save(out)
