"""Everything ictgoals relies on inside Typer and its vendored Click, in one place.

Three things reach past Typer's public API, and only here:

- **One command per run.** Typer turns every command's signature into Click parameters before it
  parses anything; `only` builds an app holding just the command being run, from Typer's
  `registered_commands` and `registered_callback`.
- **The run's language.** Typer 0.28 vendors Click (`typer._click`) with its words written in (no
  gettext), so `translate_typer` replaces them where they are looked up: `typer.core._`, the help
  formatter's "Usage:" prefix, the help option, the completion options' help, and
  `typer.rich_utils`'s constants once it is imported (only for help and usage errors). Click's error
  messages are built with f-strings; the finished message is translated by the catalogue's patterns
  (`CLICK_ERRORS`). Only a non-English run calls it.
- **Shell completion.** Typer keeps only the offers that start with what was typed and lets bash
  insert them unquoted; `use_completion` gives the completed parameters ictgoals's own offers
  (cli/completion.py: no case or accents, current provinces first, years with targets) and
  registers shell classes that quote what bash inserts and let zsh and fish match their way.

`check()` verifies that each of those things is still where this module expects it;
tests/test_typer_adapter.py runs it, so a Typer release that moves one fails with a message naming it
rather than with English left in a Vietnamese run.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import typer
import typer.completion
import typer.core
from typer import _completion_classes, _completion_shared
from typer._click import core as click_core
from typer._click import decorators, formatting
from typer._click.shell_completion import CompletionItem, add_completion_class

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


#: Typer's bash script, with `nosort`: offers come in the order ictgoals gives them (current provinces first).
BASH_SCRIPT = """
%(complete_func)s() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   %(autocomplete_var)s=complete_bash $1 ) )
    compopt -o nosort 2>/dev/null
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""


class _Bash(_completion_classes.BashComplete):
    """Bash inserts an offer as given: each is quoted here for the word as the user typed it."""

    source_template = BASH_SCRIPT

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        words = os.environ.get("COMP_WORDS", "").split("\n")
        index = int(os.environ.get("COMP_CWORD", "0"))
        typed = words[index] if index < len(words) else ""
        return "\n".join(_words().for_bash(item.value, typed) for item in self.get_completions(args, incomplete))


class _Zsh(_completion_classes.ZshComplete):
    """Zsh gets compadd code that replaces the word whatever it holds (so "tra" finds "Trà Vinh")."""

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        code: str = _words().for_zsh(_offers(self.get_completions(args, incomplete)))
        return code


class _Fish(_completion_classes.FishComplete):
    """Fish matches the typed text itself, without folding accents: see `completion.for_fish`."""

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        offers = _words().for_fish(_offers(self.get_completions(args, incomplete)), incomplete)
        items = [CompletionItem(value, help=description or None) for value, description in offers]
        if os.getenv("_TYPER_COMPLETE_FISH_ACTION", "") == "is-args":
            sys.exit(0 if items else 1)
        return "\n".join(self.format_completion(item) for item in items)


def _offers(items: list[CompletionItem]) -> list[tuple[str, str]]:
    return [(item.value, item.help or "") for item in items]


def _words() -> ModuleType:
    """cli/completion.py, which only a shell asking for completions loads (it reads the data files)."""
    from ictgoals.cli import completion

    return completion


#: The parameters a shell can complete, by name, and the function of cli/completion.py that offers them.
COMPLETED = {"region": "regions", "indicator": "indicators", "year": "years"}


def use_completion(command: Any) -> None:
    """Make shell completion ictgoals's own: our offers (Typer's own `autocompletion` keeps only values that
    start with what was typed, so "tra" could never find "Trà Vinh"), quoted insertions, our order."""
    add_completion_class(_Bash, "bash")
    add_completion_class(_Zsh, "zsh")
    add_completion_class(_Fish, "fish")
    _completion_shared._completion_scripts["bash"] = BASH_SCRIPT
    for sub in [command, *getattr(command, "commands", {}).values()]:
        for param in sub.params:
            if param.name in COMPLETED:
                param._custom_shell_complete = _completer(COMPLETED[param.name])


def _completer(name: str) -> Callable[[Any, Any, str], list[CompletionItem]]:
    def offers(_context: Any, _param: Any, typed: str) -> list[CompletionItem]:
        return [CompletionItem(value, help=help_text) for value, help_text in getattr(_words(), name)(typed)]

    return offers


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
        ("typer._completion_shared._completion_scripts", _completion_shared, "_completion_scripts"),
        *(
            (f"typer._completion_classes.{name}", _completion_classes, name)
            for name in ("BashComplete", "ZshComplete", "FishComplete")
        ),
        ("typer.BashComplete.get_completion_args", _completion_classes.BashComplete, "get_completion_args"),
        ("typer.BashComplete.get_completions", _completion_classes.BashComplete, "get_completions"),
        ("TyperOption()._custom_shell_complete", typer.core.TyperOption(param_decls=["--x"]), "_custom_shell_complete"),
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
    patterns = list(error_patterns)

    def translate_error(message: str) -> str:
        for pattern, replacement in patterns:  # compiled (and kept by `re`) on first use: most runs show no error
            message = re.sub(pattern, replacement, message)
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
