"""Reading a data file's text and TOML so that every failure, and every entry, has a file and a line."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import os
import re
import stat
from pathlib import Path
from typing import Any

from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.model import Location

#: The largest data or import file ictgoals reads (docs/data-format.md): ten times the 100,000-figure benchmark.
MAX_FILE_BYTES = 256 * 1024 * 1024


class FileRefusedError(OSError):
    """A path that is not a regular file of a readable size: a FIFO, a device, a directory, or too large."""

    def __init__(self, problem: str, fix: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix


def kind_of(mode: int) -> str:
    """What a path that is not a regular file is, in words."""
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFIFO:
        return tr("a FIFO (named pipe)")
    if kind == stat.S_IFCHR:
        return tr("a character device")
    if kind == stat.S_IFBLK:
        return tr("a block device")
    if kind == stat.S_IFSOCK:
        return tr("a socket")
    return tr("not a regular file")


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Opened without blocking, so a FIFO cannot hang the run, and checked to be a regular file
    before a byte is read, so a device such as /dev/zero cannot fill the memory.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise FileRefusedError(tr("is a directory, not a TOML file."), tr("Give the path of the file itself."))
        if not stat.S_ISREG(status.st_mode):
            raise FileRefusedError(
                tr("is {kind}, not a regular file.", kind=kind_of(status.st_mode)),
                tr("Give the path of a file saved on disk."),
            )
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 24) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefusedError(
                tr("is larger than {size} MB, the most ictgoals reads.", size=limit // (1024 * 1024)),
                tr("Split the data into several files."),
            )
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: Path) -> str:
    """Read a data file's text, turning every way it can fail into a DataError."""
    try:
        raw = read_bytes(path)
    except FileRefusedError as e:
        raise DataError(path, e.problem, e.fix) from e
    except FileNotFoundError as e:
        raise DataError(
            path,
            tr("file not found."),
            tr("Check the path, or run `ictgoals init` to start from the bundled data."),
        ) from e
    except PermissionError as e:
        raise DataError(
            path, tr("permission denied while reading."), tr("Make the file readable for this user.")
        ) from e
    except OSError as e:
        raise DataError(path, tr("cannot be read ({reason}).", reason=e.strerror or e)) from e
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError(
            Location(str(path), line),
            tr("is not UTF-8 text (byte {byte}).", byte=f"0x{raw[e.start]:02x}"),
            tr("Save the file as UTF-8."),
        ) from e
    return text


def parse_toml(path: Path, text: str, headers: Headers | None = None, array: str = "") -> dict[str, Any]:
    """Parse a data file's text, turning every way it can fail into a DataError.

    rtoml (Rust) parses, in pieces cut at the `[[array]]` headers `headers` found: pieces keep
    its memory low, and every piece but the first must hold only `array` entries, so the pieces
    mean what the whole file means. Anything rtoml refuses, or that could read differently in
    pieces, is parsed again whole by tomli, whose errors name the line: a file is never accepted
    on rtoml's word alone where tomli would refuse it (tests/test_parse.py compares the two).
    """
    table = _fast(text, [] if headers is None or not array else headers.array_starts(array)[0], array)
    if table is not None:
        return table
    # tomli is tomllib's upstream; its compiled wheel parses the same TOML about twice as fast.
    import tomli

    try:
        table = tomli.loads(text)
    except RecursionError as e:
        raise DataError(path, tr("is nested too deeply to be a data file."), tr("Check for runaway brackets.")) from e
    except ValueError as e:  # tomllib.TOMLDecodeError and tomli's are ValueErrors
        message = str(e)
        found = re.search(r"line (\d+)", message)
        where = Location(str(path), int(found.group(1))) if found else path
        raise DataError(
            where,
            tr("is not valid TOML: {message}.", message=message),
            tr("Fix the syntax at that line (see https://toml.io)."),
        ) from e
    return table


#: The size of the pieces rtoml parses a large file in: its peak memory grows with the piece.
PIECE_BYTES = 256 * 1024


def _fast(text: str, starts: list[int], array: str) -> dict[str, Any] | None:
    """The file's table as rtoml reads it, or None to leave it to tomli."""
    try:
        import rtoml
    except ImportError:  # a platform without its wheel: tomli alone
        return None
    # Where the two parsers may differ on a valid file: rtoml accepts a byte order mark, which
    # tomli refuses, and keeps CRLF inside multi-line strings, which tomli turns into LF.
    if text.startswith("\ufeff") or ("\r" in text and ('"""' in text or "'''" in text)):
        return None
    cuts = starts[:1]
    for start in starts:
        if start - cuts[-1] >= PIECE_BYTES:
            cuts.append(start)
    try:
        if not cuts:
            table: dict[str, Any] = rtoml.loads(text)
            return table
        # The part before the first header cannot hold `array`: if it does, the file defines it
        # twice (an error) or as something else, and only a whole parse can say what it means.
        table = rtoml.loads(text[: cuts[0]])
        if array in table:
            return None
        items: list[Any] = []
        for start, end in itertools.pairwise([*cuts, len(text)]):
            piece = rtoml.loads(text[start:end])
            found = piece.get(array)
            # A cut inside a string or an array leaves an unfinished piece, which rtoml refuses.
            if len(piece) != 1 or type(found) is not list:
                return None
            items += found
    except BaseException as e:  # whatever rtoml refuses, tomli explains
        # A Rust panic arrives as pyo3's PanicException, a BaseException; an interrupt is not ours.
        if not isinstance(e, Exception) and type(e).__name__ != "PanicException":
            raise
        return None
    table[array] = items
    return table


