"""The write lock: one writer of a data file at a time, with a bounded wait that says what it is waiting for."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ictgoals.errors import WriteError
from ictgoals.i18n import tr

#: How long a writer waits for another to finish, by default (`--wait` changes it).
DEFAULT_WAIT_SECONDS = 30.0
#: After this long, a waiting writer says on stderr what it is waiting for.
NOTICE_AFTER_SECONDS = 2.0

#: Tells the person running the command something while it waits (the CLI prints it on stderr).
Notify = Callable[[str], None]


def lock_path(path: Path) -> Path:
    """The sidecar file whose advisory lock serialises writers of `path` (which itself gets replaced)."""
    return path.with_name(f".{path.name}.lock")


def _open_lock(path: Path, mode: int) -> int:
    """Open (or create, with the data file's read and write bits) the lock file, never through a symlink.

    It is opened read-only: `flock` needs no more, so a lock file another user created stays
    usable as long as it is readable.
    """
    lock = lock_path(path)
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(lock, flags | os.O_CREAT | os.O_EXCL, mode & 0o666)
    except FileExistsError:
        pass
    except OSError as e:
        raise _lock_error(path, lock, e) from e
    else:
        with contextlib.suppress(OSError):
            os.fchmod(fd, mode & 0o666)  # as the data file, whatever the umask
        return fd
    try:
        return os.open(lock, flags)
    except OSError as e:
        raise _lock_error(path, lock, e) from e


def _lock_error(path: Path, lock: Path, error: OSError) -> WriteError:
    if error.errno == errno.ELOOP:
        problem = tr("its lock file {lock} is a symbolic link, which ictgoals never follows", lock=lock)
        fix = tr("Remove the link; ictgoals creates the lock file itself.")
    elif error.errno in (errno.EACCES, errno.EPERM):
        problem = tr("its lock file {lock} cannot be opened (permission denied)", lock=lock)
        fix = tr("If it belongs to another user, ask them to make it readable (chmod a+r), or remove it.")
    else:
        problem = tr("its lock file {lock} cannot be opened ({reason})", lock=lock, reason=error.strerror or error)
        fix = tr("Check that you may write to the directory.")
    return WriteError(tr("{path}: {problem}; nothing was written. {fix}", path=path, problem=problem, fix=fix))


@contextlib.contextmanager
def locked(path: Path, *, mode: int = 0o644, wait: float | None = None, notify: Notify | None = None) -> Iterator[None]:
    """Hold the exclusive write lock of `path`, waiting at most `wait` seconds (default DEFAULT_WAIT_SECONDS)."""
    wait = DEFAULT_WAIT_SECONDS if wait is None else wait
    fd = _open_lock(path, mode)
    try:
        start = time.monotonic()
        noticed = False
        pause = 0.002
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - start
                if waited >= wait:
                    raise WriteError(
                        tr(
                            "{path}: another writer has held its write lock ({lock}) for {waited} s, longer than "
                            "--wait {wait}; nothing was written. Try again when it has finished, or pass a longer "
                            "--wait.",
                            path=path,
                            lock=lock_path(path),
                            waited=f"{waited:.0f}",
                            wait=f"{wait:g}",
                        )
                    ) from None
                if notify is not None and not noticed and waited >= NOTICE_AFTER_SECONDS:
                    lock = lock_path(path)
                    notify(tr("waiting for another writer of {path} to finish (lock {lock}) …", path=path, lock=lock))
                    noticed = True
                time.sleep(min(pause, max(wait - waited, 0.0)))
                pause = min(pause * 2, 0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock
