"""The review report as Markdown: the same content as the HTML, with each chart as an SVG file next to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TextIO

from ictgoals.analysis.report import Report, TargetSection
from ictgoals.i18n import tr
from ictgoals.output import as_markdown, text
from ictgoals.output.as_markdown import escape
from ictgoals.output.report_text import (
    change_lines,
    chart_caption,
    citations,
    data_line,
    figure_rows,
    made_line,
    note_line,
    region_lines,
    review_cells,
    review_headers,
    review_key,
    section_facts,
    single_point_line,
    source_line,
    title,
    without_figures_line,
)


def write(
    report: Report,
    out: TextIO,
    chart_file: Callable[[int, TargetSection], str | None],
    key_file: Callable[[], str],
    made: dt.date,
) -> None:
    """Write the Markdown report; `chart_file(n, section)` saves target n's chart and gives its relative path
    (None when it has under two points), and `key_file()` saves the picture that says what the marks of every
    chart mean and gives its path."""
    out.write(f"# {escape(title(report))}\n\n{escape(made_line(made))} {escape(data_line(report))}\n\n")
    out.write("".join(f"**{escape(line)}**\n\n" for line in region_lines(report)))
    out.write(f"## {escape(tr('Review table'))}\n\n")
    if report.review:
        rows = []
        for row in report.review:
            cells = review_cells(row)
            cells[0] += "".join(f" [{n}]" for n in citations(report, row))
            rows.append(cells)
        as_markdown.write(review_headers(), rows, out)
        out.write("\n")
        if key := review_key(report):
            out.write(f"{escape(key)}\n\n")
    if line := without_figures_line(report):
        out.write(f"{escape(line)}\n\n")
    if report.changes is not None and (lines := change_lines(report.changes)):
        heading = tr("What changed: {year} against {against}", year=report.changes.year, against=report.changes.against)
        out.write(f"### {escape(heading)}\n\n" + "".join(f"- {escape(line)}\n" for line in lines) + "\n")
    paths = [chart_file(number, section) for number, section in enumerate(report.sections, 1)]
    if report.sections:
        out.write(f"## {escape(tr('The targets one by one'))}\n\n")
        if any(paths):
            out.write(f"![{escape(tr('How to read the charts'))}]({key_file()})\n\n")
    for number, (section, path) in enumerate(zip(report.sections, paths, strict=True), 1):
        _section(report, out, number, section, path)
    if report.notes:
        out.write(f"## {escape(tr('Notes on the data'))}\n\n")
        out.write("".join(f"- {escape(note_line(report, note))}\n" for note in report.notes) + "\n")
    if report.sources:  # a region without figures cites none
        out.write(f"## {escape(tr('Sources'))}\n\n")
        out.write("".join(f"{n}. {escape(source_line(s))}\n" for n, s in enumerate(report.sources, 1)))


def _section(report: Report, out: TextIO, number: int, section: TargetSection, path: str | None) -> None:
    row = section.row
    out.write(f"### {number}. {escape(text.name(row.indicator))}: {escape(text.status_word(row.status))}\n\n")
    out.write("".join(f"- {escape(label)}: {escape(value)}\n" for label, value in section_facts(section)))
    refs = ", ".join(f"[{n}]" for n in citations(report, row))
    if refs:
        out.write(f"- {escape(tr('Sources'))}: {escape(refs)}\n")
    out.write("\n")
    if path is None:
        out.write(f"{escape(single_point_line(section))}\n\n")
    else:
        out.write(f"![{escape(chart_caption(section))}]({path})\n\n")
    figures = figure_rows(report, section)
    if figures:
        as_markdown.write(text.history_headers(), figures, out)
        out.write("\n")
