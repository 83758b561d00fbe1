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


def test_a_shaped_dataset_has_the_shape_asked_for(tmp_path: Path) -> None:
    """generate.py's shapes (issue 25): the counts asked for, the same bytes for a seed, and data that loads."""
    shape = ["--indicators", "40", "--targets", "70", "--sources", "12", "--regions", "50", "--years", "20"]

    def shaped(out: Path) -> tuple[bytes, bytes]:
        subprocess.run(
            [sys.executable, str(GENERATE), "3000", *shape, "--out", str(out)], check=True, capture_output=True
        )
        return (out / "targets.toml").read_bytes(), (out / "actuals.toml").read_bytes()

    first = shaped(tmp_path / "a")
    assert shaped(tmp_path / "b") == first
    data = loader.load(tmp_path / "a" / "targets.toml", tmp_path / "a" / "actuals.toml")
    assert len(data.actuals) == 3000
    assert len(data.indicators) == 40
    assert len(data.targets) == 70
    assert len(data.sources) == 12
    assert len({a.region for a in data.actuals} | {t.region for t in data.targets}) <= 50
    assert sum(t.region == "VN" for t in data.targets) == 40  # one national target per indicator first
    assert {a.year for a in data.actuals} <= set(range(2006, 2026))
    assert min(a.year for a in data.actuals) == 2006
    codes = {f.code for f in validate(data)}
    assert codes <= {"conflict", "stated-change-mismatch", "unknown-region"}
