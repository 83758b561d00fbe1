"""One sentence being read, and each of its figures' year and kind: from the figure's own words, the rest of the
sentence, what earlier sentences said (the context), and last the report's date.

The year, in order: one written right after the figure or before it in its sentence ("50% năm 2027",
"năm 2024 tỷ lệ … đạt"), a deadline shared by figures joined by "và"/"and", a word counting from the
date ("năm ngoái"), then the paragraph's, the lead's, and the date's. The kind: a goal noun naming the
figure, a goal word before it, a word of expectation for a later year, goals in force, or a later year
make a target; plan completion and what was done ("tỉnh mới đạt") stay results.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from ictgoals.extraction.context import Context, Goals
from ictgoals.extraction.document import Sentence
from ictgoals.extraction.kinds import done, goal_noun, quoted_goal, this_years_goal
from ictgoals.extraction.mentions import Mention
from ictgoals.extraction.years import YearAt, in_aside, sentence_deadline, year_after, year_before

#: "tăng 13% so với năm 2024 (40 tỷ USD)": the figure in brackets is that year's.
_BASE = re.compile(r"\b(?:so với\s+(?:cùng kỳ\s+)?(?:năm\s+)?|compared (?:to|with)\s+|than\s+)((?:19|20)\d\d)\s*\(\s*$")
#: The base of a comparison ("so với mức 39% của năm 2022", "up from 19.8 per cent in 2023") dates only itself.
_COMPARED = re.compile(r"\b(?:so với|compared (?:to|with)|from|than)\s+(?:mức\s+|the level of\s+|khoảng\s+)?$")
_NOW = re.compile(r"\b(?:now|currently|hiện nay|đến nay|hiện có|hiện đạt|as of)\b")
_JOINED = re.compile(r"[^,;.()\d]{0,80}?(?:\s(?:và|and)\s)[^,;.()\d]{0,80}")
_DEADLINE_WORD = re.compile(r"\b(?:by|đến|vào|trước|until)\s+(?:năm\s+)?$")
#: A turn between a year and a figure: "Nếu cuối năm 2022 mới chỉ 46% … thì nay đã lên 68%", "… in 2022, but …".
_TURN = re.compile(r"\b(?:thì|nhưng|song|trong khi|while|whereas|but)\b")
#: A clause that sets a year against another: "Nếu năm 2022 …", "trong khi con số của năm 2024 …", "while in 2023 …".
_CONTRASTED = re.compile(r"\b(?:nếu|if|trong khi|while|whereas|against|so với|compared (?:with|to))\b[^,;]*$")


@dataclass
class Reading:
    """One sentence being read: its text (a table cell's heading first), the figures, years and cues in it, and
    what the context says for it (the goals in force, the year a "Khi đó" refers to)."""

    sentence: Sentence
    text: str
    low: str
    figures: list[Mention]
    years: list[YearAt]
    goals: list[int]  # where the goal words start
    expected: list[int]  # where the words of expectation start
    opening: YearAt | None
    region: str
    offset: int  # how many characters of `text` come before the sentence (a table cell's heading)
    in_force: Goals | None = None
    said: int | None = None
    made: int | None = None  # the figure that gave the last candidate of this sentence
    last_year: int | None = None  # that candidate's year

    def bounds(self, index: int) -> tuple[int, int]:
        """Where the figure's clause starts (after the previous figure or ';') and where the next figure starts."""
        figure = self.figures[index]
        floor = self.figures[index - 1].end if index else 0
        start = max(floor, self.low.rfind(";", max(0, figure.start - 300), figure.start) + 1, figure.start - 300)
        stop = self.figures[index + 1].start if index + 1 < len(self.figures) else len(self.low)
        semicolon = self.low.find(";", figure.end, stop)
        return start, stop if semicolon < 0 else semicolon

    def words_around(self, index: int) -> tuple[str, str]:
        """The lower-case words before the figure and after it, as far as mentions read them."""
        figure = self.figures[index]
        return self.low[max(0, figure.start - 100) : figure.start], self.low[figure.end : figure.end + 100]

    def expected_before(self, index: int) -> bool:
        return any(cue < self.figures[index].start for cue in self.expected)

    @cached_property
    def turns(self) -> list[int]:
        """Where the sentence turns ("thì", "but", "trong khi"), in order: read once, whatever its figures."""
        return [match.start() for match in _TURN.finditer(self.low)]

    @cached_property
    def commas(self) -> list[int]:
        return [match.start() for match in re.finditer(",", self.low)]


def year_and_kind(reading: Reading, index: int, context: Context) -> tuple[int | None, str, str]:
    """The figure's year, where it came from (sentence, context or date) and its kind (actual or target)."""
    mention = reading.figures[index]
    before, _ = reading.words_around(index)
    if (base := _BASE.search(before)) is not None:
        return int(base.group(1)), "sentence", "actual"
    _, stop = reading.bounds(index)
    own = year_after(reading.low, mention.end, stop, reading.years)
    own = own or year_before(mention.start, _dating(reading, index))
    if own is None and index + 1 < len(reading.figures):
        own = _shared_deadline(reading, index)
    year = own.year if own is not None else reading.said
    if own is not None and own.kind == "earlier":  # "a year earlier": than the year the sentence is about
        back = (context.when.date_year or own.year + 1) - own.year
        year = (reference(reading, context) or own.year + back) - back
    kind = "target" if _goal(reading, index, year, context) else "actual"
    if year is not None:
        if (
            kind == "actual"
            and own is not None
            and own.kind in ("year", "span", "date")
            and not _COMPARED.search(before)
            and not _CONTRASTED.search(reading.low, max(0, own.start - 60), own.start)
        ):
            context.paragraph_year = year  # "… năm 2024 đạt 13,2%. Trong đó, … 7,9%": the paragraph's year
        return year, "sentence", kind
    if kind == "target":
        return _goal_year(reading, before, context)
    if context.paragraph_year is not None:
        return context.paragraph_year, "context", kind
    if context.result_year is not None:
        return context.result_year, "context", kind
    return context.when.reviewed, "date", kind


def _dating(reading: Reading, index: int) -> list[YearAt]:
    """The years before a figure in its sentence that may date it: not one in an aside, nor one a turn ("thì",
    "but", "trong khi") separates from it, unless it opens the sentence."""
    start = reading.figures[index].start
    return [
        year
        for year in reading.years
        if year.end > start
        or year is reading.opening
        or not (
            _between(reading.turns, year.end, start)
            or (_between(reading.commas, year.end, start) and in_aside(reading.low, year))
        )
    ]


def _between(offsets: list[int], start: int, end: int) -> bool:
    """Whether any of `offsets` (in order) is in [start, end)."""
    at = bisect.bisect_left(offsets, start)
    return at < len(offsets) and offsets[at] < end


def _goal(reading: Reading, index: int, year: int | None, context: Context) -> bool:
    """Whether a figure is a goal: named one, after a goal word, for a later year, or under a goal lead."""
    mention = reading.figures[index]
    before, after = reading.words_around(index)
    reviewed = context.when.reviewed
    later = year is not None and reviewed is not None and year > reviewed
    present = year == context.when.date_year and _NOW.search(reading.low) is not None  # "now": never a goal
    if goal_noun(before, after):
        return True
    if done(before, after):
        return later
    if any(cue < mention.start for cue in reading.goals):
        return True
    if reading.expected_before(index) and later:
        return True
    return reading.in_force is not None or (later and not present)


def _goal_year(reading: Reading, before: str, context: Context) -> tuple[int | None, str, str]:
    """The year of a goal that names none: the plan of the year reported on, the result's it is quoted beside,
    the sentence's deadline, the goals in force, or the year the date sets goals for."""
    if this_years_goal(before):
        return context.when.reviewed, "date", "target"
    if quoted_goal(before):  # "đạt 195 tỷ USD, vượt chỉ tiêu 190 tỷ USD": the result's own year
        return reference(reading, context), "context", "target"
    if (deadline := sentence_deadline(reading.low, reading.years)) is not None:
        return deadline.year, "sentence", "target"
    if reading.in_force is not None and reading.in_force.year is not None:
        return reading.in_force.year, "context", "target"
    return context.when.goal_year, "date", "target"


def reference(reading: Reading, context: Context) -> int | None:
    """The year the sentence is about so far: its last result's, or the one results are dated by."""
    if reading.made is not None and reading.last_year is not None:
        return reading.last_year
    return context.paragraph_year or context.result_year or context.when.reviewed


def _shared_deadline(reading: Reading, index: int) -> YearAt | None:
    """ "45% of households and 70% of schools connected by 2027": the deadline closing the clause is both's."""
    following = reading.figures[index + 1]
    if not _JOINED.fullmatch(reading.low[reading.figures[index].end : following.start]):
        return None
    _, stop = reading.bounds(index + 1)
    deadline = year_after(reading.low, following.end, stop, reading.years)
    if deadline is None or not _DEADLINE_WORD.search(reading.low, max(0, deadline.start - 20), deadline.start):
        return None
    return deadline
