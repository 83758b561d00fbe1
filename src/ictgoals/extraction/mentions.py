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

from ictgoals.extraction.language import CARDINALS, ORDINALS, word_number
from ictgoals.extraction.nouns import DENOMINATOR, FUNCTION_WORDS, counted, first_words, structure
from ictgoals.numbers import SCALES, Convention, readings
from ictgoals.values import Value

#: How far before and after a number its words are read.
WINDOW = 100
#: The most figures read from one sentence.
MAX_FIGURES = 40


@dataclass(frozen=True, eq=False, repr=False)
class Mention(Value):
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
    r"\b(?:rank(?:ed|ing|s)?|plac(?:ed|ing|es)|came|stood|finished|position(?:ed)?|climbed to|rose to|fell to|moved to|"
    r"put|puts|putting|leaving|leaves|left|keeping|keeps|kept|bringing|brings|brought|lifting|lifted|pushing|pushed|"
    r"(?:improved|moved|slipped|dropped|climbed|jumped|rose|fell|advanced|up|down)\s+\d+\s+(?:places?|spots?|positions?|"
    r"notches?)\s+to)"
    r"(?:\s+(?:the country|it|việt nam|vietnam|the city|the province))?(?:\s+(?:in at|in|at))?\s+$"
)
#: Where an ordinal stands in a ranking: "39th globally", "19th out of 105", "fifth in ASEAN".
_RANKING_AFTER = re.compile(
    r"\s+(?:(?:out of|of|among)\s+(?:the\s+)?\d|globally\b|worldwide\b|in the world\b|"
    r"in (?:asia|asean|south-?east asia|southeast asia|the region|the asia-pacific)\b|regionally\b)"
)
#: After "No. 1", what makes it a place in a ranking rather than a document's number.
_NO_RANK_AFTER = re.compile(r"\s+(?:position|spot|place|rank|ranking|in|among|globally|worldwide)\b")
_ORDINAL_NOT_RANK = re.compile(r"\b(?:lần|khóa|kỳ|phiên|ngày|tháng|năm|quý|đợt|mùa|số|tuần|thế hệ|giải)\s+thứ\s*$")
_GROUP_BEFORE = re.compile(r"nhóm\s+$")  # "nhóm 08" (a level); "nhóm 10 quốc gia" is a rank
_AMONG = re.compile(r"\s+(?:quốc gia|nước|tỉnh|thành phố|địa phương|nền kinh tế|doanh nghiệp|countries|economies)")
_LEVEL_BEFORE = re.compile(r"\b(?:mức độ|mức|cấp độ|level|tier|giai đoạn|phase|version|phiên bản)[\s-]*$")
_REFERENCE_AFTER = re.compile(r"[-/]?\s*[A-ZĐ]{1,6}[-/]|/\d{1,2}/\d{2,4}|:\d")
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:nghị quyết|quyết định|chỉ thị|thông tư|nghị định|công văn|luật|thông báo|kết luận|giấy phép|decision|"
    r"resolution|directive|decree|circular|licen[cs]e|law|no\.)\s*(?:số\s*|no\.?\s*)?$|"
    r"(?:số hiệu|mã số|tổng đài|hotline|đường dây nóng|đầu số|tin nhắn|fax|tel|call|gọi|liên hệ|"
    r"địa chỉ|address)[^\d]{0,12}$|"
    r"(?:điện thoại|phone)[\s:(+]*(?:số\s*)?[\s:(+]*$"
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
#: "all 80 of its communes": every one of them, counted.
_ALL_OF = re.compile(r"\s+of\s+(?:its|the|their|our)\s+(?=[^\W\d_])")
_RANGE = re.compile(r"\s*%?\s*(?:–|-|—|đến|tới|to|and|và)\s*(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)")
_RANGE_OPEN = re.compile(r"\b(?:từ|between|giữa)\s+(?:khoảng\s+)?$")
_NOUN = re.compile(r"\s+((?:\d+[^\W\d_]\w*|[^\W\d_][\w-]*)(?:\s+(?:\d+[^\W\d_]\w*|[^\W\d_][\w-]*)){0,2})")
_NOT_NOUN_AFTER = re.compile(r"\s*(?:[.,;:)!?\"”]|$)")
_BARE_SUBJECT = re.compile(r"\b(?:number of|the number|the total|the tally|số lượng|tổng số|con số)\b")
_REACHING = re.compile(
    r"\b(?:rose to|reached|reach|to|totall?ed|stood at|hit|đạt|là|lên|lên tới|lên đến)\s+"
    r"(?:khoảng\s+|about\s+|around\s+|nearly\s+|some\s+|almost\s+|over\s+|more than\s+|hơn\s+|gần\s+)?$"
)
#: A verb that gives a level, before a grouped number with no noun: "firms now number around 74,000".
_LEVEL_VERB = re.compile(
    r"\b(?:numbers?|numbered|totall?ed|totals?|stood at|stands at|reached|reaches|rose to|climbed to|grew to|"
    r"increased to|fell to|dropped to|declined to|down to|came to|amounted to|đạt|là|lên|lên tới|lên đến|còn|xuống)\s+"
    r"(?:khoảng\s+|about\s+|around\s+|nearly\s+|some\s+|almost\s+|over\s+|more than\s+|roughly\s+|hơn\s+|gần\s+|"
    r"trên\s+)?$"
)
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
#: "of which nearly 2,000 were founded", "trong đó 800 đã hoàn thành": a count of the noun named before.
_OF_WHICH = re.compile(
    r"\b(?:of which|of them|of these|among them|among which|trong đó|trong số đó|trong số này)\s+"
    r"(?:khoảng\s+|about\s+|around\s+|nearly\s+|some\s+|almost\s+|over\s+|more than\s+|hơn\s+|gần\s+)?$"
)
_VERB_AFTER = re.compile(r"\s+(?:were|are|was|is|have|has|had|đã|được|đang)\b")
#: A list item or a fact box: "Public Wi-Fi hotspots: 3,400", "Số hồ sơ tiếp nhận: 412.530".
_LABELLED = re.compile(
    r"\s*(?:[-–•+*▪●○◦]\s*)?[^\W\d_][^:]{1,80}(?<!\d):\s*"
    r"(?:over|about|around|nearly|more than|some|almost|hơn|gần|khoảng|trên)?\s*"
)
_NOT_LABEL = re.compile(
    r"\b(?:tel|phone|fax|hotline|điện thoại|đường dây nóng|tổng đài|email|address|địa chỉ|ngày|date|time|"
    r"thời gian|giờ|năm|year|licen[cs]e|giấy phép|mã|code|số hiệu|no|website|trang|page|tác giả|author|ảnh|photo|"
    r"lượt xem|views?|bình luận|comments?|chia sẻ|shares?|likes?|thích|bước|step|điều|article|phụ lục|annex)\b"
)
_ENDS = re.compile(r"\s*[.;]?\s*$")
_MONEY_SUBJECT = re.compile(
    r"doanh thu|doanh số|vốn|giá trị|kim ngạch|ngân sách|đầu tư|lợi nhuận|nộp|chi phí|"
    r"revenue|sales|investment|turnover|export|budget|value|worth|spending|profit|earned"
)
#: A floor on an attribute that defines what an earlier count counts: "14 sàn … có doanh thu trên 1.000 tỷ đồng".
_ATTRIBUTE_FLOOR = re.compile(
    r"(?:(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d(?:[\d.,]*\d)?|\b(?:two|three|four|five|six|seven|eight|nine|ten)\b)"
    r"[^,;.]{0,80}?\s(?:có|với|with|having|whose|earning|making|generating|valued at|worth|employing|"
    r"turning over)\s+[^,;.\d]{0,40}?"
    r"\b(?:trên|dưới|từ|hơn|tối thiểu|ít nhất|"
    r"không dưới|over|above|below|under|more than|less than|at least|exceeding|of)\s+(?:us\$|usd|vnd|vnđ|\$)?$"
)
_COMPARATOR = re.compile(
    r"\b(?:trên|dưới|từ|hơn|tối thiểu|ít nhất|không dưới|over|above|below|under|than|least|exceeding|of)\s+"
    r"(?:us\$|usd|vnd|vnđ|\$)?$"
)
#: A sum is not a floor: "33 data centres with a combined capacity of 45 MW".
_AGGREGATE = re.compile(r"\b(?:combined|total|tổng|cumulative|aggregate|overall)\b")
#: What a plan will cost, or is given to spend, is not a measure of progress: "Kinh phí thực hiện Đề án dự kiến
#: khoảng 1.500 tỷ đồng", "the programme's budget of VNĐ900 billion".
_PLAN_MEANS = re.compile(
    r"(?:\bkinh phí (?:để )?thực hiện|\b(?:budget|funding|financing|cost)\s+(?:of|for)\s+(?:the|this)\s+"
    r"(?:programme|program|plan|project|strategy|scheme)|\b(?:programme|program|plan|project|strategy|scheme)'s\s+"
    r"(?:budget|funding|cost))[^.;]*$"
)
#: An amount converted in brackets right after another: "VND100 million ($3,930)" is what the first one is.
_CONVERSION = re.compile(r"\d[\d.,]*\s*(?:[^\W\d_]+\s*){0,2}\(\s*(?:us\$|usd|vnd|vnđ|\$|~|≈|about|khoảng)?\s*")
_PHONE_AFTER = re.compile(r"[ .]\d{3,4}\b")
_PHONE_BEFORE = re.compile(r"\d[ .]$")


