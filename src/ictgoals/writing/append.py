"""Appends entries to a data file so that no byte of it is ever lost: locked, checked, atomic, mode and owner kept."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ictgoals.datafiles.located import kind_of, read_bytes
from ictgoals.errors import IctgoalsError, WriteError
from ictgoals.i18n import pt, tr
from ictgoals.writing.lock import Notify, locked

if TYPE_CHECKING:
    from ictgoals.writing.inputs import TomlValue

#: Checks the whole new text of the file before it replaces the old; raises to refuse it.
Check = Callable[[str], object]


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
    parts += [f"[[{table}]]\n" + _lines(entry) for entry in entries]
    text = "\n".join(part.rstrip("\n") + "\n" for part in parts)
    return _HIDDEN.sub(lambda found: f"\\u{ord(found.group()):04X}", text)


#: Characters a TOML string may hold raw that would reorder or hide what a person reading the file sees
#: (bidirectional marks and overrides, C1 controls, line separators): written as \uXXXX escapes, which mean the
#: same to every TOML reader. tomli-w writes every string as a basic string, where such escapes are read.
_HIDDEN = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _lines(entry: Mapping[str, TomlValue]) -> str:
    """An entry's `key = value` lines, in its order: in one call to tomli-w unless it holds a list."""
    import tomli_w

    if not any(isinstance(value, list) for value in entry.values()):
        return tomli_w.dumps(entry)
    return "".join(_line(key, value) for key, value in entry.items())


def _line(key: str, value: TomlValue) -> str:
    """One `key = value` line; a list stays on one line, as a person writes `value = [30, 40]`."""
    import tomli_w

    if isinstance(value, list):
        items = (tomli_w.dumps({"x": item})[len("x = ") :].strip() for item in value)
        return f"{tomli_w.dumps({key: 0}).split(' = ')[0]} = [{', '.join(items)}]\n"
    return tomli_w.dumps({key: value})


def appended(original: str, addition: str) -> str:
    """The original text, untouched, then a blank line and the addition, in the original's line ends (a file
    saved on Windows keeps its \\r\\n)."""
    if not original:
        return addition
    end = "\r\n" if "\r\n" in original else "\n"
    return original + ("" if original.endswith("\n") else end) + end + addition.replace("\n", end)


