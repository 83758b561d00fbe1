"""Every message key the source uses: tr/pt calls with a literal text, help texts and command docstrings."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "src" / "ictgoals"
SEPARATOR = "\x04"


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def keys_in(path: Path) -> tuple[set[str], list[str]]:
    """The catalogue keys `path` uses, and the calls whose text is not a literal (not checkable)."""
    found: set[str] = set()
    dynamic: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "tr" and node.args:
                text = _literal(node.args[0])
                if text is None:
                    dynamic.append(f"{path.name}:{node.lineno}")
                else:
                    found.add(text)
            elif name == "pt" and len(node.args) >= 2:
                context, text = _literal(node.args[0]), _literal(node.args[1])
                if context is not None and text is not None:
                    found.add(f"{context}{SEPARATOR}{text}")
            elif name in ("Option", "Argument"):
                for keyword in node.keywords:
                    if keyword.arg == "help" and (text := _literal(keyword.value)):
                        found.add(text)
        elif (
            isinstance(node, ast.FunctionDef)
            and path.parent.name == "cli"
            and _is_command(node)
            and (doc := ast.get_docstring(node))
        ):
            found.add(doc)
    return found, dynamic


def _is_command(node: ast.FunctionDef) -> bool:
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr in ("command", "callback")
        for d in node.decorator_list
    )


def dynamic_keys() -> set[str]:
    """The keys looked up with a text from an enum: each value of each enum."""
    from ictgoals.analysis.records import LABELS
    from ictgoals.model import Basis, Better, ChangeUnit

    keys = {f"better{SEPARATOR}{b.value}" for b in Better}
    keys |= {f"change unit{SEPARATOR}{u.value}" for u in ChangeUnit}
    keys |= {f"basis{SEPARATOR}{b.value}" for b in Basis if b.value}
    keys |= {f"kind{SEPARATOR}{kind}" for kind in ("actual", "target")}
    keys |= {f"column{SEPARATOR}{label}" for label in LABELS.values()}  # a workbook's headers (analysis/records.py)
    return keys


def all_keys() -> tuple[set[str], list[str]]:
    keys, dynamic = set(), []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "locales" in path.parts:
            continue
        found, unchecked = keys_in(path)
        keys |= found
        dynamic += unchecked
    return keys | dynamic_keys() | TYPER_KEYS, dynamic


#: The words Typer and its Click print themselves, which ictgoals.cli.typer_adapter routes through the catalogue.
TYPER_KEYS = {
    "Missing command.",
    "No such command {name!r}.",
    "Arguments",
    "Options",
    "Commands",
    "default: {default}",
    "env var: {var}",
    "required",
    "Aborted!",
    "[default: {}]",
    "[env var: {}]",
    "[required]",
    "(deprecated) ",
    "Error",
    "Aborted.",
    "Try [blue]'{command_path} {help_option}'[/] for help.",
    "Usage: ",
    "Show this message and exit.",
    "Install completion for the current shell.",
    "Show completion for the current shell, to copy it or customize the installation.",
}