def _document(before: str, after: str) -> bool:
    """Whether the words before a number make it a document's or a phone number ("Quyết định số 749", "No. 15"),
    and not a place in a ranking ("No. 1 in ASEAN")."""
    document = _DOCUMENT_BEFORE.search(before)
    return document is not None and not (document.group().startswith("no.") and _NO_RANK_AFTER.match(after))


def _reference(sentence: str, before: str, after: str, token: str, end: int) -> bool:
    """A date, a time, a document or phone number: never a figure. `before` is the last 40 characters."""
    if _REFERENCE_AFTER.match(sentence, end) or _document(before, after) or _MONTH.search(before):
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


#: "8.7m users", "$40mn": million written as a letter glued to the number, in English (never "5m-high", "20m²";
#: in Vietnamese "5m" is metres).
_GLUED_MILLION = re.compile(r"mn?(?![\w²³-])")


def _scale(after: str, written: Convention) -> tuple[float, int]:
    if written is Convention.ENGLISH and (glued := _GLUED_MILLION.match(after)) is not None:
        return 1e6, glued.end()
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
    if scale != 1.0 or (_BARE_SUBJECT.search(before) and _REACHING.search(before)) or _bare(at):
        return Mention(at.start, finish, value, "count")  # "thuê bao … đạt 24,9 triệu", "rose to 74,200"
    return None


