"""The package's shape: imports run one way through the layers, with no cycles, and lazy imports stay at the seams.

The layers, lowest first (docs/development.md has the map):
base (`errors`, `values`, `model`, `numbers`, `provinces`, `i18n` and its `locales`, `localize`)
→ `datafiles` → `analysis` → `output` / `writing` → `api` → `cli`.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "ictgoals"
#: A module longer than this gets a warning (a prompt to look whether it holds two ideas), never a failure.
LONG_MODULE = 500
#: Imports of the package's own modules inside functions: only at the seams docs/development.md names.
MAX_LAZY_IMPORTS = 30

#: What each layer may import from ictgoals, besides itself and the base modules.
ALLOWED = {
    "base": set(),
    "datafiles": set(),
    "analysis": set(),
    "output": {"analysis", "extraction", "datafiles"},  # datafiles: the schema the data package describes
    "extraction": set(),
    "writing": {"datafiles"},
    "api": {"datafiles", "analysis", "writing", "output", "extraction"},
    "cli": {"api", "datafiles", "analysis", "writing", "output", "extraction"},
}
BASE = {
    "ictgoals",
    "ictgoals.errors",
    "ictgoals.model",
    "ictgoals.numbers",
    "ictgoals.provinces",
    "ictgoals.i18n",
    "ictgoals.localize",
    "ictgoals.values",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    if module in BASE or module.startswith("ictgoals.locales"):
        return "base"
    second = module.split(".")[1]
    return "cli" if second == "__main__" else second


def _type_checking_blocks(tree: ast.Module) -> set[int]:
    """The ids of the import nodes under `if TYPE_CHECKING:`: they never run."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            found.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    return found


def imports_of(path: Path, modules: set[str], *, typing_too: bool = True) -> set[str]:
    """Every ictgoals module `path` imports, at the top, in a function or (with `typing_too`) for type checking."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = set() if typing_too else _type_checking_blocks(tree)
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in modules else node.module)
    return {name for name in found if name == "ictgoals" or name.startswith("ictgoals.")}


def external_imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def graph(*, typing_too: bool = True) -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    return {name: imports_of(path, modules, typing_too=typing_too) - {name} for name, path in files.items()}


def cycle(edges: Mapping[str, Iterable[str]]) -> list[str] | None:
    """One import cycle in `edges`, as the list of modules around it, or None. Package `__init__`s are skipped,
    since importing `a.b` runs `a/__init__.py` without `a` depending on `b`."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_there_is_no_import_cycle() -> None:
    # Imports for type checking never run, so they may point back (analysis/records.py names the results it reads).
    packages = {module_name(p) for p in PACKAGE.rglob("__init__.py")}
    edges = {name: {m for m in targets if m not in packages} for name, targets in graph(typing_too=False).items()}
    assert cycle(edges) is None


def test_imports_run_one_way_through_the_layers() -> None:
    wrong = []
    for module, targets in sorted(graph().items()):
        mine = layer(module)
        for target in sorted(targets):
            theirs = layer(target)
            if module == "ictgoals" and (theirs == "api" or target == "ictgoals.errors"):
                continue  # the package's public names load the API lazily (ictgoals/__init__.py)
            if theirs not in {mine, "base"} | ALLOWED[mine]:
                wrong.append(f"{module} ({mine}) imports {target} ({theirs})")
    assert wrong == []


def test_the_base_modules_import_nothing_but_each_other() -> None:
    edges = graph()
    assert edges["ictgoals.errors"] == set()
    assert edges["ictgoals.values"] == set()  # the value semantics every value type shares
    # its messages are said in the run's language; the qualifiers it reads and the folding of accents are the model's
    assert edges["ictgoals.numbers"] <= {"ictgoals.i18n", "ictgoals.model", "ictgoals.values"}
    assert edges["ictgoals.i18n"] <= {"ictgoals.locales"}
    assert edges["ictgoals.model"] <= {
        "ictgoals.i18n",
        "ictgoals.values",
    }  # a location says its entry in the run's language


@pytest.mark.parametrize(("library", "layers"), [("rich", {"output"}), ("typer", {"cli"})])
def test_a_library_is_imported_only_in_its_layer(library: str, layers: set[str]) -> None:
    users = {module_name(p) for p in PACKAGE.rglob("*.py") if library in external_imports_of(p)}
    assert users
    assert {layer(m) for m in users} <= layers


def test_analysis_imports_neither_output_nor_the_command_line() -> None:
    for module, targets in graph().items():
        if layer(module) == "analysis":
            assert {layer(t) for t in targets} <= {"analysis", "base"}, module


#: A message catalogue is data, one message per line, and grows with the messages: no limit.
CODE = sorted(p for p in PACKAGE.rglob("*.py") if "locales" not in p.parts or p.name == "__init__.py")


@pytest.mark.filterwarnings("default::UserWarning")  # shown in the summary; the suite's "error" would fail it
def test_a_long_module_gets_a_warning_not_a_failure() -> None:
    """Modules are split by concept, never to meet a line count; a long one is only worth a look."""
    for path in CODE:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > LONG_MODULE:
            warnings.warn(f"{path.relative_to(PACKAGE)} has {lines} lines: does it hold two ideas?", stacklevel=1)


def lazy_imports() -> list[str]:
    """Every import of one of the package's own modules inside a function, as "path:line module"."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else []
                )
                found += [
                    f"{path.relative_to(PACKAGE)}:{node.lineno} {name}"  # type: ignore[attr-defined]
                    for name in names
                    if name == "ictgoals" or name.startswith("ictgoals.")
                ]
    return sorted(set(found))


def test_lazy_imports_stay_at_the_seams() -> None:
    """Each import hidden in a function hides a dependency; they belong at the few seams start-up needs."""
    found = lazy_imports()
    assert len(found) <= MAX_LAZY_IMPORTS, "\n".join(found)


def test_command_modules_evaluate_their_annotations_once() -> None:
    """Typer reads a command's parameters from its annotations on every run; as strings (`from __future__
    import annotations`) they would be compiled again each time (docs/development.md, start-up)."""
    from ictgoals.cli import COMMANDS

    for name in sorted({*COMMANDS.values(), "shared"}):
        tree = ast.parse((PACKAGE / "cli" / f"{name}.py").read_text(encoding="utf-8"))
        futures = [n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == "__future__"]
        assert not any(alias.name == "annotations" for n in futures for alias in n.names), name


def test_every_command_is_in_the_dispatch_table() -> None:
    """`cli.COMMANDS` says which module each command is in; a run imports only that one."""
    from ictgoals.cli import COMMANDS, application
    from ictgoals.cli.shared import app

    application()
    registered = {info.name or info.callback.__name__ for info in app.registered_commands if info.callback}
    assert set(COMMANDS) == {name.rstrip("_") for name in registered}
    for info in app.registered_commands:
        assert info.callback is not None
        name = info.name or info.callback.__name__
        assert info.callback.__module__ == f"ictgoals.cli.{COMMANDS[name.rstrip('_')]}", name
