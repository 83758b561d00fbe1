"""The data's own consistency: what `validate` warns about in data that loads."""

from __future__ import annotations

from ictgoals.analysis import checks
from ictgoals.analysis.checks import Findings
from ictgoals.model import Dataset


def validate(dataset: Dataset) -> Findings:
    """Warnings about data that loads but disagrees with itself."""
    return checks.validate(dataset)
