"""Writes a command's result in the chosen format: one exhaustive `match` on `Format`, then the format's form of it.

JSON documents and CSV columns come from the records each result declares (`analysis/records.py`);
tables and Markdown show the words of `output/text.py`. The table renderer (and so Rich) and the
workbook renderer (openpyxl) are imported only when their format is asked for.
"""

from __future__ import annotations

from typing import TextIO

from ictgoals.analysis import records
from ictgoals.analysis.catalogue import Catalogue
from ictgoals.analysis.checks import Findings
from ictgoals.analysis.diff import DiffReport
from ictgoals.analysis.records import Record
from ictgoals.analysis.status import StatusReport
from ictgoals.analysis.view import IndicatorView
from ictgoals.output import as_csv, as_json, as_markdown, text
from ictgoals.output.formats import Context, Format, binary, unreachable
from ictgoals.regions import Region

#: What the reading commands give: status, diff, validate, show, indicators and regions.
Result = StatusReport | DiffReport | Findings | IndicatorView | Catalogue | tuple[Region, ...]
#: A named table of records with its columns: a CSV file, a sheet of a workbook.
Sheet = tuple[str, list[str], list[Record]]


def render(result: Result, fmt: Format, out: TextIO, context: Context) -> None:
    """Write `result` on `out` in `fmt`."""
    match fmt:
        case Format.TABLE:
            from ictgoals.output import as_table  # Rich: only for a table

            as_table.render(result, out, context)
        case Format.JSON:
            as_json.write(document(result), out)
        case Format.CSV:
            _, columns, rows = sheets(result, one=True)[0]
            as_csv.write(rows, columns, out, context.bom)
        case Format.MARKDOWN:
            for number, (headers, cells) in enumerate(markdown_tables(result)):
                if number:
                    out.write("\n")
                as_markdown.write(headers, cells, out)
        case Format.XLSX:
            from ictgoals.output import as_xlsx  # openpyxl, the xlsx extra: only for a workbook

            as_xlsx.write(sheets(result), binary(out))
        case _:
            unreachable(fmt)


def document(result: Result) -> Record:
    """The JSON document of a result."""
    if isinstance(result, StatusReport):
        return records.status_document(result)
    if isinstance(result, DiffReport):
        return records.diff_document(result)
    if isinstance(result, Findings):
        return records.validate_document(result)
    if isinstance(result, IndicatorView):
        return records.view_document(result)
    if isinstance(result, Catalogue):
        return records.indicators_document(result)
    return records.regions_document(result)


def sheets(result: Result, *, one: bool = False) -> list[Sheet]:
    """A result's records as named tables: a workbook's sheets; with `one`, the single table a CSV holds."""
    if isinstance(result, StatusReport):
        return [("status", records.STATUS.columns, result.to_records())]
    if isinstance(result, DiffReport):
        if one:  # both kinds of row in one table, told apart by "kind"
            both = [{"kind": "change", **r} for r in result.to_records()]
            both += [{"kind": "target", **r} for r in result.target_records()]
            return [("diff", records.DIFF_CSV_COLUMNS, both)]
        return [
            ("diff", records.DIFF.columns, result.to_records()),
            ("targets", records.STATUS.columns, result.target_records()),
        ]
    if isinstance(result, Findings):
        return [("validate", records.FINDING.columns, result.to_records())]
    if isinstance(result, IndicatorView):
        history = ("history", records.HISTORY.columns, result.to_records())
        return [history] if one else [history, ("targets", records.STATUS.columns, result.target_records())]
    if isinstance(result, Catalogue):
        return [("indicators", records.INDICATOR.columns, result.to_records())]
    return [("regions", records.REGION.columns, records.REGION.records(result))]


def markdown_tables(result: Result) -> list[tuple[list[str], list[list[str]]]]:
    """A result as Markdown tables of headers and cells: words where people read, raw fields for data."""
    if isinstance(result, StatusReport):
        return [(text.status_headers(), [text.status_cells(r) for r in result.rows])]
    if isinstance(result, DiffReport):
        tables = [(text.diff_headers(result.against, result.year), [text.diff_cells(r) for r in result.rows])]
        if result.targets:
            tables.append((text.status_headers(), [text.status_cells(r) for r in result.targets]))
        return tables
    if isinstance(result, Catalogue):
        return [(text.indicator_headers(), [text.indicator_cells(r) for r in result.rows])]
    if isinstance(result, tuple):
        return [(text.region_headers(), [text.region_cells(r) for r in result])]
    _, columns, rows = sheets(result, one=True)[0]  # validate and show: the fields themselves
    return [(columns, [[as_csv.cell(row.get(column)) for column in columns] for row in rows])]
