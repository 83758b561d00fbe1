"""Results as records of JSON-ready values, each shape declared once: the machine contract of JSON, CSV and the API.

A `Shape` lists a record's fields in order, each with how it is read off a result, its JSON type
and what it means. From that one declaration follow the record itself (`Shape.record`), the CSV
and spreadsheet columns (`Shape.columns`, nested objects flattened to `baseline.year`), the field
tables of docs/cli.md (`Shape.markdown`, checked by tests/test_docs.py) and the Table Schema of the
data package's status resource. Results give their records with `to_records()`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from ictgoals.model import NATIONAL, Indicator, Op, Qualifier, Status, Target

if TYPE_CHECKING:  # only for the getters' types: the results import this module, never the reverse
    from ictgoals.analysis.catalogue import Catalogue
    from ictgoals.analysis.checks import Finding, Findings
    from ictgoals.analysis.diff import DiffReport, DiffRow
    from ictgoals.analysis.status import StatusReport, StatusRow
    from ictgoals.analysis.view import HistoryEntry, IndicatorView
    from ictgoals.provinces import Region

Record = dict[str, Any]
T = TypeVar("T")
#: A named table of records with its columns: the rows of a CSV file, or a sheet of a workbook.
Sheet = tuple[str, list[str], list[Record]]


class Result(Protocol):
    """What every result of a reading command gives the machine formats."""

    def to_document(self) -> Record:
        """The JSON document."""
        ...

    def sheets(self) -> list[Sheet]:
        """The workbook's sheets; the first is what CSV writes, unless `csv_sheet` says otherwise."""
        ...

    def csv_sheet(self) -> Sheet:
        """The one table CSV writes."""
        ...


#: The JSON types a field may have (besides null, which any field but a required one may be).
STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT = "string", "integer", "number", "boolean", "array", "object"


class Field(Generic[T]):
    """One key of a record: its name, how it is read off a result, its JSON type and what it means."""

    __slots__ = ("choices", "get", "kind", "meaning", "name", "omitted_when_null", "parts", "required")

    def __init__(
        self,
        name: str,
        get: Callable[[T], Any],
        kind: str,
        meaning: str,
        *,
        parts: tuple[str, ...] = (),
        omitted_when_null: bool = False,
        required: bool = False,
        choices: tuple[str, ...] = (),
    ) -> None:
        self.name, self.get, self.kind, self.meaning = name, get, kind, meaning
        self.parts = parts  # an object's keys, which CSV and spreadsheets flatten to "name.part"
        self.omitted_when_null = omitted_when_null  # JSON leaves the key out rather than writing null
        self.required = required  # never null
        self.choices = choices  # the values a coded field takes


class Shape(Generic[T]):
    """A record's fields in order."""

    __slots__ = ("fields",)

    def __init__(self, *fields: Field[T]) -> None:
        self.fields = fields

    def record(self, item: T) -> Record:
        """`item` as a record: every field in order (those omitted when null left out when they are)."""
        record: Record = {}
        for f in self.fields:
            value = f.get(item)
            if value is not None or not f.omitted_when_null:
                record[f.name] = value
        return record

    def records(self, items: Iterable[T]) -> list[Record]:
        return [self.record(item) for item in items]

    @property
    def names(self) -> list[str]:
        """The record's keys, in order."""
        return [f.name for f in self.fields]

    @property
    def columns(self) -> list[str]:
        """The CSV and spreadsheet header: the keys in order, an object's as `name.part`."""
        columns: list[str] = []
        for f in self.fields:
            columns += [f"{f.name}.{part}" for part in f.parts] if f.parts else [f.name]
        return columns

    def __getitem__(self, name: str) -> Field[T]:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def markdown(self) -> str:
        """The field table docs/cli.md shows for this record."""
        lines = ["| field | type | meaning |", "| --- | --- | --- |"]
        for f in self.fields:
            kind = f"{f.kind} ({', '.join(f.parts)})" if f.parts else f.kind
            lines.append(f"| `{f.name}` | {kind} | {f.meaning} |")
        return "\n".join(lines) + "\n"


