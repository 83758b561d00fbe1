"""The reading side of the API: status, diff, show, validate, the catalogues, and what a region name means."""

from __future__ import annotations

import difflib

from ictgoals.analysis import checks, view
from ictgoals.analysis import diff as compare
from ictgoals.analysis import status as evaluate
from ictgoals.analysis.catalogue import Catalogue, catalogue
from ictgoals.analysis.checks import Findings
from ictgoals.analysis.diff import DiffReport
from ictgoals.analysis.index import canonical_region
from ictgoals.analysis.status import StatusReport
from ictgoals.analysis.view import IndicatorView
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import ALL_REGIONS as ALL
from ictgoals.model import NATIONAL, Dataset
from ictgoals.regions import Region, canonical, did_you_mean, former
from ictgoals.regions import catalogue as region_catalogue


def resolve_region(dataset: Dataset, wanted: str) -> str:
    """The region as the data spells it (case and accents ignored); UsageError when nothing is known of it."""
    found = canonical_region(dataset, wanted) or canonical(wanted)
    if found is None:
        hint = did_you_mean(wanted)
        raise UsageError(
            tr(
                '--region "{wanted}": not a province (before or after 1 July 2025) nor a region the data uses.',
                wanted=wanted,
            )
            + (" " + hint if hint else "")
            + " "
            + tr("`ictgoals regions` lists the provinces.")
        )
    return found


def region_note(name: str) -> str | None:
    """For a province that merged into another (or was renamed), a sentence saying which succeeded it."""
    if name == NATIONAL:
        return None
    gone = former(name)
    if gone is None or gone.merged_into == gone.name:
        return None
    return tr(
        "{name} became part of {successor} on {since}; its figures stay under its own name "
        '(ask for --region "{successor}" for the province that succeeded it).',
        name=gone.name,
        successor=gone.merged_into,
        since=gone.since,
    )


def status(dataset: Dataset, year: int, region: str = NATIONAL) -> StatusReport:
    """Every target due in `year`, against the region's latest figures; `region="all"`: every region's rows."""
    if region.casefold() == ALL:  # one document for every region the data names, the nation first
        rows = [row for name in every_region(dataset) for row in evaluate.status(dataset, year, name).rows]
        return StatusReport(year, ALL, tuple(rows))
    return evaluate.status(dataset, year, resolve_region(dataset, region))


def diff(dataset: Dataset, year: int, against: int | None = None, region: str = NATIONAL) -> DiffReport:
    """Each figure of `year` against `against` (default: the year before), and the targets due in `year`;
    `region="all"`: every region's rows in one report."""
    base = comparison_year(year, against)
    if region.casefold() == ALL:
        parts = [compare.diff(dataset, year, base, name) for name in every_region(dataset)]
        changes = tuple(row for part in parts for row in part.rows)
        due = tuple(row for part in parts for row in part.targets)
        return DiffReport(year, base, ALL, changes, due)
    return compare.diff(dataset, year, base, resolve_region(dataset, region))


def every_region(dataset: Dataset) -> list[str]:
    """The regions the data names, the nation first."""
    return sorted(dataset.regions(), key=lambda name: (name != NATIONAL, name))


def comparison_year(year: int, against: int | None = None) -> int:
    """The year `diff` compares `year` with: `against`, which must be earlier, else the year before."""
    base = year - 1 if against is None else against
    if base >= year:
        raise UsageError(tr("--against {base} must be earlier than {year}.", base=base, year=year))
    return base


def validate(dataset: Dataset) -> Findings:
    """Warnings about data that loads but disagrees with itself."""
    return checks.validate(dataset)


def show(dataset: Dataset, indicator: str, region: str = NATIONAL) -> IndicatorView:
    """One indicator's history, sources and targets in a region."""
    if indicator not in dataset.indicators:
        close = difflib.get_close_matches(indicator, list(dataset.indicators), n=3)
        hint = (
            tr("Did you mean: {names}?", names=", ".join(close))
            if close
            else tr("Run `ictgoals indicators` to list them.")
        )
        raise UsageError(
            tr("unknown indicator '{indicator}' in {file}.", indicator=indicator, file=dataset.targets_file)
            + " "
            + hint
        )
    return view.show(dataset, indicator, resolve_region(dataset, region))


def indicators(dataset: Dataset) -> Catalogue:
    """The indicator catalogue, with how many targets and figures each indicator has."""
    return catalogue(dataset)


def regions() -> tuple[Region, ...]:
    """The region catalogue: the nation, the 34 provinces from 1 July 2025 and the 63 before."""
    return region_catalogue()
