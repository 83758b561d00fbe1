"""Writes reports to a stream as a Rich table, JSON, CSV or Markdown; Rich is imported only for tables."""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from ictgoals import records
from ictgoals.model import (
    NATIONAL,
    Dataset,
    Indicator,
    Op,
    Status,
    StatusReport,
    StatusRow,
    Target,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from ictgoals.reports import DiffReport, Finding, IndicatorView


class Format(enum.StrEnum):
    """The output formats every reporting command offers."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


def _unreachable(value: NoReturn) -> NoReturn:
    raise AssertionError(f"unhandled format {value!r}")


@dataclass(frozen=True, eq=False)
class Context:
    """What the human-facing formats say about the run: the files used, and the terminal."""

    targets_file: str = ""
    actuals_file: str = ""
    width: int | None = None
    color: bool | None = None


# ---------------------------------------------------------------- numbers for people


def plain(value: float, places: int = 2) -> str:
    """A number with thousands separators and no trailing zeros: 3,744,214 or 45.8."""
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def show_value(value: float, indicator: Indicator) -> str:
    if indicator.is_percent:
        return f"{plain(value)}%"
    if indicator.is_rank:
        return f"#{plain(value)}"
    return f"{plain(value)} {indicator.unit}"


def show_amount(value: float, indicator: Indicator, signed: bool = False) -> str:
    """A difference in the indicator's unit: percentage points for %, places for ranks.

    A signed rank change reads as moving up or down, since a smaller rank number is better.
    """
    if signed and indicator.is_rank:
        return "no change" if value == 0 else f"{'up' if value < 0 else 'down'} {plain(abs(value))} places"
    text = plain(value)
    if signed and value > 0:
        text = "+" + text
    if indicator.is_percent:
        return f"{text} pp"
    if indicator.is_rank:
        return f"{text} places"
    return f"{text} {indicator.unit}"


def show_target(target: Target, indicator: Indicator) -> str:
    if target.op is Op.MAINTAIN:
        return "maintain"
    if isinstance(target.value, tuple):
        low, high = target.value
        return f"{show_value(low, indicator)} – {show_value(high, indicator)}"
    assert target.value is not None
    symbol = "≥" if target.op is Op.AT_LEAST else "≤"
    if indicator.is_rank and target.op is Op.AT_MOST:
        return f"top {plain(target.value)}"
    return f"{symbol} {show_value(target.value, indicator)}"


def show_actual(row: StatusRow) -> str:
    current = row.current
    if current is None:
        return "—"
    text = f"{show_value(current.value, row.indicator)} ({current.year})"
    if current.estimate:
        text += " est."
    if current.conflict:
        text += " !"
    return text


def show_gap(row: StatusRow) -> str:
    if row.gap is None:
        return "—"
    if row.status is Status.MET:
        return "met" if row.gap == 0 else f"ahead by {show_amount(-row.gap, row.indicator)}"
    return show_amount(row.gap, row.indicator)


def show_pace(row: StatusRow) -> str:
    parts = []
    if row.progress_ratio is not None:
        parts.append(f"R {row.progress_ratio:.2f}")
    if row.required_change_per_year is not None:
        parts.append(f"need {show_amount(row.required_change_per_year, row.indicator, signed=True)}/yr")
    return " · ".join(parts) or "—"


STATUS_STYLE = {
    Status.MET: "bold green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.OFF_TRACK: "dark_orange",
    Status.REGRESSING: "red",
    Status.MISSED: "bold red",
    Status.NO_TREND: "cyan",
    Status.NO_DATA: "dim",
}
PACE_LEGEND = (
    "R: progress ratio, observed ÷ required yearly growth (≥ 0.95 on track); "
    "need: change per year still required; est.: estimate; !: sources disagree"
)


def _status_cells(row: StatusRow) -> list[str]:
    return [
        row.indicator.name,
        row.region,
        show_target(row.target, row.indicator),
        show_actual(row),
        show_gap(row),
        row.status.value,
        show_pace(row),
    ]


_STATUS_HEADERS = ["Indicator", "Region", "Target", "Actual", "Gap", "Status", "Pace"]


# ---------------------------------------------------------------- writers shared by the commands


def _write_json(document: Any, out: TextIO) -> None:
    out.write(json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False))
    out.write("\n")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(_csv_cell(v) for v in value)
    return str(value)


def _flatten(record: records.Record) -> records.Record:
    flat: records.Record = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for inner, inner_value in value.items():
                flat[f"{key}.{inner}"] = inner_value
        else:
            flat[key] = value
    return flat


def _write_csv(rows: Sequence[records.Record], fields: Sequence[str], out: TextIO) -> None:
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for row in rows:
        flat = _flatten(row)
        writer.writerow([_csv_cell(flat.get(field)) for field in fields])


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _write_markdown(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    out.write("| " + " | ".join(headers) + " |\n")
    out.write("|" + "|".join(" --- " for _ in headers) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(_md_escape(cell) for cell in row) + " |\n")


def console(out: TextIO, context: Context) -> Console:
    """A Rich console on `out` that colours only a terminal and honours NO_COLOR."""
    from rich.console import Console

    no_color = "NO_COLOR" in os.environ or context.color is False
    return Console(
        file=out,
        width=context.width,
        no_color=no_color,
        force_terminal=True if context.color else None,
        color_system=None if no_color else "auto",
        highlight=False,
        soft_wrap=False,
    )


def _table(title: str, headers: Sequence[str], caption: str = "") -> Table:
    from rich import box
    from rich.table import Table

    table = Table(
        title=title, caption=caption or None, box=box.SIMPLE_HEAD, caption_justify="left", title_justify="left"
    )
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def _files_caption(context: Context) -> str:
    return f"targets: {context.targets_file} · actuals: {context.actuals_file}"


def _print_tables(out: TextIO, context: Context, *tables: Table) -> None:
    """Print tables, then the files they came from on one unwrapped line."""
    printer = console(out, context)
    for table in tables:
        printer.print(table)
    printer.print(_files_caption(context), soft_wrap=True)


# ---------------------------------------------------------------- status


def _status_table(report: StatusReport, out: TextIO, context: Context) -> None:
    from rich.text import Text

    region = "national" if report.region == NATIONAL else report.region
    counts = ", ".join(f"{n} {s}" for s, n in report.summary().items() if n)
    caption = f"{counts or 'no targets'}\n{PACE_LEGEND}"
    table = _table(f"Targets due in {report.year} ({region})", _STATUS_HEADERS, caption)
    for row in report.rows:
        cells: list[str | Text] = list(_status_cells(row))
        cells[5] = Text(row.status.value, style=STATUS_STYLE[row.status])
        table.add_row(*cells)
    _print_tables(out, context, table)


def render_status(report: StatusReport, fmt: Format, out: TextIO, context: Context) -> None:
    match fmt:
        case Format.TABLE:
            _status_table(report, out, context)
        case Format.JSON:
            _write_json(records.status_document(report), out)
        case Format.CSV:
            rows = [records.status_row(r) for r in report.rows]
            _write_csv(rows, STATUS_CSV_FIELDS, out)
        case Format.MARKDOWN:
            _write_markdown(_STATUS_HEADERS, [_status_cells(r) for r in report.rows], out)
        case _:
            _unreachable(fmt)


STATUS_CSV_FIELDS = [
    "indicator",
    "name",
    "unit",
    "region",
    "target_region",
    "year",
    "op",
    "target",
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


# ---------------------------------------------------------------- diff


def _diff_cells(row: records.Record, indicator: Indicator) -> list[str]:
    before = "—" if row["before"] is None else show_value(row["before"], indicator)
    if row["derived"]:
        before += " (derived)"
    change = "—" if row["change"] is None else show_amount(row["change"], indicator, signed=True)
    if row["change_pct"] is not None and not indicator.is_percent and not indicator.is_rank:
        change += f" ({row['change_pct']:+.1f}%)"
    stated = "—"
    if row["stated_change"] is not None:
        value = row["stated_change"]
        shown = f"{value[0]}–{value[1]}" if isinstance(value, list) else f"{value:+g}"
        stated = f"{shown} {row['stated_change_unit']} on {row['stated_change_from']}"
        if row["stated_agrees"] is not None:
            stated += " ✓" if row["stated_agrees"] else " ✗"
    improved = "—" if row["improved"] is None else "yes" if row["improved"] else "no"
    return [indicator.name, before, show_value(row["after"], indicator), change, improved, stated]


def render_diff(report: DiffReport, fmt: Format, out: TextIO, context: Context) -> None:
    rows = [records.diff_row(r) for r in report.rows]
    headers = ["Indicator", str(report.against), str(report.year), "Change", "Improved", "Stated change"]
    cells = [_diff_cells(record, row.indicator) for record, row in zip(rows, report.rows, strict=True)]
    match fmt:
        case Format.TABLE:
            caption = (
                "derived: implied by the stated change, not reported; ✓/✗: stated change agrees "
                "with the figures within rounding"
            )
            table = _table(f"{report.year} against {report.against}", headers, caption)
            for line in cells:
                table.add_row(*line)
            tables = [table]
            if report.targets:
                from rich.text import Text

                due = _table(f"Targets due in {report.year}", _STATUS_HEADERS)
                for target_row in report.targets:
                    status_cells: list[str | Text] = list(_status_cells(target_row))
                    status_cells[5] = Text(target_row.status.value, style=STATUS_STYLE[target_row.status])
                    due.add_row(*status_cells)
                tables.append(due)
            _print_tables(out, context, *tables)
        case Format.JSON:
            _write_json(records.diff_document(report), out)
        case Format.CSV:
            _write_csv(rows, DIFF_CSV_FIELDS, out)
        case Format.MARKDOWN:
            _write_markdown(headers, cells, out)
            if report.targets:
                out.write("\n")
                _write_markdown(_STATUS_HEADERS, [_status_cells(r) for r in report.targets], out)
        case _:
            _unreachable(fmt)


DIFF_CSV_FIELDS = [
    "indicator",
    "name",
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


# ---------------------------------------------------------------- validate

VALIDATE_FIELDS = ["severity", "code", "message", "file", "line", "indicator", "year"]


def render_findings(findings: Sequence[Finding], fmt: Format, out: TextIO, context: Context) -> None:
    from ictgoals.reports import Severity

    rows = [{"severity": f.severity.value, **records.finding(f)} for f in findings]
    match fmt:
        case Format.TABLE:
            printer = console(out, context)
            if not findings:
                printer.print(f"No problems found in {context.targets_file} and {context.actuals_file}.")
                return
            table = _table("Validation", ["", "Code", "Where", "Message"])
            for f in findings:
                where = f.file or ""
                if f.line is not None:
                    where += f":{f.line}"
                style = "bold red" if f.severity is Severity.ERROR else "yellow"
                from rich.text import Text

                table.add_row(Text(f.severity.value, style=style), f.code, where, f.message)
            _print_tables(out, context, table)
        case Format.JSON:
            _write_json(records.validate_document(findings), out)
        case Format.CSV:
            _write_csv(rows, VALIDATE_FIELDS, out)
        case Format.MARKDOWN:
            _write_markdown(VALIDATE_FIELDS, [[_csv_cell(r.get(k)) for k in VALIDATE_FIELDS] for r in rows], out)
        case _:
            _unreachable(fmt)


# ---------------------------------------------------------------- indicators

INDICATOR_FIELDS = ["indicator", "name", "name_vi", "unit", "better", "area", "targets", "actuals"]


def render_indicators(dataset: Dataset, fmt: Format, out: TextIO, context: Context) -> None:
    document = records.indicators_document(dataset)
    rows = document["rows"]
    cells = [[_csv_cell(r[k]) for k in INDICATOR_FIELDS] for r in rows]
    match fmt:
        case Format.TABLE:
            table = _table(f"{len(rows)} indicators", INDICATOR_FIELDS)
            for line in cells:
                table.add_row(*line)
            _print_tables(out, context, table)
        case Format.JSON:
            _write_json(document, out)
        case Format.CSV:
            _write_csv(rows, INDICATOR_FIELDS, out)
        case Format.MARKDOWN:
            _write_markdown(INDICATOR_FIELDS, cells, out)
        case _:
            _unreachable(fmt)


# ---------------------------------------------------------------- one indicator

HISTORY_FIELDS = [
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
]


def view_document(view: IndicatorView) -> records.Record:
    used = {(r.year, s) for r in view.readings for s in r.sources}
    history = [records.actual_row(a, (a.year, a.source) in used) for a in view.actuals]
    history += [
        {
            "year": p.year,
            "value": records.number(p.value),
            "region": view.region,
            "source": None,
            "printed": None,
            "estimate": False,
            "derived": True,
            "used": False,
            "stated_change": None,
            "stated_change_unit": None,
        }
        for p in view.derived
    ]
    history.sort(key=lambda r: (r["year"], r["derived"], not r["used"], r["source"] or ""))
    return {
        **records.indicator_row(view.indicator, len(view.targets), len(view.actuals)),
        "region": view.region,
        "history": history,
        "targets": [records.status_row(r) for r in view.targets],
    }


def chart_lines(view: IndicatorView, width: int = 32) -> list[tuple[str, str, str]]:
    """A bar per year for the figures used, with the nearest target's value marked by '│'."""
    points = {r.year: r.value for r in view.readings}
    derived = {p.year: p.value for p in view.derived}
    goals: dict[int, float] = {}
    for row in view.targets:
        value = row.target.value
        if isinstance(value, tuple):
            value = value[0]
        if value is None and row.baseline is not None:
            value = row.baseline.value
        if value is not None:
            goals.setdefault(row.target.year, value)
    values = [*points.values(), *derived.values(), *goals.values()]
    if not values:
        return []
    top = max(max(values), 0.0) or 1.0
    years = sorted({*points, *derived, *goals})
    marker_value = goals[min(goals)] if goals else None
    lines = []
    for year in years:
        value = points.get(year, derived.get(year))
        length = 0 if value is None else max(0, round(width * value / top))
        bar = list(("█" if year in points else "░") * length + " " * (width - length))
        if marker_value is not None:
            column = min(width - 1, max(0, round(width * marker_value / top) - 1))
            bar[column] = "│"
        label = "" if value is None else show_value(value, view.indicator)
        if year in derived and year not in points:
            label += " (derived)"
        if year in goals:
            goal_row = next(r for r in view.targets if r.target.year == year)
            label += f"   target {show_target(goal_row.target, view.indicator)}"
        lines.append((str(year), "".join(bar), label))
    return lines


def render_view(view: IndicatorView, fmt: Format, out: TextIO, context: Context) -> None:
    document = view_document(view)
    history = document["history"]
    match fmt:
        case Format.TABLE:
            indicator = view.indicator
            title = f"{indicator.name} ({indicator.id})"
            if indicator.name_vi:
                title += f"\n{indicator.name_vi}"
            table = _table(title, ["Year", "Value", "Printed", "Source", "Flags"])
            for item in history:
                flags = ", ".join(
                    name
                    for name, on in (
                        ("estimate", item["estimate"]),
                        ("derived", item["derived"]),
                        ("not used", not item["used"] and not item["derived"]),
                    )
                    if on
                )
                table.add_row(
                    str(item["year"]),
                    show_value(item["value"], indicator),
                    item["printed"] or "",
                    item["source"] or "",
                    flags,
                )
            chart = _table("History against target", ["Year", "", ""], "│: target · ░: derived")
            for line in chart_lines(view):
                chart.add_row(*line)
            targets = _table("Targets", _STATUS_HEADERS)
            for row in view.targets:
                targets.add_row(*_status_cells(row))
            _print_tables(out, context, table, chart, targets)
        case Format.JSON:
            _write_json(document, out)
        case Format.CSV:
            _write_csv(history, HISTORY_FIELDS, out)
        case Format.MARKDOWN:
            _write_markdown(HISTORY_FIELDS, [[_csv_cell(r[k]) for k in HISTORY_FIELDS] for r in history], out)
        case _:
            _unreachable(fmt)
