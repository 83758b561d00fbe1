"""Figures, gaps and targets in words for people, in the run's language: units, percentage points, places, cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ictgoals.analysis.catalogue import CatalogueRow
from ictgoals.analysis.diff import DiffRow
from ictgoals.analysis.status import StatusRow, is_approximate
from ictgoals.analysis.view import HistoryEntry
from ictgoals.i18n import decimal_marks, language, pt, tr, vocabulary
from ictgoals.model import Indicator, Op, Qualifier, Status, Target

if TYPE_CHECKING:
    from ictgoals.regions import Region


def plain(value: float, places: int = 2) -> str:
    """A number with thousands separators and no trailing zeros: 3,744,214 or 45.8; 3.744.214 or 45,8 in Vietnamese."""
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        return "0"
    decimal, thousands = decimal_marks()
    if decimal != ".":
        text = text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    return text


def fixed(value: float, places: int) -> str:
    """A number with exactly `places` decimals: 0.93 (0,93 in Vietnamese)."""
    text = f"{value:.{places}f}"
    return text.replace(".", decimal_marks()[0])


def signed(value: float, places: int = 1) -> str:
    """A signed number: +2.5 or -1 (+2,5 in Vietnamese)."""
    return ("+" if value > 0 else "") + plain(value, places)


def name(indicator: Indicator) -> str:
    """The indicator's name in the run's language (the English one where no Vietnamese name is given)."""
    return indicator.name_vi if language() == "vi" and indicator.name_vi else indicator.name


def unit(indicator: Indicator) -> str:
    """The unit as people of the run's language write it: "VND bn" is "tỷ đồng" in Vietnamese."""
    return vocabulary("unit", indicator.unit)


def status_word(status: Status) -> str:
    return pt("status", status.value)


def show_value(value: float, indicator: Indicator) -> str:
    if indicator.is_percent:
        return f"{plain(value)}%"
    if indicator.is_rank:
        return f"#{plain(value)}"
    return f"{plain(value)} {unit(indicator)}"


def show_figure(value: float, indicator: Indicator, qualifier: Qualifier | str | None) -> str:
    """A figure with the bound its print states: "> 148 USD bn" for "hơn 148 tỷ USD", "≈ 120" for "khoảng 120"."""
    shown = show_value(value, indicator)
    return shown if qualifier is None else f"{Qualifier(qualifier).symbol} {shown}"


def show_amount(value: float, indicator: Indicator, signed: bool = False) -> str:
    """A difference in the indicator's unit: percentage points for %, places for ranks.

    A signed rank change reads as moving up or down, since a smaller rank number is better.
    """
    if signed and indicator.is_rank:
        if value == 0:
            return tr("no change")
        places = plain(abs(value))
        return tr("up {places} places", places=places) if value < 0 else tr("down {places} places", places=places)
    text = plain(value)
    if signed and value > 0:
        text = "+" + text
    if indicator.is_percent:
        return tr("{amount} pp", amount=text)
    if indicator.is_rank:
        return tr("{amount} places", amount=text)
    return f"{text} {unit(indicator)}"


_SYMBOLS = {Op.AT_LEAST: "≥", Op.AT_MOST: "≤", Op.MORE_THAN: ">", Op.LESS_THAN: "<"}


def show_target(target: Target, indicator: Indicator) -> str:
    """The target in words: "≥ 80%", "> 148 USD bn", "top 30", "30% – 40%", "≥ 165 USD bn ±0.8"."""
    if target.op is Op.MAINTAIN:
        text = tr("maintain")
    elif isinstance(target.value, tuple):
        low, high = target.value
        text = f"{show_value(low, indicator)} – {show_value(high, indicator)}"
    else:
        assert target.value is not None
        if indicator.is_rank and target.op is Op.AT_MOST:
            text = tr("top {rank}", rank=plain(target.value))
        else:
            symbol = "≈" if is_approximate(target) else _SYMBOLS[target.op]
            text = f"{symbol} {show_value(target.value, indicator)}"
    if target.tolerance:
        text += f" ±{show_amount(target.tolerance, indicator)}"
    elif is_approximate(target) and isinstance(target.value, tuple):
        text = f"≈ {text}"
    if target.span is not None:
        text += " " + tr("each year {first}–{last}", first=target.span[0], last=target.span[1])
    return text


def show_actual(row: StatusRow) -> str:
    current = row.current
    if current is None:
        return "—"
    text = f"{show_figure(current.value, row.indicator, current.qualifier)} ({current.year})"
    if current.estimate:
        text += " " + tr("est.")
    if current.conflict:
        text += " !"
    if row.series_break:
        text += " " + tr("(series break)")
    return text


def show_gap(row: StatusRow) -> str:
    if row.gap is None:
        return "—"
    if row.status is Status.MET:
        if row.gap > 0:  # met within the target's tolerance
            return tr("met, within tolerance ({amount} short)", amount=show_amount(row.gap, row.indicator))
        return tr("met") if row.gap == 0 else tr("ahead by {amount}", amount=show_amount(-row.gap, row.indicator))
    return show_amount(row.gap, row.indicator)


