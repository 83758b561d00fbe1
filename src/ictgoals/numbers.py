"""Reading numbers as typed or printed, in both conventions, into an indicator's unit: `45,8%`, `hơn 71.000 tỷ đồng`."""

from __future__ import annotations

import enum
import functools
import math
import re
from dataclasses import dataclass

from ictgoals.i18n import tr
from ictgoals.model import QUALIFIER_WORDS, QUALIFIER_WORDS_AFTER, WHOLE_UNITS, Qualifier, region_key
from ictgoals.values import Value


def decimals(value: float) -> int:
    """How many decimal places a value was written with, as far as its shortest repr shows."""
    text = repr(float(value))
    if "e" in text or "." not in text:
        return 0
    fraction = text.split(".")[1]
    return 0 if fraction == "0" else len(fraction)


# ---------------------------------------------------------------- reading what people type


class AmbiguousNumberError(ValueError):
    """A figure that can be read two ways (`45.800`: 45.8 or 45800) and neither unit nor language decides."""

    def __init__(self, text: str, readings: tuple[float, float]) -> None:
        first, second = readings
        super().__init__(
            tr(
                "{text!r} can be read as {first} or as {second} (',' and '.' mean opposite things in Vietnamese and "
                "English); write {first_typed} for {first}, or {second_typed} for {second}",
                text=text,
                first=_shown(first),
                second=_shown(second),
                first_typed=_unambiguous(first),
                second_typed=_unambiguous(second),
            )
        )
        self.readings = readings


class NotANumberError(ValueError):
    """Text that is not one plain number, such as `45,8%` or `hơn 71.000` (`read_printed` reads those)."""


class ImplausibleNumberError(ValueError):
    """A figure outside what its unit allows, such as a share of 125%."""


class Convention(enum.StrEnum):
    """Which way a text writes its numbers: Vietnamese `1.270,5` or English `1,270.5`."""

    VIETNAMESE = "vi"
    ENGLISH = "en"


#: Words that scale a printed number, longest first so "nghìn tỷ" is read before "tỷ".
SCALES: tuple[tuple[str, float], ...] = (
    ("triệu tỷ", 1e15),
    ("triệu tỉ", 1e15),
    ("nghìn tỷ", 1e12),
    ("nghìn tỉ", 1e12),
    ("ngàn tỷ", 1e12),
    ("ngàn tỉ", 1e12),
    ("quadrillion", 1e15),
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
)
#: How many plain units one unit of ours is: "VND bn" is a billion đồng.
UNIT_SCALES = {"VND bn": 1e9, "USD bn": 1e9}
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_VIETNAMESE_LETTERS = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")
_ENGLISH_WORDS = re.compile(r"\b(thousand|million|billion|trillion|percent|more than|over|about|nearly|around)\b")


def _shown(value: float) -> str:
    return str(int(value)) if value == int(value) and abs(value) < 1e15 else repr(value)


def _unambiguous(value: float) -> str:
    """How to type `value` so that it reads one way only: no separator, or a decimal comma with not three digits."""
    if value == int(value):
        return str(int(value))
    whole, _, fraction = repr(value).partition(".")
    return f"{whole},{fraction}" if len(fraction) != 3 else f"{whole},{fraction}0"


def convention(text: str) -> Convention | None:
    """The number convention a text's own words reveal: Vietnamese letters, or English number words."""
    if _VIETNAMESE_LETTERS.search(text.casefold()):
        return Convention.VIETNAMESE
    if _ENGLISH_WORDS.search(text.casefold()):
        return Convention.ENGLISH
    return None


