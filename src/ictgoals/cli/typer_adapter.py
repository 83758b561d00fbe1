"""Everything ictgoals relies on inside Typer and its vendored Click, in one place.

Two things reach past Typer's public API, and only here:

- **One command per run.** Typer turns every command's signature into Click parameters before it
  parses anything; `only` builds an app holding just the command being run, from Typer's
  `registered_commands` and `registered_callback`.
- **The run's language.** Typer 0.28 vendors Click (`typer._click`) with its words written in (no
  gettext), so `translate_typer` replaces them where they are looked up: `typer.core._`, the help
  formatter's "Usage:" prefix, the help option, the completion options' help, and
  `typer.rich_utils`'s constants once it is imported (only for help and usage errors). Click's error
  messages are built with f-strings; the finished message is translated by the catalogue's patterns
  (`CLICK_ERRORS`). Only a non-English run calls it.

`check()` verifies that each of those things is still where this module expects it;
tests/test_typer_adapter.py runs it, so a Typer release that moves one fails with a message naming it
rather than with English left in a Vietnamese run.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import typer
import typer.completion
import typer.core
from typer._click import core as click_core
from typer._click import decorators, formatting

from ictgoals.i18n import tr

#: The constants of `typer.rich_utils` that hold English words.
RICH_WORDS = (
    "DEPRECATED_STRING",
    "DEFAULT_STRING",
    "ENVVAR_STRING",
    "REQUIRED_LONG_STRING",
    "ARGUMENTS_PANEL_TITLE",
    "OPTIONS_PANEL_TITLE",
    "COMMANDS_PANEL_TITLE",
    "ERRORS_PANEL_TITLE",
    "ABORTED_TEXT",
    "RICH_HELP",
)


def only(app: typer.Typer, name: str, settings: dict[str, Any]) -> typer.Typer:
    """An app holding only the command `name` (with the app's callback); the whole app when there is none."""
    for info in app.registered_commands:
        command_name = info.name or (info.callback.__name__.replace("_", "-") if info.callback else "")
        if command_name == name:
            chosen = typer.Typer(**settings)
            chosen.registered_callback = app.registered_callback
            chosen.registered_commands = [info]
            return chosen
    return app


def command(app: typer.Typer) -> Any:
    """The Click command Typer builds for `app`."""
    return typer.main.get_command(app)


def after_closed_pipe(exit: SystemExit) -> bool:
    """Whether Click ended the run with exit 1 because stdout's reader went away while it wrote (help piped
    into `head -c1`): its `main` catches the EPIPE and exits 1, where a closed pipe should end quietly with 0."""
    return exit.code == 1 and isinstance(exit.__context__, BrokenPipeError)


def check() -> list[str]:
    """The places inside Typer this module relies on that are missing; empty when all are there."""
    import typer.rich_utils as rich_utils  # the help screens' module, which a run imports only for help

    app = typer.Typer()
    places: list[tuple[str, object, str]] = [
        ("typer.Typer().registered_commands", app, "registered_commands"),
        ("typer.Typer().registered_callback", app, "registered_callback"),
        ("typer.main.get_command", typer.main, "get_command"),
        ("typer.core._", typer.core, "_"),
        ("typer._click.core.Context.formatter_class", click_core.Context, "formatter_class"),
        ("typer._click.decorators.help_option", decorators, "help_option"),
        ("typer._click.formatting.HelpFormatter.write_usage", formatting.HelpFormatter, "write_usage"),
        *(
            (f"typer.completion.{name}", typer.completion, name)
            for name in (
                "_install_completion_placeholder_function",
                "_install_completion_no_auto_placeholder_function",
            )
        ),
        *(
            (f"typer.rich_utils.{name}", rich_utils, name)
            for name in (*RICH_WORDS, "OptionHighlighter", "rich_format_error")
        ),
    ]
    return [label for label, owner, name in places if not hasattr(owner, name)]


def translate_commands(command: Any) -> None:
    """Put our help texts in the run's language on a built Click command and, for a group, its commands."""
    if isinstance(command.help, str):
        command.help = tr(command.help)
    for param in command.params:
        if isinstance(getattr(param, "help", None), str):
            param.help = tr(param.help)
    for sub in getattr(command, "commands", {}).values():
        translate_commands(sub)


def translate_typer(error_patterns: Iterable[tuple[str, str]]) -> None:
    """Make Typer and its Click speak the run's language (see the module's docstring)."""
    patterns = [(re.compile(pattern), replacement) for pattern, replacement in error_patterns]

    def translate_error(message: str) -> str:
        for pattern, replacement in patterns:
            message = pattern.sub(replacement, message)
        return message

    typer.core._ = tr  # type: ignore[attr-defined,assignment]

    class Formatter(formatting.HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, tr("Usage: ") if prefix is None else prefix)

    click_core.Context.formatter_class = Formatter
    make_help_option = decorators.help_option

    def help_option(param_decls: list[str]) -> Callable[[Any], Any]:
        add = make_help_option(param_decls)

        def decorator(command: Any) -> Any:
            add(command)
            command.params[-1].help = tr(command.params[-1].help)
            return command

        return decorator

    decorators.help_option = help_option

    for placeholder in (
        typer.completion._install_completion_placeholder_function,
        typer.completion._install_completion_no_auto_placeholder_function,
    ):
        for info in placeholder.__defaults__ or ():
            info.help = tr(info.help)

    def patch_rich_utils(rich_utils: ModuleType) -> None:
        module: Any = rich_utils
        for name in RICH_WORDS:
            setattr(module, name, tr(getattr(module, name)))
        highlighter = module.OptionHighlighter
        highlighter.highlights = [*highlighter.highlights, rf"(?P<usage>{re.escape(tr('Usage: '))})"]
        module.highlighter = highlighter()
        original = module.rich_format_error

        def rich_format_error(error: Any) -> None:
            message = error.format_message()
            error.format_message = lambda: translate_error(message)
            original(error)

        module.rich_format_error = rich_format_error

    if "typer.rich_utils" in sys.modules:
        patch_rich_utils(sys.modules["typer.rich_utils"])
    else:
        sys.meta_path.insert(0, _AfterImport("typer.rich_utils", patch_rich_utils))


class _AfterImport:
    """An import hook that runs `then(module)` right after `name` is first imported."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self.name, self.then = name, then

    def find_spec(self, fullname: str, path: object, target: object = None) -> Any:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        execute, then = spec.loader.exec_module, self.then

        def execute_then(module: ModuleType) -> None:
            execute(module)
            then(module)

        spec.loader.exec_module = execute_then  # type: ignore[method-assign]
        return spec
