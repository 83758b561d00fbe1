"""The output formats every reporting command offers, and what the human formats know about the run."""

from __future__ import annotations

import codecs
import contextlib
import enum
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO, NoReturn, TextIO

#: The environment variables the human formats honour: no colour (no-color.org), and the width.
ENV_NO_COLOR, ENV_COLUMNS = "NO_COLOR", "COLUMNS"


class Format(enum.StrEnum):
    """The output formats every reporting command offers."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    XLSX = "xlsx"


def unreachable(value: NoReturn) -> NoReturn:
    """The end of an exhaustive `match` on Format: a new format fails type checking until handled."""
    raise AssertionError(f"unhandled format {value!r}")


@dataclass(frozen=True, eq=False, repr=False)  # no repr: defining one costs start-up
class Context:
    """What the human-facing formats say about the run: the files used, and the terminal."""

    targets_file: str = ""
    actuals_file: str = ""
    width: int | None = None
    color: bool | None = None
    bom: bool = False  # CSV starts with the UTF-8 byte order mark, for Excel
    every_row: bool = False  # tables list rows with nothing to show too (targets without figures), not one line

    @classmethod
    def for_stream(
        cls,
        out: TextIO,
        targets_file: str,
        actuals_file: str,
        environ: Mapping[str, str] = os.environ,
        terminals: Sequence[TextIO] = (),
        bom: bool = False,
        every_row: bool = False,
    ) -> Context:
        """The width to lay tables out in; see `width_for`."""
        return cls(targets_file, actuals_file, width=width_for(out, environ, terminals), bom=bom, every_row=every_row)


def width_for(out: TextIO, environ: Mapping[str, str], terminals: Sequence[TextIO] = ()) -> int | None:
    """How wide tables on `out` may be (None: the terminal's own width, which Rich measures).

    1. `out` is a terminal: its width (Rich also honours $COLUMNS there).
    2. $COLUMNS, if it is a number from 20 to 1000: the user said so.
    3. `out` is a regular file: 120, whatever terminal the command was typed in, so that saved output is
       the same everywhere.
    4. `out` is a pipe (`ictgoals status | less`): the width of the terminal the user sits at, found on
       `terminals` (stderr, then stdin); with none, 80.
    """
    if _is_terminal(out):
        return None
    if _is_regular_file(out):
        return file_width(environ)
    setting = environ.get(ENV_COLUMNS, "")
    if setting.isdigit() and 20 <= int(setting) <= 1000:
        return int(setting)
    for stream in terminals:
        if _is_terminal(stream):
            try:
                return max(20, os.get_terminal_size(stream.fileno()).columns)
            except (OSError, ValueError):
                continue
    return 80


def file_width(environ: Mapping[str, str]) -> int:
    """How wide tables written to a file are: $COLUMNS if it is a number from 20 to 1000, else 120."""
    setting = environ.get(ENV_COLUMNS, "")
    return int(setting) if setting.isdigit() and 20 <= int(setting) <= 1000 else 120


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False


def _is_regular_file(stream: TextIO) -> bool:
    import stat

    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False


class ReportFormat(enum.StrEnum):
    """The forms a report comes in."""

    HTML = "html"
    MARKDOWN = "markdown"


@contextlib.contextmanager
def utf8(out: TextIO) -> Iterator[TextIO]:
    """`out`, as a stream that writes UTF-8: JSON, CSV, Markdown, TOML and HTML are UTF-8 by contract, whatever
    the locale (`PYTHONIOENCODING=latin-1`, cp1258, `LC_ALL=C`); only the table, for a person at a terminal,
    takes the terminal's encoding (with what it cannot show replaced)."""
    encoding = getattr(out, "encoding", None) or "utf-8"
    if codecs.lookup(encoding).name == "utf-8" or not hasattr(out, "buffer"):
        yield out
        return
    out.flush()
    stream = io.TextIOWrapper(out.buffer, encoding="utf-8", write_through=True)
    try:
        yield stream
        stream.flush()
    finally:
        stream.detach()  # the bytes under `out` stay open


def binary(out: TextIO) -> BinaryIO:
    """The byte stream under a text stream, for the formats that are not text (xlsx)."""
    out.flush()
    return out.buffer


class ExtractFormat(enum.StrEnum):
    """The forms `extract` gives its candidates in."""

    TABLE = "table"
    JSON = "json"
    TOML = "toml"  # a draft to review and import
