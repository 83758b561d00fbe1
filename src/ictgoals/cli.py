"""The command line: parses options, runs load → compute → render, and maps errors to exit codes."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ictgoals import __version__
from ictgoals.errors import DataError, IctgoalsError, UsageError
from ictgoals.model import NATIONAL, Dataset, Finding, Severity, Status, StatusRow
from ictgoals.render import Format

app = typer.Typer(
    name="ictgoals",
    help="Track Vietnam's digital-transformation targets against the reported figures.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT = 0, 1, 2

#: Statuses that make `status --check` exit 1; `no-trend` joins them with --strict.
CHECK_FAILS = frozenset({Status.MISSED, Status.NO_DATA, Status.AT_RISK, Status.OFF_TRACK, Status.REGRESSING})

F = TypeVar("F", bound=Callable[..., Any])


def _say(message: str) -> None:
    sys.stderr.write(f"ictgoals: {message}\n")


def _quiet_stdout() -> None:
    """After the reader of stdout has gone, point stdout at /dev/null so exiting stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def translates_errors(command: F) -> F:
    """Turn our exceptions into one message on stderr and an exit code; this is the only place that does."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = command(*args, **kwargs)
            sys.stdout.flush()
            return result
        except IctgoalsError as e:
            _say(f"error: {e}")
            raise typer.Exit(e.exit_code) from e
        except BrokenPipeError:
            _quiet_stdout()
            raise typer.Exit(EXIT_OK) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ictgoals {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Track Vietnam's digital-transformation targets against the reported figures."""


# ---------------------------------------------------------------- shared options

TargetsOpt = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        help="targets.toml to read [default: $ICTGOALS_TARGETS, ./targets.toml, or the bundled copy]",
        show_default=False,
    ),
]
ActualsOpt = Annotated[
    Path | None,
    typer.Option(
        "--actuals",
        help="actuals.toml to read [default: $ICTGOALS_ACTUALS, ./actuals.toml, or the bundled copy]",
        show_default=False,
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
RegionOpt = Annotated[
    str,
    typer.Option(
        "--region", "-r", help='Region: "VN" (national) or a province, e.g. "Trà Vinh"; case and accents ignored.'
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Do not use or write the parsed-data cache (also: ICTGOALS_NO_CACHE=1).")
]
YearArg = Annotated[
    int, typer.Argument(min=1900, max=2100, metavar="YEAR", help="Target year, e.g. 2025.", show_default=False)
]


class _Run:
    """The data chosen for one invocation and the context the renderers need."""

    def __init__(self, targets: Path | None, actuals: Path | None, no_cache: bool) -> None:
        from ictgoals import loading

        self.targets_path = loading.resolve(targets, loading.ENV_TARGETS, loading.TARGETS_FILE)
        self.actuals_path = loading.resolve(actuals, loading.ENV_ACTUALS, loading.ACTUALS_FILE)
        self.no_cache = no_cache or os.environ.get("ICTGOALS_NO_CACHE", "") not in ("", "0")

    def load(self) -> Dataset:
        from ictgoals import loading

        return loading.load(self.targets_path, self.actuals_path)

    def context(self) -> Any:
        from ictgoals.render import Context

        width = None if sys.stdout.isatty() else int(os.environ.get("COLUMNS", "0") or 0) or 120
        return Context(_describe(self.targets_path), _describe(self.actuals_path), width=width)


def _describe(path: Any) -> str:
    return f"{path.path} ({path.origin})" if path.origin != "option" else str(path.path)


def _region(dataset: Dataset, wanted: str) -> str:
    from ictgoals.compute import canonical_region

    region = canonical_region(dataset, wanted)
    if region is None:
        known = ", ".join(dataset.regions())
        raise UsageError(f'--region "{wanted}": no targets or figures for this region. Known regions: {known}.')
    return region


def _warn_rows(rows: Iterable[StatusRow]) -> None:
    for row in rows:
        for warning in row.warnings:
            _say(f"warning: {row.target.indicator} ({row.region}, {row.target.year}): {warning}.")


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
    from ictgoals import compute
    from ictgoals.render import render_status

    run = _Run(targets, actuals, no_cache)
    dataset = run.load()
    report = compute.status(dataset, year, _region(dataset, region))
    _warn_rows(report.rows)
    render_status(report, fmt, sys.stdout, run.context())
    if check:
        failing = CHECK_FAILS | ({Status.NO_TREND} if strict else set())
        flagged = [r for r in report.rows if r.status in failing]
        noted = [r for r in report.rows if r.status is Status.NO_TREND and not strict]
        for row in flagged + noted:
            _say(f"check: {row.status.value}: {row.target.indicator} ({row.region}, {row.target.year})")
        if flagged:
            _say(f"check failed: {len(flagged)} of {len(report.rows)} targets need attention.")
            raise typer.Exit(EXIT_CHECK_FAILED)


@app.command()
@translates_errors
def diff(
    year: YearArg,
    against: Annotated[
        int | None,
        typer.Option(
            "--against", min=1900, max=2100, help="Earlier year to compare with [default: YEAR-1].", show_default=False
        ),
    ] = None,
    region: RegionOpt = NATIONAL,
    fmt: FormatOpt = Format.TABLE,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Compare each figure reported for YEAR with the year before, and list the targets due in YEAR."""
    from ictgoals import compute
    from ictgoals.render import render_diff

    base = year - 1 if against is None else against
    if base >= year:
        raise UsageError(f"--against {base} must be earlier than {year}.")
    run = _Run(targets, actuals, no_cache)
    dataset = run.load()
    report = compute.diff(dataset, year, base, _region(dataset, region))
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
    from ictgoals import compute
    from ictgoals.render import render_findings

    run = _Run(targets, actuals, no_cache)
    try:
        dataset = run.load()
    except DataError as e:
        error = Finding(Severity.ERROR, "invalid-data", str(e), e.where.split(":")[0] or None)
        render_findings([error], fmt, sys.stdout, run.context())
        raise
    findings = compute.validate(dataset)
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
    from ictgoals.render import render_indicators

    run = _Run(targets, actuals, no_cache)
    render_indicators(run.load(), fmt, sys.stdout, run.context())


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
    import difflib

    from ictgoals import compute
    from ictgoals.render import render_view

    run = _Run(targets, actuals, no_cache)
    dataset = run.load()
    if indicator not in dataset.indicators:
        close = difflib.get_close_matches(indicator, list(dataset.indicators), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else " Run `ictgoals indicators` to list them."
        raise UsageError(f"unknown indicator '{indicator}' in {dataset.targets_file}.{hint}")
    view = compute.show(dataset, indicator, _region(dataset, region))
    _warn_rows(view.targets)
    render_view(view, fmt, sys.stdout, run.context())


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        _say("interrupted.")
        sys.exit(130)
