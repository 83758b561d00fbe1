"""What a region name means: the region the data spells, the regions it names, and who succeeded a former province."""

from __future__ import annotations

from ictgoals.analysis.index import canonical_region
from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import ALL_REGIONS, NATIONAL, Dataset
from ictgoals.provinces import Region, canonical, did_you_mean, entries


def every_region_asked(wanted: str) -> bool:
    """Whether `wanted` asks for every region at once ("all", in any case, spaces around it ignored)."""
    return wanted.strip().casefold() == ALL_REGIONS


def resolve_region(dataset: Dataset, wanted: str) -> str:
    """The region as the data spells it (case and accents ignored); UsageError when nothing is known of it,
    or for "all", which only status and diff take (they resolve every region themselves)."""
    if every_region_asked(wanted):
        raise UsageError(
            tr(
                "--region all: only status and diff show every region at once; "
                'this command takes one region, "VN" or a province.'
            )
        )
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


def catalogue_entries(name: str) -> tuple[Region, ...]:
    """The region catalogue's entries for a name (`provinces.entries`)."""
    return entries(name)
