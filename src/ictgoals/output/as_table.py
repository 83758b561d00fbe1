"""The terminal renderer: Rich tables, coloured only on a terminal, with the files used on the last line."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ictgoals.model import NATIONAL, Status, StatusReport, StatusRow
from ictgoals.output import text
from ictgoals.output.chart import chart_lines
from ictgoals.output.formats import Context
from ictgoals.output.rows import Record
from ictgoals.output.safe import printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ictgoals.analysis.results import DiffReport, Finding, IndicatorView

STATUS_STYLE = {
    Status.MET: "bold green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.OFF_TRACK: "dark_orange",
    Status.REGRESSING: "red",
    Status.MISSED: "bold red",
    Status.NO_TREND: "cyan",
    Status.NO_DATA: "dim",
}


def console(out: TextIO, context: Context) -> Console:
    """A Rich console on `out` that colours only a terminal and honours NO_COLOR."""
    from rich.console import Console

    no_color = "NO_COLOR" in os.environ or context.color is False
    return Console(
        file=out,
        width=context.width,
        no_color=no_color,
        force_terminal=True if context.color else None,
        color_system=None if no_color else "auto",
        highlight=False,
        soft_wrap=False,
    )


def _literal(*lines: str, style: str = "") -> Text:
    """Lines of text shown exactly as written: no Rich markup, no emoji codes, control characters escaped."""
    from rich.text import Text

    return Text("\n".join(printable(line) for line in lines), style=style)


def _table(title: Sequence[str], headers: Sequence[str], caption: Sequence[str] = ()) -> Table:
    """A table whose title and caption are the given lines, taken literally."""
    from rich import box
    from rich.table import Table

    table = Table(
        title=_literal(*title),
        caption=_literal(*caption) if caption else None,
        box=box.SIMPLE_HEAD,
        caption_justify="left",
        title_justify="left",
    )
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def _add_row(table: Table, cells: Sequence[str | Text]) -> None:
    """A row of cells, every plain string taken literally."""
    table.add_row(*(cell if not isinstance(cell, str) else _literal(cell) for cell in cells))


def _print_tables(out: TextIO, context: Context, *tables: Table) -> None:
    """Print tables, then the files they came from on one unwrapped line."""
    printer = console(out, context)
    for table in tables:
        printer.print(table)
    printer.print(_literal(f"targets: {context.targets_file} · actuals: {context.actuals_file}"), soft_wrap=True)


def _status_rows(table: Table, rows: Sequence[StatusRow], *, styled: bool = True) -> None:
    from rich.text import Text

    for row in rows:
        cells: list[str | Text] = list(text.status_cells(row))
        if styled:
            cells[5] = Text(row.status.value, style=STATUS_STYLE[row.status])
        _add_row(table, cells)


def status(report: StatusReport, out: TextIO, context: Context) -> None:
    counts = ", ".join(f"{n} {s}" for s, n in report.summary().items() if n)
    caption = [counts or "no targets", text.PACE_LEGEND]
    if report.region == NATIONAL:
        table = _table([f"Targets due in {report.year} (national)"], text.STATUS_HEADERS, caption)
        _status_rows(table, report.rows)
        _print_tables(out, context, table)
        return
    # A province's own targets first; then the national ones, measured on its figures, as context.
    own = _table([f"Targets of {report.region} due in {report.year}"], text.STATUS_HEADERS)
    _status_rows(own, [r for r in report.rows if r.target.region != NATIONAL])
    national = _table(
        [f"National targets due in {report.year}, against {report.region}'s figures"], text.STATUS_HEADERS, caption
    )
    _status_rows(national, [r for r in report.rows if r.target.region == NATIONAL])
    _print_tables(out, context, own, national)


def diff(
    report: DiffReport, headers: Sequence[str], cells: Sequence[Sequence[str]], out: TextIO, context: Context
) -> None:
    caption = (
        "derived: implied by the stated change, not reported; ✓/✗: stated change agrees "
        "with the figures within rounding"
    )
    table = _table([f"{report.year} against {report.against}"], headers, [caption])
    for line in cells:
        _add_row(table, line)
    tables = [table]
    if report.targets:
        due = _table([f"Targets due in {report.year}"], text.STATUS_HEADERS)
        _status_rows(due, report.targets)
        tables.append(due)
    _print_tables(out, context, *tables)


def findings(found: Sequence[Finding], out: TextIO, context: Context) -> None:
    from rich.text import Text

    from ictgoals.analysis.results import Severity

    printer = console(out, context)
    if not found:
        printer.print(_literal(f"No problems found in {context.targets_file} and {context.actuals_file}."))
        return
    table = _table(["Validation"], ["", "Code", "Where", "Message"])
    for f in found:
        where = f.file or ""
        if f.line is not None:
            where += f":{f.line}"
        style = "bold red" if f.severity is Severity.ERROR else "yellow"
        _add_row(table, [Text(f.severity.value, style=style), f.code, where, f.message])
    _print_tables(out, context, table)


def indicators(headers: Sequence[str], cells: Sequence[Sequence[str]], out: TextIO, context: Context) -> None:
    table = _table([f"{len(cells)} indicators"], headers)
    for line in cells:
        _add_row(table, line)
    _print_tables(out, context, table)


def view(view: IndicatorView, history: Sequence[Record], out: TextIO, context: Context) -> None:
    indicator = view.indicator
    title = [f"{indicator.name} ({indicator.id})", *([indicator.name_vi] if indicator.name_vi else [])]
    table = _table(title, ["Year", "Value", "Printed", "Source", "Flags"])
    for item in history:
        flags = ", ".join(
            name
            for name, on in (
                ("estimate", item["estimate"]),
                ("derived", item["derived"]),
                (f"period {item['basis'] or ''}".strip(), item["period"] is not None),
                (f"of {item['region']}, merged in", item["absorbed"]),
                (
                    "not used",
                    not item["used"] and not item["derived"] and item["period"] is None and not item["absorbed"],
                ),
            )
            if on
        )
        period = item["period"]
        _add_row(
            table,
            [
                str(item["year"]) if period is None else f"{period[0]}–{period[1]}",
                text.show_value(item["value"], indicator),
                item["printed"] or "",
                item["source"] or "",
                flags,
            ],
        )
    chart = _table(["History against target"], ["Year", "", ""], ["│: target · ░: derived"])
    for line in chart_lines(view):
        _add_row(chart, line)
    targets = _table(["Targets"], text.STATUS_HEADERS)
    _status_rows(targets, view.targets, styled=False)
    _print_tables(out, context, table, chart, targets)


def regions(headers: Sequence[str], cells: Sequence[Sequence[str]], out: TextIO, context: Context) -> None:
    table = _table(["Regions: the nation, the 34 provinces from 1 July 2025, and the 63 before"], headers)
    for line in cells:
        _add_row(table, line)
    printer = console(out, context)
    printer.print(table)