def readings(token: str, written: Convention | None = None) -> tuple[float, ...]:
    """Every number `token` can mean, written the Vietnamese way (`1.270,5`) or the English way (`1,270.5`).

    One reading, or two when a single separator followed by three digits could group thousands
    or mark decimals (`45.800`, `1,234`) and `written` does not say which convention the text
    uses. Raises ValueError for what is not a number.
    """
    text = token.strip().replace("\u00a0", "").replace(" ", "")
    sign = -1.0 if text[:1] in ("-", "−") else 1.0
    text = text.lstrip("+-−")
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", text):
        raise NotANumberError(tr("{text!r} is not a number", text=token))
    dots, commas = text.count("."), text.count(",")
    found: list[float] = []
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        integral, _, fraction = text.rpartition(decimal)
        if decimal in integral or not _GROUPED.fullmatch(integral):
            raise ValueError(
                tr("{text!r} mixes '.' and ',' in a way that is neither Vietnamese nor English", text=token)
            )
        found.append(float(integral.replace("," if decimal == "." else ".", "") + "." + fraction))
    elif dots + commas == 0:
        found.append(float(text))
    else:
        mark = "." if dots else ","
        whole, _, fraction = text.partition(mark)
        if mark in fraction:  # only thousands can repeat
            if not _GROUPED.fullmatch(text):
                raise ValueError(
                    tr("{text!r} has several {mark!r} but they do not group thousands", text=token, mark=mark)
                )
            found.append(float(text.replace(mark, "")))
        else:
            as_decimal = float(f"{whole}.{fraction}")
            grouping = len(fraction) == 3 and len(whole) <= 3 and not whole.startswith("0")
            thousands = float(whole + fraction)
            groups_here = {Convention.VIETNAMESE: ".", Convention.ENGLISH: ","}.get(written) if written else None
            if not grouping or (groups_here is not None and groups_here != mark):
                found.append(as_decimal)
            elif groups_here == mark:
                found.append(thousands)
            else:
                found += [as_decimal, thousands]
    values = tuple(sign * value for value in found)
    if not all(math.isfinite(value) for value in values):
        raise ValueError(tr("{text!r} is not a finite number", text=token))
    return values


def plausible(value: float, unit: str, bounds: tuple[float, float] | None = None) -> bool:
    """Whether `value` can be a figure in `unit`: within `bounds` when given, else what the unit allows.

    A percentage is a share, 0–100, unless the indicator declares other bounds (a growth rate
    may be negative or above 100). Counts, ranks and groups are whole numbers, ranks from 1.
    """
    low, high = bounds if bounds is not None else ((0.0, 100.0) if unit == "%" else (-math.inf, math.inf))
    if not low <= value <= high:
        return False
    if unit in WHOLE_UNITS and value != int(value):
        return False
    return not (unit == "rank" and value < 1)


def allowed(unit: str, bounds: tuple[float, float] | None) -> str:
    """What a figure in `unit` (within `bounds`, when the indicator declares them) may be, in words."""
    if bounds is not None:
        return tr("this indicator's figures lie in {low}–{high}", low=_shown(bounds[0]), high=_shown(bounds[1]))
    if unit == "%":
        return tr("a share in % lies in 0–100 (an indicator that may leave it declares range = [low, high])")
    if unit == "rank":
        return tr("a rank is a whole number from 1")
    return tr("a figure in {unit!r} is a whole number", unit=unit)


def _choose(shown: str, found: tuple[float, ...], unit: str, bounds: tuple[float, float] | None) -> float:
    """The reading the unit allows; an error when it allows both (ambiguous) or none (implausible)."""
    kept = [value for value in found if plausible(value, unit, bounds)]
    if len(found) == 2 and len(kept) == 2:
        raise AmbiguousNumberError(shown, (found[0], found[1]))
    if not kept:
        readable = tr(" or ").join(_shown(value) for value in found)
        raise ImplausibleNumberError(
            tr(
                "{text!r} reads as {readings}, but {allowed}",
                text=shown,
                readings=readable,
                allowed=allowed(unit, bounds),
            )
        )
    return kept[0]


def read_number(token: str, unit: str = "", bounds: tuple[float, float] | None = None) -> float:
    """The one number a bare `token` means in `unit`; refuses an ambiguous or implausible one with the reason."""
    return _choose(token.strip(), readings(token), unit, bounds)


# ---------------------------------------------------------------- reading printed figures: the one reader


@dataclass(frozen=True, eq=False, repr=False)
class Typed(Value):
    """A figure as a person typed or a report printed it: the value in the indicator's unit, and its words."""

    value: float
    qualifier: Qualifier | None = None
    estimate: bool = False


@dataclass(frozen=True, eq=False, repr=False)
class Printed(Value):
    """A printed figure in an indicator's unit: one value, or a range (`30 – 40%`), with its words."""

    low: float
    high: float | None = None
    qualifier: Qualifier | None = None
    estimate: bool = False

    @property
    def value(self) -> float | tuple[float, float]:
        return self.low if self.high is None else (self.low, self.high)


