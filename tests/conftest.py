"""Shared fixtures: the small test dataset, and an environment pinned so output is reproducible."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ictgoals.datafiles import loader
from ictgoals.model import Dataset

ASSETS = Path(__file__).parent / "assets"
GOOD_TARGETS = ASSETS / "good" / "targets.toml"
GOOD_ACTUALS = ASSETS / "good" / "actuals.toml"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def pinned_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No data paths, colour switches or cache from the developer's shell leak into a test."""
    for name in (
        "ICTGOALS_TARGETS",
        "ICTGOALS_ACTUALS",
        "NO_COLOR",
        "FORCE_COLOR",
        "TERM",
        "COLUMNS",
        "ICTGOALS_NO_CACHE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def dataset() -> Dataset:
    return loader.load(GOOD_TARGETS, GOOD_ACTUALS)


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    """A test that switches the language in-process (`--lang vi` through CliRunner) leaves English behind."""
    from ictgoals import i18n

    yield
    i18n.use("en")