#: Each column's name for people (a workbook's header row), in English; the catalogue says it in Vietnamese.
LABELS = {
    "indicator": "Indicator id",
    "name": "Name",
    "name_vi": "Vietnamese name",
    "unit": "Unit",
    "region": "Region",
    "target_region": "Target's region",
    "scope": "Scope",
    "year": "Year",
    "op": "Comparison",
    "target": "Target",
    "target_low": "Target, floor",
    "target_high": "Target, ceiling",
    "tolerance": "Tolerance",
    "target_years": "Years due",
    "actual": "Actual",
    "actual_year": "Year of the figure",
    "gap": "Gap",
    "status": "Assessment",
    "sources": "Sources",
    "conflict": "Sources disagree",
    "estimate": "Estimate",
    "target_sources": "Target's sources",
    "baseline.year": "Baseline year",
    "baseline.value": "Baseline value",
    "progress_ratio": "Progress ratio",
    "projected": "Projection",
    "required_change_per_year": "Change a year still needed",
    "required_growth_pct": "Growth a year still needed (%)",
    "percent_of_target": "% of target",
    "before": "Figure, earlier year",
    "derived": "Derived",
    "after": "Figure",
    "change": "Change",
    "change_pct": "Change (%)",
    "improved": "Improved",
    "stated_change": "Stated change",
    "stated_change_unit": "Unit of the stated change",
    "stated_change_from": "Stated change on",
    "stated_agrees": "Stated change agrees",
    "severity": "Severity",
    "code": "Code",
    "message": "Message",
    "file": "File",
    "line": "Line",
    "better": "Better",
    "area": "Area",
    "targets": "Targets",
    "actuals": "Figures",
    "current": "Current",
    "merged_into": "Merged into",
    "since": "Since",
    "formed_from": "Formed from",
    "value": "Value",
    "source": "Source",
    "printed": "As printed",
    "used": "Used",
    "period": "Period",
    "basis": "Basis",
    "absorbed": "Of a former province",
    "kind": "Kind",
    "approximate": "Approximate",
    "baseline": "Baseline",
    "became": "Became",
    "qualifier": "Qualifier",
    "series_break": "Series break",
    "territory": "Territory",
    "valid_from": "Valid from",
    "valid_until": "Valid until",
}


def label(column: str) -> str:
    """A column's English name for people; the field's own name where none is declared."""
    return LABELS.get(column, column.replace("_", " ").replace(".", " ").capitalize())


# ---------------------------------------------------------------- values


def number(value: float | None) -> float | int | None:
    """A JSON number: rounded past float noise, whole numbers as integers, never NaN."""
    if value is None or not math.isfinite(value):
        return None
    rounded = round(value, 9)
    if rounded == int(rounded) and abs(rounded) < 2**53:
        return int(rounded)
    return rounded


def number_or_range(value: float | tuple[float, float] | None) -> float | int | list[float | int | None] | None:
    """A number, or [low, high] for a range."""
    if isinstance(value, tuple):
        return [number(value[0]), number(value[1])]
    return number(value)


def target_bounds(target: Target) -> tuple[float | int | None, float | int | None]:
    """The target as plain numbers: (low, high). ≥ and > set low, ≤ and < set high, between sets both,
    maintain neither (it keeps the baseline). Unlike `target`, never a list: `jq @csv` and spreadsheets
    read it as numbers."""
    value = target.value
    if isinstance(value, tuple):
        return number(value[0]), number(value[1])
    if value is None:
        return None, None
    if target.op.upward:
        return number(value), None
    return None, number(value)


def _indicator_fields(get: Callable[[T], Indicator]) -> tuple[Field[T], ...]:
    """The fields that name an indicator, read through `get`: the same four in every record about one."""
    return (
        Field("indicator", lambda item: get(item).id, STRING, "the indicator's id", required=True),
        Field("name", lambda item: get(item).name, STRING, "its English name"),
        Field("name_vi", lambda item: get(item).name_vi, STRING, "its Vietnamese name (empty when none is given)"),
        Field("unit", lambda item: get(item).unit, STRING, 'its unit: `"%"`, `"rank"`, or the unit of amounts'),
    )


# ---------------------------------------------------------------- status rows


def _qualifier_field(get: Callable[[T], Qualifier | str | None]) -> Field[T]:
    """The bound a figure's print states, as the `qualifier` field of a row (`get` finds it, or its code)."""
    return Field(
        "qualifier",
        lambda row: None if (bound := get(row)) is None else str(bound),
        STRING,
        'the bound the figure\'s print states: `"more-than"` (hơn, trên: "> 148"), `"at-least"`, `"less-than"`, '
        '`"at-most"`, `"nearly"` (gần: just under), `"about"` (khoảng); null for a plain figure',
        choices=tuple(q.value for q in Qualifier),
    )


