"""Figures, gaps and targets in words for people, in the run's language: units, percentage points, places, cells."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ictgoals.analysis.status import is_approximate
from ictgoals.i18n import language, pt, tr, vocabulary
from ictgoals.localize import change_amount, date_text, fixed, plain, signed
from ictgoals.model import NATIONAL, Indicator, Op, Qualifier, Source, Status, Target

if TYPE_CHECKING:  # the results these words describe; this module needs none of them to run
    from ictgoals.analysis.catalogue import CatalogueRow
    from ictgoals.analysis.checks import Finding
    from ictgoals.analysis.diff import DiffRow
    from ictgoals.analysis.status import StatusRow
    from ictgoals.analysis.view import HistoryEntry
    from ictgoals.provinces import Region


#: Joins a number to its unit, and the words of a unit, so that no line ever breaks between them:
#: "152 tỷ USD" stays whole wherever a table wraps (output/fit.py wraps only at plain spaces).
NBSP = "\u00a0"


def name(indicator: Indicator) -> str:
    """The indicator's name in the run's language (the English one where no Vietnamese name is given)."""
    return indicator.name_vi if language() == "vi" and indicator.name_vi else indicator.name


def region_name(region: str) -> str:
    """A region as people name it: the nation is "National" ("Toàn quốc"), a province its name."""
    return tr("National") if region == NATIONAL else region


def short_name(indicator: Indicator) -> str:
    """The name tables and charts show: the short one in the run's language, else the full one."""
    if language() == "vi":
        return indicator.name_vi_short or indicator.name_vi or indicator.name_short or indicator.name
    return indicator.name_short or indicator.name


def unit(indicator: Indicator) -> str:
    """The unit as people of the run's language write it: "VND bn" is "tỷ đồng" in Vietnamese; a count is
    what it counts ("doanh nghiệp"), or nothing when the catalogue does not say."""
    if indicator.unit == "count":
        word = indicator.noun_vi if language() == "vi" and indicator.noun_vi else indicator.noun
    else:
        word = vocabulary("unit", indicator.unit)
    return word.replace(" ", NBSP)


def with_unit(number: str, indicator: Indicator) -> str:
    """A number and its unit, which never part on a line: "152 tỷ USD", "59.000 doanh nghiệp"."""
    word = unit(indicator)
    return f"{number}{NBSP}{word}" if word else number


def status_word(status: Status) -> str:
    """A status as people say it ("at risk"), never its code ("at-risk"): the code is for JSON and CSV."""
    match status:
        case Status.MET:
            return pt("status", "met")
        case Status.MISSED:
            return pt("status", "missed")
        case Status.ON_TRACK:
            return pt("status", "on track")
        case Status.AT_RISK:
            return pt("status", "at risk")
        case Status.OFF_TRACK:
            return pt("status", "off track")
        case Status.REGRESSING:
            return pt("status", "regressing")
        case Status.NO_TREND:
            return pt("status", "no trend yet")
        case Status.NO_DATA:
            return pt("status", "no data")
    raise AssertionError(status)


def show_value(value: float, indicator: Indicator) -> str:
    """A figure as people write it: "45,8%", "hạng 17" (#17), "152 tỷ USD", "59.000 doanh nghiệp"."""
    if indicator.is_percent:
        return f"{plain(value)}%"
    if indicator.is_rank:
        return tr("#{rank}", rank=plain(value)).replace(" ", NBSP)
    return with_unit(plain(value), indicator)


def show_projection(value: float, indicator: Indicator) -> str:
    """A value worked out rather than reported, as `show_value`, whole for a count or a rank: "#19", not "#18.53"."""
    return show_value(float(math.floor(value + 0.5)) if indicator.is_whole else value, indicator)  # halves up


def show_figure(value: float, indicator: Indicator, qualifier: Qualifier | str | None) -> str:
    """A figure with the bound its print states: "> 148 USD bn" for "hơn 148 tỷ USD", "≈ 120" for "khoảng 120"."""
    shown = show_value(value, indicator)
    return shown if qualifier is None else f"{Qualifier(qualifier).symbol}{NBSP}{shown}"


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
        return tr("{amount} pp", amount=text).replace(" ", NBSP)
    if indicator.is_rank:
        return tr("{amount} places", amount=text).replace(" ", NBSP)
    return with_unit(text, indicator)


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
            text = tr("top {rank}", rank=plain(target.value)).replace(" ", NBSP)
        else:
            symbol = "≈" if is_approximate(target) else _SYMBOLS[target.op]
            text = f"{symbol}{NBSP}{show_value(target.value, indicator)}"
    if target.tolerance:
        text += f" ±{show_amount(target.tolerance, indicator)}"
    elif is_approximate(target) and isinstance(target.value, tuple):
        text = f"≈{NBSP}{text}"
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
        per_year = row.required_change_per_year
        needed = show_amount(per_year, row.indicator, signed=True) if row.indicator.is_rank else signed(per_year)
        parts.append(tr("need {amount}/yr", amount=needed).replace(" ", NBSP))
    return " · ".join(parts) or "—"


