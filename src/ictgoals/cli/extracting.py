"""The command that reads a press report: `extract`, its figures and targets as candidates to review and import."""

import io
import sys
from pathlib import Path
from typing import Annotated

import typer

from ictgoals.api import extracting as api
from ictgoals.api.files import save
from ictgoals.cli.shared import (
    ActualsOpt,
    ExtractOutputOpt,
    NoCacheOpt,
    RegionOpt,
    Run,
    TargetsOpt,
    app,
    stdout_for,
    translates_errors,
)
from ictgoals.model import NATIONAL
from ictgoals.output import as_extract
from ictgoals.output.formats import ExtractFormat
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
            as_extract.render(found, fmt, out, width=run.width(), source=source, file=file, dataset=dataset, date=date)
        return
    buffer = io.StringIO()
    as_extract.render(found, fmt, buffer, width=run.width(), source=source, file=file, dataset=dataset, date=date)
    save(run.output, buffer.getvalue())
