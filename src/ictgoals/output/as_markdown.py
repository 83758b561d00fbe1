"""The Markdown renderer: pipe tables of the same words the terminal table shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO, cast

from ictgoals.analysis.records import Result
from ictgoals.i18n import tr
from ictgoals.model import ALL_REGIONS
from ictgoals.output import text
from ictgoals.output.safe import printable

if TYPE_CHECKING:
    from ictgoals.analysis.catalogue import Catalogue, Regions
    from ictgoals.analysis.checks import Findings
    from ictgoals.analysis.diff import DiffReport
    from ictgoals.analysis.status import StatusReport
    from ictgoals.analysis.view import IndicatorView


def escape(text: str) -> str:
    """A cell's text as literal Markdown: no table breaks, links, HTML or control characters from data."""
    text = text.replace("\n", " ")
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return printable(text)


def write(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    out.write("| " + " | ".join(headers) + " |\n")
    out.write("|" + "|".join(" --- " for _ in headers) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(escape(cell) for cell in row) + " |\n")


def render(result: Result, out: TextIO) -> None:
    """A result as Markdown tables, a blank line between them."""
    for number, (headers, cells) in enumerate(tables(result)):
        if number:
            out.write("\n")
        write(headers, cells, out)


def tables(result: Result) -> list[tuple[list[str], list[list[str]]]]:
    """A result as tables of headers and cells: words where people read, the fields themselves for data."""
    # By the result's type name, as the table does: the modules of the other kinds of result stay unimported.
    match type(result).__name__:
        case "StatusReport":
            report = cast("StatusReport", result)
            return [(text.status_headers(), [text.status_cells(r) for r in report.rows])]
        case "DiffReport":
            changes = cast("DiffReport", result)
            headers = text.diff_headers(changes.against, changes.year)
            cells = [text.diff_cells(r) for r in changes.rows]
            if changes.region == ALL_REGIONS:  # one table of every region's rows: each says whose it is
                headers.insert(1, tr("Region"))
                for row, line in zip(changes.rows, cells, strict=True):
                    line.insert(1, text.region_name(row.region))
            found = [(headers, cells)]
            if changes.targets:
                found.append((text.status_headers(), [text.status_cells(r) for r in changes.targets]))
            return found
        case "Catalogue":
            return [(text.indicator_headers(), [text.indicator_cells(r) for r in cast("Catalogue", result).rows])]
        case "Regions":
            return [(text.region_headers(), [text.region_cells(r) for r in cast("Regions", result).regions])]
        case "Findings":
            return [(text.finding_headers(), [text.finding_cells(f) for f in cast("Findings", result)])]
        case "IndicatorView":
            view = cast("IndicatorView", result)
            numbers = text.source_numbers(view.sources)
            history = [text.history_cells(entry, view.indicator, numbers) for entry in view.history()]
            targets = [text.status_cells(row) for row in view.targets]
            sources = [
                [f"[{n}]", s.title or s.outlet or s.id] for s, n in zip(view.sources, numbers.values(), strict=True)
            ]
            return [
                (text.history_headers(), history),
                *([(text.status_headers(), targets)] if targets else []),
                *([(["#", tr("Source")], sources)] if sources else []),
            ]
        case name:
            raise AssertionError(f"no Markdown for {name}")
