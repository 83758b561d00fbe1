"""The command line, one client of the API: `main` is the console-script entry point.

Each command lives in the module of its concept (`status`, `figures`, `checks`, `catalogues`,
`sharing`, `writing`), registered on the Typer app of `shared`. A run imports only the module of
the command it runs, and so only the API and analysis that command needs: that is the seam that
keeps start-up small (bench/startup.py). Help, an unknown name and shell completion get every command.
"""

from __future__ import annotations

import codecs
import gc
import io
import os
import sys
from collections.abc import MutableMapping
from importlib import import_module

import typer

from ictgoals import i18n
from ictgoals.cli import typer_adapter
from ictgoals.cli.shared import ENV_DEBUG, EXIT_INTERNAL, EXIT_OK, SETTINGS, app, quiet_stdout, say
from ictgoals.locales import messages_for

__all__ = ["COMMANDS", "application", "main"]

#: Every command and the module that defines it.
COMMANDS = {
    "status": "status",
    "diff": "figures",
    "show": "figures",
    "validate": "checks",
    "indicators": "catalogues",
    "regions": "catalogues",
    "report": "sharing",
    "export": "sharing",
    "extract": "extracting",
    "record": "writing",
    "import": "writing",
    "target": "writing",
    "init": "writing",
}


def application(name: str = "") -> typer.Typer:
    """The app for a run of the command `name`: only that command; every command for help or an unknown name."""
    modules = {COMMANDS[name]} if name in COMMANDS else set(COMMANDS.values())
    for module in sorted(modules):
        import_module(f"ictgoals.cli.{module}")  # registers its commands on `app`
    return typer_adapter.only(app, name, SETTINGS) if name in COMMANDS else app


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


def _standard_streams() -> None:
    """A standard stream the caller closed (`>&-`) is /dev/null: output to nobody, as to a closed pipe; text
    that the stream's encoding cannot hold is replaced in what people read (JSON, CSV and the rest are
    written as UTF-8 bytes whatever it is: `output.formats.utf8`)."""
    for fd, name in enumerate(("stdin", "stdout", "stderr")):
        if getattr(sys, name) is None:
            devnull = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: this one
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
            setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))  # noqa: SIM115
    if isinstance(sys.stdout, io.TextIOWrapper) and codecs.lookup(sys.stdout.encoding).name != "utf-8":
        sys.stdout.reconfigure(errors="replace")


#: The environment variables that set a width (ours, Rich's, Click's and Typer's), honoured from 20 to 1000 columns.
WIDTH_VARIABLES = ("COLUMNS", "TERMINAL_WIDTH")


def _sane_widths(environ: MutableMapping[str, str]) -> None:
    """Drop a width setting that is not a number from 20 to 1000: `COLUMNS=10000000` would pad every line of
    help to ten million spaces, and a width of 10**21 overflows."""
    for name in WIDTH_VARIABLES:
        value = environ.get(name)
        sane = value is not None and value.isascii() and value.isdigit() and len(value.lstrip("0")) <= 4
        if value is not None and not (sane and 20 <= int(value) <= 1000):
            del environ[name]


def main() -> None:
    """Run the command line on sys.argv: the last guard, so that not even a bug shows a traceback.

    The console script enters through `ictgoals.__main__.main`, which switches the cyclic collector
    off before this module is imported; here it is switched off for callers that come straight in."""
    gc.disable()
    _standard_streams()
    _sane_widths(os.environ)
    try:
        args = _language(sys.argv[1:])
    except ValueError as e:
        say(f"error: --lang: {e}.")
        sys.exit(2)
    completing = any(key.endswith("_COMPLETE") for key in os.environ)
    if "" in args and not completing:  # a path would read '' as '.', the current directory: `export ""` wrote into it
        position = args.index("")
        given = args[position - 1] if position and args[position - 1].startswith("-") else None
        say(
            i18n.tr("error: {option} is empty; give a value (a path, a name or a number).", option=given)
            if given
            else i18n.tr("error: an argument is empty (''); give a value (a path, a name or a number).")
        )
        sys.exit(2)
    try:
        command = typer_adapter.command(application("" if completing or not args else args[0]))
        if completing:
            typer_adapter.use_completion(command)
        if i18n.language() != i18n.DEFAULT:
            typer_adapter.translate_commands(command)
            typer_adapter.translate_typer(messages_for(i18n.language()).CLICK_ERRORS)
        command(args=args)
    except SystemExit as e:
        if typer_adapter.after_closed_pipe(e):  # Click's own output (help) to a reader that has gone
            quiet_stdout()
            sys.exit(EXIT_OK)
        raise
    except KeyboardInterrupt:
        say(i18n.tr("interrupted."))
        sys.exit(130)
    except Exception as e:  # a bug: say so plainly; ICTGOALS_DEBUG=1 shows the traceback
        if os.environ.get(ENV_DEBUG):
            raise
        say(
            i18n.tr(
                "internal error: {error}. This is a bug in ictgoals; please report it with the command you ran "
                "(ICTGOALS_DEBUG=1 shows the details).",
                error=f"{type(e).__name__}: {e}",
            )
        )
        sys.exit(EXIT_INTERNAL)
