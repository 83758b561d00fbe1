"""Goal or result: the words that set a goal, those that report one met, and what makes a figure a stated change.

A goal word (phấn đấu, mục tiêu, aims, is targeted to) sets the goals that follow it in its sentence.
Words that announce what is expected (sẽ, dự kiến, will, expects) set goals only for a year after the
one reported on; for the current year they announce an estimated result. Plan completion is a result:
"đạt kế hoạch", "vượt 4,2% kế hoạch", "met 8 of the 11 targets" set no goal, and a share of a plan
("bằng 76% kế hoạch năm") or a growth rate is a change, not a figure. A goal noun right before a number
("mục tiêu 50%", "target of 50 per cent", "(mục tiêu 45%)") makes that number a goal, and it alone.
"""

from __future__ import annotations

import re

#: Words that set goals for whatever follows them in the sentence.
GOAL = re.compile(  # every word starts at a word boundary: the one \b up front spares the other positions
    r"\b(?:phấn đấu|mục tiêu|chỉ tiêu|đặt ra|đề ra|định hướng (?:đến|tới)|hướng tới|hướng đến|theo kế hoạch|"
    r"kế hoạch (?:năm|của|đến)|^nâng\b|^đưa\b(?=[^.;]*\blên\b)|"
    r"có kế hoạch|lên kế hoạch|cam kết|đề nghị|yêu cầu|nhiệm vụ[^,;.\d]{0,25}?(?:thời gian tới|sắp tới|tới đây)|"
    r"\bphải (?:bảo đảm|đảm bảo|đạt|hoàn thành|có|nâng|đưa)|\bcần (?:đạt|bảo đảm|đảm bảo|nâng|đưa)|"
    r"\bmust\b|\bneeds? to\b|\b(?:has|have) to\b|\b(?:is|are) required to\b|\bsets? (?:its |their )?sights on\b|"
    r"\beyes\b|\beyeing\b|\benvisag(?:es|ed|ing)\b|\bpledg(?:e|es|ed|ing) to\b|\bvow(?:s|ed)? to\b|"
    r"\bpromis(?:e|es|ed) to\b|"
    r"\baims?\b|\baiming\b|\btargets?\b|\btargeted\b|\bgoals?\b|\bplans? to\b|"
    r"\bplanned\b|\bstrives?\b|\bwants?\b|\bhopes?\b|\bhoped\b|\blooking to\b|\bseeks?\b|\b(?:is|are) to\b|"
    r"\bshould\b|\bcommitted to\b|\bintends?\b)"
)
#: Words that announce what is expected: a goal for a later year, an estimated result for this one.
EXPECTED = re.compile(
    r"\b(?:sẽ\b|dự kiến|dự báo|\bwill\b|\bwould\b|\bexpects?\b|\bexpected\b|\bprojects?\b|\bprojected\b|\bforecasts?\b|"
    r"\bset to\b|\bon track to\b|từ nay đến|thời gian tới|sắp tới|"
    r"^tăng\b)"
)
#: Goal words used for what was done: "hoàn thành 103,1% kế hoạch", "vượt chỉ tiêu", "met 10 of its 12 targets",
#: "short of the year's target", and the office "Phòng Kế hoạch - Tài chính".
_MET = re.compile(
    r"\b(?:hoàn thành|đạt|vượt|bằng|cao hơn|thấp hơn|vượt xa|so với|hiện thực hóa|"
    r"met|meet|exceeded|exceeding|beat|beating|short of|missed|above|below|ahead of|behind)\s+(?:[^\s,;.]+\s+){0,5}?"
    r"(?:kế hoạch|chỉ tiêu|mục tiêu|targets?|goals?|plan)(?:\s+(?:năm|đề ra|đặt ra|được giao|vốn))*"
)
#: Before "hoàn thành mục tiêu": still to do ("tập trung hoàn thành mục tiêu 6 tháng"), so a goal after all.
_STILL_TO_DO = re.compile(r"\b(?:tập trung|phấn đấu|cần|phải|sẽ|nhằm|quyết tâm|will|to|aims? to)\s+$")
_OFFICE = re.compile(r"\b(?:phòng|sở|bộ|vụ|ban|cục|department of|ministry of)\s+kế hoạch", re.IGNORECASE)
#: A goal noun right before the number: "mục tiêu 50%", "vượt chỉ tiêu 1 triệu thiết bị", "a target of 50 per cent".
_GOAL_NOUN = re.compile(
    r"\b(?:mục tiêu|chỉ tiêu|kế hoạch(?:\s+năm)?(?:\s+(?:chỉ\s+)?(?:đặt ra|đề ra))?|"
    r"targets?(?:\s+of)?|goals?(?:\s+of)?)"
    r"\s+(?:(?:là|đạt|of|khoảng|trên|hơn|tối thiểu|ít nhất|at least|about|some|around)\s+)*$"
)
_GOAL_AFTER = re.compile(r"\s*(?:target|goal|mục tiêu|chỉ tiêu)\b")
#: A result reported where goals are set: "… tỉnh mới đạt 38,7%", "has reached".
#: The level a goal starts from: "lift it to 20 per cent by 2030 from 11 per cent", "nâng từ 45% lên 70%".
_FROM_LEVEL = re.compile(
    r"\b(from|từ|compared (?:with|to)|against|versus)\s+(?:an estimated\s+|about\s+|around\s+|khoảng\s+|mức\s+)?$"
)
_RAISED_TO = re.compile(r"[^,;.]{0,40}?\blên\b")
_DONE = re.compile(
    r"\b(?:đã|mới|hiện)\s+(?:đạt|chiếm|có|lên|tăng)\s+(?:[^\s,;.]+\s+)?$|(?:has|had) (?:reached|hit)\s+$"
)

