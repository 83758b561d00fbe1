"""`ictgoals report`: one self-contained HTML file (or Markdown with SVG files), charts per target, all escaped."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

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
    assert "this report uses the first, from the most recent source." in notes  # 30 against 29 December
    assert "review-2024" not in notes


def test_a_note_on_sources_of_the_same_date_does_not_call_one_more_recent(tmp_path: Path) -> None:
    targets = GOOD_TARGETS.read_text(encoding="utf-8").replace("published = 2024-12-30", "published = 2024-12-29")
    (tmp_path / "targets.toml").write_text(targets, encoding="utf-8")
    run("report", "2025", "-o", str(tmp_path / "r.html"), "--targets", str(tmp_path / "targets.toml"),
        "--actuals", str(GOOD_ACTUALS))  # fmt: skip
    html = (tmp_path / "r.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    notes = html.split('<ul class="notes">', 1)[1].split("</ul>", 1)[0]
    assert "the sources give different figures" in notes
    assert "they are of the same date, and this report uses the first." in notes
    assert "most recent" not in notes


def test_a_province_report_states_the_merger_and_its_own_targets_first(tmp_path: Path) -> None:
    result = run("report", "2025", "--region", "Trà Vinh", "-o", str(tmp_path / "r.html"), *DATA)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Trà Vinh became part of Vĩnh Long on 1 July 2025" in html
    seen = visible(html)
    # Trà Vinh's own target (≥ 60%) comes before the national one it has figures for (≥ 80%)
    assert [cells[1] for cells in seen.review] == ["≥ 60% (2025)", "≥ 80% (2025, national target)"]
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


def test_report_needs_no_plotting_library(tmp_path: Path) -> None:
    """The charts are written by ictgoals itself: a report is made where matplotlib cannot be imported."""
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('matplotlib', 'numpy'):\n"
        "            raise ImportError('blocked')\n"
        "sys.meta_path.insert(0, Block())\n",
        encoding="utf-8",
    )
    result = run("report", "2025", "-o", str(tmp_path / "r.html"), *DATA, env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")


class Marks(HTMLParser):
    """The texts of an SVG chart, each with where it is drawn, and the other marks by element."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[tuple[float, float, str, dict[str, str | None]]] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._text: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._text = dict(attrs) if tag == "text" else None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self.texts.append((float(self._text["x"] or 0), float(self._text["y"] or 0), data, self._text))
            self._text = None


def marks(svg: str) -> Marks:
    found = Marks()
    found.feed(svg)
    return found


def _charts(region: str = "VN") -> dict[str, str]:
    """The SVG of each target's chart in the test data's report, by indicator (the last of an indicator's)."""
    from ictgoals.api import files, sharing
    from ictgoals.output import report_charts as charts

    content = sharing.report(files.load(GOOD_TARGETS, GOOD_ACTUALS, cache=False), 2025, region)
    drawn = {}
    for section in content.sections:
        svg = charts.chart(section, inline=True)
        if svg is not None:
            target = section.row.target
            drawn[target.indicator + (":maintain" if target.op.value == "maintain" else "")] = svg
    return drawn


def test_a_rank_chart_has_whole_ticks_and_rank_one_at_the_top() -> None:
    """gci_rank in the test data: 25 (2022) and 17 (2024), against top 30 in 2025."""
    chart = marks(_charts()["gci_rank"])
    ticks = [(y, words) for x, y, words, attrs in chart.texts if attrs.get("text-anchor") == "end" and x < 60]
    assert ticks
    assert all(re.fullmatch(r"\d+", words) for _, words in ticks), ticks  # never 16.5
    by_value = sorted((int(words), y) for y, words in ticks)
    assert [y for _, y in by_value] == sorted(y for _, y in by_value)  # a better (smaller) rank is drawn higher
    labels = {words: y for _, y, words, _ in chart.texts}
    assert labels["17"] < labels["25"]
    assert "top 30" in labels  # the target line says what it is


def test_every_point_and_the_target_line_are_labelled() -> None:
    """dossiers: 20 (2020), 40 (2023), 45.8 (2024) against ≥ 80% in 2025; years 2020 to 2025 across."""
    chart = marks(_charts()["dossiers"])
    words = [w.replace("\u00a0", " ") for _, _, w, _ in chart.texts]
    assert {"20", "40", "45.8", "≥ 80%"} <= set(words)
    assert [w for w in words if re.fullmatch(r"20\d\d", w)] == ["2020", "2021", "2022", "2023", "2024", "2025"]
    dashed = [a for tag, a in chart.elements if tag == "polyline" and a.get("stroke-dasharray")]
    assert len(dashed) == 3  # the target line, the target year, the projection


