"""An HTML page as text: the standard library's parser, with page furniture, list items and table cells marked.

The text is exactly what docs/extract.md defines (and what offsets count in): the parser's text with
`<head>`, scripts and styles left out, block elements ending a paragraph and runs of spaces folded.
Besides it, the page gives the ranges of that text that belong to navigation, related-article
asides and footers (never the article's figures), of list items, and of table cells with the
header of their column and the label of their row. The work is linear in the page: a `<` that
opens no tag is read as text before the parser sees it, so unclosed tags and comments cost nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ictgoals.values import Value

#: Elements whose end is the end of a paragraph when HTML is turned into text.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol"}
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
#: Page furniture: its text stays in the text (offsets count it) but holds no figure of the article.
_FURNITURE = frozenset({"nav", "aside", "footer"})
_FURNITURE_CLASS = re.compile(r"\b(?:related|menu|breadcrumbs?|sidebar|footer|navigation|share|tags)\b", re.I)
#: How much of a column header and of a row label a table cell is read with.
HEADING = 120
_HTML = re.compile(r"<(html|body|p|div|br|span|article|h[1-6])\b", re.IGNORECASE)
#: A `<` that opens a tag, an end tag, a declaration or a processing instruction, closed before the next `<`.
_OPENS_TAG = re.compile(r"<(?![A-Za-z/!?][^<>]*>)")


def is_html(raw: str) -> bool:
    return _HTML.search(raw) is not None


@dataclass(frozen=True, eq=False, repr=False)
class Cell(Value):
    """A table cell's range in the text, and what its column header and row label say about it."""

    start: int
    end: int
    heading: str


@dataclass(frozen=True, eq=False, repr=False)
class Page(Value):
    text: str
    furniture: tuple[tuple[int, int], ...] = ()
    items: tuple[tuple[int, int], ...] = ()
    cells: tuple[Cell, ...] = ()


def _defused(raw: str) -> str:
    """`raw` with every `<` that opens no tag (and every unclosed comment) written `&lt;`, in one pass."""
    parts: list[str] = []
    done = 0
    while (opened := raw.find("<!--", done)) >= 0:
        closed = raw.find("-->", opened + 4)
        if closed < 0:  # no comment after this one can close either
            parts.append(_OPENS_TAG.sub("&lt;", raw[done:opened]))
            parts.append(_OPENS_TAG.sub("&lt;", raw[opened:].replace("<!--", "&lt;!--")))
            return "".join(parts)
        parts.append(_OPENS_TAG.sub("&lt;", raw[done:opened]))
        parts.append(raw[opened : closed + 3])
        done = closed + 3
    parts.append(_OPENS_TAG.sub("&lt;", raw[done:]))
    return "".join(parts)


@dataclass
class _Table:
    rows: list[list[tuple[int, int, str, bool]]] = field(default_factory=list)  # (start, end, text, header)
    cell: list[str] | None = None
    cell_start: int = 0
    cell_header: bool = False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.skipping = 0
        self.furniture: list[str] = []  # the open furniture elements
        self.furniture_start = 0
        self.furniture_ranges: list[tuple[int, int]] = []
        self.item_start: int | None = None
        self.items: list[tuple[int, int]] = []
        self.tables: list[_Table] = []
        self.cells: list[tuple[int, int, str]] = []

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        marked = " ".join(value or "" for name, value in attrs if name in ("class", "id"))
        if tag in _FURNITURE or (marked and _FURNITURE_CLASS.search(marked) and tag in ("div", "section", "ul")):
            if not self.furniture:
                self.furniture_start = self.length
            self.furniture.append(tag)
        if tag in _BLOCKS:
            self._write("\n\n")
        if tag == "li":
            self._end_item()
            self.item_start = self.length
        elif tag == "table":
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self._end_cell()
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables:
            self._end_cell()
            table = self.tables[-1]
            table.cell, table.cell_start, table.cell_header = [], self.length, tag == "th"

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in ("td", "th", "tr"):
            self._end_cell()
        elif tag == "table" and self.tables:
            self._end_cell()
            self._end_table(self.tables.pop())
        elif tag in ("li", "ul", "ol"):
            self._end_item()
        if tag in _BLOCKS:
            self._write("\n\n")
        if self.furniture and self.furniture[-1] == tag:
            self.furniture.pop()
            if not self.furniture:
                self.furniture_ranges.append((self.furniture_start, self.length))

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self._write(data)
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.append(data)

    def _end_item(self) -> None:
        if self.item_start is not None:
            self.items.append((self.item_start, self.length))
            self.item_start = None

    def _end_cell(self) -> None:
        table = self.tables[-1] if self.tables else None
        if table is None or table.cell is None:
            return
        if not table.rows:
            table.rows.append([])
        text = " ".join("".join(table.cell).split())
        table.rows[-1].append((table.cell_start, self.length, text, table.cell_header))
        table.cell = None

    def _end_table(self, table: _Table) -> None:
        """Each data cell's heading: its column's header and its row's label ("Kế hoạch năm 2023: Tỷ lệ …")."""
        rows = [row for row in table.rows if row]
        if len(rows) < 2 or not all(header for *_, header in rows[0]):
            return
        headers = [text[:HEADING] for _, _, text, _ in rows[0]]
        for row in rows[1:]:
            label = row[0][2][:HEADING]
            for column, (start, end, _, _) in enumerate(row[1:], start=1):
                heading = headers[column] if column < len(headers) else ""
                self.cells.append((start, end, f"{heading}: {label}:"))

    def close(self) -> None:
        super().close()
        self._end_item()
        if self.furniture:
            self.furniture_ranges.append((self.furniture_start, self.length))


def _substitute(text: str, pattern: re.Pattern[str], repl: str, marks: list[int]) -> tuple[str, list[int]]:
    """`pattern.sub(repl, text)`, and the offsets `marks` (in order) moved to where they land in the result."""
    out: list[str] = []
    moved: list[int] = []
    done = shift = index = 0
    for match in pattern.finditer(text):
        while index < len(marks) and marks[index] <= match.start():
            moved.append(marks[index] + shift)
            index += 1
        while index < len(marks) and marks[index] < match.end():
            moved.append(match.start() + shift + min(len(repl), marks[index] - match.start()))
            index += 1
        out.append(text[done : match.start()])
        out.append(repl)
        shift += len(repl) - (match.end() - match.start())
        done = match.end()
    moved.extend(mark + shift for mark in marks[index:])
    out.append(text[done:])
    return "".join(out), moved


_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def read_page(raw: str) -> Page:
    """The text of an HTML page, with the ranges of its furniture, list items and table cells."""
    reader = _Reader()
    reader.feed(_defused(raw))
    reader.close()
    spans: list[tuple[int, int]] = [*reader.furniture_ranges, *reader.items, *((s, e) for s, e, _ in reader.cells)]
    order = sorted({offset for span in spans for offset in span})
    text, moved = _substitute("".join(reader.parts), _SPACES, " ", order)
    text, moved = _substitute(text, _BLANK_LINES, "\n\n", moved)
    lead = len(text) - len(text.lstrip())
    text = text.strip() + "\n"
    where = {old: min(max(new - lead, 0), len(text)) for old, new in zip(order, moved, strict=True)}

    def place(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        return tuple((where[start], where[end]) for start, end in spans if where[end] > where[start])

    cells = tuple(Cell(where[s], where[e], heading) for s, e, heading in reader.cells if where[e] > where[s])
    return Page(text, place(reader.furniture_ranges), place(reader.items), cells)
