"""Diffs, stated changes and validate on the small test dataset; every expected figure is worked out by hand."""

from __future__ import annotations

import dataclasses

import pytest

from ictgoals.analysis.changes import change_agrees, implied_previous
from ictgoals.analysis.checks import validate
from ictgoals.analysis.diff import DiffRow, diff
from ictgoals.model import ChangeUnit, Dataset, Figures, StatedChange, Status


class TestDiff:
    def _rows(self, dataset: Dataset, year: int = 2024, against: int = 2023) -> dict[str, DiffRow]:
        return {r.indicator.id: r for r in diff(dataset, year, against).rows}

    def test_every_indicator_with_a_figure_in_the_year_has_a_row(self, dataset: Dataset) -> None:
        assert sorted(self._rows(dataset)) == [
            "de_revenue",
            "dossiers",
            "egdi_rank",
            "exports",
            "gci_rank",
            "ict_revenue",
            "postal_growth",
        ]

    def test_recorded_previous_value(self, dataset: Dataset) -> None:
        row = self._rows(dataset)["dossiers"]
        assert row.before is not None
        assert (row.before.value, row.before_derived, row.improved) == (40, False, True)
        assert row.change == pytest.approx(5.8)
        assert row.change_pct == pytest.approx(14.5)  # 5.8 / 40

    def test_previous_value_implied_by_a_stated_change_is_marked_derived(self, dataset: Dataset) -> None:
        row = self._rows(dataset)["exports"]
        assert row.before is not None
        assert row.before_derived
        # 132 / 1.116 = 118.2796 (1.116 × 118.28 = 132.0005), rounded to whole units as 132 is printed: 118
        assert row.before.value == 118
        assert row.change_pct == pytest.approx(11.8644, abs=1e-4)  # (132 − 118) / 118 = 14 / 118
        assert row.stated_agrees is None  # a derived value cannot confirm the change it came from

    def test_stated_change_that_disagrees_with_the_figures(self, dataset: Dataset) -> None:
        row = self._rows(dataset)["ict_revenue"]
        assert row.change == 10
        assert row.change_pct == pytest.approx(7.0423, abs=1e-4)  # 10 / 142
        assert row.stated_agrees is False  # stated: nearly 11 %

    def test_change_stated_against_another_year_only_applies_to_that_year(self, dataset: Dataset) -> None:
        assert self._rows(dataset)["egdi_rank"].before is None
        row = self._rows(dataset, 2024, 2022)["egdi_rank"]
        assert row.before is not None
        assert (row.before.value, row.change, row.improved, row.stated_agrees) == (86, -15, True, True)

    def test_targets_due_in_the_year_come_with_their_outcome(self, dataset: Dataset) -> None:
        report = diff(dataset, 2024, 2023)
        assert [(r.target.indicator, r.status) for r in report.targets] == [("egdi_rank", Status.MET)]


@pytest.mark.parametrize(
    ("value", "unit", "change", "better_lower", "expected"),
    [
        (132, ChangeUnit.PERCENT, 11.6, False, 118),  # 132 / 1.116 = 118.28, to the precision of 132
        (45.8, ChangeUnit.PERCENT, 3.49, False, 44.3),  # 45.8 / 1.0349 = 44.2555, to one decimal as 45.8
        (71000, ChangeUnit.PERCENT, 21, False, 58678),  # 71000 / 1.21 = 58677.69 (was shown as 58.677,69)
        (67, ChangeUnit.PLACES, 6, True, 73),  # rank 67 after moving up 6 places was 73
        (8, ChangeUnit.PLACES, 2, False, 6),  # group 8 after moving up 2 groups, higher is better
        (45.8, ChangeUnit.POINTS, 5.8, False, 40),
        (45.8, ChangeUnit.POINTS, 5.25, False, 40.55),  # points: the finer precision of the two, 2 places
    ],
)
def test_implied_previous(
    dataset: Dataset, value: float, unit: ChangeUnit, change: float, better_lower: bool, expected: float
) -> None:
    indicator = dataset.indicators["gci_rank" if better_lower else "dossiers"]
    stated = StatedChange(change, unit, 2023)
    assert implied_previous(value, stated, indicator) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("stated", "before", "after", "agrees"),
    [
        (21, 58678, 71000, True),  # 71000 / 58678 = 1.20999
        (3.49, 142043, 147000, True),  # 147000 / 142043 = 1.034898
        (3.49, 142000, 147000, False),  # 3.5211 % is outside 3.49 ± 0.005 and the figures' rounding
        (11, 142, 152, False),  # 7.04 %
        ((8, 10), 152, 165, True),  # 8.55 % lies in 8–10 %
        (13, 40, 52, False),  # 30 %
    ],
)
def test_change_agrees_within_rounding(
    dataset: Dataset, stated: float | tuple[float, float], before: float, after: float, agrees: bool
) -> None:
    indicator = dataset.indicators["exports"]
    assert change_agrees(stated, before, after, ChangeUnit.PERCENT, indicator) is agrees


