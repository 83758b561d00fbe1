"""Figures, gaps and targets in words for people: units, percentage points, places, and the cells of each table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ictgoals.model import Indicator, Op, Status, StatusRow, Target
from ictgoals.output.rows import Record


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


_SYMBOLS = {Op.AT_LEAST: "≥", Op.AT_MOST: "≤", Op.MORE_THAN: ">", Op.LESS_THAN: "<"}


def show_target(target: Target, indicator: Indicator) -> str:
    """The target in words: "≥ 80%", "> 148 USD bn", "top 30", "30% – 40%", "≥ 165 USD bn ±0.8"."""
    if target.op is Op.MAINTAIN:
        text = "maintain"
    elif isinstance(target.value, tuple):
        low, high = target.value
        text = f"{show_value(low, indicator)} – {show_value(high, indicator)}"
    else:
        assert target.value is not None
        if indicator.is_rank and target.op is Op.AT_MOST:
            text = f"top {plain(target.value)}"
        else:
            text = f"{_SYMBOLS[target.op]} {show_value(target.value, indicator)}"
    if target.tolerance:
        text += f" ±{show_amount(target.tolerance, indicator)}"
    if target.span is not None:
        text += f" each year {target.span[0]}–{target.span[1]}"
    return text


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
        if row.gap > 0:  # met within the target's tolerance
            return f"met, within tolerance ({show_amount(row.gap, row.indicator)} short)"
        return "met" if row.gap == 0 else f"ahead by {show_amount(-row.gap, row.indicator)}"
    return show_amount(row.gap, row.indicator)


def show_pace(row: StatusRow) -> str:
    parts = []
    if row.progress_ratio is not None:
        parts.append(f"R {row.progress_ratio:.2f}")
    if row.required_change_per_year is not None:
        parts.append(f"need {show_amount(row.required_change_per_year, row.indicator, signed=True)}/yr")
    return " · ".join(parts) or "—"


PACE_LEGEND = (
    "R: progress ratio, observed ÷ required yearly growth (≥ 0.95 on track); "
    "need: change per year still required; est.: estimate; !: sources disagree"
)


def status_cells(row: StatusRow) -> list[str]:
    return [
        row.indicator.name,
        row.region,
        show_target(row.target, row.indicator),
        show_actual(row),
        show_gap(row),
        row.status.value,
        show_pace(row),
    ]


STATUS_HEADERS = ["Indicator", "Region", "Target", "Actual", "Gap", "Status", "Pace"]


def diff_cells(row: Record, indicator: Indicator) -> list[str]:
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


def warning_lines(rows: Iterable[StatusRow]) -> list[str]:
    """What a computation wants a person to know about its rows, one line each."""
    return [
        f"warning: {row.target.indicator} ({row.region}, {row.target.year}): {warning}."
        for row in rows
        for warning in row.warnings
    ]


def check_lines(flagged: Sequence[StatusRow], noted: Sequence[StatusRow], total: int) -> list[str]:
    """The lines `status --check` says: each row that fails or is noted, then the verdict if any failed."""
    lines = [f"check: {r.status.value}: {r.target.indicator} ({r.region}, {r.target.year})" for r in [*flagged, *noted]]
    if flagged:
        lines.append(f"check failed: {len(flagged)} of {total} targets need attention.")
    return lines