#: Words before a number that make it a change: "tăng 9,3%", "up 8.1 percent", "an increase of 4 percent".
_CHANGE_BEFORE = re.compile(
    r"(?<!không )\b(?:tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn|up|down|rose|fell|grew|increased?|decreased?|"
    r"declined?|dropped|climbed|jumped|gained|lost|surged|soared|rise of|increase of|decrease of|decline of|"
    r"expand(?:ed|s)?|contract(?:ed|s)?|shr[au]nk|slipped|dipped|edged (?:up|down|higher|lower)|advanced|widened|"
    r"narrowed|slid|plunged|tumbled|"
    r"drop of|gain of|jump of|fall of)"
    r"(?:\s*(?:được|thêm|by|khoảng|gần|hơn|trên|nearly|almost|about|around|over|more than|an estimated|some|ít nhất|"
    r"at least|mạnh|nhẹ|lần lượt|bình quân|trung bình|on average|an average of|average))*\s*$"
)
#: Words before a number that make it a growth rate: "tăng trưởng 20%", "tốc độ tăng trưởng … đạt 16,4%".
_GROWTH_BEFORE = re.compile(
    r"\b(?:tăng trưởng|growth(?: rate)?(?: of)?|mức tăng[^,;.\d]{0,30}|tốc độ tăng[^,;.\d]{0,40}(?:đạt|là|ở mức)|"
    r"grew by|grown by|"
    r"growth(?: rate)?(?:\s+(?:is|was|will|would|to|be|expected|forecast|projected|estimated))*\s+"
    r"(?:slow|eas|accelerat|quicken|pick|come|came|reach|hit|stand|stood|remain)\w*(?:\s+(?:in|up|down))?\s+(?:to|at)|"
    r"tăng trưởng\s+(?:dự kiến\s+|ước\s+|chỉ\s+)?(?:chậm lại|giảm)\s+(?:còn|xuống))"
    r"(?:\s*(?:khoảng|gần|hơn|trên|ước đạt|đạt|nearly|almost|about|around|over|more than|an estimated|of|at))*\s*$"
)
_MAKE_UP = re.compile(
    r"\b(?:make|makes|making|made|set|sets|setting|end|ended|ending|take|took|taken|sum|summed)\s+up"
    r"(?:\s+(?:nearly|almost|about|around|roughly|some|over|more than|just over|just under|less than|an\s+estimated))*"
    r"\s*$"
)
_FROM_BEFORE = re.compile(r"\b(?:tăng|giảm)\s+từ\s+(?:khoảng\s+)?$")
_TO_AFTER = re.compile(r"[^,;.]{0,30}?\b(?:lên|xuống|đến|tới)\b")
_CHANGE_AFTER = re.compile(r"\s*(?:increase|rise|growth|gain|jump|decline|drop|fall|higher|lower|more|less)\b")
#: A share of a plan: "bằng 76% kế hoạch năm", "64 percent of this year's goal".
_PLAN_AFTER = re.compile(
    r"\s*(?:(?:của\s+)?(?:kế hoạch|chỉ tiêu|mục tiêu)|of (?:the |this year's |its |the year's |the annual )?"
    r"(?:plan|target|goal))"
)
_PLAN_BEFORE = re.compile(
    r"\b(?:cao hơn|thấp hơn|vượt|beat(?:ing)?|exceed(?:ing|ed)?|above|below)\s+(?:the (?:year's |annual )?)?"
    r"(?:kế hoạch|chỉ tiêu|plan|target)(?:\s+năm)?\s+(?:by\s+)?$"
)
#: A change stated right after the figure it is a change of: ", tăng 21%", " (tăng 1,8%", ", up 9.7 per cent".
_JOINED = re.compile(r"[\s,(]*(?:và|and|while)?[\s,(]*$")