def _bare(at: _At) -> bool:
    """A whole number with no noun that counts what its clause names: after a level verb ("firms now number around
    74,000"), in "of which 2,000 were founded", or as the value of a labelled item ("Wi-Fi hotspots: 3,400")."""
    before = at.before
    if _GROUPED.fullmatch(at.token) and _LEVEL_VERB.search(before) and not _MONEY_SUBJECT.search(before[-60:]):
        return True
    if _OF_WHICH.search(before) and _VERB_AFTER.match(at.after):
        return True
    label = _LABELLED.fullmatch(at.low, 0, at.start)
    return label is not None and not _NOT_LABEL.search(label.group()) and _ENDS.fullmatch(at.low, at.end) is not None


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
    if rank is not None and rank.group().startswith("no") and not _NO_RANK_AFTER.match(after):
        rank = None  # "Decision No. 15": a document's number; "No. 1 in ASEAN" is a rank
    if rank is not None and not _ORDINAL_NOT_RANK.search(before):
        end = at.end + (ordinal.end() if ordinal else 0)
        return Mention(at.start - len(rank.group()), end, at.value, "rank")
    if ordinal is not None and (_RANK_VERB.search(before) or _RANKING_AFTER.match(after[ordinal.end() :])):
        return Mention(at.start, at.end + ordinal.end(), at.value, "rank")
    return None


#: After a small fraction, what makes it a share of a whole: "2/3 số hộ gia đình", "1/4 dân số", "3/4 tổng số".
_SHARE_OF = re.compile(r"\s+(?:số|dân số|tổng|diện tích|lượng|khối lượng|thị phần)\b")
_SHARE_BEFORE = re.compile(r"\bchiếm\s+(?:gần\s+|hơn\s+|khoảng\s+|trên\s+|tới\s+|xấp xỉ\s+)?$")


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
    if denominator <= 10 and (_SHARE_OF.match(at.low, skip) or _SHARE_BEFORE.search(at.before)):
        return Mention(at.start, skip, 100 * at.value / denominator, "%"), skip  # "2/3 số hộ": a share
    noun = _noun(at, skip)
    if noun is not None and counted(noun[0], at.before, at.low[noun[1] : noun[1] + WINDOW]):
        return Mention(at.start, at.end, at.value, "count", noun=noun[0]), skip
    return None, skip


#: "9 in 10 adults", "1 in every 5 firms": a share, in English.
_IN_EVERY = re.compile(r"\s+in\s+(?:every\s+)?(2|3|4|5|10|100)\s+[^\W\d_]")


def _in_every(at: _At) -> tuple[Mention, int] | None:
    """ "9 in 10 adults": 90%, the share the numerator is of the denominator (English only)."""
    match = _IN_EVERY.match(at.after)
    if match is None or at.written is not Convention.ENGLISH or at.value != int(at.value):
        return None
    whole = int(match.group(1))
    if not 0 < at.value < whole:
        return None
    end = at.end + match.end(1)
    return Mention(at.start, end, 100 * at.value / whole, "%"), end


