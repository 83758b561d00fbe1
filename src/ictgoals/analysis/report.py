"""What a shareable report holds: the status of every target due in a year, what changed, and each target's story."""

from __future__ import annotations

from dataclasses import dataclass

from ictgoals.analysis.checks import findings_of
from ictgoals.analysis.diff import diff
from ictgoals.analysis.index import Index
from ictgoals.analysis.results import DiffReport, Finding, IndicatorView
from ictgoals.analysis.status import status
from ictgoals.analysis.view import show
from ictgoals.i18n import language
from ictgoals.model import Dataset, Source, StatusReport, StatusRow


@dataclass(frozen=True, eq=False)
class TargetSection:
    """One target: its status, the indicator's figures and targets in the region, and what validate says of it."""

    row: StatusRow
    view: IndicatorView
    findings: tuple[Finding, ...]


@dataclass(frozen=True, eq=False)
class Report:
    """Everything a report on one year and region says, computed; the output layer only lays it out."""

    year: int
    region: str
    status: StatusReport
    changes: DiffReport | None
    sections: tuple[TargetSection, ...]
    findings: tuple[Finding, ...]
    sources: tuple[Source, ...]
    targets_file: str
    actuals_file: str


def _about(findings: tuple[Finding, ...], index: Index) -> dict[str | None, list[int]]:
    """The positions of each indicator's findings (None: about no indicator), grouped once per dataset and
    language."""
    found = index.finding_positions.get(language())
    if found is None:
        found = index.finding_positions[language()] = {}
        for position, finding in enumerate(findings):
            found.setdefault(finding.indicator, []).append(position)
    return found


def report(dataset: Dataset, year: int, region: str) -> Report:
    """The report on the targets due in `year` in `region`.

    "What changed" compares the latest year with figures for the region, up to `year`, with the year before.
    """
    index = Index.of(dataset)
    current = status(dataset, year, region, index)
    findings = findings_of(dataset, index)
    about = _about(findings, index)
    views: dict[str, IndicatorView] = {}
    sections = []
    for row in current.rows:
        indicator = row.target.indicator
        if indicator not in views:
            views[indicator] = show(dataset, indicator, region, index)
        mine = tuple(findings[position] for position in about.get(indicator, []))
        sections.append(TargetSection(row, views[indicator], mine))
    years = sorted(
        {
            a.year
            for key in index.keys_in(region)
            for a in dataset.actuals.group(key)
            if a.year <= year and a.period is None
        }
    )
    changes = diff(dataset, years[-1], years[-1] - 1, region, index) if years else None
    used = {a.source for view in views.values() for a in view.actuals}
    used |= {s for row in current.rows for s in row.target.sources}
    sources = tuple(dataset.sources[s] for s in sorted(used) if s in dataset.sources)
    kept = sorted(position for indicator in (None, *views) for position in about.get(indicator, []))
    return Report(
        year,
        region,
        current,
        changes,
        tuple(sections),
        tuple(findings[position] for position in kept),
        sources,
        dataset.targets_file,
        dataset.actuals_file,
    )
