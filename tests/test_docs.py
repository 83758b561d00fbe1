"""The example pipeline in docs/cli.md, run as written (jq, if missing, stands in as a JSON check)."""

from __future__ import annotations

import ast
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from conftest import REPO

CLI_DOC = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


def _section_blocks(heading: str, language: str) -> list[str]:
    section = CLI_DOC.split(heading, 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)\n```", section, re.S)


def test_example_pipeline_runs(tmp_path: Path) -> None:
    (script,) = _section_blocks("## An example pipeline", "sh")
    (figures,) = _section_blocks("## An example pipeline", "csv")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "figures-2025.csv").write_text(figures + "\n", encoding="utf-8")
    python = shlex.quote(sys.executable)
    prelude = f'ictgoals() {{ {python} -m ictgoals "$@"; }}\n'
    if shutil.which("jq") is None:
        prelude += f"jq() {{ {python} -c 'import json, sys; json.load(sys.stdin)'; }}\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ICTGOALS_")}
    result = subprocess.run(
        ["bash", "-c", prelude + script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "imported 1 figure(s)" in result.stderr
    actuals = (tmp_path / "data" / "actuals.toml").read_text(encoding="utf-8")
    assert actuals.endswith(
        'value = 61.4\nregion = "Trà Vinh"\nsource = "example-travinh-2025"\nprinted = "61,4%"\nestimate = true\n'
    )
    assert (tmp_path / "data" / "validation.json").read_text(encoding="utf-8").startswith('{\n  "errors": []')


def test_the_command_reference_is_generated_from_the_code() -> None:
    """docs/cli.md's reference (commands, options, output fields, environment) is what the code says."""
    from ictgoals.cli import reference

    assert reference.BEGIN in CLI_DOC
    assert reference.END in CLI_DOC
    assert reference.replaced(CLI_DOC, reference.reference()) == CLI_DOC, (
        "docs/cli.md is out of date: run python -m ictgoals.cli.reference --write docs/cli.md"
    )


def _texts(nodes: Iterable[ast.AST]) -> set[str]:
    return {n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_every_environment_variable_read_is_documented() -> None:
    """Each variable the source reads (a literal or an ENV_ constant) is in the generated Environment table."""
    from ictgoals.cli import reference

    documented = " ".join(name for name, _ in reference.ENVIRONMENT)
    read: set[str] = set()
    for path in (REPO / "src" / "ictgoals").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [n for t in getattr(node, "targets", ()) for n in ast.walk(t) if isinstance(n, ast.Name)]
            if isinstance(node, ast.Assign) and any(n.id.startswith("ENV_") for n in names):
                read.update(
                    c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)
                )
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("get", "getenv"):
                owner = getattr(node.func, "value", None)
                if isinstance(owner, ast.Attribute | ast.Name) and "environ" in ast.unparse(owner):
                    read.update(
                        a.value for a in node.args[:1] if isinstance(a, ast.Constant) and isinstance(a.value, str)
                    )
    assert {"ICTGOALS_TARGETS", "ICTGOALS_NO_CACHE", "COLUMNS"} <= read, "the scan is broken"
    # set by the shell completion scripts for the program itself, never by a person
    protocol = {"COMP_WORDS", "COMP_CWORD", "_TYPER_COMPLETE_FISH_ACTION"}
    assert sorted(name for name in read - protocol if name not in documented) == []


def test_the_layout_tree_lists_exactly_the_modules_there_are() -> None:
    text = (REPO / "docs" / "development.md").read_text(encoding="utf-8")
    tree = text.split("src/ictgoals/\n", 1)[1].split("```", 1)[0]
    listed: set[str] = set()
    folders: list[str] = []
    for line in tree.splitlines():
        depth = (len(line) - len(line.lstrip("│├└─ "))) // 4 - 1  # "├── " is the top level
        name = line.lstrip("│├└─ ").split(" ", 1)[0]
        folders[depth:] = [name.rstrip("/")] if name.endswith("/") else []
        if name.endswith(".py"):
            listed.add("/".join([*folders[:depth], name]))
    package = REPO / "src" / "ictgoals"
    present = {
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if p.parent.name != "locales" and not (p.name == "__init__.py" and p.parent != package)
    }
    present.add("cli/__init__.py")  # the one package __init__ with a job of its own
    assert listed == present


API = (REPO / "docs" / "api.md").read_text(encoding="utf-8")


def _api_blocks() -> list[str]:
    blocks = re.findall(r"```python\n(.*?)\n```", API, re.S)
    assert len(blocks) == 2
    return blocks


def test_the_api_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {}
    exec(_api_blocks()[0], namespace)  # the documentation's own example
    assert namespace["rows"] == namespace["report"].to_records()  # type: ignore[attr-defined]
    assert namespace["rows"]


def test_the_notebook_session_shows_what_a_notebook_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest

    monkeypatch.chdir(REPO)
    (session,) = re.findall(r"```pycon\n(.*?)\n```", API, re.S)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(session, {}, "docs/api.md", "docs/api.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_the_pandas_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")  # not a dependency of ictgoals: the example runs where it is installed
    monkeypatch.chdir(REPO)
    exec(_api_blocks()[1], {})
