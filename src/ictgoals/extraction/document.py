"""A report as sentences: its text (HTML read by `page`), cut into paragraphs and sentences with offsets and lines.

One pass over the text, so the cost grows with its length only. A line is a paragraph (text copied
from a web page has one paragraph per line); a sentence ends at `.`, `!`, `?` or `…` before a capital
or a digit, at `;` before a capital, and at a line end. Page furniture (navigation, related-article
asides, footers) gives no sentences. A sentence longer than MAX_SENTENCE characters is read in
pieces, and the document says so in its notes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ictgoals.extraction.page import Page, is_html, read_page
from ictgoals.i18n import tr
from ictgoals.values import Value

#: The longest sentence read whole; a longer run of text without a full stop is read in pieces.
MAX_SENTENCE = 1_500


@dataclass(frozen=True, eq=False, repr=False)
class Sentence(Value):
    """A sentence: where it starts and ends in the text, its first line, and the paragraph it belongs to.

    `heading` is what a table cell's column header and row label say ("Kế hoạch năm 2023: Tỷ lệ …:"),
    read before the cell's own text; `item` says the sentence is in a list item (a bullet or `<li>`)."""

    start: int
    end: int
    line: int
    paragraph: int
    text: str
    heading: str = ""
    item: bool = False


@dataclass(frozen=True, eq=False, repr=False)
class Document(Value):
    text: str
    sentences: tuple[Sentence, ...]
    notes: tuple[str, ...] = ()


#: Where a sentence ends inside a line: after . ! ? … before a capital, a digit or an opening quote, or after
#: `;` before a capital. Never inside a number ("3.744.214"), nor after an abbreviation (checked below).
_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“‘(]?[A-ZĐÀ-Ỹ0-9])|;\s+(?=[A-ZĐÀ-Ỹ])")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:[A-ZĐa-z]|tp|no|nos|mr|mrs|ms|dr|st|vs|ts|ths|pgs|gs|co|ltd|inc|jr|sr)\.$", re.I
)
_BULLET = re.compile(r"[-–•+*▪●○◦]\s")


def plain_text(raw: str) -> str:
    """The text of a report: HTML (recognised by its tags) through the standard library's HTML parser.

    The Icelandic eth (Ð, ð), which Vietnamese texts typed on some keyboards carry for Đ, đ, is read as Đ, đ.
    """
    return _page(raw).text


def _page(raw: str) -> Page:
    raw = raw.replace("Ð", "Đ").replace("ð", "đ")
    return read_page(raw) if is_html(raw) else Page(raw)


def _pieces(line: str) -> list[tuple[int, str]]:
    """The sentences of one line, with their offsets in it."""
    found: list[tuple[int, str]] = []
    start = 0
    for end in _END.finditer(line):
        if line[end.start() - 1 : end.start()] == "." and _ABBREVIATION.search(
            line, max(0, end.start() - 5), end.start()
        ):
            continue
        found.append((start, line[start : end.start()]))
        start = end.end()
    found.append((start, line[start:]))
    return found


def _cells(line: str, begin: int, starts: list[int]) -> list[tuple[int, str]]:
    """The sentences of a line that starts at `begin` in the text, cut also where a table cell starts or ends."""
    at = bisect.bisect_right(starts, begin)
    cuts = [start - begin for start in starts[at : bisect.bisect_left(starts, begin + len(line))]]
    if not cuts:
        return _pieces(line)
    found: list[tuple[int, str]] = []
    for left, right in zip([0, *cuts], [*cuts, len(line)], strict=True):
        found.extend((left + offset, piece) for offset, piece in _pieces(line[left:right]))
    return found


def _cut(offset: int, piece: str) -> list[tuple[int, str]]:
    """A piece no longer than MAX_SENTENCE, cut at spaces where it is longer."""
    out: list[tuple[int, str]] = []
    while len(piece) > MAX_SENTENCE:
        cut = piece.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        out.append((offset, piece[:cut]))
        offset, piece = offset + cut, piece[cut:]
    out.append((offset, piece))
    return out


class _Marks:
    """Ranges of the text (sorted, not overlapping within a kind), asked about in increasing order."""

    def __init__(self, spans: tuple[tuple[int, int], ...]) -> None:
        self.spans = sorted(spans)
        self.index = 0

    def holding(self, offset: int) -> tuple[int, int] | None:
        while self.index < len(self.spans) and self.spans[self.index][1] <= offset:
            self.index += 1
        if self.index < len(self.spans) and self.spans[self.index][0] <= offset:
            return self.spans[self.index]
        return None


def read_document(raw: str) -> Document:
    """The sentences of a report (plain text or HTML), in order, each with its offsets, line and paragraph."""
    page = _page(raw)
    text = page.text
    furniture, items = _Marks(page.furniture), _Marks(page.items)
    cells = _Marks(tuple((cell.start, cell.end) for cell in page.cells))
    headings = {(cell.start, cell.end): cell.heading for cell in page.cells}
    starts = sorted({cell.start for cell in page.cells} | {cell.end for cell in page.cells})
    found: list[Sentence] = []
    long_sentences = 0
    paragraph = 0
    line_start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        begin = line_start
        line_start += len(line) + 1
        if not line.strip() or furniture.holding(begin + len(line) - len(line.lstrip())) is not None:
            continue
        paragraph += 1
        bullet = _BULLET.match(line.lstrip()) is not None
        for offset, piece in _cells(line, begin, starts):
            if len(piece) > MAX_SENTENCE:
                long_sentences += 1
            for at, part in _cut(begin + offset, piece):
                stripped = part.strip()
                if not stripped:
                    continue
                first = at + part.index(stripped)
                cell = cells.holding(first)
                found.append(
                    Sentence(
                        first,
                        first + len(stripped),
                        number,
                        paragraph,
                        stripped,
                        heading=headings.get(cell, "") if cell else "",
                        item=bullet or items.holding(first) is not None,
                    )
                )
    notes: tuple[str, ...] = ()
    if long_sentences:
        notes = (
            tr(
                "{count} sentences were longer than {limit} characters and were read in pieces",
                count=long_sentences,
                limit=MAX_SENTENCE,
            ),
        )
    return Document(text, tuple(found), notes)


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text` (already plain), in order, each with its offsets, line and paragraph number."""
    return list(read_document(text).sentences)
