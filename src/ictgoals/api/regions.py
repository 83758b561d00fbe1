"""What a region name means: the region the data spells, the regions it names, and who succeeded a former province."""

from __future__ import annotations

from ictgoals.analysis.index import canonical_region
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Dataset
from ictgoals.regions import MERGED_ON, canonical, catalogue, did_you_mean, former, territory_changed


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
    """For a province that merged into another, took another name, or whose territory changed under its own
    name, a sentence saying what happened and how its figures are read."""
    if name == NATIONAL:
        return None
    if territory_changed(name):
        joined = next(r.formed_from for r in catalogue() if r.current and r.name == canonical(name))
        return tr(
            "{name} took in {joined} on {since}: figures up to 2024 are of {name} as it was, from 2025 of {name} "
            "as it is (an entry's territory field may say otherwise); comparisons across the change are "
            "flagged as a series break.",
            name=canonical(name),
            joined=", ".join(joined),
            since=MERGED_ON,
        )
    gone = former(name)
    if gone is None:
        return None
    if gone.became is not None:
        return tr(
            "{name} became the centrally-run city of {successor} on {since}, on the same territory: "
            "its figures are {successor}'s.",
            name=gone.name,
            successor=gone.became,
            since=gone.since,
        )
    return tr(
        "{name} became part of {successor} on {since}; its figures stay under its own name "
        '(ask for --region "{successor}" for the province that succeeded it).',
        name=gone.name,
        successor=gone.merged_into,
        since=gone.since,
    )
