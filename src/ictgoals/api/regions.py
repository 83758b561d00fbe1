"""What a region name means: the region the data spells, the regions it names, and who succeeded a former province."""

from __future__ import annotations

from ictgoals.analysis.index import canonical_region
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Dataset
from ictgoals.regions import canonical, did_you_mean, former


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


def every_region(dataset: Dataset) -> list[str]:
    """The regions the data names, the nation first."""
    return sorted(dataset.regions(), key=lambda name: (name != NATIONAL, name))


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
