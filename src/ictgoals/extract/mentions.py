"""Figures in a sentence: a number with the scale, currency, percent sign, rank word or noun that makes it one.

A number alone is never a figure: dates (29/12), years, decision numbers (749/QĐ-TTg, 57-NQ/TW),
phone numbers and counts of people honoured ("102 tập thể") are left out. Values come out in the
units of our data: %, rank, group, VND bn, USD bn, count, per 100 people, Mbps, MW; and `pp`,
`places`, `times` for what can only be a change. Each number is judged by the words in a window
of WINDOW characters around it, so a sentence costs what its numbers cost, whatever its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ictgoals.extract.language import CARDINALS, ORDINALS, word_number
from ictgoals.extract.nouns import DENOMINATOR, FUNCTION_WORDS, counted, first_words, structure
from ictgoals.numbers import SCALES, Convention, readings

#: How far before and after a number its words are read.
WINDOW = 100
#: The most figures read from one sentence.
MAX_FIGURES = 40


@dataclass(frozen=True)
class Mention:
    """One figure in a sentence: where it is (sentence offsets), what it reads as, and in which unit."""

    start: int
    end: int
    value: float
    unit: str  # %, rank, group, VND bn, USD bn, count, per 100 people, Mbps, MW; pp, places, times for changes
    high: float | None = None  # for a range "30 – 40%"
    noun: str = ""  # what a count counts, in lower case

    def printed(self, sentence: str) -> str:
        return sentence[self.start : self.end]


def lowered(text: str) -> str:
    """`text` in lower case, letter for letter (so offsets stay the same)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_NUMBER = re.compile(r"(?<![\d.,/])(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)")
