"""The terminal renderer: Rich tables fitted to the width, coloured only on a terminal, with the files used last."""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO, TypeVar, cast

from ictgoals.analysis.records import Result
from ictgoals.analysis.status import StatusReport, StatusRow, counted, tally
from ictgoals.i18n import tr
from ictgoals.model import ALL_REGIONS, NATIONAL, Status
from ictgoals.output import text
from ictgoals.output.fit import Fit, fit, stacked_lines, wrap
from ictgoals.output.formats import ENV_NO_COLOR, Context
from ictgoals.output.notes import region_lines
from ictgoals.output.safe import printable
from ictgoals.output.show_chart import chart_lines
from ictgoals.output.text import NBSP
from ictgoals.provinces import entries

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from ictgoals.analysis.catalogue import Catalogue, Regions
    from ictgoals.analysis.checks import Findings
    from ictgoals.analysis.diff import DiffReport
    from ictgoals.analysis.view import IndicatorView

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

_T = TypeVar("_T")


def render(result: Result, out: TextIO, context: Context) -> None:
    """Print `result` as the tables of its command. Off a terminal, lines carry no trailing spaces."""
    trimmed(out, context, lambda stream: _render(result, stream, context))


def trimmed(out: TextIO, context: Context, draw: Callable[[TextIO], None]) -> None:
    """What `draw` prints, on `out`; off a terminal (a pipe, a file) without the spaces Rich pads lines with."""
    if context.color or _is_terminal(out):
        draw(out)
        return
    buffer = io.StringIO()
    draw(buffer)
    out.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (OSError, ValueError):
        return False


def _render(result: Result, out: TextIO, context: Context) -> None:
    # By the result's type name: the modules of every other kind of result stay unimported (about 6 ms a table).
    match type(result).__name__:
        case "StatusReport":
            status(cast("StatusReport", result), out, context)
        case "DiffReport":
            diff(cast("DiffReport", result), out, context)
        case "Findings":
            findings(cast("Findings", result), out, context)
        case "IndicatorView":
            view(cast("IndicatorView", result), out, context)
        case "Catalogue":
            indicators(cast("Catalogue", result), out, context)
        case "Regions":
            regions(cast("Regions", result), out, context)
        case name:
            raise AssertionError(f"no table for {name}")


@functools.cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError  # the CLI exits 0 quietly; Rich's own handler would exit 1

    return QuietConsole


def console(out: TextIO, context: Context) -> Console:
    """A Rich console on `out` that colours only a terminal and honours NO_COLOR; a closed pipe is not an error."""
    no_color = ENV_NO_COLOR in os.environ or context.color is False
    return _console_class()(
        file=out,
        width=context.width,
        no_color=no_color,
        force_terminal=True if context.color else None,
        color_system=None if no_color else "auto",
        highlight=False,
        soft_wrap=False,
    )


def _literal(*lines: str, style: str = "") -> Text:
    """Lines of text shown exactly as written: no Rich markup, no emoji codes, control characters escaped;
    the no-break spaces that kept a number with its unit while wrapping print as spaces."""
    from rich.text import Text

    return Text("\n".join(printable(line).replace(NBSP, " ") for line in lines), style=style)


#: Below this width every command shows a card of lines per row, not a table (one layout per output).
CARDS_BELOW = 90


def _wrapped(cell: str | Text, width: int) -> Text:
    """A cell laid out in its width by our own rule (output/fit.py), so that Rich never breaks a line itself."""
    from rich.text import Text

    plain = _plain(cell)
    wrapped = "\n".join(wrap(plain, width)).replace(NBSP, " ")
    if isinstance(cell, str):
        return Text(wrapped)
    text = Text(wrapped, style=cell.style)
    if cell.spans:  # the styled parts (extract's figure in its sentence) move with their characters
        where = _moved(plain.replace(NBSP, " "), wrapped)
        for span in cell.spans:
            kept = [where[i] for i in range(span.start, min(span.end, len(where))) if where[i] >= 0]
            if kept:
                text.stylize(span.style, kept[0], kept[-1] + 1)
    return text


def _moved(before: str, after: str) -> list[int]:
    """Where each character of `before` stands in `after`, which `wrap` made of it by dropping spaces and
    turning others into line ends; -1 for a space that is gone."""
    where: list[int] = []
    j = 0
    for char in before:
        if j < len(after) and (after[j] == char or (char.isspace() and after[j].isspace())):
            where.append(j)
            j += 1
        else:
            where.append(-1)
    return where


def _plain(cell: str | Text) -> str:
    return printable(cell) if isinstance(cell, str) else cell.plain


