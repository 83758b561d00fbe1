"""Every result type the API returns, in one place to import from; each lives next to the analysis that makes it.

Each is a frozen dataclass with a readable `repr`, equality by value and a docstring per field;
the ones holding rows give them as records with `to_records()` (docs/api.md).
"""

from __future__ import annotations

from ictgoals.analysis.catalogue import Catalogue, CatalogueRow, Regions
from ictgoals.analysis.checks import Finding, Findings, Severity
from ictgoals.analysis.diff import DiffReport, DiffRow
from ictgoals.analysis.index import Point, Reading
from ictgoals.analysis.report import Report, TargetSection
from ictgoals.analysis.status import StatusReport, StatusRow
from ictgoals.analysis.view import HistoryEntry, IndicatorView

__all__ = [
    "Catalogue",
    "CatalogueRow",
    "DiffReport",
    "DiffRow",
    "Finding",
    "Findings",
    "HistoryEntry",
    "IndicatorView",
    "Point",
    "Reading",
    "Regions",
    "Report",
    "Severity",
    "StatusReport",
    "StatusRow",
    "TargetSection",
]
