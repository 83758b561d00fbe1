"""One write to a data file: refuse the bundled copy, plan against the file as it is, then append or dry-run."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ictgoals.datafiles import loader
from ictgoals.datafiles.located import read_bytes, read_text
from ictgoals.datafiles.paths import ACTUALS_FILE, TARGETS_FILE, DataFiles, DataPath, bundled_path
from ictgoals.datafiles.schema import Table
from ictgoals.errors import DataError, UsageError, WriteError
from ictgoals.i18n import tr
from ictgoals.model import Dataset
from ictgoals.writing import append
from ictgoals.writing.lock import Notify, locked
from ictgoals.writing.plans import Plan

#: Plans the entries to append, given the dataset as it is once the write lock is held.
Planner = Callable[[Dataset], Plan]


@dataclass(frozen=True, eq=False)
class Written:
    """What a write appended (or, in a dry run, would append) to which file."""

    path: Path
    text: str
    plan: Plan
    dry_run: bool


class Writer:
    """Appends to one data file of a run: checked against the whole dataset, locked and atomic."""

    def __init__(self, files: DataFiles, table: Table, *, cache: bool = True) -> None:
        """`cache`: load through the parsed-data cache, which a write to the actuals file then extends."""
        self.files = files
        self.table = table
        self.cache = cache
        self.target: DataPath = files.actuals if table.name == "actuals" else files.targets
        path = self.target.path
        if self.target.is_bundled:
            raise WriteError(
                tr(
                    "{path} is the dataset bundled with ictgoals, which an upgrade replaces, so it is not written to. "
                    "Start a local copy with `ictgoals init DIR`, then run ictgoals from DIR or pass --{option} "
                    "DIR/{name}.",
                    path=path,
                    option=table.name,
                    name=path.name,
                )
            )

    def _load_with(self, text: str, *, remember: bool = True) -> Dataset:
        """The dataset with `text` for the file written to; `remember`: the text is (or is about to be) on disk."""
        targets, actuals, texts = self.files.targets.path, self.files.actuals.path, {self.target.path: text}
        if not self.cache:
            return loader.load(targets, actuals, texts=texts)
        from ictgoals.datafiles import cache

        # The new text of the actuals file is the old one plus entries: the cache reads only those,
        # and, when the text is written next, keeps them for the commands that follow.
        return cache.load(
            targets, actuals, lambda read: loader.load(targets, actuals, texts=read), texts=texts, store=remember
        )

    def write(
        self, plan_for: Planner, *, dry_run: bool, wait: float | None = None, notify: Notify | None = None
    ) -> Written:
        """Append what `plan_for(dataset)` plans; with `dry_run`, only work out the text."""
        plans: list[Plan] = []
        additions: list[str] = []

        def build(current: str) -> str:
            plan = plan_for(self._load_with(current))
            plans.append(plan)
            additions.append(append.entries_text(self.table.name, plan.entries, plan.sources))
            return additions[-1]

        def check(text: str) -> None:
            """The loader's checks on the whole new text; a problem in the new entries is said to be there."""
            try:
                self._load_with(text, remember=not dry_run)
            except DataError as e:
                first_new = text.count("\n") - additions[-1].count("\n") + 1
                if e.line is None or e.line < first_new:
                    raise
                entry = e.where.partition(" (")[2].removesuffix(")")
                where = tr(
                    "{path} (the entries to be added: {entry}, line {line} once written)",
                    path=self.target.path,
                    entry=entry,
                    line=e.line,
                )
                raise DataError(where, e.problem, e.fix) from e

        if dry_run:  # every check the real write runs, on the text it would write, with no lock and no write
            current = read_text(self.target.path)
            addition = build(current)
            if addition:
                check(append.appended(current, addition))
        else:
            addition = append.append(self.target.path, build, check, wait=wait, notify=notify)
        return Written(self.target.path, addition, plans[-1], dry_run)


def init(directory: Path, *, force: bool = False, wait: float | None = None, notify: Notify | None = None) -> None:
    """Copy the bundled targets.toml and actuals.toml to `directory`, to edit and record into.

    Each file appears whole or not at all (written beside it, then linked into place), under the
    write lock. A file that is already a copy of the bundled one is left alone, so running `init`
    again after an interruption finishes the job. A file that differs from the bundled copy holds
    someone's data: it is refused, or with `force` first saved to a dated backup beside it (said
    through `notify`), never overwritten unsaved.
    """
    names = (TARGETS_FILE, ACTUALS_FILE)
    texts = {name: read_text(bundled_path(name)) for name in names}
    existing = [directory / n for n in names if (directory / n).exists() and not _same(directory / n, texts[n])]
    if existing and not force:
        raise UsageError(
            tr(
                "{path} already exists and is not the bundled copy; nothing was copied. Pass --force to replace it: "
                "the file is first saved beside it as a dated backup.",
                path=existing[0],
            )
        )
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteError(
            tr("{path}: cannot create the directory ({reason}).", path=directory, reason=e.strerror or e)
        ) from e
    for name in names:
        destination = directory / name
        with locked(destination, wait=wait, notify=notify):
            append.remove_stale_temporaries(destination)
            if destination.exists() and _same(destination, texts[name]):
                continue
            if destination.exists() and not force:
                raise UsageError(
                    tr(
                        "{path} already exists and is not the bundled copy; nothing more was copied. Pass --force "
                        "to replace it: the file is first saved beside it as a dated backup.",
                        path=destination,
                    )
                )
            if destination.exists():
                saved = _backup(destination)
                if notify is not None:
                    notify(tr("saved {path} as {backup} before replacing it.", path=destination, backup=saved))
            append.replace_atomically(destination, texts[name], exclusive=not destination.exists())


def _backup(path: Path) -> Path:
    """Save `path`'s bytes to a new file beside it, `NAME.backup-YYYYMMDD-HHMMSS` (never over another file)."""
    import datetime as dt

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        content = read_bytes(path)
        for attempt in range(1, 1000):
            suffix = "" if attempt == 1 else f"-{attempt}"
            backup = path.with_name(f"{path.name}.backup-{stamp}{suffix}")
            try:
                with backup.open("xb") as handle:
                    handle.write(content)
                    handle.flush()
                    os.fsync(handle.fileno())
            except FileExistsError:
                continue
            return backup
    except OSError as e:
        raise WriteError(
            tr(
                "{path}: could not save a backup before replacing it ({reason}); nothing was replaced.",
                path=path,
                reason=e.strerror or e,
            )
        ) from e
    raise WriteError(tr("{path}: could not save a backup before replacing it; nothing was replaced.", path=path))


def _same(path: Path, text: str) -> bool:
    """Whether `path` already holds exactly `text`."""
    try:
        return read_bytes(path) == text.encode("utf-8")
    except OSError:
        return False
