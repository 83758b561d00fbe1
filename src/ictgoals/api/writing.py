"""The writing side of the API: record a figure, import many, declare a target, copy the bundled dataset."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from ictgoals.api.files import cache_wanted
from ictgoals.datafiles import schema
from ictgoals.datafiles.paths import DataFiles
from ictgoals.errors import DataError, UsageError
from ictgoals.i18n import tr
from ictgoals.model import Dataset, Source
from ictgoals.writing import inputs, plans, session, workbooks
from ictgoals.writing.drafts import read_draft
from ictgoals.writing.inputs import Row
from ictgoals.writing.lock import Notify
from ictgoals.writing.session import Writer, Written

COMMAND_LINE = "the command line"


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
    of a figure are left out with a note through `notify`, or refused with `strict_columns`. A
    reviewed `extract` draft (.toml) adds its targets and sources too.
    """
    suffix = Path(file).suffix.lower()
    kind = (fmt or {".json": "json", ".xlsx": "xlsx", ".toml": "toml"}.get(suffix, "csv")).lower()
    if kind not in ("csv", "json", "xlsx", "toml"):
        raise UsageError(tr("--format {format}: import reads csv, json, xlsx or toml.", format=fmt))
    if kind == "xlsx":
        if file == "-":
            raise UsageError(tr("an .xlsx workbook cannot be read from stdin: give its file name."))
        name = file
        _, rows = workbooks.read_xlsx(Path(file), sheet)
    else:
        stream = sys.stdin if stdin is None else stdin
        name, text = ("stdin", inputs.read_stream(stream)) if file == "-" else (file, inputs.read_file(Path(file)))
        if kind == "toml":
            return _import_draft(chosen, text, name, allow_conflict, dry_run, wait, notify)
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
        lambda data: plans.plan_actuals(
            data, workbooks.shares_in(rows, data.indicators), allow_conflict=allow_conflict, new_sources={}
        ),
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
    figures, goals, sources = read_draft(text, name)

    def plan_targets(data: Dataset) -> plans.Plan:
        if sources:  # the draft's own sources, declared with its targets
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

    def plan_figures(new_sources: Mapping[str, Row]) -> Callable[[Dataset], plans.Plan]:
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
    session.init(directory, force=force, wait=wait, notify=notify)
