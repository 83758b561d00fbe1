"""The Typer app, its global options, and the one place where our exceptions become a message and an exit code."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from ictgoals import __version__
from ictgoals.errors import IctgoalsError

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

F = TypeVar("F", bound=Callable[..., Any])


def _say(message: str) -> None:
    """One line on stderr; whatever the data holds, it cannot break the line or drive the terminal."""
    from ictgoals.output.safe import printable

    sys.stderr.write(f"ictgoals: {printable(message)}\n")


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