class _Kind(enum.Enum):
    """What a word around a printed figure does."""

    QUALIFIER = "qualifier"  # before the number: hơn, khoảng, more than
    AFTER_QUALIFIER = "after-qualifier"  # after it: trở lên, or more
    ESTIMATE = "estimate"  # ước đạt, estimated
    NEGATIVE = "negative"  # âm, lỗ, giảm, fell, down
    POSITIVE = "positive"  # tăng, tăng trưởng, up, rose
    SCALE = "scale"  # nghìn, triệu, tỷ, billion (after the number)
    CURRENCY = "currency"  # đồng, VND, USD, $, and currencies no unit of ours uses
    PERCENT = "percent"  # %, percent, phần trăm
    FILLER = "filler"  # đạt, tỷ lệ, mức: words that change nothing
    MULTIPLE = "multiple"  # gấp … lần: a change stated as a multiple


#: Currencies a unit of ours can be in; any other printed currency is refused.
_UNIT_CURRENCIES = ("VND", "USD")


Vocabulary = dict[str, tuple[_Kind, object]]


@functools.cache
def _vocabulary() -> tuple[Vocabulary, Vocabulary]:
    """Every word the reader knows, as written (case ignored) and folded (accents ignored too).

    Text with Vietnamese letters is matched as written, so "động" (in "lao động") is never "đồng";
    text typed without accents ("5 nghin ty dong") is matched folded.
    """
    written: Vocabulary = {}
    folded: Vocabulary = {}

    def add(kind: _Kind, payload: object, *phrases: str) -> None:
        for phrase in phrases:
            written[" ".join(phrase.casefold().split())] = (kind, payload)
            folded[region_key(phrase)] = (kind, payload)

    for qualifier, phrases in QUALIFIER_WORDS.items():
        add(_Kind.QUALIFIER, qualifier, *phrases)
    for qualifier, phrases in QUALIFIER_WORDS_AFTER.items():
        add(_Kind.AFTER_QUALIFIER, qualifier, *phrases)
    add(_Kind.ESTIMATE, None, "ước đạt", "ước tính", "ước", "dự kiến", "estimated", "an estimated", "expected")
    add(_Kind.ESTIMATE, Qualifier.ABOUT, "ước khoảng")
    add(_Kind.NEGATIVE, None, "âm", "lỗ", "giảm", "sụt giảm", "minus", "negative", "loss", "lost", "fell", "fall")
    add(_Kind.NEGATIVE, None, "down", "decline", "declined", "decrease", "decreased", "dropped", "drop", "shrank")
    add(_Kind.POSITIVE, None, "tăng", "tăng trưởng", "up", "rose", "rise", "grew", "growth", "increase", "increased")
    add(_Kind.POSITIVE, None, "plus")
    for phrase, factor in (*SCALES, ("bn", 1e9), ("mn", 1e6), ("tn", 1e12)):
        add(_Kind.SCALE, factor, phrase)
    add(_Kind.CURRENCY, "VND", "đồng", "vnd", "vnđ", "đ", "₫", "việt nam đồng")
    add(_Kind.CURRENCY, "USD", "usd", "$", "đô la", "đô la mỹ", "đô", "dollar", "dollars", "us dollars")
    add(_Kind.CURRENCY, "EUR", "eur", "euro", "euros", "€")
    add(_Kind.CURRENCY, "JPY", "jpy", "yên", "yen", "¥")
    add(_Kind.CURRENCY, "KRW", "krw", "won", "₩")
    add(_Kind.CURRENCY, "CNY", "cny", "rmb", "yuan", "nhân dân tệ", "tệ")
    add(_Kind.CURRENCY, "GBP", "gbp", "bảng anh", "£", "pound", "pounds")
    add(_Kind.CURRENCY, "THB", "thb", "baht", "bạt")
    add(_Kind.PERCENT, None, "%", "percent", "per cent", "phần trăm")
    add(_Kind.FILLER, None, "đạt", "là", "mức", "ở mức", "tỷ lệ", "tỉ lệ", "tốc độ", "lên", "reached", "at", "of")
    add(_Kind.FILLER, None, "từ", "from", "to", "đến", "by", "a", "the", "rate")
    add(_Kind.MULTIPLE, None, "gấp", "lần", "times")
    return written, folded


#: The longest phrase of the vocabulary, in words.
_LONGEST = 3
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DASHES = "-−–—"  # hyphen, minus sign, en dash, em dash
#: A dollar sign after letters other than US: the Australian, Canadian, Hong Kong, Singapore… dollar.
_OTHER_DOLLAR = re.compile(r"(?<![A-Za-z])((?!US\$)[A-Za-z]{1,3})\$", re.IGNORECASE)
#: A number alone in accounting brackets with its unit outside them: "(5)%", "(1.200) tỷ đồng".
_BRACKETED_NUMBER = re.compile(r"\(\s*(\d[\d.,\s]*?)\s*\)")
_SYMBOLS = re.compile(r"([%$€¥₩£₫])")


