"""Computed results as plain rows of JSON-ready values, and the CSV columns: the machine-readable output contract."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ictgoals.model import (
    NATIONAL,
    Actual,
    Dataset,
    Indicator,
    Point,
    Reading,
    StatusReport,
    StatusRow,
    Target,
)

if TYPE_CHECKING:
    from ictgoals.analysis.results import DiffReport, DiffRow, Finding, IndicatorView
    from ictgoals.regions import Region

Record = dict[str, Any]


def number(value: float | None) -> float | int | None:
    """A JSON number: rounded past float noise, whole numbers as integers, never NaN."""
    if value is None or not math.isfinite(value):
        return None
    rounded = round(value, 9)
    if rounded == int(rounded) and abs(rounded) < 2**53:
        return int(rounded)
    return rounded


def target_value(target: Target) -> float | int | list[float | int | None] | None:
    if isinstance(target.value, tuple):
        return [number(target.value[0]), number(target.value[1])]
    return number(target.value)


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


def _point(point: Point | None) -> Record | None:
    return None if point is None else {"year": point.year, "value": number(point.value)}


def _indicator_fields(indicator: Indicator) -> Record:
    return {"indicator": indicator.id, "name": indicator.name, "name_vi": indicator.name_vi, "unit": indicator.unit}


def status_row(row: StatusRow) -> Record:
    target, current = row.target, row.current
    return {
        **_indicator_fields(row.indicator),
        "region": row.region,
        "target_region": target.region,
        "scope": "national" if target.region == NATIONAL else "regional",
        "year": target.year,
        "op": target.op.value,
        "target": target_value(target),
        "target_low": target_bounds(target)[0],
        "target_high": target_bounds(target)[1],
        "tolerance": number(target.tolerance),
        "target_years": None if target.span is None else list(target.span),
        "actual": None if current is None else number(current.value),
        "actual_year": None if current is None else current.year,
        "gap": number(row.gap),
        "status": row.status.value,
        "sources": [] if current is None else list(current.sources),
        "conflict": False if current is None else current.conflict,
        "estimate": False if current is None else current.estimate,
        "target_sources": list(target.sources),
        "baseline": _point(row.baseline),
        "progress_ratio": number(row.progress_ratio),
        "projected": number(row.projected),
        "required_change_per_year": number(row.required_change_per_year),
        "required_growth_pct": number(row.required_growth_pct),
    }


def status_document(report: StatusReport) -> Record:
    return {
        "year": report.year,
        "region": report.region,
        "rows": [status_row(r) for r in report.rows],
        "summary": report.summary(),
    }


def _reading(reading: Reading | None) -> float | int | None:
    return None if reading is None else number(reading.value)


def diff_row(row: DiffRow) -> Record:
    stated = row.stated
    stated_value: Any = None
    if stated is not None:
        stated_value = (
            [number(stated.value[0]), number(stated.value[1])]
            if isinstance(stated.value, tuple)
            else number(stated.value)
        )
    return {
        **_indicator_fields(row.indicator),
        "region": row.region,
        "before": _reading(row.before),
        "derived": row.before_derived,
        "after": number(row.after.value),
        "change": number(row.change),
        "change_pct": number(row.change_pct),
        "improved": row.improved,
        "stated_change": stated_value,
        "stated_change_unit": None if stated is None else stated.unit.value,
        "stated_change_from": None if stated is None else stated.from_year,
        "stated_agrees": row.stated_agrees,
        "sources": list(row.after.sources),
        "conflict": row.after.conflict,
        "estimate": row.after.estimate,
    }


def diff_document(report: DiffReport) -> Record:
    return {
        "year": report.year,
        "against": report.against,
        "region": report.region,
        "rows": [diff_row(r) for r in report.rows],
        "targets": [status_row(r) for r in report.targets],
    }


def finding(item: Finding) -> Record:
    record: Record = {"code": item.code, "message": item.message}
    for key in ("file", "line", "indicator", "year"):
        value = getattr(item, key)
        if value is not None:
            record[key] = value
    return record


def validate_document(findings: Sequence[Finding]) -> Record:
    from ictgoals.analysis.results import Severity

    return {
        "errors": [finding(f) for f in findings if f.severity is Severity.ERROR],
        "warnings": [finding(f) for f in findings if f.severity is Severity.WARNING],
    }


def indicator_row(indicator: Indicator, targets: int, actuals: int) -> Record:
    return {
        "indicator": indicator.id,
        "name": indicator.name,
        "name_vi": indicator.name_vi,
        "unit": indicator.unit,
        "better": indicator.better.value,
        "area": indicator.area,
        "targets": targets,
        "actuals": actuals,
    }


def indicators_document(dataset: Dataset) -> Record:
    targets: dict[str, int] = {}
    actuals: dict[str, int] = {}
    for t in dataset.targets:
        targets[t.indicator] = targets.get(t.indicator, 0) + 1
    for a in dataset.actuals:
        actuals[a.indicator] = actuals.get(a.indicator, 0) + 1
    rows = [
        indicator_row(i, targets.get(i.id, 0), actuals.get(i.id, 0))
        for i in sorted(dataset.indicators.values(), key=lambda i: (i.area, i.id))
    ]
    return {"rows": rows}


def region_row(region: Region) -> Record:
    return {
        "name": region.name,
        "code": region.code,
        "current": region.current,
        "merged_into": region.merged_into,
        "since": region.since,
        "formed_from": list(region.formed_from),
    }


def history_row(indicator: str, year: int, value: float, region: str, **fields: object) -> Record:
    """One row of `show`'s history: every key, in order, with what `fields` gives and defaults for the rest."""
    row: Record = {
        "indicator": indicator,
        "year": year,
        "value": number(value),
        "region": region,
        "source": None,
        "printed": None,
        "estimate": False,
        "derived": False,
        "used": False,
        "stated_change": None,
        "stated_change_unit": None,
        "period": None,
        "basis": None,
        "absorbed": False,
    }
    row.update(fields)
    return row


