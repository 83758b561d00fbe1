"""The Markdown renderer: pipe tables of the same cells the terminal table shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO


def escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    out.write("| " + " | ".join(headers) + " |\n")
    out.write("|" + "|".join(" --- " for _ in headers) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(escape(cell) for cell in row) + " |\n")
