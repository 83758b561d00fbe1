"""From a report's text to candidate figures and targets: kind, year, operator, change, region and indicator.

Plain rules, each explainable from the words of the sentence or its paragraph (docs/extract.md):
the figure's own clause names what it measures, cue words say whether it is a result or a
target, an estimate or a floor, and "năm 2024" says when. Indicators are matched on their names
(`name_vi`, `name`, `aliases`) with rapidfuzz, among those in the figure's unit only; an unsure
match is left unmatched rather than forced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ictgoals.extract.document import Sentence, plain_text, sentences
from ictgoals.extract.match import available, match_indicator, names_of, words
from ictgoals.extract.mentions import Mention, mentions
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Dataset
from ictgoals.numbers import Convention, convention

_TARGET = re.compile(
    r"phấn đấu|mục tiêu|chỉ tiêu|đặt ra|đề ra|kế hoạch|tối thiểu|^nâng\b|^đưa\b.*\blên\b|hướng tới|\bsẽ\b|"
    r"\baims?\b|\btargets?\b|\bgoals?\b|\bplans? to\b|\bstrives?\b"
)
_ESTIMATE = re.compile(
    r"ước đạt|ước tính|ước khoảng|\bước\b|dự kiến|khoảng|\bexpected\b|\bestimated?\b|\babout\b|\baround\b"
)
_MORE = re.compile(r"(?:trên|hơn|vượt|more than|over|above|exceed(?:ing)?)\s*$")
_LESS = re.compile(r"(?:dưới|under|below|less than)\s*$")
_ABOUT = re.compile(r"(?:khoảng|gần|around|about|nearly)\s*$")
_CHANGE_BEFORE = re.compile(
    r"(tăng|giảm|up|down|increased?|rose|fell|decreased?|grew)\s+(?:thêm\s+|by\s+|từ\s+)?(?:khoảng\s+|gần\s+|hơn\s+)?$"
)
_YEAR = re.compile(r"\b(?:năm|in|by|đến|year|tháng\s+\d{1,2}\s*/)\s*((?:19|20)\d\d)\b")
_SPAN = re.compile(r"(?:giai đoạn|period|từ năm|from)\s*((?:19|20)\d\d)\s*(?:–|-|—|đến|to)\s*((?:19|20)\d\d)")
_SINCE = re.compile(
    r"so với\s+(?:cùng kỳ\s+)?(?:năm\s+)?((?:19|20)\d\d)|(?:compared with|than|on|from)\s+((?:19|20)\d\d)"
)
_THEN = re.compile(r"(?:khi đó|lúc đó|đến lúc đó|by then|at that point|then),", re.IGNORECASE)
_CONTEXT_YEAR = re.compile(r"^(?:trong\s+)?(?:năm|in)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_PROVINCE = re.compile(r"(?:tỉnh|thành phố|tp\.?)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){1,3})")


@dataclass(frozen=True)
class Change:
    """A change on an earlier year, stated with the figure: "tăng 21% so với cùng kỳ năm 2023"."""

    value: float
    unit: str  # %, pp or places
    from_year: int
    printed: str


@dataclass(frozen=True)
class Candidate:
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


def _region(text: str, fallback: str) -> str:
    from ictgoals.regions import canonical

    for match in _PROVINCE.finditer(text):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):  # "tỉnh Trà Vinh đạt" → "Trà Vinh"
            found = canonical(" ".join(words[:size]))
            if found is not None:
                return found
    return fallback


def _name(clause: str) -> str:
    """The clause's own words for what the figure measures, without cue words."""
    words = re.sub(r"\b(?:năm|in)\s+(?:19|20)\d\d\b", " ", clause)
    words = re.sub(
        r"\b(?:đạt|ước đạt|ước tính|ước|là|được|lên tới|lên đến|khoảng|hơn|trên|gần|of|at|reached?)\b", " ", words
    )
    return re.sub(r"\s+", " ", words).strip(" ,;:–-") or clause.strip()


def reviewed_year(date: str | None) -> int | None:
    """The year a report dated `date` (YYYY, YYYY-MM or YYYY-MM-DD) reports on: a review held in the first
    half of a year (January 2021) is of the year before; one in the second half (29 December 2024), of its own."""
    if not date:
        return None
    match = re.match(r"((?:19|20)\d\d)(?:-(\d\d))?", date)
    if match is None:
        raise ValueError(tr("--date {date}: give it as YYYY-MM-DD, YYYY-MM or YYYY", date=date))
    year, month = int(match.group(1)), int(match.group(2) or 12)
    return year if month >= 7 else year - 1