_SCALE_WORDS = sorted([*SCALES, ("bn", 1e9)], key=lambda pair: len(pair[0]), reverse=True)
_SCALE = re.compile(r"\s*(" + "|".join(re.escape(word) for word, _ in _SCALE_WORDS) + r")\b")
_FACTOR = dict(_SCALE_WORDS)
_PERCENT = re.compile(r"\s*(?:%|phần trăm\b|per\s?cent\b|percent\b|pct\b)")
_POINTS = re.compile(r"\s*(?:percentage points?|điểm phần trăm|điểm %|pp\b|points?\b)")
_PER_HUNDRED = re.compile(
    r"[^.;,\d]{0,40}?/\s*100\s*(?:dân|người)|\s*(?:per|trên)\s+100\s+(?:people|inhabitants|residents|dân|người)"
)
_CURRENCY_AFTER = (
    (re.compile(r"\s*(?:đồng|vnđ|vnd|đ)(?!\w)"), "VND"),
    (re.compile(r"\s*(?:usd|us\$|đô-la mỹ|đô la mỹ|đô-la|đô la|đôla|us dollars?|dollars?)(?!\w)"), "USD"),
)
_CURRENCY_BEFORE = re.compile(r"(us\$|usd|vnd|vnđ|\$)\s*$")
_SPEED = re.compile(r"\s*(mbps|mbit/s|gbps|kbps)\b")
_POWER = re.compile(r"\s*(mw|gw)\b")
_TIMES = re.compile(r"\s*(?:lần|times)\b")
_TIMES_BEFORE = re.compile(
    r"\b(?:gấp|tăng|giảm|up|grew|rose)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+|about\s+|nearly\s+)?$"
)
_PLACES = re.compile(r"\s+(?:bậc|hạng|places?|positions?|spots?|notches?)\b")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
_RANK_BEFORE = re.compile(
    r"(?:\b(?:xếp\s+(?:hạng\s+)?(?:ở\s+)?(?:vị trí\s+)?(?:thứ\s+)?|đứng\s+(?:ở\s+)?(?:vị trí\s+)?(?:thứ\s+)?|"
    r"thứ\s+hạng\s+|"
    r"hạng\s+|thứ\s+|top\s+|tốp\s+|vị trí\s+(?:thứ\s+)?|ranked\s+|ranking\s+|rank\s+|no\.\s*)|#)"
    r"(?:khoảng\s+|gần\s+|around\s+|about\s+)?$"
)
_RANK_VERB = re.compile(
    r"\b(?:rank(?:ed|ing|s)?|plac(?:ed|ing|es)|came|stood|finished|position(?:ed)?|climbed to|rose to|fell to|moved to)"
    r"(?:\s+(?:the country|it|việt nam|vietnam|the city|the province))?\s+$"
)
_ORDINAL_NOT_RANK = re.compile(r"\b(?:lần|khóa|kỳ|phiên|ngày|tháng|năm|quý|đợt|mùa|số|tuần|thế hệ|giải)\s+thứ\s*$")
_GROUP_BEFORE = re.compile(r"nhóm\s+$")  # "nhóm 08" (a level); "nhóm 10 quốc gia" is a rank
_AMONG = re.compile(r"\s+(?:quốc gia|nước|tỉnh|thành phố|địa phương|nền kinh tế|doanh nghiệp|countries|economies)")
_LEVEL_BEFORE = re.compile(r"\b(?:mức độ|mức|cấp độ|level|tier|giai đoạn|phase|version|phiên bản)[\s-]*$")
_REFERENCE_AFTER = re.compile(r"[-/]?\s*[A-ZĐ]{1,6}[-/]|/\d{1,2}/\d{2,4}|:\d")
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:nghị quyết|quyết định|chỉ thị|thông tư|nghị định|công văn|luật|thông báo|kết luận|giấy phép|decision|"
    r"resolution|directive|decree|circular|licen[cs]e|law|no\.)\s*(?:số\s*|no\.?\s*)?$|"
    r"(?:số hiệu|mã số|điện thoại|tổng đài|hotline|đường dây nóng|đầu số|tin nhắn|fax|tel|phone|call|gọi|liên hệ|"
    r"địa chỉ|address)[^\d]{0,12}$"
)
_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
    r"jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+$"
)
_DATE_WORD = re.compile(r"\b(?:tháng|ngày|quý|năm|hôm|sáng|chiều|tối|trưa|đêm)\s*$")
_DAY_BEFORE = re.compile(r"\b(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|từ|đến|tới|trước|sau|vào|tháng|since|on|by|until)\s*$")
_YEARISH = re.compile(r"(?:19|20)\d\d")
_MEASURED_AFTER = re.compile(r"\s*(?:%|phần trăm|per\s?cent|percent|mbps|gbps|mw|gw)\b")
_RATIO = re.compile(r"\s*/\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?![\d/])")
_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:its|the|their|all)\s+)?(?:(\d[\d.,]*)|(?:them|those|which)\b)")
_RANGE = re.compile(r"\s*%?\s*(?:–|-|—|đến|tới|to|and|và)\s*(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)")
_RANGE_OPEN = re.compile(r"\b(?:từ|between|giữa)\s+(?:khoảng\s+)?$")
_NOUN = re.compile(r"\s+((?:\d+[^\W\d_]\w*|[^\W\d_][\w-]*)(?:\s+(?:\d+[^\W\d_]\w*|[^\W\d_][\w-]*)){0,2})")
_NOT_NOUN_AFTER = re.compile(r"\s*(?:[.,;:)!?\"”]|$)")
_BARE_SUBJECT = re.compile(r"\b(?:number of|số lượng|tổng số|con số)\b")
_REACHING = re.compile(
    r"\b(?:rose to|reached|reach|to|totall?ed|stood at|hit|đạt|là|lên|lên tới|lên đến)\s+"
    r"(?:khoảng\s+|about\s+|around\s+|nearly\s+|some\s+|almost\s+|over\s+|more than\s+|hơn\s+|gần\s+)?$"
)
_MONEY_SUBJECT = re.compile(
    r"doanh thu|doanh số|vốn|giá trị|kim ngạch|ngân sách|đầu tư|lợi nhuận|nộp|chi phí|"
    r"revenue|sales|investment|turnover|export|budget|value|worth|spending|profit|earned"
)
#: A floor on an attribute that defines what an earlier count counts: "14 sàn … có doanh thu trên 1.000 tỷ đồng".
_ATTRIBUTE_FLOOR = re.compile(
    r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d[^,;.]{0,80}?\s(?:có|với|with|having|whose)\s+[^,;.\d]{0,40}?"
    r"\b(?:trên|dưới|từ|hơn|tối thiểu|ít nhất|"
    r"không dưới|over|above|below|under|more than|less than|at least|exceeding|of)\s+$"
)
_COMPARATOR = re.compile(
    r"\b(?:trên|dưới|từ|hơn|tối thiểu|ít nhất|không dưới|over|above|below|under|than|least|exceeding|of)\s+$"
)
_PHONE_AFTER = re.compile(r"[ .]\d{3,4}\b")
_PHONE_BEFORE = re.compile(r"\d[ .]$")


