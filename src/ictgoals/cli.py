"""The commands: options in, one call to the API, the result rendered; `main` is the console-script entry point."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ictgoals import api
from ictgoals.cli_app import (
    _APP_SETTINGS,
    EXIT_CHECK_FAILED,
    EXIT_INTERNAL,
    NUMBERS_AS_ARGUMENTS,
    ActualsOpt,
    AllowConflictOpt,
    DryRunOpt,
    FigureArg,
    FormatOpt,
    NoCacheOpt,
    PrintedFigureOpt,
    RegionOpt,
    TargetsOpt,
    WaitOpt,
    YearArg,
    _say,
    app,
    translates_errors,
)
from ictgoals.errors import DataError
from ictgoals.model import NATIONAL, Dataset, StatusRow
from ictgoals.output.formats import Format

__all__ = ["app", "main"]  # `app` lives in cli_app; tests and the benchmarks reach it here

if TYPE_CHECKING:
    from ictgoals.datafiles.paths import DataFiles
    from ictgoals.output.formats import Context
    from ictgoals.writing.session import Written


class _Run:
    """The data files chosen for one invocation, loaded with the notice a slow load deserves."""

    def __init__(self, targets: Path | None, actuals: Path | None, no_cache: bool = False) -> None:
        self.files: DataFiles = api.files(targets, actuals)
        self.cache = api.cache_wanted(no_cache)

    def load(self) -> Dataset:
        from ictgoals.output.notice import slow_work

        with slow_work(f"reading {self.files.targets} and {self.files.actuals}"):
            return api.load_files(self.files, cache=self.cache)

    def context(self) -> Context:
        from ictgoals.output.formats import Context

        return Context.for_stream(
            sys.stdout, self.files.targets.describe(), self.files.actuals.describe(), terminals=(sys.stderr, sys.stdin)
        )


def _note_region(name: str) -> None:
    if note := api.region_note(name):
        _say(f"note: {note}")


def _warn_rows(rows: Sequence[StatusRow]) -> None:
    if not any(row.warnings for row in rows):
        return  # the usual case: nothing to import or say
    from ictgoals.output.text import warning_lines

    for line in warning_lines(rows):
        _say(line)


# ---------------------------------------------------------------- commands


@app.command()
@translates_errors
def status(
    year: YearArg,
    region: RegionOpt = NATIONAL,
    check: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 if any target is missed, at-risk, off-track, regressing or has no data."),
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="With --check, also fail on no-trend.")] = False,
    fmt: FormatOpt = Format.TABLE,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show every target due in YEAR against the latest figures."""
    from ictgoals.analysis.status import check as failing
    from ictgoals.output.render import render_status

    run = _Run(targets, actuals, no_cache)
    report = api.status(run.load(), year, region)
    _note_region(report.region)
    _warn_rows(report.rows)
    render_status(report, fmt, sys.stdout, run.context())
    if check:
        from ictgoals.output.text import check_lines

        flagged, noted, considered = failing(report, strict=strict)
        for line in check_lines(flagged, noted, considered):
            _say(line)
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
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Compare each figure reported for YEAR with the year before, and list the targets due in YEAR."""
    from ictgoals.output.render import render_diff

    base = api.comparison_year(year, against)  # a usage error needs no data
    run = _Run(targets, actuals, no_cache)
    report = api.diff(run.load(), year, base, region)
    render_diff(report, fmt, sys.stdout, run.context())


@app.command()
@translates_errors
def validate(
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when there are warnings.")] = False,
    fmt: FormatOpt = Format.TABLE,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Check both data files: errors exit 2; warnings exit 0, or 1 with --strict."""
    from ictgoals.analysis.results import Finding, Severity
    from ictgoals.output.render import render_findings

    run = _Run(targets, actuals, no_cache)
    try:
        dataset = run.load()
    except DataError as e:
        error = Finding(Severity.ERROR, "invalid-data", str(e), e.file, e.line)
        render_findings([error], fmt, sys.stdout, run.context())
        raise
    findings = api.validate(dataset)
    render_findings(findings, fmt, sys.stdout, run.context())
    if findings:
        codes = sorted({f.code for f in findings})
        _say(f"{len(findings)} warning(s): {', '.join(codes)}.")
    if findings and strict:
        raise typer.Exit(EXIT_CHECK_FAILED)


