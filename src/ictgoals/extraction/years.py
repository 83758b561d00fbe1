"""When a figure is for: years written out, relative years, and the year a report's date implies.

A year is read where the language puts it: right after the figure ("50% năm 2027", "in 2023",
"(năm 2022)", "by 2030", "quý I/2025"), in the figure's own clause before it ("năm 2024 tỷ lệ … đạt",
"the office's 2024 survey"), or in a word that counts from the date ("năm ngoái", "last year",
"năm nay", "within five years"). Never the year of a comparison ("so với năm 2023", "compared to
2023"), of a decision's date, or a vision year when the programme's period ends sooner.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ictgoals.extraction.language import CARDINALS
from ictgoals.i18n import tr
from ictgoals.values import Value

#: Every way a year is written, with what it is: a span, a comparison, a vision, a decision's date, or a year.
_YEARS = re.compile(
    r"(?P<span>\b(?:giai đoạn|thời kỳ|period|từ năm|from)\s*(?:năm\s*)?(?P<a>(?:19|20)\d\d)\s*(?:–|-|—|đến|tới|to)\s*"
    r"(?:năm\s*)?(?P<b>(?:19|20)\d\d)(?!\d))"
    r"|(?P<span2>(?P<c>(?:19|20)\d\d)\s*(?:–|-|—)\s*(?P<d>(?:19|20)\d\d)(?!\d))"
    r"|(?P<cmp>(?:\b(?:so với|compared (?:to|with)|than|vs\.?|since|relative to)\s+[^\d,;.]{0,25}?|"
    r"\bon\s+(?:the same (?:period|time|quarter|month) (?:of|in|last)\s+)?)(?P<e>(?:19|20)\d\d)(?!\d))"
    r"|(?P<vision>\b(?:định hướng|tầm nhìn|vision)[^\d,;.]{0,25}?(?P<f>(?:19|20)\d\d)(?!\d))"
    r"|(?<!\d)(?P<h>(?:19|20)\d\d)(?!\d)"
)
#: The most years of each kind (written, or counted from the date) read from one sentence.
MAX_YEARS = 60
_DOCUMENT = re.compile(
    r"\b(?:nghị quyết|quyết định|chỉ thị|thông tư|nghị định|công văn|kết luận|decision|resolution|directive|decree)"
    r"[^.;]{0,40}$"
)
#: Years that name an event or a document rather than date figures: "hội nghị tổng kết công tác năm 2024".
_EVENT = re.compile(
    r"\b(?:tổng kết|công tác|nhiệm vụ|hội nghị|giao ban|chủ đề|hành động|niên giám|conference|meeting|review|"
    r"action plan|briefing)(?:\s+[\wÀ-ỹ&]+){0,4}\s+(?:năm\s+)?$"
)
#: Numbers of years in words: "two years earlier", "ba năm trước".
_YEARS_BACK = {
    **CARDINALS,
    **{
        word: float(value)
        for value, word in enumerate(["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"], start=1)
    },
}
_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
#: Before a count of years, what makes it the day or month of a date: "tháng 5 năm trước" is May of last year.
_DAY_OF = re.compile(r"\b(?:tháng|quý|ngày)\s+$")
#: Words that count years from the report's date, with how many years: "năm ngoái" (−1), "within five years" (+5),
#: "two years ago" (−2); or from the sentence's own year: "a year earlier", "three years before" (kind "earlier").
_RELATIVE = re.compile(  # each way starts a word: the \b up front spares the other positions
    rf"\b(?:(?P<back>(?P<k>{_COUNT}) (?:years|năm) (?:earlier|before|trước đó)|a decade (?:earlier|before))"
    rf"|(?P<ago>(?P<a>{_COUNT}) years ago|cách đây (?P<c>{_COUNT}) năm|(?P<v>{_COUNT}) năm trước"
    r"|a decade ago|một thập kỷ trước)"
    r"|(?P<last>năm ngoái|last year)|(?P<earlier>năm trước|the previous year|a year earlier|a year ago|the year before)"
    r"|(?P<this>năm nay|this year|đến nay|hiện nay|từ nay|hiện tại|\bnow\b|currently|so far|at present|presently)"
    r"|(?P<next>năm sau|năm tới|next year|the coming year)"
    r"|(?P<decade>(?:over|within|in) the next decade|trong thập kỷ tới)"
    r"|(?:within|in|over) (?:the next )?(?P<n>\w+) years|trong (?P<m>\d{1,2}) năm tới)"
)
_COMPARED = re.compile(r"\b(?:so với|compared (?:to|with)|than|on|from)\s+(?:cùng kỳ\s+|mức\s+|the level of\s+)?$")
_DAY = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/$")
_SAME_TIME = re.compile(r"so với\s+(?:cùng kỳ\s+)?năm\s+$")


@dataclass(frozen=True, eq=False, repr=False)
class YearAt(Value):
    """A year written in a sentence: where, which, and what it is."""

    start: int
    end: int
    year: int
    kind: str  # year, span, date (a day), comparison, vision, document, event, relative, earlier
    first: int = 0  # for a span, its first year


def years_in(low: str, date_year: int | None) -> list[YearAt]:
    """Every year written in a sentence (lower case), explicit or counted from `date_year`, in order: the first
    MAX_YEARS of each kind (no sentence names more; a run of years is not read further)."""
    found: list[YearAt] = []
    for match in itertools.islice(_YEARS.finditer(low), MAX_YEARS):
        if match.group("span") or match.group("span2"):
            first, last = (match.group("a"), match.group("b")) if match.group("span") else match.group("c", "d")
            found.append(YearAt(match.start(), match.end(), int(last), "span", int(first)))
        elif match.group("cmp"):
            found.append(YearAt(match.start(), match.end(), int(match.group("e")), "comparison"))
        elif match.group("vision"):
            found.append(YearAt(match.start(), match.end(), int(match.group("f")), "vision"))
        else:
            found.append(_plain(low, match.start("h"), match.end("h")))
    if date_year is not None:
        found.extend(itertools.islice(_relative(low, date_year), MAX_YEARS))
    return sorted(found, key=lambda y: y.start)


def _plain(low: str, start: int, end: int) -> YearAt:
    before = low[max(0, start - 60) : start]
    year = int(low[start:end])
    if before.endswith("/"):
        if _DAY.search(before):  # a day: a deadline, or a decision's date
            return YearAt(start, end, year, "document" if _DOCUMENT.search(before[:-10]) else "date")
        return YearAt(start, end, year, "year")  # tháng 10/2024, quý I/2025
    if _COMPARED.search(before[-30:]) or _SAME_TIME.search(before[-30:]):
        return YearAt(start, end, year, "comparison")
    if _EVENT.search(before):
        return YearAt(start, end, year, "event")
    return YearAt(start, end, year, "year")


def _back(match: re.Match[str]) -> int:
    """How many years "N years earlier", "N years ago", "cách đây N năm" go back (0 when N is not a number)."""
    count = match.group("k") or match.group("a") or match.group("c") or match.group("v")
    if count is None:
        return 10  # a decade
    return int(count) if count.isdigit() else int(_YEARS_BACK.get(count, 0))


def _shift(match: re.Match[str]) -> int | None:
    """How many years a relative year counts from the date (None when it counts nothing)."""
    if match.group("back") or match.group("ago"):
        return -_back(match) or None
    if match.group("last") or match.group("earlier"):
        return -1
    if match.group("this"):
        return 0
    if match.group("next"):
        return 1
    if match.group("decade"):
        return 10
    count = match.group("n") or match.group("m")
    shift = int(count) if count.isdigit() else int(CARDINALS.get(count, 0))
    return shift if shift > 0 else None


def _relative(low: str, date_year: int) -> Iterator[YearAt]:
    for match in _RELATIVE.finditer(low):
        count = match.group("k") or match.group("v")
        if count is not None and _DAY_OF.search(low, max(0, match.start() - 8), match.start()):
            start = match.start() + len(count) + 1  # "tháng 5 năm trước": the year before, in May
            yield YearAt(start, match.end(), date_year - 1, "earlier")
            continue
        shift = _shift(match)
        if shift is None:
            continue
        before = low[max(0, match.start() - 30) : match.start()]
        # "a year earlier", "two years before": than the sentence's own year
        kind = "earlier" if match.group("earlier") or match.group("back") else "relative"
        if _COMPARED.search(before) or re.search(r"so với\s+(?:cùng kỳ\s+)?$", before):
            kind = "comparison"
        yield YearAt(match.start(), match.end(), date_year + shift, kind)


#: What may stand between a figure and the year after it: "50% năm 2027", "90 per cent of the population by 2027".
_AFTER_GAP = re.compile(r"[^,;.()]{0,60}?$")
_BRACKETED = re.compile(r"\s*\(\s*(?:năm\s+)?$")


def year_after(low: str, end: int, stop: int, found: list[YearAt]) -> YearAt | None:
    """The year that follows a figure ending at `end`, before `stop` (the next figure or the clause's end)."""
    for year in found:
        if year.start < end:
            continue
        if year.start >= stop:
            return None
        gap = low[end : year.start]
        if year.kind in ("comparison", "document", "event", "vision") or not (
            _AFTER_GAP.fullmatch(gap) or _BRACKETED.fullmatch(gap)
        ):
            return None
        return year
    return None


#: An aside about something else, set off by commas: ", launched in two provinces only last year," or ", which
#: was set up in 2019,". Its year dates the aside, not the figures after it.
_ASIDE = re.compile(
    r",\s*(?:which|who|whose|(?:first\s+|only\s+)?(?:launched|introduced|founded|established|set up|built|started|"
    r"begun|began|opened|rolled out|piloted|commerciali[sz]ed|adopted|issued|signed|approved|merged|formed|created)|"
    r"ra mắt|thành lập|khai trương|ban hành|sáp nhập|hợp nhất)\b[^,;.]*$"
)


def in_aside(low: str, year: YearAt) -> bool:
    """Whether `year` is in an aside opened by a comma (", launched … last year"): it dates what follows the aside's
    closing comma only if nothing else does."""
    return _ASIDE.search(low, max(0, year.start - 80), year.start) is not None


def year_before(start: int, found: list[YearAt]) -> YearAt | None:
    """The nearest year written before a figure at `start` in its sentence that dates it (not a comparison)."""
    spans = any(y.kind == "span" for y in found)
    kinds: tuple[str, ...] = ("year", "span", "relative", "earlier", "date")
    kinds = kinds if spans else (*kinds, "vision")
    usable = [y for y in found if y.end <= start and y.kind in kinds]
    return usable[-1] if usable else None


def sentence_deadline(low: str, found: list[YearAt]) -> YearAt | None:
    """The last deadline a sentence names ("… vào năm 2027"): the year of its goals that have none of their own."""
    spans = any(y.kind == "span" for y in found)
    kinds = ("year", "date") if spans else ("year", "date", "vision")
    deadlines = [y for y in found if y.kind in kinds and deadline(low, y)]
    return deadlines[-1] if deadlines else None


#: What may stand between the start of a clause and a year that dates the clause: "Năm 2024, …",
#: "Theo báo cáo, năm 2024 …", "Tính đến cuối năm 2023, …", "In 2023, …", "For 2025, …", "Last year …".
_OPENS = re.compile(
    r"(?:^|[,:;–—(]\s*)(?:(?:trong|tính đến|tính tới|đến|tới|vào|riêng|cũng trong|trong cả|cả|sang|định hướng đến|"
    r"định hướng tới|tầm nhìn đến|in|by|for|"
    r"during|as of|at the end of|through|until|over|since|so far in|from)\s+)*"
    r"(?:(?:hết|cuối|đầu|giữa|the end of|the first half of|the first quarter of|the first \w+ months of)\s+)?"
    r"(?:năm\s+|the year\s+|quý\s+[ivx\d]+\s*/\s*|tháng\s+\d{1,2}\s*/\s*)?$"
)
_DEADLINE = re.compile(r"\b(?:đến|tới|by|vào|until|trước|là|to)\s+(?:(?:hết|cuối|the end of)\s+)?(?:năm\s+)?$")


def opens_clause(low: str, year: YearAt) -> bool:
    """Whether `year` opens its clause ("Năm 2024, …", "…, năm 2023 tổng doanh thu …"): it dates what follows."""
    return _OPENS.search(low, max(0, year.start - 60), year.start) is not None


def deadline(low: str, year: YearAt) -> bool:
    """Whether `year` is a deadline ("đến năm 2027", "by 2030", "mốc hoàn thành là năm 2030")."""
    return _DEADLINE.search(low, max(0, year.start - 30), year.start) is not None


@dataclass(frozen=True, eq=False, repr=False)
class Timing(Value):
    """What a report's date says: its calendar year, the year it reports on, and the year its goals are for."""

    date_year: int | None  # the calendar year of the date (năm nay, this year)
    reviewed: int | None  # the year a figure with no year of its own is for
    goal_year: int | None  # the year a goal with no year of its own is for


_BRIEFING = re.compile(
    r"giao ban|bản tin|họp báo|tháng\s+\d{1,2}(?!\s*/\s*(?:19|20)\d\d\b)(?!\d)|quý\s+[ivx\d]+|lũy kế|\d+ tháng đầu năm|"
    r"briefing|monthly|quarterly|first (?:half|quarter|\w+ months)|in (?:january|february|march|april|may|june)\b"
)
_ANNUAL = re.compile(r"tổng kết|annual review|year-end|năm ngoái|năm qua|last year|the past year")


def timing(date: str | None, text: str) -> Timing:
    """The years a report dated `date` (YYYY, YYYY-MM or YYYY-MM-DD) is about.

    A review held in the second half of a year is of that year. One held in January–June is of the year
    before when it reads as an annual review (tổng kết, annual review, last year, or the year before named
    first); a monthly or quarterly briefing is of its own year."""
    if not date:
        return Timing(None, None, None)
    match = re.match(r"((?:19|20)\d\d)(?:-(\d\d))?", date)
    if match is None:
        raise ValueError(tr("--date {date}: give it as YYYY-MM-DD, YYYY-MM or YYYY", date=date))
    year, month = int(match.group(1)), int(match.group(2) or 12)
    head = text[:3000].casefold()
    briefing = _BRIEFING.search(head) is not None and not re.search(r"tổng kết|annual review|year-end", head)
    if month >= 7:
        return Timing(year, year, year if briefing else year + 1)
    named = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", head)
    previous = _ANNUAL.search(head) is not None or (named is not None and int(named.group()) == year - 1)
    return Timing(year, year - 1, year) if previous and not briefing else Timing(year, year, year)
