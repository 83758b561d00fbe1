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
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import Dataset, Source
from ictgoals.writing import append, inputs, plans, session, workbooks
from ictgoals.writing.drafts import read_draft
from ictgoals.writing.inputs import Row
from ictgoals.writing.lock import Notify
from ictgoals.writing.session import Writer, Written


def command_line() -> str:
    """Where a figure typed as arguments comes from, as messages name it, in the run's language."""
    return tr("the command line")


def record(
    chosen: DataFiles,
    fields: Mapping[str, str | None],
    *,
    source_title: str | None = None,
    source_date: str | None = None,
    allow_conflict: bool = False,
    dry_run: bool = False,
    force: bool = False,
    wait: float | None = None,
    notify: Notify | None = None,
) -> Written:
    """Append one figure, given as text fields (Vietnamese number forms allowed), to the actuals file.

    A figure 20 times off its indicator's recent figures in the region is refused unless `force`; a dry run
    says so through `notify` instead."""
    writer = Writer(chosen, schema.ACTUALS, cache=cache_wanted())
    if not fields.get("value") and not fields.get("printed"):
        raise UsageError(tr("give the figure (VALUE) or the figure as printed (--printed), or both."))
    source = fields.get("source") or ""
    if source_title is None:
        if source_date is not None:
            raise UsageError(tr("--source-date goes with --source-title, which declares a new source."))
        new_sources: dict[str, Row] = {}
    else:
        new_sources = {source: plans.source_table(source_title, source_date)}
    row = inputs.typed(fields, command_line())
    mode = _plausibility(force=force, dry_run=dry_run)
    written = writer.write(
        lambda data: plans.plan_actuals(
            data,
            [(command_line(), row)],
            allow_conflict=allow_conflict,
            new_sources=new_sources,
            plausibility=mode,
            medium=plans.COMMAND_LINE,
        ),
        dry_run=dry_run,
        wait=wait,
        notify=notify,
    )
    return _warned(written, notify)


def _plausibility(*, force: bool, dry_run: bool) -> plans.Plausibility:
    """A write refuses an implausible figure; a dry run warns of it; --force lets it through."""
    if force:
        return plans.Plausibility.ALLOW
    return plans.Plausibility.WARN if dry_run else plans.Plausibility.REFUSE


def _warned(written: Written, notify: Notify | None) -> Written:
    """Say the warnings of a write's plan (a dry run's implausible figures) on stderr."""
    if notify is not None:
        for warning in written.plan.warnings:
            notify(tr("warning: {problem} (a write refuses it; check it, or pass --force)", problem=warning))
    return written


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
    force: bool = False,
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
            mode = _plausibility(force=force, dry_run=dry_run)
            return _warned(_import_draft(chosen, text, name, allow_conflict, dry_run, mode, wait, notify), notify)
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
    mode = _plausibility(force=force, dry_run=dry_run)
    written = writer.write(
        lambda data: plans.plan_actuals(
            data,
            workbooks.shares_in(rows, data.indicators),
            allow_conflict=allow_conflict,
            new_sources={},
            plausibility=mode,
            medium=kind,
        ),
        dry_run=dry_run,
        wait=wait,
        notify=notify,
    )
    return _warned(written, notify)


def _import_draft(
    chosen: DataFiles,
    text: str,
    name: str,
    allow_conflict: bool,
    dry_run: bool,
    mode: plans.Plausibility,
    wait: float | None,
    notify: Notify | None,
) -> Written:
    """A reviewed `extract` draft: its targets into targets.toml, its figures into actuals.toml; every check of
    both runs before either file is written, so a bad entry leaves both as they were."""
    figures, goals, sources = read_draft(text, name)

    def plan_targets(data: Dataset) -> plans.Plan:
        declared = plans.sources_to_declare(data, sources, name)  # the draft's own sources, with its targets
        data = replace(data, sources={**data.sources, **{s: Source(s) for s in declared}})
        planned = [plans.plan_target(data, row, where, mode) for where, row in goals]
        entries = tuple(e for p in planned for e in p.entries)
        warnings = tuple(w for p in planned for w in p.warnings)
        return plans.Plan(entries, declared, sum(p.skipped for p in planned), warnings)

    def plan_figures(declare: bool) -> Callable[[Dataset], plans.Plan]:
        def plan(data: Dataset) -> plans.Plan:
            new = plans.sources_to_declare(data, sources, name) if declare else {}
            return plans.plan_actuals(data, figures, allow_conflict=allow_conflict, new_sources=new, plausibility=mode)

        return plan

    cache = cache_wanted()
    targets_writer = Writer(chosen, schema.TARGETS, cache=cache)
    actuals_writer = Writer(chosen, schema.ACTUALS, cache=cache)
    checked = targets_writer.write(plan_targets, dry_run=True) if goals else None
    written = actuals_writer.write(plan_figures(declare=True), dry_run=True)
    if dry_run:
        return _both(checked, written)
    if goals:
        declared = targets_writer.write(plan_targets, dry_run=False, wait=wait, notify=notify)
        if notify is not None:
            notify(
                tr(
                    "declared {count} target(s) in {path}; skipped {skipped} already declared.",
                    count=len(declared.plan.entries),
                    path=chosen.targets.path,
                    skipped=declared.plan.skipped,
                )
            )
    return actuals_writer.write(plan_figures(declare=not goals), dry_run=False, wait=wait, notify=notify)


def _both(targets: Written | None, actuals: Written) -> Written:
    """A draft's dry run: what would be added to both files, each under a comment naming its file."""
    if targets is None or not targets.text:
        return actuals
    text = f"# {tr('to be added to {path}:', path=targets.path)}\n{targets.text}"
    if actuals.plan.entries:  # its sources go to the targets file, with the targets
        figures = append.entries_text(schema.ACTUALS.name, actuals.plan.entries, {})
        text += f"\n# {tr('to be added to {path}:', path=actuals.path)}\n{figures}"
    warnings = targets.plan.warnings + actuals.plan.warnings
    return replace(actuals, text=text, plan=replace(actuals.plan, warnings=warnings))


def declare_target(
    chosen: DataFiles,
    fields: Mapping[str, str | None],
    values: Sequence[str],
    *,
    dry_run: bool = False,
    force: bool = False,
    wait: float | None = None,
    notify: Notify | None = None,
) -> Written:
    """Append one target, given as text fields and zero, one or two values, to the targets file; a value 20
    times off the indicator's recent figures in the region is refused unless `force`."""
    row = inputs.typed(fields, command_line())
    numbers = [inputs.typed({"value": v}, command_line())["value"] for v in values]
    if len(numbers) == 1:
        row["value"] = numbers[0]
    elif len(numbers) > 1:
        row["value"] = numbers
    writer = Writer(chosen, schema.TARGETS, cache=cache_wanted())
    mode = _plausibility(force=force, dry_run=dry_run)
    written = writer.write(
        lambda data: plans.plan_target(data, row, command_line(), mode, plans.COMMAND_LINE),
        dry_run=dry_run,
        wait=wait,
        notify=notify,
    )
    return _warned(written, notify)


def init(directory: Path, *, force: bool = False, wait: float | None = None, notify: Notify | None = None) -> None:
    """Copy the bundled dataset to `directory`, to edit and record into."""
    session.init(directory, force=force, wait=wait, notify=notify)
