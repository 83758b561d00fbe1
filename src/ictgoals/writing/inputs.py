"""Rows to record, from the command line or an import file, with their text cells typed by the schema."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from ictgoals.datafiles import schema
from ictgoals.datafiles.located import (
    MAX_FILE_BYTES,
    FileRefusedError,
    overlong_number,
    overlong_number_line,
    read_bytes,
)
from ictgoals.datafiles.schema import Kind
from ictgoals.errors import DataError
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Indicator, Qualifier, region_key
from ictgoals.numbers import (
    AmbiguousNumberError,
    NotANumberError,
    Typed,
    plausible,
    printed_figure,
    read_number,
    read_printed,
)

#: A value a data file can hold, as tomllib reads it and tomli-w writes it.
TomlValue = str | int | float | bool | dt.date | list["TomlValue"] | dict[str, "TomlValue"]
Row = dict[str, TomlValue]

_KINDS = {f.name: f.kind for table in (schema.TARGETS, schema.ACTUALS) for f in table.fields}
_INTEGER_FIELDS = frozenset(name for name, kind in _KINDS.items() if kind is Kind.YEAR)
_NUMBER_FIELDS = frozenset(name for name, kind in _KINDS.items() if kind in (Kind.NUMBER, Kind.VALUE, Kind.CHANGE))
_BOOLEAN_FIELDS = frozenset(name for name, kind in _KINDS.items() if kind is Kind.FLAG)
_TRUE, _FALSE = {"true", "yes", "1", "x"}, {"false", "no", "0", ""}


#: Header words that name a field, folded by `_fold` (besides the field names themselves): the tool's own
#: column headers in English and Vietnamese (tests/test_careful_writes.py checks them against the catalogue).
#: "Ghi chú" is left out: the tool prints it for both notes and flags, and a sheet's comment column is no
#: figure's note.
HEADER_WORDS: dict[str, str] = {
    "indicator": "indicator", "chi so": "indicator", "indicator id": "indicator", "ma chi so": "indicator",
    "chi tieu": "indicator",  # the review table's own word for its rows
    "year": "year", "nam": "year",
    "value": "value", "gia tri": "value",
    "source": "source", "nguon": "source",
    "region": "region", "dia phuong": "region", "province": "region", "tinh": "region",
    "printed": "printed", "nguyen van": "printed",
    # The columns ictgoals itself writes (show's history, in JSON, CSV and a workbook, in English and Vietnamese),
    # so that what it exports imports back whole; tests/test_spreadsheets.py holds this list to the output's labels.
    "as printed": "printed",
    "uoc tinh": "estimate",
    "stated change": "change", "thay doi cong bo": "change",
    "stated change unit": "change_unit", "unit of the stated change": "change_unit",
    "don vi cua thay doi cong bo": "change_unit",
    "stated change from": "change_from", "stated change on": "change_from",
    "thay doi cong bo so voi nam": "change_from",
    "gioi han": "qualifier", "dia gioi": "territory", "giai doan": "period", "cach tinh": "basis",
}  # fmt: skip


def _fold(header: str) -> str:
    """A header folded for matching: case, accents, and the marks between words (`_`, `-`, `.`) ignored."""
    return " ".join(region_key(header).translate(_MARKS).split())


_MARKS = str.maketrans(dict.fromkeys("_-.", " "))


def column_name(header: str) -> str:
    """The field a header names, matched without case or accents ("Năm", "YEAR", "change unit" are fields);
    a header that names none is returned as written, to be reported as an unknown column."""
    folded = _fold(header)
    found = HEADER_WORDS.get(folded) or folded.replace(" ", "_")
    return found if found in _KINDS else header.strip()


def _named(keys: Sequence[str], where: str) -> list[str]:
    """The field each key names; a field named twice ("indicator" and "Chỉ tiêu") is refused, naming both."""
    names = [column_name(key) for key in keys]
    seen: dict[str, str] = {}
    for key, name in zip(keys, names, strict=True):
        if name in seen:
            raise DataError(
                where,
                tr(
                    "names the field {field!r} twice: {first!r} and {second!r}.",
                    field=name,
                    first=seen[name],
                    second=key,
                ),
                tr("Keep one of them; otherwise one value would silently win over the other."),
            )
        seen[name] = key
    return names


def typed(row: Mapping[str, object], where: str) -> Row:
    """A row with text cells (from the command line or CSV) turned into TOML types; empty cells dropped.

    Keys are read as the fields they name (`column_name`: "Năm" is year), a field named twice refused.
    Number fields stay text here: how `45.800` is read depends on the indicator's unit, which
    `numbers_in` applies once the catalogue is known.
    """
    typed_row: Row = {}
    keys = [_check_text(str(key), where, tr("a column name")) for key in row]
    for key, raw in zip(_named(keys, where), row.values(), strict=True):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if not isinstance(raw, str):
            if key in _INTEGER_FIELDS and isinstance(raw, float) and raw.is_integer():
                raw = int(raw)  # a spreadsheet's 2025.0
            typed_row[key] = _toml(raw, where, key)
            continue
        text = _check_text(raw.strip(), where, tr("field '{key}'", key=key))
        try:
            if key in _INTEGER_FIELDS:
                typed_row[key] = _whole_number(text)
            elif key in _NUMBER_FIELDS:
                typed_row[key] = text
            elif key in _BOOLEAN_FIELDS:
                typed_row[key] = _boolean(text)
            else:
                typed_row[key] = text
        except ValueError as e:
            raise DataError(
                where, tr("field '{key}': ", key=key) + f"{e}.", tr("Fix the value and run the command again.")
            ) from e
    return typed_row


def _whole_number(text: str) -> int:
    """A year as typed or as a spreadsheet exports it: "2025", or "2025.0" (only zeros after the point)."""
    whole, point, fraction = text.partition(".")
    if point and fraction and set(fraction) == {"0"}:
        text = whole
    try:
        return int(text)
    except ValueError:
        raise ValueError(tr("{text!r} is not a whole number such as 2025", text=text)) from None


#: How deeply a value given as JSON may nest lists and objects (a data file needs at most 2).
MAX_DEPTH = 8


def _toml(value: object, where: str, key: str, depth: int = 0) -> TomlValue:
    """A value given already typed (JSON), as long as a data file can hold it; the loader checks the rest."""
    if depth > MAX_DEPTH:
        raise DataError(
            where,
            tr("field '{key}': ", key=key) + tr("nested more than {depth} levels deep.", depth=MAX_DEPTH),
            tr("Give a plain value."),
        )
    if isinstance(value, str):
        return _check_text(value, where, tr("field '{key}'", key=key))
    if isinstance(value, int | float | bool | dt.date):
        return value
    if isinstance(value, list):
        return [_toml(item, where, key, depth + 1) for item in value]
    if isinstance(value, dict):
        return {_check_text(str(k), where, f"field '{key}'"): _toml(v, where, key, depth + 1) for k, v in value.items()}
    raise DataError(
        where,
        tr("field '{key}': ", key=key) + tr("{kind} cannot be stored in a data file.", kind=type(value).__name__),
    )


def _check_text(text: str, where: str, what: str) -> str:
    """`text`, if it can be written as UTF-8: a byte that is not UTF-8 (on the command line) or a lone
    surrogate (in JSON, "\\ud800") cannot."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        code = ord(text[e.start])
        if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a command-line byte that is not UTF-8
            shown, fix = tr("the byte 0x{byte}", byte=f"{code - 0xDC00:02x}"), tr("Give the text as UTF-8.")
        else:
            shown = tr("the lone surrogate U+{code}", code=f"{code:04X}")
            fix = tr("Give whole characters; a lone surrogate cannot be stored.")
        raise DataError(
            where,
            tr(
                "{what}: is not valid UTF-8 text: it holds {shown} at character {position}.",
                what=what,
                shown=shown,
                position=e.start + 1,
            ),
            fix,
        ) from e
    return text


