"""Targets for every year of a span (`years`) and figures for a span (`period`, `basis`)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS, REPO
from ictgoals.cli import application
from ictgoals.datafiles import loader
from ictgoals.errors import DataError

app = application()

BUNDLED = ["--targets", str(REPO / "targets.toml"), "--actuals", str(REPO / "actuals.toml")]


def test_show_lists_a_period_figure_apart_and_never_uses_it() -> None:
    result = CliRunner().invoke(app, ["show", "postal_revenue_growth", "--format", "json", *BUNDLED])
    assert result.exit_code == 0, result.stderr
    history = json.loads(result.stdout)["history"]
    (period,) = [row for row in history if row["period"] is not None]
    assert (period["period"], period["basis"], period["value"], period["used"]) == ([2016, 2020], "average", 35, False)
    table = CliRunner().invoke(app, ["show", "postal_revenue_growth", *BUNDLED]).stdout
    assert "2016–2020" in table
    assert "period average" in table


def test_diff_never_compares_with_a_period_figure() -> None:
    result = CliRunner().invoke(app, ["diff", "2021", "--against", "2020", "--format", "json", *BUNDLED])
    assert result.exit_code == 0, result.stderr
    assert [r for r in json.loads(result.stdout)["rows"] if r["indicator"] == "postal_revenue_growth"] == []


BETWEEN = 'year = 2025\nop = "between"'
BASE = "year = 2020\nvalue = 20.0"


@pytest.mark.parametrize(
    ("targets_edit", "actuals_edit", "message"),
    [
        ((BETWEEN, 'year = 2025\nyears = [2021, 2025]\nop = "between"'), None, "give either year or years, not both"),
        ((BETWEEN, 'years = [2025, 2021]\nop = "between"'), None, "is not a span"),
        (None, (BASE, "period = [2016, 2020]\nvalue = 20.0"), "field 'basis': expected one of"),
        (None, (BASE, 'year = 2020\nbasis = "total"\nvalue = 20.0'), "field 'basis': goes with period"),
    ],
)
def test_spans_are_checked(
    tmp_path: Path, targets_edit: tuple[str, str] | None, actuals_edit: tuple[str, str] | None, message: str
) -> None:
    targets, actuals = tmp_path / "t.toml", tmp_path / "a.toml"
    shutil.copy(GOOD_TARGETS, targets)
    shutil.copy(GOOD_ACTUALS, actuals)
    for path, edit in ((targets, targets_edit), (actuals, actuals_edit)):
        if edit is not None:
            old, new = edit
            text = path.read_text(encoding="utf-8")
            assert old in text
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError, match=message):
        loader.load(targets, actuals)
