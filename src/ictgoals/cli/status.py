"""The command that says where targets stand: `status`, and its `--check` for scripts."""

from __future__ import annotations

from typing import Annotated

import typer

from ictgoals.analysis.status import check
from ictgoals.api.status import status as status_of
from ictgoals.cli.shared import (
    EXIT_CHECK_FAILED,
    ActualsOpt,
    BomOpt,
    FormatOpt,
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
from ictgoals.output.notes import check_lines, warning_lines
from ictgoals.output.render import render


@app.command()
@translates_errors
def status(
    year: YearArg,
    region: RegionOpt = NATIONAL,
    check_: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 if any target is missed, at-risk, off-track, regressing or has no data."),
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="With --check, also fail on no-trend.")] = False,
    fmt: FormatOpt = Format.TABLE,
    output: OutputOpt = None,
    bom: BomOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show every target due in YEAR against the latest figures."""
    run = Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    report = status_of(run.load(), year, region)
    note_region(report.region)
    for line in warning_lines(report.rows):
        say(line)
    run.emit(render, report)
    if check_:
        flagged, noted, considered = check(report, strict=strict)
        for line in check_lines(flagged, noted, considered):
            say(line)
        if flagged:
            raise typer.Exit(EXIT_CHECK_FAILED)
