"""ictgoals: track Vietnam's digital-transformation targets against the reported figures.

The Python API (docs/api.md), for notebooks and scripts::

    import ictgoals
    ds = ictgoals.load()                                   # the files as the command line chooses them
    report = ictgoals.status(ds, 2025, region="Trà Vinh")
    rows = report.to_records()                             # exactly the rows of `status --format json`

Importing ictgoals imports nothing else: each name below loads its module when first used
(the functions live in `ictgoals.api`, the result types next to the analysis that makes them),
and nothing here imports Typer or Rich.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ictgoals.api.catalogues import indicators, regions
    from ictgoals.api.checks import validate
    from ictgoals.api.extracting import extract
    from ictgoals.api.figures import diff, show
    from ictgoals.api.files import load
    from ictgoals.api.results import (
        Catalogue,
        DiffReport,
        Finding,
        Findings,
        IndicatorView,
        Regions,
        Report,
        StatusReport,
        StatusRow,
    )
    from ictgoals.api.sharing import export_datapackage, report
    from ictgoals.api.status import status
    from ictgoals.errors import DataError, IctgoalsError, UsageError, WriteError

#: Each public name and the module that holds it.
_FROM = {
    "load": "ictgoals.api.files",
    "status": "ictgoals.api.status",
    "diff": "ictgoals.api.figures",
    "show": "ictgoals.api.figures",
    "validate": "ictgoals.api.checks",
    "indicators": "ictgoals.api.catalogues",
    "regions": "ictgoals.api.catalogues",
    "report": "ictgoals.api.sharing",
    "extract": "ictgoals.api.extracting",
    "export_datapackage": "ictgoals.api.sharing",
    **dict.fromkeys(
        (
            "Catalogue",
            "Regions",
            "DiffReport",
            "Finding",
            "Findings",
            "IndicatorView",
            "Report",
            "StatusReport",
            "StatusRow",
        ),
        "ictgoals.api.results",
    ),
    **dict.fromkeys(("IctgoalsError", "DataError", "UsageError", "WriteError"), "ictgoals.errors"),
}
__all__ = [
    "Catalogue",
    "DataError",
    "DiffReport",
    "Finding",
    "Findings",
    "IctgoalsError",
    "IndicatorView",
    "Regions",
    "Report",
    "StatusReport",
    "StatusRow",
    "UsageError",
    "WriteError",
    "__version__",
    "diff",
    "export_datapackage",
    "extract",
    "indicators",
    "load",
    "regions",
    "report",
    "show",
    "status",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name in _FROM:
        return getattr(import_module(_FROM[name]), name)
    raise AttributeError(f"module 'ictgoals' has no attribute {name!r}")
