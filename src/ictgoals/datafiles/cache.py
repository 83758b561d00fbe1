"""Remembers the checked dataset of a pair of data files, so unchanged files are not parsed again.

The cache lives in the user cache directory (`$XDG_CACHE_HOME/ictgoals`, else `~/.cache/ictgoals`),
one file per pair of data files. An entry is used only when both files' resolved paths and
content hashes, this ictgoals version, and a hash of the source of the code that decides what a
load produces (this package and the model), are what they were when it was written. One change
is read without parsing everything again: entries appended to the actuals file, when it still
begins with exactly the bytes the entry was built from (see `datafiles/appends.py`). Anything
else, including an unreadable or corrupt cache file, means the files are parsed again and the
entry rewritten. It is stored with `marshal`, which reads plain tuples (`datafiles/payload.py`)
several times faster than pickle reads dataclasses.

Beside an entry, `derived` keeps results worked out from its dataset alone (`validate`'s findings,
in each language), valid while the data files and the source of ictgoals are unchanged.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import sys
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ictgoals import __version__
from ictgoals.datafiles.located import MAX_FILE_BYTES, read_bytes
from ictgoals.datafiles.payload import append, decode, encode
from ictgoals.model import Dataset

FORMAT = 7
ENV_CACHE_HOME = "XDG_CACHE_HOME"
_T = TypeVar("_T")

#: Where each dataset read through the cache came from: its cache file, and a hash of the state of its two
#: files (paths, contents, the code that loaded them). `derived` keeps results of it beside that file.
_ORIGINS: weakref.WeakKeyDictionary[Dataset, tuple[Path, str]] = weakref.WeakKeyDictionary()


@functools.lru_cache(maxsize=2)
def code_fingerprint(package: Path = Path(__file__).parent) -> str:
    """A hash of the source of everything that decides what a load produces: `package` (this one) and the model.

    An edited checkout, or an upgrade that keeps the version number, never serves a dataset
    built by other code.
    """
    files = [
        *sorted(package / name for name in os.listdir(package) if name.endswith(".py")),  # noqa: PTH208 (cheaper)
        package.parent / "model.py",
        package.parent / "provinces.py",  # the loader folds regions to the catalogue's spelling
    ]
    parts = []
    for path in files:
        with open(path, "rb") as handle:  # noqa: PTH123 (plain open: this runs on every cached start-up)
            parts.append(path.name.encode() + b"\0" + handle.read())
    return _hash(b"".join(parts))


def _hasher(data: bytes | memoryview) -> Any:
    # hashlib loads OpenSSL on import (a few ms on every run); the built-in BLAKE2 is the same hash.
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter without the built-in module
        from hashlib import blake2b
    return blake2b(data, digest_size=16)


def _hash(data: bytes) -> str:
    return str(_hasher(data).hexdigest())


def _checksum(body: bytes) -> bytes:
    """The cache file's own checksum: CRC-32 catches every damaged byte and every burst of up to
    32 bits, five times faster than BLAKE2. (A file's content is identified by BLAKE2.)"""
    import zlib

    return b"%08x" % zlib.crc32(body)


def _digests(content: bytes, size: int | None) -> tuple[str | None, str]:
    """The hash of the first `size` bytes of `content` (None without a size) and of all of it, in one pass."""
    if size is None:
        return None, _hash(content)
    view = memoryview(content)
    hasher = _hasher(view[:size])
    prefix = str(hasher.hexdigest())
    hasher.update(view[size:])
    return prefix, str(hasher.hexdigest())


def directory(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get(ENV_CACHE_HOME) or str(Path.home() / ".cache")
    return Path(base) / "ictgoals"


#: The first bytes of every cache file; a file without them is not ours, or not ours any more.
MAGIC = b"ictgoals-cache\x00\x03"
_DIGEST = 8  # hex characters of the CRC-32 that follows MAGIC
#: The largest cache file read back: four times the largest data file.
MAX_CACHE_BYTES = 4 * MAX_FILE_BYTES


class _Entry:
    """A cache file's contents: what it was built from, and the dataset in plain-tuple form.

    A plain class: a dataclass costs a millisecond to define on every cached start-up.
    """

    __slots__ = ("digest", "entries", "extendable", "head", "payload", "size")

    def __init__(
        self, head: tuple[Any, ...], size: int, digest: str, extendable: bool, entries: int, payload: tuple[Any, ...]
    ) -> None:
        self.head = head  # the code, the paths and the targets file's content
        self.size = size  # of the actuals file
        self.digest = digest  # of the actuals file's content
        self.extendable = extendable  # entries appended to the actuals file may be read alone (appends.extendable)
        self.entries = entries  # actuals in the actuals file
        self.payload = payload


def load(
    targets: Path,
    actuals: Path,
    parse: Callable[[Mapping[Path, str]], Dataset],
    environ: Mapping[str, str] = os.environ,
    texts: Mapping[Path, str] | None = None,
    *,
    store: bool = True,
) -> Dataset:
    """The dataset of the two files: from the cache when it is current, else from `parse` (then cached).

    When the actuals file still begins with exactly the bytes the cache was built from and the
    rest is new entries in plain form (datafiles/appends.py), only those are parsed and checked,
    and the cached dataset is extended. `texts` stands in for a file's contents (a write checks
    its new text before writing it); `store=False` leaves the cache as it is (a dry run's text
    is never written). `parse` receives the files' texts, already read, so a miss reads each
    file once.
    """
    given = texts or {}
    try:
        contents = {
            path: given[path].encode("utf-8") if path in given else read_bytes(path) for path in (targets, actuals)
        }
    except (OSError, UnicodeError):
        return parse(given)  # the loader explains what is wrong with the file
    # realpath, not Path.resolve: it never raises, even on a symlink loop.
    places = (os.path.realpath(targets), os.path.realpath(actuals))
    head = (
        FORMAT,
        __version__,
        code_fingerprint(),
        sys.version_info[:2],
        str(targets),
        str(actuals),
        places,
        _hash(contents[targets]),
    )
    content = contents[actuals]
    # One entry per pair of files, wherever they are: a changed file replaces its entry.
    entry = directory(environ) / f"{_hash(repr(places).encode())}.marshal"
    cached = _read(entry)
    if cached is not None and cached.head != head:
        cached = None
    prefix, digest = _digests(content, cached.size if cached and cached.size < len(content) else None)
    state = (entry, _hash(repr((head, len(content), digest)).encode()))
    if cached is not None:
        if (cached.size, cached.digest) == (len(content), digest):
            found = decode(cached.payload)
            return _from(found, state) if store else found
        # Grown, still beginning with exactly the cached bytes (not an edit before the old end,
        # nor another file of another size): perhaps only entries were appended.
        grown = _extended(cached, actuals, content) if prefix == cached.digest else None
        if grown is not None:
            if not store:
                return decode(grown[2])
            _write(entry, _Entry(head, len(content), digest, *grown))
            return _from(decode(grown[2]), state)
    try:
        read = {path: given.get(path) or content.decode("utf-8") for path, content in contents.items()}
    except UnicodeDecodeError:
        return parse(given)
    dataset = parse(read)
    if not store:
        return dataset
    payload = encode(dataset)
    count = len(dataset.actuals)
    text = read[actuals]
    from ictgoals.datafiles import appends  # not on a warm run's path

    extendable = appends.extendable(text, count, appends.header_count(text))
    _write(entry, _Entry(head, len(content), digest, extendable, count, payload))
    return _from(dataset, state)


def _from(dataset: Dataset, state: tuple[Path, str]) -> Dataset:
    _ORIGINS[dataset] = state
    return dataset


@functools.lru_cache(maxsize=1)
def source_fingerprint(package: Path = Path(__file__).parent.parent) -> str:
    """A hash of the source of all of ictgoals: what a result worked out from the data depends on."""
    parts = []
    for folder, subfolders, names in os.walk(package):
        subfolders.sort()
        for name in sorted(n for n in names if n.endswith(".py")):
            with open(os.path.join(folder, name), "rb") as handle:  # noqa: PTH118, PTH123 (plain and quick)
                parts.append(name.encode() + b"\0" + handle.read())
    return _hash(b"".join(parts))


def derived(
    dataset: Dataset, name: str, compute: Callable[[], _T], *, plain: Callable[[_T], Any], back: Callable[[Any], _T]
) -> _T:
    """A result worked out from `dataset` alone (`compute`), kept beside its cache file as `plain` values and read
    back with `back` while the data files and the source of ictgoals are what they were; else computed and kept.

    A dataset that did not come through the cache (`--no-cache`, a dry run's text) is always computed. `name`
    says what the result is, and must name everything else it depends on (the language of its messages).
    """
    origin = _ORIGINS.get(dataset)
    if origin is None:
        return compute()
    entry, state = origin
    place = entry.with_name(f"{entry.stem}.{name}.marshal")
    key = (state, source_fingerprint())
    body = _verified(place)
    if body is not None:
        try:
            stored, value = marshal.loads(body)
            if stored == key:
                return back(value)
        except (ValueError, TypeError, EOFError, KeyError, IndexError):  # damaged or of an older layout
            pass
    result = compute()
    with contextlib.suppress(ValueError):  # a value marshal cannot store is simply not kept
        _store(place, marshal.dumps((key, plain(result))))
    return result


def _extended(cached: _Entry, path: Path, content: bytes) -> tuple[bool, int, tuple[Any, ...]] | None:
    """The cached dataset with the entries appended to the actuals file since, or None to read it whole.

    `content` begins with the bytes the cache was built from.
    """
    size = cached.size
    if not cached.extendable or len(content) <= size or content[size - 1] != ord("\n"):
        return None
    try:
        tail = content[size:].decode("utf-8")
    except UnicodeDecodeError:
        return None
    from ictgoals.datafiles import appends

    if not appends.plain_tail(tail):
        return None
    from ictgoals.datafiles.loader import read_appended
    from ictgoals.errors import DataError

    dataset = decode(cached.payload, catalogue_only=True)
    try:
        declared, added = read_appended(path, tail, dataset, cached.entries, content.count(b"\n", 0, size))
    except DataError:  # a whole load names the line
        return None
    if declared.keys() & dataset.sources.keys():  # declared twice: only a whole load can say if that is allowed
        return None
    still = tail.endswith("\n") and appends.header_count(tail) == len(added)
    payload = append(cached.payload, {**dataset.sources, **declared}, added, cached.entries)
    return still, cached.entries + len(added), payload


def _read(entry: Path) -> _Entry | None:
    """The cache file's contents, or None when there is none, or it is damaged or not ours.

    Nothing is unmarshalled before the whole file's checksum is verified, so a damaged byte
    anywhere (including in the groups of figures decoded later, on first use) means a rebuild,
    never a wrong figure or a crash. Only a regular file of bounded size is read.
    """
    body = _verified(entry)
    if body is None:
        return None
    try:
        found = _Entry(*marshal.loads(body))
        if found.head[0] != FORMAT:
            return None
        return found
    except (ValueError, TypeError, EOFError, KeyError, IndexError):  # a cache of an older layout
        return None


def _verified(place: Path) -> bytes | None:
    """A cache file's body, once its checksum is verified; None when there is none, or it is damaged or not ours."""
    try:
        raw = read_bytes(place, MAX_CACHE_BYTES)
    except OSError:
        return None
    start = len(MAGIC) + _DIGEST
    if not raw.startswith(MAGIC) or raw[len(MAGIC) : start] != _checksum(raw[start:]):
        return None
    return raw[start:]


def _write(entry: Path, contents: _Entry) -> None:
    """Store an entry atomically, checksummed."""
    _store(
        entry,
        marshal.dumps(
            (contents.head, contents.size, contents.digest, contents.extendable, contents.entries, contents.payload)
        ),
    )


def _store(place: Path, body: bytes) -> None:
    """Write a cache file atomically, checksummed; a cache that cannot be written is simply not used."""
    import tempfile

    with contextlib.suppress(OSError, ValueError):
        place.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(place.parent)
        fd, temporary = tempfile.mkstemp(dir=place.parent, prefix=f".{os.getpid()}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + _checksum(body) + body)
            Path(temporary).replace(place)
        finally:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def _remove_leftovers(folder: Path) -> None:
    """Remove the temporary files of cache writers that were killed: each is named after its writer's process,
    and one whose process is gone is a leftover."""
    for leftover in folder.glob(".*.tmp"):
        pid = leftover.name.split(".")[1]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True
