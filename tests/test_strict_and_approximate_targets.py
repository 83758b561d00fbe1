"""Strict targets (">", "<": "trên", "hơn", "vượt") and approximate ones (`tolerance`: "khoảng")."""

from __future__ import annotations

import pytest

from ictgoals.analysis import status
from ictgoals.analysis.index import Index, printed_qualifier
from ictgoals.analysis.status import evaluate
from ictgoals.model import NATIONAL, Actual, Better, Dataset, Figures, Indicator, Op, Qualifier, Source, Status, Target
from ictgoals.output.text import show_gap, show_target


def judged(
    figure: float, op: Op, value: float | tuple[float, float] | None, tolerance: float | None = None, unit: str = "%"
) -> Status:
    """The status of a target due in 2025 with one figure for 2025 (so: met or missed)."""
    indicator = Indicator("x", "X", unit, Better.LOWER if unit == "rank" else Better.HIGHER)
    target = Target("x", 2025, op, value, ("s",), tolerance=tolerance)
    data = Dataset({"s": Source("s")}, {"x": indicator}, (target,), Figures([Actual("x", 2025, figure, "s")]))
    return evaluate(target, indicator, Index(data).series("x", NATIONAL), NATIONAL).status


@pytest.mark.parametrize(
    ("figure", "op", "value", "status"),
    [
        (80.0, Op.MORE_THAN, 80.0, Status.MISSED),  # "trên 80%": exactly 80 is not above 80
        (80.01, Op.MORE_THAN, 80.0, Status.MET),
        (80.0, Op.AT_LEAST, 80.0, Status.MET),
        (30.0, Op.LESS_THAN, 30.0, Status.MISSED),
        (29.9, Op.LESS_THAN, 30.0, Status.MET),
        (0.1 + 0.2, Op.MORE_THAN, 0.3, Status.MISSED),  # float noise is not "more"
    ],
)
def test_strict_targets(figure: float, op: Op, value: float, status: Status) -> None:
    assert judged(figure, op, value) is status


@pytest.mark.parametrize(
    ("figure", "op", "value", "tolerance", "status"),
    [
        (98.5, Op.AT_LEAST, 100.0, 2.0, Status.MET),  # 100 − 2 = 98 ≤ 98.5
        (97.9, Op.AT_LEAST, 100.0, 2.0, Status.MISSED),
        (98.0, Op.AT_LEAST, 100.0, 2.0, Status.MET),  # the bound itself
        (164.2, Op.AT_LEAST, 165.0, 0.8, Status.MET),  # "khoảng 165" from 164.2
        (164.1, Op.AT_LEAST, 165.0, 0.8, Status.MISSED),
        (31.5, Op.AT_MOST, 30.0, 2.0, Status.MET),
        (32.5, Op.AT_MOST, 30.0, 2.0, Status.MISSED),
        (28.5, Op.BETWEEN, (30.0, 40.0), 2.0, Status.MET),  # a range widens at both ends
        (42.5, Op.BETWEEN, (30.0, 40.0), 2.0, Status.MISSED),
    ],
)
def test_approximate_targets(
    figure: float, op: Op, value: float | tuple[float, float], tolerance: float, status: Status
) -> None:
    assert judged(figure, op, value, tolerance) is status


def test_plain_targets_are_judged_as_before() -> None:
    assert judged(97.9, Op.AT_LEAST, 100.0) is Status.MISSED
    assert judged(100.0, Op.AT_LEAST, 100.0, 0.0) is Status.MET


def test_the_table_says_what_kind_of_target_it_is() -> None:
    usd = Indicator("x", "X", "USD bn", Better.HIGHER)
    # a number never parts from its unit: they are joined by no-break spaces (U+00A0)
    words = show_target(Target("x", 2025, Op.MORE_THAN, 148.0, ("s",)), usd)
    assert words == "> 148 USD bn".replace(" ", "\u00a0")
    approximate = show_target(Target("x", 2025, Op.AT_LEAST, 165.0, ("s",), tolerance=0.8), usd)
    assert approximate == "≥\u00a0165\u00a0USD\u00a0bn ±0.8\u00a0USD\u00a0bn"


def test_met_within_tolerance_says_so() -> None:
    indicator = Indicator("x", "X", "USD bn", Better.HIGHER)
    target = Target("x", 2025, Op.AT_LEAST, 165.0, ("s",), tolerance=0.8)
    data = Dataset({"s": Source("s")}, {"x": indicator}, (target,), Figures([Actual("x", 2025, 164.5, "s")]))
    row = evaluate(target, indicator, Index(data).series("x", NATIONAL), NATIONAL)
    assert row.status is Status.MET
    assert show_gap(row).replace("\u00a0", " ") == "met, within tolerance (0.5 USD bn short)"


@pytest.mark.parametrize(
    ("printed", "approximate", "read"),
    [
        ("khoảng 165 nghìn", True, True),  # a word for "about": the print is read, and says so
        ("khoang 165", True, True),  # typed without accents
        ("about 165,000", True, True),
        ("hơn 148 tỷ USD", False, False),  # another bound: no reading needed to know it is not "about"
        ("80%", False, False),
    ],
)
def test_only_a_print_with_a_word_for_about_is_read(
    printed: str, approximate: bool, read: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A target whose print states another bound ("hơn") is not approximate, known without the reader of prints
    (which would load the number reader on every `status`); one with "khoảng" / "about" is read."""
    calls: list[str] = []

    def reader(text: str) -> Qualifier | None:
        calls.append(text)
        return printed_qualifier(text)

    monkeypatch.setattr(status, "printed_qualifier", reader)
    target = Target("x", 2025, Op.AT_LEAST, 165.0, ("s",), printed=printed)
    assert (status.is_approximate(target), calls == [printed]) == (approximate, read)
