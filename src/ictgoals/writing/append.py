"""Appends entries to a data file so that no byte of it is ever lost: locked, checked, atomic."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ictgoals.errors import IctgoalsError, WriteError

if TYPE_CHECKING:
    from ictgoals.writing.inputs import TomlValue

#: Checks the whole new text of the file before it replaces the old; raises to refuse it.
Check = Callable[[str], object]


def lock_path(path: Path) -> Path:
    """The sidecar file whose advisory lock serialises writers of `path`."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock for `path` (on a sidecar, which is never replaced)."""
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise _write_error(path, e, "take the write lock for") from e
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def entries_text(
    table: str, entries: Sequence[Mapping[str, TomlValue]], sources: Mapping[str, Mapping[str, TomlValue]]
) -> str:
    """TOML for new sources and `[[table]]` entries, written by tomli-w."""
    import tomli_w

    parts = []
    if sources:
        parts.append(tomli_w.dumps({"sources": dict(sources)}))
    # Each entry as its own [[table]] header and plain key = value lines: tomli-w would write a
    # short array of tables inline, which reads badly next to hand-written entries.
    parts += [f"[[{table}]]\n" + "".join(_line(key, value) for key, value in entry.items()) for entry in entries]
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)


def _line(key: str, value: TomlValue) -> str:
    """One `key = value` line; a list stays on one line, as a person writes `value = [30, 40]`."""
    import tomli_w

    if isinstance(value, list):
        items = (tomli_w.dumps({"x": item})[len("x = ") :].strip() for item in value)
        return f"{tomli_w.dumps({key: 0}).split(' = ')[0]} = [{', '.join(items)}]\n"
    return tomli_w.dumps({key: value})


def appended(original: str, addition: str) -> str:
    """The original text, untouched, then a blank line and the addition."""
    if not original:
        return addition
    return original + ("" if original.endswith("\n") else "\n") + "\n" + addition


def append(path: Path, build: Callable[[str], str], check: Check) -> str:
    """Append what `build(current_text)` returns to `path`, atomically, under the lock.

    `build` sees the text as it is once the lock is held, so concurrent writers never
    work from a stale copy. The new text must pass `check` before anything is written.
    Returns the text that was appended ("" when `build` had nothing to add).
    """
    with locked(path):
        try:
            original = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise _write_error(path, e, "read") from e
        addition = build(original)
        if not addition:
            return ""
        new_text = appended(original, addition)
        check(new_text)
        replace_atomically(path, new_text)
        return addition


def replace_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, fsync it, keep the mode, and rename it over `path`.

    A failure at any step leaves the original file as it was; the temporary file is removed.
    """
    directory = path.parent
    try:
        mode = path.stat().st_mode & 0o7777
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise _write_error(path, e, "prepare to write") from e
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(e, OSError):
            raise _write_error(path, e, "write") from e
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; some file systems cannot open a directory, which is fine."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_error(path: Path, error: BaseException, doing: str) -> IctgoalsError:
    if isinstance(error, UnicodeDecodeError):
        return WriteError(f"{path}: is not UTF-8 text, so nothing was written. Save it as UTF-8 and try again.")
    assert isinstance(error, OSError)
    reason = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOENT: "no such file or directory",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the file system is read-only",
    }.get(error.errno or 0, error.strerror or str(error))
    fix = {
        errno.EACCES: "Check that you may write to the file and its directory.",
        errno.EPERM: "Check that you may write to the file and its directory.",
        errno.ENOENT: "Check the path, or create the file with `ictgoals init DIR`.",
        errno.ENOSPC: "Free some space and try again.",
    }.get(error.errno or 0, "")
    return WriteError(f"{path}: could not {doing} it ({reason}); the file is unchanged. {fix}".rstrip())
