"""The benchmark's dataset generator: deterministic for a seed, and data ictgoals accepts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO
from ictgoals.analysis.checks import validate
from ictgoals.datafiles import loader

GENERATE = REPO / "bench" / "generate.py"


def generate(size: int, seed: int, out: Path) -> tuple[bytes, bytes]:
    subprocess.run(
        [sys.executable, str(GENERATE), str(size), "--seed", str(seed), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return (out / "targets.toml").read_bytes(), (out / "actuals.toml").read_bytes()


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    first = generate(300, 7, tmp_path / "a")
    assert generate(300, 7, tmp_path / "b") == first
    assert generate(300, 8, tmp_path / "c") != first


def test_generated_data_loads_with_all_four_ops_and_no_errors(tmp_path: Path) -> None:
    generate(1000, 1, tmp_path)
    data = loader.load(tmp_path / "targets.toml", tmp_path / "actuals.toml")
    assert len(data.actuals) == 1000
    assert {t.op.value for t in data.targets} == {">=", "<=", "between", "maintain"}
    assert len({a.region for a in data.actuals}) > 1
    codes = {f.code for f in validate(data)}
    assert codes <= {"conflict", "stated-change-mismatch"}
