"""Reading Vietnamese-printed figures."""

from __future__ import annotations

import pytest

from ictgoals.numbers import Qualifier, decimals, parse_number, parse_printed, printed_change, printed_value


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
def test_parse_number(token: str, expected: float) -> None:
    assert parse_number(token) == expected


@pytest.mark.parametrize("token", ["", "abc", "1.23.4", "4,5,", "1..2"])
def test_parse_number_rejects_what_is_not_a_number(token: str) -> None:
    with pytest.raises(ValueError, match=r"number|several"):
        parse_number(token)


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "estimate"),
    [
        ("45,8%", 45.8, None, False),
        ("hơn 71.000 tỷ đồng", 71000, Qualifier.MORE_THAN, False),
        ("ước đạt hơn 71.000 tỷ đồng", 71000, Qualifier.MORE_THAN, True),
        ("ước đạt 3.744.214 tỷ đồng", 3744214, None, True),
        ("ước khoảng 1.767.766 lao động", 1767766, Qualifier.ABOUT, True),
        ("hơn 3 triệu tỷ đồng", 3_000_000, Qualifier.MORE_THAN, False),
        ("trên 148 tỷ đồng", 148, Qualifier.MORE_THAN, False),
        ("gần 11%", 11, Qualifier.NEARLY, False),
        ("tối thiểu 02 tuyến", 2, Qualifier.AT_LEAST, False),
        ("xếp thứ 71", 71, None, False),
        ("top 30", 30, None, False),
        ("nhóm 08", 8, None, False),
        ("76,42 thuê bao băng rộng/100 dân", 76.42, None, False),
        ("giảm 5%", -5, None, False),
    ],
)
def test_parse_printed(text: str, value: float, qualifier: Qualifier | None, estimate: bool) -> None:
    number = parse_printed(text)
    assert (number.value, number.qualifier, number.estimate) == (value, qualifier, estimate)


def test_ranges_read_both_bounds() -> None:
    assert parse_printed("30 – 40%/năm").value == (30, 40)
    assert parse_printed("tăng từ 08-10%").value == (8, 10)


def test_ratio_becomes_a_percentage_only_for_percent_units() -> None:
    assert printed_value("85/85 xã", "%") == 100
    assert printed_value("85/85 xã", "count") == 85
    # 154231 / 519755 by long division: 519755 × 0.2967 = 154211.3, remainder 19.7 → 0.296738
    assert printed_value("154.231/519.755", "%") == pytest.approx(29.6738, abs=5e-5)


def test_text_without_a_number_is_an_error() -> None:
    with pytest.raises(ValueError, match="no number"):
        parse_printed("mức khá")


@pytest.mark.parametrize(("value", "places"), [(21.0, 0), (3.49, 2), (45.8, 1), (71000.0, 0), (6.27, 2)])
def test_decimals(value: float, places: int) -> None:
    assert decimals(value) == places


@pytest.mark.parametrize(
    ("text", "change"),
    [("tăng 21%", 21), ("tăng gấp 3 lần", 200), ("tăng 02 nhóm", 2), ("giảm 1,5%", -1.5), ("tăng từ 08-10%", (8, 10))],
)
def test_printed_change(text: str, change: float | tuple[float, float]) -> None:
    assert printed_change(text) == change
