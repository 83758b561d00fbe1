"""Numbers and dates as the run's language writes them: 45.8 and 3,744,214 or 45,8 and 3.744.214; 01/12/2026.

One place for every table, chart, message, `validate` finding and `extract` score, so that a
Vietnamese run never shows an English decimal point or an ISO date.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import TYPE_CHECKING

from ictgoals.i18n import decimal_marks, language, pt

if TYPE_CHECKING:
    from decimal import Context

__all__ = ["date_text", "fixed", "plain", "signed"]


@functools.cache
def _rounding() -> Context:
    """Half-up rounding with enough digits for any float rounded to a few places (the largest has 309
    before the point). `decimal` is imported on first use: it costs about 1 ms, and a run that writes
    JSON or CSV formats no number."""
    import decimal

    return decimal.Context(prec=340, rounding=decimal.ROUND_HALF_UP)


def plain(value: float, places: int = 2) -> str:
    """A number with thousands separators and no trailing zeros: 3,744,214 or 45.8; 3.744.214 or 45,8 in Vietnamese.

    Rounded half up, as people round, after the noise of binary arithmetic is taken off: 45.8 ÷ 80
    is 57.25% (57.24999… in binary), shown to one place as 57.3%. A figure that would round to 0 is shown
    to its first two significant digits instead (0.0008, 0.00125 as 0.0013), down to 9 places.
    """
    context = _rounding()
    exact = context.create_decimal(repr(round(float(value), 9)) if math.isfinite(value) else 0)
    if exact and places > 0 and abs(float(exact)) < 0.5 * 10.0**-places:
        places = min(9, 1 - exact.adjusted())  # 800 thousand USD in USD bn: 0.0008, not 0 (two figures shown)
    rounded = exact.quantize(context.create_decimal(1).scaleb(-places, context), context=context)
    text = f"{rounded:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        return "0"
    decimal, thousands = decimal_marks()
    if decimal != ".":
        text = text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    return text


def fixed(value: float, places: int) -> str:
    """A number with exactly `places` decimals: 0.93 (0,93 in Vietnamese)."""
    text = f"{value:.{places}f}"
    return text.replace(".", decimal_marks()[0])


def change_amount(amount: str, unit: str) -> str:
    """A stated change with its unit ("%", "pp" or "places"): "+11%", with no space before the percent sign as
    figures are written; "+2 điểm %" or "+2 places" (a no-break space)."""
    word = pt("change unit", unit)
    return f"{amount}{word}" if unit == "%" else f"{amount}\u00a0{word}"


def signed(value: float, places: int = 1) -> str:
    """A signed number: +2.5 or -1 (+2,5 in Vietnamese)."""
    return ("+" if value > 0 else "") + plain(value, places)


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_text(value: dt.date | str) -> str:
    """A date as its reader writes it: 01/12/2026 (12/2023, 2024) in Vietnamese; 1 December 2026 in English.

    Takes a date, or the "YYYY", "YYYY-MM" and "YYYY-MM-DD" the data files hold; anything else is
    shown as it is written.
    """
    found = _ISO_DATE.fullmatch(value.isoformat() if isinstance(value, dt.date) else value.strip())
    if found is None:
        return str(value)
    year, month, day = found.groups()
    if language() == "vi":
        return "/".join(part for part in (day, month, year) if part)
    if month is None:
        return year
    words = _MONTHS[int(month) - 1]  # only English spells the month
    return f"{int(day)} {words} {year}" if day else f"{words} {year}"