def numbers_in(row: Row, where: str, indicator: Indicator | None, *, actual: bool = True) -> Row:
    """`row` with its number fields, when given as text, read in the indicator's unit (`numbers.read_number`).

    `45,8`, `3.744.214`, `1.270,5`, `0.125` and `1,234.5` all read as written; a figure that could
    be two numbers (`45.800` where both 45.8 and 45800 fit the unit), or that the unit does not
    allow (a share of 125%), is refused with the reason. A value written as printed (`45,8%`,
    `hơn 71.000 tỷ đồng`) is read by `numbers.read_printed` and kept as `printed` too. A stated
    change is read without bounds.
    """
    unit = indicator.unit if indicator else ""
    bounds = indicator.range if indicator else None
    read: Row = {}
    extra: Row = {}
    for key, value in row.items():
        if key in _NUMBER_FIELDS and isinstance(value, str | list):
            field_unit, field_bounds = ("", None) if key == "change" else (unit, bounds)
            try:
                if isinstance(value, list):
                    read[key] = [_number(v, field_unit, field_bounds) if isinstance(v, str) else v for v in value]
                else:
                    read[key] = _number(value, field_unit, field_bounds)
            except NotANumberError as e:
                if key != "value" or not isinstance(value, str):
                    raise DataError(
                        where, tr("field '{key}': ", key=key) + f"{e}.", tr("Write a plain number such as 45,8.")
                    ) from e
                typed = _printed(value, where, unit, bounds)
                read[key] = _whole(typed.value)
                extra.setdefault("printed", value)
                extra.update(_words_of(typed, actual=actual))
            except ValueError as e:
                raise DataError(
                    where, tr("field '{key}': ", key=key) + f"{e}.", tr("Fix the value and run the command again.")
                ) from e
        elif key in ("value", "from_value") and isinstance(value, int | float) and not isinstance(value, bool):
            huge = isinstance(value, int) and abs(value) > 10**300  # the loader says it is too large
            if not huge and math.isfinite(value) and not plausible(value, unit, bounds):
                raise DataError(
                    where,
                    tr("field '{key}': ", key=key)
                    + tr("{value} is not a figure in {unit!r}.", value=f"{value:g}", unit=unit),
                    _plausible_fix(),
                )
            read[key] = value
        else:
            read[key] = value
    return {**read, **{k: v for k, v in extra.items() if k not in read}}