@app.command()
@translates_errors
def indicators(
    fmt: FormatOpt = Format.TABLE,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """List the indicator catalogue with how many targets and figures each has."""
    from ictgoals.output.render import render_indicators

    run = _Run(targets, actuals, no_cache)
    render_indicators(run.load(), fmt, sys.stdout, run.context())


@app.command()
@translates_errors
def regions(fmt: FormatOpt = Format.TABLE) -> None:
    """List the regions: the nation, the 34 provinces from 1 July 2025, and the 63 before with their successors."""
    from ictgoals.output.formats import Context
    from ictgoals.output.render import render_regions

    render_regions(
        api.regions(), fmt, sys.stdout, Context.for_stream(sys.stdout, "", "", terminals=(sys.stderr, sys.stdin))
    )


@app.command()
@translates_errors
def show(
    indicator: Annotated[str, typer.Argument(help="Indicator id, e.g. full_online_dossiers.", show_default=False)],
    region: RegionOpt = NATIONAL,
    fmt: FormatOpt = Format.TABLE,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show one indicator's figures by year, with sources, and its targets with their status."""
    from ictgoals.output.render import render_view

    run = _Run(targets, actuals, no_cache)
    view = api.show(run.load(), indicator, region)
    _warn_rows(view.targets)
    render_view(view, fmt, sys.stdout, run.context())


# ---------------------------------------------------------------- writing data


def _show_dry_run(written: Written) -> None:
    """A dry run prints the TOML that would have been appended."""
    if written.dry_run:
        sys.stdout.write(written.text)


@app.command(context_settings=NUMBERS_AS_ARGUMENTS)
@translates_errors
def record(
    indicator: Annotated[str, typer.Argument(help="Indicator id.", show_default=False)],
    year: YearArg,
    source: Annotated[str, typer.Option("--source", help="Source id (declare a new one with --source-title).")],
    value: FigureArg = None,
    region: RegionOpt = NATIONAL,
    printed: PrintedFigureOpt = None,
    estimate: Annotated[bool, typer.Option("--estimate", help="The source gives an estimate (ước đạt).")] = False,
    change: Annotated[str | None, typer.Option("--change", help="Change on an earlier year, as stated.")] = None,
    change_unit: Annotated[str | None, typer.Option("--change-unit", help='"%", "pp" or "places".')] = None,
    change_from: Annotated[
        int | None, typer.Option("--change-from", help="Year of that change (default: YEAR-1).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Free-text note.")] = None,
    source_title: Annotated[
        str | None, typer.Option("--source-title", help="Declare --source as a new source.")
    ] = None,
    source_date: Annotated[
        str | None, typer.Option("--source-date", help="Publication date of the new source.")
    ] = None,
    allow_conflict: AllowConflictOpt = False,
    wait: WaitOpt = None,
    dry_run: DryRunOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
) -> None:
    """Record one reported figure in actuals.toml."""
    from ictgoals.writing.inputs import text_fields

    fields = text_fields(
        indicator=indicator,
        year=year,
        value=value,
        source=source,
        printed=printed,
        estimate=estimate,
        change=change,
        change_unit=change_unit,
        change_from=change_from,
        note=note,
        region=region,
    )
    written = api.record(
        api.files(targets, actuals),
        fields,
        source_title=source_title,
        source_date=source_date,
        allow_conflict=allow_conflict,
        dry_run=dry_run,
        wait=wait,
        notify=_say,
    )
    _show_dry_run(written)
    if written.plan.skipped:
        _say(f"already recorded: {indicator} ({region}, {year}) from '{source}'; nothing written.")
    elif not dry_run:
        _say(f"recorded {indicator} ({region}, {year}) in {written.path}.")


@app.command(name="import")
@translates_errors
def import_(
    file: Annotated[str, typer.Argument(help="CSV or JSON file of figures, or - for stdin.", show_default=False)],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="csv or json (default: from the file name; csv for -).", show_default=False
        ),
    ] = None,
    allow_conflict: AllowConflictOpt = False,
    wait: WaitOpt = None,
    dry_run: DryRunOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
) -> None:
    """Record many figures at once: all of them, or none if any row is bad."""
    written = api.import_file(
        api.files(targets, actuals),
        file,
        fmt,
        stdin=sys.stdin,
        allow_conflict=allow_conflict,
        dry_run=dry_run,
        wait=wait,
        notify=_say,
    )
    _show_dry_run(written)
    verb = "would import" if dry_run else "imported"
    entries, skipped = len(written.plan.entries), written.plan.skipped
    _say(f"{verb} {entries} figure(s) into {written.path}; skipped {skipped} already recorded.")


