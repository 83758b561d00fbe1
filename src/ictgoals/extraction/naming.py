"""What a figure is about: its own words, the name they propose for a new indicator, and a warning when its value
is about a thousand times off the figures the data already holds for the indicator it matched."""

from __future__ import annotations

import re

from ictgoals.extraction.match import words
from ictgoals.extraction.reading import Reading
from ictgoals.i18n import tr
from ictgoals.model import Dataset

#: How far back a figure's subject is looked for.
REACH = 400
_CLAUSE_BREAK = re.compile(r"[;,.]|\s(?:và|and)\s")


def name(clause: str) -> str:
    """The clause's own words for what the figure measures, without cue words."""
    cleaned = re.sub(r"\b(?:năm|in)\s+(?:19|20)\d\d\b", " ", clause)
    cleaned = re.sub(
        r"\b(?:đạt|ước đạt|ước tính|ước|là|được|lên tới|lên đến|khoảng|hơn|trên|gần|of|at|reached?)\b", " ", cleaned
    )
    return re.sub(r"\s+", " ", cleaned).strip(" ,;:–-") or clause.strip()


def own_words(reading: Reading, index: int, start: int) -> tuple[str, str]:
    """The figure's own words (its clause from the last comma, the figure and what follows it up to the next
    comma: "100% xã có điểm phục vụ"), and the words before them as weaker context. A clause with no subject
    of its own (", năm 2025 đạt 90%", ", tăng trưởng 20%") takes the sentence's."""
    mention = reading.figures[index]
    low = reading.low
    before = low[start : mention.start]
    following = _CLAUSE_BREAK.split(low[mention.end : mention.end + 100], maxsplit=1)[0][:80]
    cut = start + max([before.rfind(",") + 1, *(i + len(w) for w in (" và ", " and ") if (i := before.rfind(w)) >= 0)])
    printed = low[mention.start : mention.end] + " " + mention.noun  # "59.000 doanh nghiệp": the noun names it too
    own = low[cut : mention.start] + " " + printed + " " + following
    context = low[max(0, cut - REACH) : cut]
    if len(words(name(own))) < 2:  # the subject is the sentence's (from its last ';'), earlier on
        first = max(low.rfind(";", max(0, mention.start - REACH), mention.start) + 1, mention.start - REACH, 0)
        own, context = low[first : mention.start] + " " + printed + " " + following, low[max(0, first - REACH) : first]
    return own, context


class Typical:
    """The median recorded figure of every indicator, found in one pass over the data when first asked."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.medians: dict[str, float | None] | None = None

    def of(self, indicator: str) -> float | None:
        if self.medians is None:
            values: dict[str, list[float]] = {}
            for key in self.dataset.actuals.keys():  # noqa: SIM118 (Figures: keys() are its groups)
                values.setdefault(key[0], []).extend(a.value for a in self.dataset.actuals.group(key) if a.value > 0)
            self.medians = {ident: sorted(v)[len(v) // 2] if v else None for ident, v in values.items()}
        return self.medians.get(indicator)

    def warnings(self, indicator: str | None, value: float, unit: str) -> tuple[str, ...]:
        """A value about a thousand times off the indicator's figures: a scale word read, or printed, wrong."""
        if indicator is None or unit not in ("VND bn", "USD bn", "count") or value <= 0:
            return ()
        typical = self.of(indicator)
        if not typical:
            return ()
        ratio = value / typical
        if 1 / 300 < ratio < 300:
            return ()
        return (
            tr(
                "about {factor}× off the recorded figures of {indicator}: check the scale word",
                factor=f"{ratio:,.0f}" if ratio >= 1 else f"1/{1 / ratio:,.0f}",
                indicator=indicator,
            ),
        )
