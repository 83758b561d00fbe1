"""Reading numbers the way Vietnamese reports print them: `45,8%`, `3.744.214`, `hơn 71.000 tỷ đồng`."""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass

from ictgoals.i18n import tr


class Qualifier(enum.StrEnum):
    """A word that makes a printed figure a bound or an approximation."""

    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    LESS_THAN = "less-than"
    NEARLY = "nearly"
    ABOUT = "about"


# Longest phrases first, so "ước khoảng" is read before "khoảng".
_QUALIFIER_WORDS: tuple[tuple[str, Qualifier], ...] = (
    ("tối thiểu", Qualifier.AT_LEAST),
    ("ít nhất", Qualifier.AT_LEAST),
    ("hơn", Qualifier.MORE_THAN),
    ("trên", Qualifier.MORE_THAN),
    ("dưới", Qualifier.LESS_THAN),
    ("gần", Qualifier.NEARLY),
    ("khoảng", Qualifier.ABOUT),
)
_ESTIMATE_WORDS = ("ước đạt", "ước tính", "ước khoảng", "ước")
_SCALE_WORDS = {"triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3}

_NUMBER = r"\d+(?:[.,]\d+)*"
_TOKEN = re.compile(
    rf"(?P<sign>[-−]\s*)?(?P<a>{_NUMBER})"
    rf"(?:\s*(?P<sep>[–—-]|/)\s*(?P<b>{_NUMBER}))?"
    rf"(?:\s+(?P<scale>triệu|nghìn|ngàn)\b)?"
)


@dataclass(frozen=True)
class PrintedNumber:
    """A figure read from text: a value or a range, with the words that qualify it."""

    low: float
    high: float | None = None
    qualifier: Qualifier | None = None
    estimate: bool = False
    ratio: tuple[float, float] | None = None

    @property
    def value(self) -> float | tuple[float, float]:
        return self.low if self.high is None else (self.low, self.high)


def parse_number(token: str) -> float:
    """Read one Vietnamese-printed number: ',' is the decimal mark, '.' groups thousands.

    A '.' followed by exactly three digits (every time it occurs) groups thousands, so
    `71.000` is 71000; otherwise it is a decimal point, as in the `29.71%` some reports print.
    Several ',' are thousands separators written the English way. It is `readings` with the
    Vietnamese convention: the one number reader, for text known to be Vietnamese.
    """
    return readings(token, Convention.VIETNAMESE)[0]


def parse_printed(text: str) -> PrintedNumber:
    """Read the first figure in a printed phrase, with its qualifier and scale words.

    `hơn 71.000 tỷ đồng` is 71000 (amounts stay in the printed "tỷ", i.e. billions) with
    "more than"; `hơn 3 triệu tỷ đồng` is 3000000; `30 – 40%` is a range; `85/85` is a
    ratio, whose value is the numerator until a caller asks for a percentage.
    """
    match = _TOKEN.search(text)
    if match is None:
        raise ValueError(tr("no number in {text!r}", text=text))
    before = text[: match.start()].casefold()
    scale = _SCALE_WORDS.get(match["scale"] or "", 1.0)
    negative = bool(match["sign"]) or "giảm" in before
    a = parse_number(match["a"]) * scale
    if negative:
        a = -a
    qualifier = next((q for word, q in _QUALIFIER_WORDS if word in before), None)
    estimate = any(word in before for word in _ESTIMATE_WORDS)
    if match["b"] is None:
        return PrintedNumber(a, qualifier=qualifier, estimate=estimate)
    b = parse_number(match["b"]) * scale
    if match["sep"] == "/":
        if b == 0:
            raise ValueError(tr("{text!r} divides by zero", text=text))
        return PrintedNumber(a, qualifier=qualifier, estimate=estimate, ratio=(a, b))
    return PrintedNumber(a, -b if negative else b, qualifier=qualifier, estimate=estimate)


def printed_change(text: str) -> float | tuple[float, float]:
    """The change a printed phrase states: "tăng gấp 3 lần" (tripled) is +200 (%)."""
    number = parse_printed(text)
    match = _TOKEN.search(text)
    if match is not None and "gấp" in text[: match.start()].casefold() and number.high is None:
        return 100.0 * (number.low - 1.0)
    return number.value


def printed_value(text: str, unit: str) -> float | tuple[float, float]:
    """The value a printed phrase stands for in `unit`: ratios become percentages for "%"."""
    number = parse_printed(text)
    if number.ratio is not None and unit == "%":
        return 100.0 * number.ratio[0] / number.ratio[1]
    return number.value


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
_WHOLE_UNITS = frozenset({"count", "rank", "group"})
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
    if unit in _WHOLE_UNITS and value != int(value):
        return False
    return not (unit == "rank" and value < 1)


def _allowed(unit: str, bounds: tuple[float, float] | None) -> str:
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
                allowed=_allowed(unit, bounds),
            )
        )
    return kept[0]


