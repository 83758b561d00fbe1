"""What the year-end review of a year and a region holds: its review table, each target's story, notes, sources.

The report is the document an official hands on: the review table first (indicator, target,
latest figure, % of target, gap, assessment, worst first), the targets with no figure in one
list, a section only for a target with something to show, notes on the data worded as facts
about the sources, and the sources by title. This module computes all of it; the output layer
only lays it out (output/as_html.py, output/report_markdown.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ictgoals.analysis.changes import change_agrees, computed_change, stated_for
from ictgoals.analysis.diff import DiffReport, diff
from ictgoals.analysis.index import Index
from ictgoals.analysis.status import StatusReport, StatusRow, counted, status
from ictgoals.analysis.view import IndicatorView, show
from ictgoals.model import ChangeUnit, Dataset, Indicator, Source, Status
from ictgoals.provinces import Region, entries
from ictgoals.values import Value

#: The order of the review table: what needs attention first. Targets with no figure are listed apart.
WORST_FIRST = (
    Status.MISSED,
    Status.REGRESSING,
    Status.OFF_TRACK,
    Status.AT_RISK,
    Status.NO_TREND,
    Status.ON_TRACK,
    Status.MET,
)


@dataclass(frozen=True, eq=False, repr=False)
class TargetSection(Value):
    """One target with something to show: its row, and the indicator's figures and targets in the region."""

    row: StatusRow
    """The target as `status` evaluates it."""
    view: IndicatorView
    """The indicator's figures and targets in the region, as `show` gives them."""

    @property
    def points(self) -> int:
        """How many years have a figure (reported or derived): a chart needs two."""
        return len(self.view.readings) + len(self.view.derived)

    def __repr__(self) -> str:
        return f"TargetSection(row={self.row!r}, points={self.points})"


@dataclass(frozen=True, eq=False, repr=False)
class DataNote(Value):
    """A fact about the sources a reader should know: two sources disagree, or a stated change is not
    borne out by the figures."""

    indicator: Indicator
    """The indicator it is about."""
    region: str
    """The region."""
    year: int
    """The year of the figure."""
    figures: tuple[tuple[float, str], ...]
    """For a disagreement: each value with the id of the source that gives it; the one used first."""
    stated: float | None = None
    """For a change: the change the source states."""
    unit: ChangeUnit | None = None
    """Its unit: relative (%), percentage points or places."""
    since: int | None = None
    """The earlier year the change is on."""
    computed: float | None = None
    """The change the two recorded figures give, in the same unit."""
    same_date: bool = False
    """For a disagreement: the sources are dated the same, so the first is first only by the order of their ids."""

    @property
    def disagreement(self) -> bool:
        return self.stated is None


@dataclass(frozen=True, eq=False, repr=False)
class Report(Value):
    """Everything the review of one year and region says, computed; the output layer only lays it out."""

    year: int
    """The year the targets are due."""
    region: str
    """The region."""
    status: StatusReport
    """Every target due in the year, as `status` gives them (national ones measured on the region's figures)."""
    review: tuple[StatusRow, ...]
    """The review table: the targets with a figure, worst first. For a province: its own targets, then the
    national ones it has figures for."""
    without_figures: tuple[StatusRow, ...]
    """The region's own targets with no figure yet (for a province, national ones are left out)."""
    national_without_figures: int
    """For a province: how many national targets it has no figure for."""
    sections: tuple[TargetSection, ...]
    """A section for each row of the review table."""
    changes: DiffReport | None
    """What changed from the year before the latest year with figures; None without figures."""
    notes: tuple[DataNote, ...]
    """Facts about the sources of the figures shown."""
    sources: tuple[Source, ...]
    """Every source cited, in the order of first citation: the numbers of the notes."""
    regions: tuple[Region, ...]
    """The catalogue's entries for the region: a former province (and the one that succeeded it), or a
    current one (and the former ones it was formed from)."""
    targets_file: str
    """The targets file read."""
    actuals_file: str
    """The actuals file read."""

    def source_number(self, source_id: str) -> int | None:
        """The number of a source's note (1 for the first), or None when it is not cited."""
        return self._numbers.get(source_id)

    @functools.cached_property
    def _numbers(self) -> dict[str, int]:  # each source's number, worked out once: every figure cites one
        return {source.id: number for number, source in enumerate(self.sources, 1)}

    def __repr__(self) -> str:
        return (
            f"Report(year={self.year}, region={self.region!r}, review=<{len(self.review)} rows>, "
            f"without_figures=<{len(self.without_figures)}>, notes=<{len(self.notes)}>, "
            f"sources=<{len(self.sources)}>)"
        )


