"""An indicator with no good direction (`better = "neutral"`): changes are reported, never judged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.analysis.diff import diff
from ictgoals.datafiles import loader
from ictgoals.errors import DataError


def neutral_copy(tmp_path: Path) -> tuple[Path, Path]:
    targets, actuals = tmp_path / "targets.toml", tmp_path / "actuals.toml"
    text = GOOD_TARGETS.read_text(encoding="utf-8")
    old = 'name = "Hardware and electronics exports"\nunit = "USD bn"\n'
    assert old in text
    targets.write_text(text.replace(old, old + 'better = "neutral"\n'), encoding="utf-8")
    shutil.copy(GOOD_ACTUALS, actuals)
    return targets, actuals


def test_a_target_on_a_neutral_indicator_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match='is declared better = "neutral", and a target needs a direction'):
        loader.load(*neutral_copy(tmp_path))


def test_diff_never_calls_a_neutral_change_improved(tmp_path: Path) -> None:
    targets, actuals = neutral_copy(tmp_path)
    text = targets.read_text(encoding="utf-8")
    kept = "\n\n".join(block for block in text.split("\n\n") if 'indicator = "exports"' not in block)
    targets.write_text(kept, encoding="utf-8")
    data = loader.load(targets, actuals)
    rows = {r.indicator.id: r for r in diff(data, 2024, 2023).rows}
    assert rows["exports"].change is not None
    assert rows["exports"].improved is None
    assert rows["dossiers"].improved is True  # other indicators are judged as before
