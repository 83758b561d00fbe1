"""The commands that share: report, export, and extract from a press report."""

import io
import sys
from pathlib import Path
from typing import Annotated

import typer

from ictgoals.api import sharing as api
from ictgoals.api.files import save
from ictgoals.cli.shared import (
    ActualsOpt,
    ExtractOutputOpt,
    NoCacheOpt,
    RegionOpt,
    Run,
    TargetsOpt,
    YearArg,
    app,
    output_path,
    say,
    stdout_for,
    translates_errors,
)
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL
from ictgoals.output import as_extract
from ictgoals.output.formats import ExtractFormat, ReportFormat, utf8
from ictgoals.writing.inputs import read_file, read_stream


@app.command()
@translates_errors
def extract(
    file: Annotated[str, typer.Argument(help="A report as plain text or HTML, or - for stdin.", show_default=False)],
    source: Annotated[
        str | None, typer.Option("--source", help="The source id the entries of the draft carry.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="The report's date, YYYY-MM-DD, YYYY-MM or YYYY: the year of figures that name none."
        ),
    ] = None,
    region: RegionOpt = NATIONAL,
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="table, json, or toml (a draft to review and import).")
    ] = ExtractFormat.TABLE,
    output: ExtractOutputOpt = None,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Find the figures and targets in a press report, as candidates for a person to review and import."""
    text = read_stream(sys.stdin) if file == "-" else read_file(Path(file))
    run = Run(targets, actuals, no_cache, output=output)
    dataset = run.load()
    found = api.extract(dataset, text, date=date, region=region)
    if run.output is None:  # a terminal sees the printed parts highlighted
        with stdout_for(fmt) as out:
            as_extract.render(found, fmt, out, width=run.width(), source=source, file=file, dataset=dataset)
        return
    buffer = io.StringIO()
    as_extract.render(found, fmt, buffer, width=run.width(), source=source, file=file, dataset=dataset)
    save(run.output, buffer.getvalue())


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
    content = api.report(Run(targets, actuals, no_cache).load(), year, region, notes=notes)
    with utf8(sys.stdout) as out:
        written = api.write_report(content, fmt, target, out)
    if written is not None:
        say(tr("wrote {path}.", path=written))
