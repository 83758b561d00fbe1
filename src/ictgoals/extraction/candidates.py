"""From a report's text to candidate figures and targets: kind, year, operator, change, region and indicator.

Plain rules, each explainable from the words of the sentence or those before it (docs/extract.md):
the figure's own clause names what it measures, cue words say whether it is a result or a target,
an estimate or a floor, and "năm 2024" says when. Indicators are matched on their names (`name_vi`,
`name`, `aliases`), among those in the figure's unit only; an unsure match is left unmatched rather
than forced. The report is read once, in order, with bounded work per figure; a report with more
than MAX_CANDIDATES figures, or MAX_NUMBERS numbers, is read up to there, and the result says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ictgoals.extraction.context import Context, lead
from ictgoals.extraction.document import Sentence, read_document
from ictgoals.extraction.kinds import change_kind, goal_cues, joined
from ictgoals.extraction.language import language
from ictgoals.extraction.match import Catalogue, available
from ictgoals.extraction.mentions import MAX_FIGURES, Mention, cell_count, lowered, mentions
from ictgoals.extraction.naming import Typical, name, own_words
from ictgoals.extraction.reading import Reading, year_and_kind
from ictgoals.extraction.years import Timing, YearAt, timing, years_in
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, QUALIFIER_WORDS, QUALIFIER_WORDS_AFTER, Dataset, Qualifier
from ictgoals.numbers import Convention
from ictgoals.provinces import canonical
from ictgoals.values import Value

#: The most candidates one report gives; the rest of a longer one is not read (and a note says so).
MAX_CANDIDATES = 2_000
#: The most numbers one report is read for (figures or not: dates, decision numbers, attendees); the rest of a longer
#: one is not read (and a note says so). A long annual report holds a few thousand.
MAX_NUMBERS = 20_000
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
#: How well a stated change must match an indicator that measures changes to be proposed as its figure.
SURE_CHANGE = 0.5

_ESTIMATE = re.compile(
    r"ước đạt|ước tính|ước khoảng|\bước\b|dự kiến|khoảng|\bgần\b|\bexpected\b|\bestimated?\b|\babout\b|\baround\b|"
    r"\bsome\b|\bnearly\b|\balmost\b|\bprojects?\b|\bwould\b|\bwill\b|\bsẽ\b"
)
_AT_LEAST = re.compile(
    r"\b(?:không (?:thấp hơn|dưới|ít hơn|kém)|tối thiểu|ít nhất|at least|no less than|not less than)\s*$"
)
_MORE = re.compile(r"\b(?:trên|hơn|vượt|more than|over|above|exceed(?:ing)?)\s*$")
_LESS = re.compile(r"\b(?:dưới|under|below|less than)\s*$")
_AT_MOST = re.compile(r"\b(?:không quá|tối đa|at most|no more than)\s*$")
_ABOUT = re.compile(r"\b(?:khoảng|gần|around|about|nearly)\s*$")
_EVERY_YEAR = re.compile(r"\s*(?:/\s*năm|(?:a|per|each|every) year|mỗi năm|hằng năm|hàng năm)")
_EVERY_YEAR_BEFORE = re.compile(r"\b(?:mỗi năm|hằng năm|hàng năm|each year|every year)[^,;.\d]{0,40}$")
_SINCE = re.compile(
    r"so với\s+(?:cùng kỳ\s+)?(?:năm\s+)?((?:19|20)\d\d)|(?:compared (?:to|with)|than|on|from)\s+((?:19|20)\d\d)"
)
_STATED = re.compile(r"[^.;]{0,30}?(?:so với|compared|year-on-year|on-year|on the previous|on a year|than)")
_PROVINCE = re.compile(r"(?i:tỉnh|thành phố|tp\.?)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){1,3})")
_PROVINCE_HEAD = re.compile(r"(?:tại\s+)?(?:tỉnh|thành phố)\s", re.IGNORECASE)


@dataclass(frozen=True, eq=False, repr=False)
class Change(Value):
    """A change on an earlier year, stated with the figure: "tăng 21% so với cùng kỳ năm 2023"."""

    value: float
    unit: str  # %, pp or places
    from_year: int
    printed: str


@dataclass(frozen=True, eq=False, repr=False)
class Candidate(Value):
    """One figure or target found in the text, with everything a person needs to accept or reject it."""

    kind: str  # "actual" or "target"
    indicator: str | None
    match: float
    matched: tuple[str, ...]
    name: str
    year: int | None
    year_from: str  # sentence, context or date
    op: str | None
    value: float
    high: float | None
    unit: str
    printed: str
    start: int
    end: int
    line: int
    sentence: str
    region: str
    estimate: bool
    period: tuple[int, int] | None = None
    years: tuple[int, int] | None = None
    change: Change | None = None
    warnings: tuple[str, ...] = field(default=())
    offset: int = 0  # where `printed` starts in `sentence`
    basis: str | None = None  # for a period: "total" or "average", when the text says which


def stated_bound(c: Candidate) -> tuple[str, Qualifier] | None:
    """The print of a figure with the word that bounds it, and the bound, when one stands right beside it: "đạt hơn
    148 tỷ USD" is "hơn 148 tỷ USD", more than 148; "80% trở lên", at least 80. The candidate's own `printed` is
    the figure alone, as the span of the text it was read from; a data file keeps the whole print."""
    end = c.offset + len(c.printed)
    before, after = c.sentence[: c.offset].casefold(), c.sentence[end:].casefold()
    for qualifier in Qualifier:
        for word in QUALIFIER_WORDS.get(qualifier, ()):
            if re.search(rf"(?<!\w){re.escape(word)}\s+$", before):
                start = before.rstrip().rindex(word)
                return c.sentence[start:end], qualifier
        for word in QUALIFIER_WORDS_AFTER.get(qualifier, ()):
            if re.match(rf"\s+{re.escape(word)}(?!\w)", after):
                return c.sentence[c.offset : end + after.index(word) + len(word)], qualifier
    return None


class Found(list[Candidate]):
    """The candidates of a report in the order of its text, with notes on any limit that cut its reading short."""

    def __init__(self, candidates: list[Candidate], notes: tuple[str, ...] = ()) -> None:
        super().__init__(candidates)
        self.notes = notes


def reviewed_year(date: str | None, text: str = "") -> int | None:
    """The year a report dated `date` (YYYY, YYYY-MM or YYYY-MM-DD) reports on (see `years.timing`)."""
    return timing(date, text).reviewed


def _region(text: str, fallback: str) -> str:
    for match in _PROVINCE.finditer(text):
        found = match.group(1).split()
        for size in range(len(found), 0, -1):  # "tỉnh Trà Vinh đạt" → "Trà Vinh"
            region = canonical(" ".join(found[:size]))
            if region is not None:
                return region
    return fallback


class _Reader:
    """A report read sentence by sentence into candidates."""

    def __init__(self, dataset: Dataset, written: Convention, when: Timing, region: str) -> None:
        self.dataset = dataset
        self.catalogue = Catalogue(dataset)
        self.written = written
        self.when = when
        self.region = region
        self.context = Context(when)
        self.found: list[Candidate] = []
        self.paragraph_region: dict[int, str] = {}
        self.typical = Typical(dataset)
        self.crowded = 0  # sentences with more than MAX_FIGURES figures
        self.numbers = 0  # numbers (figures or not) in the sentences read so far

    def read(self, sentence: Sentence) -> None:
        self.numbers += sum(1 for _ in _DIGITS.finditer(sentence.text))
        text = f"{sentence.heading} {sentence.text}" if sentence.heading else sentence.text
        offset = len(text) - len(sentence.text)
        low = lowered(text)
        figures = [m for m in mentions(text, self.written, MAX_FIGURES + 1) if m.start >= offset]
        if len(figures) > MAX_FIGURES:
            self.crowded += 1
            figures = figures[:MAX_FIGURES]
        if sentence.heading and not figures and (cell := cell_count(text, offset, self.written)) is not None:
            figures = [cell]  # a table cell holding a number: its row label says what it counts
        years = years_in(low, self.when.date_year)
        cues = figures or years or text.rstrip().endswith(":")  # words alone set nothing for later sentences
        goals, expected = goal_cues(low, text) if cues else ([], [])
        subheading = self.context.subheading(sentence, len(figures))
        if subheading:
            sentence = replace(sentence, item=True)  # a part of the list it heads
        opening = lead(low, years, figures[0].start if figures else len(low))
        if sentence.paragraph not in self.paragraph_region:
            head = _PROVINCE_HEAD.match(sentence.text) is not None
            self.paragraph_region[sentence.paragraph] = _region(sentence.text, self.region) if head else self.region
        region = _region(sentence.text, self.paragraph_region[sentence.paragraph])
        setting_goals = bool(goals) or self._future(opening) or subheading
        self.context.begin(sentence, low, opening, setting_goals)
        reading = Reading(sentence, text, low, figures, years, goals, expected, opening, region, offset)
        reading.said, reading.in_force = self.context.then(low), self.context.goals_for(sentence)
        out: list[Candidate] = []
        for index in range(len(figures)):
            self._figure(reading, index, out)
        self.found.extend(out)
        self.context.end(sentence, low, years, opening, setting_goals)

    def _future(self, opening: YearAt | None) -> bool:
        reviewed = self.when.reviewed
        return opening is not None and reviewed is not None and opening.year > reviewed and opening.kind != "date"

    def _figure(self, reading: Reading, index: int, out: list[Candidate]) -> None:
        mention = reading.figures[index]
        before, after = reading.words_around(index)
        previous = reading.figures[index - 1] if index else None
        stated = change_kind(before, after, mention.unit, previous.unit if previous else None)
        if stated == "plan":
            return  # "bằng 76% kế hoạch năm": a share of a plan, not a figure
        if stated is not None:
            self._change(reading, index, out, stated)
            return
        self._propose(reading, index, out)

    def _propose(self, reading: Reading, index: int, out: list[Candidate]) -> None:
        year, year_from, kind = year_and_kind(reading, index, self.context)
        out.append(self._candidate(reading, index, kind, year, year_from))
        reading.made, reading.last_year = index, out[-1].year

    def _change(self, reading: Reading, index: int, out: list[Candidate], stated: str) -> None:
        """A stated change: the change of the figure it follows, or (a growth rate the catalogue tracks) a figure."""
        mention = reading.figures[index]
        _, after = reading.words_around(index)
        previous = reading.figures[index - 1] if index else None
        between = reading.low[previous.end : mention.start] if previous else ""
        attachable = mention.unit in ("%", "pp", "places") and reading.made is not None and out[-1].change is None
        close = previous is not None and (joined(between) or mention.unit in ("pp", "places") or _STATED.match(after))
        if mention.unit in ("%", "times") and not (stated == "change" and close and attachable):
            own, context = own_words(reading, index, reading.bounds(index)[0])
            indicator, score, _ = self.catalogue.match(own, context, mention.unit, change=True)
            if indicator is not None and score >= SURE_CHANGE:
                self._propose(reading, index, out)  # "tăng trưởng 20%": a growth rate the catalogue tracks
                return
        if attachable and close:
            out[-1] = _with_change(out[-1], mention, reading, after)

    def _candidate(self, reading: Reading, index: int, kind: str, year: int | None, year_from: str) -> Candidate:
        mention = reading.figures[index]
        sentence = reading.sentence
        start, _ = reading.bounds(index)
        before = reading.low[start : mention.start]
        after = reading.low[mention.end : mention.end + 100]
        own, context = own_words(reading, index, start)
        indicator, score, matched = self.catalogue.match(own, context, mention.unit)
        warnings = self.typical.warnings(indicator, mention.value, mention.unit)
        if kind == "target" and _ABOUT.search(before):
            warnings += (tr("printed as approximate: consider a tolerance"),)
        span = _span(reading, mention, kind)
        every_year = bool(_EVERY_YEAR.match(after) or _EVERY_YEAR_BEFORE.search(before))
        if every_year and span is not None:
            year, year_from = span.year, "sentence"  # "30 – 40%/năm" over 2021–2025: due every year
        over = span is not None and kind == "actual" and year == span.year
        where = sentence.start + mention.start - reading.offset
        return Candidate(
            kind=kind,
            indicator=indicator,
            match=score,
            matched=matched,
            name=name(reading.text[start : mention.start]),
            year=year,
            year_from=year_from,
            op=_op(mention, before) if kind == "target" else None,
            value=mention.value,
            high=mention.high,
            unit=mention.unit,
            printed=mention.printed(reading.text),
            start=where,
            end=where + mention.end - mention.start,
            line=sentence.line,
            sentence=sentence.text,
            region=reading.region,
            estimate=kind == "actual" and bool(_ESTIMATE.search(before[-40:]) or reading.expected_before(index)),
            period=(span.first, span.year) if over and span is not None else None,
            years=(span.first, span.year) if span is not None and kind == "target" and every_year else None,
            warnings=warnings,
            offset=mention.start - reading.offset,
            basis=_basis(before + " " + after[:80]) if over else None,
        )


def _span(reading: Reading, mention: Mention, kind: str) -> YearAt | None:
    """The span of years a figure is given over: written before it in its sentence, or the goals' in force."""
    span = next((y for y in reversed(reading.years) if y.kind == "span" and y.end <= mention.start), None)
    if span is None and kind == "target" and reading.in_force is not None and reading.in_force.span is not None:
        first, last = reading.in_force.span
        span = YearAt(0, 0, last, "span", first)
    return span