def goal_cues(low: str, raw: str) -> tuple[list[int], list[int]]:
    """Where the goal words and the words of expectation start in a sentence, plan completion left out."""
    quiet = [
        (m.start(), m.end())
        for m in _MET.finditer(low)
        if not _STILL_TO_DO.search(low, max(0, m.start() - 20), m.start())
    ]
    quiet += [(m.start(), m.end()) for m in _OFFICE.finditer(raw) if raw[m.end() - 8 : m.end() - 7].isupper()]
    silenced = bytearray(len(low) + 1)  # one pass marks the characters plan completion covers
    for start, end in quiet:
        silenced[start:end] = b"\x01" * (end - start)
    goals = [m.start() for m in GOAL.finditer(low) if not silenced[m.start()]]
    return goals, [m.start() for m in EXPECTED.finditer(low)]


def goal_noun(before: str, after: str) -> bool:
    """Whether a goal noun names this very number: "mục tiêu 50%", "the 20 per cent target"."""
    if _MET.search(before[-40:]) and not _GOAL_NOUN.search(before):
        return False
    return _GOAL_NOUN.search(before) is not None or _GOAL_AFTER.match(after) is not None


#: "kế hoạch năm", "the year's target": the plan of the year reported on.
_THIS_YEARS = re.compile(
    r"\b(?:(?:kế hoạch|chỉ tiêu|mục tiêu) năm(?!\s*\d)|the year's|this year's|annual (?:plan|target|goal))"
)


def this_years_goal(before: str) -> bool:
    """Whether the goal noun before a number names the plan of the year reported on ("kế hoạch năm chỉ đặt ra")."""
    return _THIS_YEARS.search(before[-60:]) is not None


def quoted_goal(before: str) -> bool:
    """Whether a goal is quoted beside a result ("vượt chỉ tiêu 190 tỷ USD", "short of the target of 50 per cent"):
    it is the goal of the result's own year."""
    return _MET.search(before[-40:]) is not None and _GOAL_NOUN.search(before) is not None


def done(before: str, after: str = "") -> bool:
    """Whether the words around a number report it as done ("tỉnh mới đạt 38,7%"), or as the level a goal starts
    from ("to 20% by 2030 from an estimated 11%", "nâng từ 45% lên 70%"), whatever goal words came earlier."""
    if _DONE.search(before) is not None:
        return True
    start = _FROM_LEVEL.search(before)
    return start is not None and (start.group(1) != "từ" or _RAISED_TO.match(after) is not None)


def change_kind(before: str, after: str, unit: str, previous_unit: str | None) -> str | None:
    """ "plan" for a share of or a gap to a plan, "growth" for a growth rate, "change" for another stated change,
    None for a figure. `before` ends at the number and `after` starts after it (lower case)."""
    if unit in ("pp", "places", "times"):
        return "change"
    if unit == "%" and _PLAN_AFTER.match(after):
        return "plan"
    if _PLAN_BEFORE.search(before) and (previous_unit != unit or unit == "pp"):
        return "plan"
    if _MAKE_UP.search(before):
        return None  # "made up 47.2 per cent": a share, not a rise
    if _GROWTH_BEFORE.search(before):
        return "growth"
    if _FROM_BEFORE.search(before) and not _TO_AFTER.match(after):
        return "change"  # "tăng từ 8-10% so với năm 2024" (but "tăng từ 54% lên 71,5%": 54% is a level)
    if _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after):
        return "change"
    return None


def joined(between: str) -> bool:
    """Whether the words between a figure and a change make the change that figure's (", tăng 21%")."""
    cut = _CHANGE_BEFORE.search(between) or _GROWTH_BEFORE.search(between)
    return cut is not None and _JOINED.fullmatch(between[: cut.start()]) is not None
