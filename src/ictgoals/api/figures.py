"""The figures over time: what changed from one year to another, and one indicator's whole history."""

from __future__ import annotations

import difflib

from ictgoals.analysis import diff as compare
from ictgoals.analysis import view
from ictgoals.analysis.diff import DiffReport
from ictgoals.analysis.view import IndicatorView
from ictgoals.api.regions import every_region, every_region_asked, resolve_region
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import ALL_REGIONS as ALL
from ictgoals.model import NATIONAL, Dataset


def comparison_year(year: int, against: int | None = None) -> int:
    """The year `diff` compares `year` with: `against`, which must be earlier, else the year before."""
    base = year - 1 if against is None else against
    if base >= year:
        raise UsageError(tr("--against {base} must be earlier than {year}.", base=base, year=year))
    return base


def diff(dataset: Dataset, year: int, against: int | None = None, region: str = NATIONAL) -> DiffReport:
    """Each figure of `year` against `against` (default: the year before), and the targets due in `year`;
    `region="all"`: every region's rows in one report."""
    base = comparison_year(year, against)
    if every_region_asked(region):
        parts = [compare.diff(dataset, year, base, name) for name in every_region(dataset)]
        changes = tuple(row for part in parts for row in part.rows)
        due = tuple(row for part in parts for row in part.targets)
        return DiffReport(year, base, ALL, changes, due)
    return compare.diff(dataset, year, base, resolve_region(dataset, region))


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