def extract(
    raw: str,
    dataset: Dataset,
    *,
    date: str | None = None,
    region: str = NATIONAL,
) -> list[Candidate]:
    """Every candidate figure and target in a report (plain text or HTML), in the order of the text.

    `date` is the report's date: it gives the year of figures whose text names none, and says which
    years are still to come (their figures are targets)."""
    available()
    date_year = reviewed_year(date)
    text = plain_text(raw)
    written = convention(text) or Convention.ENGLISH
    names = names_of(dataset)
    found: list[Candidate] = []
    paragraph_year: dict[int, int] = {}
    paragraph_target: dict[int, bool] = {}
    paragraph_region: dict[int, str] = {}
    all_sentences = sentences(text)
    for sentence in all_sentences:
        if sentence.paragraph not in paragraph_year:
            start = _CONTEXT_YEAR.match(sentence.text)
            if start:
                paragraph_year[sentence.paragraph] = int(start.group(1))
            lowered = sentence.text.casefold()
            paragraph_target[sentence.paragraph] = bool(_TARGET.search(lowered)) and bool(start)
            paragraph_region[sentence.paragraph] = (
                _region(sentence.text, region) if re.match(r"(?:tại\s+)?(?:tỉnh|thành phố)\s", lowered) else region
            )
    said: int | None = None  # the last year a sentence named, for "Khi đó, …" (by then) in the next one
    for sentence in all_sentences:
        context = dict(paragraph_year)
        if said is not None and _THEN.match(sentence.text):
            context[sentence.paragraph] = said
        found.extend(
            _sentence(sentence, written, names, dataset, date_year, context, paragraph_target, paragraph_region)
        )
        named = _YEAR.findall(sentence.text.casefold())
        said = int(named[-1]) if named else said
    return found


def _sentence(
    sentence: Sentence,
    written: Convention,
    names: list[tuple[str, str, str]],
    dataset: Dataset,
    date_year: int | None,
    paragraph_year: dict[int, int],
    paragraph_target: dict[int, bool],
    paragraph_region: dict[int, str],
) -> list[Candidate]:
    text = sentence.text
    lowered = text.casefold()
    figures = mentions(text, written)
    out: list[Candidate] = []
    previous_end = 0
    span = _SPAN.search(lowered)
    sentence_target = bool(_TARGET.search(lowered))
    for number, mention in enumerate(figures):
        clause_start = max(previous_end, lowered.rfind(";", 0, mention.start) + 1)
        before = lowered[clause_start : mention.start]
        after = lowered[mention.end : figures[number + 1].start if number + 1 < len(figures) else len(lowered)]
        previous_end = mention.end
        # "71.000 tỷ đồng, tăng 21% so với năm 2023": the change of the figure before it, not a figure.
        # "xuất sắc tăng 6,27%, khá tăng 6,31%": a second subject, so a figure of its own.
        stated = _CHANGE_BEFORE.search(before)
        joined = stated is not None and re.fullmatch(r"[\s,(]*(?:và|and)?[\s,(]*", before[: stated.start()]) is not None
        if mention.unit in ("places", "pp") or (
            mention.unit == "%" and stated and out and (joined or _SINCE.match(after.strip()))
        ):
            if out and out[-1].change is None:
                out[-1] = _with_change(out[-1], mention, text, before, after)
            continue
        base = re.search(r"so với\s+(?:cùng kỳ\s+)?năm\s+((?:19|20)\d\d)\s*\($", before)
        figure_span, every_year = span, False
        year: int | None
        if base is not None:  # "tăng 13% so với năm 2024 (40 tỷ USD)": that year's figure
            kind, year, year_from, figure_span = "actual", int(base.group(1)), "sentence", None
        else:
            year, year_from = _year(
                before, after, lowered[: mention.start], sentence.paragraph, paragraph_year, date_year
            )
            every_year = span is not None and bool(re.match(r"\s*/\s*năm|\s*(?:a|per) year|\s*mỗi năm", after))
            if every_year and span is not None:
                year, year_from = int(span.group(2)), "sentence"  # "30 – 40%/năm" over 2021–2025: due every year
            target = sentence_target or paragraph_target.get(sentence.paragraph, False)
            if not target and year is not None and date_year is not None and year > date_year:
                target = True  # a figure for a year still to come is a goal
            kind = "target" if target else "actual"
            if kind == "target" and year_from == "date" and year is not None:
                year += 1  # a review at the end of a year sets the next year's targets
        out.append(
            _candidate(
                sentence,
                mention,
                lowered,
                clause_start,
                after,
                kind,
                year,
                year_from,
                names,
                dataset,
                paragraph_region,
                figure_span,
                every_year,
            )
        )
    return out


