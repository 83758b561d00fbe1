"""Which indicator a figure is about: the catalogue's names and aliases against the words around the figure.

rapidfuzz (the `extract` extra) forgives small spelling differences word by word; the score says how
much of a name the figure's own clause covers, and how much of the clause the name explains.
"""

from __future__ import annotations

import re

from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import Dataset

#: The score (0–100) an indicator's name must reach against the figure's clause to be proposed.
MATCH_FLOOR = 30


def names_of(dataset: Dataset) -> list[tuple[str, str, str]]:
    """(indicator id, unit, name) for every name an indicator goes by."""
    names = []
    for indicator in dataset.indicators.values():
        for name in (indicator.name_vi, indicator.name, *indicator.aliases):
            if name:
                names.append((indicator.id, indicator.unit, name.casefold()))
    return names


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
    # Digits count ("mức độ 4", "5g"), years do not.
    return [
        w for w in re.findall(r"[\wÀ-ỹ]+", text.casefold()) if w not in _STOP and not re.fullmatch(r"(19|20)\d\d", w)
    ]


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


def match_indicator(
    own: str, context: str, unit: str, names: list[tuple[str, str, str]]
) -> tuple[str | None, float, tuple[str, ...]]:
    """The indicator whose name best covers the figure's own words (its clause, and the noun phrase right
    after it: "100% xã có điểm phục vụ"), with the sentence before the clause as weaker context."""
    from rapidfuzz import fuzz

    wanted = {"group": ("group", "rank"), "%": ("%", "per 100 people"), "per 100 people": ("per 100 people", "%")}.get(
        unit, (unit,)
    )
    best: tuple[str | None, float, str] = (None, 0.0, "")
    near, far = words(own), words(context)
    pool = set(near) | set(far)
    if not pool:
        return None, 0.0, ()
    for candidate_id, indicator_unit, candidate_name in names:
        if indicator_unit not in wanted:
            continue
        name_words = words(candidate_name)
        if not name_words:
            continue
        # How much of the name the figure's words cover (its context counts for less), and how
        # much of the figure's own clause the name explains: a long name is not matched by one shared word,
        # nor a long clause by a short name.
        covered = 0.0
        for word in name_words:
            if word in near:
                covered += 1.0
            elif word in far:
                covered += 0.8
            elif any(fuzz.ratio(word, other) >= 88 for other in pool):
                covered += 0.5
        explained = sum(1 for word in set(near) if word in name_words) / max(len(set(near)), 1)
        score = 100 * (0.6 * covered / len(name_words) + 0.4 * explained)
        if score > best[1]:
            best = (candidate_id, score, candidate_name)
    indicator, score, name = best
    matched = tuple(word for word in words(name) if word in pool)
    if indicator is None or score < MATCH_FLOOR:
        return None, round(score / 100, 2), matched
    return indicator, round(score / 100, 2), matched
