"""`ictgoals export --to datapackage`: a Frictionless Data Package that frictionless itself validates."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOOD_ACTUALS, GOOD_TARGETS, REPO

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def export(directory: Path, *files: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ictgoals", "export", "--to", "datapackage", str(directory), *files],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def validate(directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FRICTIONLESS), "validate", str(directory / "datapackage.json")], capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "files",
    [[], ["--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS)]],
    ids=["bundled", "test-assets"],
)
def test_the_package_validates(tmp_path: Path, files: list[str]) -> None:
    export(tmp_path, *files)
    result = validate(tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_broken_foreign_key_is_caught(tmp_path: Path) -> None:
    # The check can fail: an actual citing a source the package does not have.
    export(tmp_path)
    path = tmp_path / "actuals.csv"
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    rows[1][rows[0].index("source")] = "no-such-source"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    assert validate(tmp_path).returncode != 0


def test_the_package_holds_every_row_and_the_status_of_every_target_year(tmp_path: Path) -> None:
    export(tmp_path)
    import tomllib

    data = {name: tomllib.loads((REPO / f"{name}.toml").read_text(encoding="utf-8")) for name in ("targets", "actuals")}

    def count(name: str) -> int:
        return len((tmp_path / f"{name}.csv").read_text(encoding="utf-8").splitlines()) - 1

    assert count("targets") == len(data["targets"]["targets"])
    assert count("actuals") == len(data["actuals"]["actuals"])
    assert count("indicators") == len(data["targets"]["indicators"])
    years = set()
    for target in data["targets"]["targets"]:  # a target due every year of a span gives each of its years
        first, last = target["years"] if "years" in target else (target["year"], target["year"])
        years |= set(range(first, last + 1))
    with (tmp_path / "status.csv").open(encoding="utf-8") as handle:
        assert {int(row["year"]) for row in csv.DictReader(handle)} == years
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == ["sources", "indicators", "targets", "actuals", "status"]
