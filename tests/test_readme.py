"""The README's commands, run as written, so the documentation cannot go stale."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from ictgoals.cli import application

app = application()

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(text: str) -> list[str]:
    """The ```sh blocks of a Markdown text, dedented (Quickstart's sit inside list items)."""
    return [textwrap.dedent(block) for block in re.findall(r"```sh\n(.*?)\n[ \t]*```", text, re.S)]


def _quickstart() -> list[str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in _blocks(section)]


def _usage_lines() -> list[str]:
    lines = [line.split("#", 1)[0].strip() for block in _blocks(README) for line in block.splitlines()]
    return [line for line in lines if line.startswith("ictgoals ")]


def test_quickstart_has_exactly_the_two_set_up_commands() -> None:
    install, tests = _quickstart()
    assert install.endswith("ictgoals status 2025")
    assert "pip install -e '.[test]'" in tests
    assert "python -m pytest --cov --cov-fail-under=" in tests  # the whole suite, with the coverage floor


@pytest.mark.parametrize("line", _usage_lines())
def test_every_usage_example_runs(line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = shlex.split(line)[1:]
    monkeypatch.chdir(tmp_path)  # an example that writes a file writes it in a folder of its own
    result = CliRunner().invoke(app, args)
    # --check may legitimately find targets that need attention
    assert result.exit_code in ((0, 1) if "--check" in line else (0,)), result.stderr
    written = tmp_path / args[args.index("-o") + 1] if "-o" in args else None
    assert written.read_text(encoding="utf-8").strip() if written else result.stdout.strip()


def test_install_command_works_in_a_fresh_copy(tmp_path: Path) -> None:
    """Quickstart step 1 on a clean copy of the tracked files; the test command is what .ci/run runs."""
    if not shutil.which("git") or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout to copy the tracked files from")
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tmp_path / name)
    install = _quickstart()[0].replace("python3 ", f"{shlex.quote(sys.executable)} ", 1)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ICTGOALS_")}
    result = subprocess.run(
        ["bash", "-c", install], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Targets due in 2025" in result.stdout
