"""Figures typed by people (`record`, `target`, `import`) are read the way they are written, or refused.

Each case was misread or refused before the one number reader: `0.125` became 125, `1,234.5`
became 1.2345, `45.800` on a share became 45800, a 125% share was accepted, printed forms such
as `45,8%` were refused, and `-3,2` was taken for an option.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from ictgoals.cli import application

app = application()


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, Path]:
    """A writable copy of the bundled dataset (it has shares, growth rates, counts and amounts in VND bn)."""
    for name in ("targets.toml", "actuals.toml"):
        shutil.copy(REPO / name, tmp_path / name)
    return tmp_path / "targets.toml", tmp_path / "actuals.toml"


SOURCE = ["--source", "mic-2024-review-backan"]


def record(data: tuple[Path, Path], *args: str) -> tuple[int, str, str]:
    files = ["--targets", str(data[0]), "--actuals", str(data[1])]
    result = CliRunner().invoke(app, ["record", *args, *SOURCE, "--dry-run", *files])
    return result.exit_code, result.stdout, result.stderr


def appended(out: str) -> dict[str, object]:
    import tomllib

    entry: dict[str, object] = tomllib.loads(out)["actuals"][0]
    return entry


@pytest.mark.parametrize(
    ("indicator", "typed", "value"),
    [
        ("ict_sector_total_revenue", "0.125", 0.125),
        ("ict_sector_total_revenue", "1,234.5", 1234.5),
        ("ict_sector_total_revenue", "1.234,5", 1234.5),
        ("ict_sector_total_revenue", "3.744.214", 3744214),
        ("full_online_dossiers", "45.800", 45.8),  # a share: only 45.8 fits
        ("full_online_dossiers", "45,8", 45.8),
        ("admin_dossiers_received", "1,234", 1234),  # a count: only 1234 fits
        ("digital_economy_growth", "-3,2", -3.2),  # a growth rate, as people type it
    ],
)
def test_a_figure_reads_as_written(data: tuple[Path, Path], indicator: str, typed: str, value: float) -> None:
    code, out, err = record(data, indicator, "2026", typed)
    assert code == 0, err
    assert appended(out)["value"] == value


@pytest.mark.parametrize(
    ("indicator", "typed", "value", "printed", "extra"),
    [
        ("full_online_dossiers", "45,8%", 45.8, "45,8%", {}),
        ("ict_sector_total_revenue", "hơn 71.000 tỷ đồng", 71000, "hơn 71.000 tỷ đồng", {}),
        ("admin_dossiers_received", "trên 1.270", 1270, "trên 1.270", {}),
        (
            "ict_sector_total_revenue",
            "ước đạt 3 triệu tỷ đồng",
            3_000_000,
            "ước đạt 3 triệu tỷ đồng",
            {"estimate": True},
        ),
    ],
)
def test_a_figure_typed_as_printed_keeps_its_print(
    data: tuple[Path, Path], indicator: str, typed: str, value: float, printed: str, extra: dict[str, object]
) -> None:
    code, out, err = record(data, indicator, "2026", typed)
    assert code == 0, err
    entry = appended(out)
    assert (entry["value"], entry["printed"]) == (value, printed)
    for key, expected in extra.items():
        assert entry[key] == expected


def test_printed_alone_gives_the_value(data: tuple[Path, Path]) -> None:
    code, out, err = record(data, "ict_sector_total_revenue", "2026", "--printed", "hơn 71.000 tỷ đồng")
    assert code == 0, err
    assert appended(out)["value"] == 71000


def test_a_value_that_contradicts_its_print_is_refused(data: tuple[Path, Path]) -> None:
    code, _, err = record(data, "ict_sector_total_revenue", "2026", "71", "--printed", "hơn 71.000 tỷ đồng")
    assert code == 2
    assert "the value 71 does not match the printed 'hơn 71.000 tỷ đồng', which reads as 71000 VND bn" in err


@pytest.mark.parametrize(
    ("indicator", "typed", "message"),
    [
        ("ict_sector_total_revenue", "45.800", "can be read as 45.8 or as 45800"),
        ("full_online_dossiers", "125", "a share in % lies in 0–100"),
        ("admin_dossiers_received", "1,5", "is a whole number"),
        ("ict_sector_total_revenue", "71.000 tỷ USD", "is in USD, but the indicator's unit is 'VND bn'"),
        ("full_online_dossiers", "4x", "is not a figure"),
    ],
)
def test_what_cannot_be_read_safely_is_refused(
    data: tuple[Path, Path], indicator: str, typed: str, message: str
) -> None:
    before = data[1].read_bytes()
    code, out, err = record(data, indicator, "2026", typed)
    assert (code, out) == (2, "")
    assert message in err
    assert data[1].read_bytes() == before


def test_import_reads_cells_and_refuses_an_implausible_json_number(data: tuple[Path, Path]) -> None:
    files = ["--targets", str(data[0]), "--actuals", str(data[1])]
    rows = 'indicator,year,value,source\nfull_online_dossiers,2026,"45,8",mic-2024-review-backan\n'
    result = CliRunner().invoke(app, ["import", "-", "--dry-run", *files], input=rows)
    assert result.exit_code == 0, result.stderr
    assert "value = 45.8\n" in result.stdout
    items = [{"indicator": "full_online_dossiers", "year": 2026, "value": 125, "source": "mic-2024-review-backan"}]
    result = CliRunner().invoke(app, ["import", "-", "--format", "json", *files], input=json.dumps(items))
    assert result.exit_code == 2
    assert "field 'value': 125 is not a figure in '%'" in result.stderr


def test_a_dry_run_runs_every_check_of_the_real_write(data: tuple[Path, Path]) -> None:
    """A source id that the loader refuses passed the dry run before, then failed the real write."""
    args = ["record", "full_online_dossiers", "2026", "50", "--source", "Bad Id", "--source-title", "New"]
    files = ["--targets", str(data[0]), "--actuals", str(data[1])]
    before = data[1].read_bytes()
    dry = CliRunner().invoke(app, [*args, "--dry-run", *files])
    real = CliRunner().invoke(app, [*args, *files])
    assert (dry.exit_code, real.exit_code) == (2, 2)
    assert dry.stderr == real.stderr
    assert "(the entries to be added: source 'Bad Id', line" in dry.stderr
    assert "once written): source ids use lowercase letters" in dry.stderr
    assert data[1].read_bytes() == before
