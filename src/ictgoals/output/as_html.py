"""The review report as one self-contained HTML file: inline CSS and SVG charts, nothing fetched, everything escaped.

Page one is the review table (indicator, target, latest figure, % of target, gap, assessment),
worst first; the targets with no figure follow in one line; then a section for each target of the
table, the notes on the data, and the numbered sources. It prints on A4 without cutting a chart or
a row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from html import escape
from typing import TextIO

from ictgoals.analysis.report import Report, TargetSection
from ictgoals.i18n import language, tr
from ictgoals.model import Status
from ictgoals.output import text
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
from ictgoals.output.safe import printable

STYLE = """
body{font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;color:#1b1b1b;max-width:62rem;margin:2rem auto;
padding:0 1rem;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0;font-size:.88rem;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.number{text-align:right;white-space:nowrap}tr{break-inside:avoid}
.meta{color:#555;font-size:.9rem}.region{font-weight:bold}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:.6rem;font-size:.8rem;font-weight:bold;
white-space:nowrap;color:#fff}
.met{background:#1e7b34}.on-track{background:#2e8b57}.at-risk{background:#b07800}.off-track{background:#c05600}
.regressing,.missed{background:#b03a2e}.no-trend{background:#31708f}.no-data{background:#777}
.headline span.badge{margin-right:.4rem}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dt{color:#555}dd{margin:0}
figure{margin:.5rem 0;break-inside:avoid}figure svg{width:100%;max-width:48rem;height:auto}
section.target{break-inside:avoid-page}sup a{text-decoration:none}
ol.sources li,ul.notes li{margin-bottom:.3rem}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}section.review{break-after:page}
a{color:inherit;text-decoration:none}}
"""


def e(value: str) -> str:
    """Text from data as HTML: markup escaped, and control and bidirectional characters shown, never obeyed."""
    return escape(printable(value))


def write(report: Report, out: TextIO, chart: Callable[[TargetSection], str | None], key: str, made: dt.date) -> None:
    """Write the HTML report on `out`; `chart` draws one target's inline SVG (None when it has under two points),
    and `key` is the inline SVG that says what the marks of every chart mean (used when a chart is drawn)."""
    heading = title(report)
    out.write(f'<!DOCTYPE html>\n<html lang="{language()}">\n<head>\n<meta charset="utf-8">\n')
    out.write(f"<title>{e(heading)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n")
    out.write(f"<h1>{e(heading)}</h1>\n")
    out.write(f'<p class="meta">{e(made_line(made))} {e(data_line(report))}</p>\n')
    out.write("".join(f'<p class="region">{e(line)}</p>\n' for line in region_lines(report)))
    out.write("</header>\n")
    _review(report, out)
    charts = [chart(section) for section in report.sections]
    if report.sections:
        out.write(f"<h2>{e(tr('The targets one by one'))}</h2>\n")
        if any(svg is not None for svg in charts):
            out.write(f'<figure class="key">\n{key}<figcaption>{e(tr("How to read the charts"))}</figcaption>\n')
            out.write("</figure>\n")
    for number, (section, svg) in enumerate(zip(report.sections, charts, strict=True), 1):
        _section(report, out, number, section, svg)
    if report.notes:
        out.write(f'<section class="notes">\n<h2>{e(tr("Notes on the data"))}</h2>\n<ul class="notes">\n')
        out.write("".join(f"<li>{_cited(note_line(report, note))}</li>\n" for note in report.notes))
        out.write("</ul>\n</section>\n")
    if report.sources:  # a region without figures cites none
        out.write(f'<section class="sources">\n<h2>{e(tr("Sources"))}</h2>\n<ol class="sources">\n')
        out.write("".join(f'<li id="source-{n}">{e(source_line(s))}</li>\n' for n, s in enumerate(report.sources, 1)))
        out.write("</ol>\n</section>\n")
    out.write("</body>\n</html>\n")


def _review(report: Report, out: TextIO) -> None:
    """Page one: the headline of assessments, the review table, and the targets with no figure in one line."""
    out.write(f'<section class="review">\n<h2>{e(tr("Review table"))}</h2>\n<p class="headline">')
    counts: dict[Status, int] = {}
    for row in [*report.review, *report.without_figures]:  # worst first, as the table is sorted
        counts[row.status] = counts.get(row.status, 0) + 1
    out.write("".join(f'<span class="badge {s.value}">{n} {e(text.status_word(s))}</span>' for s, n in counts.items()))
    out.write("</p>\n")
    if report.review:
        headers = review_headers()
        out.write("<table>\n<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in headers) + "</tr></thead>\n<tbody>\n")
        for number, row in enumerate(report.review, 1):
            name, target, actual, percent, gap, word = review_cells(row)
            refs = "".join(f'<sup><a href="#source-{n}">[{n}]</a></sup>' for n in citations(report, row))
            out.write(
                f'<tr><td><a href="#target-{number}">{e(name)}</a>{refs}</td><td>{e(target)}</td>'
                f'<td class="number">{e(actual)}</td><td class="number">{e(percent)}</td><td>{e(gap)}</td>'
                f'<td><span class="badge {e(row.status.value)}">{e(word)}</span></td></tr>\n'
            )
        out.write("</tbody>\n</table>\n")
        if key := review_key(report):
            out.write(f'<p class="key">{e(key)}</p>\n')
    if line := without_figures_line(report):
        out.write(f"<p>{e(line)}</p>\n")
    if report.changes is not None and (lines := change_lines(report.changes)):
        heading = tr("What changed: {year} against {against}", year=report.changes.year, against=report.changes.against)
        out.write(f"<h3>{e(heading)}</h3>\n<ul>\n" + "".join(f"<li>{e(line)}</li>\n" for line in lines) + "</ul>\n")
    out.write("</section>\n")


def _section(report: Report, out: TextIO, number: int, section: TargetSection, svg: str | None) -> None:
    row = section.row
    out.write(f'<section class="target" id="target-{number}">\n<h3>{e(text.name(row.indicator))} ')
    out.write(f'<span class="badge {e(row.status.value)}">{e(text.status_word(row.status))}</span></h3>\n<dl>\n')
    for label, value in section_facts(section):
        out.write(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>\n")
    refs = ", ".join(f'<a href="#source-{n}">[{n}]</a>' for n in citations(report, row))
    if refs:
        out.write(f"<dt>{e(tr('Sources'))}</dt><dd>{refs}</dd>\n")
    out.write("</dl>\n")
    if svg is None:
        out.write(f"<p>{e(single_point_line(section))}</p>\n")
    else:
        out.write(f'<figure class="chart">\n{svg}<figcaption>{e(chart_caption(section))}</figcaption>\n</figure>\n')
    _table(out, text.history_headers(), figure_rows(report, section))
    out.write("</section>\n")


_CITATION = re.compile(r"\[(\d+)\]")


def _cited(line: str) -> str:
    """A sentence, escaped, whose "[n]" marks become links to the sources."""
    return _CITATION.sub(lambda m: f'<a href="#source-{m[1]}">[{m[1]}]</a>', e(line))


def _table(out: TextIO, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    if not rows:
        return
    out.write("<table>\n<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in headers) + "</tr></thead>\n<tbody>\n")
    for row in rows:
        out.write("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>\n")
    out.write("</tbody>\n</table>\n")
