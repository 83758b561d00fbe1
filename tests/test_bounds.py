"""Figures printed as bounds ("hơn 148": more than 148) and approximate targets (issue 21, items 3, 6 and 10).

A target printed "hơn 148 tỷ USD" is strict (> 148); a report that the figure was "hơn 148 tỷ USD" said
it was exceeded, and was judged missed with a gap of 0. Every figure here is hypothetical.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgoals.analysis.index import Reading, Series
from ictgoals.analysis.status import evaluate, satisfies
from ictgoals.cli import application
from ictgoals.model import Better, Indicator, Op, Qualifier, Status, Target

app = application()
HIGHER = Indicator("x", "X", "USD bn", Better.HIGHER)

MORE, AT_LEAST, LESS, AT_MOST, NEARLY, ABOUT = (
    Qualifier.MORE_THAN,
    Qualifier.AT_LEAST,
    Qualifier.LESS_THAN,
    Qualifier.AT_MOST,
    Qualifier.NEARLY,
    Qualifier.ABOUT,
)


@pytest.mark.parametrize(
    ("op", "value", "actual", "qualifier", "met"),
    [
        (Op.MORE_THAN, 148.0, 148, MORE, True),  # "hơn 148" is above 148
        (Op.MORE_THAN, 148.0, 148, None, False),  # exactly 148 is not above it
        (Op.MORE_THAN, 148.0, 148, AT_LEAST, False),  # 148 or more may be 148
        (Op.AT_LEAST, 148.0, 148, MORE, True),
        (Op.MORE_THAN, 150.0, 148, MORE, False),  # above 148 is not known to be above 150
        (Op.AT_LEAST, 148.0, 150, NEARLY, True),  # just under 150 is at least 148
        (Op.AT_LEAST, 150.0, 150, NEARLY, False),  # just under 150 is not 150
        (Op.AT_LEAST, 100.0, 150, LESS, False),  # under 150 may be anything under it
        (Op.AT_LEAST, 148.0, 148, ABOUT, True),  # about 148: taken as printed
        (Op.AT_MOST, 30.0, 30, MORE, False),  # above 30 is not at most 30
        (Op.AT_MOST, 30.0, 30, LESS, True),
        (Op.LESS_THAN, 30.0, 30, LESS, True),  # under 30 is under 30
        (Op.LESS_THAN, 30.0, 30, AT_MOST, False),  # 30 or less may be 30
        (Op.AT_MOST, 30.0, 25, MORE, False),  # above 25 has no ceiling
        (Op.BETWEEN, (30.0, 40.0), 35, MORE, False),  # above 35 may be above 40
        (Op.BETWEEN, (30.0, 40.0), 35, None, True),
    ],
)
def test_a_bound_meets_a_target_only_when_every_value_it_allows_does(
    op: Op, value: float | tuple[float, float], actual: float, qualifier: Qualifier | None, met: bool
) -> None:
    assert satisfies(op, value, actual, None, HIGHER, 0.0, qualifier) is met


def _series(*readings: Reading) -> Series:
    return Series({r.year: r for r in readings}, {})


def test_a_bound_that_may_or_may_not_meet_the_target_is_not_called_missed() -> None:
    """ "hơn 35" may be 36 (inside 30–40) or 45 (above it): neither met nor missed is known."""
    target = Target("x", 2024, Op.BETWEEN, (30.0, 40.0), ("s",))
    row = evaluate(target, HIGHER, _series(Reading(2024, 35, ("s",), False, False, "hơn 35", MORE)), "VN")
    assert row.status is Status.NO_TREND
    assert row.warnings == (
        "the print 'hơn 35' does not say whether the target is met: it is judged when a figure says so",
    )


@pytest.mark.parametrize(
    ("op", "value", "figure", "qualifier", "status"),
    [
        (Op.LESS_THAN, 5.0, 4.0, Qualifier.MORE_THAN, Status.NO_TREND),  # "hơn 4%" against "< 5%": (4, ∞) meets 5
        (Op.LESS_THAN, 5.0, 6.0, Qualifier.MORE_THAN, Status.MISSED),  # (6, ∞) never goes under 5
        (Op.BETWEEN, (30.0, 40.0), 40.0, Qualifier.MORE_THAN, Status.MISSED),  # (40, ∞) is past 40
        (Op.AT_LEAST, 80.0, 80.0, Qualifier.NEARLY, Status.MISSED),  # "gần 80": just under 80
        (Op.AT_LEAST, 80.0, 85.0, Qualifier.LESS_THAN, Status.NO_TREND),  # "dưới 85" may be 82
        (Op.AT_LEAST, 80.0, 80.0, Qualifier.AT_MOST, Status.NO_TREND),  # "tối đa 80" may be exactly 80
        (Op.MORE_THAN, 80.0, 80.0, Qualifier.AT_MOST, Status.MISSED),  # but never more than 80
        (Op.AT_LEAST, 148.0, 140.0, Qualifier.MORE_THAN, Status.NO_TREND),  # "hơn 140" may be 150
    ],
)
def test_a_bound_is_missed_only_when_no_value_it_allows_meets_the_target(
    op: Op, value: float | tuple[float, float], figure: float, qualifier: Qualifier, status: Status
) -> None:
    target = Target("x", 2024, op, value, ("s",))
    reading = Reading(2024, figure, ("s",), False, False, f"{qualifier.value} {figure:g}", qualifier)
    assert evaluate(target, HIGHER, _series(reading), "VN").status is status


def test_maintaining_a_level_needs_a_second_figure() -> None:
    target = Target("x", 2025, Op.MAINTAIN, None, ("s",))
    one = evaluate(target, HIGHER, _series(Reading(2024, 17, ("s",), False, False)), "VN")
    assert one.status is Status.NO_TREND  # was met: 17 against its own baseline 17
    two = _series(Reading(2023, 17, ("s",), False, False), Reading(2024, 17, ("s",), False, False))
    assert evaluate(target, HIGHER, two, "VN").status is Status.MET


def test_an_approximate_target_is_met_within_one_percent_unless_it_prints_a_tolerance() -> None:
    """≥ 200, about: met from 198 (1% of 200); a printed tolerance of 5 replaces the band (met from 195)."""
    about = Target("x", 2024, Op.AT_LEAST, 200.0, ("s",), approximate=True)
    assert evaluate(about, HIGHER, _series(Reading(2024, 198, ("s",), False, False)), "VN").status is Status.MET
    row = evaluate(about, HIGHER, _series(Reading(2024, 197.9, ("s",), False, False)), "VN")
    assert row.status is Status.MISSED
    assert row.tolerance == 2  # 1% of 200, shown in JSON and CSV
    printed = Target("x", 2024, Op.AT_LEAST, 200.0, ("s",), tolerance=5.0, approximate=True)
    assert evaluate(printed, HIGHER, _series(Reading(2024, 195, ("s",), False, False)), "VN").status is Status.MET


TARGETS = """schema = 1

