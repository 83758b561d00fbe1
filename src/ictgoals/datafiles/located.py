"""Reading a data file's text and TOML so that every failure, and every entry, has a file and a line."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.localize import plain
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


def parse_toml(
    path: Path, text: str, headers: Headers | None = None, array: str = "", *, compact: bool = False
) -> dict[str, Any]:
    """Parse a data file's text, turning every way it can fail into a DataError.

    rtoml (Rust) parses, in pieces cut at the `[[array]]` headers `headers` found: pieces keep
    its memory low, and every piece but the first must hold only `array` entries, so the pieces
    mean what the whole file means. Anything rtoml refuses, or that could read differently in
    pieces, is parsed again whole by tomli, whose errors name the line: a file is never accepted
    on rtoml's word alone where tomli would refuse it (tests/test_parse.py compares the two).

    With `compact`, a list of entries under `array` comes as `columns.Entries`, the same entries
    stored compactly; each piece is stored as soon as it is parsed, so the parsed tables of a
    large file never all exist at once.
    """
    table = _fast(text, [] if headers is None or not array else headers.array_starts(array)[0], array, compact)
    if table is not None:
        return table
    # tomli is tomllib's upstream; its compiled wheel parses the same TOML about twice as fast.
    import tomli

    try:
        table = tomli.loads(text)
    except RecursionError as e:
        raise DataError(path, tr("is nested too deeply to be a data file."), tr("Check for runaway brackets.")) from e
    except ValueError as e:  # tomllib.TOMLDecodeError and tomli's are ValueErrors
        if text.startswith("\ufeff"):  # Notepad's "UTF-8 with BOM": TOML allows no byte order mark
            raise DataError(
                Location(str(path), 1),
                tr("starts with a byte order mark (BOM), which a TOML file may not hold."),
                tr("Save it as UTF-8 without a BOM (in Notepad: Save As, Encoding: UTF-8)."),
            ) from e
        if (line := overlong_number_line(text)) is not None:
            raise overlong_number(Location(str(path), line)) from e
        message = str(e)
        found = re.search(r"line (\d+)", message)
        where = Location(str(path), int(found.group(1))) if found else path
        raise DataError(
            where,
            tr("is not valid TOML: {message}.", message=message),
            tr("Fix the syntax at that line (see https://toml.io)."),
        ) from e
    if compact and type(table.get(array)) is list:
        from ictgoals.datafiles.columns import Entries  # the loader's: a warm run reads no TOML

        table[array] = Entries(table[array])
    return table


#: The size of the pieces rtoml parses a large file in: its peak memory grows with the piece.
PIECE_BYTES = 256 * 1024
#: The size of the windows a file's text is split in to find its headers (a few times a piece).
HEADER_WINDOW = 1024 * 1024


#: The most digits Python turns into a whole number (sys.get_int_max_str_digits): a longer one is refused.
MOST_DIGITS = 4300


def overlong_number_line(text: str) -> int | None:
    """The line of the first number with more digits than a whole number may have, if the text holds one."""
    found = re.search(rf"\d{{{MOST_DIGITS + 1},}}", text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def overlong_number(where: Location | str) -> DataError:
    """The error for a number of more than MOST_DIGITS digits, which no figure needs."""
    return DataError(
        where,
        tr("holds a number of more than {digits} digits.", digits=plain(MOST_DIGITS)),
        tr("No figure needs that many: check the number, or the scale it is written in."),
    )


def _fast(text: str, starts: list[int], array: str, compact: bool = False) -> dict[str, Any] | None:
    """The file's table as rtoml reads it, or None to leave it to tomli."""
    try:
        import rtoml
    except ImportError:  # a platform without its wheel: tomli alone
        return None
    # Where the two parsers may differ on a valid file: rtoml accepts a byte order mark, which
    # tomli refuses, and keeps CRLF inside multi-line strings, which tomli turns into LF.
    if text.startswith("\ufeff") or ("\r" in text and ('"""' in text or "'''" in text)):
        return None
    from ictgoals.datafiles.columns import Entries  # the loader's: a warm run reads no TOML

    cuts = starts[:1]
    for start in starts:
        if start - cuts[-1] >= PIECE_BYTES:
            cuts.append(start)
    try:
        if not cuts:
            table: dict[str, Any] = rtoml.loads(text)
            if compact and type(table.get(array)) is list:
                table[array] = Entries(table[array])
            return table
        # The part before the first header cannot hold `array`: if it does, the file defines it
        # twice (an error) or as something else, and only a whole parse can say what it means.
        table = rtoml.loads(text[: cuts[0]])
        if array in table:
            return None
        items: Entries | list[Any] = Entries() if compact else []
        for start, end in itertools.pairwise([*cuts, len(text)]):
            piece = rtoml.loads(text[start:end])
            found = piece.get(array)
            # A cut inside a string or an array leaves an unfinished piece, which rtoml refuses.
            if len(piece) != 1 or type(found) is not list:
                return None
            items.extend(found)
    except BaseException as e:  # whatever rtoml refuses, tomli explains
        # A Rust panic arrives as pyo3's PanicException, a BaseException; an interrupt is not ours.
        if not isinstance(e, Exception) and type(e).__name__ != "PanicException":
            raise
        return None
    table[array] = items
    return table


