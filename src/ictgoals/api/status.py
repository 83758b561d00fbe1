"""Where targets stand: every target due in a year, against a region's latest figures."""

from __future__ import annotations

from ictgoals.analysis import status as evaluate
from ictgoals.analysis.status import StatusReport, due_years
from ictgoals.api.regions import every_region, every_region_asked, resolve_region
from ictgoals.model import ALL_REGIONS as ALL
from ictgoals.model import NATIONAL, Dataset

__all__ = ["due_years", "status"]


def status(dataset: Dataset, year: int, region: str = NATIONAL) -> StatusReport:
    """Every target due in `year`, against the region's latest figures; `region="all"`: every region's rows."""
    if every_region_asked(region):  # one document for every region the data names, the nation first
        rows = [row for name in every_region(dataset) for row in evaluate.status(dataset, year, name).rows]
        return StatusReport(year, ALL, tuple(rows))
    return evaluate.status(dataset, year, resolve_region(dataset, region))
