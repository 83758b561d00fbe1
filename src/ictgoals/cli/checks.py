"""The command that checks the data files: `validate`."""

from typing import Annotated

import typer

from ictgoals.analysis.checks import Finding, Findings, Severity
from ictgoals.api.checks import validate as findings_in
from ictgoals.cli.shared import (
    EXIT_CHECK_FAILED,
    ActualsOpt,
    BomOpt,
    FormatOpt,
    NoCacheOpt,
    OutputOpt,
    Run,
    TargetsOpt,
    app,
    say,
    translates_errors,
)
from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.output.formats import Format
from ictgoals.output.render import render


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
    findings = findings_in(dataset)
    run.emit(render, findings)
    if findings:
        codes = sorted({f.code for f in findings})
        say(tr("{count} warning(s): {codes}.", count=len(findings), codes=", ".join(codes)))
    if findings and strict:
        raise typer.Exit(EXIT_CHECK_FAILED)
