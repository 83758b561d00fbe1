"""A report as text: HTML stripped by a real parser, then paragraphs and sentences with their offsets and lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: Elements whose end is the end of a paragraph when HTML is turned into text.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol"}
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_text(raw: str) -> str:
    """The text of a report: HTML (recognised by its tags) through the standard library's HTML parser.

    The Icelandic eth (Ð, ð), which Vietnamese texts typed on some keyboards carry for Đ, đ, is read as Đ, đ.
    """
    raw = raw.replace("Ð", "Đ").replace("ð", "đ")
    if not re.search(r"<(html|body|p|div|br|span|article|h[1-6])\b", raw, re.IGNORECASE):
        return raw
    parser = _Text()
    parser.feed(raw)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip() + "\n"


@dataclass(frozen=True)
class Sentence:
    """A sentence: where it starts and ends in the text, its first line, and the paragraph it belongs to."""

    start: int
    end: int
    line: int
    paragraph: int
    text: str


#: A sentence ends at . ! ? … or ; followed by a space and a capital letter or a digit, or at a line end;
#: never inside a number ("3.744.214", "45,8"), an abbreviation ("TP. Hồ Chí Minh") or an ellipsis.
_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])|\n+")


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, each with its offsets, line and paragraph number."""
    found: list[Sentence] = []
    paragraph = 0
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        paragraph += 1
        start = block.start()
        for piece in _END.split(block.group()):
            if piece is None:
                continue
            offset = text.index(piece, start) if piece else start
            stripped = piece.strip()
            if stripped:
                first = offset + piece.index(stripped)
                line = text.count("\n", 0, first) + 1
                found.append(Sentence(first, first + len(stripped), line, paragraph, stripped))
            start = offset + len(piece)
    return found
