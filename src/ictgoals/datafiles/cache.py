"""Remembers the checked dataset of a pair of data files, so unchanged files are not parsed again.

The cache lives in the user cache directory (`$XDG_CACHE_HOME/ictgoals`, else `~/.cache/ictgoals`),
one file per pair of data files. An entry is used only when both files' resolved path, size,
modification time and content hash, this ictgoals version, and a hash of the source of the code
that decides what a load produces (this package and the model), are what they were when it was
written; anything else, including an unreadable or corrupt cache file, means the files are
parsed again and the entry rewritten. It is stored with `marshal`, which reads plain tuples
several times faster than pickle reads dataclasses.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import sys
from collections.abc import Callable, Mapping
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
    Indicator,
    Location,
    Op,
    Source,
    StatedChange,
    Target,
    region_key,
)

FORMAT = 5


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


def _hash(data: bytes) -> str:
    # hashlib loads OpenSSL on import (a few ms on every run); the built-in BLAKE2 is the same hash.
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter without the built-in module
        from hashlib import blake2b
    return blake2b(data, digest_size=16).hexdigest()


def directory(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ictgoals"


def _stamp(path: Path, content: bytes) -> tuple[str, int, int, str]:
    status = path.stat()
    digest = _hash(content)
    # realpath, not Path.resolve: it never raises, even on a symlink loop.
    return (os.path.realpath(path), status.st_size, status.st_mtime_ns, digest)


#: The first bytes of every cache file; a file without them is not ours, or not ours any more.
MAGIC = b"ictgoals-cache\x00\x02"
_DIGEST = 32  # hex characters of the BLAKE2 checksum that follows MAGIC
#: The largest cache file read back: four times the largest data file.
MAX_CACHE_BYTES = 4 * MAX_FILE_BYTES


def load(
    targets: Path,
    actuals: Path,
    parse: Callable[[Mapping[Path, str]], Dataset],
    environ: Mapping[str, str] = os.environ,
) -> Dataset:
    """The dataset of the two files: from the cache when it is current, else from `parse` (then cached).

    `parse` receives the files' texts, already read, so a miss reads each file once.
    """
    try:
        contents = {targets: read_bytes(targets), actuals: read_bytes(actuals)}
        key = (
            FORMAT,
            __version__,
            code_fingerprint(),
            sys.version_info[:2],
            str(targets),
            str(actuals),
            _stamp(targets, contents[targets]),
            _stamp(actuals, contents[actuals]),
        )
    except OSError:
        return parse({})  # the loader explains what is wrong with the file
    # One entry per pair of files, wherever they are: a changed file replaces its entry.
    entry = directory(environ) / f"{_hash(repr((key[6][0], key[7][0])).encode())}.marshal"
    cached = _read(entry, key)
    if cached is not None:
        return cached
    try:
        texts = {path: content.decode("utf-8") for path, content in contents.items()}
    except UnicodeDecodeError:
        return parse({})
    dataset = parse(texts)
    _write(entry, key, dataset)
    return dataset


def _read(entry: Path, key: tuple[Any, ...]) -> Dataset | None:
    """The cached dataset, or None when there is none, or it is stale, damaged or not ours.

    Nothing is unmarshalled before the whole file's checksum is verified, so a damaged byte
    anywhere (including in the groups of figures decoded later, on first use) means a rebuild,
    never a wrong figure or a crash. Only a regular file of bounded size is read.
    """
    try:
        raw = read_bytes(entry, MAX_CACHE_BYTES)
    except OSError:
        return None
    start = len(MAGIC) + _DIGEST
    if not raw.startswith(MAGIC) or raw[len(MAGIC) : start] != _hash(raw[start:]).encode():
        return None
    try:
        stored_key, payload = marshal.loads(raw[start:])
        if stored_key != key:
            return None
        return decode(payload)
    except (ValueError, TypeError, EOFError, KeyError, IndexError):  # a cache of an older layout
        return None


def _write(entry: Path, key: tuple[Any, ...], dataset: Dataset) -> None:
    """Store atomically, checksummed; a cache that cannot be written is simply not used."""
    import tempfile

    body = marshal.dumps((key, encode(dataset)))
    with contextlib.suppress(OSError, ValueError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + _hash(body).encode() + body)
            Path(temporary).replace(entry)
        finally:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


# ---------------------------------------------------------------- plain-tuple form of a Dataset


def _change(change: StatedChange | None) -> tuple[Any, ...] | None:
    return None if change is None else (change.value, change.unit.value, change.from_year, change.printed)


def _unchange(raw: tuple[Any, ...] | None) -> StatedChange | None:
    return None if raw is None else StatedChange(raw[0], ChangeUnit(raw[1]), raw[2], raw[3])


def encode(data: Dataset) -> tuple[Any, ...]:
    """A Dataset as plain values; each group of actuals is a marshal blob of its own, read on demand."""
    groups: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for position, a in enumerate(data.actuals):
        groups.setdefault((a.indicator, region_key(a.region)), []).append(
            (
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
        )
    return (
        data.targets_file,
        data.actuals_file,
        [(s.id, s.title, s.outlet, s.region, s.published, s.conference, s.document) for s in data.sources.values()],
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


def _build_group(blob: bytes) -> Numbered:
    return tuple(
        (
            position,
            Actual(i, y, v, s, r, p, e, None if c is None else _unchange(c), n, pe, ba, Location(lf, ll, le)),
        )
        for position, i, y, v, s, r, p, e, c, n, pe, ba, lf, ll, le in marshal.loads(blob)
    )


def decode(payload: tuple[Any, ...]) -> Dataset:
    targets_file, actuals_file, sources, indicators, targets, groups, regions = payload
    return Dataset(
        {row[0]: Source(*row) for row in sources},
        {row[0]: Indicator(row[0], row[1], row[2], Better(row[3]), *row[4:]) for row in indicators},
        tuple(
            Target(i, y, Op(op), v, src, r, b, p, n, _unchange(c), f, tol, sp, Location(lf, ll, le))
            for (i, y, op, v, src, r, b, p, n, c, f, tol, sp, lf, ll, le) in targets
        ),
        LazyFigures(
            {key: functools.partial(_build_group, blob) for key, blob in groups.items()},
            frozenset(regions),
        ),
        targets_file,
        actuals_file,
    )
