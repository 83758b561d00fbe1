"""The bundled dataset against the source documents in tests/seeds/.

FIGURES and TARGETS below were typed from a separate reading of the seeds, not copied from
the TOML, so a wrong digit in either place fails here.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from conftest import REPO
from ictgoals.analysis.checks import validate
from ictgoals.analysis.diff import diff
from ictgoals.analysis.index import Reading, Series, canonical_region
from ictgoals.analysis.status import evaluate, status
from ictgoals.datafiles import loader
from ictgoals.model import NATIONAL, Dataset, Status
from ictgoals.numbers import printed_change, printed_value

SEEDS = Path(__file__).parent / "seeds"
B24, B23, TV24, AG24, LS20 = (
    "mic-2024-review-backan",
    "mic-2023-review-backan",
    "mic-2024-review-travinh",
    "mic-2024-review-angiang",
    "mic-2020-review-langson",
)
TV, LS = "Trà Vinh", "Lạng Sơn"

# (source, indicator, region, year, value)
FIGURES = [
    (B24, "postal_revenue", NATIONAL, 2024, 71000),
    (B24, "telecom_revenue", NATIONAL, 2024, 147000),
    (B24, "postal_2ipd_group", NATIONAL, 2024, 8),
    (B24, "telecom_infrastructure_index_rank", NATIONAL, 2024, 67),
    (B24, "eligible_full_online_services", NATIONAL, 2024, 100),
    (B24, "full_online_dossiers", NATIONAL, 2024, 45.8),
    (B24, "egdi_rank", NATIONAL, 2024, 71),
    (B24, "digital_economy_gdp_share", NATIONAL, 2024, 18.3),
    (B24, "digital_economy_growth", NATIONAL, 2024, 20),
    (B24, "hardware_electronics_exports", NATIONAL, 2024, 132),
    (B24, "press_revenue", NATIONAL, 2024, 8000),
    (B24, "press_dx_excellent_increase", NATIONAL, 2024, 6.27),
    (B24, "press_dx_fair_increase", NATIONAL, 2024, 6.31),
    (B24, "press_dx_good_increase", NATIONAL, 2024, 14.99),
    (B24, "broadcasting_revenue", NATIONAL, 2024, 12000),
    (B23, "postal_revenue_growth", NATIONAL, 2023, 9.3),
    (B23, "provinces_with_5g_trials", NATIONAL, 2023, 59),
    (B23, "population_4g_coverage", NATIONAL, 2023, 99.8),
    (B23, "smartphone_user_share", NATIONAL, 2023, 84.4),
    (B23, "ipv6_adoption_rank", NATIONAL, 2023, 9),
    (B23, "ict_industry_revenue", NATIONAL, 2023, 142),
    (B23, "ict_sector_total_revenue", NATIONAL, 2023, 3744214),
    (B23, "ict_sector_budget_contribution", NATIONAL, 2023, 99323),
    (B23, "ict_sector_gdp_contribution", NATIONAL, 2023, 887398),
    (B23, "ict_sector_workforce", NATIONAL, 2023, 1767766),
    (TV24, "digital_economy_growth", NATIONAL, 2024, 20),
    (TV24, "postal_revenue_growth", NATIONAL, 2024, 21),
    (TV24, "postal_budget_contribution", NATIONAL, 2024, 5000),
    (TV24, "hardware_electronics_exports", NATIONAL, 2024, 133),
    (TV24, "digital_economy_revenue", NATIONAL, 2024, 40),
    (TV24, "postal_operators", TV, 2024, 13),
    (TV24, "postal_service_points", TV, 2024, 163),
    (TV24, "communes_with_postal_point", TV, 2024, 100),  # 85/85 communes
    (TV24, "postal_revenue", TV, 2024, 148),
    (TV24, "communes_with_fibre_broadband", TV, 2024, 100),
    (TV24, "hamlets_with_3g_4g_coverage", TV, 2024, 100),
    (TV24, "stations_5g", TV, 2024, 128),
    (TV24, "telecom_revenue", TV, 2024, 1270),
    (TV24, "info_systems_newly_connected", TV, 2024, 5),
    (TV24, "databases_newly_connected", TV, 2024, 2),
    (TV24, "systems_connected_to_central", TV, 2024, 20),
    (TV24, "shared_digital_platforms", TV, 2024, 12),
    (TV24, "admin_system_public_services", TV, 2024, 1746),
    (TV24, "admin_dossiers_received", TV, 2024, 372135),
    (TV24, "admin_dossiers_resolved", TV, 2024, 371598),
    (TV24, "security_level_approved_systems", TV, 2024, 17),
    (TV24, "soc_alerts", TV, 2024, 395),
    (AG24, "income_per_capita_rank", NATIONAL, 2024, 120),
    (AG24, "population_4g_coverage", NATIONAL, 2024, 99.8),
    (AG24, "population_5g_coverage", NATIONAL, 2024, 25.5),
    (AG24, "ipv6_adoption_rank", NATIONAL, 2024, 7),
    (AG24, "digital_economy_gdp_share", NATIONAL, 2024, 18.3),
    (AG24, "digital_economy_growth", NATIONAL, 2024, 20),
    (AG24, "ict_industry_revenue", NATIONAL, 2024, 152),
    (AG24, "gci_rank", NATIONAL, 2024, 17),
    (AG24, "gci_rank_asia_pacific", NATIONAL, 2024, 4),
    (AG24, "harmful_content_handling_rate", NATIONAL, 2024, 92.7),
    (LS20, "ict_sector_total_revenue", NATIONAL, 2020, 3_000_000),
    (LS20, "postal_revenue_growth", NATIONAL, 2020, 35),
    (LS20, "postal_sector_total_revenue", NATIONAL, 2020, 56500),  # "tổng doanh thu" of the sector
    (LS20, "households_with_internet", NATIONAL, 2020, 75),
    (LS20, "broadband_subscriptions_per_100", NATIONAL, 2020, 76.42),
    (LS20, "level4_online_services_multiple_vs_2016", NATIONAL, 2020, 20),
    (LS20, "press_agencies", NATIONAL, 2020, 779),
    (LS20, "press_agencies", NATIONAL, 2016, 859),
    (LS20, "online_public_services", LS, 2020, 1792),
    (LS20, "online_public_services_level2", LS, 2020, 557),
    (LS20, "online_public_services_level3", LS, 2020, 561),
    (LS20, "online_public_services_level4", LS, 2020, 674),
    (LS20, "health_declaration_install_share", LS, 2020, 16),
    (LS20, "health_declaration_install_rank", LS, 2020, 8),
    (LS20, "bluezone_installed_smartphones", LS, 2020, 154231),
    (LS20, "bluezone_smartphone_base", LS, 2020, 519755),
    (LS20, "bluezone_install_share", LS, 2020, 29.71),
    (LS20, "bluezone_install_rank", LS, 2020, 9),
]

# (indicator, region, year, op, value)
TARGETS = [
    ("full_online_dossiers", NATIONAL, 2025, ">=", 80),
    ("gci_rank", NATIONAL, 2025, "maintain", None),
    ("gci_rank", NATIONAL, 2025, "<=", 30),
    ("digital_economy_gdp_share", NATIONAL, 2025, ">=", 20.5),
    ("hardware_electronics_exports", NATIONAL, 2025, ">", 148),  # "hơn 148 tỷ USD"
    ("press_dx_fair_or_above_share", NATIONAL, 2025, ">=", 50),
    ("press_dx_excellent_share", NATIONAL, 2025, ">=", 10),
    ("communes_with_staffed_postal_point", NATIONAL, 2025, ">=", 100),
    ("postal_points_with_internet", NATIONAL, 2025, ">=", 90),
    ("households_with_fibre", NATIONAL, 2025, ">=", 83),
    ("new_international_submarine_cables", NATIONAL, 2025, ">=", 2),
    ("ipv6_adoption_rate", NATIONAL, 2025, ">=", 70),
    ("ratio_5g_to_4g_stations", NATIONAL, 2025, ">=", 50),
    ("govvn_domains_trust_labelled", NATIONAL, 2025, ">=", 95),
    ("adults_with_digital_signature", NATIONAL, 2025, ">=", 50),
    ("digital_economy_revenue", NATIONAL, 2025, ">=", 52),
    ("ict_industry_revenue", NATIONAL, 2025, ">=", 165),  # "khoảng 165 tỷ USD (tương ứng với 4.200.000 tỷ đồng)"
    ("ict_enterprises", NATIONAL, 2025, ">=", 59000),
    ("officials_using_work_software", TV, 2025, ">=", 100),
    ("digital_sector_global_rank", NATIONAL, 2030, "<=", 50),
    ("postal_revenue_growth", NATIONAL, (2021, 2025), "between", (30, 40)),  # "30 – 40%/năm": every year
    ("mobile_broadband_subscriptions_per_100", NATIONAL, 2021, ">", 80),  # "trên 80%"
    ("mobile_broadband_subscriptions_per_100", NATIONAL, 2025, ">=", 100),
    ("cybersecurity_ecosystem_mastery", NATIONAL, 2021, ">=", 100),
    ("remote_population_press_access", NATIONAL, 2021, ">=", 95),
    ("remote_population_press_access", NATIONAL, 2025, ">=", 100),
    ("press_converged_newsroom_share", NATIONAL, 2021, ">=", 75),
    ("press_converged_newsroom_share", NATIONAL, 2025, ">=", 90),
]


def dataset_counts(data: Dataset) -> str:
    """The counts docs/dataset.md gives, worked out from the data (run this file with --write to update the page)."""
    by_year: dict[str, int] = {}
    for target in sorted(data.targets, key=lambda t: (t.span is not None, t.year)):
        key = str(target.year) if target.span is None else f"every year of {target.span[0]}–{target.span[1]}"
        by_year[key] = by_year.get(key, 0) + 1
    by_document: dict[str, int] = {}
    for actual in sorted(data.actuals, key=lambda a: data.sources[a.source].document):
        prefix = data.sources[actual.source].document[:3]
        by_document[prefix] = by_document.get(prefix, 0) + 1
    shared = sum(1 for t in data.targets if len(t.sources) > 1)
    bounds = sum(1 for a in data.actuals if a.qualifier is not None)
    return (
        f"Counts: {len(data.indicators)} indicators, {len(data.targets)} targets "
        f"({', '.join(f'{k}: {n}' for k, n in by_year.items())}) and {len(data.actuals)} actuals "
        f"({', '.join(f'{k}: {n}' for k, n in by_document.items())}); {bounds} actuals are printed as a bound "
        f"or an approximation, and {shared} targets are declared by two reports."
    )


def _write_counts() -> None:
    page = REPO / "docs" / "dataset.md"
    text = page.read_text(encoding="utf-8")
    start, end = "<!-- counts (tests/test_dataset.py --write) -->\n", "\n<!-- /counts -->"
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    data = loader.load(REPO / "targets.toml", REPO / "actuals.toml")
    page.write_text(before + start + dataset_counts(data) + end + after, encoding="utf-8")


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return loader.load(REPO / "targets.toml", REPO / "actuals.toml")


def _document(data: Dataset, source: str) -> str:
    return (SEEDS / data.sources[source].document).read_text(encoding="utf-8")


def test_one_source_per_seed_document(bundled: Dataset) -> None:
    assert sorted(s.document for s in bundled.sources.values()) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(s.conference and s.region and s.title for s in bundled.sources.values())


def test_every_figure_read_from_the_seeds_is_in_the_data(bundled: Dataset) -> None:
    recorded = {(a.source, a.indicator, a.region, a.year): a.value for a in bundled.actuals}
    missing = [f for f in FIGURES if not math.isclose(recorded.get(f[:4], math.nan), f[4])]
    assert missing == []


def test_the_data_holds_nothing_the_seeds_do_not_state(bundled: Dataset) -> None:
    expected = {f[:4] for f in FIGURES}
    assert [a for a in bundled.actuals if (a.source, a.indicator, a.region, a.year) not in expected] == []
    assert len(bundled.actuals) == len(FIGURES)


def test_targets_match_the_seeds_exactly(bundled: Dataset) -> None:
    loaded = sorted((t.indicator, t.region, t.span or t.year, t.op.value, t.value) for t in bundled.targets)
    expected = sorted(
        (i, r, y, op, None if v is None else tuple(map(float, v)) if isinstance(v, tuple) else float(v))
        for i, r, y, op, v in TARGETS
    )
    assert loaded == expected


def test_every_printed_figure_is_verbatim_in_its_source_and_parses_to_the_value(bundled: Dataset) -> None:
    for actual in bundled.actuals:
        assert actual.printed, actual.location
        assert actual.printed in _document(bundled, actual.source), actual.location
        unit = bundled.indicators[actual.indicator].unit
        assert printed_value(actual.printed, unit) == pytest.approx(actual.value), actual.location


def test_every_printed_target_and_change_is_verbatim_and_parses(bundled: Dataset) -> None:
    for target in bundled.targets:
        for source in target.sources:
            assert target.printed in _document(bundled, source), target.location
        if target.printed:
            unit = bundled.indicators[target.indicator].unit
            assert printed_value(target.printed, unit) == pytest.approx(target.value), target.location
    changes = [(a.change, a.source, a.location) for a in bundled.actuals]
    changes += [(t.change, t.sources[0], t.location) for t in bundled.targets]
    for change, source, location in changes:
        if change is not None and change.printed:
            assert change.printed in _document(bundled, source), location
            assert printed_change(change.printed) == pytest.approx(change.value), location


def test_every_indicator_has_an_english_and_a_vietnamese_name(bundled: Dataset) -> None:
    assert [i.id for i in bundled.indicators.values() if not (i.name and i.name_vi)] == []


def test_validate_exits_0_and_strict_exits_1_on_the_bundled_data() -> None:
    from typer.testing import CliRunner

    from ictgoals.cli import application

    app = application()

    files = ["--targets", str(REPO / "targets.toml"), "--actuals", str(REPO / "actuals.toml")]
    assert CliRunner().invoke(app, ["validate", *files]).exit_code == 0
    assert CliRunner().invoke(app, ["validate", "--strict", *files]).exit_code == 1


def test_estimates_are_marked(bundled: Dataset) -> None:
    estimates = sorted((a.indicator, a.region) for a in bundled.actuals if a.estimate)
    # "ước đạt", "ước tính", "ước khoảng" in the seeds
    assert estimates == sorted(
        [
            ("postal_revenue", NATIONAL),
            ("ict_sector_total_revenue", NATIONAL),
            ("ict_sector_budget_contribution", NATIONAL),
            ("ict_sector_gdp_contribution", NATIONAL),
            ("ict_sector_workforce", NATIONAL),
            ("hardware_electronics_exports", NATIONAL),
            ("postal_revenue", TV),
            ("telecom_revenue", TV),
        ]
    )


def test_rank_and_group_directions(bundled: Dataset) -> None:
    lower = {i.id for i in bundled.indicators.values() if i.better.value == "lower"}
    assert {i.id for i in bundled.indicators.values() if i.unit == "rank"} <= lower
    assert "postal_2ipd_group" not in lower  # UPU 2IPD: level 10 is the highest


def test_validate_reports_exactly_the_inconsistencies_in_the_seeds(bundled: Dataset) -> None:
    found = [(f.code, f.indicator, f.year) for f in validate(bundled)]
    assert found == [
        ("conflict", "hardware_electronics_exports", 2024),  # "hơn 132" vs "ước tính 133" tỷ USD
        ("stated-change-mismatch", "ict_industry_revenue", 2024),  # 142 → 152 is +7.0 %, not "gần 11%"
        ("inconsistent-target", "digital_economy_revenue", 2025),  # 40 → 52 is +30 %, not "13%"
    ]


def _due(year_or_span: object, year: int) -> bool:
    if isinstance(year_or_span, tuple):
        return bool(year_or_span[0] <= year <= year_or_span[1])
    return year_or_span == year


def test_status_2025_lists_every_2025_target(bundled: Dataset) -> None:
    rows = status(bundled, 2025).rows
    national_2025 = [t for t in TARGETS if _due(t[2], 2025) and t[1] == NATIONAL]
    assert len(rows) == len(national_2025)
    assert sorted((r.target.indicator, r.target.op.value) for r in rows) == sorted((t[0], t[3]) for t in national_2025)


def test_status_2021_lists_the_2021_targets(bundled: Dataset) -> None:
    rows = status(bundled, 2021).rows
    assert sorted(r.target.indicator for r in rows) == sorted(t[0] for t in TARGETS if _due(t[2], 2021))


def test_a_period_figure_never_judges_one_year_and_a_yearly_target_is_due_every_year(bundled: Dataset) -> None:
    """The 2016–2020 average growth of 35% once made `status 2021` call the 30–40% target met; the target
    holds for every year of 2021–2025, so 2023 (9,3%) and 2024 (21%) miss it on their own figures."""

    def postal(year: int) -> tuple[str, float | None]:
        (row,) = [r for r in status(bundled, year).rows if r.target.indicator == "postal_revenue_growth"]
        return row.status.value, None if row.current is None else row.current.value

    assert postal(2021) == ("no-data", None)  # no 2021 figure; the period average does not count
    assert postal(2023) == ("missed", 9.3)
    assert postal(2024) == ("missed", 21)
    assert [r for r in status(bundled, 2020).rows if r.target.indicator == "postal_revenue_growth"] == []


def test_provincial_status_uses_provincial_figures(bundled: Dataset) -> None:
    region = canonical_region(bundled, "tra vinh")
    assert region == TV
    rows = status(bundled, 2025, TV).rows
    own = [r for r in rows if r.target.region == TV]
    assert [r.target.indicator for r in own] == ["officials_using_work_software"]
    assert all(r.status is Status.NO_DATA for r in rows)  # Trà Vinh reports none of the targeted indicators


def test_diff_2024_derives_2023_from_the_stated_changes(bundled: Dataset) -> None:
    """Each derived value is rounded to the precision of the figure it comes from (all whole numbers here)."""
    rows = {r.indicator.id: r for r in diff(bundled, 2024, 2023).rows}
    derived = {k: r.before.value for k, r in rows.items() if r.before is not None and r.before_derived}
    assert derived == {
        "postal_revenue": 58678,  # 71000 / 1.21 = 58677.69, to whole tỷ đồng as 71.000 is printed
        "telecom_revenue": 142043,  # 147000 / 1.0349 = 142042.71
        "broadcasting_revenue": 11799,  # 12000 / 1.017 = 11799.41
        "hardware_electronics_exports": 118,  # 132 / 1.116 = 118.28
        "postal_2ipd_group": 6,  # group 8 after rising 2 groups
    }
    national_2024 = {f[1] for f in FIGURES if f[2] == NATIONAL and f[3] == 2024}
    assert set(rows) == national_2024


# (source, indicator, region, year) → the bound the print states, read from the seeds' own words
QUALIFIERS = {
    (B24, "postal_revenue", NATIONAL, 2024): "more-than",  # "hơn 71.000 tỷ đồng"
    (B24, "hardware_electronics_exports", NATIONAL, 2024): "more-than",  # "hơn 132 tỷ USD"
    (B24, "press_revenue", NATIONAL, 2024): "more-than",  # "hơn 8.000 tỷ đồng"
    (B24, "broadcasting_revenue", NATIONAL, 2024): "more-than",  # "hơn 12.000 tỷ đồng"
    (B23, "ict_sector_workforce", NATIONAL, 2023): "about",  # "ước khoảng 1.767.766 lao động"
    (TV24, "digital_economy_growth", NATIONAL, 2024): "more-than",  # "hơn 20%"
    (TV24, "postal_revenue", TV, 2024): "more-than",  # "trên 148 tỷ đồng"
    (TV24, "telecom_revenue", TV, 2024): "more-than",  # "trên 1.270 tỷ đồng"
    (AG24, "income_per_capita_rank", NATIONAL, 2024): "about",  # "xếp hạng khoảng 120"
    (LS20, "ict_sector_total_revenue", NATIONAL, 2020): "more-than",  # "hơn 3 triệu tỷ đồng"
    (LS20, "level4_online_services_multiple_vs_2016", NATIONAL, 2020): "more-than",  # "hơn 20 lần"
}


def test_every_bound_a_seed_prints_is_kept_on_its_figure(bundled: Dataset) -> None:
    found = {(a.source, a.indicator, a.region, a.year): a.qualifier.value for a in bundled.actuals if a.qualifier}
    assert found == QUALIFIERS


def test_no_tolerance_is_derived_and_khoang_is_approximate(bundled: Dataset) -> None:
    """ "lên khoảng 165 tỷ USD" prints no tolerance: the target is approximate, met within 1% of 165 (163.35),
    so 164.16 (152 × 1,08, inside the sentence's own "tăng từ 08-10%") meets it; it was missed with the 0.8
    once derived from another report's figure."""
    assert [t.indicator for t in bundled.targets if t.tolerance is not None] == []
    (approximate,) = [t for t in bundled.targets if t.approximate]
    assert (approximate.indicator, approximate.value, approximate.printed) == (
        "ict_industry_revenue",
        165,
        "khoảng 165 tỷ USD",
    )
    series = Series({2024: Reading(2024, 152 * 1.08, ("x",), False, False)}, {})
    indicator = bundled.indicators["ict_industry_revenue"]
    assert evaluate(approximate, indicator, series, NATIONAL).status is Status.MET
    series = Series({2024: Reading(2024, 163.3, ("x",), False, False)}, {})
    assert evaluate(approximate, indicator, series, NATIONAL).status is not Status.MET  # 163.3 < 163.35


def test_a_restatement_is_kept_with_its_target_and_never_judged_twice(bundled: Dataset) -> None:
    (target,) = [t for t in bundled.targets if t.restated]
    assert (target.indicator, target.restated) == ("ict_industry_revenue", "4.200.000 tỷ đồng")
    assert target.restated in _document(bundled, target.sources[0])
    assert "ict_industry_revenue_vnd" not in bundled.indicators
    assert [r.target.indicator for r in status(bundled, 2025).rows].count("ict_industry_revenue") == 1


def test_the_income_rank_corollary_is_context_not_a_target(bundled: Dataset) -> None:
    assert [t for t in bundled.targets if t.indicator == "income_per_capita_rank"] == []
    assert "top 100" in bundled.indicators["income_per_capita_rank"].note
    assert status(bundled, 2030).rows[0].target.indicator == "digital_sector_global_rank"
    assert len(status(bundled, 2030).rows) == 1


def test_maintaining_a_rank_needs_two_figures(bundled: Dataset) -> None:
    """GCI rank 17 (2024) is the only figure: it is both baseline and current, so "Duy trì thứ hạng" cannot
    be judged yet (it was `met`)."""
    (row,) = [r for r in status(bundled, 2025).rows if r.target.op.value == "maintain"]
    assert (row.target.indicator, row.status, row.current.value if row.current else None) == (
        "gci_rank",
        Status.NO_TREND,
        17,
    )


def test_every_source_names_its_issuing_body(bundled: Dataset) -> None:
    assert {s.issuer for s in bundled.sources.values()} == {"Bộ Thông tin và Truyền thông"}
    for source in bundled.sources.values():
        assert source.issuer in _document(bundled, source.id)


def test_the_dataset_page_counts_are_the_data(bundled: Dataset) -> None:
    """docs/dataset.md's counts are generated from the data (`dataset_counts`), and equal it."""
    page = (REPO / "docs" / "dataset.md").read_text(encoding="utf-8")
    assert dataset_counts(bundled) in page
    assert "Counts: 79 indicators, 28 targets" in dataset_counts(bundled)


if __name__ == "__main__":  # python tests/test_dataset.py --write: regenerate the counts in docs/dataset.md
    import sys

    if sys.argv[1:] == ["--write"]:
        _write_counts()


def test_one_reading_of_a_period(bundled: Dataset) -> None:
    """ "X%/năm" over a span is a yearly rate: a period average as a figure, a target for every year; a level
    "tổng doanh thu … đạt X" printed for a span is the level it ends at (2020): 004's two such figures alike."""
    periods = [(a.indicator, a.period, a.basis) for a in bundled.actuals if a.period is not None]
    assert periods == [("postal_revenue_growth", (2016, 2020), "average")]  # "35%/năm"
    ends = {
        a.indicator: (a.year, a.value) for a in bundled.actuals if a.source == LS20 and a.indicator.endswith("revenue")
    }
    assert ends == {"ict_sector_total_revenue": (2020, 3_000_000), "postal_sector_total_revenue": (2020, 56500)}
    (yearly,) = [t for t in bundled.targets if t.span is not None]
    assert (yearly.indicator, yearly.span) == ("postal_revenue_growth", (2021, 2025))  # "30 – 40%/năm"
    page = (REPO / "docs" / "dataset.md").read_text(encoding="utf-8")
    assert "filed under 2020 with a note" not in page  # what the page said of the period figures before
    assert "stored for 2021\n  and 2025 only" not in page


def test_the_ministry_is_named_as_it_was_and_the_sector_series_end_with_it(bundled: Dataset) -> None:
    """From 1 March 2025 MIC is part of the Ministry of Science and Technology (Nghị định 55/2025/NĐ-CP)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "Nghị định 55/2025/NĐ-CP" in readme
    assert "the figures the Ministry\nof Information and Communications (MIC) reports" not in readme
    assert "Each year MIC reports" not in readme
    sector = [i for i in bundled.indicators.values() if i.area == "sector-wide"]
    assert len(sector) == 4
    assert all("ends with the ministry" in i.note and "55/2025/NĐ-CP" in i.note for i in sector)