def _baseline(row: StatusRow) -> Record | None:
    return None if row.baseline is None else {"year": row.baseline.year, "value": number(row.baseline.value)}


STATUS: Shape[StatusRow] = Shape(
    *_indicator_fields(lambda row: row.indicator),
    Field("region", lambda row: row.region, STRING, "the region whose figures are measured", required=True),
    Field("target_region", lambda row: row.target.region, STRING, "where the target was declared", required=True),
    Field(
        "scope",
        lambda row: "national" if row.target.region == NATIONAL else "regional",
        STRING,
        '`"national"` for a national target, `"regional"` for a province\'s own',
    ),
    Field("year", lambda row: row.target.year, INTEGER, "the year the target is due", required=True),
    Field(
        "op",
        lambda row: row.target.op.value,
        STRING,
        '`">="`, `">"`, `"<="`, `"<"`, `"between"` or `"maintain"`',
        required=True,
        choices=tuple(o.value for o in Op),
    ),
    Field(
        "target",
        lambda row: number_or_range(row.target.value),
        NUMBER,
        "the target value, `[low, high]` for between, null for maintain (kept for compatibility)",
    ),
    Field(
        "target_low",
        lambda row: target_bounds(row.target)[0],
        NUMBER,
        "the floor: set by `>=`, `>` and between",
    ),
    Field(
        "target_high",
        lambda row: target_bounds(row.target)[1],
        NUMBER,
        "the ceiling: set by `<=`, `<` and between",
    ),
    Field(
        "tolerance",
        lambda row: number(row.tolerance),
        NUMBER,
        "how far short of the value still counts as met, in the unit: as printed, or for an approximate target "
        "1% of its value",
    ),
    Field(
        "target_years",
        lambda row: None if row.target.span is None else list(row.target.span),
        ARRAY,
        "`[first, last]` for a target due every year of a span",
    ),
    Field(
        "actual",
        lambda row: None if row.current is None else number(row.current.value),
        NUMBER,
        "the latest figure up to the target year",
    ),
    Field("actual_year", lambda row: None if row.current is None else row.current.year, INTEGER, "its year"),
    Field(
        "gap",
        lambda row: number(row.gap),
        NUMBER,
        "how far from the target, in the unit (points for %, places for ranks); positive when short",
    ),
    Field(
        "status",
        lambda row: row.status.value,
        STRING,
        "the status ([methodology.md](methodology.md))",
        required=True,
        choices=tuple(s.value for s in Status),
    ),
    Field(
        "sources",
        lambda row: [] if row.current is None else list(row.current.sources),
        ARRAY,
        "the ids of the sources of the figure used",
    ),
    Field(
        "conflict",
        lambda row: False if row.current is None else row.current.conflict,
        BOOLEAN,
        "sources disagree on the figure used",
    ),
    Field(
        "estimate",
        lambda row: False if row.current is None else row.current.estimate,
        BOOLEAN,
        "the figure used is an estimate",
    ),
    Field("target_sources", lambda row: list(row.target.sources), ARRAY, "the ids of the sources that declare it"),
    Field("baseline", _baseline, OBJECT, "the figure progress is measured from", parts=("year", "value")),
    Field("progress_ratio", lambda row: number(row.progress_ratio), NUMBER, "observed over required growth"),
    Field(
        "projected",
        lambda row: number(row.projected),
        NUMBER,
        "the figure in the target year if the observed growth goes on",
    ),
    Field(
        "required_change_per_year",
        lambda row: number(row.required_change_per_year),
        NUMBER,
        "the change a year, in the unit, still needed to reach the target",
    ),
    Field(
        "required_growth_pct",
        lambda row: number(row.required_growth_pct),
        NUMBER,
        "the same as compound growth, in %",
    ),
    # fields added later go last, so scripts that read CSV columns by position keep working
    Field(
        "percent_of_target",
        lambda row: number(row.percent_of_target),
        NUMBER,
        "the latest figure as % of the target (target ÷ figure when lower is better); null for ranks, "
        "maintain, or above a range",
    ),
    Field(
        "approximate",
        lambda row: row.approximate,
        BOOLEAN,
        'the target is printed as approximate ("khoảng 165"): met within its tolerance',
    ),
    _qualifier_field(lambda row: None if row.current is None else row.current.qualifier),
    Field(
        "series_break",
        lambda row: row.series_break,
        BOOLEAN,
        "the figures used are of the province before and after its territory changed on 1 July 2025",
    ),
)


