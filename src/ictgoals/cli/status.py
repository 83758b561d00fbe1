"""The command that says where targets stand: `status`, and its `--check` for scripts."""

from typing import Annotated

import typer

from ictgoals.analysis.status import check
from ictgoals.api.status import due_years
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
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL
from ictgoals.output.formats import Format
from ictgoals.output.notes import check_lines, no_targets_line, nothing_of_its_own, warning_lines
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
    every_row: Annotated[
        bool,
        typer.Option("--all", help="Tables: list the targets without figures too (by default one line names them)."),
    ] = False,
    fmt: FormatOpt = Format.TABLE,
    output: OutputOpt = None,
    bom: BomOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show every target due in YEAR against the latest figures."""
    run = Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom, every_row=every_row)
    dataset = run.load()
    report = status_of(dataset, year, region)
    note_region(report.region)
    if not report.rows:
        nothing = no_targets_line(year, due_years(dataset))
        if check_:  # a gate that checks a year with no targets is a mistake in the gate, not a pass
            raise UsageError(nothing + " " + tr("--check has nothing to check: give a year that has targets."))
        say(tr("note: {message}", message=nothing))
    if check_:
        flagged, noted, considered = check(report, strict=strict)
        if report.rows and not considered:  # only the nation's targets, measured on a province's figures
            raise UsageError(nothing_of_its_own(report.region, year))
    for line in warning_lines(report.rows):
        say(line)
    run.emit(render, report)
    if check_:
        for line in check_lines(flagged, noted, considered):
            say(line)
        if flagged:
            raise typer.Exit(EXIT_CHECK_FAILED)