def _of(at: _At) -> tuple[Mention, int] | None:
    """ "10 of its 12 key targets", "97 of them": a count of the first, the second a denominator."""
    match = _OF.match(at.after)
    if match is None and re.search(r"\ball\s+$", at.before):
        match = _ALL_OF.match(at.after)
    if match is None or at.value != int(at.value) or _PERCENT.match(at.after):
        return None
    skip = at.end + match.end()
    if match.re is _OF and match.group(1) is not None:
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
    if (of := _of(at) or _in_every(at)) is not None:
        return of
    glued = at.start > 0 and (at.sentence[at.start - 1].isalpha() or at.sentence[at.start - 1 : at.start] == "-")
    high, end = None, at.end
    if (ranged := _range_high(at)) is not None:
        high, end = ranged[0], at.end + ranged[1]
    tail_start = end
    scale, used = _scale(at.low[tail_start : tail_start + WINDOW], at.written)
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
    if glued or (at.sentence[at.end : at.end + 1].isalpha() and not used) or _LEVEL_BEFORE.search(at.before):
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
#: Shares in words, before what they are a share of: "nearly a fifth of revenue", "half of which", "one in five".
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_FRACTION = re.compile(
    r"\b(?P<f>(?P<n>a|one|two|three|four)[\s-](?P<d>third|quarter|fifth|tenth)s?|half)\s+of\s+"
    r"(?!(?:the |this |that |last |next )?(?:year|month|decade|century|quarter|period|day|week|(?:19|20)\d\d)\b)"
    r"|\b(?P<g>(?P<i>one|two|three) (?:in|out of) (?:every )?(?P<j>two|three|four|five|six|seven|eight|nine|ten))\b"
)
_HALF_OF_TIME = re.compile(r"(?:first|second|\bthe|\ba)\s+$")


