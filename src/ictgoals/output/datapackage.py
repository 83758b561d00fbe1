"""The dataset as a Frictionless Data Package: CSV resources with Table Schemas, for open-data portals.

Five resources: sources, indicators, targets, actuals, and status (every target evaluated in every
year that has targets, for every region). Each has typed fields, required fields, the allowed
values of the coded fields, and keys: actuals and targets point at indicators, actuals at sources.
docs/cli.md says how a portal consumes it. `tests/test_datapackage.py` validates it with frictionless.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ictgoals import __version__
from ictgoals.analysis import records
from ictgoals.analysis.records import Record, number, target_bounds
from ictgoals.analysis.status import StatusReport
from ictgoals.datafiles import schema
from ictgoals.datafiles.schema import Kind
from ictgoals.model import Dataset

Field = dict[str, Any]

#: The Table Schema type of each kind of data-file field (lists are joined with ';' in the CSV).
_TYPES = {
    Kind.YEAR: "integer",
    Kind.NUMBER: "number",
    Kind.VALUE: "number",
    Kind.CHANGE: "number",
    Kind.FLAG: "boolean",
}
_RECORD_TYPES = {records.INTEGER: "integer", records.NUMBER: "number", records.BOOLEAN: "boolean"}


def _field(name: str, kind: str, description: str, *, required: bool = False, **constraints: Any) -> Field:
    field: Field = {"name": name, "type": kind}
    if description:
        field["description"] = description[:1].upper() + description[1:].rstrip(".") + "."
    if required:
        constraints = {"required": True, **constraints}
    if constraints:
        field["constraints"] = constraints
    return field


def _declared(table: schema.Table, name: str, rename: str = "", kind: str = "", meaning: str = "") -> Field:
    """A column of a data-file table, described as docs/data-format.md describes it (datafiles/schema.py)."""
    declared = table[name]
    extra: dict[str, Any] = {}
    if declared.choices is not None:
        extra["enum"] = [member.value for member in declared.choices]
    return _field(
        rename or name,
        kind or _TYPES.get(declared.kind, "string"),
        meaning or declared.meaning,
        required=declared.required,
        **extra,
    )


SOURCES = [
    _field("id", "string", "the source's id, as the data files cite it", required=True, unique=True),
    *(_declared(schema.SOURCES, name) for name in ("title", "outlet", "region", "published", "conference", "document")),
]
INDICATORS = [
    _field("id", "string", "the indicator's id", required=True, unique=True),
    *(_declared(schema.INDICATORS, name) for name in ("name", "name_vi", "unit", "better", "area")),
    _declared(
        schema.INDICATORS, "range", "range_low", "number", "the lowest value a figure may take, when not the unit's own"
    ),
    _declared(
        schema.INDICATORS,
        "range",
        "range_high",
        "number",
        "the highest value a figure may take, when not the unit's own",
    ),
    _declared(schema.INDICATORS, "note"),
]
TARGETS = [
    _declared(schema.TARGETS, "indicator"),
    _field("region", "string", '"VN" for the nation, else a province', required=True),
    _field("year", "integer", "the year the target is due (the last of a span)", required=True),
    _declared(schema.TARGETS, "years", "first_year", "integer", "for a target every year of a span: its first year"),
    _declared(schema.TARGETS, "op"),
    _field("target_low", "number", "the floor (>=, >, between); empty otherwise"),
    _field("target_high", "number", "the ceiling (<=, <, between); empty otherwise"),
    _declared(schema.TARGETS, "tolerance"),
    _declared(schema.TARGETS, "baseline_year"),
    _declared(schema.TARGETS, "printed"),
    _declared(
        schema.TARGETS, "source", "sources", "string", "the ids of the sources that declare it, separated by ';'"
    ),
    _declared(schema.TARGETS, "note"),
]
ACTUALS = [
    _declared(schema.ACTUALS, "indicator"),
    _field("region", "string", '"VN" for the nation, else a province', required=True),
    _field("year", "integer", "the year of the figure (the last of a period)", required=True),
    _declared(schema.ACTUALS, "period", "first_year", "integer", "for a figure over a period: its first year"),
    _declared(schema.ACTUALS, "basis"),
    _declared(schema.ACTUALS, "value"),
    _declared(schema.ACTUALS, "printed"),
    _field("estimate", "boolean", schema.ACTUALS["estimate"].meaning, required=True),
    _declared(schema.ACTUALS, "source"),
    _declared(schema.ACTUALS, "note"),
]
#: The status resource: these fields of `status` rows (analysis/records.py), typed and described there.
STATUS = [
    _field(
        f.name,
        _RECORD_TYPES.get(f.kind, "string"),
        f.meaning,
        required=f.required,
        **({"enum": list(f.choices)} if f.choices else {}),
    )
    for f in (
        records.STATUS[name]
        for name in (
            "indicator",
            "region",
            "target_region",
            "year",
            "op",
            "target_low",
            "target_high",
            "actual",
            "actual_year",
            "gap",
            "status",
            "progress_ratio",
            "projected",
        )
    )
]


def _to_indicators(reference: str = "id") -> dict[str, Any]:
    return {"fields": "indicator", "reference": {"resource": "indicators", "fields": reference}}


def resources(dataset: Dataset, reports: Sequence[StatusReport]) -> list[tuple[str, list[Field], list[Record]]]:
    """Each resource's name, fields and rows, in the order the package lists them."""
    sources = [{f["name"]: getattr(source, f["name"]) or None for f in SOURCES} for source in dataset.sources.values()]
    indicators = [
        {
            "id": i.id,
            "name": i.name,
            "name_vi": i.name_vi or None,
            "unit": i.unit,
            "better": i.better.value,
            "area": i.area or None,
            "range_low": None if i.range is None else number(i.range[0]),
            "range_high": None if i.range is None else number(i.range[1]),
            "note": i.note or None,
        }
        for i in dataset.indicators.values()
    ]
    targets = [
        {
            "indicator": t.indicator,
            "region": t.region,
            "year": t.year,
            "first_year": None if t.span is None else t.span[0],
            "op": t.op.value,
            "target_low": target_bounds(t)[0],
            "target_high": target_bounds(t)[1],
            "tolerance": number(t.tolerance),
            "baseline_year": t.baseline_year,
            "printed": t.printed or None,
            "sources": ";".join(t.sources),
            "note": t.note or None,
        }
        for t in dataset.targets
    ]
    actuals = [
        {
            "indicator": a.indicator,
            "region": a.region,
            "year": a.year,
            "first_year": None if a.period is None else a.period[0],
            "basis": a.basis or None,
            "value": number(a.value),
            "printed": a.printed or None,
            "estimate": a.estimate,
            "source": a.source,
            "note": a.note or None,
        }
        for a in dataset.actuals
    ]
    names = [f["name"] for f in STATUS]
    status = [{k: record[k] for k in names} for report in reports for record in report.to_records()]
    return [
        ("sources", SOURCES, sources),
        ("indicators", INDICATORS, indicators),
        ("targets", TARGETS, targets),
        ("actuals", ACTUALS, actuals),
        ("status", STATUS, status),
    ]


def descriptor(names: Sequence[tuple[str, list[Field]]], title: str) -> dict[str, Any]:
    """The datapackage.json: one tabular resource per CSV file, with its schema and keys."""
    keys: dict[str, dict[str, Any]] = {
        "sources": {"primaryKey": ["id"]},
        "indicators": {"primaryKey": ["id"]},
        "targets": {"foreignKeys": [_to_indicators()]},
        "actuals": {
            "foreignKeys": [
                _to_indicators(),
                {"fields": "source", "reference": {"resource": "sources", "fields": "id"}},
            ]
        },
        "status": {"foreignKeys": [_to_indicators()]},
    }
    return {
        "name": "ictgoals-digital-transformation-targets",
        "title": title,
        "description": "Vietnam's digital-transformation targets and the figures reported against them, "
        "with where each figure was printed; made by ictgoals " + __version__ + ".",
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, **keys[name]},
            }
            for name, fields in names
        ],
    }