def _words_of(typed: Typed, *, actual: bool) -> Row:
    """The fields a print's words give an entry: a figure's qualifier and estimate; a target's "about"."""
    words: Row = {}
    if actual and typed.qualifier is not None:
        words["qualifier"] = typed.qualifier.value
    if actual and typed.estimate:
        words["estimate"] = True
    if not actual and typed.qualifier is Qualifier.ABOUT:
        words["approximate"] = True
    return words


def _printed(text: str, where: str, unit: str, bounds: tuple[float, float] | None) -> Typed:
    try:
        return read_printed(text, unit, bounds, strict=True)
    except ValueError as e:
        raise DataError(
            where, tr("field '{key}': ", key="value") + f"{e}.", tr("Write a plain number such as 45,8.")
        ) from e


def _number(text: str, unit: str, bounds: tuple[float, float] | None) -> float | int:
    return _whole(read_number(text, unit, bounds))


def _whole(value: float) -> float | int:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _plausible_fix() -> str:
    return tr("Check the figure; an indicator whose figures may leave the unit's range declares range = [low, high].")


def value_from_printed(row: Row, where: str, indicator: Indicator | None, *, actual: bool = True) -> Row:
    """An entry given by its printed form alone (`--printed "hơn 71.000 tỷ đồng"`) gets the value that print
    stands for, read strictly (every word known, or refused with a request for the value), and the fields
    its words give (qualifier, estimate; a target's "approximate"). A value given as well must agree with the
    print as far as it can be read."""
    printed = row.get("printed")
    if not isinstance(printed, str) or indicator is None:
        return row
    if row.get("value") is None and actual:
        try:
            typed = read_printed(printed, indicator.unit, indicator.range, strict=True)
        except ValueError as e:
            raise DataError(
                where,
                tr("field '{key}': ", key="printed") + f"{e}.",
                tr("Give the value too, as a plain number; the print is then kept as written."),
            ) from e
        return {**row, "value": _whole(typed.value), **_missing(row, _words_of(typed, actual=actual))}
    try:
        figure = printed_figure(printed, indicator.unit, indicator.range)
    except (NotANumberError, AmbiguousNumberError):
        return row  # a print that is not one plain figure ("85/85 xã") is kept as written
    except ValueError as e:  # a figure, but in another unit or currency, or one the unit does not allow
        raise DataError(
            where,
            tr("field '{key}': ", key="printed") + f"{e}.",
            tr("Correct the print, or the indicator the figure is for."),
        ) from e
    value = row.get("value")
    given: object = tuple(value) if isinstance(value, list) else value
    read: object = figure.value if figure.high is None else (figure.low, figure.high)  # a range: "30 – 40%"
    if _disagree(given, read):
        raise DataError(
            where,
            tr(
                "the value {given} does not match the printed {printed!r}, which reads as {reading} {unit}.",
                given=_shown(given),
                printed=printed,
                reading=_shown(read),
                unit=indicator.unit,
            ),
            tr("Correct one of them, or leave the value out to take it from the print."),
        )
    stated = row.get("qualifier")
    if figure.qualifier is not None and stated is not None and stated != figure.qualifier.value:
        raise DataError(
            where,
            tr(
                "the qualifier {given!r} does not match the printed {printed!r}, which states {read!r}.",
                given=stated,
                printed=printed,
                read=figure.qualifier.value,
            ),
            tr("Correct one of them, or leave the qualifier out to take it from the print."),
        )
    if not actual:
        _op_agrees(row, printed, figure.qualifier, where)
    typed = Typed(figure.low, figure.qualifier, figure.estimate)
    return {**row, **_missing(row, _words_of(typed, actual=actual))}


