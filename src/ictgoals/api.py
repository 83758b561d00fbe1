"""The typed Python API that the command line is one client of: choose the files, load, analyse, record.

Every function raises only `ictgoals.errors` exceptions for bad input, never `SystemExit`,
and prints nothing: presenting results, warnings and notices is the caller's job.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ictgoals.errors import DataError, UsageError
from ictgoals.i18n import tr
from ictgoals.model import ALL_REGIONS as ALL
from ictgoals.model import NATIONAL, Dataset, StatusReport

if TYPE_CHECKING:
    from ictgoals.api_results import DiffResult, Findings, ShowResult
    from ictgoals.datafiles.paths import DataFiles
    from ictgoals.regions import Region
    from ictgoals.writing.inputs import Row
    from ictgoals.writing.lock import Notify
    from ictgoals.writing.session import Written


class StatusResult(StatusReport):
    """A `StatusReport` that gives its rows as records: exactly the rows of `status --format json`."""

    def to_records(self) -> list[dict[str, Any]]:
        from ictgoals.output import rows

        return [rows.status_row(r) for r in self.rows]


#: The environment variable that turns the parsed-data cache off ("1", or anything but "" and "0").
ENV_NO_CACHE = "ICTGOALS_NO_CACHE"
COMMAND_LINE = "the command line"


# ---------------------------------------------------------------- reading


def files(targets: Path | None = None, actuals: Path | None = None) -> DataFiles:
    """The two data files: each from its argument, else $ICTGOALS_TARGETS / $ICTGOALS_ACTUALS, else ./, else bundled."""
    from ictgoals.datafiles.paths import choose

    return choose(targets, actuals)


def cache_wanted(no_cache: bool = False, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to use the parsed-data cache: not when asked not to, here or by $ICTGOALS_NO_CACHE."""
    return not no_cache and environ.get(ENV_NO_CACHE, "") in ("", "0")


def load_files(chosen: DataFiles, *, cache: bool = True) -> Dataset:
    """Load and check the chosen files, through the cache when `cache` is true."""
    targets, actuals = chosen.targets.path, chosen.actuals.path

    def parse(texts: Mapping[Path, str] | None = None) -> Dataset:
        from ictgoals.datafiles import loader  # only when the cache cannot serve: the checks cost start-up

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


# ---------------------------------------------------------------- analysis


def resolve_region(dataset: Dataset, wanted: str) -> str:
    """The region as the data spells it (case and accents ignored); UsageError when nothing is known of it."""
    from ictgoals.analysis.index import canonical_region

    found = canonical_region(dataset, wanted)  # the data's own regions first: no catalogue to load for them
    if found is not None:
        return found
    from ictgoals.regions import canonical, did_you_mean

    found = canonical(wanted)
    if found is None:
        hint = did_you_mean(wanted)
        raise UsageError(
            tr(
                '--region "{wanted}": not a province (before or after 1 July 2025) nor a region the data uses.',
                wanted=wanted,
            )
            + (" " + hint if hint else "")
            + " "
            + tr("`ictgoals regions` lists the provinces.")
        )
    return found


def region_note(name: str) -> str | None:
    """For a province that merged into another (or was renamed), a sentence saying which succeeded it."""
    if name == NATIONAL:
        return None
    from ictgoals.regions import former

    gone = former(name)
    if gone is None or gone.merged_into == gone.name:
        return None
    return tr(
        "{name} became part of {successor} on {since}; its figures stay under its own name "
        '(ask for --region "{successor}" for the province that succeeded it).',
        name=gone.name,
        successor=gone.merged_into,
        since=gone.since,
    )


def status(dataset: Dataset, year: int, region: str = NATIONAL) -> StatusResult:
    """Every target due in `year`, against the region's latest figures; `region="all"`: every region's rows."""
    from ictgoals.analysis import status as compute

    if region.casefold() == ALL:  # one document for every region the data names, the nation first
        rows = [row for name in _every_region(dataset) for row in compute.status(dataset, year, name).rows]
        return StatusResult(year, ALL, tuple(rows))
    report = compute.status(dataset, year, resolve_region(dataset, region))
    return StatusResult(report.year, report.region, report.rows)


def diff(dataset: Dataset, year: int, against: int | None = None, region: str = NATIONAL) -> DiffResult:
    """Each figure of `year` against `against` (default: the year before), and the targets due in `year`;
    `region="all"`: every region's rows in one report."""
    from ictgoals.analysis import diff as compare
    from ictgoals.api_results import DiffResult

    base = comparison_year(year, against)
    if region.casefold() == ALL:
        parts = [compare.diff(dataset, year, base, name) for name in _every_region(dataset)]
        changes = tuple(row for part in parts for row in part.rows)
        due = tuple(row for part in parts for row in part.targets)
        return DiffResult(year, base, ALL, changes, due)
    report = compare.diff(dataset, year, base, resolve_region(dataset, region))
    return DiffResult(report.year, report.against, report.region, report.rows, report.targets)


