"""`ictgoals report`: one self-contained HTML file (or Markdown with SVG files), charts per target, all escaped."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import GOOD_ACTUALS, GOOD_TARGETS

DATA = ("--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS))


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


def status_rows(*data: str, year: int = 2025, region: str = "VN") -> list[dict[str, object]]:
    """The rows the report is about, from `status --format json`: worked out without the report code."""
    result = run("status", str(year), "--region", region, "--format", "json", *data)
    rows: list[dict[str, object]] = json.loads(result.stdout)["rows"]
    return rows


class Visible(HTMLParser):
    """The text a reader sees: no styles, no pictures; the headings, and the review table's cells by row."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.headings: list[str] = []
        self.review: list[list[str]] = []
        self._skip = 0
        self._in: list[str] = []
        self._table = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "svg"):
            self._skip += 1
        self._in.append(tag)
        if tag == "table":
            self._table += 1
        if tag == "tr" and self._table == 1 and "tbody" in self._in:
            self.review.append([])
        if tag == "td" and self._table == 1 and self.review:
            self.review[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "svg"):
            self._skip -= 1
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._in and self._in[-1] in ("h1", "h2", "h3"):
            self.headings.append(data.strip())
        if self._table == 1 and "td" in self._in and self.review and self.review[-1]:
            self.review[-1][-1] += data


