"""`extract` on hostile input (issue 26 item 8): bounded work and bounded output, whatever the text.

Small inputs only, and no timed assertions: bench/extract_scale.py measures the time against size (bench/README.md).
What is checked here is what keeps the work linear: each sentence and each document has caps, a cap leaves
a note, the HTML step reads unclosed tags as text, and each sentence is written once.
"""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ictgoals
from conftest import REPO
from ictgoals.extraction import candidates as candidates_module
from ictgoals.extraction.candidates import MAX_CANDIDATES, extract
from ictgoals.extraction.document import MAX_SENTENCE, read_document
from ictgoals.extraction.mentions import MAX_FIGURES
from ictgoals.extraction.page import read_page
from ictgoals.model import Dataset
from ictgoals.output.as_extract import write_json, write_table, write_toml


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return ictgoals.load(REPO / "targets.toml", REPO / "actuals.toml", cache=False)


def test_an_endless_sentence_of_figures_is_capped_with_notes(dataset: Dataset) -> None:
    found = extract("5% " * 3_000, dataset, date="2024-12-29")
    per_sentence: dict[int, int] = {}
    for c in found:
        per_sentence[c.start - c.offset] = per_sentence.get(c.start - c.offset, 0) + 1
    assert len(per_sentence) > 1  # the one line was read in pieces…
    assert all(len(c.sentence) <= MAX_SENTENCE for c in found)
    assert max(per_sentence.values()) == MAX_FIGURES  # …of at most MAX_FIGURES figures each
    assert len(found.notes) == 2  # and both caps say so


def test_years_are_never_figures_however_many(dataset: Dataset) -> None:
    assert extract("năm 2024 " * 2_000, dataset, date="2024-12-29") == []


def test_lines_of_spaces_give_no_sentence() -> None:
    assert read_document("   \n\t \n" * 5_000 + "Tỷ lệ đạt 5%.").sentences[0].line == 10_001


def test_the_document_cap_stops_reading_with_a_note(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates_module, "MAX_CANDIDATES", 7)
    found = extract("Cả nước có 59.000 doanh nghiệp.\n" * 20, dataset, date="2024-12-29")
    assert len(found) == 7
    assert "7" in found.notes[0]
    assert MAX_CANDIDATES == 2_000


def test_a_report_of_numbers_that_are_not_figures_stops_with_a_note(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Dates, decision numbers and attendees cost as much to judge as figures: at most MAX_NUMBERS are read.
    monkeypatch.setattr(candidates_module, "MAX_NUMBERS", 30)
    text = "Ngày 12/3, hội nghị có 1.500 đại biểu.\n" * 20 + "Tỷ lệ hồ sơ trực tuyến đạt 61%.\n"
    found = extract(text, dataset, date="2024-12-29")
    assert found == []  # three numbers a line (12, 3, 1.500): the last line, after 60 of them, was not read
    assert "30" in found.notes[0]  # how many
    assert "line 11" in found.notes[0]  # and from which line
    assert [c.printed for c in extract(text[-40:], dataset, date="2024-12-29")] == ["61%"]
    assert candidates_module.MAX_NUMBERS == 30
    monkeypatch.undo()
    assert candidates_module.MAX_NUMBERS == 20_000


@pytest.mark.parametrize("junk", ["<p", "<p ", "<a href='x' ", "<!--", "</", "<![CDATA[", "<p<b"])
def test_unclosed_html_is_read_as_text(dataset: Dataset, junk: str) -> None:
    page = read_page("<html><body><p>Tỷ lệ đạt 45%.</p>" + junk * 2_000)
    assert page.text.startswith("Tỷ lệ đạt 45%.")
    assert junk.strip()[:2] in page.text  # what opened no tag is text, not swallowed
    assert extract("<html><body>" + junk * 2_000, dataset, date="2024-12-29") == []


def _reference_text(raw: str) -> str:
    """The text docs/extract.md defines, computed the plain way (the parser on the page as it is)."""
    import re

    blocks = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "table",
        "ul",
        "ol",
    }
    skipped = {"script", "style", "noscript", "template", "head"}

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skipping = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in skipped:
                self.skipping += 1
            elif tag in blocks:
                self.parts.append("\n\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in skipped:
                self.skipping = max(0, self.skipping - 1)
            elif tag in blocks:
                self.parts.append("\n\n")

        def handle_data(self, data: str) -> None:
            if not self.skipping:
                self.parts.append(data)

    parser = Text()
    parser.feed(raw)
    parser.close()
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(parser.parts))
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip() + "\n"


_TAGS = st.sampled_from(["p", "div", "li", "nav", "aside", "footer", "span", "b", "table", "tr", "td", "th", "ul"])
_WORDS = st.text(alphabet=st.sampled_from(list("abc đạt 45,8% \n\t&;")), max_size=12)


