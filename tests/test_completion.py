"""Shell completion the usual Typer way, for bash and zsh: command names, indicator ids and regions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "ictgoals"  # the console script: completion keys on its name


def complete(shell: str, words: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    env["_ICTGOALS_COMPLETE"] = f"complete_{shell}"
    if shell == "bash":
        env["COMP_WORDS"] = words
        env["COMP_CWORD"] = str(len(words.split(" ")) - 1)
    else:
        env["_TYPER_COMPLETE_ARGS"] = words
    result = subprocess.run([str(SCRIPT)], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_command_names_complete(shell: str) -> None:
    assert "show" in complete(shell, "ictgoals sh")
    assert "status" in complete(shell, "ictgoals st")


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_indicator_ids_complete(shell: str) -> None:
    assert "full_online_dossiers" in complete(shell, "ictgoals show full_onl")


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_regions_complete(shell: str) -> None:
    assert "Trà Vinh" in complete(shell, "ictgoals status 2025 --region Tr")


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_completion_script_is_shown_for_each_shell(shell: str) -> None:
    env = {**os.environ, "_ICTGOALS_COMPLETE": f"source_{shell}"}
    result = subprocess.run([str(SCRIPT)], capture_output=True, text=True, env=env, check=True)
    assert "_ICTGOALS_COMPLETE" in result.stdout
    assert "complete_" + shell in result.stdout
