"""The commands that list the catalogues: `indicators` and `regions`."""

import sys

from ictgoals.api import catalogues as api
from ictgoals.cli.shared import (
    ActualsOpt,
    BomOpt,
    FormatOpt,
    NoCacheOpt,
    OutputOpt,
    Run,
    TargetsOpt,
    app,
    stdout_for,
    translates_errors,
)
from ictgoals.output.formats import Context, Format
from ictgoals.output.render import render


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
    context = Context.for_stream(sys.stdout, "", "", terminals=(sys.stderr, sys.stdin))
    with stdout_for(fmt) as out:
        render(api.regions(), fmt, out, context)