def _with_change(candidate: Candidate, mention: Mention, reading: Reading, after: str) -> Candidate:
    """The candidate with the change stated right after it."""
    before = reading.low[max(0, mention.start - 20) : mention.start]
    sign = -1.0 if re.search(r"(?:giảm|down|fell|decreased?|declined?|dropped|thấp hơn|lower)", before) else 1.0
    since = _SINCE.search(after[:60])
    from_year = int(since.group(1) or since.group(2)) if since else (candidate.year or 0) - 1
    unit = {"places": "places", "rank": "places", "pp": "pp"}.get(mention.unit, "%")
    return replace(candidate, change=Change(sign * mention.value, unit, from_year, mention.printed(reading.text)))


def _basis(words_around: str) -> str | None:
    """Whether a figure for a span of years is the total over it or a yearly average, if the words say so."""
    if re.search(r"bình quân|trung bình|hàng năm|mỗi năm|/\s*năm|\baverage\b|\bper year\b|\ba year\b", words_around):
        return "average"
    if re.search(r"\btổng\b|cộng dồn|lũy kế|\btotal\b|\bcumulative\b", words_around):
        return "total"
    return None


def _op(mention: Mention, before: str) -> str:
    if mention.high is not None:
        return "between"
    if mention.unit in ("rank", "group"):
        return "<="
    if _AT_LEAST.search(before):
        return ">="
    if _MORE.search(before):
        return ">"
    if _LESS.search(before):
        return "<"
    if _AT_MOST.search(before):
        return "<="
    return ">="


