"""The files of a run: the two data files chosen and loaded (through the cache), and output files saved."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ictgoals.datafiles.paths import DataFiles, choose
from ictgoals.model import Dataset

#: The environment variable that turns the parsed-data cache off ("1", or anything but "" and "0").
ENV_NO_CACHE = "ICTGOALS_NO_CACHE"


def files(targets: Path | None = None, actuals: Path | None = None) -> DataFiles:
    """The two data files: each from its argument, else $ICTGOALS_TARGETS / $ICTGOALS_ACTUALS, else ./, else bundled."""
    return choose(targets, actuals)


def cache_wanted(no_cache: bool = False, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to use the parsed-data cache: not when asked not to, here or by $ICTGOALS_NO_CACHE."""
    return not no_cache and environ.get(ENV_NO_CACHE, "") in ("", "0")


def load_files(chosen: DataFiles, *, cache: bool = True) -> Dataset:
    """Load and check the chosen files, through the cache when `cache` is true.

    A seam of start-up: a warm run reads the cache and never imports the loader and its checks.
    """
    targets, actuals = chosen.targets.path, chosen.actuals.path

    def parse(texts: Mapping[Path, str] | None = None) -> Dataset:
        from ictgoals.datafiles import loader

        return loader.load(targets, actuals, texts=texts)

    if not cache:
        return parse()
    from ictgoals.datafiles import cache as parsed

    return parsed.load(targets, actuals, parse)


def load(
    targets: str | os.PathLike[str] | None = None, actuals: str | os.PathLike[str] | None = None, *, cache: bool = True
) -> Dataset:
    """Load the data files chosen as on the command line: each from its argument, else $ICTGOALS_TARGETS /
    $ICTGOALS_ACTUALS, else ./targets.toml and ./actuals.toml, else the bundled copy."""
    return load_files(
        files(None if targets is None else Path(targets), None if actuals is None else Path(actuals)), cache=cache
    )


def save(path: Path, data: str | bytes) -> None:
    """Write an output file (not a data file): created, or replaced atomically keeping its mode.

    The atomic writer (and `tempfile` under it) is imported only when a run writes a file.
    """
    from ictgoals.writing.append import write_file

    write_file(path, data)


def save_all(directory: Path, contents: Mapping[str, str | bytes]) -> list[Path]:
    """Write several output files into `directory` (names relative to it, `charts/key.svg`) as one: the
    directory and every path are checked first, and every file is written beside its place before any is
    moved into it, so a path that cannot be written (a file where the directory should be, a link to nothing)
    or a disk that fills up half way leaves everything as it was.
    """
    from ictgoals.writing.append import make_directory, replace_all

    paths = [directory / name for name in contents]
    make_directory(directory, paths)
    replace_all(list(zip(paths, contents.values(), strict=True)))
    return paths