#: The same in Vietnamese words, before what they are a share of: "hơn một nửa số doanh nghiệp", "một phần ba số xã".
_VI_PARTS = {"hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "mười": 10}
_VI_FRACTION = re.compile(
    r"\b(?:(?P<n>một|hai|ba) phần (?P<d>hai|ba|tư|bốn|năm|mười)|(?P<half>một nửa|phân nửa))"
    r"(?=\s+(?:số|dân số|tổng|lượng|các|những)\b)"
)


def _vi_fractions(low: str) -> list[Mention]:
    """Shares in Vietnamese words: "một nửa" 50, "hai phần ba" 66.7 (before "số", "tổng", "dân số")."""
    found: list[Mention] = []
    for match in _VI_FRACTION.finditer(low):
        if match.group("half"):
            share = 50.0
        else:
            share = 100 * (("một", "hai", "ba").index(match.group("n")) + 1) / _VI_PARTS[match.group("d")]
        found.append(Mention(match.start(), match.end(), share, "%"))
    return found


def _fraction(low: str, match: re.Match[str]) -> Mention | None:
    """The share a fraction in words gives, in per cent ("a fifth" 20, "two-thirds" 66.7, "one in five" 20)."""
    if match.group("g"):
        share = 100 * CARDINALS[match.group("i")] / CARDINALS[match.group("j")]
        return Mention(match.start("g"), match.end("g"), share, "%")
    if match.group("f") == "half" and _HALF_OF_TIME.search(low, max(0, match.start() - 8), match.start()):
        return None  # "the first half of", "a half of": a span of time, not a share
    count = 1 if match.group("n") in (None, "a", "one") else CARDINALS[match.group("n")]
    share = count * _FRACTIONS[match.group("d") or "half"]
    return Mention(match.start("f"), match.end("f"), share, "%")


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
    for match in _FRACTION.finditer(low):
        if (share := _fraction(low, match)) is not None:
            found.append(share)
    return found


#: The unit a table's row label or column header gives its cells: "Tỷ lệ thanh toán trực tuyến (%)".
_HEADING_UNIT = re.compile(
    r"\(\s*(?P<u>%|tỷ đồng|tỷ usd|triệu usd|mbps|mw)\s*\)"
    r"|đơn vị(?: tính)?\s*:\s*(?P<v>%|tỷ đồng|tỷ usd|triệu usd|mbps|mw)"
    r"|\b(?P<w>tỷ lệ|share|rate|per cent|percent)\b"
)
_HEADING_UNITS = {
    "%": ("%", 1.0),
    "tỷ đồng": ("VND bn", 1.0),
    "tỷ usd": ("USD bn", 1.0),
    "triệu usd": ("USD bn", 0.001),
    "mbps": ("Mbps", 1.0),
    "mw": ("MW", 1.0),
}


def cell_count(text: str, offset: int, written: Convention) -> Mention | None:
    """A table cell that holds only a number (from `offset` in `text`): a count its row label names, or a measure
    in the unit its row label or column header gives ("Tỷ lệ thanh toán trực tuyến (%)": 41,2 is 41.2%)."""
    match = re.fullmatch(r"\s*(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*", text[offset:])
    value = None if match is None else _value(match.group(1), written)
    if match is None or value is None or _YEARISH.fullmatch(match.group(1)):
        return None
    given = _HEADING_UNIT.search(lowered(text[:offset]))
    if given is not None:
        unit, factor = _HEADING_UNITS.get(given.group("u") or given.group("v") or "%", ("%", 1.0))
        return Mention(offset + match.start(1), offset + match.end(1), value * factor, unit)
    if value != int(value):
        return None
    return Mention(offset + match.start(1), offset + match.end(1), value, "count")


#: Words before a bare number that set it against the count before it: "2,500 firms by 2026, compared with 1,740".
_VERSUS = re.compile(
    r"\b(?:compared (?:with|to)|against|versus|vs\.?|up from|down from|from|so với)\s+"
    r"(?:about\s+|around\s+|nearly\s+|some\s+|just\s+|only\s+|khoảng\s+|gần\s+)?$"
)
#: What may follow such a number: when, or nothing (no noun of its own).
_BARE_AFTER = re.compile(
    r"\s*(?:[,.;)]|$|at present\b|now\b|currently\b|in (?:19|20)\d\d\b|a year (?:earlier|ago|before)\b|"
    r"last year\b|the (?:previous|year) |(?:năm|vào|hiện|hiện nay|cùng kỳ|của|trước)\b)"
)


def _versus(at: _At, previous: Mention | None) -> Mention | None:
    """A whole number set against the count just before it, with no noun of its own: a count of the same thing."""
    if previous is None or previous.unit != "count" or at.value != int(at.value) or at.start - previous.end > 80:
        return None
    if not _VERSUS.search(at.before) or not _BARE_AFTER.match(at.after):
        return None
    if _SCALE.match(at.after) or _PERCENT.match(at.after) or _CURRENCY_BEFORE.search(at.before):
        return None
    return Mention(at.start, at.end, at.value, "count", noun=previous.noun)


def _skipped(low: str, start: int, before: str, dropped: int | None) -> bool:
    """A floor that defines a category ("14 sàn có doanh thu trên 1.000 tỷ đồng"), what a plan costs ("kinh phí thực
    hiện … 1.500 tỷ đồng"), or an amount converted in brackets right after one ("more than VND100 million ($3,930)")."""
    if _COMPARATOR.search(before):
        floor = _ATTRIBUTE_FLOOR.search(low, max(0, start - WINDOW), start)
        if floor is not None and not _AGGREGATE.search(floor.group()):
            return True
    if _PLAN_MEANS.search(low, max(0, start - WINDOW), start):
        return True
    return dropped is not None and start - dropped < 40 and _CONVERSION.fullmatch(low, dropped, start) is not None


def mentions(sentence: str, written: Convention, limit: int = MAX_FIGURES) -> list[Mention]:
    """Every figure in `sentence`, in order: at most `limit` of them."""
    low = lowered(sentence)
    found: list[Mention] = []
    reached = 0
    dropped: int | None = None  # where the last floor that defines a category starts
    for match in _NUMBER.finditer(sentence):
        start, end = match.span(1)
        token = match.group(1)
        if start < reached or (_YEARISH.fullmatch(token) and not _MEASURED_AFTER.match(low, end)):
            continue  # a year, the second number of a range, or a denominator already read
        before, after = low[max(0, start - 40) : start], low[end : end + WINDOW]
        value = _value(token, written)
        if value is None or _reference(sentence, before, after, token, end):
            continue
        if _skipped(low, start, before, dropped):
            dropped = start
            continue
        at = _At(sentence, low, start, end, token, value, written)
        mention, reached = _read(at)
        if mention is None and (mention := _versus(at, found[-1] if found else None)) is not None:
            reached = mention.end
        if mention is not None:
            found.append(mention)
            if len(found) >= limit:
                break
    if len(found) < limit:
        taken = [(m.start, m.end) for m in found]
        words = _word_numbers(low) if written is Convention.ENGLISH else _vi_fractions(low)
        extra = [m for m in words if not any(s < m.end and m.start < e for s, e in taken)]
        found = sorted(found + extra, key=lambda m: m.start)[:limit]
    return found
