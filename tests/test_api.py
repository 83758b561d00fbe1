"""The Python API: what notebooks use. Its records are the CLI's JSON rows; importing it pulls in no CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from typing import Any

import pytest

import ictgoals
from conftest import REPO
from ictgoals.errors import UsageError
from ictgoals.model import Dataset


def cli_json(*args: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "ictgoals", *args, "--format", "json"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return ictgoals.load(REPO / "targets.toml", REPO / "actuals.toml", cache=False)


def test_importing_ictgoals_and_running_status_imports_neither_typer_nor_rich() -> None:
    probe = (
        "import ictgoals, sys; ictgoals.status(ictgoals.load(), 2025); "
        "assert 'rich' not in sys.modules and 'typer' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, cwd=REPO)


@pytest.mark.parametrize("region", ["VN", "Trà Vinh", "all"])
def test_status_records_are_the_json_rows(dataset: Dataset, region: str) -> None:
    records = ictgoals.status(dataset, 2025, region=region).to_records()
    assert records == cli_json("status", "2025", "--region", region)["rows"]


@pytest.mark.parametrize("region", ["VN", "all"])
def test_diff_records_are_the_json_rows(dataset: Dataset, region: str) -> None:
    result = ictgoals.diff(dataset, 2024, region=region)
    document = cli_json("diff", "2024", "--region", region)
    assert result.to_records() == document["rows"]
    assert result.target_records() == document["targets"]


def test_show_records_are_the_json_history(dataset: Dataset) -> None:
    result = ictgoals.show(dataset, "full_online_dossiers")
    document = cli_json("show", "full_online_dossiers")
    assert result.to_records() == document["history"]
    assert result.target_records() == document["targets"]


def test_validate_records_are_the_json_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the files as the command line finds them, so the messages name them alike
    dataset = ictgoals.load(cache=False)
    document = cli_json("validate")
    expected = [{"severity": "error", **f} for f in document["errors"]]
    expected += [{"severity": "warning", **f} for f in document["warnings"]]
    assert sorted(ictgoals.validate(dataset).to_records(), key=str) == sorted(expected, key=str)


def test_region_all_has_rows_from_every_region_the_data_names(dataset: Dataset) -> None:
    named = {"VN"}
    for name in ("targets.toml", "actuals.toml"):
        data = tomllib.loads((REPO / name).read_text(encoding="utf-8"))
        for table in ("targets", "actuals"):
            named |= {entry.get("region", "VN") for entry in data.get(table, [])}
    rows = cli_json("status", "2025", "--region", "all")["rows"]
    assert {row["region"] for row in rows} == named
    assert rows[0]["region"] == "VN"  # the nation first


@pytest.mark.parametrize("spelling", ["all", "ALL", " All "])
def test_region_all_is_refused_where_one_region_is_shown(dataset: Dataset, spelling: str) -> None:
    """report and show draw one region: "all" gets its own reason, not "not a province"."""
    indicator = next(iter(dataset.indicators))
    for call in (lambda: ictgoals.report(dataset, 2025, spelling), lambda: ictgoals.show(dataset, indicator, spelling)):
        with pytest.raises(UsageError, match="only status and diff") as refused:
            call()
        assert "not a province" not in str(refused.value)
    assert ictgoals.status(dataset, 2025, spelling).region == "all"  # where it is meant, it reads the same way
    assert ictgoals.diff(dataset, 2025, region=spelling).region == "all"


def test_bad_input_raises_our_exceptions_not_system_exit(dataset: Dataset) -> None:
    with pytest.raises(UsageError, match="Atlantis"):
        ictgoals.status(dataset, 2025, region="Atlantis")
    with pytest.raises(ictgoals.IctgoalsError):
        ictgoals.show(dataset, "no_such_indicator")


def test_every_public_name_stays_callable_after_every_module_is_loaded() -> None:
    """A sub-module named like a public function would replace it once imported (`ictgoals.regions` was the
    province catalogue's module, `ictgoals.extract` the extraction package): each function, called twice in a
    fresh process after everything it uses is loaded, still works."""
    probe = (
        "import ictgoals\n"
        "ds = ictgoals.load()\n"
        "for _ in range(2):\n"
        "    ictgoals.status(ds, 2025); ictgoals.diff(ds, 2024); ictgoals.show(ds, 'full_online_dossiers')\n"
        "    ictgoals.validate(ds); ictgoals.indicators(ds); ictgoals.report(ds, 2025)\n"
        "    assert len(ictgoals.regions()) == 98\n"
        "    assert ictgoals.extract(ds, 'Năm 2024 đạt 45,8%.', date='2024-12-30')\n"
        "import pkgutil\n"
        "clash = {m.name for m in pkgutil.iter_modules(ictgoals.__path__)} & set(ictgoals.__all__)\n"
        "assert not clash, clash\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, cwd=REPO)