def _disagree(given: object, read: object) -> bool:
    """Whether a value given and the value its print reads as are different numbers (or ranges)."""
    if isinstance(given, tuple) and isinstance(read, tuple):
        return len(given) != len(read) or any(_disagree(g, r) for g, r in zip(given, read, strict=True))
    if isinstance(given, tuple) or isinstance(read, tuple):
        return False  # a range against one number: the shape is for the entry's own checks to judge
    numbers = (int, float)
    if isinstance(given, bool) or not isinstance(given, numbers) or not isinstance(read, numbers):
        return False
    return not _same(given, read)


def _shown(value: object) -> str:
    return "–".join(f"{v:g}" for v in value) if isinstance(value, tuple) else f"{value:g}"


#: The op a target's print implies: "hơn 148" is strictly more than 148.
_IMPLIED_OPS = {Qualifier.MORE_THAN: ">", Qualifier.AT_LEAST: ">=", Qualifier.LESS_THAN: "<", Qualifier.AT_MOST: "<="}


def _op_agrees(row: Row, printed: str, qualifier: Qualifier | None, where: str) -> None:
    """Refuse a target whose print says one bound ("hơn 148": > 148) and whose op says another (>=)."""
    implied, op = _IMPLIED_OPS.get(qualifier) if qualifier is not None else None, row.get("op")
    if implied is None or op not in _IMPLIED_OPS.values() or op == implied:
        return
    raise DataError(
        where,
        tr("the print {printed!r} says {implied}, but the op is {op}.", printed=printed, implied=implied, op=op),
        tr("Pass --op '{implied}' (or correct the print).", implied=implied),
    )


def _same(given: float, read: float) -> bool:
    return math.isclose(given, read, rel_tol=1e-9, abs_tol=1e-9)


def _missing(row: Row, words: Row) -> Row:
    """The fields of `words` that `row` does not give itself."""
    return {key: value for key, value in words.items() if key not in row}


def _boolean(text: str) -> bool:
    folded = text.casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise ValueError(tr("{text!r} is not true or false", text=text))


#: A line end of any convention: Windows, Unix, the old Mac.
_LINE_END = re.compile(r"\r\n|\r|\n")
#: The columns an import may hold: the fields of an actuals entry.
COLUMNS = frozenset(field.name for field in schema.ACTUALS.fields)


