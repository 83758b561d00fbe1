"""Shell completion: what a shell is offered after `--region`, an indicator or a year, and how each shell gets it.

Regions match without case or accents, at the start of any word ("tra", "vinh" and "Trà" all
find Trà Vinh); current provinces come first and a former one says which province succeeded it.
What is inserted is quoted for the shell: `Trà\\ Vinh` in bash, or inside the quote the user
opened ("Trà Vinh" or 'Trà Vinh'); zsh and fish quote their own insertions. Only a shell asking
for completions runs this module.
"""

from __future__ import annotations

import re

from ictgoals.api.files import cache_wanted, files, load_files
from ictgoals.api.status import due_years
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Dataset, region_key
from ictgoals.provinces import catalogue

#: A completion: the text to insert, and what a shell that shows descriptions says beside it.
Offer = tuple[str, str]


def _dataset() -> Dataset | None:
    try:
        return load_files(files(None, None), cache=cache_wanted(False))
    except Exception:  # a shell asking for completions must never see a traceback
        return None


def _matches(name: str, typed: str) -> bool:
    """Whether `typed` starts the name, or one of its words, ignoring case and accents."""
    wanted = region_key(typed)
    folded = region_key(name)
    return folded.startswith(wanted) or any(word.startswith(wanted) for word in folded.split())


def regions(typed: str) -> list[Offer]:
    """The nation, then the current provinces, then the former ones (each saying what succeeded it)."""
    offers: dict[str, str] = {}
    if _matches(NATIONAL, typed) or _matches(tr("National"), typed):
        offers[NATIONAL] = tr("National")
    current = sorted((r for r in catalogue() if r.current and r.name != NATIONAL), key=lambda r: region_key(r.name))
    former = sorted((r for r in catalogue() if not r.current), key=lambda r: region_key(r.name))
    for region in current:
        if _matches(region.name, typed):
            offers.setdefault(region.name, tr("province"))
    for region in former:
        if _matches(region.name, typed) and region.name not in offers:
            offers[region.name] = tr("former province, now part of {successor}", successor=region.merged_into)
    return list(offers.items())


def indicators(typed: str) -> list[Offer]:
    """The indicator ids of the data files in use, with their short names."""
    dataset = _dataset()
    if dataset is None:
        return []
    return [
        (i.id, i.name_short or i.name)
        for i in sorted(dataset.indicators.values(), key=lambda i: i.id)
        if i.id.startswith(typed)
    ]


def years(typed: str) -> list[Offer]:
    """The years targets are due in, in the data files in use."""
    dataset = _dataset()
    if dataset is None:
        return []
    return [(str(year), tr("targets due")) for year in due_years(dataset) if str(year).startswith(typed)]


# ---------------------------------------------------------------- what each shell inserts

_BASH_SPECIAL = re.compile(r"""([\s'"\\$`!&;|<>()*?\[\]{}#~])""")


def for_bash(value: str, word: str) -> str:
    """`value` as bash should insert it in place of the current word as typed (`word`, quotes included):
    inside the quote the user opened, else with its spaces and specials escaped."""
    if word.startswith('"'):
        return '"' + re.sub(r'(["\\$`])', r"\\\1", value) + '"'
    if word.startswith("'"):
        return "'" + value.replace("'", "'\\''") + "'"
    return _BASH_SPECIAL.sub(r"\\\1", value)


def for_zsh(offers: list[Offer]) -> str:
    """The zsh code that offers these, in this order, replacing the word whatever it holds (so "tra" finds
    "Trà Vinh"); zsh quotes what it inserts. One line: the completion script evaluates it."""

    def quoted(text: str) -> str:
        return "'" + " ".join(text.split()).replace("'", "'\\''") + "'"

    if not offers:
        return "_files"
    shown = " ".join(quoted(f"{value} -- {description}" if description else value) for value, description in offers)
    values = " ".join(quoted(value) for value, _ in offers)
    return (
        f"local -a _ictgoals_shown; _ictgoals_shown=({shown}); compadd -U -V ictgoals -l -d _ictgoals_shown -- {values}"
    )


def for_fish(offers: list[Offer], typed: str) -> list[Offer]:
    """What fish is offered: fish matches the typed text itself, without folding accents, so a name typed
    without them is offered without them too ("Tra Vinh", which ictgoals reads as Trà Vinh)."""
    if typed and region_key(typed) == typed.casefold():
        return [
            (value if value.casefold().startswith(typed.casefold()) else _unaccented(value), d) for value, d in offers
        ]
    return offers


def _unaccented(text: str) -> str:
    folded = region_key(text)  # lower case without accents: keep the capitals of the name
    return "".join(f.upper() if c.isupper() else f for c, f in zip(text, folded, strict=False)) + folded[len(text) :]
