"""Writes each command's result in the chosen format: one exhaustive `match` on `Format` per result type.

The renderers themselves live one per format (`as_json`, `as_csv`, `as_markdown`, `as_table`);
the table renderer, and so Rich, is imported only when a table is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ictgoals.model import Dataset, StatusReport
from ictgoals.output import as_json, rows
from ictgoals.output.formats import Context, Format, binary, unreachable

if TYPE_CHECKING:
    from ictgoals.analysis.results import DiffReport, Finding, IndicatorView
    from ictgoals.regions import Region


def render_status(report: StatusReport, fmt: Format, out: TextIO, context: Context) -> None:
    match fmt:
        case Format.TABLE:
            from ictgoals.output import as_table

            as_table.status(report, out, context)
        case Format.JSON:
            as_json.write(rows.status_document(report), out)
        case Format.CSV:
            from ictgoals.output import as_csv

            as_csv.write([rows.status_row(r) for r in report.rows], rows.STATUS_FIELDS, out, context.bom)
        case Format.MARKDOWN:
            from ictgoals.output import as_markdown, text

            as_markdown.write(text.status_headers(), [text.status_cells(r) for r in report.rows], out)
        case Format.XLSX:
            from ictgoals.output import as_xlsx

            as_xlsx.write([("status", rows.STATUS_FIELDS, [rows.status_row(r) for r in report.rows])], binary(out))
        case _:
            unreachable(fmt)


def render_diff(report: DiffReport, fmt: Format, out: TextIO, context: Context) -> None:
    from ictgoals.output import as_csv, as_markdown, text

    records = [rows.diff_row(r) for r in report.rows]
    headers = text.diff_headers(report.against, report.year)
    cells = [text.diff_cells(record, row.indicator) for record, row in zip(records, report.rows, strict=True)]
    match fmt:
        case Format.TABLE:
            from ictgoals.output import as_table

            as_table.diff(report, headers, cells, out, context)
        case Format.JSON:
            as_json.write(rows.diff_document(report), out)
        case Format.CSV:
            both = [{"kind": "change", **r} for r in records]
            both += [{"kind": "target", **rows.status_row(r)} for r in report.targets]
            as_csv.write(both, rows.DIFF_CSV_FIELDS, out, context.bom)
        case Format.MARKDOWN:
            as_markdown.write(headers, cells, out)
            if report.targets:
                out.write("\n")
                as_markdown.write(text.status_headers(), [text.status_cells(r) for r in report.targets], out)
        case Format.XLSX:
            from ictgoals.output import as_xlsx

            targets = [rows.status_row(r) for r in report.targets]
            as_xlsx.write([("diff", rows.DIFF_FIELDS, records), ("targets", rows.STATUS_FIELDS, targets)], binary(out))
        case _:
            unreachable(fmt)


def render_findings(findings: Sequence[Finding], fmt: Format, out: TextIO, context: Context) -> None:
    from ictgoals.output import as_csv, as_markdown

    records = [{"severity": f.severity.value, **rows.finding(f)} for f in findings]
    match fmt:
        case Format.TABLE:
            from ictgoals.output import as_table

            as_table.findings(findings, out, context)
        case Format.JSON:
            as_json.write(rows.validate_document(findings), out)
        case Format.CSV:
            as_csv.write(records, rows.VALIDATE_FIELDS, out, context.bom)
        case Format.MARKDOWN:
            cells = [[as_csv.cell(r.get(k)) for k in rows.VALIDATE_FIELDS] for r in records]
            as_markdown.write(rows.VALIDATE_FIELDS, cells, out)
        case Format.XLSX:
            from ictgoals.output import as_xlsx

            as_xlsx.write([("validate", rows.VALIDATE_FIELDS, records)], binary(out))
        case _:
            unreachable(fmt)


def render_indicators(dataset: Dataset, fmt: Format, out: TextIO, context: Context) -> None:
    from ictgoals.output import as_csv, as_markdown, text

    document = rows.indicators_document(dataset)
    records = document["rows"]
    headers = text.indicator_headers()
    cells = [text.indicator_cells(r, dataset.indicators[r["indicator"]]) for r in records]
    match fmt:
        case Format.TABLE:
            from ictgoals.output import as_table

            as_table.indicators(headers, cells, out, context)
        case Format.JSON:
            as_json.write(document, out)
        case Format.CSV:
            as_csv.write(records, rows.INDICATOR_FIELDS, out, context.bom)
        case Format.MARKDOWN:
            as_markdown.write(headers, cells, out)
        case Format.XLSX:
            from ictgoals.output import as_xlsx

            as_xlsx.write([("indicators", rows.INDICATOR_FIELDS, records)], binary(out))
        case _:
            unreachable(fmt)


def render_view(view: IndicatorView, fmt: Format, out: TextIO, context: Context) -> None:
    from ictgoals.output import as_csv, as_markdown

    document = rows.view_document(view)
    history = document["history"]
    match fmt:
        case Format.TABLE:
            from ictgoals.output import as_table

            as_table.view(view, history, out, context)
        case Format.JSON:
            as_json.write(document, out)
        case Format.CSV:
            as_csv.write(history, rows.HISTORY_FIELDS, out, context.bom)
        case Format.MARKDOWN:
            cells = [[as_csv.cell(r[k]) for k in rows.HISTORY_FIELDS] for r in history]
            as_markdown.write(rows.HISTORY_FIELDS, cells, out)
        case Format.XLSX:
            from ictgoals.output import as_xlsx

            targets = [rows.status_row(r) for r in view.targets]
            as_xlsx.write(
                [("history", rows.HISTORY_FIELDS, history), ("targets", rows.STATUS_FIELDS, targets)], binary(out)
            )
        case _:
            unreachable(fmt)


def render_regions(regions: Sequence[Region], fmt: Format, out: TextIO, context: Context) -> None:
    from ictgoals.output import as_csv, as_markdown, text

    records = [rows.region_row(r) for r in regions]
    headers, cells = text.region_headers(), [text.region_cells(r) for r in regions]
    match fmt:
        case Format.TABLE:
            from ictgoals.output import as_table

            as_table.regions(headers, cells, out, context)
        case Format.JSON:
            as_json.write({"regions": records}, out)
        case Format.CSV:
            as_csv.write(records, rows.REGION_FIELDS, out, context.bom)
        case Format.MARKDOWN:
            as_markdown.write(headers, cells, out)
        case Format.XLSX:
            from ictgoals.output import as_xlsx

            as_xlsx.write([("regions", rows.REGION_FIELDS, records)], binary(out))
        case _:
            unreachable(fmt)
