"""The progress-ratio method (docs/methodology.md), table-driven and as properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ictgoals.analysis import status
from ictgoals.analysis.index import Index, Point
from ictgoals.analysis.status import StatusRow
from ictgoals.model import (
    NATIONAL,
    Actual,
    Better,
    Dataset,
    Figures,
    Indicator,
    Op,
    Source,
    Status,
    Target,
)


def evaluate(
    points: dict[int, float],
    op: Op,
    value: float | tuple[float, float] | None,
    year: int,
    unit: str = "%",
    better: Better = Better.HIGHER,
    baseline_year: int | None = None,
) -> StatusRow:
    indicator = Indicator("x", "X", unit, better)
    actuals = Figures(Actual("x", y, v, "s") for y, v in points.items())
    target = Target("x", year, op, value, ("s",), baseline_year=baseline_year)
    data = Dataset({"s": Source("s")}, {"x": indicator}, (target,), actuals)
    return status.evaluate(target, indicator, Index(data).series("x", NATIONAL), NATIONAL)


# Each expected ratio is worked out by hand in docs/methodology.md or in the comment.
CASES = [
    # R = 0.98421 clears 0.95, but the projection 18.3 × 1.11127 = 20.34 falls short of 20.5:
    # a row is on track only when its projection reaches the target, so this one is at risk.
    pytest.param(
        {2020: 12.0, 2024: 18.3},
        Op.AT_LEAST,
        20.5,
        2025,
        "%",
        Better.HIGHER,
        0.98421,
        Status.AT_RISK,
        id="digital-economy-share",
    ),
    # R ≥ 0.95 and the projection reaches the target: 45.8 → 52.3 in one year towards ≥ 59 in 2026
    # (hypothetical): obs = 52.3/45.8 − 1 = 0.141921, req = (59/45.8)^(1/2) − 1 = 0.134993,
    # R = 1.05132; projection 52.3 × 1.141921 = 59.72 ≥ 59, on track. Against ≥ 60 the same series
    # has req = (60/45.8)^(1/2) − 1 = 0.144571, R = 0.98167 ≥ 0.95, but 59.72 < 60: at risk.
    pytest.param(
        {2024: 45.8, 2025: 52.3}, Op.AT_LEAST, 59.0, 2026, "%", Better.HIGHER, 1.05132, Status.ON_TRACK, id="reaches"
    ),
    pytest.param(
        {2024: 45.8, 2025: 52.3}, Op.AT_LEAST, 60.0, 2026, "%", Better.HIGHER, 0.98167, Status.AT_RISK, id="short"
    ),
    pytest.param(
        {2020: 20.0, 2024: 45.8},
        Op.AT_LEAST,
        80.0,
        2025,
        "%",
        Better.HIGHER,
        0.72033,
        Status.AT_RISK,
        id="full-online-dossiers",
    ),
    pytest.param(
        {2015: 100.0, 2022: 90.0},
        Op.AT_MOST,
        50.0,
        2030,
        "count",
        Better.LOWER,
        0.33081,
        Status.OFF_TRACK,
        id="lower-is-better",
    ),
    pytest.param(
        {2015: 50.0, 2020: 48.0},
        Op.AT_LEAST,
        60.0,
        2030,
        "%",
        Better.HIGHER,
        -0.66491,
        Status.REGRESSING,
        id="regressing",
    ),
    # rank 86 → 71 over 2 years, top 50 by 2030: obs = √(71/86) − 1 = −0.091385,
    # req = (50/86)^(1/8) − 1 = −0.065544, R = 0.091385 / 0.065544 = 1.39425
    pytest.param(
        {2022: 86.0, 2024: 71.0}, Op.AT_MOST, 50.0, 2030, "rank", Better.LOWER, 1.39425, Status.ON_TRACK, id="rank"
    ),
    # 10 → 20 over 2 years towards the nearest bound 30 by 2025: obs = √2 − 1 = 0.414214,
    # req = 3^(1/5) − 1 = 0.245731, R = 1.68564
    pytest.param(
        {2020: 10.0, 2022: 20.0},
        Op.BETWEEN,
        (30.0, 40.0),
        2025,
        "%",
        Better.HIGHER,
        1.68564,
        Status.ON_TRACK,
        id="range",
    ),
    # a zero baseline stands in as 0.001: obs = (10/0.001)^(1/4) − 1 = 9,
    # req = (20/0.001)^(1/5) − 1 = 6.247797, R = 1.44051
    pytest.param(
        {2020: 0.0, 2024: 10.0},
        Op.AT_LEAST,
        20.0,
        2025,
        "count",
        Better.HIGHER,
        1.44051,
        Status.ON_TRACK,
        id="zero-baseline",
    ),
]


@pytest.mark.parametrize(("points", "op", "value", "year", "unit", "better", "ratio", "status"), CASES)
def test_progress_ratio(
    points: dict[int, float],
    op: Op,
    value: float | tuple[float, float],
    year: int,
    unit: str,
    better: Better,
    ratio: float,
    status: Status,
) -> None:
    row = evaluate(points, op, value, year, unit, better)
    assert row.progress_ratio == pytest.approx(ratio, abs=5e-5)
    assert row.status is status


def test_zero_baseline_is_reported() -> None:
    row = evaluate({2020: 0.0, 2024: 10.0}, Op.AT_LEAST, 20.0, 2025, "count")
    assert row.warnings == ("the baseline (2020) is 0; 0.001 stands in for it",)


def test_projection_and_required_pace() -> None:
    row = evaluate({2020: 20.0, 2024: 45.8}, Op.AT_LEAST, 80.0, 2025)
    # 45.8 × (45.8/20)^(1/4) = 45.8 × 1.230151 = 56.3409
    assert row.projected == pytest.approx(56.3409, abs=1e-3)
    assert row.required_change_per_year == pytest.approx(34.2)
    assert row.required_growth_pct == pytest.approx(74.6725, abs=1e-3)  # 80 / 45.8 = 1.746725
    assert row.baseline is not None
    assert (row.baseline.year, row.baseline.value) == (2020, 20.0)


def test_single_data_point_has_no_trend() -> None:
    row = evaluate({2024: 45.8}, Op.AT_LEAST, 80.0, 2025)
    assert (row.status, row.progress_ratio, row.projected) == (Status.NO_TREND, None, None)
    assert row.required_change_per_year == pytest.approx(34.2)


def test_maintain_is_met_or_missed_only() -> None:
    worse = evaluate({2022: 25.0, 2024: 30.0}, Op.MAINTAIN, None, 2025, "rank", Better.LOWER)
    assert (worse.status, worse.gap, worse.progress_ratio) == (Status.MISSED, 5.0, None)
    better = evaluate({2022: 25.0, 2024: 17.0}, Op.MAINTAIN, None, 2025, "rank", Better.LOWER)
    assert (better.status, better.gap) == (Status.MET, -8.0)


def test_baseline_year_falls_forward_to_the_next_year_with_a_figure() -> None:
    row = evaluate({2019: 5.0, 2021: 20.0, 2024: 45.8}, Op.AT_LEAST, 80.0, 2025, baseline_year=2020)
    assert row.baseline is not None
    assert (row.baseline.year, row.baseline.value) == (2021, 20.0)


def test_pace_is_null_when_met_or_past_the_deadline() -> None:
    met = evaluate({2020: 20.0, 2024: 90.0}, Op.AT_LEAST, 80.0, 2025)
    assert (met.required_change_per_year, met.required_growth_pct) == (None, None)
    missed = evaluate({2020: 20.0, 2025: 50.0}, Op.AT_LEAST, 80.0, 2025)
    assert missed.status is Status.MISSED
    assert (missed.required_change_per_year, missed.required_growth_pct) == (None, None)


positive = st.floats(min_value=0.5, max_value=1000, allow_nan=False, allow_infinity=False)


@given(
    base=positive,
    current=positive,
    goal=positive,
    span=st.integers(1, 10),
    ahead=st.integers(1, 10),
    op=st.sampled_from([Op.AT_LEAST, Op.AT_MOST]),
)
def test_met_exactly_when_the_op_holds(base: float, current: float, goal: float, span: int, ahead: int, op: Op) -> None:
    row = evaluate({2010: base, 2010 + span: current}, op, goal, 2010 + span + ahead)
    holds = current >= goal if op is Op.AT_LEAST else current <= goal
    assert (row.status is Status.MET) == (holds or math.isclose(current, goal))


@given(low=positive, width=positive, current=positive, year=st.integers(2011, 2030))
def test_between_met_exactly_inside(low: float, width: float, current: float, year: int) -> None:
    high = low + width
    row = evaluate({2010: 1.0, year: current}, Op.BETWEEN, (low, high), 2030)
    # bounds compare within floating-point noise, as for ">=" and "<="
    on_a_bound = math.isclose(current, low) or math.isclose(current, high)
    assert (row.status is Status.MET) == (low <= current <= high or on_a_bound)


@given(base=positive, current=positive, goal=positive, span=st.integers(1, 10), ahead=st.integers(0, 10))
def test_flipping_the_direction_negates_the_ratio(
    base: float, current: float, goal: float, span: int, ahead: int
) -> None:
    indicator_up = Indicator("x", "X", "%", Better.HIGHER)
    indicator_down = Indicator("x", "X", "%", Better.LOWER)
    baseline = Point(2010, base)
    now = Point(2010 + span, current)
    up = status.progress(baseline, now, goal, 2010 + span + ahead, indicator_up).ratio
    down = status.progress(baseline, now, goal, 2010 + span + ahead, indicator_down).ratio
    assume(up is not None and down is not None)
    assert down == pytest.approx(-up)  # type: ignore[operator]


@given(
    base=positive,
    current=positive,
    goal=positive,
    span=st.integers(1, 10),
    ahead=st.integers(1, 10),
    lower_is_better=st.booleans(),
)
def test_projection_reaches_the_target_exactly_when_the_ratio_is_at_least_one(
    base: float, current: float, goal: float, span: int, ahead: int, lower_is_better: bool
) -> None:
    better, op = (Better.LOWER, Op.AT_MOST) if lower_is_better else (Better.HIGHER, Op.AT_LEAST)
    row = evaluate({2010: base, 2010 + span: current}, op, goal, 2010 + span + ahead, "count", better)
    assume(row.progress_ratio is not None and row.projected is not None)
    assert row.progress_ratio is not None
    assert row.projected is not None
    assume(abs(row.progress_ratio - 1) > 1e-6)
    reaches = row.projected >= goal if better is Better.HIGHER else row.projected <= goal
    assert reaches == (row.progress_ratio >= 1)
