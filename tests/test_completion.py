"""Shell completion, through the shells' own completion functions: bash always, zsh and fish where installed.

Regions complete without case or accents, current provinces first; what bash inserts is quoted
for the word as typed, so a two-word province completes and then runs; YEAR completes with the
years that have targets.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import REPO

BIN = Path(sys.executable).parent  # where the console script `ictgoals` is
ENV = {
    **{k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")},
    "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
}


def bash(words: list[str]) -> list[str]:
    """COMPREPLY after the completion function that `ictgoals` installs in bash runs on `words`."""
    array = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    script = (
        'eval "$(_ICTGOALS_COMPLETE=source_bash ictgoals)"\n'
        f"COMP_WORDS=({array}); COMP_CWORD={len(words) - 1}\n"
        "_ictgoals_completion ictgoals\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=ENV, check=True)
    return [line for line in result.stdout.splitlines() if line]


def test_commands_and_indicator_ids_complete() -> None:
    assert "show" in bash(["ictgoals", "sh"])
    assert "full_online_dossiers" in bash(["ictgoals", "show", "full_onl"])


@pytest.mark.parametrize("typed", ["Tr", "tra", "TRA", "vinh"])
def test_a_two_word_province_completes_escaped_whatever_the_accents(typed: str) -> None:
    assert "Trà\\ Vinh" in bash(["ictgoals", "status", "2025", "--region", typed])


@pytest.mark.parametrize(("typed", "inserted"), [('"Trà V', '"Trà Vinh"'), ("'tra v", "'Trà Vinh'")])
def test_inside_an_open_quote_the_name_completes_within_it(typed: str, inserted: str) -> None:
    assert bash(["ictgoals", "status", "2025", "--region", typed]) == [inserted]


@pytest.mark.parametrize("typed", ["Tr", "tra"])
def test_what_bash_inserts_then_runs(typed: str) -> None:
    (offer,) = [o for o in bash(["ictgoals", "status", "2025", "--region", typed]) if "Vinh" in o]
    command = f"ictgoals status 2025 --format json --region {offer}"  # the line as completed
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["region"] == "Trà Vinh"


def test_current_provinces_come_before_former_ones() -> None:
    offers = bash(["ictgoals", "status", "2025", "--region", "v"])
    assert offers[0] == "VN"
    assert offers.index("Vĩnh\\ Long") < offers.index("Trà\\ Vinh")  # current, then former


def test_year_completes_with_the_years_that_have_targets() -> None:
    data = tomllib.loads((REPO / "targets.toml").read_text(encoding="utf-8"))
    years: set[int] = set()
    for target in data["targets"]:
        first, last = target.get("years", [target.get("year")] * 2)
        years.update(range(first, last + 1))
    assert bash(["ictgoals", "status", ""]) == [str(y) for y in sorted(years)]
    assert bash(["ictgoals", "report", "203"]) == [str(y) for y in sorted(years) if str(y).startswith("203")]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_offers_the_names_whatever_the_accents() -> None:
    # compadd works only inside a completion widget: a stand-in prints what it was given
    script = (
        'compadd() { print -rl -- "$@"; }\n'
        'eval $(env _TYPER_COMPLETE_ARGS="ictgoals status 2025 --region tra" '
        "_ICTGOALS_COMPLETE=complete_zsh ictgoals)\n"
        "print -rl -- $_ictgoals_shown\n"
    )
    result = subprocess.run(["zsh", "-c", script], capture_output=True, text=True, env=ENV, check=True)
    lines = result.stdout.splitlines()
    assert "-U" in lines  # replace the word whatever it holds: "tra" becomes "Trà Vinh"
    assert "Trà Vinh" in lines
    assert "Trà Vinh -- former province, now part of Vĩnh Long" in lines


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_a_province_typed_without_accents() -> None:
    script = (
        "_ICTGOALS_COMPLETE=source_fish ictgoals | source\n"
        "complete -C 'ictgoals status 2025 --region tra'\n"
        "complete -C 'ictgoals status 2025 --region Trà'\n"
    )
    result = subprocess.run(["fish", "-c", script], capture_output=True, text=True, env=ENV, check=True)
    names = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert "Tra Vinh" in names  # typed without accents: offered so, and ictgoals reads it as Trà Vinh
    assert "Trà Vinh" in names


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_is_shown_for_each_shell(shell: str) -> None:
    env = {**ENV, "_ICTGOALS_COMPLETE": f"source_{shell}"}
    result = subprocess.run([str(BIN / "ictgoals")], capture_output=True, text=True, env=env, check=True)
    assert "_ICTGOALS_COMPLETE" in result.stdout
    assert f"complete_{shell}" in result.stdout
