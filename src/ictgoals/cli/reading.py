"""The commands that read: status, diff, show, validate, indicators and regions."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from ictgoals.analysis.checks import Finding, Findings, Severity
from ictgoals.analysis.status import StatusRow, check
from ictgoals.api import reading as api
from ictgoals.cli.shared import (
    EXIT_CHECK_FAILED,
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
    say,
    translates_errors,
)
from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL
from ictgoals.output.formats import Context, Format
from ictgoals.output.render import render
from ictgoals.output.text import check_lines, warning_lines


def note_region(name: str) -> None:
    """Say which province succeeded a former one, when one is asked for."""
    if note := api.region_note(name):
        say(tr("note: {message}", message=note))


def _warn_rows(rows: Sequence[StatusRow]) -> None:
    for line in warning_lines(rows):
        say(line)


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
    report = api.status(run.load(), year, region)
    note_region(report.region)
    _warn_rows(report.rows)
    run.emit(render, report)
    if check_:
        flagged, noted, considered = check(report, strict=strict)
        for line in check_lines(flagged, noted, considered):
            say(line)
        if flagged:
            raise typer.Exit(EXIT_CHECK_FAILED)


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
    run.emit(render, api.diff(run.load(), year, base, region))


@app.command()
@translates_errors
def validate(
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when there are warnings.")] = False,
    fmt: FormatOpt = Format.TABLE,
    output: OutputOpt = None,
    bom: BomOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Check both data files: errors exit 2; warnings exit 0, or 1 with --strict."""
    run = Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    try:
        dataset = run.load()
    except DataError as e:
        error = Finding(Severity.ERROR, "invalid-data", str(e), e.file, e.line)
        run.emit(render, Findings((error,)))
        raise
    findings = api.validate(dataset)
    run.emit(render, findings)
    if findings:
        codes = sorted({f.code for f in findings})
        say(tr("{count} warning(s): {codes}.", count=len(findings), codes=", ".join(codes)))
    if findings and strict:
        raise typer.Exit(EXIT_CHECK_FAILED)


@app.command()
@translates_errors
def indicators(
    fmt: FormatOpt = Format.TABLE,
    output: OutputOpt = None,
    bom: BomOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """List the indicator catalogue with how many targets and figures each has."""
    run = Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    run.emit(render, api.indicators(run.load()))


@app.command()
@translates_errors
def regions(fmt: FormatOpt = Format.TABLE) -> None:
    """List the regions: the nation, the 34 provinces from 1 July 2025, and the 63 before with their successors."""
    render(api.regions(), fmt, sys.stdout, Context.for_stream(sys.stdout, "", "", terminals=(sys.stderr, sys.stdin)))


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
    _warn_rows(view.targets)
    run.emit(render, view)
