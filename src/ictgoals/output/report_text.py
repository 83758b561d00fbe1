"""The words of the review report, shared by its HTML and Markdown forms: titles, the review table, facts, notes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ictgoals import __version__
from ictgoals.analysis.diff import DiffReport
from ictgoals.analysis.report import DataNote, Report, TargetSection
from ictgoals.analysis.status import StatusRow
from ictgoals.datafiles.paths import ACTUALS_FILE, TARGETS_FILE, bundled_path
from ictgoals.i18n import pt, tr
from ictgoals.localize import change_amount, date_text, plain, signed
from ictgoals.model import NATIONAL, ChangeUnit, Source
from ictgoals.output import notes, text


def title(report: Report) -> str:
    if report.region == NATIONAL:
        return tr("Digital-transformation targets for {year}: national review", year=report.year)
    return tr("Digital-transformation targets for {year}: {region}", year=report.year, region=report.region)


def made_line(made: dt.date) -> str:
    return tr("Made on {date} with ictgoals {version}.", date=date_text(made), version=__version__)


def data_line(report: Report) -> str:
    """Which data the report is made from: the bundled dataset by its version, other files by their names."""
    targets, actuals = _data_name(report.targets_file, TARGETS_FILE), _data_name(report.actuals_file, ACTUALS_FILE)
    if targets is None and actuals is None:
        return tr("Data: the dataset that comes with ictgoals, version {version}.", version=__version__)
    bundled = tr("the dataset that comes with ictgoals")
    return tr("Data: {targets} and {actuals}.", targets=targets or bundled, actuals=actuals or bundled)


def _data_name(path: str, name: str) -> str | None:
    """A data file by its name (never the folders of the machine it is on); None for the bundled copy."""
    if os.path.realpath(path) == os.path.realpath(bundled_path(name)):
        return None
    return Path(path).name


def region_lines(report: Report) -> list[str]:
    """What a reader must know about the province itself: that it merged into another, or was formed of others."""
    return notes.region_lines(report.regions)


# ---------------------------------------------------------------- the review table


def review_headers() -> list[str]:
    """The columns of the review table, as a review conference's table names them."""
    return [
        pt("review table", "Indicator"),
        pt("review table", "Target"),
        pt("review table", "Actual"),
        pt("review table", "% of target"),
        pt("review table", "Gap"),
        pt("review table", "Assessment"),
    ]


def review_cells(row: StatusRow) -> list[str]:
    """One row of the review table: what, the target and its year, the latest figure and its year, how far."""
    when = str(row.target.year)
    if row.region != NATIONAL and row.target.region == NATIONAL:  # in a province's review, beside its own
        when += ", " + tr("national target")
    target = f"{text.show_target(row.target, row.indicator)} ({when})"
    percent = "—" if row.percent_of_target is None else f"{plain(row.percent_of_target, 1)}%"
    return [
        text.short_name(row.indicator),
        target,
        text.show_actual(row),
        percent,
        text.show_gap(row),
        text.status_word(row.status),
    ]


def citations(report: Report, row: StatusRow) -> list[int]:
    """The numbers of the sources of a row: those that set the target, then those of the figure."""
    ids = [*row.target.sources, *(row.current.sources if row.current else ())]
    return sorted({n for n in (report.source_number(s) for s in dict.fromkeys(ids)) if n is not None})


def review_key(report: Report) -> str:
    """What the marks beside the figures of the review table mean: only those it shows."""
    parts = []
    if any(row.current is not None and row.current.estimate for row in report.review):
        parts.append(tr("est.: estimate"))
    if any(row.current is not None and row.current.conflict for row in report.review):
        parts.append(
            tr("!: the sources disagree (see the notes on the data)") if report.notes else tr("!: sources disagree")
        )
    return "; ".join(parts)


def without_figures_line(report: Report) -> str:
    """The targets with no figure yet, named in one line (the province's national ones only counted)."""
    lines = []
    if report.without_figures:
        names = "; ".join(dict.fromkeys(text.short_name(r.indicator) for r in report.without_figures))
        lines.append(
            tr("No figures yet for {count} target(s): {names}.", count=len(report.without_figures), names=names)
        )
    if report.national_without_figures:
        lines.append(
            tr(
                "{count} other national target(s) have no figures for {region}.",
                count=report.national_without_figures,
                region=report.region,
            )
        )
    return " ".join(lines)


