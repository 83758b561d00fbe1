"""The commands: options in, one call to the API, the result rendered; `main` is the console-script entry point."""

from __future__ import annotations

import gc
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer

from ictgoals import (
    api,
    cli_write,  # noqa: F401  (registers record, import, target and init on the app)
    i18n,
)
from ictgoals.cli_app import (
    _APP_SETTINGS,
    EXIT_CHECK_FAILED,
    EXIT_INTERNAL,
    ActualsOpt,
    BomOpt,
    FormatOpt,
    IndicatorArg,
    NoCacheOpt,
    OutputOpt,
    RegionOpt,
    TargetsOpt,
    YearArg,
    _say,
    app,
    translates_errors,
)
from ictgoals.errors import DataError, UsageError
from ictgoals.model import NATIONAL, Dataset, StatusRow
from ictgoals.output.formats import Context, ExtractFormat, Format, ReportFormat

__all__ = ["app", "main"]  # `app` lives in cli_app; tests and the benchmarks reach it here

if TYPE_CHECKING:
    from ictgoals.datafiles.paths import DataFiles

R = TypeVar("R")


class _Run:
    """One invocation: the data files chosen, loaded with the notice a slow load deserves, and where output goes."""

    def __init__(
        self,
        targets: Path | None,
        actuals: Path | None,
        no_cache: bool = False,
        *,
        fmt: Format = Format.TABLE,
        output: Path | None = None,
        bom: bool = False,
    ) -> None:
        self.files: DataFiles = api.files(targets, actuals)
        self.cache = api.cache_wanted(no_cache)
        self.fmt, self.output, self.bom = fmt, output, bom

    def load(self) -> Dataset:
        from ictgoals.output.notice import slow_work

        with slow_work(
            i18n.tr("reading {targets} and {actuals}", targets=self.files.targets, actuals=self.files.actuals)
        ):
            return api.load_files(self.files, cache=self.cache)

    def width(self) -> int | None:
        """How wide tables are: as `formats.width_for` says for stdout; in an --output file, $COLUMNS or 120."""
        from ictgoals.output.formats import file_width, width_for

        if self.output is None:
            return width_for(sys.stdout, os.environ, (sys.stderr, sys.stdin))
        return file_width(os.environ)

    def emit(self, render: Callable[[R, Format, TextIO, Context], None], result: R) -> None:
        """Render `result` on stdout, or into --output, which is replaced atomically when it is complete."""
        targets, actuals = self.files.targets.describe(), self.files.actuals.describe()
        if self.output is None:
            if self.fmt is Format.XLSX and sys.stdout.isatty():
                raise UsageError(i18n.tr("--format xlsx is a binary file: give -o FILE.xlsx, or redirect stdout."))
            terminals = (sys.stderr, sys.stdin)
            render(
                result,
                self.fmt,
                sys.stdout,
                Context.for_stream(sys.stdout, targets, actuals, terminals=terminals, bom=self.bom),
            )
            return
        buffer = io.BytesIO()
        stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        render(result, self.fmt, stream, Context(targets, actuals, width=self.width(), color=False, bom=self.bom))
        stream.flush()
        api.save(self.output, buffer.getvalue())


def _note_region(name: str) -> None:
    if note := api.region_note(name):
        _say(i18n.tr("note: {message}", message=note))


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
    output: OutputOpt = None,
    bom: BomOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show every target due in YEAR against the latest figures."""
    from ictgoals.analysis.status import check as failing
    from ictgoals.output.render import render_status

    run = _Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    report = api.status(run.load(), year, region)
    _note_region(report.region)
    _warn_rows(report.rows)
    run.emit(render_status, report)
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
    output: OutputOpt = None,
    bom: BomOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Compare each figure reported for YEAR with the year before, and list the targets due in YEAR."""
    from ictgoals.output.render import render_diff

    base = api.comparison_year(year, against)  # a usage error needs no data
    run = _Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    report = api.diff(run.load(), year, base, region)
    run.emit(render_diff, report)


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
    from ictgoals.analysis.results import Finding, Severity
    from ictgoals.output.render import render_findings

    run = _Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    try:
        dataset = run.load()
    except DataError as e:
        error = Finding(Severity.ERROR, "invalid-data", str(e), e.file, e.line)
        run.emit(render_findings, [error])
        raise
    findings = api.validate(dataset)
    run.emit(render_findings, findings)
    if findings:
        codes = sorted({f.code for f in findings})
        _say(i18n.tr("{count} warning(s): {codes}.", count=len(findings), codes=", ".join(codes)))
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
    from ictgoals.output.render import render_indicators

    run = _Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    run.emit(render_indicators, run.load())


@app.command()
@translates_errors
def regions(fmt: FormatOpt = Format.TABLE) -> None:
    """List the regions: the nation, the 34 provinces from 1 July 2025, and the 63 before with their successors."""
    from ictgoals.output.render import render_regions

    render_regions(
        api.regions(), fmt, sys.stdout, Context.for_stream(sys.stdout, "", "", terminals=(sys.stderr, sys.stdin))
    )


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
    from ictgoals.output.render import render_view

    run = _Run(targets, actuals, no_cache, fmt=fmt, output=output, bom=bom)
    view = api.show(run.load(), indicator, region)
    _warn_rows(view.targets)
    run.emit(render_view, view)


