"""Turns figures and targets to record into checked TOML entries, skipping repeats and refusing conflicts."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ictgoals import loading
from ictgoals.errors import DataError
from ictgoals.model import Actual, Dataset, Source, Target, region_key
from ictgoals.numbers import parse_number

Row = dict[str, Any]

#: The order fields are written in, matching the hand-written entries in the bundled data.
FIELD_ORDER = (
    "indicator",
    "year",
    "op",
    "value",
    "region",
    "baseline_year",
    "source",
    "printed",
    "estimate",
    "change",
    "change_unit",
    "change_from",
    "from_value",
    "printed_change",
    "note",
)
_INTEGER_FIELDS = {"year", "change_from", "baseline_year"}
_NUMBER_FIELDS = {"value", "change", "from_value"}
_BOOLEAN_FIELDS = {"estimate"}
_TRUE, _FALSE = {"true", "yes", "1", "x"}, {"false", "no", "0", ""}


@dataclass(frozen=True, eq=False)
class Plan:
    """What a recording will append: new sources and entries, and what it skipped."""

    entries: tuple[Row, ...] = ()
    sources: Mapping[str, Row] = field(default_factory=dict)
    skipped: int = 0


def typed(row: Mapping[str, Any], where: str) -> Row:
    """A row with text cells (from the command line or CSV) turned into TOML types; empty cells dropped.

    Numbers may be printed the Vietnamese way (`45,8`, `71.000`).
    """
    typed_row: Row = {}
    for key, raw in row.items():
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if not isinstance(raw, str):
            typed_row[key] = raw
            continue
        text = raw.strip()
        try:
            if key in _INTEGER_FIELDS:
                typed_row[key] = int(text)
            elif key in _NUMBER_FIELDS:
                typed_row[key] = _number(text)
            elif key in _BOOLEAN_FIELDS:
                typed_row[key] = _boolean(text)
            else:
                typed_row[key] = text
        except ValueError as e:
            raise DataError(where, f"field '{key}': {e}.", "Fix the value and run the command again.") from e
    return typed_row


def _number(text: str) -> float | int:
    value = parse_number(text)
    return int(value) if value.is_integer() and "," not in text and abs(value) < 2**53 else value


def _boolean(text: str) -> bool:
    folded = text.casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise ValueError(f"{text!r} is not true or false")


def read_rows(text: str, fmt: str, name: str) -> list[tuple[str, Row]]:
    """Rows of an import file, each with a label that names the file and row for error messages."""
    if fmt == "json":
        try:
            document = json.loads(text, parse_constant=_reject_constant)
        except ValueError as e:
            raise DataError(name, f"is not valid JSON: {e}.", "Give a JSON list of objects.") from e
        if not isinstance(document, list) or not all(isinstance(item, dict) for item in document):
            raise DataError(name, "must be a JSON list of objects, one per figure.")
        return [(f"{name} item #{i + 1}", _json_row(item, f"{name} item #{i + 1}")) for i, item in enumerate(document)]
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise DataError(
            name, "has no header row.", "Start the CSV with the field names, e.g. indicator,year,value,source."
        )
    rows = []
    for number, raw in enumerate(reader, start=1):
        where = f"{name} row {number} (line {reader.line_num})"
        if None in raw:
            raise DataError(where, "has more cells than the header has columns.")
        rows.append((where, typed(raw, where)))
    return rows


def _reject_constant(constant: str) -> None:
    raise ValueError(f"{constant} is not a number")


def _json_row(item: Mapping[str, Any], where: str) -> Row:
    row = typed({k: v for k, v in item.items() if v is not None}, where)
    for key, value in row.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise DataError(where, f"field '{key}': {value} is not a finite number.")
    return row


def _same_key(a: Actual, b: Actual) -> bool:
    return (a.indicator, region_key(a.region), a.year, a.source) == (
        b.indicator,
        region_key(b.region),
        b.year,
        b.source,
    )


def ordered(row: Mapping[str, Any]) -> Row:
    """A row's fields in the canonical order; unknown ones last, to be reported by the loader."""
    rank = {name: i for i, name in enumerate(FIELD_ORDER)}
    return dict(sorted(row.items(), key=lambda item: rank.get(item[0], len(rank))))


def plan_actuals(
    dataset: Dataset, rows: Sequence[tuple[str, Row]], *, allow_conflict: bool, new_sources: Mapping[str, Row]
) -> Plan:
    """Check every row before anything is written; one bad row rejects them all.

    A row equal to a recorded figure (same indicator, region, year, source and value) is skipped.
    A row with the same key but another value is a conflict, refused unless `allow_conflict`.
    """
    for source_id in new_sources:  # checked here, under the write lock, against the file as it is now
        if source_id in dataset.sources:
            raise DataError(
                "--source-title", f"source '{source_id}' is already declared.", "Drop --source-title to use it."
            )
    known = dict(dataset.sources)
    known.update({source_id: Source(source_id) for source_id in new_sources})
    catalogue = Dataset(known, dataset.indicators, (), ())
    accepted: list[Actual] = []
    entries: list[Row] = []
    skipped = 0
    for where, row in rows:
        actual = loading.actual_from_row(row, where, catalogue)
        earlier = [a for a in (*dataset.actuals, *accepted) if _same_key(a, actual)]
        if any(math.isclose(a.value, actual.value, rel_tol=1e-12, abs_tol=0) for a in earlier):
            skipped += 1
            continue
        if earlier and not allow_conflict:
            other = earlier[0]
            raise DataError(
                where,
                f"conflicts with {other.location}: {actual.indicator} ({actual.region}, {actual.year}) from "
                f"'{actual.source}' is already recorded as {other.value:g}, not {actual.value:g}.",
                "Correct the figure, or pass --allow-conflict to keep both (status then uses the newest source).",
            )
        accepted.append(actual)
        entries.append(ordered(row))
    return Plan(tuple(entries), dict(new_sources) if entries else {}, skipped)


def plan_target(dataset: Dataset, row: Row, where: str) -> Plan:
    """Check one target; an identical one already declared is skipped, a different one refused."""
    target = loading.target_from_row(row, where, dataset)
    for existing in dataset.targets:
        if loading.target_key(existing) != loading.target_key(target):
            continue
        if _same_target(existing, target):
            return Plan(skipped=1)
        raise DataError(
            where,
            f"{target.indicator} ({target.region}, {target.year}, {target.op.value}) is already declared at "
            f"{existing.location} with another value.",
            "Edit that entry instead; a target is unique by indicator, region, year and op.",
        )
    return Plan((ordered(row),))


def _same_target(a: Target, b: Target) -> bool:
    return a.value == b.value and a.baseline_year == b.baseline_year


def source_table(title: str, date: str | None) -> Row:
    """A new [sources.ID] table from the command line."""
    table: Row = {"title": title}
    if date:
        import datetime as dt

        try:
            table["published"] = dt.date.fromisoformat(date)
        except ValueError as e:
            raise DataError("--source-date", f"{date!r} is not a date such as 2025-01-15.") from e
    return table
