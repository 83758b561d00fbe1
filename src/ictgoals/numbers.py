"""Reading numbers the way Vietnamese reports print them: `45,8%`, `3.744.214`, `hơn 71.000 tỷ đồng`."""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass


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
    Several ',' are thousands separators written the English way.
    """
    text = token.strip().replace("\u00a0", "").replace(" ", "")
    sign = -1.0 if text[:1] in ("-", "−") else 1.0
    text = text.lstrip("+-−")
    if not re.fullmatch(_NUMBER, text):
        raise ValueError(f"{token!r} is not a number")
    if "." in text and "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    elif "," in text:
        text = text.replace(",", "")
    elif "." in text and all(len(group) == 3 for group in text.split(".")[1:]):
        text = text.replace(".", "")
    elif text.count(".") > 1:
        raise ValueError(f"{token!r} has several '.' but they do not group thousands")
    value = sign * float(text)
    if not math.isfinite(value):
        raise ValueError(f"{token!r} is not a finite number")
    return value


def parse_printed(text: str) -> PrintedNumber:
    """Read the first figure in a printed phrase, with its qualifier and scale words.

    `hơn 71.000 tỷ đồng` is 71000 (amounts stay in the printed "tỷ", i.e. billions) with
    "more than"; `hơn 3 triệu tỷ đồng` is 3000000; `30 – 40%` is a range; `85/85` is a
    ratio, whose value is the numerator until a caller asks for a percentage.
    """
    match = _TOKEN.search(text)
    if match is None:
        raise ValueError(f"no number in {text!r}")
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
            raise ValueError(f"{text!r} divides by zero")
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
