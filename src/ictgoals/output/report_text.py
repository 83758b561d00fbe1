"""The words of a report, shared by its HTML and Markdown forms: title, facts per target, figure rows, changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Source
from ictgoals.output import text

if TYPE_CHECKING:
    from ictgoals.analysis.diff import DiffReport
    from ictgoals.analysis.report import Report, TargetSection


def title(report: Report) -> str:
    if report.region == NATIONAL:
        return tr("Digital-transformation targets due in {year}: national", year=report.year)
    return tr("Digital-transformation targets due in {year}: {region}", year=report.year, region=report.region)


def section_facts(section: TargetSection) -> list[tuple[str, str]]:
    """The target, the latest figure, the gap in the unit's own kind (points, places), the pace."""
    row = section.row
    facts = [
        (tr("Indicator"), row.indicator.id),
        (tr("Target"), f"{text.show_target(row.target, row.indicator)} ({row.target.year})"),
        (tr("Actual"), text.show_actual(row)),
        (tr("Gap"), text.show_gap(row)),
    ]
    if row.baseline is not None:
        facts.append((tr("Baseline"), f"{text.show_value(row.baseline.value, row.indicator)} ({row.baseline.year})"))
    if row.projected is not None:
        shown = text.show_value(row.projected, row.indicator)
        facts.append((tr("Projection"), tr("{value} in {year} at the pace so far", value=shown, year=row.target.year)))
    pace = text.show_pace(row)
    if pace != "—":
        facts.append((tr("Pace"), pace))
    facts.append((tr("Target source"), ", ".join(row.target.sources)))
    facts.extend((tr("Note"), warning) for warning in row.warnings)
    return facts


def figure_headers() -> list[str]:
    return text.history_headers()


def figure_rows(section: TargetSection) -> list[list[str]]:
    """Every figure of the indicator in the region with its source and its text as printed; derived ones marked:
    the rows of `show`, without the figures of former provinces."""
    indicator = section.view.indicator
    return [text.history_cells(entry, indicator) for entry in section.view.history() if not entry.absorbed]


def change_lines(changes: DiffReport) -> list[str]:
    """One sentence per indicator whose figure can be compared with the year before."""
    lines = []
    for row in changes.rows:
        if row.change is None:
            continue
        amount = text.show_amount(row.change, row.indicator, signed=True)
        verdict = (
            "" if row.improved is None or row.change == 0 else " — " + (tr("better") if row.improved else tr("worse"))
        )
        lines.append(f"{text.name(row.indicator)}: {amount}{verdict}")
    return lines


def source_line(source: Source) -> str:
    parts = [source.id, source.title, source.outlet, source.published]
    return " · ".join(part for part in parts if part)


def chart_caption(section: TargetSection) -> str:
    """The words under a chart, with what its vertical axis counts: "%", "tỷ USD", "rank (1 is best)"."""
    indicator = section.view.indicator
    axis = tr("rank (1 is best)") if indicator.is_rank else "%" if indicator.is_percent else text.unit(indicator)
    return tr("Figures by year against the target; vertical axis: {axis}.", axis=axis)
