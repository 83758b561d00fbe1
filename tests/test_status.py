"""Status and conflict resolution on the small test dataset; every expected figure is worked out by hand."""

from __future__ import annotations

import dataclasses

import pytest

from ictgoals.analysis.index import canonical_region
from ictgoals.analysis.status import StatusRow, status
from ictgoals.model import Dataset, Op, Status


def _rows(report_rows: tuple[StatusRow, ...]) -> dict[tuple[str, str], StatusRow]:
    return {(r.target.indicator, r.target.op.value): r for r in report_rows}


class TestStatus:
    def test_percent_gap_is_in_percentage_points(self, dataset: Dataset) -> None:
        row = _rows(status(dataset, 2025).rows)[("dossiers", ">=")]
        assert row.current is not None
        assert (row.current.value, row.current.year) == (45.8, 2024)
        assert row.gap == pytest.approx(80 - 45.8)  # 34.2 pp
        assert row.status is Status.AT_RISK

    def test_rank_at_most_is_met_with_negative_gap(self, dataset: Dataset) -> None:
        row = _rows(status(dataset, 2025).rows)[("gci_rank", "<=")]
        assert (row.status, row.gap) == (Status.MET, 17 - 30)

    def test_maintain_compares_with_the_baseline_in_the_better_direction(self, dataset: Dataset) -> None:
        row = _rows(status(dataset, 2025).rows)[("gci_rank", "maintain")]
        # baseline: earliest figure, rank 25 in 2022; now rank 17, so 8 places better
        assert row.baseline is not None
        assert (row.baseline.year, row.baseline.value) == (2022, 25)
        assert (row.status, row.gap) == (Status.MET, -8)

    def test_between_inside_the_range_is_met_with_zero_gap(self, dataset: Dataset) -> None:
        row = _rows(status(dataset, 2025).rows)[("postal_growth", "between")]
        assert (row.status, row.gap) == (Status.MET, 0)

    def test_no_figure_is_no_data(self, dataset: Dataset) -> None:
        row = _rows(status(dataset, 2025).rows)[("signatures", ">=")]
        assert (row.status, row.current, row.gap) == (Status.NO_DATA, None, None)

    def test_a_failing_figure_for_the_target_year_is_missed(self, dataset: Dataset) -> None:
        (row,) = status(dataset, 2023).rows
        assert row.current is not None
        assert (row.status, row.current.value, row.gap) == (Status.MISSED, 40, 10)

    def test_summary_counts_every_row(self, dataset: Dataset) -> None:
        summary = status(dataset, 2025).summary()
        assert {k: v for k, v in summary.items() if v} == {"met": 3, "at-risk": 2, "no-trend": 2, "no-data": 1}

    def test_region_adds_its_own_targets_and_uses_its_own_figures(self, dataset: Dataset) -> None:
        region = canonical_region(dataset, "tra vinh")
        assert region == "Trà Vinh"
        report = status(dataset, 2025, region)
        assert len(report.rows) == 9  # the 8 national targets due in 2025 and Trà Vinh's own
        assert {r.region for r in report.rows} == {"Trà Vinh"}
        dossiers = sorted((r.target.region, r.gap, r.status) for r in report.rows if r.target.indicator == "dossiers")
        assert dossiers == [("Trà Vinh", 60 - 50, Status.NO_TREND), ("VN", 80 - 50, Status.NO_TREND)]
        assert sum(r.current is not None for r in report.rows) == 2

    def test_unknown_region_is_none(self, dataset: Dataset) -> None:
        assert canonical_region(dataset, "Hà Nội") is None
        assert canonical_region(dataset, "vn") == "VN"


class TestConflicts:
    def test_most_recent_source_wins_and_the_row_says_conflict(self, dataset: Dataset) -> None:
        row = _rows(status(dataset, 2025).rows)[("exports", ">=")]
        assert row.current is not None
        # review-2024-b (published 2024-12-30) is newer than review-2024-a (2024-12-29)
        assert (row.current.value, row.current.sources, row.current.conflict) == (132, ("review-2024-b",), True)
        assert row.current.estimate is False

    def test_swapping_publication_dates_swaps_the_winner(self, dataset: Dataset) -> None:
        sources = dict(dataset.sources)
        sources["review-2024-a"] = dataclasses.replace(sources["review-2024-a"], published="2025-01-05")
        swapped = dataclasses.replace(dataset, sources=sources)
        row = _rows(status(swapped, 2025).rows)[("exports", ">=")]
        assert row.current is not None
        assert (row.current.value, row.current.sources, row.current.estimate) == (133, ("review-2024-a",), True)

    def test_equally_recent_sources_are_ordered_by_id(self, dataset: Dataset) -> None:
        sources = dict(dataset.sources)
        sources["review-2024-a"] = dataclasses.replace(sources["review-2024-a"], published="2024-12-30")
        tied = dataclasses.replace(dataset, sources=sources)
        row = _rows(status(tied, 2025).rows)[("exports", ">=")]
        assert row.current is not None
        assert (row.current.value, row.current.sources) == (133, ("review-2024-a",))


def test_ops_are_all_covered(dataset: Dataset) -> None:
    """The small dataset has every op but the strict ones, which `test_strict_and_approximate_targets` covers."""
    assert {t.op for t in dataset.targets} == set(Op) - {Op.MORE_THAN, Op.LESS_THAN}


@pytest.mark.parametrize(
    ("op", "value", "unit", "actual", "expected"),
    [
        (Op.AT_LEAST, 80.0, "%", 45.8, 57.25),  # 45.8 ÷ 80 (docs/methodology.md, "% of target")
        (Op.MORE_THAN, 148.0, "USD bn", 148.0, 100.0),
        (Op.AT_MOST, 50.0, "count", 60.0, 83.333333333),  # lower is better: 50 ÷ 60
        (Op.BETWEEN, (30.0, 40.0), "%", 35.0, 100.0),
        (Op.BETWEEN, (30.0, 40.0), "%", 15.0, 50.0),  # below the range: 15 ÷ 30
        (Op.BETWEEN, (30.0, 40.0), "%", 45.0, None),  # above it: the gap says by how much
        (Op.AT_MOST, 30.0, "rank", 17.0, None),  # ranks are ahead or behind in places
        (Op.MAINTAIN, None, "%", 17.0, None),
        (Op.AT_LEAST, 0.0, "count", 5.0, None),  # a target of 0 divides nothing
        (Op.AT_MOST, 0.0, "count", 5.0, None),  # nor "at most 0": 0 ÷ 5 would say 0% of a target that 0 meets
        (Op.LESS_THAN, 0.0, "count", 5.0, None),
    ],
)
def test_percent_of_target(
    op: Op, value: float | tuple[float, float] | None, unit: str, actual: float, expected: float | None
) -> None:
    from ictgoals.analysis.status import percent_of
    from ictgoals.model import Better, Indicator, Target

    indicator = Indicator("x", "X", unit, Better.LOWER if unit == "rank" else Better.HIGHER)
    found = percent_of(Target("x", 2025, op, value, ("s",)), indicator, actual)
    assert found == (None if expected is None else pytest.approx(expected))