def _reference(sentence: str, before: str, after: str, token: str, end: int) -> bool:
    """A date, a time, a document or phone number: never a figure. `before` is the last 40 characters."""
    if _REFERENCE_AFTER.match(sentence, end) or _DOCUMENT_BEFORE.search(before) or _MONTH.search(before):
        return True
    digits = token.replace(".", "").replace(",", "")
    plain = digits == token
    if plain and ((token.startswith("0") and len(token) > 2) or len(token) >= 8):
        return True  # 024, 18008108 (but "05 hệ thống", "nhóm 08" are numbers)
    if plain and ((_PHONE_AFTER.match(after) and len(token) >= 3) or _PHONE_BEFORE.search(before)):
        return True
    if before.endswith(":") or re.search(r"\d:$", before):
        return True  # 16:05
    return _DATE_WORD.search(before) is not None and plain and int(token) <= 31


def _scale(after: str) -> tuple[float, int]:
    match = _SCALE.match(after)
    return (1.0, 0) if match is None else (_FACTOR[match.group(1)], match.end())


def _value(token: str, written: Convention) -> float | None:
    try:
        return readings(token, written)[0]
    except ValueError:
        return None


def _measure(tail: str, before: str) -> tuple[str, float, int] | None:
    """The unit that follows a number (or a currency before it): (unit, factor, characters used)."""
    for pattern, unit, factor in (
        (_PERCENT, "%", 1.0),
        (_POINTS, "pp", 1.0),
        (_PER_HUNDRED, "per 100 people", 1.0),
        (_CURRENCY_AFTER[0][0], "VND bn", 1e-9),
        (_CURRENCY_AFTER[1][0], "USD bn", 1e-9),
    ):
        if (match := pattern.match(tail)) is not None:
            return unit, factor, match.end()
    if (match := _SPEED.match(tail)) is not None:
        return "Mbps", {"gbps": 1000.0, "kbps": 0.001}.get(match.group(1), 1.0), match.end()
    if (match := _POWER.match(tail)) is not None:
        return "MW", 1000.0 if match.group(1) == "gw" else 1.0, match.end()
    if (prefix := _CURRENCY_BEFORE.search(before)) is not None:
        return ("VND bn" if prefix.group(1) in ("vnd", "vnđ") else "USD bn"), 1e-9, -len(prefix.group())
    if _TIMES.match(tail) and _TIMES_BEFORE.search(before):
        return "times", 1.0, _TIMES.match(tail).end()  # type: ignore[union-attr]
    return None


@dataclass
class _At:
    """One number being read: the sentence, its lower case, where the number is, and the words around it."""

    sentence: str
    low: str
    start: int
    end: int
    token: str
    value: float
    written: Convention

    @property
    def before(self) -> str:
        return self.low[max(0, self.start - WINDOW) : self.start]

    @property
    def after(self) -> str:
        return self.low[self.end : self.end + WINDOW]


def _noun(at: _At, offset: int) -> tuple[str, int] | None:
    """The words after `offset` that a number there may count (lower case), and where its first two end."""
    match = _NOUN.match(at.sentence, offset, offset + WINDOW)
    if match is None:
        return None
    words = list(re.finditer(r"\S+", match.group(1)))
    second = len(words) > 1 and words[1].group().casefold() not in FUNCTION_WORDS
    return at.low[match.start(1) : match.end(1)], match.start(1) + words[1 if second else 0].end()


def _count(at: _At, scale: float, used: int) -> Mention | None:
    """A count: the number (with its scale word) before a noun worth counting, or after "the number of … reached"."""
    value = at.value * scale
    if abs(value - round(value)) > 1e-6 * max(1.0, value):
        return None  # counts are whole: "2,05 triệu" is 2,050,000
    value = float(round(value))
    finish = at.end + used
    noun = _noun(at, finish)
    if noun is not None and (not first_words(noun[0]) or structure(noun[0])):
        words, noun_end = noun
        if counted(words, at.before, at.low[noun_end : noun_end + WINDOW]):
            return Mention(at.start, noun_end, value, "count", noun=words)
        return None
    before = at.before
    if scale != 1.0 and _MONEY_SUBJECT.search(before[-60:]):
        if at.written is Convention.VIETNAMESE:
            return Mention(at.start, finish, value / 1e9, "VND bn")  # "vốn … đạt 250 tỷ": đồng go without saying
        return None
    if scale != 1.0 or (_BARE_SUBJECT.search(before) and _REACHING.search(before)):
        return Mention(at.start, finish, value, "count")  # "thuê bao … đạt 24,9 triệu", "rose to 74,200"
    return None


