"""The report as a browser shows and prints it: headless Chromium where it is installed, skipped elsewhere."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium here (Debian: apt-get install chromium)")
#: Flags for a headless run on a machine with no network and no display.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browse(tmp_path: Path, *args: str) -> None:
    assert BROWSER is not None
    command = [BROWSER, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    subprocess.run(command, capture_output=True, check=True, timeout=120)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("print") / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "ictgoals", "--lang", "vi", "report", "2025", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_a_screenshot_shows_the_page(report: Path, tmp_path: Path) -> None:
    picture = tmp_path / "report.png"
    browse(tmp_path, f"--screenshot={picture}", "--window-size=1200,1600", report.as_uri())
    data = picture.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 50_000  # a page of text and tables, not a blank one


def test_it_prints_on_a_sane_number_of_a4_pages(report: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    browse(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", report.as_uri())
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    sections = report.read_text(encoding="utf-8").count('<section class="target"')
    # page one (the review table, which breaks after it), then at most one page per target, then notes and sources
    assert 2 <= pages <= sections + 3