@app.command(context_settings=NUMBERS_AS_ARGUMENTS)
@translates_errors
def target(
    indicator: Annotated[str, typer.Argument(help="Indicator id.", show_default=False)],
    year: YearArg,
    values: Annotated[
        list[str] | None,
        typer.Argument(
            help="The value; two values (low high) for --op between; none for --op maintain.", show_default=False
        ),
    ] = None,
    op: Annotated[str, typer.Option("--op", help='">=", "<=", "between" or "maintain".')] = ">=",
    source: Annotated[str, typer.Option("--source", help="Source id (declared in targets.toml).")] = "",
    region: RegionOpt = NATIONAL,
    printed: Annotated[str | None, typer.Option("--printed", help="The target as the source prints it.")] = None,
    baseline_year: Annotated[
        int | None, typer.Option("--baseline-year", help="Year progress is measured from.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Free-text note.")] = None,
    wait: WaitOpt = None,
    dry_run: DryRunOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
) -> None:
    """Declare one target in targets.toml."""
    from ictgoals.writing.inputs import text_fields

    fields = text_fields(
        indicator=indicator,
        year=year,
        op=op,
        source=source,
        printed=printed,
        note=note,
        baseline_year=baseline_year,
        region=region,
    )
    written = api.declare_target(
        api.files(targets, actuals), fields, values or [], dry_run=dry_run, wait=wait, notify=_say
    )
    _show_dry_run(written)
    if written.plan.skipped:
        _say(f"already declared: {indicator} ({region}, {year}, {op}); nothing written.")
    elif not dry_run:
        _say(f"declared the target in {written.path}.")


@app.command()
@translates_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Where to put targets.toml and actuals.toml.")] = Path(),
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    wait: WaitOpt = None,
) -> None:
    """Copy the bundled dataset to DIRECTORY, to edit and record into."""
    api.init(directory, force=force, wait=wait, notify=_say)
    _say(f"copied the bundled targets.toml and actuals.toml to {directory}; run ictgoals from there to use them.")


def _app_for(args: list[str]) -> typer.Typer:
    """The app to run: with a command name first, an app holding only that command.

    Typer turns every command's signature into Click parameters before it parses anything,
    which costs about 20 ms for all of them; one is all a run needs. Help, --version and
    unknown names get the full app.
    """
    wanted = args[0] if args else ""
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__.replace("_", "-") if info.callback else "")
        if name == wanted:
            single = typer.Typer(**_APP_SETTINGS)
            single.registered_callback = app.registered_callback
            single.registered_commands = [info]
            return single
    return app


def main() -> None:
    """Console-script entry point: the last guard, so that not even a bug shows a traceback."""
    # A run lives for a fraction of a second and builds up to a few hundred thousand objects
    # (parsed TOML, then the dataset) that form no reference cycles; the cyclic collector would
    # only walk them over and over. Reference counting still frees everything as usual.
    # Measured in bench/README.md: 7% of a cold status at 100,000 figures. Only for the CLI run itself.
    gc.disable()
    try:
        _app_for(sys.argv[1:])()
    except KeyboardInterrupt:
        _say("interrupted.")
        sys.exit(130)
    except Exception as e:  # a bug: say so plainly; ICTGOALS_DEBUG=1 shows the traceback
        if os.environ.get("ICTGOALS_DEBUG"):
            raise
        _say(
            f"internal error: {type(e).__name__}: {e}. This is a bug in ictgoals; please report it "
            "with the command you ran (ICTGOALS_DEBUG=1 shows the details)."
        )
        sys.exit(EXIT_INTERNAL)
