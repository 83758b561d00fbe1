"""Figures in a sentence: a number with the scale, currency, percent sign, rank word or noun that makes it one.

A number alone is never a figure: dates (29/12), years, decision numbers (749/QĐ-TTg, 57-NQ/TW),
phone numbers and counts of people honoured ("102 tập thể") are left out. Values come out in the
units of our data: %, rank, group, VND bn, USD bn, count, per 100 people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ictgoals.numbers import SCALES, Convention, readings

#: What follows a number that counts people, events or things no indicator tracks ("102 tập thể", "3 lần"),
#: or that is not a noun at all ("4 trên cả nước"): such a number is not proposed as a count.
NOT_COUNTED = (
    "tập thể",
    "cá nhân",
    "đồng chí",
    "đại biểu",
    "người dân",
    "lần",
    "năm",
    "tháng",
    "ngày",
    "tuần",
    "giờ",
    "phút",
    "quý",
    "kỳ",
    "khóa",
    "nhiệm kỳ",
    "bằng khen",
    "huân chương",
    "giải thưởng",
    "giải",
    "điểm cầu",
    "bài",
    "phóng sự",
    "tin",
    "bước",
    "mục tiêu",
    "nhiệm vụ",
    "chỉ tiêu",
    "giai đoạn",
    "chương trình",
    "nghị quyết",
    "quyết định",
    "luật",
    "dự án",
    "khu vực",
    "thế hệ",
    "lớp",
    "cấp độ",
    "mức",
    "tầng",
    "tiết",
    "quốc gia",
    "nước",
    "nền kinh tế",
    "sẽ",
    "là",
    "bậc",
    "trên",
    "dưới",
    "và",
    "hoặc",
    "với",
    "của",
    "cho",
    "được",
    "đã",
    "đang",
    "bảo đảm",
    "đảm bảo",
    "thì",
    "mà",
    "như",
    "tại",
    "trong",
    "từ",
    "đến",
    "so",
    # English
    "collectives",
    "individuals",
    "delegates",
    "awards",
    "medals",
    "times",
    "years",
    "months",
    "days",
    "weeks",
    "participants",
    "attendees",
    "of",
    "and",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "by",
    "or",
)
_DOCUMENT_WORDS = r"(?:nghị quyết|quyết định|chỉ thị|thông tư|nghị định|luật|công văn|kế hoạch|văn bản|số)"
_SCALE_PATTERN = "|".join(re.escape(word) for word, _ in SCALES)
_CURRENCY_AFTER = (
    (re.compile(r"\s*(?:đồng|vnđ|vnd|đ)\b"), "VND"),
    (re.compile(r"\s*(?:usd|đô-la mỹ|đô la mỹ|đô-la|đô la|đô|us dollars?|dollars?)\b"), "USD"),
)
_CURRENCY_BEFORE = re.compile(r"(us\$|usd|vnd|vnđ|\$)\s*$")
_PERCENT = re.compile(r"\s*(?:%|phần trăm\b|percent\b|per cent\b)")
_POINTS = re.compile(r"\s*(?:percentage points?|points?\b|pp\b|điểm phần trăm|điểm %)")
_PER_HUNDRED = re.compile(r"[^.;,]{0,40}?/\s*100\s*(?:dân|người)|\s*(?:per|trên)\s+100\s+(?:people|inhabitants|dân)")
_RANK_BEFORE = re.compile(
    r"(?:xếp\s+(?:hạng\s+)?(?:thứ\s+)?|đứng\s+(?:thứ\s+)?|thứ\s+hạng\s+|hạng\s+|thứ\s+|top\s+|vị trí\s+(?:thứ\s+)?|"
    r"ranked\s+|rank(?:ing)?\s+|no\.\s*|#)(?:khoảng\s+|gần\s+|around\s+|about\s+)?$"
)
_GROUP_BEFORE = re.compile(r"nhóm\s+$")  # "nhóm 08" (a level); "nhóm top 50" is a rank
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_NUMBER = re.compile(r"(?<![\d.,/])(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])")
_RANGE = re.compile(r"\s*(?:–|-|—|đến|tới|to)\s*(\d+(?:[.,]\d+)?)")


@dataclass(frozen=True)
class Mention:
    """One figure in a sentence: where it is (sentence offsets), what it reads as, and in which unit."""

    start: int
    end: int
    value: float
    unit: str  # %, rank, group, VND bn, USD bn, count, per 100 people; "places" and "pp" for changes
    high: float | None = None  # for a range "30 – 40%"

    def printed(self, sentence: str) -> str:
        return sentence[self.start : self.end]


def _scale(after: str) -> tuple[float, int]:
    match = re.match(rf"\s*({_SCALE_PATTERN})\b", after)
    if not match:
        return 1.0, 0
    word = match.group(1)
    return next(factor for w, factor in SCALES if w == word), match.end()


def _is_reference(before: str, after: str, token: str) -> bool:
    """A date, a year, a document number, a ratio or a phone number: never a figure."""
    if re.match(r"\s*/\s*\d", after) or re.search(r"\d\s*/\s*$", before):
        return True  # 29/12, 12/1/2021, 154.231/519.755, a ratio
    if re.match(r"[-/]?\s*(?:[A-ZĐ]{1,4}[-/])", after):
        return True  # 749/QĐ-TTg, 57-NQ/TW, 07/CT-TTg
    if re.search(rf"{_DOCUMENT_WORDS}\s*(?:số\s*)?$", before.casefold()):
        return True  # Nghị quyết 57, Quyết định số 749
    if re.search(r"(?:tháng|ngày|quý|năm|giai đoạn|year|in|since|by)\s*$", before.casefold()):
        digits = token.replace(".", "").replace(",", "")
        if digits.isdigit() and (len(digits) == 4 or int(digits) <= 31):
            return True  # năm 2024, tháng 10, ngày 29
    return False


def mentions(sentence: str, written: Convention) -> list[Mention]:  # noqa: C901 (issue 24 splits it)
    """Every figure in `sentence`, in order."""
    found: list[Mention] = []
    lowered = sentence.casefold()
    for match in _NUMBER.finditer(sentence):
        token, start, end = match.group(1), match.start(1), match.end(1)
        if found and start < found[-1].end:
            continue  # the second number of a range already read
        before, after = lowered[:start], lowered[end:]
        if _is_reference(sentence[:start], sentence[end:], token):
            continue
        # "tăng12,42%", but also "IPv6" and "COVID-19": glued numbers count only with a unit
        glued = start > 0 and (
            sentence[start - 1].isalpha()
            or (sentence[start - 1] == "-" and start > 1 and sentence[start - 2].isalpha())
        )
        try:
            options = readings(token, written)
        except ValueError:
            continue
        value = options[0]
        high: float | None = None
        range_match = _RANGE.match(after)
        if range_match and re.match(r"\s*(?:%|phần trăm|percent)", after[range_match.end() :]):
            try:
                high = readings(range_match.group(1), written)[0]
            except ValueError:
                high = None
            if high is not None:
                end += range_match.end()
                after = lowered[end:]
        scale, used = _scale(after)
        tail = after[used:]
        finish = end + used
        unit: str | None = None
        if (points := _POINTS.match(tail)) is not None and scale == 1.0:
            found.append(Mention(start, finish + points.end(), value, "pp"))  # a change in percentage points
            continue
        if (percent := _PERCENT.match(tail)) is not None:
            unit, finish = "%", finish + percent.end()
        elif (per := _PER_HUNDRED.match(tail)) is not None and scale == 1.0:
            unit, finish = "per 100 people", finish + per.end()
        else:
            for pattern, currency in _CURRENCY_AFTER:
                if (money := pattern.match(tail)) is not None:
                    unit, finish = currency, finish + money.end()
                    break
            if unit is None and (prefix := _CURRENCY_BEFORE.search(before)) is not None:
                unit = "VND" if prefix.group(1) in ("vnd", "vnđ") else "USD"
                start = start - (len(before) - prefix.start())
        if unit in ("VND", "USD"):
            found.append(Mention(start, finish, value * scale / 1e9, f"{unit} bn"))
            continue
        if unit is not None:
            if scale == 1.0:
                found.append(Mention(start, finish, value, unit, high))
            continue
        if scale != 1.0 or glued:
            continue  # "3 triệu" of something we cannot name
        if _GROUP_BEFORE.search(before):
            found.append(Mention(start - len(_GROUP_BEFORE.search(before).group()), end, value, "group"))  # type: ignore[union-attr]
            continue
        if (rank := _RANK_BEFORE.search(before)) is not None and value == int(value):
            # "thứ 17 toàn cầu" is a rank, "lần thứ 2" or "khóa thứ 3" is not
            if re.search(r"(?:lần|khóa|kỳ|phiên|ngày|tháng)\s+thứ\s*$", before):
                continue
            found.append(
                Mention(
                    start - len(rank.group()),
                    end + (m.end() if (m := _ORDINAL_AFTER.match(after)) else 0),
                    value,
                    "rank",
                )
            )
            continue
        places = re.match(r"\s+(?:bậc|hạng|places?|positions?)\b", after) or (
            re.match(r"\s+nhóm\b", after) if re.search(r"(?:tăng|giảm)\s+$", before) else None
        )
        if places is not None:
            found.append(Mention(start, end + places.end(), value, "places"))  # "tăng 15 bậc": a change of rank
            continue
        if re.search(r"(?:trên|/|per)\s*$", before) and re.match(r"\s+(?:dân|người|people|inhabitants)\b", after):
            continue  # "thuê bao trên 100 dân": the denominator of a rate, not a figure
        # A counted noun: lower case in Vietnamese, where capitals start names ("12 Phó Thủ tướng"); in English,
        # also an acronym ("59,000 ICT enterprises").
        noun_pattern = (
            r"\s+([a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+)?)"
            if written is Convention.VIETNAMESE
            else r"\s+([A-Za-z]+(?:\s+[a-z]+)?)"
        )
        noun = re.match(noun_pattern, sentence[end:])
        if noun is None or value != int(value) or re.fullmatch(r"(19|20)\d\d", token):
            continue
        words = noun.group(1)
        if any(words == phrase or words.startswith(phrase + " ") for phrase in NOT_COUNTED):
            continue
        if len(token.replace(".", "").replace(",", "")) >= 8 and "." not in token and "," not in token:
            continue  # a phone or hotline number
        found.append(Mention(start, end + len(noun.group(0)), value, "count"))
    return found