@app.command()
@translates_errors
def extract(
    file: Annotated[str, typer.Argument(help="A report as plain text or HTML, or - for stdin.", show_default=False)],
    source: Annotated[
        str | None, typer.Option("--source", help="The source id the entries of the draft carry.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="The report's date, YYYY-MM-DD: the year of figures that name none.")
    ] = None,
    region: RegionOpt = NATIONAL,
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="table, json, or toml (a draft to review and import).")
    ] = ExtractFormat.TABLE,
    output: OutputOpt = None,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Find the figures and targets in a press report, as candidates for a person to review and import."""
    from ictgoals import api_share
    from ictgoals.output import as_extract
    from ictgoals.writing.inputs import read_file, read_stream

    text = read_stream(sys.stdin) if file == "-" else read_file(Path(file))
    run = _Run(targets, actuals, no_cache, output=output)
    dataset = run.load()
    found = api_share.extract(dataset, text, date=date, region=region)
    out = sys.stdout if output is None else io.StringIO()  # a terminal sees the printed parts highlighted
    as_extract.render(found, fmt, out, width=run.width(), source=source, file=file, dataset=dataset)
    if isinstance(out, io.StringIO) and output is not None:
        api.save(output, out.getvalue())


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
    from ictgoals import api_share

    if to != "datapackage":
        raise UsageError(i18n.tr("--to {format}: the one package format is datapackage.", format=to))
    written = api_share.export_datapackage(_Run(targets, actuals, no_cache).load(), directory)
    _say(i18n.tr("wrote {count} files in {directory}.", count=len(written), directory=directory))


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
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write a report to share: summary, what changed, and a chart per target (needs the report extra)."""
    from ictgoals import api_share

    run = _Run(targets, actuals, no_cache)
    content = api_share.report(run.load(), year, region)
    _note_region(content.region)
    written = api_share.write_report(content, fmt, output, sys.stdout)
    if written is not None:
        _say(i18n.tr("wrote {path}.", path=written))


def _app_for(args: list[str]) -> typer.Typer:
    """The app to run: with a command name first, an app holding only that command.

    Typer turns every command's signature into Click parameters before it parses anything,
    which costs about 20 ms for all of them; one is all a run needs. Help, --version, unknown
    names and shell completion get the full app.
    """
    wanted = args[0] if args and not any(k.endswith("_COMPLETE") for k in os.environ) else ""
    chosen = app
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__.replace("_", "-") if info.callback else "")
        if name == wanted:
            chosen = typer.Typer(**_APP_SETTINGS)
            chosen.registered_callback = app.registered_callback
            chosen.registered_commands = [info]
    return chosen


def _language(args: list[str]) -> list[str]:
    """Choose the run's language from --lang (anywhere before `--`), $ICTGOALS_LANG or the locale;
    the arguments left for the command."""
    rest, wanted, index = [], None, 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg == "--lang" and index + 1 < len(args):
            wanted, index = args[index + 1], index + 2
            continue
        if arg.startswith("--lang="):
            wanted = arg.partition("=")[2]
        else:
            rest.append(arg)
        index += 1
    i18n.use(i18n.choose(wanted))
    return rest


def main() -> None:
    """Console-script entry point: the last guard, so that not even a bug shows a traceback."""
    # A run lives for a fraction of a second and builds up to a few hundred thousand objects
    # (parsed TOML, then the dataset) that form no reference cycles; the cyclic collector would
    # only walk them over and over. Reference counting still frees everything as usual.
    # Measured in bench/README.md: 7% of a cold status at 100,000 figures. Only for the CLI run itself.
    gc.disable()
    try:
        args = _language(sys.argv[1:])
    except ValueError as e:
        _say(f"error: --lang: {e}.")
        sys.exit(2)
    try:
        command = typer.main.get_command(_app_for(args))
        if i18n.language() != i18n.DEFAULT:
            from ictgoals import cli_lang
            from ictgoals.locales import messages_for

            cli_lang.translate_commands(command)
            cli_lang.translate_typer(messages_for(i18n.language()).CLICK_ERRORS)
        command(args=args)
    except KeyboardInterrupt:
        _say(i18n.tr("interrupted."))
        sys.exit(130)
    except Exception as e:  # a bug: say so plainly; ICTGOALS_DEBUG=1 shows the traceback
        if os.environ.get("ICTGOALS_DEBUG"):
            raise
        _say(
            i18n.tr(
                "internal error: {error}. This is a bug in ictgoals; please report it with the command you ran "
                "(ICTGOALS_DEBUG=1 shows the details).",
                error=f"{type(e).__name__}: {e}",
            )
        )
        sys.exit(EXIT_INTERNAL)
