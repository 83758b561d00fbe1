"""The places inside Typer that cli/typer_adapter.py relies on, and the guard that keeps tests on this checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.core

from conftest import REPO, checkout_guard
from ictgoals.cli import COMMANDS, typer_adapter
from ictgoals.cli.shared import SETTINGS, app


def test_every_place_the_adapter_relies_on_is_still_in_typer() -> None:
    missing = typer_adapter.check()
    assert missing == [], (
        f"Typer {typer.__version__} moved what cli/typer_adapter.py relies on: {', '.join(missing)}. "
        "Adapt that module (and only it), or keep the Typer version pinned in pyproject.toml."
    )


def test_the_check_names_what_is_missing(monkeypatch: object) -> None:
    import typer.core

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.delattr(typer.core, "_")
    assert typer_adapter.check() == ["typer.core._"]


def test_a_run_builds_an_app_with_only_its_command() -> None:
    from ictgoals.cli import application

    for name in COMMANDS:
        chosen = application(name)
        names = [info.name or (info.callback.__name__ if info.callback else "") for info in chosen.registered_commands]
        assert names == [name]
        assert chosen.registered_callback is app.registered_callback
    assert typer_adapter.only(app, "no-such-command", SETTINGS) is app


def test_the_guard_refuses_a_copy_of_ictgoals_from_elsewhere(tmp_path: Path) -> None:
    elsewhere = tmp_path / "site-packages" / "ictgoals" / "__init__.py"
    problem = checkout_guard(str(elsewhere), REPO)
    assert problem is not None
    assert str(elsewhere.parent) in problem
    assert "pip install -e" in problem
    assert checkout_guard(str(REPO / "src" / "ictgoals" / "__init__.py"), REPO) is None


def test_pytest_stops_at_once_when_ictgoals_comes_from_elsewhere(tmp_path: Path) -> None:
    # A stand-in package earlier on the path: the whole run must refuse, not pass on the other copy.
    fake = tmp_path / "ictgoals"
    fake.mkdir()
    (fake / "__init__.py").write_text("__version__ = 'other'\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(REPO / "tests" / "test_schema.py")],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        cwd=REPO,
        check=False,
    )
    assert result.returncode != 0
    assert "not from this checkout" in result.stdout + result.stderr
