"""The report as Markdown: the same content as the HTML, with each chart as an SVG file next to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from ictgoals.i18n import tr
from ictgoals.output import as_markdown, text
from ictgoals.output.as_markdown import escape
from ictgoals.output.report_text import (
    change_lines,
    chart_caption,
    figure_headers,
    figure_rows,
    section_facts,
    source_line,
    title,
)

if TYPE_CHECKING:
    from ictgoals.analysis.report import Report, TargetSection


def write(
    report: Report, out: TextIO, chart_file: Callable[[int, TargetSection], str | None], key_file: str, made: dt.date
) -> None:
    """Write the Markdown report; `chart_file(n, section)` saves target n's chart and gives its relative path,
    and `key_file` is the path of the picture that says what the marks of every chart mean."""
    out.write(f"# {escape(title(report))}\n\n")
    out.write(escape(tr("Made on {date} by ictgoals.", date=made.isoformat())) + "\n\n")
    out.write(f"- {escape(tr('targets: {targets}', targets=report.targets_file))}\n")
    out.write(f"- {escape(tr('actuals: {actuals}', actuals=report.actuals_file))}\n\n")
    out.write(f"## {escape(tr('Summary'))}\n\n{escape(text.summary(report.status.summary()))}\n\n")
    rows = [[text.name(s.row.indicator), text.status_word(s.row.status)] for s in report.sections]
    as_markdown.write([tr("Target"), tr("Status")], rows, out)
    if report.changes is not None:
        heading = tr("What changed: {year} against {against}", year=report.changes.year, against=report.changes.against)
        out.write(f"\n### {escape(heading)}\n\n")
        lines = change_lines(report.changes) or [tr("No figure has an earlier one to compare with.")]
        out.write("".join(f"- {escape(line)}\n" for line in lines))
    out.write(f"\n## {escape(tr('How to read the charts'))}\n\n![{escape(tr('How to read the charts'))}]({key_file})\n")
    for number, section in enumerate(report.sections, 1):
        row = section.row
        out.write(
            f"\n## {number}. {escape(text.name(row.indicator))}\n\n**{escape(text.status_word(row.status))}**\n\n"
        )
        out.write("".join(f"- {escape(label)}: {escape(value)}\n" for label, value in section_facts(section)))
        path = chart_file(number, section)
        if path is None:
            out.write(f"\n{escape(tr('No figures yet: nothing to draw.'))}\n")
        else:
            out.write(f"\n![{escape(chart_caption(section))}]({path})\n")
        figures = figure_rows(section)
        if figures:
            out.write("\n")
            as_markdown.write(figure_headers(), figures, out)
        out.write("".join(f"\n> {escape(f.message)}\n" for f in section.findings))
    if report.findings:
        out.write(f"\n## {escape(tr('Warnings from validate'))}\n\n")
        out.write("".join(f"- {escape(f.message)}\n" for f in report.findings))
    out.write(f"\n## {escape(tr('Sources'))}\n\n")
    out.write("".join(f"- {escape(source_line(s))}\n" for s in report.sources))