def _every_region(dataset: Dataset) -> list[str]:
    """The regions the data names, the nation first."""
    return sorted(dataset.regions(), key=lambda name: (name != NATIONAL, name))


def comparison_year(year: int, against: int | None = None) -> int:
    """The year `diff` compares `year` with: `against`, which must be earlier, else the year before."""
    base = year - 1 if against is None else against
    if base >= year:
        raise UsageError(tr("--against {base} must be earlier than {year}.", base=base, year=year))
    return base


def validate(dataset: Dataset) -> Findings:
    """Warnings about data that loads but disagrees with itself."""
    from ictgoals.analysis import checks
    from ictgoals.api_results import Findings

    return Findings(checks.validate(dataset))


def show(dataset: Dataset, indicator: str, region: str = NATIONAL) -> ShowResult:
    """One indicator's history, sources and targets in a region."""
    if indicator not in dataset.indicators:
        import difflib

        close = difflib.get_close_matches(indicator, list(dataset.indicators), n=3)
        hint = (
            tr("Did you mean: {names}?", names=", ".join(close))
            if close
            else tr("Run `ictgoals indicators` to list them.")
        )
        raise UsageError(
            tr("unknown indicator '{indicator}' in {file}.", indicator=indicator, file=dataset.targets_file)
            + " "
            + hint
        )
    from dataclasses import fields

    from ictgoals.analysis import view
    from ictgoals.api_results import ShowResult

    shown = view.show(dataset, indicator, resolve_region(dataset, region))
    return ShowResult(*(getattr(shown, f.name) for f in fields(shown)))


def regions() -> tuple[Region, ...]:
    """The region catalogue: the nation, the 34 provinces from 1 July 2025 and the 63 before."""
    from ictgoals.regions import catalogue

    return catalogue()


# ---------------------------------------------------------------- writing


def record(
    chosen: DataFiles,
    fields: Mapping[str, str | None],
    *,
    source_title: str | None = None,
    source_date: str | None = None,
    allow_conflict: bool = False,
    dry_run: bool = False,
    wait: float | None = None,
    notify: Notify | None = None,
) -> Written:
    """Append one figure, given as text fields (Vietnamese number forms allowed), to the actuals file."""
    from ictgoals.datafiles import schema
    from ictgoals.writing import inputs, plans
    from ictgoals.writing.session import Writer

    writer = Writer(chosen, schema.ACTUALS, cache=cache_wanted())
    if not fields.get("value") and not fields.get("printed"):
        raise UsageError("give the figure (VALUE) or the figure as printed (--printed), or both.")
    source = fields.get("source") or ""
    if source_title is None:
        if source_date is not None:
            raise UsageError("--source-date goes with --source-title, which declares a new source.")
        new_sources: dict[str, Row] = {}
    else:
        new_sources = {source: plans.source_table(source_title, source_date)}
    row = inputs.typed(fields, COMMAND_LINE)
    return writer.write(
        lambda data: plans.plan_actuals(
            data, [(COMMAND_LINE, row)], allow_conflict=allow_conflict, new_sources=new_sources
        ),
        dry_run=dry_run,
        wait=wait,
        notify=notify,
    )


def import_file(
    chosen: DataFiles,
    file: str,
    fmt: str | None = None,
    *,
    stdin: TextIO | None = None,
    sheet: str | None = None,
    strict_columns: bool = False,
    allow_conflict: bool = False,
    dry_run: bool = False,
    wait: float | None = None,
    notify: Notify | None = None,
) -> Written:
    """Append every figure of a CSV, JSON or .xlsx file (`-`: `stdin`), or none if any row is bad.

    CSV may be separated by `,`, `;` or tab (told apart by the header). Columns that are not fields
    of a figure are left out with a note through `notify`, or refused with `strict_columns`.
    """
    from ictgoals.datafiles import schema
    from ictgoals.writing import inputs, plans, workbooks
    from ictgoals.writing.session import Writer

    suffix = Path(file).suffix.lower()
    kind = (fmt or {".json": "json", ".xlsx": "xlsx", ".toml": "toml"}.get(suffix, "csv")).lower()
    if kind not in ("csv", "json", "xlsx", "toml"):
        raise UsageError(tr("--format {format}: import reads csv, json, xlsx or toml.", format=fmt))
    if kind == "toml":
        text = (
            inputs.read_stream(sys.stdin if stdin is None else stdin) if file == "-" else inputs.read_file(Path(file))
        )
        return _import_draft(chosen, text, "stdin" if file == "-" else file, allow_conflict, dry_run, wait, notify)
    if kind == "xlsx":
        if file == "-":
            raise UsageError(tr("an .xlsx workbook cannot be read from stdin: give its file name."))
        name = file
        _, rows = workbooks.read_xlsx(Path(file), sheet)
    elif file == "-":
        name, text = "stdin", inputs.read_stream(sys.stdin if stdin is None else stdin)
        rows = inputs.read_rows(text, kind, name)
    else:
        name, text = file, inputs.read_file(Path(file))
        rows = inputs.read_rows(text, kind, name)
    columns = list(dict.fromkeys(key for _, row in rows for key in row))
    rows, ignored = inputs.known_columns(rows, columns, name, strict=strict_columns)
    if ignored and notify is not None:
        notify(
            tr(
                "note: {file}: ignored columns that are not fields of a figure: {columns}.",
                file=name,
                columns=", ".join(ignored),
            )
        )
    writer = Writer(chosen, schema.ACTUALS, cache=cache_wanted())
    return writer.write(
        lambda data: plans.plan_actuals(data, rows, allow_conflict=allow_conflict, new_sources={}),
        dry_run=dry_run,
        wait=wait,
        notify=notify,
    )


