"""The sharing side of the API: the dataset as a data package, and a report to hand on."""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ictgoals.analysis import report as reporting
from ictgoals.analysis.report import Report, TargetSection
from ictgoals.api.files import save, save_all
from ictgoals.api.regions import resolve_region
from ictgoals.api.status import due_years, status
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import ALL_REGIONS as ALL
from ictgoals.model import NATIONAL, Dataset
from ictgoals.output import as_csv, as_html, datapackage, report_charts, report_markdown
from ictgoals.output.formats import ReportFormat, unreachable


def export_datapackage(dataset: Dataset, directory: Path) -> list[Path]:
    """Write the dataset as a Frictionless Data Package into `directory`: datapackage.json and a CSV per
    resource (sources, indicators, targets, actuals, and the status of every target in every year that
    has targets, for every region). Each file is replaced atomically, once every one is known to be writable
    (`api.files.save_all`). Returns the files written."""
    reports = [status(dataset, year, ALL) for year in due_years(dataset)]
    contents: dict[str, str | bytes] = {}
    parts = datapackage.resources(dataset, reports)
    for name, fields, rows in parts:
        buffer = io.StringIO()
        as_csv.write(rows, [f["name"] for f in fields], buffer)
        contents[f"{name}.csv"] = buffer.getvalue()
    title = tr("Vietnam's digital-transformation targets and reported figures")
    document = datapackage.descriptor([(name, fields) for name, fields, _ in parts], title)
    contents["datapackage.json"] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return save_all(directory, contents)


def report(dataset: Dataset, year: int, region: str = NATIONAL, *, notes: bool = True) -> Report:
    """What the year-end review of the targets due in `year` in a region says; without `notes`, no notes on
    the data."""
    return reporting.report(dataset, year, resolve_region(dataset, region), notes=notes)


def write_report(
    content: Report, fmt: ReportFormat, output: Path | None, out: TextIO, made: datetime.date | None = None
) -> Path | None:
    """Write the report: HTML to `output` (a file) or to `out`; Markdown into the directory `output`,
    with the charts as SVG files beside it, named by indicator. Files are replaced atomically, and the
    Markdown's only once every path is known to be writable. Returns what was written."""
    made = made or datetime.date.today()
    match fmt:
        case ReportFormat.HTML:
            buffer = io.StringIO()
            drawn = report_charts.draw_all(content.sections, inline=True)
            by_section = {id(section): svg for section, svg in zip(content.sections, drawn, strict=True)}
            as_html.write(
                content, buffer, lambda section: by_section[id(section)], report_charts.key(inline=True), made
            )
            if output is None:
                out.write(buffer.getvalue())
                return None
            save(output, buffer.getvalue())
            return output
        case ReportFormat.MARKDOWN:
            if output is None:
                raise UsageError(tr("--format markdown writes a directory: give it with -o DIR."))
            pictures = report_charts.draw_all(content.sections, inline=False)
            names = chart_names(content.sections)
            files: dict[str, str | bytes] = {}

            def chart_file(number: int, section: TargetSection) -> str | None:
                svg = pictures[number - 1]
                if svg is None:
                    return None
                files[f"charts/{names[number - 1]}"] = svg
                return f"charts/{names[number - 1]}"

            def key_file() -> str:
                files["charts/key.svg"] = report_charts.key(inline=False)
                return "charts/key.svg"

            buffer = io.StringIO()
            report_markdown.write(content, buffer, chart_file, key_file, made)
            files["report.md"] = buffer.getvalue()
            save_all(output, files)  # every chart and the text, or nothing
            return output / "report.md"
        case _:
            unreachable(fmt)
    return None


def chart_names(sections: Sequence[TargetSection]) -> list[str]:
    """A file name per section's chart, by indicator: `full_online_dossiers.svg`, then `…-2.svg` for a second
    target on the same indicator."""
    seen: dict[str, int] = {}
    names = []
    for section in sections:
        indicator = section.row.target.indicator
        seen[indicator] = seen.get(indicator, 0) + 1
        names.append(f"{indicator}.svg" if seen[indicator] == 1 else f"{indicator}-{seen[indicator]}.svg")
    return names
