"""Shell completion: what a shell is offered after `--region`, an indicator argument, and the like."""

from __future__ import annotations

from ictgoals.api.files import cache_wanted, files, load_files
from ictgoals.model import NATIONAL, region_key
from ictgoals.regions import catalogue


def regions(incomplete: str) -> list[str]:
    """The nation and every province, current and former, that starts like `incomplete`."""
    wanted = region_key(incomplete)
    names = [NATIONAL, *(r.name for r in catalogue() if r.name != NATIONAL)]
    return [name for name in dict.fromkeys(names) if region_key(name).startswith(wanted)]


def indicators(incomplete: str) -> list[tuple[str, str]]:
    """The indicator ids of the data files in use, with their names."""
    try:
        dataset = load_files(files(None, None), cache=cache_wanted(False))
    except Exception:  # a shell asking for completions must never see a traceback
        return []
    return [(i.id, i.name) for i in dataset.indicators.values() if i.id.startswith(incomplete)]