def append(
    path: Path,
    build: Callable[[str], str],
    check: Check,
    *,
    wait: float | None = None,
    notify: Notify | None = None,
) -> str:
    """Append what `build(current_text)` returns to `path`, atomically, under the lock.

    A symbolic link is written through: the file it points to gets the entry and stays where
    it is. `build` sees the text as it is once the lock is held, so concurrent writers never
    work from a stale copy. The new text must pass `check` before anything is written.
    Returns the text that was appended ("" when `build` had nothing to add).
    """
    real = Path(os.path.realpath(path))
    status = _status(path, real)
    with locked(real, mode=status.st_mode, wait=wait, notify=notify):
        remove_stale_temporaries(real)
        try:
            original = read_bytes(real).decode("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise _write_error(path, e, pt("could not … it", "read"), reading=True) from e
        addition = build(original)
        if not addition:
            return ""
        new_text = appended(original, addition)
        check(new_text)
        replace_atomically(real, new_text, shown=path)
        return addition


def _status(path: Path, real: Path) -> os.stat_result:
    """The data file's status, once it is known that this user may write it."""
    try:
        status = real.stat()
    except OSError as e:
        raise _write_error(path, e, pt("could not … it", "read"), reading=True) from e
    may_write = bool(status.st_mode & 0o222) if os.geteuid() == 0 else os.access(real, os.W_OK)
    if not may_write:
        mode = stat.filemode(status.st_mode)
        raise WriteError(
            tr(
                "{path}: is not writable for you (mode {mode}, owner uid {uid}), so nothing was written. If it "
                "should change, make it writable first (chmod u+w {path}); ictgoals respects the mode even when run "
                "as root.",
                path=path,
                mode=mode,
                uid=status.st_uid,
            )
        )
    return status


def temporary_prefix(path: Path) -> str:
    """The name every temporary file of `path` starts with, so a later writer can recognise leftovers."""
    return f".{path.name}.ictgoals-tmp."


def remove_stale_temporaries(path: Path) -> int:
    """Remove temporary files a killed writer left beside `path`; call only while holding its lock.

    Writers create temporary files only under the lock, so any found then are leftovers. Those
    of older versions (`.NAME.XXXXXXXX.tmp`) are recognised too.
    """
    removed = 0
    prefix, legacy = temporary_prefix(path), f".{path.name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            name = entry.name
            old_style = name.startswith(legacy) and name.endswith(".tmp") and len(name) == len(legacy) + 12
            if (name.startswith(prefix) or old_style) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def replace_atomically(path: Path, text: str | bytes, *, shown: Path | None = None, exclusive: bool = False) -> None:
    """Write `text` to a temporary file beside `path`, fsync it, give it `path`'s mode and owner, and move it
    over `path` (with `exclusive`, only if `path` does not exist yet, and with a new file's usual mode).

    A failure at any step leaves the original file as it was; the temporary file is removed.
    """
    shown = shown or path
    _move(_prepared(path, text, shown, exclusive), path, shown, exclusive)


def replace_all(files: Sequence[tuple[Path, str | bytes]]) -> None:
    """Replace several files as one: every new text is written beside its file first, and only once all of
    them are on disk are they moved into place, so a full disk or a refused file leaves every file as it was."""
    prepared: list[tuple[str, Path, Path]] = []
    try:
        for path, text in files:
            real = Path(os.path.realpath(path))
            prepared.append((_prepared(real, text, path, exclusive=False, missing_ok=True), real, path))
    except BaseException:
        for temporary, _, _ in prepared:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    for temporary, real, path in prepared:
        _move(temporary, real, path, exclusive=False)


def _prepared(path: Path, text: str | bytes, shown: Path, exclusive: bool, *, missing_ok: bool = False) -> str:
    """The new text in a temporary file beside `path`, fsynced, with `path`'s mode and owner (a new file's
    usual mode when `exclusive`, or when `missing_ok` and there is no file yet); removed if any step fails."""
    directory = path.parent
    try:
        status = None if exclusive else _status_or_none(path) if missing_ok else path.stat()
        if status is not None and not stat.S_ISREG(status.st_mode):
            raise not_a_file(shown, status.st_mode)  # never rename over a FIFO, a device or a directory
        if status is not None and status.st_nlink > 1:
            raise _hard_linked(shown, status.st_nlink)
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=temporary_prefix(path))
    except OSError as e:
        raise _write_error(shown, e, pt("could not … it", "prepare to write")) from e
    with _removed_on_failure(temporary, shown), os.fdopen(fd, "wb") as handle:
        if status is None:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(handle.fileno(), 0o666 & ~umask)
        else:
            _keep_owner(handle.fileno(), status, shown)
            os.fchmod(handle.fileno(), status.st_mode & 0o7777)
        handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        handle.flush()
        os.fsync(handle.fileno())
    return temporary


@contextlib.contextmanager
def _removed_on_failure(temporary: str, shown: Path) -> Iterator[None]:
    """Within it, a failure removes the temporary file; an OSError is said as the write's error on `shown`."""
    try:
        yield
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(e, OSError):
            raise _write_error(shown, e, pt("could not … it", "write")) from e
        raise


def _hard_linked(path: Path, links: int) -> WriteError:
    """A file with other names: a new file moved over this one would leave them the old text, a copy that no
    longer agrees, and writing into it in place could leave it half written."""
    return WriteError(
        tr(
            "{path}: has {count} names (hard links), and replacing it would leave the others with the old text; "
            "nothing was written. Give it one name: make the others symbolic links to it (ln -sf), or copy it "
            "to a new file and use that.",
            path=path,
            count=links,
        )
    )