def test_a_bound_and_a_derived_value_are_labelled_as_printed() -> None:
    """exports: "> 132" in 2024 (printed as a bound); 2023 derived from its stated change of 11.6%: 132 / 1.116
    = 118.28, shown to the precision of the figure it comes from, 118."""
    chart = marks(_charts()["exports"])
    words = {w.replace("\u00a0", " ") for _, _, w, _ in chart.texts}
    assert "118" in words
    assert "> 132" in words  # printed "hơn 132 tỷ USD" in the test data


def test_the_key_names_every_mark() -> None:
    from ictgoals.output import report_charts as charts

    words = [w for _, _, w, _ in marks(charts.key(inline=True)).texts]
    assert words == [
        "Figures", "estimate", "derived", "Baseline", "Target", "Target year", "Target range", "Projection",
    ]  # fmt: skip


def test_a_chart_file_is_a_standalone_svg_and_an_inline_one_is_not() -> None:
    from ictgoals.api import files, sharing
    from ictgoals.output import report_charts as charts

    content = sharing.report(files.load(GOOD_TARGETS, GOOD_ACTUALS, cache=False), 2025, "VN")
    section = next(s for s in content.sections if charts.has_figures(s))
    standalone, inline = charts.chart(section, inline=False), charts.chart(section, inline=True)
    assert standalone is not None
    assert inline is not None
    assert standalone.startswith('<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')
    assert inline.startswith("<svg ")
    assert "xmlns" not in inline
    assert " id=" not in inline


@settings(max_examples=300, deadline=None)
@given(
    low=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    span=st.floats(min_value=1e-6, max_value=1e9, allow_nan=False),
    whole=st.booleans(),
)
def test_value_ticks_are_few_nice_and_inside_the_axis(low: float, span: float, whole: bool) -> None:
    from ictgoals.output.report_charts import nice_step, ticks

    assume(span >= abs(low) * 1e-9)  # as value_range makes it: a narrower span is one value, given room
    high = low + span
    step = nice_step(span, 6, whole=whole)
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m, rel_tol=1e-9) for m in (1, 2, 2.5, 5, 10))
    if whole:
        assert step >= 1
        assert step == int(step)
    found = ticks(low, high, step)
    assert len(found) <= 8
    assert all(low - step * 1e-6 <= t <= high + step * 1e-6 for t in found)
    assert len(found) >= math.floor(span / step * (1 - 1e-9))  # a multiple of the step in every step's length


def test_a_year_without_targets_is_refused_naming_the_years_that_have_them(tmp_path: Path) -> None:
    result = run("report", "2031", "-o", str(tmp_path / "r.html"), *DATA)
    assert result.returncode == 2
    assert "no target is due in 2031; targets are due in " in result.stderr
    assert "There is nothing to review" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_a_report_that_cites_no_source_has_no_sources_heading(tmp_path: Path) -> None:
    # Vĩnh Long has no figure in the bundled data: the report cites nothing, so it lists nothing.
    result = run("report", "2025", "--region", "Vĩnh Long", "-o", str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'class="review"' in html
    assert 'class="sources"' not in html
    markdown = run("report", "2025", "--region", "Vĩnh Long", "-f", "markdown", "-o", str(tmp_path / "md"))
    assert markdown.returncode == 0, markdown.stderr
    assert "## Sources" not in next((tmp_path / "md").glob("*.md")).read_text(encoding="utf-8")
    assert run("report", "2025", "-o", str(tmp_path / "n.html")).returncode == 0
    assert 'class="sources"' in (tmp_path / "n.html").read_text(encoding="utf-8")  # the nation's report cites


def test_the_review_table_says_what_its_marks_mean(tmp_path: Path) -> None:
    # the small data: exports 2024 is 132 in one report and 133 in another, so the table marks it "!"
    run("report", "2025", "-o", str(tmp_path / "r.html"), *DATA)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    review = html.split('<section class="review">', 1)[1].split("</section>", 1)[0]
    assert "!</td>" in review.replace("\u00a0", " ")
    assert '<p class="key">!: the sources disagree (see the notes on the data)</p>' in review
    run("report", "2025", "--no-notes", "-o", str(tmp_path / "n.html"), *DATA)
    assert '<p class="key">!: sources disagree</p>' in (tmp_path / "n.html").read_text(encoding="utf-8")
