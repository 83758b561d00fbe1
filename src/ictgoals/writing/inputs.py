"""Rows to record, from the command line or an import file, with their text cells typed by the schema."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from ictgoals.datafiles import schema
from ictgoals.datafiles.located import MAX_FILE_BYTES, FileRefusedError, read_bytes
from ictgoals.datafiles.schema import Kind
from ictgoals.errors import DataError
from ictgoals.model import NATIONAL
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
        _check_text(key, where, "a column name")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if not isinstance(raw, str):
            typed_row[key] = _toml(raw, where, key)
            continue
        text = _check_text(raw.strip(), where, f"field '{key}'")
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


#: How deeply a value given as JSON may nest lists and objects (a data file needs at most 2).
MAX_DEPTH = 8


def _toml(value: object, where: str, key: str, depth: int = 0) -> TomlValue:
    """A value given already typed (JSON), as long as a data file can hold it; the loader checks the rest."""
    if depth > MAX_DEPTH:
        raise DataError(where, f"field '{key}': nested more than {MAX_DEPTH} levels deep.", "Give a plain value.")
    if isinstance(value, str):
        return _check_text(value, where, f"field '{key}'")
    if isinstance(value, int | float | bool | dt.date):
        return value
    if isinstance(value, list):
        return [_toml(item, where, key, depth + 1) for item in value]
    if isinstance(value, dict):
        return {_check_text(str(k), where, f"field '{key}'"): _toml(v, where, key, depth + 1) for k, v in value.items()}
    raise DataError(where, f"field '{key}': {type(value).__name__} cannot be stored in a data file.")


def _check_text(text: str, where: str, what: str) -> str:
    """`text`, if it can be written as UTF-8: a byte that is not UTF-8 (on the command line) or a lone
    surrogate (in JSON, "\\ud800") cannot."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        code = ord(text[e.start])
        if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a command-line byte that is not UTF-8
            shown, fix = f"the byte 0x{code - 0xDC00:02x}", "Give the text as UTF-8."
        else:
            shown, fix = f"the lone surrogate U+{code:04X}", "Give whole characters; a lone surrogate cannot be stored."
        raise DataError(
            where, f"{what}: is not valid UTF-8 text: it holds {shown} at character {e.start + 1}.", fix
        ) from e
    return text


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
        except RecursionError as e:  # the parser's own limit, about a thousand levels
            raise DataError(
                name, "is nested too deeply to be a list of figures.", "Give a JSON list of objects."
            ) from e
        except ValueError as e:
            raise DataError(name, f"is not valid JSON: {e}.", "Give a JSON list of objects.") from e
        if not isinstance(document, list) or not all(isinstance(item, dict) for item in document):
            raise DataError(name, "must be a JSON list of objects, one per figure.")
        return [(f"{name} item #{i + 1}", _json_row(item, f"{name} item #{i + 1}")) for i, item in enumerate(document)]
    reader = csv.DictReader(io.StringIO(text))
    rows: list[tuple[str, Row]] = []
    try:
        if not reader.fieldnames:
            raise DataError(
                name, "has no header row.", "Start the CSV with the field names, e.g. indicator,year,value,source."
            )
        for number, raw in enumerate(reader, start=1):
            where = f"{name} row {number} (line {reader.line_num})"
            if None in raw:
                raise DataError(where, "has more cells than the header has columns.")
            rows.append((where, typed(raw, where)))
    except csv.Error as e:  # a cell over the module's field limit, a NUL byte, a broken quote
        where = f"{name} near line {reader.line_num + 1}"
        problem = str(e)
        if "field larger than field limit" in problem:
            problem = f"a cell is longer than {csv.field_size_limit():,} characters"
        raise DataError(where, f"is not readable CSV: {problem}.", "Check the quoting and the cell sizes.") from e
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
    """An import file's text: a regular file of at most MAX_FILE_BYTES, in UTF-8 (with or without a BOM)."""
    try:
        return read_bytes(path).decode("utf-8-sig")
    except FileRefusedError as e:
        raise DataError(path, e.problem, e.fix) from e
    except FileNotFoundError as e:
        raise DataError(path, "file not found.") from e
    except UnicodeDecodeError as e:
        raise DataError(path, "is not UTF-8 text.", "Save it as UTF-8 (CSV exports: choose UTF-8).") from e
    except OSError as e:
        raise DataError(path, f"cannot be read ({e.strerror or e}).") from e


def read_stream(stream: TextIO, name: str = "stdin") -> str:
    """An import read from a stream, at most MAX_FILE_BYTES characters."""
    try:
        text = stream.read(MAX_FILE_BYTES + 1)
    except UnicodeDecodeError as e:
        raise DataError(name, "is not UTF-8 text.", "Send UTF-8 (CSV exports: choose UTF-8).") from e
    if len(text) > MAX_FILE_BYTES:
        raise DataError(name, f"is longer than {MAX_FILE_BYTES // (1024 * 1024)} MB, the most ictgoals reads.")
    return text.removeprefix("\ufeff")


def text_fields(**options: str | int | bool | None) -> dict[str, str | None]:
    """Command-line options as the text fields `typed` reads: a flag as "true" or nothing; national region left out."""
    fields = {
        k: None if v is None else "true" if v is True else "" if v is False else str(v) for k, v in options.items()
    }
    if fields.get("region") == NATIONAL:
        del fields["region"]
    return fields