def actual_row(actual: Actual, chosen: bool, absorbed: bool = False) -> Record:
    change = actual.change
    return history_row(
        actual.indicator,
        actual.year,
        actual.value,
        actual.region,
        source=actual.source,
        printed=actual.printed,
        estimate=actual.estimate,
        used=chosen,
        stated_change=None if change is None or isinstance(change.value, tuple) else number(change.value),
        stated_change_unit=None if change is None else change.unit.value,
        period=None if actual.period is None else list(actual.period),
        basis=actual.basis or None,
        absorbed=absorbed,
    )


def view_document(view: IndicatorView) -> Record:
    used = {(r.year, s) for r in view.readings for s in r.sources}
    history = [actual_row(a, a.period is None and (a.year, a.source) in used) for a in view.actuals]
    history += [actual_row(a, False, absorbed=True) for a in view.absorbed]  # a merged province's own figures
    history += [history_row(view.indicator.id, p.year, p.value, view.region, derived=True) for p in view.derived]
    history.sort(key=lambda r: (r["year"], r["derived"], not r["used"], r["source"] or ""))
    return {
        **indicator_row(view.indicator, len(view.targets), len(view.actuals)),
        "region": view.region,
        "history": history,
        "targets": [status_row(r) for r in view.targets],
    }


# ---------------------------------------------------------------- CSV columns, in order

STATUS_FIELDS = [
    "indicator",
    "name",
    "name_vi",
    "unit",
    "region",
    "target_region",
    "scope",
    "year",
    "op",
    "target",
    "target_low",
    "target_high",
    "tolerance",
    "target_years",
    "actual",
    "actual_year",
    "gap",
    "status",
    "sources",
    "conflict",
    "estimate",
    "target_sources",
    "baseline.year",
    "baseline.value",
    "progress_ratio",
    "projected",
    "required_change_per_year",
    "required_growth_pct",
]


DIFF_FIELDS = [
    "indicator",
    "name",
    "name_vi",
    "unit",
    "region",
    "before",
    "derived",
    "after",
    "change",
    "change_pct",
    "improved",
    "stated_change",
    "stated_change_unit",
    "stated_change_from",
    "stated_agrees",
    "sources",
    "conflict",
    "estimate",
]


#: `diff --format csv`: one table of both kinds of row. kind "change" rows fill the DIFF_FIELDS,
#: kind "target" rows (the targets due in the year, as in the JSON's "targets") the STATUS_FIELDS.
DIFF_CSV_FIELDS = ["kind", *DIFF_FIELDS, *(f for f in STATUS_FIELDS if f not in DIFF_FIELDS)]

VALIDATE_FIELDS = ["severity", "code", "message", "file", "line", "indicator", "year"]
INDICATOR_FIELDS = ["indicator", "name", "name_vi", "unit", "better", "area", "targets", "actuals"]
HISTORY_FIELDS = [
    "indicator",
    "year",
    "value",
    "region",
    "source",
    "printed",
    "estimate",
    "derived",
    "used",
    "stated_change",
    "stated_change_unit",
    "period",
    "basis",
    "absorbed",
]
REGION_FIELDS = ["name", "code", "current", "merged_into", "since", "formed_from"]