def visible(html: str) -> Visible:
    """What a reader sees; the no-break spaces that keep a number with its unit read as spaces."""
    seen = Visible()
    seen.feed(html.replace("\u00a0", " ").replace("&nbsp;", " "))
    return seen


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report") / "r.html"
    result = run("report", "2025", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_the_report_is_well_formed_and_fetches_nothing(bundled_report: str) -> None:
    elements = parsed(bundled_report)
    for tag, attrs in elements.tags:
        assert tag not in ("script", "link", "img", "iframe", "object")
        for name, value in attrs:
            if name in ("src", "href"):
                assert value is not None
                assert value.startswith("#"), (tag, name, value)  # only links within the page
            assert re.sub(r"url\(#[\w-]+\)", "", value or "").count("url(") == 0  # clip paths within the page


def test_page_one_is_the_review_table_worst_first(bundled_report: str) -> None:
    seen = visible(bundled_report)
    assert seen.headings[:2] == ["Digital-transformation targets for 2025: national review", "Review table"]
    rows = [r for r in status_rows() if r["actual"] is not None]
    assert len(seen.review) == len(rows)
    order = ["missed", "regressing", "off-track", "at-risk", "no-trend", "on-track", "met"]
    words = {"at-risk": "at risk", "no-trend": "no trend yet", "on-track": "on track", "off-track": "off track"}
    expected = sorted(order.index(str(r["status"])) for r in rows)
    shown = [order.index(next(code for code in order if words.get(code, code) == cells[-1])) for cells in seen.review]
    assert shown == expected  # grouped by assessment, worst first, and each in words, never a code


def test_percent_of_target_is_the_figure_over_the_target(bundled_report: str) -> None:
    seen = visible(bundled_report)
    by_target = {(cells[0], cells[1]): cells for cells in seen.review}
    dossiers = next(cells for (name, _), cells in by_target.items() if name.startswith("Dossiers fully online"))
    assert dossiers[3] == "57.3%"  # 45.8 / 80 = 0.5725, shown to one decimal
    ranks = [cells for cells in seen.review if cells[2].startswith("#")]
    assert ranks
    assert all(cells[3] == "—" for cells in ranks)  # a rank is ahead or behind in places, not a percentage


def test_targets_without_figures_are_one_line_not_sections(bundled_report: str) -> None:
    rows = status_rows()
    blank = [r for r in rows if r["actual"] is None]
    assert blank
    assert f"No figures yet for {len(blank)} target(s): " in bundled_report
    assert bundled_report.count('<section class="target"') == len(rows) - len(blank)
    assert "nothing to draw" not in bundled_report


def test_a_chart_only_where_there_are_two_points(bundled_report: str) -> None:
    sections = bundled_report.split('<section class="target"')[1:]
    charts = [s for s in sections if '<figure class="chart">' in s]
    words = [s for s in sections if "One figure so far:" in s]
    assert len(charts) + len(words) == len(sections)
    assert charts
    assert words


def test_no_machine_path_and_no_id_reaches_the_reader(bundled_report: str) -> None:
    text = " ".join(visible(bundled_report).text)
    assert "site-packages" not in text
    assert "/" + "work" not in text
    assert ".toml" not in text  # the bundled data is named as such, with its version
    assert "the dataset that comes with ictgoals, version" in text
    ids = [str(r["indicator"]) for r in status_rows()] + [s for r in status_rows() for s in r["sources"]]  # type: ignore[attr-defined]
    assert not [i for i in ids if i in text]


def test_sources_are_numbered_notes_by_title(bundled_report: str) -> None:
    seen = visible(bundled_report)
    assert "Sources" in seen.headings
    assert re.search(r'<li id="source-1">[^<]*Bộ TT-TT|<li id="source-1">MIC', bundled_report)
    assert '<a href="#source-1">[1]</a>' in bundled_report


def test_dates_and_numbers_in_the_readers_convention(tmp_path: Path) -> None:
    from ictgoals import i18n
    from ictgoals.api import files, sharing
    from ictgoals.output.formats import ReportFormat

    for language, made, figure in (("vi", "Lập ngày 01/12/2026", "45,8%"), ("en", "Made on 1 December 2026", "45.8%")):
        i18n.use(language)
        content = sharing.report(files.load(cache=False), 2025)
        out = io.StringIO()
        sharing.write_report(content, ReportFormat.HTML, None, out, made=dt.date(2026, 12, 1))
        html = out.getvalue()
        assert made in html
        assert figure in html
    i18n.use("en")


def test_no_notes_leaves_the_notes_out(tmp_path: Path) -> None:
    with_notes = run("report", "2025", "-o", str(tmp_path / "a.html"), *DATA)
    without = run("report", "2025", "--no-notes", "-o", str(tmp_path / "b.html"), *DATA)
    assert with_notes.returncode == without.returncode == 0
    assert "Notes on the data" in (tmp_path / "a.html").read_text(encoding="utf-8")  # exports: 132 against 133
    assert "Notes on the data" not in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_a_note_is_a_fact_about_the_sources(tmp_path: Path) -> None:
    run("report", "2025", "-o", str(tmp_path / "r.html"), *DATA)
    html = (tmp_path / "r.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    notes = html.split('<ul class="notes">', 1)[1].split("</ul>", 1)[0]
    # the small data: exports 2024 is 132 in review-2024-a and 133 in review-2024-b, the more recent
    assert "Hardware and electronics exports, 2024: the sources give different figures (132 USD bn" in notes
    assert "133 USD bn" in notes
    assert "review-2024" not in notes


def test_a_province_report_states_the_merger_and_its_own_targets_first(tmp_path: Path) -> None:
    result = run("report", "2025", "--region", "Trà Vinh", "-o", str(tmp_path / "r.html"), *DATA)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Trà Vinh became part of Vĩnh Long on 1 July 2025" in html
    seen = visible(html)
    # Trà Vinh's own target (≥ 60%) comes before the national one it has figures for (≥ 80%)
    assert [cells[1] for cells in seen.review] == ["≥ 60% (2025)", "≥ 80% (2025)"]
    assert "7 other national target(s) have no figures for Trà Vinh." in html


def test_the_successor_names_the_provinces_it_was_formed_from(tmp_path: Path) -> None:
    result = run("report", "2025", "--region", "Vĩnh Long", "-o", str(tmp_path / "r.html"), *DATA)
    assert result.returncode == 0, result.stderr
    assert "Vĩnh Long took in Bến Tre, Trà Vinh on 1 July 2025" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_on_a_terminal_report_asks_for_a_file() -> None:
    import pty

    leader, follower = pty.openpty()
    result = subprocess.run(
        [sys.executable, "-m", "ictgoals", "report", "2025"],
        stdout=follower,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    os.close(follower)
    os.close(leader)
    assert result.returncode == 2
    assert "-o report.html" in result.stderr


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
    assert "Tình hình thực hiện chỉ tiêu chuyển đổi số năm 2025: toàn quốc" in html
    headers = re.findall(r"<th>([^<]*)</th>", html.split("<tbody>", 1)[0])
    assert headers == ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ hoàn thành", "Chênh lệch", "Đánh giá"]
    assert "Tỷ lệ hồ sơ trực tuyến toàn trình" in html


def test_markdown_report_writes_charts_named_by_indicator(tmp_path: Path) -> None:
    result = run("report", "2025", "--format", "markdown", "-o", str(tmp_path / "out"), *DATA)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert (tmp_path / "out" / "charts" / "key.svg").is_file()
    links = re.findall(r"\]\((charts/[\w.-]+\.svg)\)", text)
    charts = {p.name for p in (tmp_path / "out" / "charts").glob("*.svg")}
    # two or more points: dossiers (2020, 2023, 2024), ict_revenue (2023, 2024), gci_rank twice (2022, 2024),
    # exports (2024, and 2023 derived from its stated change)
    assert charts == {"key.svg", "dossiers.svg", "ict_revenue.svg", "gci_rank.svg", "gci_rank-2.svg", "exports.svg"}
    assert sorted(link.split("/")[1] for link in links) == sorted(charts)
    assert text.startswith("# Digital-transformation targets for 2025: national review\n")


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

    content = sharing.report(files.load(GOOD_TARGETS, GOOD_ACTUALS, cache=False), 2025, "VN")  # ranks, shares, amounts
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
    content = sharing.report(files.load(GOOD_TARGETS, GOOD_ACTUALS, cache=False), 2025, "VN")
    here = [charts.chart(s, inline=True) for s in content.sections]
    monkeypatch.setattr(charts, "POOL_THRESHOLD", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert charts.draw_all(content.sections, inline=True) == here
    assert any(svg is None for svg in here)  # a target with one figure keeps its place, with no chart
