"""The example pipeline in docs/cli.md, run as written (jq, if missing, stands in as a JSON check)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
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


def test_the_pandas_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")  # not a dependency of ictgoals: the example runs where it is installed
    monkeypatch.chdir(REPO)
    exec(_api_blocks()[1], {})
