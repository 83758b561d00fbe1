"""The commands that share: report and export."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ictgoals.api import sharing as api
from ictgoals.api.status import due_years
from ictgoals.cli.shared import (
    ActualsOpt,
    NoCacheOpt,
    RegionOpt,
    Run,
    TargetsOpt,
    YearArg,
    app,
    output_path,
    say,
    translates_errors,
)
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL
from ictgoals.output.formats import ReportFormat, utf8
from ictgoals.output.notes import no_targets_line


@app.command()
@translates_errors
def export(
    directory: Annotated[Path, typer.Argument(help="The directory to write the package into.", show_default=False)],
    to: Annotated[
        str, typer.Option("--to", help="The package format: datapackage (Frictionless Data Package).")
    ] = "datapackage",
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write the whole dataset as an open-data package: CSV files with typed schemas and keys."""
    if to != "datapackage":
        raise UsageError(tr("--to {format}: the one package format is datapackage.", format=to))
    if str(directory) == "-":
        raise UsageError(tr("export writes a directory of files: give its path; - (standard output) cannot hold one."))
    written = api.export_datapackage(Run(targets, actuals, no_cache).load(), directory)
    say(tr("wrote {count} files in {directory}.", count=len(written), directory=directory))


@app.command()
@translates_errors
def report(
    year: YearArg,
    region: RegionOpt = NATIONAL,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="html: one self-contained file; markdown: a directory.")
    ] = ReportFormat.HTML,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File (html) or directory (markdown) to write; html goes to stdout without it."
        ),
    ] = None,
    notes: Annotated[
        bool, typer.Option("--notes/--no-notes", help="End with the notes on the data (where sources disagree).")
    ] = True,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write the year-end review: the review table, each target's figures and chart, notes and sources."""
    target = output_path(output)
    if target is None and fmt is ReportFormat.HTML and sys.stdout.isatty():
        raise UsageError(tr("report writes an HTML file: give -o report.html, or redirect stdout to a file."))
    dataset = Run(targets, actuals, no_cache).load()
    content = api.report(dataset, year, region, notes=notes)
    if not content.status.rows:  # a review of nothing: a mistyped year, as under status --check
        raise UsageError(
            no_targets_line(year, due_years(dataset))
            + " "
            + tr("There is nothing to review: give a year that has targets.")
        )
    with utf8(sys.stdout) as out:
        written = api.write_report(content, fmt, target, out)
    if written is not None:
        say(tr("wrote {path}.", path=written))