def pace_legend(rows: Sequence[StatusRow]) -> str:
    """What the marks of a status table mean: only the marks its rows show."""
    parts = []
    if any(r.progress_ratio is not None for r in rows):
        parts.append(
            tr(
                "R: progress ratio, observed ÷ required compound yearly growth"
                " (on track from 0.95, if the projection reaches the target)"
            )
        )
    if any(r.required_change_per_year is not None for r in rows):
        parts.append(tr("need: change per year still required, in the target's unit"))
    if any(r.current is not None and r.current.estimate for r in rows):
        parts.append(tr("est.: estimate"))
    if any(r.current is not None and r.current.conflict for r in rows):
        parts.append(tr("!: sources disagree"))
    return "; ".join(parts)


def status_cells(row: StatusRow) -> list[str]:
    return [
        short_name(row.indicator),
        region_name(row.region),
        show_target(row.target, row.indicator),
        show_actual(row),
        show_gap(row),
        status_word(row.status),
        show_pace(row),
    ]


def status_headers() -> list[str]:
    """A status table's columns: each row is a target ("Chỉ tiêu" of a review table)."""
    return [
        pt("review table", "Indicator"),
        tr("Region"),
        tr("Target"),
        tr("Actual"),
        tr("Gap"),
        tr("Status"),
        tr("Pace"),
    ]


def summary(counts: dict[str, int]) -> str:
    """ "3 met, 1 missed" from the counts by status code; "no targets" when all are 0."""
    shown = [f"{n} {status_word(Status(code))}" for code, n in counts.items() if n]
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
        stated = tr("{change} on {year}", change=change_amount(shown, row.stated.unit.value), year=row.stated.from_year)
        if row.stated_agrees is not None:
            stated += " ✓" if row.stated_agrees else " ✗"
    improved = "—" if row.improved is None else tr("yes") if row.improved else tr("no")
    after = show_figure(row.after.value, indicator, row.after.qualifier)
    return [short_name(indicator), before, after, change, improved, stated]


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
    return [tr("Name"), tr("Code"), pt("region", "Status"), tr("Merged into"), tr("Since"), tr("Formed from")]


def region_cells(region: Region) -> list[str]:
    return [
        region_name(region.name),  # the nation in words, not its code
        region.code,
        tr("current") if region.current else tr("became {name}", name=region.became) if region.became else tr("former"),
        region.merged_into or "",
        date_text(region.since) if region.since else "",
        ", ".join(region.formed_from),
    ]


def finding_headers() -> list[str]:
    return ["", tr("Problem"), tr("Where"), tr("Message")]


def finding_cells(finding: Finding) -> list[str]:
    """A finding of `validate` as people read it: its severity and kind in words, where, and what."""
    where = finding.file or ""
    if finding.line is not None:
        where += f":{finding.line}"
    severity = tr("error") if finding.severity.value == "error" else tr("warning")
    return [severity, finding_word(finding.code), where, finding.message]


def finding_word(code: str) -> str:
    """A kind of finding as people say it; its code (docs/methodology.md) is for JSON and CSV."""
    match code:
        case "conflict":
            return pt("finding", "sources disagree")
        case "stated-change-mismatch":
            return pt("finding", "stated change does not add up")
        case "inconsistent-target":
            return pt("finding", "target disagrees with itself")
        case "printed-mismatch":
            return pt("finding", "printed text and value differ")
        case "implausible-figure":
            return pt("finding", "value outside what it can be")
        case "unknown-region":
            return pt("finding", "region not in the catalogue")
        case "invalid-data":
            return pt("finding", "invalid data")
        case _:
            return code


def history_headers() -> list[str]:
    return [tr("Year"), tr("Value"), tr("Printed"), tr("Source"), tr("Flags")]


def history_cells(entry: HistoryEntry, indicator: Indicator, numbers: Mapping[str, int]) -> list[str]:
    """One figure of `show`'s history as the cells people read; its source by its number in `numbers`."""
    period = entry.period
    source = entry.source or ""
    return [
        str(entry.year) if period is None else f"{period[0]}–{period[1]}",
        show_figure(entry.value, indicator, entry.qualifier),
        entry.printed or "",
        f"[{numbers[source]}]" if source in numbers else source,
        history_flags(entry),
    ]


def source_numbers(sources: Sequence[Source]) -> dict[str, int]:
    """Each source's number, as a view cites it: [1], [2], … in the order given."""
    return {source.id: number for number, source in enumerate(sources, 1)}


def source_lines(sources: Sequence[Source]) -> list[str]:
    """The sources a view cites, one line each under their numbers: "[1] the report's title"."""
    return [f"[{number}] {source.title or source.outlet or source.id}" for number, source in enumerate(sources, 1)]


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
