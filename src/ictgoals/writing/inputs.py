"""Rows to record, from the command line or an import file, with their text cells typed by the schema."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Mapping
from pathlib import Path

from ictgoals.datafiles import schema
from ictgoals.datafiles.schema import Kind
from ictgoals.errors import DataError
from ictgoals.numbers import parse_number

#: A value a data file can hold, as tomllib reads it and tomli-w writes it.
TomlValue = str | int | float | bool | dt.date | list["TomlValue"] | dict[str, "TomlValue"]
Row = dict[str, TomlValue]

_KINDS = {f.name: f.kind for table in (schema.TARGETS, schema.ACTUALS) for f in table.fields}
_INTEGER_FIELDS = frozenset(name for name, kind in _KINDS.items() if kind is Kind.YEAR)
_NUMBER_FIELDS = frozenset(name for name, kind in _KINDS.items() if kind in (Kind.NUMBER, Kind.VALUE, Kind.CHANGE))
_BOOLEAN_FIELDS = frozenset(name for name, kind in _KINDS.items() if kind is Kind.FLAG)
_TRUE, _FALSE = {"true", "yes", "1", "x"}, {"false", "no", "0", ""}


def typed(row: Mapping[str, object], where: str) -> Row:
    """A row with text cells (from the command line or CSV) turned into TOML types; empty cells dropped.

    Numbers may be printed the Vietnamese way (`45,8`, `71.000`).
    """
    typed_row: Row = {}
    for key, raw in row.items():
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if not isinstance(raw, str):
            typed_row[key] = _toml(raw, where, key)
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


def _toml(value: object, where: str, key: str) -> TomlValue:
    """A value given already typed (JSON), as long as a data file can hold it; the loader checks the rest."""
    if isinstance(value, str | int | float | bool | dt.date):
        return value
    if isinstance(value, list):
        return [_toml(item, where, key) for item in value]
    if isinstance(value, dict):
        return {str(k): _toml(v, where, key) for k, v in value.items()}
    raise DataError(where, f"field '{key}': {type(value).__name__} cannot be stored in a data file.")


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


def _json_row(item: Mapping[str, object], where: str) -> Row:
    row = typed({k: v for k, v in item.items() if v is not None}, where)
    for key, value in row.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise DataError(where, f"field '{key}': {value} is not a finite number.")
    return row


def read_file(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as e:
        raise DataError(path, "file not found.") from e
    except UnicodeDecodeError as e:
        raise DataError(path, "is not UTF-8 text.", "Save it as UTF-8 (CSV exports: choose UTF-8).") from e
    except OSError as e:
        raise DataError(path, f"cannot be read ({e.strerror or e}).") from e
