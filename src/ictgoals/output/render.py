"""Writes a command's result in the chosen format: the one exhaustive `match` on `Format`.

JSON, CSV and workbooks are the result's own records (`to_document`, `csv_sheet`, `sheets`,
declared in analysis/records.py), so this module needs to know no result type. Tables and
Markdown show words, which their modules choose for each kind of result; they, Rich (tables) and
openpyxl (workbooks) are imported only when their format is asked for.
"""

from __future__ import annotations

from typing import TextIO

from ictgoals.analysis.records import Result
from ictgoals.output import as_csv, as_json
from ictgoals.output.formats import Context, Format, binary, unreachable


def render(result: Result, fmt: Format, out: TextIO, context: Context) -> None:
    """Write `result` on `out` in `fmt`."""
    match fmt:
        case Format.TABLE:
            from ictgoals.output import as_table  # Rich, and the words of every kind of result

            as_table.render(result, out, context)
        case Format.JSON:
            as_json.write(result.to_document(), out)
        case Format.CSV:
            _, columns, rows = result.csv_sheet()
            as_csv.write(rows, columns, out, context.bom)
        case Format.MARKDOWN:
            from ictgoals.output import as_markdown  # the words of every kind of result

            as_markdown.render(result, out)
        case Format.XLSX:
            from ictgoals.output import as_xlsx  # openpyxl, the xlsx extra

            as_xlsx.write(result.sheets(), binary(out))
        case _:
            unreachable(fmt)