@st.composite
def _pages(draw: st.DrawFn) -> str:
    parts = ["<html><body>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(_TAGS)
        parts.append(f"<{tag} class='x'>{draw(_WORDS)}</{tag}>" if draw(st.booleans()) else draw(_WORDS))
    return "".join(parts) + "</body></html>"


@settings(max_examples=150, deadline=None)
@given(_pages())
def test_a_well_formed_pages_text_is_the_defined_text(page: str) -> None:
    read = read_page(page)
    assert read.text == _reference_text(page)
    for start, end in (*read.furniture, *read.items):
        assert 0 <= start <= end <= len(read.text)


def test_furniture_and_cells_are_found_where_the_text_has_them() -> None:
    page = (
        "<html><body><nav>Menu 1 | Top 5</nav><p>Body   text</p><table><tr><th>A</th><th>Năm 2024</th></tr>"
        "<tr><td>Row</td><td>12%</td></tr></table><footer>© 2025</footer></body></html>"
    )
    read = read_page(page)
    (nav, footer) = read.furniture
    assert read.text[nav[0] : nav[1]].strip() == "Menu 1 | Top 5"
    assert read.text[footer[0] : footer[1]].strip() == "© 2025"
    (cell,) = read.cells
    assert (read.text[cell.start : cell.end], cell.heading) == ("12%", "Năm 2024: Row:")


def test_each_sentence_is_written_once(dataset: Dataset) -> None:
    text = "Năm 2024, có 5.000 trạm 5G, 3.000 trạm 4G, 900 trạm vệ tinh và 40% dân số được phủ sóng 5G.\n" * 3
    found = extract(text, dataset, date="2024-12-29")
    out = io.StringIO()
    write_json(found, out)
    document = json.loads(out.getvalue())
    assert len(document["candidates"]) == 12
    assert len(document["sentences"]) == 3
    assert all("sentence" not in c for c in document["candidates"])
    for c in document["candidates"]:
        sentence = document["sentences"][c["sentence_index"]]
        assert sentence["text"][c["offset"] : c["offset"] + len(c["printed"])] == c["printed"]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert text[c["start"] : c["end"]] == c["printed"]
    draft = io.StringIO()
    write_toml(found, draft, source="s", file="report.txt", dataset=dataset)
    assert draft.getvalue().count("có 5.000 trạm 5G") == 3  # once per sentence, not once per entry


def test_the_notes_reach_every_format(dataset: Dataset) -> None:
    found = extract("5% " * 700, dataset, date="2024-12-29")
    assert found.notes
    for write in (
        write_json,
        lambda f, o: write_table(f, o, 100, None),
        lambda f, o: write_toml(f, o, source=None, file="x"),
    ):
        out = io.StringIO()
        write(found, out)
        assert "1500" in out.getvalue() or "1,500" in out.getvalue()


def test_the_table_shows_a_window_of_a_long_sentence(dataset: Dataset) -> None:
    text = "Theo báo cáo " + "rất dài " * 150 + "thì tỷ lệ hồ sơ trực tuyến đạt 45,8% " + "và còn nữa " * 100 + "."
    (candidate,) = extract(text, dataset, date="2024-12-29")
    out = io.StringIO()
    write_table([candidate], out, 200, None)
    assert len(out.getvalue()) < 2_500  # the window around 45,8%, not the whole sentence


_PIECES = st.sampled_from(
    [
        "5",
        "45,8",
        "3.744.214",
        "1,270.5",
        "2024",
        "/",
        "%",
        " tỷ",
        " triệu",
        " đồng",
        " USD",
        "$",
        "VNĐ",
        " năm ",
        " tháng ",
        " quý I/",
        " thứ ",
        " top ",
        " nhóm ",
        " Mbps",
        " lần",
        " so với ",
        " tăng ",
        " đạt ",
        " mục tiêu ",
        " phấn đấu ",
        " kế hoạch ",
        " will ",
        " per cent",
        " million",
        " of ",
        " 10th",
        " – ",
        "-",
        ".",
        ";",
        ":",
        ",",
        "\n",
        "\n\n",
        "(",
        ")",
        "<p>",
        "</p>",
        "<td>",
        "<tr>",
        "<th>",
        "<table>",
        "<nav>",
        "<li>",
        "<",
        ">",
        "&lt;",
        "- ",
        "• ",
        "Năm 2025, ",
        "Last year ",
        "Khi đó, ",
        "Tỉnh Lào Cai: ",
        "9" * 30,
        "0" * 5,
        "ninety",
        "fifth",
    ]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=60), date=st.sampled_from([None, "2025", "2025-03", "2024-12-29"]))
def test_extract_reads_any_text_without_failing(dataset: Dataset, pieces: list[str], date: str | None) -> None:
    raw = "".join(pieces)
    found = extract(raw, dataset, date=date)
    text = read_document(raw).text
    for candidate in found:
        assert text[candidate.start : candidate.end] == candidate.printed
        assert candidate.kind in ("actual", "target")
    out = io.StringIO()
    write_json(found, out)
    json.loads(out.getvalue())
