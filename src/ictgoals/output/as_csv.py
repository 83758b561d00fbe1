"""The CSV renderer: machine rows flattened to a fixed header, one line per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from ictgoals.analysis.records import Record
from ictgoals.output.safe import csv_text


def cell(value: Any) -> str:
    """One value as CSV text: empty for null, true/false, lists joined with ';'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(cell(v) for v in value)
    return str(value)


def flatten(record: Record) -> Record:
    """Nested objects as dotted columns: baseline → baseline.year, baseline.value."""
    flat: Record = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for inner, inner_value in value.items():
                flat[f"{key}.{inner}"] = inner_value
        else:
            flat[key] = value
    return flat


def safe_cell(value: Any) -> str:
    """`cell`, with text defused for spreadsheets (`safe.csv_text`); numbers and booleans stay as they are."""
    if value is None or isinstance(value, bool | int | float):
        return cell(value)
    return csv_text(cell(value))


def write(rows: Sequence[Record], fields: Sequence[str], out: TextIO, bom: bool = False) -> None:
    """The header, then a line per row; with `bom`, the UTF-8 byte order mark first, which Excel needs
    to read the text as UTF-8 (pipelines rarely want it, so it is not the default)."""
    import csv

    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for row in rows:
        flat = flatten(row)
        writer.writerow([safe_cell(flat.get(field)) for field in fields])
