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
from ictgoals.model import Basis, Better, Dataset, Op, Status, StatusReport
from ictgoals.output.rows import Record, number, status_row, target_bounds

Field = dict[str, Any]


def _field(name: str, kind: str = "string", description: str = "", **constraints: Any) -> Field:
    field: Field = {"name": name, "type": kind}
    if description:
        field["description"] = description
    if constraints:
        field["constraints"] = constraints
    return field


SOURCES = [
    _field("id", description="The source's id, as the data files cite it.", required=True, unique=True),
    _field("title", description="The document's title."),
    _field("outlet", description="Where it was published."),
    _field("region", description="The region it reports on."),
    _field("published", description="Publication date: YYYY-MM-DD or YYYY-MM."),
    _field("conference", description="The review conference it reports."),
    _field("document", description="The official document it cites."),
]
INDICATORS = [
    _field("id", required=True, unique=True),
    _field("name", required=True),
    _field("name_vi", description="The Vietnamese name."),
    _field("unit", required=True, description='"%", "rank", or the unit of amounts, e.g. "USD bn".'),
    _field("better", required=True, enum=[b.value for b in Better]),
    _field("area"),
    _field("range_low", "number", description="The lowest value a figure may take, when not the unit's own."),
    _field("range_high", "number"),
    _field("note"),
]
TARGETS = [
    _field("indicator", required=True),
    _field("region", required=True, description='"VN" for the nation, else a province.'),
    _field("year", "integer", required=True, description="The year the target is due (the last of a span)."),
    _field("first_year", "integer", description="For a target every year of a span: its first year."),
    _field("op", required=True, enum=[o.value for o in Op]),
    _field("target_low", "number", description="The floor (>=, >, between); empty otherwise."),
    _field("target_high", "number", description="The ceiling (<=, <, between); empty otherwise."),
    _field("tolerance", "number", description='How far short still counts as met ("khoảng").'),
    _field("baseline_year", "integer"),
    _field("printed", description="The target as the source prints it."),
    _field("sources", required=True, description="The ids of the sources that declare it, separated by ';'."),
    _field("note"),
]
ACTUALS = [
    _field("indicator", required=True),
    _field("region", required=True),
    _field("year", "integer", required=True, description="The year of the figure (the last of a period)."),
    _field("first_year", "integer", description="For a figure over a period: its first year."),
    _field("basis", enum=[b.value for b in Basis], description="For a period: average per year, or total."),
    _field("value", "number", required=True, description="In the indicator's unit."),
    _field("printed", description="The figure exactly as printed in the source."),
    _field("estimate", "boolean", required=True, description="The source calls it an estimate (ước đạt)."),
    _field("source", required=True),
    _field("note"),
]
STATUS = [
    _field("indicator", required=True),
    _field("region", required=True, description="The region whose figures are measured."),
    _field("target_region", required=True, description="Where the target was declared."),
    _field("year", "integer", required=True),
    _field("op", required=True, enum=[o.value for o in Op]),
    _field("target_low", "number"),
    _field("target_high", "number"),
    _field("actual", "number"),
    _field("actual_year", "integer"),
    _field("gap", "number", description="How far from the target, in the unit (points for %, places for ranks)."),
    _field("status", required=True, enum=[s.value for s in Status]),
    _field("progress_ratio", "number"),
    _field("projected", "number"),
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
    status = [{k: v for k, v in status_row(row).items() if k in names} for report in reports for row in report.rows]
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
