"""Whether a number before a noun is a count worth proposing: what the noun is, and what the words around it say.

A count is proposed when it counts something a tracker measures ("73.800 doanh nghiệp", "412 trạm
5G", "1,870 firms"). Never: spans of time, people honoured or attending, the structure of a plan
(groups of tasks, targets set), awards, events, ages, levels, the denominator of a ratio, a survey's
sample, a threshold that defines a category ("mỗi trường có tối thiểu 35 máy tính"), and
administrative units merely listed ("toàn tỉnh có 92 xã, phường") rather than counted for
something they have or do ("124 xã, phường sử dụng nền tảng số").
"""

from __future__ import annotations

import re

#: Nouns (their first words) that never make a count of ours.
_NOT_COUNTED_TEXT = (
    # time
    "năm, tháng, ngày, tuần, giờ, phút, giây, quý, kỳ, khóa, nhiệm kỳ, thập kỷ, thế kỷ, "
    "lần, đợt, buổi, phiên, "
    "years, year, months, month, days, day, weeks, week, hours, minutes, quarters, "
    "times, decades, sessions, rounds, "
    # people honoured, attending, or named by title
    "tập thể, cá nhân, đồng chí, đại biểu, khách mời, diễn giả, thí sinh, học viên dự, "
    "phó, thủ tướng, bộ trưởng, thứ trưởng, chủ tịch, giám đốc, ông, bà, "
    "collectives, individuals, delegates, participants, attendees, officials, guests, speakers, "
    "visitors, contestants, leaders, "
    # awards and events
    "bằng khen, huân chương, giải thưởng, giải, cờ thi đua, danh hiệu, sự kiện, hội nghị, "
    "hội thảo, cuộc thi, gian hàng, điểm cầu, phóng sự, bài, tin bài, tin, "
    "awards, medals, prizes, events, conferences, booths, articles, workshops, seminars, webinars, forums, "
    "ceremonies, exhibitions, fairs, sessions, hội chợ, triển lãm, diễn đàn, buổi, lễ, "
    # the structure of a plan or a text
    "nhóm, khâu, giải pháp, mục tiêu, nhiệm vụ, chỉ tiêu, giai đoạn, chương trình, đề án, "
    "kế hoạch, nghị quyết, quyết định, luật, văn bản, điều, khoản, chương, mục, bước, trụ cột, "
    "groups, tasks, targets, goals, pillars, solutions, steps, chapters, articles, "
    # levels, ages, generations, places in a ranking
    "mức, cấp độ, cấp, tầng, tuổi, thế hệ, lớp, tiết, bậc, hạng, vị trí, "
    "levels, tiers, generations, places, positions, "
    # countries and economies are denominators of ranks, not counts of ours
    "quốc gia, nước, nền kinh tế, countries, economies, markets, member, "
)
#: Words that are not nouns: a number before one of them counts nothing, and a counted noun ends before one.
_FUNCTION_TEXT = (
    "sẽ, là, trên, dưới, và, hoặc, với, của, cho, được, đã, đang, bảo đảm, đảm bảo, "
    "thì, mà, như, tại, trong, từ, đến, tới, so, đạt, có, không, nhưng, vào, lên, "
    "xuống, theo, về, này, đó, khi, sau, trước, gấp, tăng, giảm, chiếm, tương đương, "
    "bằng, hơn, trở lên, trở xuống, triệu, tỷ, nghìn, "
    "of, and, to, in, on, at, for, with, from, by, or, the, a, an, is, are, was, "
    "were, be, will, would, has, have, had, more, less, than, per, percent, points, "
    "out, over, up, down, as, its, their, this, that, which, who, compared, higher, "
    "lower, before, after, last, next, within, since, until, through, each, every, "
)
FUNCTION_WORDS = frozenset(word.strip() for word in _FUNCTION_TEXT.split(",") if word.strip())
NOT_COUNTED = tuple(word.strip() for word in _NOT_COUNTED_TEXT.split(",") if word.strip()) + tuple(FUNCTION_WORDS)