def _import_draft(
    chosen: DataFiles,
    text: str,
    name: str,
    allow_conflict: bool,
    dry_run: bool,
    wait: float | None,
    notify: Notify | None,
) -> Written:
    """A reviewed `extract` draft: its targets into targets.toml, its figures into actuals.toml; every check of
    both runs before either file is written, so a bad entry leaves both as they were."""
    from ictgoals.datafiles import schema
    from ictgoals.writing import inputs, plans, workbooks
    from ictgoals.writing.session import Writer

    figures, goals, sources = workbooks.read_draft(text, name)

    def plan_targets(data: Dataset) -> plans.Plan:
        if sources:  # the draft's own sources, declared with its targets
            from dataclasses import replace

            from ictgoals.model import Source

            for source_id in sources:
                if source_id in data.sources:
                    raise DataError(
                        name,
                        tr("source '{id}' is already declared.", id=source_id),
                        tr("Remove its [sources.{id}] table from the draft.", id=source_id),
                    )
            data = replace(data, sources={**data.sources, **{s: Source(s) for s in sources}})
        planned = [plans.plan_target(data, row, where) for where, row in goals]
        return plans.Plan(tuple(e for p in planned for e in p.entries), sources, sum(p.skipped for p in planned))

    def plan_figures(new_sources: Mapping[str, inputs.Row]) -> Callable[[Dataset], plans.Plan]:
        return lambda data: plans.plan_actuals(data, figures, allow_conflict=allow_conflict, new_sources=new_sources)

    cache = cache_wanted()
    targets_writer = Writer(chosen, schema.TARGETS, cache=cache)
    actuals_writer = Writer(chosen, schema.ACTUALS, cache=cache)
    if goals:
        targets_writer.write(plan_targets, dry_run=True)
    written = actuals_writer.write(plan_figures(sources), dry_run=True)
    if dry_run:
        return written
    if goals:
        targets_writer.write(plan_targets, dry_run=False, wait=wait, notify=notify)
        if notify is not None:
            notify(tr("declared {count} target(s) in {path}.", count=len(goals), path=chosen.targets.path))
    return actuals_writer.write(plan_figures({} if goals else sources), dry_run=False, wait=wait, notify=notify)


def declare_target(
    chosen: DataFiles,
    fields: Mapping[str, str | None],
    values: Sequence[str],
    *,
    dry_run: bool = False,
    wait: float | None = None,
    notify: Notify | None = None,
) -> Written:
    """Append one target, given as text fields and zero, one or two values, to the targets file."""
    from ictgoals.datafiles import schema
    from ictgoals.writing import inputs, plans
    from ictgoals.writing.session import Writer

    row = inputs.typed(fields, COMMAND_LINE)
    numbers = [inputs.typed({"value": v}, COMMAND_LINE)["value"] for v in values]
    if len(numbers) == 1:
        row["value"] = numbers[0]
    elif len(numbers) > 1:
        row["value"] = numbers
    writer = Writer(chosen, schema.TARGETS, cache=cache_wanted())
    return writer.write(
        lambda data: plans.plan_target(data, row, COMMAND_LINE), dry_run=dry_run, wait=wait, notify=notify
    )


def init(directory: Path, *, force: bool = False, wait: float | None = None, notify: Notify | None = None) -> None:
    """Copy the bundled dataset to `directory`, to edit and record into."""
    from ictgoals.writing import session

    session.init(directory, force=force, wait=wait, notify=notify)


def save(path: Path, data: str | bytes) -> None:
    """Write an output file (not a data file): created, or replaced atomically keeping its mode."""
    from ictgoals.writing.append import write_file

    write_file(path, data)
