"""Which indicator a figure is about: the catalogue's names and aliases against the words around the figure.

The catalogue is indexed once per run: each word of every name points to the names that hold it,
by unit family, and each word to the catalogue's words one edit away. A figure is scored only
against the names that share its words (at most SHORTLIST of them, the ones sharing the most),
so its cost does not grow with the catalogue. rapidfuzz (the `extract` extra) confirms the words
that differ by one letter; the score says how much of a name the figure's own clause covers, and
how much of the clause the name explains.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import Dataset
from ictgoals.values import Value

#: The score (0–100) an indicator's name must reach against the figure's clause to be proposed.
MATCH_FLOOR = 30
#: How many names, those sharing the most words with the figure's, are scored in full.
SHORTLIST = 64
#: A word picks at most this many names (the first, in catalogue order); it still counts in every score.
COMMON = 256
#: Words in an indicator's name that say it measures a change: only such indicators take a stated change.
_CHANGE_WORDS = re.compile(r"tăng trưởng|mức tăng|\btăng\b|growth|increase|\bgain\b|multiple|số lần")

_STOP = frozenset(
    [
        "của",
        "và",
        "các",
        "có",
        "được",
        "trong",
        "trên",
        "cho",
        "với",
        "là",
        "đạt",
        "năm",
        "tỷ",
        "lệ",
        "số",
        "the",
        "of",
        "and",
        "in",
        "for",
        "to",
        "a",
        "an",
        "at",
        "by",
        "with",
        "on",
    ]
)


def words(text: str) -> list[str]:
    """The words of `text` that can tell indicators apart: digits count ("mức độ 4", "5g"), years do not."""
    return [
        w for w in re.findall(r"[\wÀ-ỹ]+", text.casefold()) if w not in _STOP and not re.fullmatch(r"(19|20)\d\d", w)
    ]


def family(unit: str) -> str:
    """Units that may stand for one another when matching: shares and rates, ranks and levels, multiples."""
    if unit in ("%", "per 100 people"):
        return "%"
    if unit in ("rank", "group"):
        return "rank"
    if unit.startswith("times"):
        return "times"
    return unit


def available() -> None:
    """Raise UsageError with the install command when rapidfuzz (the `extract` extra) is missing."""
    try:
        import rapidfuzz  # noqa: F401
    except ImportError as e:
        raise UsageError(
            tr(
                "extract matches names with rapidfuzz, which is not installed. Install it with: {command}",
                command="pip install 'ictgoals[extract]'",
            )
        ) from e


@dataclass(frozen=True, eq=False, repr=False)
class _Name(Value):
    indicator: str
    family: str
    text: str
    words: tuple[str, ...]
    change: bool  # the indicator measures a change (a growth rate, a multiple)


def _variants(word: str) -> set[str]:
    """The word and every way of dropping one of its letters."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


class Catalogue:
    """Every name an indicator goes by (`name_vi`, `name`, `aliases`), indexed by word and unit family."""

    def __init__(self, dataset: Dataset) -> None:
        self.names: list[_Name] = []
        for indicator in dataset.indicators.values():
            change = _CHANGE_WORDS.search(f"{indicator.name} {indicator.name_vi}".casefold()) is not None
            for name in (indicator.name_vi, indicator.name, *indicator.aliases):
                if name and (name_words := tuple(words(name))):
                    self.names.append(_Name(indicator.id, family(indicator.unit), name.casefold(), name_words, change))
        self.postings: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, known in enumerate(self.names):
            for word in dict.fromkeys(known.words):
                self.postings[(known.family, word)].append(index)
        self.vocabulary = {word for known in self.names for word in known.words}
        self.deletions: dict[str, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            for variant in _variants(word):
                self.deletions[variant].append(word)

    def _alike(self, pool: set[str]) -> set[str]:
        """Catalogue words at least 88% alike (rapidfuzz) to a word of `pool` without being one of them."""
        from rapidfuzz import fuzz

        found: set[str] = set()
        for word in pool:
            near = {other for variant in _variants(word) for other in self.deletions.get(variant, ())}
            found.update(other for other in near if other not in pool and fuzz.ratio(word, other) >= 88)
        return found

    def _shortlist(self, unit_family: str, weighted: dict[str, float], change: bool) -> list[int]:
        hits: dict[int, float] = defaultdict(float)
        for word, weight in weighted.items():
            postings = self.postings.get((unit_family, word), ())
            rarity = 1.0 + math.log(max(len(self.names), 1) / max(len(postings), 1))  # a rare word picks surely
            for index in postings[:COMMON]:
                hits[index] += weight * rarity
        chosen = [index for index in hits if self.names[index].change or not change]
        return sorted(chosen, key=lambda index: (-hits[index], index))[:SHORTLIST]

    def match(
        self, own: str, context: str, unit: str, *, change: bool = False
    ) -> tuple[str | None, float, tuple[str, ...]]:
        """The indicator whose name best covers the figure's own words (its clause, and the noun phrase right
        after it: "100% xã có điểm phục vụ"), with the sentence before the clause as weaker context.

        With `change`, only indicators that measure a change compete (a stated growth rate)."""
        near, far = words(own), words(context)
        pool = set(near) | set(far)
        if not pool:
            return None, 0.0, ()
        alike = self._alike(pool)
        weighted = dict.fromkeys(alike, 0.5) | dict.fromkeys(far, 0.8) | dict.fromkeys(near, 1.0)
        near_set = set(near)
        best: tuple[int, float] = (-1, 0.0)
        for index in sorted(self._shortlist(family(unit), weighted, change)):
            name_words = self.names[index].words
            # How much of the name the figure's words cover (its context counts for less), and how much of the
            # figure's own clause the name explains: a long name is not matched by one shared word, nor a long
            # clause by a short name.
            covered = sum(weighted.get(word, 0.0) for word in name_words)
            explained = sum(1 for word in near_set if word in name_words) / max(len(near_set), 1)
            score = 100 * (0.6 * covered / len(name_words) + 0.4 * explained)
            if score > best[1]:
                best = (index, score)
        index, score = best
        if index < 0:
            return None, 0.0, ()
        name = self.names[index]
        matched = tuple(word for word in words(name.text) if word in pool)
        if score < MATCH_FLOOR:
            return None, round(score / 100, 2), matched
        return name.indicator, round(score / 100, 2), matched
