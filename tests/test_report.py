"""`ictgoals report`: one self-contained HTML file (or Markdown with SVG files), charts per target, all escaped."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import GOOD_ACTUALS, GOOD_TARGETS


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ictgoals", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


class Elements(HTMLParser):
    """Every start tag and attribute, and whether every element that was opened was closed."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()


def parsed(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    elements.close()
    assert elements.open == []
    return elements


def indicators_with_figures(year: int) -> set[str]:
    """Worked out without the report code: the ids of the targets due in `year` whose `show` history is not empty."""
    rows = json.loads(run("status", str(year), "--format", "json").stdout)["rows"]
    ids = {row["indicator"] for row in rows}
    return {i for i in ids if json.loads(run("show", i, "--format", "json").stdout)["history"]}


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report") / "r.html"
    result = run("report", "2025", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_the_report_is_well_formed_and_fetches_nothing(bundled_report: str) -> None:
    elements = parsed(bundled_report)
    assert "http://" not in bundled_report
    assert "https://" not in bundled_report
    for tag, attrs in elements.tags:
        assert tag not in ("script", "link", "img", "iframe", "object")
        for name, value in attrs:
            if name in ("src", "href"):
                assert value is not None
                assert value.startswith("#"), (tag, name, value)  # only links within the page
            assert re.sub(r"url\(#[\w-]+\)", "", value or "").count("url(") == 0  # clip paths within the page


def test_one_chart_per_target_with_figures(bundled_report: str) -> None:
    rows = json.loads(run("status", "2025", "--format", "json").stdout)["rows"]
    with_figures = indicators_with_figures(2025)
    expected = sum(1 for row in rows if row["indicator"] in with_figures)
    assert expected > 0
    assert bundled_report.count('<figure class="chart">\n<svg') == expected
    assert bundled_report.count("<svg") == expected + 1  # and the key to the marks, once
    assert bundled_report.count('<section class="target"') == len(rows)


def test_the_report_says_what_it_is_made_of(bundled_report: str) -> None:
    assert "<title>Digital-transformation targets due in 2025: national</title>" in bundled_report
    assert "targets: targets.toml" in bundled_report or "targets: " in bundled_report
    assert "Made on " in bundled_report
    assert "45.8%" in bundled_report  # the dossiers figure, with its printed text and source
    assert "45,8%" in bundled_report
    assert "mic-2024-review-backan" in bundled_report


def test_data_never_becomes_markup(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script> & "quoted" <img src=x onerror=alert(1)>'
    targets = GOOD_TARGETS.read_text(encoding="utf-8")
    targets = targets.replace('name = "Dossiers processed fully online"', f"name = {json.dumps(hostile)}")
    targets = targets.replace('title = "2023 review"', f"title = {json.dumps(hostile)}")
    (tmp_path / "targets.toml").write_text(targets, encoding="utf-8")
    (tmp_path / "actuals.toml").write_text(GOOD_ACTUALS.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("report", "2023", "-o", "r.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    elements = parsed(html)
    assert all(tag not in ("script", "img") for tag, _ in elements.tags)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;" in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


def test_vietnamese_report(tmp_path: Path) -> None:
    result = run("report", "2025", "--lang", "vi", "-o", str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in html
    assert "Các mục tiêu chuyển đổi số đến hạn năm 2025: toàn quốc" in html
    assert "Tỷ lệ hồ sơ trực tuyến toàn trình" in html


def test_markdown_report_writes_charts_beside_it(tmp_path: Path) -> None:
    result = run("report", "2025", "--format", "markdown", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    charts = sorted((tmp_path / "out" / "charts").glob("target-*.svg"))
    assert (tmp_path / "out" / "charts" / "key.svg").is_file()
    links = re.findall(r"\]\((charts/target-\d+\.svg)\)", text)
    rows = json.loads(run("status", "2025", "--format", "json").stdout)["rows"]
    with_figures = indicators_with_figures(2025)
    assert len(links) == len(charts) == sum(1 for row in rows if row["indicator"] in with_figures)
    assert all((tmp_path / "out" / link).is_file() for link in links)
    assert text.startswith("# Digital-transformation targets due in 2025: national\n")


def test_markdown_needs_a_directory() -> None:
    result = run("report", "2025", "--format", "markdown")
    assert result.returncode == 2
    assert "-o DIR" in result.stderr


def test_without_the_extra_report_says_how_to_install_it(tmp_path: Path) -> None:
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'matplotlib':\n"
        "            raise ImportError('blocked')\n"
        "sys.meta_path.insert(0, Block())\n",
        encoding="utf-8",
    )
    result = run("report", "2025", "-o", str(tmp_path / "r.html"), env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 2
    assert "pip install 'ictgoals[report]'" in result.stderr
    assert not (tmp_path / "r.html").exists()
    assert "matplotlib" not in run("status", "2025", "--format", "json").stderr


def test_a_chart_is_the_same_whatever_was_drawn_before_it() -> None:
    from ictgoals.api import files, sharing
    from ictgoals.output import report_charts as charts

    content = sharing.report(files.load(cache=False), 2025, "VN")  # the bundled data: ranks, shares and amounts
    drawn = [s for s in content.sections if charts.has_figures(s)]
    assert len(drawn) >= 2
    first = [charts.chart(s, inline=True) for s in drawn]
    again = [charts.chart(s, inline=True) for s in reversed(drawn)]
    assert first == list(reversed(again))
    assert len(set(first)) == len(first)


def test_charts_drawn_in_worker_processes_are_the_ones_drawn_here(monkeypatch: pytest.MonkeyPatch) -> None:
    from ictgoals import i18n
    from ictgoals.api import files, sharing
    from ictgoals.output import report_charts as charts

    i18n.use("vi")  # workers speak the language of the run
    content = sharing.report(files.load(cache=False), 2025, "VN")
    here = [charts.chart(s, inline=True) for s in content.sections]
    monkeypatch.setattr(charts, "POOL_THRESHOLD", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert charts.draw_all(content.sections, inline=True) == here
    assert any(svg is None for svg in here)  # a target without figures keeps its place, with no chart
