"""The data format, declared once: every table's fields, their kinds, whether they are required, and their order.

The loader's checks, its fast path for plain entries, the order in which `record`, `import` and
`target` write new entries, and the field tables in docs/data-format.md all follow from this
declaration (`tests/test_schema.py` checks the docs against it).
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass

from ictgoals.datafiles.paths import ACTUALS_FILE, TARGETS_FILE
from ictgoals.model import Basis, Better, ChangeUnit, Op, Qualifier, Territory
from ictgoals.values import Value

VERSION = 1
MIN_YEAR, MAX_YEAR = 1900, 2100


class Kind(enum.Enum):
    """What a field holds; each kind has one check in the loader and one in its fast path."""

    TEXT = "text"
    ID_REF = "id"  # text naming an entry of another table
    IDS_REF = "ids"  # one id, or a list of them
    REGION = "region"  # non-empty text
    YEAR = "year"  # a whole number in MIN_YEAR–MAX_YEAR
    NUMBER = "number"  # a finite number
    VALUE = "value"  # a number, [low, high], or nothing, as the op says
    CHANGE = "change"  # a number; [low, high] on targets
    FLAG = "flag"  # true or false
    DATE = "date"  # a TOML date, or "YYYY", "YYYY-MM", "YYYY-MM-DD"
    CHOICE = "choice"  # one of an enum's values
    RANGE = "range"  # [low, high]
    YEARS = "years"  # [first year, last year]
    TEXTS = "texts"  # a list of texts


#: How each kind reads in the docs.
KIND_DOCS = {
    Kind.TEXT: "text",
    Kind.ID_REF: "id",
    Kind.IDS_REF: "id or [ids]",
    Kind.REGION: "text",
    Kind.YEAR: f"year ({MIN_YEAR}–{MAX_YEAR})",
    Kind.NUMBER: "number",
    Kind.VALUE: "number or [low, high]",
    Kind.CHANGE: "number",
    Kind.FLAG: "true / false",
    Kind.DATE: 'date, "YYYY" or "YYYY-MM"',
    Kind.CHOICE: "one of",
    Kind.RANGE: "[low, high]",
    Kind.YEARS: "[first, last] years",
    Kind.TEXTS: "[texts]",
}


@dataclass(frozen=True, eq=False, repr=False)
class Field(Value):
    """One key an entry may hold."""

    name: str
    kind: Kind
    required: bool = False
    meaning: str = ""
    choices: type[enum.StrEnum] | None = None
    refers_to: str = ""  # for ID_REF / IDS_REF: the table whose ids it names
    stated_change: bool = False  # one of the fields that state a change on an earlier year
    allows_range: bool = False  # for CHANGE: [low, high] is allowed too
    required_unless: str = ""  # required, unless this other field is given instead
    cross_field: bool = False  # its rules involve other fields, so only the full check reads it

    @property
    def type_doc(self) -> str:
        if self.choices is not None:
            return " / ".join(f'`"{member.value}"`' for member in self.choices)
        if self.allows_range:
            return "number or [low, high]"
        return KIND_DOCS[self.kind]


@dataclass(frozen=True, eq=False, repr=False)
class Table(Value):
    """One kind of entry: `[sources.ID]`, `[indicators.ID]`, `[[targets]]` or `[[actuals]]`."""

    name: str
    fields: tuple[Field, ...]
    keyed: bool  # [name.ID] tables rather than [[name]] arrays

    # Worked out once: the full check of every entry asks for them.
    @functools.cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields)

    @functools.cached_property
    def order(self) -> tuple[str, ...]:
        """The order in which new entries are written, matching the hand-written bundled data."""
        return tuple(f.name for f in self.fields)

    @functools.cached_property
    def change_keys(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.stated_change)

    @functools.cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def __getitem__(self, name: str) -> Field:
        return self._by_name[name]


_STATED_CHANGE = (
    Field(
        "change",
        Kind.CHANGE,
        meaning="the change on an earlier year as the source states it",
        stated_change=True,
    ),
    Field(
        "change_unit",
        Kind.CHOICE,
        meaning="with change: relative (%), percentage points, or places (ranks; positive = moved up)",
        choices=ChangeUnit,
        stated_change=True,
    ),
    Field(
        "change_from",
        Kind.YEAR,
        meaning="the year the change is on; default `year` − 1",
        stated_change=True,
    ),
)
_TERRITORY = Field(
    "territory",
    Kind.CHOICE,
    meaning="for a province whose territory changed on 1 July 2025 under the same name (Vĩnh Long, Lào Cai, …): "
    '"former" for the province as it was, "current" as it is; default: years up to 2024 former, from 2025 current',
    choices=Territory,
)
_PRINTED_CHANGE = Field("printed_change", Kind.TEXT, meaning="the change as printed", stated_change=True)
_NOTE = Field("note", Kind.TEXT, meaning="free text")

SOURCES = Table(
    "sources",
    (
        Field("title", Kind.TEXT, meaning="free text"),
        Field("outlet", Kind.TEXT, meaning="who published the report"),
        Field(
            "issuer",
            Kind.TEXT,
            meaning="the body whose figures and targets the report gives (Bộ Thông tin và Truyền thông until "
            "1 March 2025, then Bộ Khoa học và Công nghệ)",
        ),
        Field("region", Kind.TEXT, meaning="where the report was written from"),
        Field("published", Kind.DATE, meaning="publication date"),
        Field("conference", Kind.DATE, meaning="date of the conference covered"),
        Field("document", Kind.TEXT, meaning="the source document's file name"),
        Field("url", Kind.TEXT, meaning="where the report was read"),
        _NOTE,
    ),
    keyed=True,
)

INDICATORS = Table(
    "indicators",
    (
        Field("name", Kind.TEXT, required=True, meaning="English name"),
        Field("name_vi", Kind.TEXT, meaning="Vietnamese name"),
        Field("name_short", Kind.TEXT, meaning="a short English name for tables and charts (default: `name`)"),
        Field("name_vi_short", Kind.TEXT, meaning="a short Vietnamese name for tables and charts (default: `name_vi`)"),
        Field("unit", Kind.TEXT, required=True, meaning='unit label; `"%"` and `"rank"` have meaning (see Units)'),
        Field(
            "better",
            Kind.CHOICE,
            meaning='the good direction; default `"lower"` for unit `"rank"`, else `"higher"`; `"neutral"` for a '
            "descriptive count that `diff` never calls improved or worse (it may have no targets)",
            choices=Better,
        ),
        Field(
            "noun",
            Kind.TEXT,
            meaning='for a count, what it counts, in English ("enterprises"): "59,000 enterprises", never "units"',
        ),
        Field("noun_vi", Kind.TEXT, meaning='the same in Vietnamese ("doanh nghiệp")'),
        Field("area", Kind.TEXT, meaning="free-text grouping; tables sort by it"),
        Field(
            "aliases",
            Kind.TEXTS,
            meaning="other names the press uses for it, in any language; `extract` matches figures on them too",
        ),
        Field(
            "range",
            Kind.RANGE,
            meaning='[low, high]: the values a figure may take, when not the unit\'s own (a share in `"%"` '
            "is 0–100; a growth rate in % may be negative or over 100); `record` and `import` refuse others",
        ),
        _NOTE,
    ),
    keyed=True,
)

TARGETS = Table(
    "targets",
    (
        Field("indicator", Kind.ID_REF, required=True, meaning="a declared indicator", refers_to="indicators"),
        Field("year", Kind.YEAR, required_unless="years", meaning="the year the target is due"),
        Field(
            "years",
            Kind.YEARS,
            meaning='instead of `year`: due in every year of the span, each judged on its own figure ("30 – 40%/năm")',
            cross_field=True,
        ),
        Field(
            "op",
            Kind.CHOICE,
            required=True,
            meaning='how the figure is compared with the value; ">" and "<" are strict ("trên", "hơn", "vượt")',
            choices=Op,
        ),
        Field(
            "value",
            Kind.VALUE,
            meaning='a number for ">=", ">", "<=" and "<"; [low, high] for "between"; omitted for "maintain"',
        ),
        Field(
            "tolerance",
            Kind.NUMBER,
            meaning="how far short still counts as met, in the indicator's unit, when the source prints one "
            '("165 ± 2"); an approximate target without one uses 1% of its value',
        ),
        Field(
            "approximate",
            Kind.FLAG,
            meaning='true for a target printed as approximate ("khoảng 165", "about 165"): met within its '
            "tolerance, else within 1% of its value",
        ),
        Field("region", Kind.REGION, meaning='default `"VN"` (national); provinces by name'),
        _TERRITORY,
        Field("baseline_year", Kind.YEAR, meaning="the year progress is measured from"),
        Field(
            "source",
            Kind.IDS_REF,
            required=True,
            meaning="a source id, or a list when several reports declare the target",
            refers_to="sources",
        ),
        Field("printed", Kind.TEXT, meaning="the target as the source prints it"),
        Field(
            "restated",
            Kind.TEXT,
            meaning='the same target as the source also prints it in another unit ("tương ứng với 4.200.000 tỷ '
            'đồng"): kept with it, never judged as a second target',
        ),
        Field(
            "change",
            Kind.CHANGE,
            meaning="growth the source states with the target",
            stated_change=True,
            allows_range=True,
        ),
        _STATED_CHANGE[1],
        _STATED_CHANGE[2],
        Field("from_value", Kind.NUMBER, meaning="the base figure the sentence itself states"),
        _PRINTED_CHANGE,
        _NOTE,
    ),
    keyed=False,
)

ACTUALS = Table(
    "actuals",
    (
        Field("indicator", Kind.ID_REF, required=True, meaning="a declared indicator", refers_to="indicators"),
        Field("year", Kind.YEAR, required_unless="period", meaning="the year the figure is for"),
        Field(
            "period",
            Kind.YEARS,
            meaning='instead of `year`: a figure for a span ("giai đoạn 2016 – 2020"), never used as one year\'s',
            cross_field=True,
        ),
        Field(
            "basis",
            Kind.CHOICE,
            meaning="with `period`: a yearly average or the total over the span",
            choices=Basis,
            cross_field=True,
        ),
        Field("value", Kind.NUMBER, required=True, meaning="the figure, in the indicator's unit"),
        Field("region", Kind.REGION, meaning='default `"VN"` (national)'),
        _TERRITORY,
        Field(
            "source",
            Kind.ID_REF,
            required=True,
            meaning="a declared source id (in either file)",
            refers_to="sources",
        ),
        Field("printed", Kind.TEXT, meaning="the figure exactly as the source prints it"),
        Field(
            "qualifier",
            Kind.CHOICE,
            meaning='the bound the print states: "more-than" (hơn, trên, over), "at-least" (tối thiểu), '
            '"less-than" (dưới), "at-most" (tối đa), "nearly" (gần: short of the value), "about" (khoảng)',
            choices=Qualifier,
        ),
        Field("estimate", Kind.FLAG, meaning='true for "ước đạt" / "ước tính" (estimated) figures'),
        *_STATED_CHANGE,
        _PRINTED_CHANGE,
        _NOTE,
    ),
    keyed=False,
)

#: What each file may hold at its top level, besides `schema`.
FILES = {TARGETS_FILE: (SOURCES, INDICATORS, TARGETS), ACTUALS_FILE: (SOURCES, ACTUALS)}
TABLES = {table.name: table for table in (SOURCES, INDICATORS, TARGETS, ACTUALS)}


def markdown(table: Table) -> str:
    """The field table of docs/data-format.md for `table`, generated from the declaration."""
    lines = ["| field | type | required | meaning |", "| --- | --- | --- | --- |"]
    for f in table.fields:
        required = "yes" if f.required else f"yes, or `{f.required_unless}`" if f.required_unless else ""
        lines.append(f"| `{f.name}` | {f.type_doc} | {required} | {f.meaning} |")
    return "\n".join(lines) + "\n"
