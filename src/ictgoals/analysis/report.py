"""What a shareable report holds: the status of every target due in a year, what changed, and each target's story."""

from __future__ import annotations

from dataclasses import dataclass

from ictgoals.analysis.checks import Finding, validate
from ictgoals.analysis.diff import DiffReport, diff
from ictgoals.analysis.index import Index
from ictgoals.analysis.status import StatusReport, StatusRow, status
from ictgoals.analysis.view import IndicatorView, show
from ictgoals.model import Dataset, Source, region_key


@dataclass(frozen=True, repr=False)
class TargetSection:
    """One target: its status, the indicator's figures and targets in the region, and what validate says of it."""

    row: StatusRow
    """The target as `status` evaluates it."""
    view: IndicatorView
    """The indicator's figures and targets in the region, as `show` gives them."""
    findings: tuple[Finding, ...]
    """What `validate` says about the indicator."""

    def __repr__(self) -> str:
        return f"TargetSection(row={self.row!r}, findings=<{len(self.findings)}>)"


@dataclass(frozen=True, repr=False)
class Report:
    """Everything a report on one year and region says, computed; the output layer only lays it out."""

    year: int
    """The year the targets are due."""
    region: str
    """The region."""
    status: StatusReport
    """Every target due in the year."""
    changes: DiffReport | None
    """What changed from the year before the latest year with figures; None without figures."""
    sections: tuple[TargetSection, ...]
    """One section per target."""
    findings: tuple[Finding, ...]
    """What `validate` says about the indicators the report covers."""
    sources: tuple[Source, ...]
    """Every source the report cites."""
    targets_file: str
    """The targets file read."""
    actuals_file: str
    """The actuals file read."""

    def __repr__(self) -> str:
        return (
            f"Report(year={self.year}, region={self.region!r}, status={self.status!r}, "
            f"sections=<{len(self.sections)}>, sources=<{len(self.sources)}>)"
        )


def report(dataset: Dataset, year: int, region: str) -> Report:
    """The report on the targets due in `year` in `region`.

    "What changed" compares the latest year with figures for the region, up to `year`, with the year before.
    """
    index = Index(dataset)
    current = status(dataset, year, region)
    findings = tuple(validate(dataset))
    views: dict[str, IndicatorView] = {}
    sections = []
    for row in current.rows:
        indicator = row.target.indicator
        if indicator not in views:
            views[indicator] = show(dataset, indicator, region, index)
        mine = tuple(f for f in findings if f.indicator == indicator)
        sections.append(TargetSection(row, views[indicator], mine))
    folded = region_key(region)
    years = sorted(
        {
            a.year
            for key in dataset.actuals.keys()  # noqa: SIM118 (Figures is a sequence; keys() are its groups)
            if key[1] == folded
            for a in dataset.actuals.group(key)
            if a.year <= year and a.period is None
        }
    )
    changes = diff(dataset, years[-1], years[-1] - 1, region) if years else None
    used = {s for section in sections for a in section.view.actuals for s in (a.source,)}
    used |= {s for row in current.rows for s in row.target.sources}
    sources = tuple(dataset.sources[s] for s in sorted(used) if s in dataset.sources)
    return Report(
        year,
        region,
        current,
        changes,
        tuple(sections),
        tuple(f for f in findings if f.indicator is None or f.indicator in views),
        sources,
        dataset.targets_file,
        dataset.actuals_file,
    )