def fitted(
    width: int,
    title: Sequence[str],
    headers: Sequence[str],
    cells: Sequence[Sequence[str | Text]],
    caption: Sequence[str] = (),
    *,
    whole: Sequence[int] = (),
    drop: Sequence[int] = (),
) -> list[RenderableType]:
    """A titled table that fits `width`: words wrap at spaces (never between a number and its unit),
    `whole` columns (ids) never wrap, the `drop` columns go first when space runs out (the caption says
    which), and a terminal narrower than CARDS_BELOW gets a card of lines per row, with every field."""
    from rich import box
    from rich.table import Table

    plain = [[_plain(cell) for cell in row] for row in cells]
    shape = fit(headers, plain, width, whole=whole, drop=drop) if width >= CARDS_BELOW else Fit((), (), stacked=True)
    parts: list[RenderableType] = [_literal(*title)] if title else []
    left_out = [] if shape.stacked else [headers[c] for c in range(len(headers)) if c not in shape.kept]
    notes = list(caption)
    if left_out:
        notes.append(
            tr(
                "Left out to fit the width: {columns}. A wider terminal or --format json shows all.",
                columns=", ".join(left_out),
            )
        )
    if shape.stacked:
        parts.extend(_literal(*stacked_lines(headers, line, width)) for line in plain)
    else:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
        for c, column_width in zip(shape.kept, shape.widths, strict=True):
            table.add_column(_wrapped(headers[c], column_width), width=column_width, no_wrap=True, overflow="fold")
        for cell_row in cells:
            table.add_row(*(_wrapped(cell_row[c], w) for c, w in zip(shape.kept, shape.widths, strict=True)))
        parts.append(table)
    if notes:
        parts.append(_literal(*notes))
    return parts


def _print(printer: Console, context: Context, *sections: Sequence[RenderableType], files: bool = True) -> None:
    """Print the sections with a blank line between, then the files they came from."""
    for number, section in enumerate(sections):
        if number:
            printer.print()
        for part in section:
            printer.print(part)
    if files and context.targets_file == context.actuals_file:  # both the bundled dataset
        printer.print(_literal(tr("data: {data}", data=context.targets_file)))
    elif files:
        printer.print(_literal(tr("targets: {targets}", targets=context.targets_file)))
        printer.print(_literal(tr("actuals: {actuals}", actuals=context.actuals_file)))


def _status_cells(rows: Sequence[StatusRow], *, styled: bool = True) -> list[list[str | Text]]:
    """A status table's cells without the region, which the title names."""
    from rich.text import Text

    table: list[list[str | Text]] = []
    for row in rows:
        words = text.status_cells(row)
        cells: list[str | Text] = list(words)
        if styled:
            cells[5] = Text(printable(words[5]), style=STATUS_STYLE[row.status])
        del cells[1]
        table.append(cells)
    return table


def _status_table(
    width: int, title: str, rows: Sequence[StatusRow], caption: Sequence[str] = (), *, styled: bool = True
) -> list[RenderableType]:
    headers = text.status_headers()
    del headers[1]
    return fitted(width, [title], headers, _status_cells(rows, styled=styled), caption)  # Pace is never left out


def _status_block(
    width: int, title: str, rows: Sequence[StatusRow], every_row: bool, caption: Sequence[str] = ()
) -> list[RenderableType]:
    """A titled status table of the rows with figures; the targets without any figure named in one line
    after it (all of them as rows with `every_row`)."""
    shown = list(rows) if every_row else [r for r in rows if r.status is not Status.NO_DATA]
    blank = [] if every_row else [r for r in rows if r.status is Status.NO_DATA]
    lines = []
    if blank:
        names = "; ".join(dict.fromkeys(text.short_name(r.indicator) for r in blank))
        lines.append(
            tr("No figures yet for {count} target(s): {names} (--all lists each one).", count=len(blank), names=names)
        )
    if not shown:
        return [_literal(title, *lines, *caption)]
    return _status_table(width, title, shown, [*lines, *caption])


def _region_sections(
    width: int, year: int, region: str, rows: Sequence[StatusRow], every_row: bool, *, among_all: bool = False
) -> list[list[RenderableType]]:
    """A region's targets: its own first, then the national targets measured on its figures (only those it has
    figures for, the rest counted), each part's summary in its title. Among every region's, a province also says
    what it must about itself (a merger, a new name), which a view of one region says on stderr."""
    own = [r for r in rows if counted(r)]
    context = [r for r in rows if not counted(r)]
    if region == NATIONAL:
        title = tr("Targets due in {year} (national): {summary}", year=year, summary=text.summary(tally(own)))
        return [_status_block(width, title, own, every_row)]
    sections = []
    about = region_lines(entries(region)) if among_all else []
    if own:
        title = tr(
            "Targets of {region} due in {year}: {summary}", region=region, year=year, summary=text.summary(tally(own))
        )
        sections.append(_status_block(width, title, own, every_row, about))
    with_figures = context if every_row else [r for r in context if r.status is not Status.NO_DATA]
    rest = len(context) - len(with_figures)
    if with_figures:
        title = tr("National targets due in {year}, against {region}'s figures", year=year, region=region)
        notes = [tr("{count} other national target(s) have no figures for {region}.", count=rest, region=region)]
        if not rest:
            notes = []
        if not own:  # the province's own table, which says what became of it, is not there
            notes += about
        sections.append(_status_table(width, title, with_figures, notes))
    elif context:  # one line says it: no table, no title over nothing
        none = tr(
            "None of the {count} national target(s) due in {year} has a figure for {region}.",
            count=len(context),
            year=year,
            region=region,
        )
        alone = tr("{region} has no targets of its own due in {year}.", region=region, year=year)
        lines = [none] if own else [alone, none, *about]
        sections.append([_literal(*lines)])
    return sections