def _accented(text: str) -> bool:
    """Whether `text` is written with Vietnamese letters (else its words are matched without accents)."""
    return bool(_VIETNAMESE_LETTERS.search(text.casefold()))


def _split(segment: str, accented: bool) -> list[str]:
    """The words of a stretch of text around a figure, case folded (and accents too unless `accented`):
    `US$` is `usd`, `đô-la` is `đô la`."""
    if accented:
        import unicodedata

        folded = unicodedata.normalize("NFC", segment).casefold()
    else:
        folded = region_key(segment)
    folded = folded.replace("us$", " usd ")
    folded = _SYMBOLS.sub(r" \1 ", folded)
    folded = re.sub(r"(?<=\w)-(?=\w)", " ", folded)
    folded = re.sub(r"[.,;:!?()\[\]\"'“”‘’/…]", " ", folded)
    return folded.split()


class _Words:
    """What the words around a figure say (a plain class: a dataclass costs start-up on every status run)."""

    __slots__ = (
        "currency",
        "directions",
        "estimate",
        "multiple",
        "percent",
        "qualifier",
        "scale",
        "scales",
        "sign",
        "unknown",
    )

    def __init__(self) -> None:
        self.qualifier: Qualifier | None = None
        self.estimate = False
        self.sign = 1.0
        self.directions = 0
        self.scale: float | None = None
        self.scales = 0
        self.currency: str | None = None
        self.percent = False
        self.multiple = False
        self.unknown: tuple[str, ...] = ()


def _matched(words: list[str], accented: bool) -> list[tuple[str, tuple[_Kind, object] | None]]:
    """Each phrase of `words` with what it means (None: not a word the reader knows), longest phrases first."""
    vocabulary = _vocabulary()[0 if accented else 1]
    found: list[tuple[str, tuple[_Kind, object] | None]] = []
    position = 0
    while position < len(words):
        for length in range(min(_LONGEST, len(words) - position), 0, -1):
            phrase = " ".join(words[position : position + length])
            if phrase in vocabulary:
                found.append((phrase, vocabulary[phrase]))
                position += length
                break
        else:
            found.append((words[position], None))
            position += 1
    return found


def _read_words(before: str, after: str, accented: bool) -> _Words:
    """What the words before and after a figure say; a word in the wrong place counts as unknown."""
    said = _Words()
    unknown: list[str] = []
    for side, text in (("before", before), ("after", after)):
        for phrase, meaning in _matched(_split(text, accented), accented):
            if meaning is None or not _apply(said, side, *meaning):
                unknown.append(phrase)
    said.unknown = tuple(unknown)
    return said


def _apply(said: _Words, side: str, kind: _Kind, payload: object) -> bool:
    """Record what one known phrase says; False when it cannot mean that where it stands."""
    if kind is _Kind.QUALIFIER or kind is _Kind.AFTER_QUALIFIER or kind is _Kind.ESTIMATE:
        if (side == "before") != (kind is not _Kind.AFTER_QUALIFIER):
            return False
        said.estimate = said.estimate or kind is _Kind.ESTIMATE
        if isinstance(payload, Qualifier):
            said.qualifier = payload
    elif kind is _Kind.NEGATIVE or kind is _Kind.POSITIVE:
        said.sign = -1.0 if kind is _Kind.NEGATIVE else said.sign
        said.directions += 1
    elif kind is _Kind.SCALE:
        if side == "before":
            return False
        said.scale = float(payload)  # type: ignore[arg-type]
        said.scales += 1
    elif kind is _Kind.CURRENCY:
        said.currency = str(payload)
    elif kind is _Kind.PERCENT:
        said.percent = said.percent or side == "after"
        return side == "after"
    elif kind is _Kind.MULTIPLE:
        said.multiple = True
    return True


class _Figure:
    """The number (or the two numbers of a range or ratio) in a printed text, and the text around it."""

    __slots__ = ("after", "before", "negative", "others", "shape", "tokens")

    def __init__(
        self, tokens: tuple[str, ...], shape: str, negative: bool, before: str, after: str, others: int
    ) -> None:
        self.tokens = tokens
        self.shape = shape  # "one", "range" or "ratio"
        self.negative = negative  # written with a minus sign (-, −, –, —) or in accounting parentheses
        self.before = before
        self.after = after
        self.others = others  # numbers printed after it