# ---------------------------------------------------------------- diff rows


def _stated(row: DiffRow) -> float | int | list[float | int | None] | None:
    return None if row.stated is None else number_or_range(row.stated.value)


DIFF: Shape[DiffRow] = Shape(
    *_indicator_fields(lambda row: row.indicator),
    Field("region", lambda row: row.region, STRING, "the region"),
    Field(
        "before",
        lambda row: None if row.before is None else number(row.before.value),
        NUMBER,
        "the figure of the earlier year",
    ),
    Field("derived", lambda row: row.before_derived, BOOLEAN, "`before` is implied by a stated change, not reported"),
    Field("after", lambda row: number(row.after.value), NUMBER, "the figure of the year"),
    Field("change", lambda row: number(row.change), NUMBER, "after − before, in the unit"),
    Field("change_pct", lambda row: number(row.change_pct), NUMBER, "the change in % of before"),
    Field("improved", lambda row: row.improved, BOOLEAN, "the change goes the good way (null: neutral or unknown)"),
    Field("stated_change", _stated, NUMBER, "the change the source states (a number or `[low, high]`)"),
    Field(
        "stated_change_unit",
        lambda row: None if row.stated is None else row.stated.unit.value,
        STRING,
        '`"%"`, `"pp"` or `"places"`',
    ),
    Field(
        "stated_change_from",
        lambda row: None if row.stated is None else row.stated.from_year,
        INTEGER,
        "the year the stated change is on",
    ),
    Field("stated_agrees", lambda row: row.stated_agrees, BOOLEAN, "the stated change agrees with the two figures"),
    Field("sources", lambda row: list(row.after.sources), ARRAY, "the ids of the sources of the year's figure"),
    Field("conflict", lambda row: row.after.conflict, BOOLEAN, "sources disagree on the year's figure"),
    Field("estimate", lambda row: row.after.estimate, BOOLEAN, "the year's figure is an estimate"),
    _qualifier_field(lambda row: row.after.qualifier),
    Field(
        "series_break",
        lambda row: row.series_break,
        BOOLEAN,
        "`before` and `after` are of the province before and after its territory changed on 1 July 2025: "
        "not one series, so `improved` is null",
    ),
)

#: `diff --format csv`: one table of both kinds of row. kind "change" rows fill the DIFF fields,
#: kind "target" rows (the targets due in the year, as in the JSON's "targets") the STATUS fields.
DIFF_CSV_COLUMNS = ["kind", *DIFF.columns, *(c for c in STATUS.columns if c not in DIFF.columns)]


# ---------------------------------------------------------------- validate's findings

FINDING: Shape[Finding] = Shape(
    Field("severity", lambda f: f.severity.value, STRING, '`"error"` or `"warning"` (CSV; JSON groups by it)'),
    Field(
        "code",
        lambda f: f.code,
        STRING,
        "what kind of problem: the warnings `conflict`, `stated-change-mismatch`, `inconsistent-target`, "
        "`printed-mismatch`, `implausible-figure`, `unknown-region`; the error `invalid-data` (the loader stops at "
        "the first)",
    ),
    Field("message", lambda f: f.message, STRING, "the problem in words"),
    Field("file", lambda f: f.file, STRING, "the file it is in", omitted_when_null=True),
    Field("line", lambda f: f.line, INTEGER, "the line", omitted_when_null=True),
    Field("indicator", lambda f: f.indicator, STRING, "the indicator it is about", omitted_when_null=True),
    Field("year", lambda f: f.year, INTEGER, "the year it is about", omitted_when_null=True),
)


# ---------------------------------------------------------------- the catalogues

#: An indicator with how many targets and figures it has (`analysis.catalogue.CatalogueRow` is one).
Counted = tuple[Indicator, int, int]

INDICATOR: Shape[Counted] = Shape(
    *_indicator_fields(lambda row: row[0]),
    Field("better", lambda row: row[0].better.value, STRING, '`"higher"`, `"lower"` or `"neutral"`'),
    Field("area", lambda row: row[0].area, STRING, "the area it belongs to (tables sort by it)"),
    Field("targets", lambda row: row[1], INTEGER, "how many targets it has"),
    Field("actuals", lambda row: row[2], INTEGER, "how many figures it has"),
)