class Headers:
    """Line numbers of the tables in a file, so errors can point at an entry's line.

    Each kind of header is found in one scan of the text, on first use: the `[[name]]` headers
    of an array, and the `[name.key]` headers of every keyed table (`keyed`) at once.
    """

    def __init__(self, path: Path, text: str, keyed: Iterable[str] = ()) -> None:
        self.path = path
        self.text = text
        self._arrays: dict[str, tuple[list[int], list[int]]] = {}
        self._keyed = tuple(keyed)
        self._tables: dict[str, dict[str, int]] = {}
        self.table_scans = 0  # how many scans of the text table_line has made (tests check it is one)

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
        text, needle = self.text, f"\n[[{name}]]"
        if text.count("[[") != text.count(needle) + text.startswith(needle[1:]):
            return None  # another kind of header, or `[[` in a value: scanned line by line
        starts, lines = ([0], [1]) if text.startswith(needle[1:]) else ([], [])
        # Split at the headers, a window of the text at a time (a window ends where a header
        # starts): the pieces' lengths and line counts give every header's offset and line
        # without a Python-level loop over a large file, or a copy of all of it.
        start, newlines = 0, 0  # where the window starts, and the newlines before it
        while start < len(text):
            end = text.find(needle, start + HEADER_WINDOW) if start + HEADER_WINDOW < len(text) else -1
            end = len(text) if end == -1 else end
            pieces = text[start:end].split(needle)
            before, count = pieces[:-1], len(pieces) - 1
            # The k-th needle (from 0) of the window is at the pieces before it and k needles; its
            # header one character later, on the line after the newlines before it and its own.
            offsets = itertools.accumulate(map(len, before), initial=start)
            starts += map(operator.add, itertools.islice(offsets, 1, None), range(1, count * len(needle), len(needle)))
            counts = list(map(str.count, pieces, itertools.repeat("\n")))
            seen = itertools.accumulate(counts[:-1], initial=newlines)
            lines += map(operator.add, itertools.islice(seen, 1, None), range(2, count + 2))
            newlines += sum(counts) + count
            start = end
        return starts, lines

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
        """The line of the first `[table.key]` header (the key bare or quoted), or None."""
        if table not in self._tables:
            self._scan_tables((*self._keyed, table) if table not in self._keyed else self._keyed)
        return self._tables[table].get(key)

    def _scan_tables(self, names: tuple[str, ...]) -> None:
        """Find the `[name.key]` headers of every table in `names`, in one scan of the text.

        A header is a line of only spaces or tabs before `[`, then the name, a dot and the key,
        bare or between quotes, then `]`. Each key gets the line of its first header.
        """
        text = self.text
        found: dict[str, dict[str, int]] = {name: {} for name in names}
        pattern = re.compile(r"\[[ \t]*(" + "|".join(map(re.escape, names)) + r")[ \t]*\.")
        line, counted = 1, 0
        for match in pattern.finditer(text):
            start = text.rfind("\n", 0, match.start()) + 1
            if text[start : match.start()].strip(" \t"):
                continue  # not at the start of its line
            line += text.count("\n", counted, start)
            counted = start
            end = text.find("\n", match.end())
            keys = found[match.group(1)]
            for key in _header_keys(text[match.end() : len(text) if end == -1 else end]):
                keys.setdefault(key, line)
        self._tables.update(found)
        self.table_scans += 1

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


_QUOTES = ("'", '"')


def _header_keys(rest: str) -> set[str]:
    """Every key K for which `rest`, a header line after its `[name.`, reads `[ \t]*["']?K["']?[ \t]*]`.

    Spaces and tabs are never part of a bare key, and a closing bracket may be inside a
    quoted key, so every way to read the line is kept; a header line is short.
    """
    keys: set[str] = set()
    close = rest.find("]")
    while close != -1:
        body = rest[:close]
        first, last = len(body) - len(body.lstrip(" \t")), len(body.rstrip(" \t"))
        for start in range(first + 1):
            for end in range(max(last, start), len(body) + 1):
                core = body[start:end]
                opens, closes = core[:1] in _QUOTES, core[-1:] in _QUOTES
                keys.add(core)
                if opens:
                    keys.add(core[1:])
                if closes:
                    keys.add(core[:-1])
                if opens and closes and len(core) > 1:
                    keys.add(core[1:-1])
        close = rest.find("]", close + 1)
    return keys


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