def read_number(token: str, unit: str = "", bounds: tuple[float, float] | None = None) -> float:
    """The one number a bare `token` means in `unit`; refuses an ambiguous or implausible one with the reason."""
    return _choose(token.strip(), readings(token), unit, bounds)


@dataclass(frozen=True)
class Typed:
    """A figure as a person typed or a report printed it: the value in the indicator's unit, and its words."""

    value: float
    qualifier: Qualifier | None = None
    estimate: bool = False


_PRINTED_NUMBER = re.compile(r"[-−]?\d+(?:[.,]\d+)*")
_ENGLISH_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("at least", Qualifier.AT_LEAST),
    ("more than", Qualifier.MORE_THAN),
    ("over", Qualifier.MORE_THAN),
    ("nearly", Qualifier.NEARLY),
    ("almost", Qualifier.NEARLY),
    ("about", Qualifier.ABOUT),
    ("around", Qualifier.ABOUT),
    ("approximately", Qualifier.ABOUT),
    ("less than", Qualifier.LESS_THAN),
    ("under", Qualifier.LESS_THAN),
    ("vượt", Qualifier.MORE_THAN),
)


def read_printed(
    text: str, unit: str = "", bounds: tuple[float, float] | None = None, *, strict: bool = False
) -> Typed:
    """A printed figure such as `hơn 71.000 tỷ đồng` or `45,8%` in `unit`: its value, qualifier and estimate flag.

    The text's own words say whether `.` groups thousands (Vietnamese) or marks decimals
    (English). Scale words (nghìn, triệu, tỷ, nghìn tỷ, triệu tỷ; thousand … quadrillion)
    are applied and the result expressed in the unit (`tỷ đồng` in "VND bn" is 1). Exactly one
    number must be printed; a range, a ratio or two figures are refused rather than guessed at.
    """
    folded = " ".join(text.casefold().split())
    numbers = _PRINTED_NUMBER.findall(folded)
    if not numbers:
        raise NotANumberError(tr("{text!r} is not a number", text=text))
    if len(numbers) > 1:
        raise ValueError(
            tr(
                "{text!r} holds {count} numbers; give the one figure (a range as two values)",
                text=text,
                count=len(numbers),
            )
        )
    (token,) = numbers
    before, _, after = folded.partition(token)
    if strict and (leftover := _leftover(before + " " + after)):
        raise NotANumberError(
            tr(
                "{text!r} is not a figure: {words!r} is neither a qualifier, a scale nor a unit",
                text=text,
                words=leftover,
            )
        )
    scale = next((factor for word, factor in SCALES if re.match(rf"\s*{word}\b", after)), 1.0)
    qualifier = next((q for word, q in (*_QUALIFIER_WORDS, *_ENGLISH_QUALIFIERS) if word in before), None)
    estimate = any(word in before for word in (*_ESTIMATE_WORDS, "estimated", "expected", "dự kiến"))
    printed_in = _currency(after)
    unit_in = next((currency for currency in ("VND", "USD") if currency in unit.upper()), None)
    if printed_in and unit_in and printed_in != unit_in:
        raise ValueError(
            tr(
                "{text!r} is in {currency}, but the indicator's unit is {unit!r}; convert it first",
                text=text,
                currency=printed_in,
                unit=unit,
            )
        )
    sign = -1.0 if "giảm" in before or "down" in before.split() else 1.0
    written = convention(before + " " + after)
    found = tuple(sign * value * scale / UNIT_SCALES.get(unit, 1.0) for value in readings(token, written))
    return Typed(_choose(text.strip(), found, unit, bounds), qualifier, estimate)


def _currency(words: str) -> str | None:
    """The currency the words after a printed figure name, if any."""
    if re.search(r"đồng|\bvnd\b|\bvnđ\b", words):
        return "VND"
    if re.search(r"\busd\b|us\$|\$|đô[- ]?la", words):
        return "USD"
    return None


_KNOWN_WORDS = sorted(
    {
        *(word for word, _ in _QUALIFIER_WORDS),
        *(word for word, _ in _ENGLISH_QUALIFIERS),
        *_ESTIMATE_WORDS,
        "estimated", "expected", "dự kiến", "đạt", "khoảng", "tăng", "giảm", "up", "down",
        *(word for word, _ in SCALES),
        "đồng", "vnd", "vnđ", "usd", "us$", "$", "đô la mỹ", "đô-la mỹ", "%", "percent",
    },
    key=len,
    reverse=True,
)  # fmt: skip


def _leftover(words: str) -> str:
    """What is left of the words around a figure once every known qualifier, scale and unit is taken away."""
    for word in _KNOWN_WORDS:
        words = words.replace(word, " ")
    return " ".join(words.split())
