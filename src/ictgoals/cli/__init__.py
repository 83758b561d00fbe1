"""The command line, one client of the API: `main` is the console-script entry point.

Each command lives in the module of its concept (`status`, `figures`, `checks`, `catalogues`,
`sharing`, `writing`), registered on the Typer app of `shared`. A run imports only the module of
the command it runs, and so only the API and analysis that command needs: that is the seam that
keeps start-up small (bench/startup.py). Help, an unknown name and shell completion get every command.
"""

from __future__ import annotations

import gc
import os
import sys
from importlib import import_module

import typer

from ictgoals import i18n
from ictgoals.cli import typer_adapter
from ictgoals.cli.shared import ENV_DEBUG, EXIT_INTERNAL, SETTINGS, app, say
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
    "extract": "sharing",
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
        say(f"error: --lang: {e}.")
        sys.exit(2)
    try:
        completing = any(key.endswith("_COMPLETE") for key in os.environ)
        command = typer_adapter.command(application("" if completing or not args else args[0]))
        if completing:
            typer_adapter.use_completion(command)
        if i18n.language() != i18n.DEFAULT:
            typer_adapter.translate_commands(command)
            typer_adapter.translate_typer(messages_for(i18n.language()).CLICK_ERRORS)
        command(args=args)
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