def report(dataset: Dataset, year: int, region: str, *, notes: bool = True) -> Report:
    """The review of the targets due in `year` in `region`; without `notes`, no notes on the data.

    "What changed" compares the latest year with figures for the region, up to `year`, with the year before.
    """
    index = Index.of(dataset)
    current = status(dataset, year, region, index)
    own = [r for r in current.rows if counted(r)]
    context = [r for r in current.rows if not counted(r)]  # a province's view of the national targets
    with_figures = [r for r in own if r.current is not None] + [r for r in context if r.current is not None]
    review = tuple(sorted(with_figures, key=lambda r: (WORST_FIRST.index(r.status), not counted(r))))
    views: dict[str, IndicatorView] = {}
    for row in review:
        if row.target.indicator not in views:
            views[row.target.indicator] = show(dataset, row.target.indicator, region, index)
    sections = tuple(TargetSection(row, views[row.target.indicator]) for row in review)
    found = tuple(note for view in views.values() for note in _notes(view)) if notes else ()
    cited = [s for row in review for s in (*row.target.sources, *(row.current.sources if row.current else ()))]
    cited += [source for note in found for _, source in note.figures]
    cited += [a.source for view in views.values() for a in view.actuals]
    sources = tuple(dataset.sources[s] for s in dict.fromkeys(cited) if s in dataset.sources)
    return Report(
        year,
        region,
        current,
        review,
        tuple(r for r in own if r.current is None),
        sum(1 for r in context if r.current is None),
        sections,
        _changes(dataset, year, region, index),
        found,
        sources,
        entries(region),
        dataset.targets_file,
        dataset.actuals_file,
    )


def _changes(dataset: Dataset, year: int, region: str, index: Index) -> DiffReport | None:
    # by year: the years a group has are known without building its figures
    years = sorted({y for key in index.keys_in(region) for y in dataset.actuals.by_year(key)[0] if y <= year})
    return diff(dataset, years[-1], years[-1] - 1, region, index) if years else None


def _notes(view: IndicatorView) -> list[DataNote]:
    """What a reader of this indicator's figures should know about its sources."""
    notes = []
    by_year = {r.year: r for r in view.readings}
    for reading in view.readings:
        group = [a for a in view.actuals if a.year == reading.year and a.period is None]
        if reading.conflict:
            first = [(a.value, a.source) for a in group if a.source == reading.sources[0]]
            rest = [(a.value, a.source) for a in group if a.source != reading.sources[0]]
            dates = {s.id: s.recency for s in view.sources}
            same_date = len({dates.get(a.source, "") for a in group}) == 1
            notes.append(DataNote(view.indicator, view.region, reading.year, tuple(first + rest), same_date=same_date))
        stated = stated_for(group, reading)
        if stated is None or isinstance(stated.value, tuple) or stated.from_year not in by_year:
            continue
        before = by_year[stated.from_year].value
        if change_agrees(stated.value, before, reading.value, stated.unit, view.indicator) is not False:
            continue
        source = next((a.source for a in group if a.change == stated), reading.sources[0])
        notes.append(
            DataNote(
                view.indicator,
                view.region,
                reading.year,
                ((reading.value, source),),
                stated.value,
                stated.unit,
                stated.from_year,
                computed_change(before, reading.value, stated.unit, view.indicator),
            )
        )
    return notes