def _candidate(
    sentence: Sentence,
    mention: Mention,
    lowered: str,
    clause_start: int,
    after: str,
    kind: str,
    year: int | None,
    year_from: str,
    names: list[tuple[str, str, str]],
    dataset: Dataset,
    paragraph_region: dict[int, str],
    span: re.Match[str] | None,
    every_year: bool,
) -> Candidate:
    text = sentence.text
    before = lowered[clause_start : mention.start]
    following = re.split(r"[;,.]|\s(?:và|and)\s", after, maxsplit=1)[0][:80]
    # The figure's own words: its clause up to the last comma, and what follows it up to the next one. A clause
    # with no subject of its own (", năm 2025 đạt 90%", ", tăng trưởng 20%") takes the sentence's.
    cut = clause_start + max(before.rfind(","), before.rfind(" và ") + 3, before.rfind(" and ") + 4) + 1
    printed = lowered[mention.start : mention.end]  # "59.000 doanh nghiệp": the counted noun names it too
    own = lowered[cut : mention.start] + " " + printed + " " + following
    context = lowered[:cut]
    if len(words(_name(own))) < 2:  # the subject is the sentence's (from its last ';'), earlier on
        start = lowered.rfind(";", 0, mention.start) + 1
        own, context = lowered[start : mention.start] + " " + printed + " " + following, lowered[:start]
    indicator, score, matched = match_indicator(own, context, mention.unit, names)
    warnings = _warnings(dataset, indicator, mention)
    if kind == "target" and _ABOUT.search(before):
        warnings += (tr("printed as approximate: consider a tolerance"),)
    first, last = (int(span.group(1)), int(span.group(2))) if span else (0, 0)
    return Candidate(
        kind=kind,
        indicator=indicator,
        match=score,
        matched=matched,
        name=_name(text[clause_start : mention.start]),
        year=year,
        year_from=year_from,
        op=_op(kind, mention, before) if kind == "target" else None,
        value=mention.value,
        high=mention.high,
        unit=mention.unit,
        printed=mention.printed(text),
        start=sentence.start + mention.start,
        end=sentence.start + mention.end,
        line=sentence.line,
        sentence=text,
        region=_region(text, paragraph_region.get(sentence.paragraph, NATIONAL)),
        estimate=kind == "actual" and bool(_ESTIMATE.search(before[-40:])),
        period=(first, last) if span and kind == "actual" and year == last else None,
        years=(first, last) if span and kind == "target" and every_year else None,
        warnings=warnings,
        offset=mention.start,
        basis=_basis(before + " " + following) if span and kind == "actual" and year == last else None,
    )


def _basis(words_around: str) -> str | None:
    """Whether a figure for a span of years is the total over it or a yearly average, if the words say so."""
    if re.search(r"bình quân|trung bình|hàng năm|mỗi năm|/\s*năm|\baverage\b|\bper year\b|\ba year\b", words_around):
        return "average"
    if re.search(r"\btổng\b|cộng dồn|lũy kế|\btotal\b|\bcumulative\b", words_around):
        return "total"
    return None


def _year(
    before: str, after: str, sentence: str, paragraph: int, paragraph_year: dict[int, int], date_year: int | None
) -> tuple[int | None, str]:
    years = _YEAR.findall(before[before.rfind(",") + 1 :])  # a year before a comma is the previous figure's
    if years:
        return int(years[-1]), "sentence"
    ahead = re.match(
        r"[^,;.]{0,30}?(?:vào|đến|trong|in|by)\s+năm\s+((?:19|20)\d\d)|\s*(?:vào|in|by)\s+((?:19|20)\d\d)", after
    )
    if ahead:
        return int(ahead.group(1) or ahead.group(2)), "sentence"
    anywhere = [y for y in _YEAR.findall(sentence) if not re.search(rf"so với\s+(?:cùng kỳ\s+)?năm\s+{y}", sentence)]
    if anywhere:  # the nearest before the figure: "của năm 2024, năm 2025, Sở … đảm bảo 100%"
        return int(anywhere[-1]), "sentence"
    if paragraph in paragraph_year:
        return paragraph_year[paragraph], "context"
    if date_year is not None:
        return date_year, "date"
    return None, "date"


def _op(kind: str, mention: Mention, before: str) -> str:
    if mention.high is not None:
        return "between"
    if mention.unit in ("rank", "group"):
        return "<="
    if _MORE.search(before):
        return ">"
    if _LESS.search(before):
        return "<"
    return ">="


def _with_change(candidate: Candidate, mention: Mention, text: str, before: str, after: str) -> Candidate:
    from dataclasses import replace

    sign = -1.0 if re.search(r"(giảm|down|fell|decreased?)\s", before[-20:]) else 1.0
    since = _SINCE.search(after[:60])
    from_year = int(since.group(1) or since.group(2)) if since else (candidate.year or 0) - 1
    unit = {"places": "places", "rank": "places", "pp": "pp"}.get(mention.unit, "%")
    printed = text[mention.start : mention.end]
    return replace(candidate, change=Change(sign * mention.value, unit, from_year, printed))


def _warnings(dataset: Dataset, indicator: str | None, mention: Mention) -> tuple[str, ...]:
    """A value about a thousand times off the indicator's recorded figures: a scale word read, or printed, wrong."""
    if indicator is None or mention.unit not in ("VND bn", "USD bn", "count"):
        return ()
    values = [a.value for a in dataset.actuals if a.indicator == indicator and a.value > 0]
    if not values or mention.value <= 0:
        return ()
    typical = sorted(values)[len(values) // 2]
    ratio = mention.value / typical
    if ratio >= 300 or ratio <= 1 / 300:
        return (
            tr(
                "about {factor}× off the recorded figures of {indicator}: check the scale word",
                factor=f"{ratio:,.0f}" if ratio >= 1 else f"1/{1 / ratio:,.0f}",
                indicator=indicator,
            ),
        )
    return ()