# ---------------------------------------------------------------- a target's section


def section_facts(section: TargetSection) -> list[tuple[str, str]]:
    """The target, the latest figure, the gap in the unit's own kind (points, places), the pace."""
    row = section.row
    facts = [
        (tr("Target"), f"{text.show_target(row.target, row.indicator)} ({row.target.year})"),
        (tr("Latest figure"), text.show_actual(row)),
        (tr("Gap"), text.show_gap(row)),
    ]
    if row.percent_of_target is not None:
        facts.append((tr("% of target"), f"{plain(row.percent_of_target, 1)}%"))
    if row.baseline is not None:
        facts.append((tr("Baseline"), f"{text.show_value(row.baseline.value, row.indicator)} ({row.baseline.year})"))
    if row.projected is not None:
        shown = text.show_projection(row.projected, row.indicator)
        facts.append((tr("Projection"), tr("{value} in {year} at the pace so far", value=shown, year=row.target.year)))
    pace = text.show_pace(row)
    if pace != "—":
        facts.append((tr("Pace"), pace))
    facts.extend((tr("Note"), warning) for warning in row.warnings)
    return facts


def single_point_line(section: TargetSection) -> str:
    """Instead of a chart of one point: the one figure, said in words."""
    return tr("One figure so far: {figure}; a chart needs two.", figure=text.show_actual(section.row))


def figure_rows(report: Report, section: TargetSection) -> list[list[str]]:
    """Every figure of the indicator in the region with its source's number and its text as printed; derived
    ones marked: the rows of `show`, without the figures of former provinces."""
    indicator = section.view.indicator
    rows = []
    for entry in section.view.history():
        if entry.absorbed:
            continue
        year, value, printed, _, flags = text.history_cells(entry, indicator, {})
        number = None if entry.source is None else report.source_number(entry.source)
        rows.append([year, value, printed, "" if number is None else f"[{number}]", flags])
    return rows


def chart_caption(section: TargetSection) -> str:
    """The words under a chart, with what its vertical axis counts: "%", "tỷ USD", "rank (1 is best)"."""
    indicator = section.view.indicator
    axis = tr("rank (1 is best)") if indicator.is_rank else "%" if indicator.is_percent else text.unit(indicator)
    return tr("Figures by year against the target; vertical axis: {axis}.", axis=axis)


# ---------------------------------------------------------------- what changed, notes, sources


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
        lines.append(f"{text.short_name(row.indicator)}: {amount}{verdict}")
    return lines


def note_line(report: Report, note: DataNote) -> str:
    """A fact about the sources, for a reader: who said what, never what the data file holds."""
    name = text.name(note.indicator)
    if note.disagreement:
        figures = "; ".join(
            f"{text.show_value(value, note.indicator)} [{report.source_number(s)}]" for value, s in note.figures
        )
        if note.same_date:
            return tr(
                "{indicator}, {year}: the sources give different figures ({figures}); they are of the same date, "
                "and this report uses the first.",
                indicator=name,
                year=note.year,
                figures=figures,
            )
        return tr(
            "{indicator}, {year}: the sources give different figures ({figures}); this report uses the first, "
            "from the most recent source.",
            indicator=name,
            year=note.year,
            figures=figures,
        )
    value, source = note.figures[0]
    assert note.stated is not None
    assert note.unit is not None
    assert note.computed is not None
    return tr(
        "{indicator}, {year}: [{source}] gives {value} and a change of {stated} on {since}, but the figures for "
        "{since} and {year} differ by {computed}.",
        indicator=name,
        year=note.year,
        source=report.source_number(source),
        value=text.show_value(value, note.indicator),
        stated=_change(note.stated, note.unit),
        since=note.since,
        computed=_change(note.computed, note.unit),
    )


def _change(value: float, unit: ChangeUnit) -> str:
    return change_amount(signed(value, 2), unit.value)


def source_line(source: Source) -> str:
    """A source as its note reads: title, publisher, date, address."""
    parts = [source.title or source.document or source.id, source.outlet]
    date = source.published or source.conference
    if date:
        parts.append(date_text(date))
    if source.url:
        parts.append(source.url)
    return ". ".join(part.rstrip(".") for part in parts if part) + "."