def _status_or_none(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _move(temporary: str, path: Path, shown: Path, exclusive: bool) -> None:
    """Move a prepared temporary file to `path` (with `exclusive`, only if nothing is there), durably."""
    with _removed_on_failure(temporary, shown):
        if exclusive:
            _link_new(temporary, path)
        else:
            os.replace(temporary, path)
    _fsync_directory(path.parent)


def _keep_owner(fd: int, status: os.stat_result, shown: Path) -> None:
    """Give the new file the old one's owner and group; refuse rather than take another user's file over."""
    if (status.st_uid, status.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.fchown(fd, status.st_uid, status.st_gid)
    except PermissionError as e:
        raise WriteError(
            tr(
                "{path}: belongs to uid {uid} (group {gid}), and replacing it would give it to you; nothing was "
                "written. Ask its owner to record the figures, or work on a copy.",
                path=shown,
                uid=status.st_uid,
                gid=status.st_gid,
            )
        ) from e


def _link_new(temporary: str, path: Path) -> None:
    """Put `temporary` at `path` only if nothing is there yet, then drop the temporary name."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError as e:  # a file system without hard links: the lock makes the check and rename safe enough
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP) or path.exists():
            raise
        os.rename(temporary, path)
        return
    os.unlink(temporary)


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


def _write_error(path: Path, error: BaseException, doing: str, *, reading: bool = False) -> IctgoalsError:
    """The error for a failed read or write; `doing` says what failed ("read", "write"), in the current language.
    Only data files are read here, so a missing one is pointed to `ictgoals init`; a file written into a
    folder that is not there (an output, mostly) is pointed to the folder."""
    if isinstance(error, UnicodeDecodeError):
        return WriteError(
            tr("{path}: is not UTF-8 text, so nothing was written. Save it as UTF-8 and try again.", path=path)
        )
    assert isinstance(error, OSError)
    code = error.errno or 0
    if code in (errno.EACCES, errno.EPERM):
        reason, fix = tr("permission denied"), tr("Check that you may write to the file and its directory.")
    elif code == errno.ENOENT and not reading and not os.path.isdir(folder := os.path.dirname(os.path.realpath(path))):
        # realpath: a link (to nothing yet, or on the way) is followed to the folder the file goes in
        reason, fix = tr("no such folder"), tr("Create the folder {folder} first, or check the path.", folder=folder)
    elif code == errno.ENOENT:
        reason, fix = (
            tr("no such file or directory"),
            tr("Check the path, or create the file with `ictgoals init DIR`."),
        )
    elif code == errno.ENOSPC:
        reason, fix = tr("the disk is full"), tr("Free some space and try again.")
    elif code == errno.EROFS:
        reason, fix = tr("the file system is read-only"), ""
    else:
        reason, fix = error.strerror or str(error), ""
    message = tr(
        "{path}: could not {doing} it ({reason}); the file is unchanged. {fix}",
        path=path,
        doing=doing,
        reason=reason,
        fix=fix,
    )
    return WriteError(message.rstrip())


def write_file(path: Path, text: str | bytes) -> None:
    """Create `path` or replace it atomically (keeping its mode), following a symbolic link to its target.

    A FIFO or a character device (`-o /dev/null`, a named pipe another program reads) is written
    into in place, never renamed over; anything else that is not a regular file is refused.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        status: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        status = None  # nothing there, or a link to nothing yet: created
    except OSError as e:  # a path under a file, a link loop, a directory we may not search
        raise _write_error(path, e, pt("could not … it", "write")) from e
    if status is not None and not stat.S_ISREG(status.st_mode):
        if not (stat.S_ISFIFO(status.st_mode) or stat.S_ISCHR(status.st_mode)):
            raise not_a_file(path, status.st_mode)
        _write_in_place(path, data)
        return
    if status is not None and (stream := _standard_stream(status)) is not None:
        _write_to_stream(path, stream, data)  # `-o /dev/stdout >> log`: into the file as the shell opened it
        return
    real = Path(os.path.realpath(path))
    replace_atomically(real, data, shown=path, exclusive=status is None)


def _standard_stream(status: os.stat_result) -> int | None:
    """The descriptor of our standard output or error when it is the file `status` describes (`-o /dev/stdout`
    with stdout sent to a file): replacing that file would lose what the shell put there (`>>` appends)."""
    for fd in (1, 2):
        try:
            if os.path.samestat(status, os.fstat(fd)):
                return fd
        except OSError:  # closed
            continue
    return None


def _write_to_stream(path: Path, fd: int, data: bytes) -> None:
    """Write through an open standard stream, after what Python has buffered for it."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as e:
        raise _write_error(path, e, pt("could not … it", "write")) from e


def check_writable_file(path: Path) -> None:
    """Refuse, before anything is written, a path that is there and is not a regular file (or a link to one)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as e:
        raise _write_error(path, e, pt("could not … it", "write")) from e
    if not stat.S_ISREG(status.st_mode):
        raise not_a_file(path, status.st_mode)


def not_a_file(path: Path, mode: int) -> WriteError:
    """The error for an output path that holds something other than a file: a directory, a socket, a device."""
    kind = tr("a directory") if stat.S_ISDIR(mode) else kind_of(mode)
    return WriteError(
        tr(
            "{path}: is {kind}, not a regular file, so nothing was written. Give the path of a file to create or "
            "replace.",
            path=path,
            kind=kind,
        )
    )


def _write_in_place(path: Path, data: bytes) -> None:
    """Write into a FIFO or a device as it is: opened without blocking, so a FIFO nobody reads is refused, not
    waited on forever."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        if e.errno == errno.ENXIO:
            raise WriteError(
                tr(
                    "{path}: is a FIFO (named pipe) that no program is reading, so nothing was written. Start the "
                    "program that reads it first.",
                    path=path,
                )
            ) from e
        raise _write_error(path, e, pt("could not … it", "write")) from e
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as e:  # /dev/full, a reader that went away
        raise _write_error(path, e, pt("could not … it", "write")) from e
    finally:
        os.close(fd)


def may_write_in(directory: Path) -> bool:
    """Whether files may be made in `directory`: its mode says so, for root too (as for the data files)."""
    status = directory.stat()
    if os.geteuid() == 0:
        return bool(status.st_mode & 0o222)
    return os.access(directory, os.W_OK | os.X_OK)


def make_directory(directory: Path, files: Sequence[Path]) -> None:
    """Make `directory` (and its parents) for `files`, after checking that every one of them can be written.

    Refused before anything is made or written: a directory path that is a file, a link to nothing,
    under a file, or in a directory this user may not write; a file path that is not a regular file.
    """
    try:
        if os.path.lexists(directory) and not directory.exists():
            raise WriteError(
                tr("{path}: is a symbolic link to nothing, so nothing was written. Give a directory.", path=directory)
            )
        existing = directory
        while not os.path.lexists(existing) and existing.parent != existing:
            existing = existing.parent
        for folder in [existing, *sorted({path.parent for path in files} - {directory})]:
            if os.path.lexists(folder) and not folder.is_dir():
                raise WriteError(
                    tr(
                        "{path}: {file} is a file, not a directory, so nothing was written. Give a directory.",
                        path=directory,
                        file=folder,
                    )
                )
        if not may_write_in(existing):
            raise WriteError(
                tr(
                    "{path}: cannot create the directory ({reason}).",
                    path=directory if existing != directory else existing,
                    reason=tr("permission denied"),
                )
            )
        for path in files:
            check_writable_file(path)
        directory.mkdir(parents=True, exist_ok=True)
        for folder in {path.parent for path in files}:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteError(
            tr("{path}: cannot create the directory ({reason}).", path=directory, reason=e.strerror or e)
        ) from e