def _figure(text: str) -> _Figure:
    """Find the first figure of `text`: a number, `30 – 40` (a range) or `85/85` (a ratio)."""
    body, bracketed = text.strip(), False
    if body.startswith("(") and body.endswith(")"):
        body, bracketed = body[1:-1], True  # "(5%)": a negative figure, as accounts print it
    elif (inner := _BRACKETED_NUMBER.search(body)) is not None and not _NUMBER.search(body, 0, inner.start()):
        body, bracketed = body[: inner.start()] + inner.group(1) + body[inner.end() :], True  # "(5)%" likewise
    found = list(_NUMBER.finditer(body))
    if not found:
        raise NotANumberError(tr("{text!r} is not a number", text=text))
    first = found[0]
    before = body[: first.start()]
    tail = before.rstrip()[-1:]
    signed = bool(tail) and tail in _DASHES
    if signed:
        before = before.rstrip()[:-1]
    shape, used = "one", [first]
    if len(found) > 1:
        between = body[first.end() : found[1].start()].strip()
        if between and (between in _DASHES or region_key(between) in ("den", "to", "toi")):
            shape, used = "range", found[:2]
        elif between == "/":
            shape, used = "ratio", found[:2]
    rest = found[len(used) :]
    after = body[used[-1].end() : rest[0].start() if rest else len(body)]
    return _Figure(tuple(m[0] for m in used), shape, signed or bracketed, before, after, len(rest))


class _Unit:
    """What a unit label allows: its currency, how many plain units one of it is, and whether "%" fits it."""

    def __init__(self, unit: str) -> None:
        self.label = unit
        self.currency: str | None = None
        self.base = UNIT_SCALES.get(unit, 1.0)
        accented = _accented(unit)
        for _, meaning in _matched(_split(unit, accented), accented):
            if meaning is not None and meaning[0] is _Kind.CURRENCY:
                self.currency = str(meaning[1])
            elif meaning is not None and meaning[0] is _Kind.SCALE and unit not in UNIT_SCALES:
                self.base = float(meaning[1])  # type: ignore[arg-type]
        folded = region_key(unit)
        self.percent = folded in ("%", "percent") or bool(re.match(r"(per|/|tren)\s*100\b", folded))


def _refuse_words(text: str, said: _Words, unit: _Unit, *, strict: bool) -> None:
    """Refuse what cannot be read safely: an unknown word (strictly), a currency or a "%" the unit does not take."""
    if strict and said.unknown:
        raise NotANumberError(
            tr(
                "{text!r} is not a figure: {words!r} is neither a qualifier, a scale nor a unit",
                text=text,
                words=" ".join(said.unknown),
            )
        )
    if strict and (said.scales > 1 or said.directions > 1 or said.multiple):
        raise ValueError(tr("{text!r} can be read more than one way; give the figure as a plain number", text=text))
    if not unit.label:
        return
    if said.currency is not None and said.currency not in _UNIT_CURRENCIES:
        raise ValueError(
            tr(
                "{text!r} is in {currency}, but the indicator's unit is {unit!r}; convert it first",
                text=text,
                currency=said.currency,
                unit=unit.label,
            )
        )
    if said.currency is not None and unit.currency is None:
        raise ValueError(
            tr(
                "{text!r} is an amount in {currency}, but the indicator's unit {unit!r} is not money; "
                "give the figure in {unit!r}",
                text=text,
                currency=said.currency,
                unit=unit.label,
            )
        )
    if said.currency is not None and said.currency != unit.currency:
        raise ValueError(
            tr(
                "{text!r} is in {currency}, but the indicator's unit is {unit!r}; convert it first",
                text=text,
                currency=said.currency,
                unit=unit.label,
            )
        )
    if said.percent and not unit.percent:
        raise ValueError(
            tr(
                "{text!r} is a percentage, but the indicator's unit is {unit!r}; give the figure in {unit!r}",
                text=text,
                unit=unit.label,
            )
        )


def _in_unit(
    text: str, token: str, factor: float, unit: _Unit, bounds: tuple[float, float] | None, *, strict: bool
) -> float:
    """One printed number in the unit: read in the text's convention, scaled, and checked against the unit."""
    written = convention(text)
    found = tuple(factor * value for value in readings(token, written))
    try:
        return _choose(text.strip(), found, unit.label, bounds)
    except AmbiguousNumberError:
        if strict:
            raise
        return factor * readings(token, Convention.VIETNAMESE)[0]  # the reports' own convention


