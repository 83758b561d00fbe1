"""Shared fixtures: the small test dataset, and an environment pinned so output is reproducible."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import ictgoals

REPO = Path(__file__).resolve().parents[1]


def checkout_guard(package_file: str, repo: Path) -> str | None:
    """Why the tests would test something else than this checkout, or None when `ictgoals` is its src/."""
    found = Path(package_file).resolve().parent
    wanted = (repo / "src" / "ictgoals").resolve()
    if found == wanted:
        return None
    return (
        f"the tests import ictgoals from {found}, not from this checkout's {wanted}: they would test another "
        "copy. Install this checkout in editable mode: pip install -e '.[test]'"
    )


# Before anything else of ictgoals is imported: a broken checkout must not pass because another copy works.
if (_problem := checkout_guard(ictgoals.__file__, REPO)) is not None:
    pytest.exit(_problem, returncode=4)

from ictgoals.datafiles import loader  # noqa: E402 (after the guard, on purpose)
from ictgoals.model import Dataset  # noqa: E402

ASSETS = Path(__file__).parent / "assets"
GOOD_TARGETS = ASSETS / "good" / "targets.toml"
GOOD_ACTUALS = ASSETS / "good" / "actuals.toml"


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
