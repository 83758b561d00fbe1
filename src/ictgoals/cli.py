"""The command line: parses options, runs load → compute → render, and maps errors to exit codes."""

from __future__ import annotations

import functools
import gc
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ictgoals import __version__
from ictgoals.errors import DataError, IctgoalsError, UsageError, WriteError
from ictgoals.model import NATIONAL, Dataset, Status, StatusRow
from ictgoals.render import Format

if TYPE_CHECKING:
    from ictgoals.render import Context

_APP_SETTINGS: dict[str, Any] = {
    "name": "ictgoals",
    "help": "Track Vietnam's digital-transformation targets against the reported figures.",
    "add_completion": False,
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**_APP_SETTINGS)

EXIT_OK, EXIT_CHECK_FAILED, EXIT_INTERNAL = 0, 1, 3  # bad input and usage exit 2: IctgoalsError.exit_code

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
        help="targets.toml to read (default: $ICTGOALS_TARGETS, ./targets.toml, or the bundled copy)",
        show_default=False,
    ),
]
ActualsOpt = Annotated[
    Path | None,
    typer.Option(
        "--actuals",
        help="actuals.toml to read (default: $ICTGOALS_ACTUALS, ./actuals.toml, or the bundled copy)",
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
        from ictgoals.notice import slow_work

        targets, actuals = self.targets_path.path, self.actuals_path.path
        with slow_work(f"reading {targets} and {actuals}"):
            if self.no_cache:
                return loading.load(targets, actuals)
            from ictgoals import cache

            return cache.load(targets, actuals, lambda texts: loading.load(targets, actuals, texts=texts))

    def context(self) -> Context:
        from ictgoals.render import Context

        width = None if sys.stdout.isatty() else _columns(os.environ.get("COLUMNS", ""))
        return Context(_describe(self.targets_path), _describe(self.actuals_path), width=width)


def _columns(setting: str) -> int:
    """The table width when stdout is not a terminal: $COLUMNS if it is a sensible number, else 120."""
    return int(setting) if setting.isdigit() and 20 <= int(setting) <= 1000 else 120


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
    from ictgoals import comparisons
    from ictgoals.render import render_diff

    base = year - 1 if against is None else against
    if base >= year:
        raise UsageError(f"--against {base} must be earlier than {year}.")
    run = _Run(targets, actuals, no_cache)
    dataset = run.load()
    report = comparisons.diff(dataset, year, base, _region(dataset, region))
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
    from ictgoals import comparisons
    from ictgoals.render import render_findings
    from ictgoals.reports import Finding, Severity

    run = _Run(targets, actuals, no_cache)
    try:
        dataset = run.load()
    except DataError as e:
        error = Finding(Severity.ERROR, "invalid-data", str(e), e.file, e.line)
        render_findings([error], fmt, sys.stdout, run.context())
        raise
    findings = comparisons.validate(dataset)
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

    from ictgoals import comparisons
    from ictgoals.render import render_view

    run = _Run(targets, actuals, no_cache)
    dataset = run.load()
    if indicator not in dataset.indicators:
        close = difflib.get_close_matches(indicator, list(dataset.indicators), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else " Run `ictgoals indicators` to list them."
        raise UsageError(f"unknown indicator '{indicator}' in {dataset.targets_file}.{hint}")
    view = comparisons.show(dataset, indicator, _region(dataset, region))
    _warn_rows(view.targets)
    render_view(view, fmt, sys.stdout, run.context())


# ---------------------------------------------------------------- writing data

DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Print the TOML that would be appended; change nothing.")]
AllowConflictOpt = Annotated[
    bool, typer.Option("--allow-conflict", help="Keep a figure even if the same source already gave another value.")
]


class _Writer:
    """Appends to one data file of a run: checked against the whole dataset, locked and atomic."""

    def __init__(self, run: _Run, which: str) -> None:
        from ictgoals import loading

        self.run = run
        self.target = run.actuals_path if which == "actuals" else run.targets_path
        self.table = which
        path = self.target.path
        package = Path(loading.__file__).resolve().parent
        if self.target.origin == "bundled" or package in path.resolve().parents:
            raise WriteError(
                f"{path} is the dataset bundled with ictgoals, which an upgrade replaces, so it is not written to. "
                f"Start a local copy with `ictgoals init DIR`, then run ictgoals from DIR or pass --{which} "
                f"DIR/{path.name}."
            )

    def load_with(self, text: str) -> Dataset:
        from ictgoals import loading

        return loading.load(self.run.targets_path, self.run.actuals_path, texts={self.target.path: text})

    def write(self, plan_for: Any, dry_run: bool) -> tuple[str, Any]:
        """Append what `plan_for(dataset)` plans; with `dry_run`, only print it."""
        from ictgoals import loading, writing

        plans: list[Any] = []

        def build(current: str) -> str:
            plan = plan_for(self.load_with(current))
            plans.append(plan)
            return writing.entries_text(self.table, plan.entries, plan.sources)

        if dry_run:
            addition = build(loading.read_text(self.target.path))
            sys.stdout.write(addition)
            return addition, plans[-1]

        def check(text: str) -> None:
            self.load_with(text)

        addition = writing.append(self.target.path, build, check)
        return addition, plans[-1]


def _new_sources(source: str, title: str | None, date: str | None) -> dict[str, Any]:
    from ictgoals import recording

    if title is None:
        if date is not None:
            raise UsageError("--source-date goes with --source-title, which declares a new source.")
        return {}
    return {source: recording.source_table(title, date)}


@app.command()
@translates_errors
def record(
    indicator: Annotated[str, typer.Argument(help="Indicator id.", show_default=False)],
    year: YearArg,
    value: Annotated[str, typer.Argument(help="The figure: 45.8, or as printed: 45,8 or 71.000.", show_default=False)],
    source: Annotated[str, typer.Option("--source", help="Source id (declare a new one with --source-title).")],
    region: RegionOpt = NATIONAL,
    printed: Annotated[
        str | None, typer.Option("--printed", help="The figure exactly as the source prints it.")
    ] = None,
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
    dry_run: DryRunOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
) -> None:
    """Record one reported figure in actuals.toml."""
    from ictgoals import recording

    run = _Run(targets, actuals, no_cache=True)
    writer = _Writer(run, "actuals")
    sources = _new_sources(source, source_title, source_date)
    fields = {
        "indicator": indicator,
        "year": str(year),
        "value": value,
        "source": source,
        "printed": printed,
        "estimate": "true" if estimate else "",
        "change": change,
        "change_unit": change_unit,
        "change_from": None if change_from is None else str(change_from),
        "note": note,
    }
    if region != NATIONAL:
        fields["region"] = region
    row = recording.typed(fields, "the command line")
    _, plan = writer.write(
        lambda data: recording.plan_actuals(
            data, [("the command line", row)], allow_conflict=allow_conflict, new_sources=sources
        ),
        dry_run,
    )
    if plan.skipped:
        _say(f"already recorded: {indicator} ({region}, {year}) from '{source}'; nothing written.")
    elif not dry_run:
        _say(f"recorded {indicator} ({region}, {year}) in {writer.target.path}.")


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
    dry_run: DryRunOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
) -> None:
    """Record many figures at once: all of them, or none if any row is bad."""
    from ictgoals import recording

    kind = (fmt or ("json" if file.lower().endswith(".json") else "csv")).lower()
    if kind not in ("csv", "json"):
        raise UsageError(f"--format {fmt}: import reads csv or json.")
    name = "stdin" if file == "-" else file
    text = sys.stdin.read() if file == "-" else _read_import(Path(file))
    rows = recording.read_rows(text, kind, name)
    run = _Run(targets, actuals, no_cache=True)
    writer = _Writer(run, "actuals")
    _, plan = writer.write(
        lambda data: recording.plan_actuals(data, rows, allow_conflict=allow_conflict, new_sources={}), dry_run
    )
    verb = "would import" if dry_run else "imported"
    _say(f"{verb} {len(plan.entries)} figure(s) into {writer.target.path}; skipped {plan.skipped} already recorded.")


def _read_import(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as e:
        raise DataError(path, "file not found.") from e
    except UnicodeDecodeError as e:
        raise DataError(path, "is not UTF-8 text.", "Save it as UTF-8 (CSV exports: choose UTF-8).") from e
    except OSError as e:
        raise DataError(path, f"cannot be read ({e.strerror or e}).") from e


@app.command()
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
    dry_run: DryRunOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
) -> None:
    """Declare one target in targets.toml."""
    from ictgoals import recording

    given = values or []
    fields: dict[str, Any] = {
        "indicator": indicator,
        "year": str(year),
        "op": op,
        "source": source or None,
        "printed": printed,
        "note": note,
        "baseline_year": None if baseline_year is None else str(baseline_year),
    }
    if region != NATIONAL:
        fields["region"] = region
    row = recording.typed(fields, "the command line")
    numbers = [recording.typed({"value": v}, "the command line")["value"] for v in given]
    if len(numbers) == 1:
        row["value"] = numbers[0]
    elif len(numbers) > 1:
        row["value"] = numbers
    run = _Run(targets, actuals, no_cache=True)
    writer = _Writer(run, "targets")
    _, plan = writer.write(lambda data: recording.plan_target(data, row, "the command line"), dry_run)
    if plan.skipped:
        _say(f"already declared: {indicator} ({region}, {year}, {op}); nothing written.")
    elif not dry_run:
        _say(f"declared the target in {writer.target.path}.")


@app.command()
@translates_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Where to put targets.toml and actuals.toml.")] = Path(),
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Copy the bundled dataset to DIRECTORY, to edit and record into."""
    from ictgoals import loading, writing

    names = (loading.TARGETS_FILE, loading.ACTUALS_FILE)
    existing = [directory / n for n in names if (directory / n).exists()]
    if existing and not force:
        raise UsageError(f"{existing[0]} already exists; nothing was copied. Pass --force to overwrite it.")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteError(f"{directory}: cannot create the directory ({e.strerror or e}).") from e
    for name in names:
        destination = directory / name
        text = loading.read_text(loading.bundled_path(name))
        if destination.exists():
            writing.replace_atomically(destination, text)
        else:
            _create(destination, text)
    _say(f"copied the bundled targets.toml and actuals.toml to {directory}; run ictgoals from there to use them.")


def _create(path: Path, text: str) -> None:
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as e:
        raise WriteError(f"{path}: cannot be created ({e.strerror or e}).") from e


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