def delimiter(header: str) -> str:
    """The CSV delimiter: the one of , ; and tab that splits the header into the most known column names
    (then into the most cells, so a header of unknown names is still reported cell by cell).

    Excel saves `;`-separated CSV where the decimal mark is a comma, as in Vietnamese; a header of
    field names tells the two apart without guessing from the figures. On a tie, `,`.
    """
    best, found = ",", (-1, -1)
    for candidate in (",", ";", "\t"):
        cells = next(csv.reader([header], delimiter=candidate), [])
        known = (sum(1 for cell in cells if column_name(cell) in COLUMNS), len(cells))
        if known > found:
            best, found = candidate, known
    return best


def known_columns(
    rows: list[tuple[str, Row]], columns: Sequence[str], name: str, *, strict: bool
) -> tuple[list[tuple[str, Row]], list[str]]:
    """The rows without the columns that are not fields of a figure (comment columns in a real sheet),
    and those columns' names; with `strict`, such a column is refused instead."""
    unknown = [c for c in columns if c not in COLUMNS]
    if columns and len(unknown) == len(columns):
        raise no_known_columns(name, columns)
    if unknown and strict:
        raise DataError(
            name,
            tr("has columns that are not fields of a figure: {columns}.", columns=", ".join(unknown)),
            tr(
                "Remove them, or leave out --strict-columns to ignore them. The fields are: {fields}.",
                fields=", ".join(sorted(COLUMNS)),
            ),
        )
    if not unknown:
        return rows, []
    dropped = set(unknown)
    return [(where, {k: v for k, v in row.items() if k not in dropped}) for where, row in rows], unknown


def read_rows(text: str, fmt: str, name: str) -> list[tuple[str, Row]]:
    """Rows of an import file, each with a label that names the file and row for error messages."""
    if fmt == "json":
        try:
            objects = _NoRepeats()
            document = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=objects)
        except RecursionError as e:  # the parser's own limit, about a thousand levels
            raise DataError(
                name, tr("is nested too deeply to be a list of figures."), tr("Give a JSON list of objects.")
            ) from e
        except _RepeatedKeyError as e:
            raise DataError(
                tr("{file} item #{number}", file=name, number=objects.count),  # the objects of a list of figures
                tr("gives the key {key!r} twice.", key=e.key),
                tr("Keep one of them; otherwise one value would silently win over the other."),
            ) from e
        except ValueError as e:
            if (line := overlong_number_line(text)) is not None:
                raise overlong_number(tr("{file} line {line}", file=name, line=line)) from e
            raise DataError(name, tr("is not valid JSON: {error}.", error=e), tr("Give a JSON list of objects.")) from e
        if not isinstance(document, list) or not all(isinstance(item, dict) for item in document):
            raise DataError(name, tr("must be a JSON list of objects, one per figure."))
        labels = [tr("{file} item #{number}", file=name, number=i + 1) for i in range(len(document))]
        return [(label, _json_row(item, label)) for label, item in zip(labels, document, strict=True)]
    rows: list[tuple[str, Row]] = []
    reader = None
    try:
        # newline="": the csv module reads every line end itself (\r\n, \n, the old Mac's lone \r), quoted ones too
        chosen = delimiter(_LINE_END.split(text, maxsplit=1)[0])
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=chosen)
        if not reader.fieldnames:
            raise DataError(
                name,
                tr("has no header row."),
                tr("Start the CSV with the field names, e.g. indicator,year,value,source."),
            )
        reader.fieldnames = _header(list(reader.fieldnames), name)
        for number, raw in enumerate(reader, start=1):
            where = tr("{file} row {number} (line {line})", file=name, number=number, line=reader.line_num)
            if None in raw:
                raise DataError(where, tr("has more cells than the header has columns."))
            rows.append((where, typed(raw, where)))
    except csv.Error as e:  # a cell over the module's field limit, a NUL byte, a broken quote
        where = tr("{file} near line {line}", file=name, line=1 if reader is None else reader.line_num + 1)
        problem = str(e)
        if "field larger than field limit" in problem:
            problem = tr("a cell is longer than {limit} characters", limit=f"{csv.field_size_limit():,}")
        raise DataError(
            where, tr("is not readable CSV: {problem}.", problem=problem), tr("Check the quoting and the cell sizes.")
        ) from e
    return rows