def _rank(at: _At) -> Mention | None:
    """A rank or a level: "thứ 17", "top 50", "tốp 3", "nhóm 08", "ranked 17th", "19th out of 105"."""
    before, after = at.before, at.after
    if at.value != int(at.value):
        return None
    ordinal = _ORDINAL.match(after)
    if _GROUP_BEFORE.search(before):
        unit = "rank" if _AMONG.match(after) else "group"
        return Mention(at.start - len(_GROUP_BEFORE.search(before).group()), at.end, at.value, unit)  # type: ignore[union-attr]
    rank = _RANK_BEFORE.search(before)
    if rank is not None and not _ORDINAL_NOT_RANK.search(before):
        end = at.end + (ordinal.end() if ordinal else 0)
        return Mention(at.start - len(rank.group()), end, at.value, "rank")
    if ordinal is not None and (
        _RANK_VERB.search(before) or re.match(r"\s+(?:out of|of)\s+\d", after[ordinal.end() :])
    ):
        return Mention(at.start, at.end + ordinal.end(), at.value, "rank")
    return None


def _ratio(at: _At) -> tuple[Mention | None, int] | None:
    """ "thứ 27/194 quốc gia" (rank 27), "18/20 chỉ tiêu" (18 of them), or a date (29/12): None if no slash follows."""
    ratio = _RATIO.match(at.sentence, at.end)
    if ratio is None:
        return None
    skip = ratio.end()
    whole = at.value == int(at.value)
    denominator = _value(ratio.group(1), at.written) or 0.0
    date = _DAY_BEFORE.search(at.before) or (denominator <= 12 and at.value <= 31 and _noun(at, skip) is None)
    if date or not whole or denominator < at.value:
        return None, skip
    rank = _rank(at)
    if rank is not None:
        return rank, skip
    noun = _noun(at, skip)
    if noun is not None and counted(noun[0], at.before, at.low[noun[1] : noun[1] + WINDOW]):
        return Mention(at.start, at.end, at.value, "count", noun=noun[0]), skip
    return None, skip


def _of(at: _At) -> tuple[Mention, int] | None:
    """ "10 of its 12 key targets", "97 of them": a count of the first, the second a denominator."""
    match = _OF.match(at.after)
    if match is None or at.value != int(at.value) or _PERCENT.match(at.after):
        return None
    skip = at.end + match.end()
    if match.group(1) is not None:
        total = _value(match.group(1), at.written)
        noun = _noun(at, skip)
        if total is None or total < at.value or noun is None:
            return None
        if first_words(noun[0]) and not structure(noun[0]):
            return None  # "3 of the 5 years": a span of time, not a count ("6 of its 9 targets" is)
    return Mention(at.start, at.end, at.value, "count"), skip


def _range_high(at: _At) -> tuple[float, int] | None:
    """The upper end of a range ("30 – 40%", "từ 5.000 đến 6.000 kỹ sư", "between 2 and 3 per cent")."""
    match = _RANGE.match(at.after)
    if match is None:
        return None
    word = match.group().strip().lstrip("%").strip()[:1]
    if word in ("a", "v") and not re.search(r"(?:between|giữa)\s+$", at.before):
        return None
    if word in ("đ", "t") and not _RANGE_OPEN.search(at.before):
        return None
    high = _value(match.group(1), at.written)
    if high is None or high <= at.value or _YEARISH.fullmatch(match.group(1)):
        return None
    return high, match.end()


def _read(at: _At) -> tuple[Mention | None, int]:
    """The figure a number makes, and how far the words it used reach (a denominator, a range's end)."""
    if (ratio := _ratio(at)) is not None:
        return ratio
    if (of := _of(at)) is not None:
        return of
    glued = at.start > 0 and (at.sentence[at.start - 1].isalpha() or at.sentence[at.start - 1 : at.start] == "-")
    high, end = None, at.end
    if (ranged := _range_high(at)) is not None:
        high, end = ranged[0], at.end + ranged[1]
    tail_start = end
    scale, used = _scale(at.low[tail_start : tail_start + WINDOW])
    tail = at.low[tail_start + used : tail_start + used + WINDOW]
    measured = _measure(tail, at.before)
    if measured is not None:
        unit, factor, length = measured
        if unit in ("VND bn", "USD bn"):
            start, finish = (
                (at.start + length, tail_start + used) if length < 0 else (at.start, tail_start + used + length)
            )
            money = (high * scale / 1e9) if high is not None else None
            return Mention(start, finish, at.value * scale / 1e9, unit, money), finish
        if scale != 1.0:
            return None, at.end
        finish = tail_start + length
        return Mention(at.start, finish, at.value * factor, unit, None if high is None else high * factor), finish
    if not glued and scale == 1.0 and _ORDINAL.match(at.after) and (rank := _rank(at)) is not None:
        return rank, rank.end  # "ranked 17th", "19th out of 105"
    if glued or at.sentence[at.end : at.end + 1].isalpha() or _LEVEL_BEFORE.search(at.before):
        return None, at.end  # "IPv6", "COVID-19", "5G", "mức độ 4": glued or a level, never a count
    if high is None:
        return _single(at, scale, used)
    upper = _count(_At(at.sentence, at.low, at.start, end, at.token, high, at.written), scale, used)
    if upper is None:
        return None, end
    return Mention(at.start, upper.end, at.value * scale, "count", upper.value, upper.noun), upper.end