def _grouped(items: Sequence[_T], regions: Sequence[str]) -> dict[str, list[_T]]:
    """The items by region (each item's in `regions`), regions in order of first appearance: one pass, so a
    table of every region costs as much as the rows it shows."""
    grouped: dict[str, list[_T]] = {}
    for item, region in zip(items, regions, strict=True):
        grouped.setdefault(region, []).append(item)
    return grouped


def status(report: StatusReport, out: TextIO, context: Context) -> None:
    printer = console(out, context)
    width = printer.width
    legend = [line for line in (text.pace_legend(report.rows),) if line]
    if not report.rows:
        _print(printer, context, [_literal(tr("No targets are due in {year}.", year=report.year))])
        return
    by_region = (
        _grouped(report.rows, [row.region for row in report.rows])
        if report.region == ALL_REGIONS
        else {report.region: list(report.rows)}
    )
    sections = [
        section
        for region, rows in by_region.items()
        for section in _region_sections(
            width, report.year, region, rows, context.every_row, among_all=report.region == ALL_REGIONS
        )
    ]
    if legend:
        sections.append([_literal(*legend)])
    _print(printer, context, *sections)


def diff(report: DiffReport, out: TextIO, context: Context) -> None:
    printer = console(out, context)
    headers = text.diff_headers(report.against, report.year)
    cells = [text.diff_cells(row) for row in report.rows]
    width = printer.width
    caption = tr(
        "derived: implied by the stated change, not reported; ✓/✗: stated change agrees with the figures within "
        "rounding"
    )
    title = tr("{year} against {against}", year=report.year, against=report.against)
    if report.region == ALL_REGIONS:  # one section per region
        sections = [
            fitted(width, [f"{title}: {text.region_name(region)}"], headers, lines, [caption], drop=[5, 4])
            for region, lines in _grouped(cells, [row.region for row in report.rows]).items()
        ]
    else:
        sections = [fitted(width, [title], headers, cells, [caption], drop=[5, 4])]
    if report.targets:
        sections.append(_status_table(width, tr("Targets due in {year}", year=report.year), report.targets))
    _print(printer, context, *sections)


def findings(found: Findings, out: TextIO, context: Context) -> None:
    from rich.text import Text

    printer = console(out, context)
    if not found:
        printer.print(
            _literal(
                tr(
                    "No problems found in {targets} and {actuals}.",
                    targets=context.targets_file,
                    actuals=context.actuals_file,
                )
            )
        )
        return
    cells: list[list[str | Text]] = []
    for f in found:
        severity, *rest = text.finding_cells(f)
        cells.append([Text(severity, style="bold red" if f.severity.value == "error" else "yellow"), *rest])
    headers = text.finding_headers()
    _print(printer, context, fitted(printer.width, [tr("Validation")], headers, cells, whole=[1]))


def indicators(catalogue: Catalogue, out: TextIO, context: Context) -> None:
    printer = console(out, context)
    headers = text.indicator_headers()
    cells = [text.indicator_cells(row) for row in catalogue.rows]
    title = tr("{count} indicators", count=len(cells))
    # id, name, unit, better, area, targets, figures: the id is what people copy, so it never wraps.
    section = fitted(printer.width, [title], headers, cells, whole=[0], drop=[4, 3, 5, 6])
    _print(printer, context, section)


def view(view: IndicatorView, out: TextIO, context: Context) -> None:
    printer = console(out, context)
    indicator = view.indicator
    width = printer.width
    other = indicator.name if text.name(indicator) != indicator.name else indicator.name_vi
    title = [text.name(indicator), *([other] if other else [])]
    numbers = text.source_numbers(view.sources)
    cells = [text.history_cells(entry, indicator, numbers) for entry in view.history()]
    headers = text.history_headers()
    figures = fitted(width, title, headers, cells, text.source_lines(view.sources), whole=[3])
    bar = max(8, min(32, width - 40))
    chart = fitted(
        width,
        [tr("History against target")],
        [tr("Year"), "", ""],
        [list(line) for line in chart_lines(view, bar)],
        [tr("│: target · ░: derived")],
        whole=[1],
    )
    targets = _status_table(width, tr("Targets"), view.targets, styled=False)
    _print(printer, context, figures, chart, targets)


def regions(catalogue: Regions, out: TextIO, context: Context) -> None:
    printer = console(out, context)
    headers, cells = text.region_headers(), [text.region_cells(r) for r in catalogue.regions]
    title = tr("Regions: the nation, the 34 provinces from 1 July 2025, and the 63 before")
    _print(printer, context, fitted(printer.width, [title], headers, cells, drop=[5, 4]), files=False)