class Headers:
    """Line numbers of the tables in a file, so errors can point at an entry's line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self._arrays: dict[str, tuple[list[int], list[int]]] = {}

    def array_starts(self, name: str) -> tuple[list[int], list[int]]:
        """The offset and the line of each `[[name]]` header, in order."""
        if name not in self._arrays:
            self._arrays[name] = self._plain_headers(name) or self._any_headers(name)
        return self._arrays[name]

    def array_lines(self, name: str) -> list[int]:
        """The line of each `[[name]]` header, in order."""
        return self.array_starts(name)[1]

    def _plain_headers(self, name: str) -> tuple[list[int], list[int]] | None:
        """The headers when every `[[` in the file opens a `[[name]]` header written plainly at the start of a line."""
        needle = f"\n[[{name}]]"
        # Split at the headers: the pieces' lengths and line counts give every header's offset
        # and line without a Python-level loop over a large file.
        pieces = ("\n" + self.text).split(needle)
        if self.text.count("[[") != len(pieces) - 1:
            return None  # another kind of header, or `[[` in a value: scanned line by line
        # Header k (from 0) starts where the k-th needle did in "\n" + text; k needles and the
        # newlines of the pieces before it come before it.
        before, count = pieces[:-1], len(pieces) - 1
        starts = list(
            map(operator.add, itertools.accumulate(map(len, before)), range(0, count * len(needle), len(needle)))
        )
        newlines = itertools.accumulate(map(str.count, before, itertools.repeat("\n")))
        return starts, list(map(operator.add, newlines, range(1, count + 1)))

    def _any_headers(self, name: str) -> tuple[list[int], list[int]]:
        text = self.text
        header = re.compile(rf"[ \t]*\[\[[ \t]*{re.escape(name)}[ \t]*\]\]")
        starts = []
        # str.find skips through a large file far faster than a multi-line regex scan.
        position = text.find("[[")
        while position != -1:
            start = text.rfind("\n", 0, position) + 1
            if header.match(text, start):
                starts.append(start)
            position = text.find("[[", text.find("\n", position) + 1 or len(text))
        return starts, self._lines(starts)

    def _lines(self, starts: list[int]) -> list[int]:
        lines, count, previous, line = [], self.text.count, 0, 1
        for start in starts:
            line += count("\n", previous, start)
            previous = start
            lines.append(line)
        return lines

    def table_line(self, table: str, key: str) -> int | None:
        pattern = re.compile(
            rf"^[ \t]*\[[ \t]*{re.escape(table)}[ \t]*\.[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*\]", re.M
        )
        m = pattern.search(self.text)
        return None if m is None else self.text.count("\n", 0, m.start()) + 1

    def key_line(self, start: int | None, key: str) -> int | None:
        """The line of `key = …` in the table that starts at line `start`."""
        if start is None:
            return None
        lines = self.text.split("\n")  # not splitlines(): U+2028, U+0085 … in a string are no line breaks in TOML
        pattern = re.compile(rf"[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=")
        for number in range(start, len(lines)):
            line = lines[number]
            if line.lstrip().startswith("["):
                break
            if pattern.match(line):
                return number + 1
        return start


def describe(value: Any) -> str:
    """A value from a data file, in words, for a message: "nothing", "a list of 3", "the text "…""."""
    if value is None:
        return tr("nothing")
    if isinstance(value, bool):
        return tr("the boolean {value}", value=str(value).lower())
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return tr('the text "{text}"', text=shown)
    if isinstance(value, list):
        return tr("a list of {count}", count=len(value))
    if isinstance(value, dict):
        return tr("a table")
    if isinstance(value, dt.date | dt.time):
        return tr("the date/time {value}", value=value.isoformat())
    if isinstance(value, int) and abs(value) >= 10**20:  # never print, or even convert, a huge number in full
        return tr("a whole number of about {count} digits", count=int(value.bit_length() * 0.30103) + 1)
    if type(value) is int:
        return tr("int {value!r}", value=value)
    if type(value) is float:
        return tr("float {value!r}", value=value)
    return f"{type(value).__name__} {value!r}"
