"""What earlier sentences say about later ones: the year results are for, and which goals still hold.

A sentence that opens with a year ("Năm 2024, …", "In 2023, …", "Last year …") dates the results
that follow it, in its paragraph and after, until another does. A sentence that sets goals ("Năm
2025, Sở phấn đấu …", "Mục tiêu cụ thể đến năm 2027:") governs what follows it in its own
paragraph only, and the list items right after it when it ends with a colon: a closing goal line
never turns the results above it, or the paragraphs below it, into goals. A year of a comparison,
a meeting ("hội nghị tổng kết công tác năm 2024") or a decision's date dates nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ictgoals.extraction.document import Sentence
from ictgoals.extraction.years import Timing, YearAt, deadline, opens_clause
from ictgoals.values import Value

#: "Khi đó, …" (by then): the sentence takes the last year the one before it named.
THEN = re.compile(r"(?:khi đó|lúc đó|đến lúc đó|by then|at that point|then),")


@dataclass(frozen=True, eq=False, repr=False)
class Goals(Value):
    """A sentence that set goals: for which year, over which span, and how far it reaches."""

    year: int | None
    span: tuple[int, int] | None
    paragraph: int
    listing: bool  # it ends with a colon: the list items after it are its goals


def lead(low: str, years: list[YearAt], first_figure: int) -> YearAt | None:
    """The year that opens a clause of a sentence before its first figure: what dates its results (or goals)."""
    for year in years:
        if year.start >= first_figure:
            return None
        if year.kind in ("year", "span", "relative", "vision") and opens_clause(low, year):
            return year
    return None


def goal_year(low: str, years: list[YearAt], opening: YearAt | None, listing: bool) -> YearAt | None:
    """The year a sentence that sets goals sets them for: its opening year, a deadline, or (before a list) its
    last year. None when it names none of these: such a sentence governs only its own figures."""
    if opening is not None:
        return opening
    spans = any(y.kind == "span" for y in years)
    kinds = ("year", "span", "relative", "date") if spans else ("year", "span", "relative", "date", "vision")
    named = [y for y in years if y.kind in kinds]  # "Định hướng đến năm 2030:" before a list is its deadline
    deadlines = [y for y in named if deadline(low, y)]
    if deadlines:
        return deadlines[-1]
    return named[-1] if listing and named else None


class Context:
    """The state carried from sentence to sentence while a report is read in order."""

    def __init__(self, when: Timing) -> None:
        self.when = when
        self.result_year: int | None = None
        self.goals: Goals | None = None
        self.list_open = False
        self.said: int | None = None  # the last year the previous sentence named
        self.paragraph = 0
        self.paragraph_year: int | None = None  # the year of the results its paragraph has dated so far

    def goals_for(self, sentence: Sentence) -> Goals | None:
        """The goals in force for `sentence`: its paragraph's, or its list's."""
        goals = self.goals
        if goals is None:
            return None
        if sentence.paragraph == goals.paragraph or (goals.listing and self.list_open and sentence.item):
            return goals
        return None

    def subheading(self, sentence: Sentence, figures: int) -> bool:
        """Whether `sentence` heads a part of the goal list it is in ("a) Giai đoạn đến hết năm 2025:"): it keeps
        the list going and sets the year of the items under it."""
        listing = self.goals is not None and self.goals.listing and self.list_open
        return listing and not figures and sentence.text.rstrip().endswith(":")

    def then(self, low: str) -> int | None:
        """For "Khi đó, …": the year the sentence before named."""
        return self.said if THEN.match(low) else None

    def begin(self, sentence: Sentence, low: str, opening: YearAt | None, setting_goals: bool) -> None:
        """Before a sentence's figures are read: a result lead ends the goals of its paragraph and dates results."""
        if sentence.paragraph != self.paragraph:
            self.paragraph = sentence.paragraph
            self.paragraph_year = None
            if self.goals is not None and not (self.goals.listing and sentence.item):
                self.list_open = False
        reviewed = self.when.reviewed
        if opening is None or setting_goals or opening.kind == "date":
            return
        if reviewed is not None and opening.year > reviewed:
            return
        self.result_year = opening.year
        self.paragraph_year = None
        if self.goals is not None and self.goals.paragraph == sentence.paragraph:
            self.goals = None

    def end(
        self, sentence: Sentence, low: str, years: list[YearAt], opening: YearAt | None, setting_goals: bool
    ) -> None:
        """After a sentence: the goals it set (if it says for when, or opens a list), and the last year it named."""
        listing = sentence.text.rstrip().endswith(":")
        year = goal_year(low, years, opening, listing) if setting_goals else None
        if setting_goals and (year is not None or listing):
            span = (year.first, year.year) if year is not None and year.kind == "span" else None
            self.goals = Goals(None if year is None else year.year, span, sentence.paragraph, listing)
            self.list_open = listing
        named = [y for y in years if y.kind in ("year", "span", "relative", "date")]
        if named:
            self.said = named[-1].year