class TestValidate:
    def test_exactly_the_three_planted_problems(self, dataset: Dataset) -> None:
        found = [(f.code, f.indicator, f.year) for f in validate(dataset)]
        assert found == [
            ("conflict", "exports", 2024),
            ("stated-change-mismatch", "ict_revenue", 2024),
            ("inconsistent-target", "de_revenue", 2025),
        ]

    def test_findings_point_at_the_line(self, dataset: Dataset) -> None:
        findings = {f.code: f for f in validate(dataset)}
        assert findings["inconsistent-target"].file is not None
        assert findings["inconsistent-target"].file.endswith("targets.toml")
        assert findings["inconsistent-target"].line == 125  # grep -n: the de_revenue [[targets]] header
        assert "+30%" in findings["inconsistent-target"].message

    @pytest.mark.parametrize(
        ("index", "value", "said"),
        [
            (2, 108.5, "the figure 108.5 is not possible here: a share in % lies in 0–100"),
            (2, -0.5, "the figure -0.5 is not possible here: a share in % lies in 0–100"),
            (5, 0.0, "the figure 0 is not possible here: a rank is a whole number from 1"),
            (5, 17.5, "the figure 17.5 is not possible here: a rank is a whole number from 1"),
            (6, 1200.0, "the figure 1,200 is not possible here: this indicator's figures lie in -100–1000"),
        ],
    )
    def test_a_figure_its_unit_or_range_does_not_allow(
        self, dataset: Dataset, index: int, value: float, said: str
    ) -> None:
        """A share of 108.5 would count as met: record and import refuse it, and validate names it in a file."""
        wrong = dataclasses.replace(dataset.actuals[index], value=value)
        broken = dataclasses.replace(
            dataset, actuals=Figures((*dataset.actuals[:index], wrong, *dataset.actuals[index + 1 :]))
        )
        (found,) = [f for f in validate(broken) if f.code == "implausible-figure"]
        assert said in found.message
        assert (found.indicator, found.year) == (wrong.indicator, wrong.year)
        assert found.severity.value == "warning"

    def test_a_target_value_its_unit_does_not_allow(self, dataset: Dataset) -> None:
        wrong = dataclasses.replace(dataset.targets[0], value=120.0)
        broken = dataclasses.replace(dataset, targets=(wrong, *dataset.targets[1:]))
        (found,) = [f for f in validate(broken) if f.code == "implausible-figure"]
        assert "dossiers (VN, 2025): the target value 120 is not possible here" in found.message

    def test_figures_at_the_edges_of_what_is_allowed_are_no_finding(self, dataset: Dataset) -> None:
        edges = [
            dataclasses.replace(dataset.actuals[2], value=100.0),
            dataclasses.replace(dataset.actuals[3], value=0.0),
            dataclasses.replace(dataset.actuals[5], value=1.0),
            dataclasses.replace(dataset.actuals[6], value=-100.0),  # its declared range starts there
        ]
        kept = [a for i, a in enumerate(dataset.actuals) if i not in (2, 3, 5, 6)]
        broken = dataclasses.replace(dataset, actuals=Figures((*kept, *edges)))
        assert "implausible-figure" not in [f.code for f in validate(broken)]

    def test_printed_figure_that_does_not_match_its_value(self, dataset: Dataset) -> None:
        wrong = dataclasses.replace(dataset.actuals[2], printed="45,9%")
        broken = dataclasses.replace(dataset, actuals=Figures((*dataset.actuals[:2], wrong, *dataset.actuals[3:])))
        codes = [f.code for f in validate(broken)]
        assert codes.count("printed-mismatch") == 1