def _by_first_word(entries: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`entries` by their first word: a noun is looked up by its own first word, not against every entry."""
    index: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        first = entry.split()[0]
        index[first] = (*index.get(first, ()), entry)
    return index


_NOT_COUNTED = _by_first_word(NOT_COUNTED)

#: Units a province or a ministry is made of: counted only for what they have or do.
_UNIT_WORDS = (
    r"tỉnh|thành phố|thành(?!\s+(?:viên|tích|quả|công|lập|phần|tựu))|xã|phường|thị trấn|thị xã|huyện|quận|ấp|khóm|"
    r"thôn|xóm|làng|bản|ngành|sở|ban|"
    # a ministry, not "bộ" counting sets of things: "5.300 bộ dữ liệu", "12 bộ thủ tục"
    r"bộ(?!\s+(?:dữ liệu|công cụ|chỉ số|tiêu chí|thủ tục|sản phẩm|hồ sơ|máy|thiết bị|phần mềm|tài liệu|mã|sách))|"
    r"đơn vị|địa phương|phòng|provinces?|cities|city|communes?|wards?|districts?|ministries|agencies|localities|"
    r"units"
)
_UNITS = re.compile(rf"(?:{_UNIT_WORDS})\b")
#: English puts the unit last: "the 14 northern mountainous provinces".
_UNITS_LAST = re.compile(r"\b(?:provinces|cities|communes|wards|districts|localities|municipalities)$")
#: Units named as a known set, "in the 14 northern mountainous provinces": where, never how many did something.
_IN_THE = re.compile(r"\b(?:in|across|at|throughout)\s+the\s+$")
#: What follows listed units when they are counted for something: a verb of having or doing.
_PREDICATE = re.compile(
    r"^[^.;:]{0,60}?\b(?:có|đã|được|sử dụng|dùng|triển khai|hoàn thành|đạt|kết nối|tham gia sàn|áp dụng|cung cấp|"
    r"have|has|had|use|used|using|are|were|with)\b"
)
#: Words before a number that make what follows a meeting's, a survey's or an assignment's, never a figure.
_SETTING = re.compile(
    r"\b(?:kết nối(?: trực tuyến)? (?:tới|với|đến)|tham dự|tham gia của|sự tham gia của|có sự tham gia của|"
    r"có đại diện|đại diện|giao(?: cho)?|phân công(?: cho)?|khảo sát|điều tra|attended by|"
    r"covered|surveyed|(?:sample|poll|survey|study) of|polled|interviewed|assigned to|tasked|in all|"
    r"across all)\s+"
    r"(?:khoảng\s+|gần\s+|hơn\s+|trên\s+|about\s+|around\s+|some\s+|nearly\s+|over\s+|more than\s+)?$"
)
#: What a fair or a campaign drew is its setting, unless it is investment: "thu hút 12 dự án đầu tư" counts.
_DREW = re.compile(
    r"\b(?:thu hút|attracted|drew|drawing)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+|thêm\s+|about\s+|around\s+|some\s+|"
    r"nearly\s+|over\s+|more than\s+)?$"
)
_INVESTED = re.compile(r"(?:dự án|nhà đầu tư|doanh nghiệp|vốn|projects?|investors?|firms?|companies|enterprises)\b")
#: "toàn bộ 148 xã", "cả 63 tỉnh": all of them, counted only for what they have or do ("… đã dùng chung …").
_ALL = re.compile(r"\b(?:toàn bộ|cả)\s+$")
#: A threshold that defines a category: "mỗi trường trang bị tối thiểu 35 máy tính", "with at least 500 students".
_THRESHOLD = re.compile(
    r"\b(?:có|trang bị|với|with|having|has|have)\s+(?:tối thiểu|ít nhất|at least|không dưới|từ|a minimum of)\s+$"
)
#: What makes such a floor define a category rather than state a goal: "each", a count before it, "with".
_CATEGORY = re.compile(r"\b(?:mỗi|each|every|per|with)\b|(?<!\d)(?!(?:19|20)\d\d\b)\d[^,;]*$")
_EACH_AFTER = re.compile(r"[^,;.]{0,30}?\b(?:mỗi|each|per)\b")
#: Meetings, surveys and assignments anywhere earlier in the clause: the units after them are their setting.
_SETTING_CLAUSE = re.compile(
    r"\b(?:tham dự|tham gia của|khảo sát|điều tra|attended|surveyed|survey covered|covered|polled|sampled|assigned|"
    r"giao cho|kết nối (?:tới|với|đến))\b(?:[^,;.]|(?<=\d)[.,](?=\d))*$"
)
#: A location after a verb: "thử nghiệm 5G tại 59 tỉnh", "in 20 provinces" counts where something happened.
_AT = re.compile(r"\b(?:tại|ở|in|across|at)\s+(?:khoảng\s+|hơn\s+|about\s+|over\s+)?$")
#: Completing tasks or targets is a result reviewers track: "hoàn thành 125 nhiệm vụ", "met 10 of its 12 targets".
_COMPLETED = re.compile(
    r"\b(?:hoàn thành|đạt|thực hiện xong|vượt|met|achieved|completed|exceeded|hit|fulfilled)\s+"
    r"(?:(?:được|or exceeded|or met)\s+)?(?:khoảng\s+|hơn\s+|about\s+|over\s+)?$"
)
_STRUCTURE = re.compile(r"(?:nhiệm vụ|chỉ tiêu|mục tiêu|tasks|targets|goals)\b")
#: Before a denominator: "trong tổng số hơn 100 quốc gia", "out of 193".
DENOMINATOR = re.compile(r"\b(?:trong (?:tổng )?số|trên tổng số|out of|among)\s+(?:hơn\s+|khoảng\s+|the\s+)?$")
#: Before an age: "người từ 18 tuổi", "aged 15".
_AGE = re.compile(r"\b(?:aged|age|độ tuổi)\s+$")


def threshold(before: str, after: str = "") -> bool:
    """Whether a floor before a number defines a category ("mỗi trường có tối thiểu 35 máy tính", "schools with at
    least 500 students", "24 trường có tối thiểu 3 phòng máy") rather than counts something ("có ít nhất 450
    doanh nghiệp")."""
    floor = _THRESHOLD.search(before)
    if floor is None:
        return False
    return _CATEGORY.search(before[: floor.start() + 5]) is not None or _EACH_AFTER.match(after) is not None


def structure(noun: str) -> bool:
    """Whether `noun` names tasks or targets, counted only when completed ("hoàn thành 125 nhiệm vụ")."""
    return _STRUCTURE.match(noun) is not None


def first_words(noun: str) -> bool:
    """Whether `noun` (lower case) starts with a word that never makes a count."""
    first = noun.split(" ", 1)[0]
    return any(noun == word or noun.startswith(word + " ") for word in _NOT_COUNTED.get(first, ()))


def counted(noun: str, before: str, after: str) -> bool:
    """Whether a number before `noun` is a count to propose, given the words `before` it and `after` the noun.

    All three are lower case; `before` ends at the number and `after` starts after the noun."""
    if _SETTING.search(before) or DENOMINATOR.search(before) or _AGE.search(before) or threshold(before, after):
        return False
    if _DREW.search(before) and not _INVESTED.match(noun):
        return False
    if _ALL.search(before):
        return _PREDICATE.search(after) is not None
    if _STRUCTURE.match(noun):
        return _COMPLETED.search(before) is not None
    if first_words(noun):
        return False
    if _UNITS.match(noun) or _UNITS_LAST.search(noun):
        if _SETTING_CLAUSE.search(before) or _IN_THE.search(before):
            return False  # "surveyed 5,000 households in 20 provinces", "in the 14 mountainous provinces"
        return _AT.search(before) is not None or _PREDICATE.search(after) is not None
    return True
