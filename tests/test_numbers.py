"""Reading Vietnamese-printed figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ictgoals.model import Qualifier
from ictgoals.numbers import (
    AmbiguousNumberError,
    Convention,
    ImplausibleNumberError,
    decimals,
    printed_change,
    printed_figure,
    printed_value,
    read_number,
    read_printed,
    readings,
)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("45,8", 45.8),
        ("3.744.214", 3744214),
        ("71.000", 71000),
        ("1.270", 1270),
        ("02", 2),
        ("29.71", 29.71),  # a '.' not followed by three digits is a decimal point
        ("1.234,5", 1234.5),
        ("1,234,567", 1234567),
        ("-3,5", -3.5),
        ("−12", -12),
    ],
)
def test_a_vietnamese_number(token: str, expected: float) -> None:
    assert readings(token, Convention.VIETNAMESE)[0] == expected


@pytest.mark.parametrize("token", ["", "abc", "1.23.4", "4,5,", "1..2"])
def test_what_is_not_a_number_is_refused(token: str) -> None:
    with pytest.raises(ValueError, match=r"number|several"):
        readings(token, Convention.VIETNAMESE)


@pytest.mark.parametrize(
    ("text", "unit", "value", "qualifier", "estimate"),
    [
        ("45,8%", "%", 45.8, None, False),
        ("hơn 71.000 tỷ đồng", "VND bn", 71000, Qualifier.MORE_THAN, False),
        ("ước đạt hơn 71.000 tỷ đồng", "VND bn", 71000, Qualifier.MORE_THAN, True),
        ("ước đạt 3.744.214 tỷ đồng", "VND bn", 3744214, None, True),
        ("ước khoảng 1.767.766 lao động", "count", 1767766, Qualifier.ABOUT, True),  # "động" is not "đồng"
        ("hơn 3 triệu tỷ đồng", "VND bn", 3_000_000, Qualifier.MORE_THAN, False),
        ("trên 148 tỷ đồng", "VND bn", 148, Qualifier.MORE_THAN, False),
        ("gần 11%", "%", 11, Qualifier.NEARLY, False),
        ("tối thiểu 02 tuyến", "count", 2, Qualifier.AT_LEAST, False),
        ("80% trở lên", "%", 80, Qualifier.AT_LEAST, False),
        ("xếp thứ 71", "rank", 71, None, False),
        ("top 30", "rank", 30, None, False),
        ("nhóm 08", "group", 8, None, False),
        ("76,42 thuê bao băng rộng/100 dân", "per 100 people", 76.42, None, False),
        ("trên 80%", "per 100 people", 80, Qualifier.MORE_THAN, False),  # per hundred: "%" fits
        ("giảm 5%", "", -5, None, False),
    ],
)
def test_a_print_in_a_data_file(
    text: str, unit: str, value: float, qualifier: Qualifier | None, estimate: bool
) -> None:
    number = printed_figure(text, unit)
    assert (number.value, number.qualifier, number.estimate) == (value, qualifier, estimate)


def test_ranges_read_both_bounds() -> None:
    assert printed_figure("30 – 40%/năm", "%").value == (30, 40)
    assert printed_change("tăng từ 08-10%") == (8, 10)


def test_ratio_becomes_a_percentage_only_for_percent_units() -> None:
    assert printed_value("85/85 xã", "%") == 100
    assert printed_value("85/85 xã", "count") == 85
    # 154231 / 519755 by long division: 519755 × 0.2967 = 154211.3, remainder 19.7 → 0.296738
    assert printed_value("154.231/519.755", "%") == pytest.approx(29.6738, abs=5e-5)


def test_text_without_a_number_is_an_error() -> None:
    with pytest.raises(ValueError, match="is not a number"):
        printed_figure("mức khá")


@pytest.mark.parametrize(("value", "places"), [(21.0, 0), (3.49, 2), (45.8, 1), (71000.0, 0), (6.27, 2)])
def test_decimals(value: float, places: int) -> None:
    assert decimals(value) == places


@pytest.mark.parametrize(
    ("text", "change"),
    [("tăng 21%", 21), ("tăng gấp 3 lần", 200), ("tăng 02 nhóm", 2), ("giảm 1,5%", -1.5), ("tăng từ 08-10%", (8, 10))],
)
def test_printed_change(text: str, change: float | tuple[float, float]) -> None:
    assert printed_change(text) == change


# ---------------------------------------------------------------- reading what people type (read_number, read_printed)


@pytest.mark.parametrize(
    ("token", "unit", "expected"),
    [
        ("45,8", "%", 45.8),  # Vietnamese decimal comma
        ("45.8", "%", 45.8),  # English decimal point
        ("3.744.214", "count", 3744214),  # Vietnamese thousands
        ("3,744,214", "count", 3744214),  # English thousands
        ("1.270,5", "VND bn", 1270.5),
        ("1,270.5", "VND bn", 1270.5),
        ("0.125", "VND bn", 0.125),  # was stored as 125: a group never starts with 0
        ("1,234.5", "VND bn", 1234.5),  # was stored as 1.2345
        ("45.800", "%", 45.8),  # a share cannot be 45800: the unit decides
        ("45.800", "count", 45800),  # a count cannot be 45.8
        ("1,234", "rank", 1234),
        ("-3,2", "VND bn", -3.2),
        ("−12", "", -12),
    ],
)
def test_read_number(token: str, unit: str, expected: float) -> None:
    assert read_number(token, unit) == expected


def test_a_number_two_ways_is_refused_with_both_readings() -> None:
    with pytest.raises(AmbiguousNumberError) as caught:
        read_number("45.800", "VND bn")
    assert caught.value.readings == (45.8, 45800)
    assert "write 45,8 for 45.8, or 45800 for 45800" in str(caught.value)


@pytest.mark.parametrize(
    ("token", "unit", "bounds", "reason"),
    [
        ("125", "%", None, "a share in % lies in 0–100"),
        ("-5", "%", None, "a share in % lies in 0–100"),
        ("1,5", "count", None, "is a whole number"),
        ("0", "rank", None, "from 1"),
        ("1200", "%", (-100.0, 1000.0), "lie in -100–1000"),
    ],
)
def test_what_the_unit_does_not_allow_is_refused(
    token: str, unit: str, bounds: tuple[float, float] | None, reason: str
) -> None:
    with pytest.raises(ImplausibleNumberError, match=reason):
        read_number(token, unit, bounds)


def test_a_declared_range_lets_a_growth_rate_leave_0_to_100() -> None:
    assert read_number("-3,2", "%", (-100.0, 1000.0)) == -3.2
    assert read_number("125", "%", (-100.0, 1000.0)) == 125


@pytest.mark.parametrize(
    ("text", "unit", "value", "qualifier", "estimate"),
    [
        ("45,8%", "%", 45.8, None, False),
        ("hơn 71.000 tỷ đồng", "VND bn", 71000, Qualifier.MORE_THAN, False),  # Vietnamese words: '.' groups
        ("trên 1.270", "count", 1270, Qualifier.MORE_THAN, False),
        ("hơn 3 triệu tỷ đồng", "VND bn", 3_000_000, Qualifier.MORE_THAN, False),
        ("3 nghìn tỷ đồng", "VND bn", 3000, None, False),
        ("ước đạt 148 tỷ USD", "USD bn", 148, None, True),
        ("1,2 triệu", "count", 1_200_000, None, False),
        ("nearly 100 billion", "USD bn", 100, Qualifier.NEARLY, False),
        ("more than 1,270.5 billion", "USD bn", 1270.5, Qualifier.MORE_THAN, False),  # English words: ',' groups
        ("about 45.8 percent", "%", 45.8, Qualifier.ABOUT, False),
    ],
)
def test_read_printed(text: str, unit: str, value: float, qualifier: Qualifier | None, estimate: bool) -> None:
    typed = read_printed(text, unit)
    assert typed.value == pytest.approx(value)
    assert (typed.qualifier, typed.estimate) == (qualifier, estimate)


@pytest.mark.parametrize("text", ["71.000 tỷ đồng", "hơn 5 tỷ VND"])
def test_a_print_in_another_currency_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="convert it first"):
        read_printed(text, "USD bn")


def vietnamese(integral: int, fraction: str, grouped: bool) -> str:
    """A number written the Vietnamese way, worked out here independently of the reader."""
    whole = f"{integral:,}".replace(",", ".") if grouped else str(integral)
    return whole + ("," + fraction if fraction else "")


def english(integral: int, fraction: str, grouped: bool) -> str:
    whole = f"{integral:,}" if grouped else str(integral)
    return whole + ("." + fraction if fraction else "")


@given(
    integral=st.integers(min_value=0, max_value=10**12),
    fraction=st.text(alphabet="0123456789", max_size=4),
    grouped=st.booleans(),
    negative=st.booleans(),
    style=st.sampled_from([vietnamese, english]),
    unit=st.sampled_from(["", "%", "count", "VND bn", "rank"]),
)
def test_every_number_reads_as_itself_or_is_refused(
    integral: int, fraction: str, grouped: bool, negative: bool, style: object, unit: str
) -> None:
    """Never a different number: whatever the convention, the reader gives the number written or refuses.

    Over the figures the unit allows (a share 0–100, whole counts, whole ranks from 1): when one
    of two readings is impossible in the unit, the unit decides (`45.800` as a share is 45.8).
    """
    text = style(integral, fraction, grouped)  # type: ignore[operator]
    if negative:
        text = "-" + text
    expected = float(Decimal(f"{'-' if negative else ''}{integral}.{fraction or '0'}"))
    whole = expected == int(expected)
    allowed = {"%": 0 <= expected <= 100, "count": whole, "rank": whole and expected >= 1}.get(unit, True)
    assume(allowed)
    try:
        got = read_number(text, unit)
    except ValueError:
        return  # refused (ambiguous, or not a figure in this unit): allowed
    assert got == expected, (text, unit)


@given(
    value=st.integers(min_value=1, max_value=999_999),
    scale=st.sampled_from(
        [
            ("nghìn", 1e3),
            ("triệu", 1e6),
            ("tỷ", 1e9),
            ("nghìn tỷ", 1e12),
            ("triệu tỷ", 1e15),
            ("thousand", 1e3),
            ("million", 1e6),
            ("billion", 1e9),
            ("trillion", 1e12),
        ]
    ),
    decimals=st.sampled_from(["", "5", "25"]),
)
def test_a_scaled_number_reads_into_the_unit(value: int, scale: tuple[str, float], decimals: str) -> None:
    word, factor = scale
    english_words = word in ("thousand", "million", "billion", "trillion")
    mark, group = (".", ",") if english_words else (",", ".")
    whole = f"{value:,}".replace(",", group)
    text = f"{whole}{mark + decimals if decimals else ''} {word}"
    expected = float(Decimal(f"{value}.{decimals or '0'}")) * factor / 1e9
    assert read_printed(text, "VND bn").value == pytest.approx(expected, rel=1e-12)


def test_the_reader_looks_at_phrases_as_long_as_its_longest() -> None:
    from ictgoals import numbers

    written, folded = numbers._vocabulary()
    assert max(len(phrase.split()) for phrase in (*written, *folded)) == numbers._LONGEST