def _header(cells: list[str], name: str) -> list[str]:
    """A CSV header's cells as the fields they name; refused when a field is named twice or none is known."""
    where = tr("{file} header (line 1)", file=name)
    repeated = [i for i, cell in enumerate(cells) if cells.index(cell) != i]
    if repeated:
        first = cells.index(cells[repeated[0]])
        raise DataError(
            where,
            tr(
                "names the column {column!r} twice (columns {first} and {second}).",
                column=cells[first],
                first=first + 1,
                second=repeated[0] + 1,
            ),
            tr("Keep one of them; otherwise one value would silently win over the other."),
        )
    names = _named(cells, where)
    if cells and not any(n in COLUMNS for n in names):
        raise no_known_columns(name, cells)
    return names


def no_known_columns(name: str, columns: Sequence[str]) -> DataError:
    """The error for an import none of whose columns is a field of a figure, listing the names it may use."""
    return DataError(
        name,
        tr("has no column that is a field of a figure (its columns: {columns}).", columns=", ".join(columns)),
        tr(
            "Name the columns indicator, year, value (or printed) and source, and any of {fields}; case and "
            "accents do not matter, and the tool's own Vietnamese headers (Chỉ số, Năm, Giá trị, Nguồn, "
            "Địa phương) are read too.",
            fields=", ".join(sorted(COLUMNS - {"indicator", "year", "value", "printed", "source"})),
        ),
    )


class _RepeatedKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _NoRepeats:
    """Builds each JSON object, refused when it gives a key twice (the last would silently win), counting them:
    in a list of figures, the count is the item's number."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, pairs: list[tuple[str, object]]) -> dict[str, object]:
        self.count += 1
        found: dict[str, object] = {}
        for key, value in pairs:
            if key in found:
                raise _RepeatedKeyError(key)
            found[key] = value
        return found


def _reject_constant(constant: str) -> None:
    raise ValueError(tr("{text} is not a number", text=constant))


def _json_row(item: Mapping[str, object], where: str) -> Row:
    row = typed({k: v for k, v in item.items() if v is not None}, where)
    for key, value in row.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise DataError(where, tr("field '{key}': ", key=key) + tr("{value} is not a finite number.", value=value))
    return row


def read_file(path: Path) -> str:
    """An import file's text: a regular file of at most MAX_FILE_BYTES, in UTF-8 (with or without a BOM)."""
    try:
        return read_bytes(path).decode("utf-8-sig")
    except FileRefusedError as e:
        raise DataError(path, e.problem, e.fix) from e
    except FileNotFoundError as e:
        raise DataError(path, tr("file not found.")) from e
    except UnicodeDecodeError as e:
        raise DataError(path, tr("is not UTF-8 text."), tr("Save it as UTF-8 (CSV exports: choose UTF-8).")) from e
    except OSError as e:
        raise DataError(path, tr("cannot be read ({reason}).", reason=e.strerror or e)) from e


def read_stream(stream: TextIO, name: str = "stdin") -> str:
    """An import read from a stream, at most MAX_FILE_BYTES characters."""
    try:
        text = stream.read(MAX_FILE_BYTES + 1)
    except UnicodeDecodeError as e:
        raise DataError(name, tr("is not UTF-8 text."), tr("Send UTF-8 (CSV exports: choose UTF-8).")) from e
    if len(text) > MAX_FILE_BYTES:
        raise DataError(
            name, tr("is longer than {size} MB, the most ictgoals reads.", size=MAX_FILE_BYTES // (1024 * 1024))
        )
    return text.removeprefix("\ufeff")


def text_fields(**options: str | int | bool | None) -> dict[str, str | None]:
    """Command-line options as the text fields `typed` reads: a flag as "true" or nothing; national region left out."""
    fields = {
        k: None if v is None else "true" if v is True else "" if v is False else str(v) for k, v in options.items()
    }
    if fields.get("region") == NATIONAL:
        del fields["region"]
    return fields
