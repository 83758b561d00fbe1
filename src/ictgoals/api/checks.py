"""The data's own consistency: what `validate` warns about in data that loads."""

from __future__ import annotations

from ictgoals.analysis import checks
from ictgoals.analysis.checks import Findings
from ictgoals.analysis.index import Index
from ictgoals.datafiles import cache
from ictgoals.i18n import language
from ictgoals.model import Dataset


def validate(dataset: Dataset) -> Findings:
    """Warnings about data that loads but disagrees with itself; kept beside the cache of the data files, so
    that validating unchanged files again reads them back (in each language: they are messages)."""
    found = cache.derived(
        dataset,
        f"validate-{language()}",
        lambda: checks.findings_of(dataset, Index.of(dataset)),
        plain=checks.plain_findings,
        back=checks.findings_from_plain,
    )
    return Findings(found)