REGION: Shape[Region] = Shape(
    Field("name", lambda r: r.name, STRING, "the region's name"),
    Field("code", lambda r: r.code, STRING, "its code (the nation: VN)"),
    Field("current", lambda r: r.current, BOOLEAN, "a province from 1 July 2025 (or the nation)"),
    Field("merged_into", lambda r: r.merged_into, STRING, "for a former province, the one it was merged into"),
    Field("since", lambda r: r.since, STRING, "the date of that change"),
    Field("formed_from", lambda r: list(r.formed_from), ARRAY, "for a current province, the former ones it joins"),
    Field(
        "became",
        lambda r: r.became,
        STRING,
        "for a former name of a unit that went on without a merger, its new name (Thừa Thiên Huế: Huế)",
    ),
    Field("valid_from", lambda r: r.valid_from, STRING, "the first day of the unit under this name, if it has one"),
    Field("valid_until", lambda r: r.valid_until, STRING, "the last day of the unit under this name, if it has one"),
)


# ---------------------------------------------------------------- show's history

HISTORY: Shape[HistoryEntry] = Shape(
    Field("indicator", lambda e: e.indicator, STRING, "the indicator's id"),
    Field("year", lambda e: e.year, INTEGER, "the year of the figure (the last of a period)"),
    Field("value", lambda e: number(e.value), NUMBER, "the figure, in the indicator's unit"),
    Field("region", lambda e: e.region, STRING, "the region"),
    Field("source", lambda e: e.source, STRING, "the source id (null for a derived value)"),
    Field("printed", lambda e: e.printed, STRING, "the figure as printed"),
    Field("estimate", lambda e: e.estimate, BOOLEAN, "the source calls it an estimate"),
    Field("derived", lambda e: e.derived, BOOLEAN, "implied by a later year's stated change, never reported"),
    Field("used", lambda e: e.used, BOOLEAN, "the figure chosen for its year"),
    Field("stated_change", lambda e: number(e.stated_change), NUMBER, "the change the source states with it"),
    Field("stated_change_unit", lambda e: e.stated_change_unit, STRING, '`"%"`, `"pp"` or `"places"`'),
    Field("period", lambda e: None if e.period is None else list(e.period), ARRAY, "`[first, last]` for a period"),
    Field("basis", lambda e: e.basis, STRING, 'for a period: `"average"` or `"total"`'),
    Field("absorbed", lambda e: e.absorbed, BOOLEAN, "a figure of a former province this one was formed from"),
    _qualifier_field(lambda e: e.qualifier),
    Field(
        "territory",
        lambda e: e.territory,
        STRING,
        'for a province whose territory changed on 1 July 2025 under its name: `"former"` or `"current"`',
    ),
    Field(
        "series_break",
        lambda e: e.series_break,
        BOOLEAN,
        "the first figure after the province's territory changed: not comparable with those before",
    ),
)


# ---------------------------------------------------------------- the JSON documents


def status_document(report: StatusReport) -> Record:
    """`status --format json`."""
    return {"year": report.year, "region": report.region, "rows": report.to_records(), "summary": report.summary()}


def diff_document(report: DiffReport) -> Record:
    """`diff --format json`."""
    return {
        "year": report.year,
        "against": report.against,
        "region": report.region,
        "rows": report.to_records(),
        "targets": report.target_records(),
    }


def validate_document(findings: Findings) -> Record:
    """`validate --format json`: the findings grouped by severity, so the items leave it out."""
    grouped: Record = {"errors": [], "warnings": []}
    for record in findings.to_records():
        grouped["errors" if record.pop("severity") == "error" else "warnings"].append(record)
    return grouped


def indicators_document(catalogue: Catalogue) -> Record:
    """`indicators --format json`."""
    return {"rows": catalogue.to_records()}


def view_document(view: IndicatorView) -> Record:
    """`show --format json`: the indicator, its history and its targets."""
    return {
        **INDICATOR.record((view.indicator, len(view.targets), len(view.actuals))),
        "region": view.region,
        "history": view.to_records(),
        "targets": view.target_records(),
    }


def regions_document(regions: Iterable[Region]) -> Record:
    """`regions --format json`."""
    return {"regions": REGION.records(regions)}
