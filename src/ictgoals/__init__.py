"""ictgoals: track Vietnam's digital-transformation targets against the reported figures.

The Python API (docs/api.md), for notebooks and scripts::

    import ictgoals
    ds = ictgoals.load()                                   # the files as the command line chooses them
    report = ictgoals.status(ds, 2025, region="Trà Vinh")
    rows = report.to_records()                             # exactly the rows of `status --format json`

Importing ictgoals imports nothing else: each name below loads its module when first used,
and nothing here imports Typer or Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ictgoals.api import diff, load, show, status, validate
    from ictgoals.api_share import report
    from ictgoals.errors import DataError, IctgoalsError, UsageError, WriteError

__all__ = [
    "DataError",
    "IctgoalsError",
    "UsageError",
    "WriteError",
    "__version__",
    "diff",
    "load",
    "report",
    "show",
    "status",
    "validate",
]
_FROM = {
    "load": "ictgoals.api",
    "status": "ictgoals.api",
    "diff": "ictgoals.api",
    "show": "ictgoals.api",
    "validate": "ictgoals.api",
    "report": "ictgoals.api_share",
    "IctgoalsError": "ictgoals.errors",
    "DataError": "ictgoals.errors",
    "UsageError": "ictgoals.errors",
    "WriteError": "ictgoals.errors",
}


def __getattr__(name: str) -> Any:
    if name in _FROM:
        from importlib import import_module

        return getattr(import_module(_FROM[name]), name)
    raise AttributeError(f"module 'ictgoals' has no attribute {name!r}")