def extract(raw: str, dataset: Dataset, *, date: str | None = None, region: str = NATIONAL) -> Found:
    """Every candidate figure and target in a report (plain text or HTML), in the order of the text.

    `date` is the report's date: it gives the year of figures whose text names none, and says which
    years are still to come (their figures are targets)."""
    available()
    document = read_document(raw)
    when = timing(date, document.text)
    reader = _Reader(dataset, language(document.text), when, region)
    notes = list(document.notes)
    for sentence in document.sentences:
        if len(reader.found) >= MAX_CANDIDATES:
            notes.append(
                tr(
                    "only the first {count} candidates were read (line {line} onwards was not)",
                    count=MAX_CANDIDATES,
                    line=sentence.line,
                )
            )
            break
        if reader.numbers >= MAX_NUMBERS:
            notes.append(
                tr(
                    "only the first {count} numbers were read (line {line} onwards was not)",
                    count=MAX_NUMBERS,
                    line=sentence.line,
                )
            )
            break
        reader.read(sentence)
    if reader.crowded:
        notes.append(
            tr(
                "{count} sentences held more than {limit} figures: only the first {limit} of each were read",
                count=reader.crowded,
                limit=MAX_FIGURES,
            )
        )
    return Found(reader.found[:MAX_CANDIDATES], tuple(notes))
