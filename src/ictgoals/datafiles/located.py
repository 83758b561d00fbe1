"""Reading a data file's text and TOML so that every failure, and every entry, has a file and a line."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path
from typing import Any

from ictgoals.errors import DataError
from ictgoals.model import Location

#: The largest data or import file ictgoals reads (docs/data-format.md): ten times the 100,000-figure benchmark.
MAX_FILE_BYTES = 256 * 1024 * 1024


class FileRefusedError(OSError):
    """A path that is not a regular file of a readable size: a FIFO, a device, a directory, or too large."""

    def __init__(self, problem: str, fix: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix


_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Opened without blocking, so a FIFO cannot hang the run, and checked to be a regular file
    before a byte is read, so a device such as /dev/zero cannot fill the memory.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise FileRefusedError("is a directory, not a TOML file.", "Give the path of the file itself.")
        if not stat.S_ISREG(status.st_mode):
            kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
            raise FileRefusedError(f"is {kind}, not a regular file.", "Give the path of a file saved on disk.")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 24) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefusedError(
                f"is larger than {limit // (1024 * 1024)} MB, the most ictgoals reads.",
                "Split the data into several files.",
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
            path, "file not found.", "Check the path, or run `ictgoals init` to start from the bundled data."
        ) from e
    except PermissionError as e:
        raise DataError(path, "permission denied while reading.", "Make the file readable for this user.") from e
    except OSError as e:
        raise DataError(path, f"cannot be read ({e.strerror or e}).") from e
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError(
            Location(str(path), line), f"is not UTF-8 text (byte 0x{raw[e.start]:02x}).", "Save the file as UTF-8."
        ) from e
    return text


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """Parse a data file's text, turning every way it can fail into a DataError."""
    # tomli is tomllib's upstream; its compiled wheel parses the same TOML about twice as fast.
    import tomli

    try:
        table = tomli.loads(text)
    except RecursionError as e:
        raise DataError(path, "is nested too deeply to be a data file.", "Check for runaway brackets.") from e
    except ValueError as e:  # tomllib.TOMLDecodeError and tomli's are ValueErrors
        message = str(e)
        found = re.search(r"line (\d+)", message)
        where = Location(str(path), int(found.group(1))) if found else path
        raise DataError(
            where, f"is not valid TOML: {message}.", "Fix the syntax at that line (see https://toml.io)."
        ) from e
    return table


class Headers:
    """Line numbers of the tables in a file, so errors can point at an entry's line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self._arrays: dict[str, list[int]] = {}

    def array_lines(self, name: str) -> list[int]:
        """The line of each `[[name]]` header, in order."""
        if name not in self._arrays:
            text = self.text
            header = re.compile(rf"[ \t]*\[\[[ \t]*{re.escape(name)}[ \t]*\]\]")
            lines, last_pos, last_line = [], 0, 1
            # str.find skips through a large file far faster than a multi-line regex scan.
            position = text.find("[[")
            while position != -1:
                start = text.rfind("\n", 0, position) + 1
                if header.match(text, start):
                    last_line += text.count("\n", last_pos, start)
                    last_pos = start
                    lines.append(last_line)
                position = text.find("[[", text.find("\n", position) + 1 or len(text))
            self._arrays[name] = lines
        return self._arrays[name]

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
        lines = self.text.splitlines()
        pattern = re.compile(rf"[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=")
        for number in range(start, len(lines)):
            line = lines[number]
            if line.lstrip().startswith("["):
                break
            if pattern.match(line):
                return number + 1
        return start


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f'the text "{shown}"'
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.date | dt.time):
        return f"the date/time {value.isoformat()}"
    if isinstance(value, int) and abs(value) >= 10**20:  # never print, or even convert, a huge number in full
        return f"a whole number of about {int(value.bit_length() * 0.30103) + 1} digits"
    return f"{type(value).__name__} {value!r}"
