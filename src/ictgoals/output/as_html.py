"""The report as one self-contained HTML file: inline CSS and SVG charts, nothing fetched, everything escaped."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from ictgoals.i18n import language, tr
from ictgoals.output import text
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

#: What a browser would act on rather than show: controls (but tab and newlines), line and paragraph
#: separators, bidirectional overrides and isolates (which reorder the text around them), lone surrogates.
_HIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def escape(text: str) -> str:
    """Text from the data as HTML: markup escaped, and each hidden character shown as an escape such as `\\u202e`."""
    return html.escape(re.sub(_HIDDEN, lambda m: f"\\u{ord(m.group()):04x}", text))


STYLE = """
body{font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;color:#1b1b1b;max-width:60rem;margin:2rem auto;
padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.2rem .6rem;
text-align:left;vertical-align:top}.meta{color:#555;font-size:.9rem}.status{font-weight:bold}
.met{color:#1e7b34}.on-track{color:#2e8b57}.at-risk{color:#a06a00}.off-track{color:#c05600}
.regressing,.missed{color:#b03a2e}.no-trend{color:#31708f}.no-data{color:#777}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dt{color:#555}dd{margin:0}
figure{margin:.5rem 0;break-inside:avoid}figure svg{width:100%;max-width:48rem;height:auto}
section.target{break-inside:avoid-page}.warning{color:#8a5300}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
"""


def write(report: Report, out: TextIO, chart: Callable[[TargetSection], str | None], key: str, made: dt.date) -> None:
    """Write the HTML report on `out`; `chart` draws one target's inline SVG (None when it has no figures),
    and `key` is the inline SVG that says what the marks of every chart mean."""
    e = escape
    heading = title(report)
    out.write(f'<!DOCTYPE html>\n<html lang="{language()}">\n<head>\n<meta charset="utf-8">\n')
    out.write(f"<title>{e(heading)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n")
    out.write(f"<h1>{e(heading)}</h1>\n")
    out.write(f'<p class="meta">{e(tr("Made on {date} by ictgoals.", date=made.isoformat()))}<br>\n')
    out.write(f"{e(tr('targets: {targets}', targets=report.targets_file))}<br>\n")
    out.write(f"{e(tr('actuals: {actuals}', actuals=report.actuals_file))}</p>\n</header>\n")
    out.write(f'<section class="summary">\n<h2>{e(tr("Summary"))}</h2>\n')
    out.write(f"<p>{e(text.summary(report.status.summary()))}</p>\n")
    _table(
        out,
        [tr("Target"), tr("Status")],
        [[text.name(s.row.indicator), text.status_word(s.row.status)] for s in report.sections],
        link=True,
    )
    if report.changes is not None:
        out.write(
            "<h3>"
            + e(tr("What changed: {year} against {against}", year=report.changes.year, against=report.changes.against))
            + "</h3>\n"
        )
        lines = change_lines(report.changes)
        if lines:
            out.write("<ul>\n" + "".join(f"<li>{e(line)}</li>\n" for line in lines) + "</ul>\n")
        else:
            out.write(f"<p>{e(tr('No figure has an earlier one to compare with.'))}</p>\n")
    out.write("</section>\n")
    out.write(
        f'<section class="key">\n<h2>{e(tr("How to read the charts"))}</h2>\n<figure>\n{key}</figure>\n</section>\n'
    )
    for number, section in enumerate(report.sections, 1):
        _section(out, number, section, chart)
    if report.findings:
        out.write(f"<section>\n<h2>{e(tr('Warnings from validate'))}</h2>\n<ul>\n")
        out.write("".join(f'<li class="warning">{e(f.message)}</li>\n' for f in report.findings))
        out.write("</ul>\n</section>\n")
    out.write(f"<section>\n<h2>{e(tr('Sources'))}</h2>\n<ul>\n")
    out.write("".join(f"<li>{e(source_line(s))}</li>\n" for s in report.sources))
    out.write("</ul>\n</section>\n</body>\n</html>\n")


def _section(out: TextIO, number: int, section: TargetSection, chart: Callable[[TargetSection], str | None]) -> None:
    e = escape
    row = section.row
    out.write(f'<section class="target" id="target-{number}">\n<h2>{e(text.name(row.indicator))}</h2>\n')
    out.write(f'<p class="status {e(row.status.value)}">{e(text.status_word(row.status))}</p>\n<dl>\n')
    for label, value in section_facts(section):
        out.write(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>\n")
    out.write("</dl>\n")
    svg = chart(section)
    if svg is None:
        out.write(f"<p>{e(tr('No figures yet: nothing to draw.'))}</p>\n")
    else:
        out.write(
            f'<figure class="chart">\n{svg}<figcaption>' + e(chart_caption(section)) + "</figcaption>\n</figure>\n"
        )
    rows = figure_rows(section)
    if rows:
        _table(out, figure_headers(), rows)
    for finding in section.findings:
        out.write(f'<p class="warning">{e(finding.message)}</p>\n')
    out.write("</section>\n")


def _table(out: TextIO, headers: Sequence[str], rows: Sequence[Sequence[str]], link: bool = False) -> None:
    e = escape
    out.write("<table>\n<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in headers) + "</tr></thead>\n<tbody>\n")
    for number, row in enumerate(rows, 1):
        cells = [f'<a href="#target-{number}">{e(row[0])}</a>' if link else e(row[0]), *(e(c) for c in row[1:])]
        out.write("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n")
    out.write("</tbody>\n</table>\n")
