"""What every command shares: the Typer app, common options, a run's files and output, and where errors become exits."""

import contextlib
import functools
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TextIO, TypeVar

import typer

from ictgoals import __version__, i18n
from ictgoals.api.files import cache_wanted, files, load_files, save
from ictgoals.api.regions import catalogue_entries
from ictgoals.datafiles.paths import DataFiles
from ictgoals.errors import IctgoalsError, UsageError
from ictgoals.i18n import tr
from ictgoals.model import Dataset
from ictgoals.output.formats import Context, Format, file_width, utf8, width_for
from ictgoals.output.notes import region_lines
from ictgoals.output.notice import slow_work
from ictgoals.output.safe import printable

SETTINGS: dict[str, Any] = {
    "name": "ictgoals",
    "help": "Track Vietnam's digital-transformation targets against the reported figures.",
    "add_completion": True,
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**SETTINGS)

#: Set to show the traceback of an internal error (exit 3) instead of one line.
ENV_DEBUG = "ICTGOALS_DEBUG"
EXIT_OK, EXIT_CHECK_FAILED, EXIT_INTERNAL = 0, 1, 3  # bad input and usage exit 2: IctgoalsError.exit_code

F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R")


def say(message: str) -> None:
    """One line on stderr; whatever the data holds, it cannot break the line or drive the terminal."""
    sys.stderr.write(f"ictgoals: {printable(message)}\n")


def quiet_stdout() -> None:
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
            say(tr("error: {message}", message=e))
            raise typer.Exit(e.exit_code) from e
        except BrokenPipeError:
            quiet_stdout()
            raise typer.Exit(EXIT_OK) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ictgoals {__version__}\n")
        raise typer.Exit()


def _language(value: str | None) -> None:
    """--lang before the command; `cli.main` also takes it after the command, before Typer runs."""
    if value:
        try:
            i18n.use(value)
        except ValueError as e:
            raise typer.BadParameter(str(e)) from None


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            callback=_language,
            is_eager=True,
            metavar="vi|en",
            help="Language of the output (default: $ICTGOALS_LANG, then the locale); JSON and CSV do not change.",
        ),
    ] = None,
) -> None:
    """Track Vietnam's digital-transformation targets against the reported figures."""


def note_region(name: str) -> None:
    """Say which province succeeded a former one, or which former ones a province was formed from."""
    for line in region_lines(catalogue_entries(name), commands=True):
        say(tr("note: {message}", message=line))


def stdout_for(fmt: str) -> contextlib.AbstractContextManager[TextIO]:
    """Standard output for `fmt`: a table in the terminal's encoding; every other format in UTF-8."""
    return contextlib.nullcontext(sys.stdout) if fmt == Format.TABLE else utf8(sys.stdout)


def output_path(output: Path | None) -> Path | None:
    """Where --output writes: None (standard output) for `-o -`, as for every command with -o."""
    return None if output is None or str(output) == "-" else output


class Run:
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
        every_row: bool = False,
    ) -> None:
        self.files: DataFiles = files(targets, actuals)
        self.cache = cache_wanted(no_cache)
        self.fmt, self.output, self.bom, self.every_row = fmt, output_path(output), bom, every_row

    def load(self) -> Dataset:
        with slow_work(tr("reading {targets} and {actuals}", targets=self.files.targets, actuals=self.files.actuals)):
            return load_files(self.files, cache=self.cache)

    def width(self) -> int | None:
        """How wide tables are: as `formats.width_for` says for stdout; in an --output file, $COLUMNS or 120."""
        if self.output is None:
            return width_for(sys.stdout, os.environ, (sys.stderr, sys.stdin))
        return file_width(os.environ)

    def emit(self, render: Callable[[R, Format, TextIO, Context], None], result: R) -> None:
        """Render `result` on stdout, or into --output, which is replaced atomically when it is complete."""
        targets, actuals = self.files.targets.describe(), self.files.actuals.describe()
        if self.output is None:
            if self.fmt is Format.XLSX and sys.stdout.isatty():
                raise UsageError(tr("--format xlsx is a binary file: give -o FILE.xlsx, or redirect stdout."))
            terminals = (sys.stderr, sys.stdin)
            context = Context.for_stream(
                sys.stdout, targets, actuals, terminals=terminals, bom=self.bom, every_row=self.every_row
            )
            with stdout_for(self.fmt) as out:
                render(result, self.fmt, out, context)
            return
        buffer = io.BytesIO()
        stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        context = Context(targets, actuals, width=self.width(), color=False, bom=self.bom, every_row=self.every_row)
        render(result, self.fmt, stream, context)
        stream.flush()
        save(self.output, buffer.getvalue())


# ---------------------------------------------------------------- options several commands share

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
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (replaced atomically) instead of stdout; xlsx needs it on a terminal.",
    ),
]
ExtractOutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (replaced atomically) instead of stdout.")
]
BomOpt = Annotated[
    bool, typer.Option("--bom", help="CSV: start with the UTF-8 byte order mark, so Excel reads Vietnamese right.")
]
RegionOpt = Annotated[
    str,
    typer.Option(
        "--region",
        "-r",
        help=(
            'Region: "VN" (national) or a province, e.g. "Trà Vinh" (case and accents ignored); '
            '"all": every region (status, diff).'
        ),
    ),
]
IndicatorArg = Annotated[
    str,
    typer.Argument(help="Indicator id, e.g. full_online_dossiers.", show_default=False),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Do not use or write the parsed-data cache (also: ICTGOALS_NO_CACHE=1).")
]
YearArg = Annotated[
    int,
    typer.Argument(
        min=1900,
        max=2100,
        metavar="YEAR",
        help="Target year, e.g. 2025.",
        show_default=False,
    ),
]
FigureYearArg = Annotated[
    int,
    typer.Argument(
        min=1900, max=2100, metavar="YEAR", help="The year the figure is for, e.g. 2024.", show_default=False
    ),
]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Print the TOML that would be appended; change nothing.")]
AllowConflictOpt = Annotated[
    bool, typer.Option("--allow-conflict", help="Keep a figure even if the same source already gave another value.")
]
WaitOpt = Annotated[
    float | None,
    typer.Option(
        "--wait",
        min=0,
        metavar="SECONDS",
        help="How long to wait for another writer of the same file (default 30); then exit 2.",
        show_default=False,
    ),
]

#: A figure such as -3,2 is an argument, not an unknown option "-3" (a misspelt option then is an extra argument).
NUMBERS_AS_ARGUMENTS = {"ignore_unknown_options": True}
FigureArg = Annotated[
    str | None,
    typer.Argument(
        help="The figure: 45,8 or 45.8, 3.744.214, -3,2, 45,8%; or leave it out and give --printed.", show_default=False
    ),
]
PrintedFigureOpt = Annotated[
    str | None,
    typer.Option("--printed", help='The figure as printed, e.g. "hơn 71.000 tỷ đồng"; gives VALUE if left out.'),
]