[sources.s]
title = "A hypothetical report"

[indicators.exports]
name = "Exports"
unit = "USD bn"

[indicators.revenue]
name = "Revenue"
unit = "USD bn"

[[targets]]
indicator = "exports"
year = 2025
op = ">"
value = 148
source = "s"
printed = "hơn 148 tỷ USD"

[[targets]]
indicator = "revenue"
year = 2025
op = ">="
value = 200
approximate = true
source = "s"
printed = "khoảng 200 tỷ USD"
"""

ACTUALS = """schema = 1

[[actuals]]
indicator = "exports"
year = 2025
value = 148
source = "s"
printed = "hơn 148 tỷ USD"
qualifier = "more-than"

[[actuals]]
indicator = "revenue"
year = 2025
value = 199
source = "s"
"""


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    (tmp_path / "targets.toml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.toml").write_text(ACTUALS, encoding="utf-8")
    return ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_bound_and_the_approximation_show_in_every_format(files: list[str]) -> None:
    rows = {r["indicator"]: r for r in json.loads(run("status", "2025", "--format", "json", *files))["rows"]}
    assert (rows["exports"]["status"], rows["exports"]["qualifier"], rows["exports"]["gap"]) == ("met", "more-than", 0)
    revenue = rows["revenue"]
    assert (revenue["status"], revenue["approximate"], revenue["tolerance"]) == ("met", True, 2)  # 199 ≥ 200 − 2
    table = run("status", "2025", *files)
    assert "> 148 USD bn (2025)" in table
    assert "≈ 200 USD bn" in table
    assert "±" not in table  # no tolerance was printed, so none is shown as if it had been
    markdown = run("status", "2025", "--format", "markdown", *files).replace("\xa0", " ")  # joins number and unit
    assert "&gt; 148 USD bn (2025)" in markdown  # Markdown writes ">" as an entity
    assert "≈ 200 USD bn" in markdown
    records = list(csv.DictReader(io.StringIO(run("status", "2025", "--format", "csv", *files))))
    assert [(r["indicator"], r["qualifier"], r["approximate"]) for r in records] == [
        ("exports", "more-than", "false"),
        ("revenue", "", "true"),
    ]
    history = json.loads(run("show", "exports", "--format", "json", *files))["history"]
    assert history[0]["qualifier"] == "more-than"
    assert "> 148 USD bn" in run("show", "exports", *files)
    changes = json.loads(run("diff", "2025", "--format", "json", *files))["rows"]
    assert {r["indicator"]: r["qualifier"] for r in changes} == {"exports": "more-than", "revenue": None}


def test_data_written_by_hand_is_judged_by_its_print(files: list[str]) -> None:
    """Without the fields, "hơn 148 tỷ USD" still means more than 148 and "khoảng 200" still means about 200: the
    print says so, and `validate --strict` has nothing to say about it."""
    Path(files[1]).write_text(TARGETS.replace("approximate = true\n", ""), encoding="utf-8")
    Path(files[3]).write_text(ACTUALS.replace('qualifier = "more-than"\n', ""), encoding="utf-8")
    rows = {r["indicator"]: r for r in json.loads(run("status", "2025", "--format", "json", *files))["rows"]}
    assert (rows["exports"]["status"], rows["exports"]["qualifier"]) == ("met", "more-than")
    assert (rows["revenue"]["status"], rows["revenue"]["approximate"], rows["revenue"]["tolerance"]) == ("met", True, 2)
    assert CliRunner().invoke(app, ["validate", "--strict", *files]).exit_code == 0


def test_validate_warns_when_the_qualifier_contradicts_the_print(files: list[str]) -> None:
    Path(files[3]).write_text(ACTUALS.replace('"more-than"', '"less-than"'), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "--format", "json", *files])
    (warning,) = json.loads(result.stdout)["warnings"]
    assert warning["code"] == "printed-mismatch"
    assert 'printed "hơn 148 tỷ USD" states the bound "more-than", but qualifier is "less-than"' in warning["message"]


def test_a_target_typed_as_about_is_approximate(files: list[str]) -> None:
    out = run("target", "exports", "2026", "khoảng 150 tỷ USD", "--source", "s", "--dry-run", *files)
    assert "approximate = true" in out
    assert 'printed = "khoảng 150 tỷ USD"' in out


def test_a_target_whose_print_says_another_bound_than_its_op_is_refused(files: list[str]) -> None:
    """ "hơn 150" is strictly more than 150: with the default --op ">=" it was stored as a weaker target."""
    before = Path(files[1]).read_bytes()
    result = CliRunner().invoke(app, ["target", "exports", "2026", "hơn 150 tỷ USD", "--source", "s", *files])
    assert result.exit_code == 2
    assert "the print 'hơn 150 tỷ USD' says >, but the op is >=. Pass --op '>'" in result.stderr
    assert Path(files[1]).read_bytes() == before
    out = run("target", "exports", "2026", "hơn 150 tỷ USD", "--op", ">", "--source", "s", "--dry-run", *files)
    assert 'op = ">"' in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["150", "--printed", "hơn 160 tỷ USD", "--op", ">"],
            "the value 150 does not match the printed 'hơn 160 tỷ USD'",
        ),
        (["150", "--printed", "150%"], "field 'printed': '150%' is a percentage, but the indicator's unit is 'USD bn'"),
        (["150", "--printed", "150 tỷ đồng"], "is in VND, but the indicator's unit is 'USD bn'"),
        (["140", "160", "--op", "between", "--printed", "140 – 170 tỷ USD"], "the value 140–160 does not match"),
    ],
)
def test_a_target_s_print_is_held_to_its_value_and_unit_as_a_figure_s_is(
    files: list[str], args: list[str], message: str
) -> None:
    before = Path(files[1]).read_bytes()
    result = CliRunner().invoke(app, ["target", "exports", "2027", *args, "--source", "s", *files])
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert Path(files[1]).read_bytes() == before
