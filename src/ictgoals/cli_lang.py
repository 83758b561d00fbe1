"""The command line in the run's language: our help texts, and the words Typer and its Click print themselves.

Only a non-English run imports this. Typer 0.28 vendors Click (`typer._click`) with its words
written in (no gettext), so they are replaced where they are looked up: `typer.core._`, the help
formatter's "Usage:" prefix, the help option, and `typer.rich_utils`'s constants once it is imported
(it is imported only for help and usage errors). Click's error messages are built with f-strings; the
finished message is translated by the patterns in the catalogue (`CLICK_ERRORS`). tests/test_i18n.py
renders help and usage errors in Vietnamese and fails on any English left.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

from ictgoals.i18n import tr


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
    import typer.core
    from typer._click import core as click_core
    from typer._click import decorators, formatting

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
    import typer.completion

    for placeholder in (
        typer.completion._install_completion_placeholder_function,
        typer.completion._install_completion_no_auto_placeholder_function,
    ):
        for info in placeholder.__defaults__ or ():
            info.help = tr(info.help)

    def patch_rich_utils(rich_utils: ModuleType) -> None:
        module: Any = rich_utils
        for name in (
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
        ):
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