def show_pace(row: StatusRow) -> str:
    parts = []
    if row.progress_ratio is not None:
        parts.append(f"R {fixed(row.progress_ratio, 2)}")
    if row.required_change_per_year is not None:
        needed = show_amount(row.required_change_per_year, row.indicator, signed=True)
        parts.append(tr("need {amount}/yr", amount=needed))
    return " · ".join(parts) or "—"


def pace_legend() -> str:
    return tr(
        "R: progress ratio, observed ÷ required yearly growth (≥ 0.95 on track); "
        "need: change per year still required; est.: estimate; !: sources disagree"
    )


def status_cells(row: StatusRow) -> list[str]:
    return [
        name(row.indicator),
        row.region,
        show_target(row.target, row.indicator),
        show_actual(row),
        show_gap(row),
        status_word(row.status),
        show_pace(row),
    ]


def status_headers() -> list[str]:
    return [tr("Indicator"), tr("Region"), tr("Target"), tr("Actual"), tr("Gap"), tr("Status"), tr("Pace")]


def summary(counts: dict[str, int]) -> str:
    """ "3 met, 1 missed" from the counts by status code; "no targets" when all are 0."""
    shown = [f"{n} {pt('status', code)}" for code, n in counts.items() if n]
    return ", ".join(shown) or tr("no targets")


def diff_headers(before: int, after: int) -> list[str]:
    return [tr("Indicator"), str(before), str(after), tr("Change"), tr("Improved"), tr("Stated change")]


def diff_cells(row: DiffRow) -> list[str]:
    indicator = row.indicator
    before = "—" if row.before is None else show_figure(row.before.value, indicator, row.before.qualifier)
    if row.before_derived:
        before += " " + tr("(derived)")
    change = "—" if row.change is None else show_amount(row.change, indicator, signed=True)
    if row.change_pct is not None and not indicator.is_percent and not indicator.is_rank:
        change += f" ({signed(row.change_pct)}%)"
    if row.series_break:
        change += " " + tr("(series break)")
    stated = "—"
    if row.stated is not None:
        value = row.stated.value
        shown = f"{plain(value[0])}–{plain(value[1])}" if isinstance(value, tuple) else signed(value, 6)
        stated = tr(
            "{amount} {unit} on {year}",
            amount=shown,
            unit=pt("change unit", row.stated.unit.value),
            year=row.stated.from_year,
        )
        if row.stated_agrees is not None:
            stated += " ✓" if row.stated_agrees else " ✗"
    improved = "—" if row.improved is None else tr("yes") if row.improved else tr("no")
    after = show_figure(row.after.value, indicator, row.after.qualifier)
    return [name(indicator), before, after, change, improved, stated]


def indicator_headers() -> list[str]:
    return [tr("Indicator"), tr("Name"), tr("Unit"), tr("Better"), tr("Area"), tr("Targets"), tr("Figures")]


def indicator_cells(row: CatalogueRow) -> list[str]:
    indicator = row.indicator
    return [
        indicator.id,
        name(indicator),
        unit(indicator),
        pt("better", indicator.better.value),
        indicator.area,
        str(row.targets),
        str(row.actuals),
    ]


def region_headers() -> list[str]:
    return [tr("Name"), tr("Code"), tr("Status"), tr("Merged into"), tr("Since"), tr("Formed from")]


def region_cells(region: Region) -> list[str]:
    return [
        region.name,
        region.code,
        tr("current") if region.current else tr("became {name}", name=region.became) if region.became else tr("former"),
        region.merged_into or "",
        region.since or "",
        ", ".join(region.formed_from),
    ]


def history_headers() -> list[str]:
    return [tr("Year"), tr("Value"), tr("Printed"), tr("Source"), tr("Flags")]


def history_cells(entry: HistoryEntry, indicator: Indicator) -> list[str]:
    """One figure of `show`'s history as the cells people read."""
    period = entry.period
    return [
        str(entry.year) if period is None else f"{period[0]}–{period[1]}",
        show_figure(entry.value, indicator, entry.qualifier),
        entry.printed or "",
        entry.source or "",
        history_flags(entry),
    ]


def history_flags(entry: HistoryEntry) -> str:
    """What is special about a figure: estimate, derived, a period, merged in from a former province, not used."""
    flags = []
    if entry.estimate:
        flags.append(tr("estimate"))
    if entry.derived:
        flags.append(tr("derived"))
    if entry.period is not None:
        flags.append(tr("period {basis}", basis=pt("basis", entry.basis)) if entry.basis else tr("period"))
    if entry.absorbed:
        flags.append(tr("of {region}, merged in", region=entry.region))
    if entry.series_break:
        flags.append(tr("series break: territory changed on 1 July 2025"))
    if not entry.used and not entry.derived and entry.period is None and not entry.absorbed:
        flags.append(tr("not used"))
    return ", ".join(flags)