def _single(at: _At, scale: float, used: int) -> tuple[Mention | None, int]:
    """A number with no unit of measure: a rank, a change of places, or a count."""
    if scale == 1.0:
        if (rank := _rank(at)) is not None:
            return rank, rank.end
        places = _PLACES.match(at.after) or (
            re.match(r"\s+nhóm\b", at.after) if re.search(r"(?:tăng|giảm)\s+$", at.before) else None
        )
        if places is not None:
            return Mention(at.start, at.end + places.end(), at.value, "places"), at.end + places.end()
        if re.search(r"(?:trên|/|per)\s*$", at.before) and re.match(r"\s+(?:dân|người|people|inhabitants)\b", at.after):
            return None, at.end  # "thuê bao trên 100 dân": the denominator of a rate
        if DENOMINATOR.search(at.before) or _YEARISH.fullmatch(at.token) or re.search(r"thứ\s*$", at.before):
            return None, at.end  # a denominator, a year, an ordinal ("năm thứ 4")
    mention = _count(at, scale, used)
    return mention, at.end if mention is None else mention.end


_WORD_PERCENT = re.compile(
    r"\b((?:a\s+)?(?:"
    + "|".join(CARDINALS)
    + r")(?:[\s-](?:"
    + "|".join(CARDINALS)
    + r"))*)\s+(?:per\s?cent|percent)\b"
)
_WORD_ORDINAL = re.compile(
    r"\b(?:rank(?:ed|ing)?|plac(?:ed|ing)|came|finished|stood)(?:\s+(?:the country|it|việt nam|vietnam))?\s+("
    + "|".join(ORDINALS)
    + r")\b"
)
_WORD_TIMES = re.compile(r"\b(" + "|".join(CARDINALS) + r")\s+times\b")


def _word_numbers(low: str) -> list[Mention]:
    """English numbers in words: "ninety per cent", "placed fifth", "three times" (a change)."""
    found: list[Mention] = []
    for match in _WORD_PERCENT.finditer(low):
        value = word_number(match.group(1))
        if value is not None:
            found.append(Mention(match.start(1), match.end(), value, "%"))
    for match in _WORD_ORDINAL.finditer(low):
        found.append(Mention(match.start(1), match.end(1), float(ORDINALS[match.group(1)]), "rank"))
    for match in _WORD_TIMES.finditer(low):
        found.append(Mention(match.start(1), match.end(), float(CARDINALS[match.group(1)]), "times"))
    return found


def cell_count(text: str, offset: int, written: Convention) -> Mention | None:
    """A table cell that holds only a whole number (from `offset` in `text`): a count its row label names."""
    match = re.fullmatch(r"\s*(\d{1,3}(?:[.,]\d{3})+|\d+)\s*", text[offset:])
    value = None if match is None else _value(match.group(1), written)
    if match is None or value is None or value != int(value) or _YEARISH.fullmatch(match.group(1)):
        return None
    return Mention(offset + match.start(1), offset + match.end(1), value, "count")


def mentions(sentence: str, written: Convention, limit: int = MAX_FIGURES) -> list[Mention]:
    """Every figure in `sentence`, in order: at most `limit` of them."""
    low = lowered(sentence)
    found: list[Mention] = []
    reached = 0
    for match in _NUMBER.finditer(sentence):
        start, end = match.span(1)
        token = match.group(1)
        if start < reached or (_YEARISH.fullmatch(token) and not _MEASURED_AFTER.match(low, end)):
            continue  # a year, the second number of a range, or a denominator already read
        before, after = low[max(0, start - 40) : start], low[end : end + WINDOW]
        value = _value(token, written)
        if value is None or _reference(sentence, before, after, token, end):
            continue
        if _COMPARATOR.search(before) and _ATTRIBUTE_FLOOR.search(low, max(0, start - WINDOW), start):
            continue
        mention, reached = _read(_At(sentence, low, start, end, token, value, written))
        if mention is not None:
            found.append(mention)
            if len(found) >= limit:
                break
    if written is Convention.ENGLISH and len(found) < limit:
        taken = [(m.start, m.end) for m in found]
        extra = [m for m in _word_numbers(low) if not any(s < m.end and m.start < e for s, e in taken)]
        found = sorted(found + extra, key=lambda m: m.start)[:limit]
    return found
