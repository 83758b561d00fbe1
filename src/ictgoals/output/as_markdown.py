"""The Markdown renderer: pipe tables of the same cells the terminal table shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ictgoals.output.safe import printable


def escape(text: str) -> str:
    """A cell's text as literal Markdown: no table breaks, links, HTML or control characters from data."""
    text = text.replace("\n", " ")
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return printable(text)


def write(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    out.write("| " + " | ".join(headers) + " |\n")
    out.write("|" + "|".join(" --- " for _ in headers) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(escape(cell) for cell in row) + " |\n")
