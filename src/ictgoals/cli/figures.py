"""The commands about figures over time: `diff` (one year against another) and `show` (one indicator)."""

from typing import Annotated

import typer

from ictgoals.api import figures as api
from ictgoals.cli.shared import (
    ActualsOpt,
    BomOpt,
    FormatOpt,
    IndicatorArg,
    NoCacheOpt,
    OutputOpt,
    RegionOpt,
    Run,
    TargetsOpt,
    YearArg,
    app,
    note_region,
    say,
    translates_errors,
)
from ictgoals.model import NATIONAL
from ictgoals.output.formats import Format
from ictgoals.output.notes import warning_lines
from ictgoals.output.render import render


@app.command()
@translates_errors
def diff(
    year: YearArg,
    against: Annotated[
        int | None,
        typer.Option(
            "--against", min=1900, max=2100, help="Earlier year to compare with (default: YEAR-1).", show_default=False
        ),
    ] = None,
    region: RegionOpt = NATIONAL,
    fmt: FormatOpt = Format.TABLE,
    output: OutputOpt = None,
    bom: BomOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Compare each figure reported for YEAR with the year before, and list the targets due in YEAR."""
    base = api.comparison_year(year, against)  # a usage error needs no data
    run = Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    report = api.diff(run.load(), year, base, region)
    note_region(report.region)
    for line in warning_lines(report.targets):
        say(line)
    run.emit(render, report)


@app.command()
@translates_errors
def show(
    indicator: IndicatorArg,
    region: RegionOpt = NATIONAL,
    fmt: FormatOpt = Format.TABLE,
    output: OutputOpt = None,
    bom: BomOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show one indicator's figures by year, with sources, and its targets with their status."""
    run = Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    view = api.show(run.load(), indicator, region)
    note_region(view.region)
    for line in warning_lines(view.targets):
        say(line)
    run.emit(render, view)