def _read(
    text: str, unit_label: str, bounds: tuple[float, float] | None, *, strict: bool
) -> tuple[_Figure, _Words, tuple[float, ...]]:
    """The one reader: the figure of `text`, what its words say, and its number(s) in the unit."""
    if not text.isascii():  # accents typed as separate marks (NFD, as some systems save text) read the same
        import unicodedata

        text = unicodedata.normalize("NFC", text)
    other = _OTHER_DOLLAR.search(text)
    if other is not None:  # A$, C$, HK$, S$: dollars, but not the US dollar that "$" means here
        raise ValueError(
            tr(
                "{text!r} is in {currency}, a currency ictgoals does not convert; convert it first",
                text=text,
                currency=other.group(1) + "$",
            )
        )
    figure = _figure(text)
    said = _read_words(figure.before, figure.after, _accented(text))
    unit = _Unit(unit_label)
    _refuse_words(text, said, unit, strict=strict)
    if strict and figure.negative and said.directions:
        raise ValueError(tr("{text!r} can be read more than one way; give the figure as a plain number", text=text))
    sign = -1.0 if figure.negative else said.sign
    factor = sign * (said.scale or 1.0)
    if said.scale is not None or said.currency is not None:
        factor /= unit.base  # "71.000 tỷ đồng" in "VND bn": tỷ đồng is the unit
    if figure.shape == "ratio":  # the ratio itself, numerator over denominator, before any unit
        numerator, denominator = (readings(t, convention(text) or Convention.VIETNAMESE)[0] for t in figure.tokens)
        if denominator == 0:
            raise ValueError(tr("{text!r} divides by zero", text=text))
        return figure, said, (numerator, denominator)
    values = tuple(_in_unit(text, token, factor, unit, bounds, strict=strict) for token in figure.tokens)
    return figure, said, values


def read_printed(
    text: str, unit: str = "", bounds: tuple[float, float] | None = None, *, strict: bool = False
) -> Typed:
    """One figure as typed or printed (`hơn 71.000 tỷ đồng`, `45,8%`, `–5%`) in `unit`, with its qualifier.

    The text's own words say whether `.` groups thousands (Vietnamese) or marks decimals
    (English). Scale words (nghìn, triệu, tỷ, nghìn tỷ, triệu tỷ, with or without accents;
    thousand … quadrillion) are applied and the result expressed in the unit (`tỷ đồng` in
    "VND bn" is 1). Sign words (âm, lỗ, giảm, fell), a minus sign of any kind and accounting
    parentheses make it negative. A currency other than the unit's, a currency on a unit that is
    not money, and a "%" on a unit that is not a percentage are refused. Exactly one number must be
    printed; `strict` refuses every word the reader does not know, so nothing is dropped unread.
    """
    figure, said, values = _read(text, unit, bounds, strict=strict)
    if figure.shape != "one" or figure.others:
        raise ValueError(
            tr(
                "{text!r} holds {count} numbers; give the one figure (a range as two values)",
                text=text,
                count=len(figure.tokens) + figure.others,
            )
        )
    return Typed(values[0], said.qualifier, said.estimate)


def printed_figure(text: str, unit: str = "", bounds: tuple[float, float] | None = None) -> Printed:
    """The first figure of a print in a data file, as the reports write them: `30 – 40%` is a range, `85/85 xã`
    a ratio (a percentage for unit "%", else its numerator), and words the reader does not know ("xã",
    "doanh nghiệp") are nouns around it. Everything else is read exactly as `read_printed` reads it."""
    figure, said, values = _read(text, unit, bounds, strict=False)
    if figure.shape == "ratio":
        numerator, denominator = values
        value = 100.0 * numerator / denominator if unit == "%" else numerator
        return Printed(value, None, said.qualifier, said.estimate)
    return Printed(values[0], values[1] if len(values) > 1 else None, said.qualifier, said.estimate)


def printed_value(text: str, unit: str = "", bounds: tuple[float, float] | None = None) -> float | tuple[float, float]:
    """The value a print in a data file stands for in `unit` (`printed_figure`)."""
    return printed_figure(text, unit, bounds).value


def printed_change(text: str) -> float | tuple[float, float]:
    """The change a printed phrase states: "tăng 21%" is 21, "giảm 1,5%" −1.5, "tăng gấp 3 lần" (tripled) +200 (%)."""
    figure, said, values = _read(text, "", None, strict=False)
    if said.multiple and figure.shape == "one" and "gap" in _split(figure.before, accented=False):
        return 100.0 * (values[0] - 1.0)
    return values[0] if len(values) == 1 or figure.shape == "ratio" else (values[0], values[1])
