"""Remembers the checked dataset of a pair of data files, so unchanged files are not parsed again.

The cache lives in the user cache directory (`$XDG_CACHE_HOME/ictgoals`, else `~/.cache/ictgoals`),
one file per pair of data files. An entry is used only when both files' resolved paths and
content hashes, this ictgoals version, and a hash of the source of the code that decides what a
load produces (this package and the model), are what they were when it was written. One change
is read without parsing everything again: entries appended to the actuals file, when it still
begins with exactly the bytes the entry was built from (see `datafiles/appends.py`). Anything
else, including an unreadable or corrupt cache file, means the files are parsed again and the
entry rewritten. It is stored with `marshal`, which reads plain tuples
several times faster than pickle reads dataclasses.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ictgoals import __version__
from ictgoals.datafiles.figures import LazyFigures, Numbered
from ictgoals.datafiles.located import MAX_FILE_BYTES, read_bytes
from ictgoals.model import (
    Actual,
    Better,
    ChangeUnit,
    Dataset,
    Figures,
    Indicator,
    Location,
    Op,
    Source,
    StatedChange,
    Target,
    region_key,
)

FORMAT = 6


@functools.lru_cache(maxsize=2)
def code_fingerprint(package: Path = Path(__file__).parent) -> str:
    """A hash of the source of everything that decides what a load produces: `package` (this one) and the model.

    An edited checkout, or an upgrade that keeps the version number, never serves a dataset
    built by other code.
    """
    files = [
        *sorted(package / name for name in os.listdir(package) if name.endswith(".py")),  # noqa: PTH208 (cheaper)
        package.parent / "model.py",
        package.parent / "regions.py",  # the loader folds regions to the catalogue's spelling
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


#: Where caches live, as the XDG Base Directory specification says.
ENV_CACHE_HOME = "XDG_CACHE_HOME"


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
    if cached is not None:
        if (cached.size, cached.digest) == (len(content), digest):
            return decode(cached.payload)
        # Grown, still beginning with exactly the cached bytes (not an edit before the old end,
        # nor another file of another size): perhaps only entries were appended.
        grown = _extended(cached, actuals, content) if prefix == cached.digest else None
        if grown is not None:
            if store:
                _write(entry, _Entry(head, len(content), digest, *grown))
            return decode(grown[2])
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
    return dataset


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
    payload = _append(cached.payload, {**dataset.sources, **declared}, added, cached.entries)
    return still, cached.entries + len(added), payload


def _read(entry: Path) -> _Entry | None:
    """The cache file's contents, or None when there is none, or it is damaged or not ours.

    Nothing is unmarshalled before the whole file's checksum is verified, so a damaged byte
    anywhere (including in the groups of figures decoded later, on first use) means a rebuild,
    never a wrong figure or a crash. Only a regular file of bounded size is read.
    """
    try:
        raw = read_bytes(entry, MAX_CACHE_BYTES)
    except OSError:
        return None
    start = len(MAGIC) + _DIGEST
    if not raw.startswith(MAGIC) or raw[len(MAGIC) : start] != _checksum(raw[start:]):
        return None
    try:
        found = _Entry(*marshal.loads(raw[start:]))
        if found.head[0] != FORMAT:
            return None
        return found
    except (ValueError, TypeError, EOFError, KeyError, IndexError):  # a cache of an older layout
        return None


def _write(entry: Path, contents: _Entry) -> None:
    """Store atomically, checksummed; a cache that cannot be written is simply not used."""
    import tempfile

    body = marshal.dumps(
        (contents.head, contents.size, contents.digest, contents.extendable, contents.entries, contents.payload)
    )
    with contextlib.suppress(OSError, ValueError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(entry.parent)
        fd, temporary = tempfile.mkstemp(dir=entry.parent, prefix=f".{os.getpid()}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + _checksum(body) + body)
            Path(temporary).replace(entry)
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


# ---------------------------------------------------------------- plain-tuple form of a Dataset


def _change(change: StatedChange | None) -> tuple[Any, ...] | None:
    return None if change is None else (change.value, change.unit.value, change.from_year, change.printed)


def _unchange(raw: tuple[Any, ...] | None) -> StatedChange | None:
    return None if raw is None else StatedChange(raw[0], ChangeUnit(raw[1]), raw[2], raw[3])


def encode(data: Dataset) -> tuple[Any, ...]:
    """A Dataset as plain values; each group of actuals is a marshal blob of its own, read on demand."""
    groups: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for position, a in enumerate(data.actuals):
        groups.setdefault((a.indicator, region_key(a.region)), []).append(_row(position, a))
    return (
        data.targets_file,
        data.actuals_file,
        _sources(data.sources),
        [
            (i.id, i.name, i.unit, i.better.value, i.name_vi, i.area, i.note, i.range, i.aliases)
            for i in data.indicators.values()
        ],
        [
            (
                t.indicator,
                t.year,
                t.op.value,
                t.value,
                t.sources,
                t.region,
                t.baseline_year,
                t.printed,
                t.note,
                _change(t.change),
                t.from_value,
                t.tolerance,
                t.span,
                t.location.file,
                t.location.line,
                t.location.entry,
            )
            for t in data.targets
        ],
        {key: marshal.dumps(rows) for key, rows in groups.items()},
        sorted({a.region for a in data.actuals}),
    )


def _row(position: int, a: Actual) -> tuple[Any, ...]:
    return (
        position,
        a.indicator,
        a.year,
        a.value,
        a.source,
        a.region,
        a.printed,
        a.estimate,
        _change(a.change),
        a.note,
        a.period,
        a.basis,
        a.location.file,
        a.location.line,
        a.location.entry,
    )


def _sources(sources: Mapping[str, Source]) -> list[tuple[Any, ...]]:
    return [(s.id, s.title, s.outlet, s.region, s.published, s.conference, s.document) for s in sources.values()]


def _append(
    payload: tuple[Any, ...], sources: Mapping[str, Source], added: Sequence[Actual], before: int
) -> tuple[Any, ...]:
    """`payload` with `added` after its `before` actuals, and `sources` for its sources."""
    targets_file, actuals_file, _, indicators, targets, groups, regions = payload
    rows: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for position, a in enumerate(added, before):
        rows.setdefault((a.indicator, region_key(a.region)), []).append(_row(position, a))
    groups = dict(groups)
    for key, new in rows.items():
        groups[key] = marshal.dumps(marshal.loads(groups[key]) + new if key in groups else new)
    every = sorted(set(regions).union(a.region for a in added))
    return targets_file, actuals_file, _sources(sources), indicators, targets, groups, every


# Targets and actuals are built from their rows without the frozen dataclasses' field-by-field
# __init__, which costs more than everything else a cached run does (about 3× faster). Their
# __dict__ gets every field, as __init__ would set it; tests/test_cache.py checks that they equal
# objects built by __init__, field by field, hash included.


def _build_group(blob: bytes) -> Numbered:
    new = object.__new__
    actual_fields, location_fields = _field_names(Actual)[:-1], _field_names(Location)  # location: last
    split = len(actual_fields)
    built = []
    for row in marshal.loads(blob):
        location = new(Location)
        location.__dict__.update(zip(location_fields, row[split + 1 :], strict=True))
        actual = new(Actual)
        values = actual.__dict__
        values.update(zip(actual_fields, row[1 : split + 1], strict=True))
        if values["change"] is not None:
            values["change"] = _unchange(values["change"])
        values["location"] = location
        built.append((row[0], actual))
    return tuple(built)


def _targets(rows: Iterable[tuple[Any, ...]]) -> Iterator[Target]:
    new, ops = object.__new__, {op.value: op for op in Op}
    target_fields, location_fields = _field_names(Target)[:-1], _field_names(Location)  # location: last
    split = len(target_fields)
    for row in rows:
        location = new(Location)
        location.__dict__.update(zip(location_fields, row[split:], strict=True))
        target = new(Target)
        values = target.__dict__
        values.update(zip(target_fields, row[:split], strict=True))
        values["op"] = ops[values["op"]]
        if values["change"] is not None:
            values["change"] = _unchange(values["change"])
        values["location"] = location
        yield target


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    import dataclasses

    return tuple(f.name for f in dataclasses.fields(cls))


def decode(payload: tuple[Any, ...], *, catalogue_only: bool = False) -> Dataset:
    """The dataset of a payload; with `catalogue_only`, only its sources and indicators."""
    targets_file, actuals_file, sources, indicators, targets, groups, regions = payload
    catalogue = (
        {row[0]: Source(*row) for row in sources},
        {row[0]: Indicator(row[0], row[1], row[2], Better(row[3]), *row[4:]) for row in indicators},
    )
    if catalogue_only:
        return Dataset(*catalogue, (), Figures(), targets_file, actuals_file)
    return Dataset(
        *catalogue,
        tuple(_targets(targets)),
        LazyFigures(
            {key: functools.partial(_build_group, blob) for key, blob in groups.items()},
            frozenset(regions),
        ),
        targets_file,
        actuals_file,
    )
