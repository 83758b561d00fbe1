"""The terminal views of `status` and what `--check` counts, for every choice of region.

The small dataset (tests/assets/good/) has 8 national targets due in 2025, of which `signatures`
has no figure, and Trà Vinh's own `dossiers` target with one Trà Vinh figure (no-trend).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.cli import application

app = application()
DATA = ["--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS)]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, *DATA], env={"COLUMNS": "160"})
    return result.exit_code, result.stdout, result.stderr


def test_targets_without_figures_are_one_line_naming_them() -> None:
    code, out, _ = run("status", "2025")
    assert code == 0
    assert "No figures yet for 1 target(s): Adults with a digital signature (--all lists each one)." in out
    table_rows = [line for line in out.splitlines() if "Adults with a digital signature" in line]
    assert len(table_rows) == 1  # named once, in that line, not as a row


def test_all_lists_every_target_as_a_row() -> None:
    _, out, _ = run("status", "2025", "--all")
    assert "No figures yet" not in out
    row = next(line for line in out.splitlines() if line.startswith("Adults with a digital signature"))
    assert "no data" in row


def test_json_keeps_every_row_whatever_the_table_shows() -> None:
    _, out, _ = run("status", "2025", "--format", "json")
    rows = json.loads(out)["rows"]
    assert len(rows) == 8
    assert sum(r["status"] == "no-data" for r in rows) == 1


def test_the_title_carries_the_summary() -> None:
    _, out, _ = run("status", "2025")
    assert out.splitlines()[0] == "Targets due in 2025 (national): 3 met, 2 at risk, 2 no trend yet, 1 no data"


def test_a_province_shows_its_own_targets_then_the_national_ones_it_has_figures_for() -> None:
    _, out, _ = run("status", "2025", "--region", "Trà Vinh")
    lines = out.splitlines()
    own = lines.index("Targets of Trà Vinh due in 2025: 1 no trend yet")
    national = lines.index("National targets due in 2025, against Trà Vinh's figures")
    assert own < national
    # Trà Vinh has one figure (dossiers), so one national target is measured on it; 7 have none.
    assert "7 other national target(s) have no figures for Trà Vinh." in out
    measured = [line for line in lines[national:] if line.startswith("Dossiers processed fully online")]
    assert len(measured) == 1
    assert "≥ 80%" in measured[0]  # the national target, on Trà Vinh's 50% (2024)
    assert "50% (2024)" in measured[0]


def test_every_region_gets_its_own_summary_line() -> None:
    _, out, _ = run("status", "2025", "--region", "all")
    assert "Targets due in 2025 (national): 3 met, 2 at risk, 2 no trend yet, 1 no data" in out
    assert "Targets of Trà Vinh due in 2025: 1 no trend yet" in out


@pytest.mark.parametrize(
    ("region", "failed", "counted"),
    [
        # national: 2 at-risk (dossiers, ict_revenue) + 1 no-data (signatures) of the 8 national targets
        ("VN", 3, 8),
        # Trà Vinh: only its own target counts (no-trend: noted, not failed); national ones are context
        ("Trà Vinh", 0, 1),
        # every region: the 8 national targets on national figures, and Trà Vinh's own; never a
        # national target on a province's figures
        ("all", 3, 9),
    ],
)
def test_check_counts_each_target_in_its_own_region(region: str, failed: int, counted: int) -> None:
    code, _, err = run("status", "2025", "--region", region, "--check", "--format", "json")
    assert code == (1 if failed else 0)
    check_lines = [line for line in err.splitlines() if line.startswith("ictgoals: check: ")]
    assert len(check_lines) == failed
    if failed:
        assert f"check failed: {failed} of {counted} targets need attention." in err
    else:
        assert f"check passed: none of the {counted} targets counted needs attention." in err
    notes = [line for line in err.splitlines() if "not counted" in line]
    assert all(line.startswith("ictgoals: note: no trend yet") for line in notes)


def test_strict_counts_no_trend_in_every_region() -> None:
    code, _, err = run("status", "2025", "--region", "all", "--check", "--strict", "--format", "json")
    assert code == 1
    # 3 + the 2 national no-trend (de_revenue, exports) + Trà Vinh's own no-trend
    assert "check failed: 6 of 9 targets need attention." in err


def test_a_year_without_targets_names_the_years_that_have_them() -> None:
    code, out, err = run("status", "2031", "--format", "json")
    assert code == 0
    assert json.loads(out)["rows"] == []
    assert "no target is due in 2031; targets are due in 2023, 2024, 2025." in err


def test_a_check_of_a_year_without_targets_is_an_error_not_a_pass() -> None:
    code, out, err = run("status", "2031", "--check")
    assert code == 2
    assert out == ""
    assert "targets are due in 2023, 2024, 2025" in err
    assert "--check has nothing to check" in err


def test_a_former_province_names_its_successor_and_the_successor_its_predecessors() -> None:
    _, _, err = run("status", "2025", "--region", "Trà Vinh", "--format", "json")
    assert "Trà Vinh became part of Vĩnh Long on 1 July 2025" in err
    assert '--region "Vĩnh Long"' in err
    _, _, err = run("status", "2025", "--region", "Vĩnh Long", "--format", "json")
    assert "Vĩnh Long took in Bến Tre, Trà Vinh on 1 July 2025" in err
    assert '--region "Bến Tre", --region "Trà Vinh"' in err
    assert '--region "Vĩnh Long"' not in err  # never tells the user to ask for what they asked


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_show_cites_sources_by_number_and_title_never_by_id(fmt: str) -> None:
    """exports in the test data: 132 from review-2024-b and 133 from review-2024-a, both in 2024."""
    code, out, _ = run("show", "exports", "--format", fmt)
    assert code == 0
    assert "review-2024" not in out
    assert "(exports)" not in out  # nor the indicator's id in the title
    cited = [line.replace("\\", "").replace("|", " ").split() for line in out.splitlines() if "review, report" in line]
    assert [" ".join(words) for words in cited] == ["[1] 2024 review, report B", "[2] 2024 review, report A"]


def test_a_check_of_a_province_without_targets_of_its_own_is_an_error_not_a_pass() -> None:
    """Hà Nội has no target in the test data: only national targets would be shown, measured on its (missing)
    figures, and none of them counts."""
    code, out, err = run("status", "2025", "--region", "Hà Nội", "--check", "--format", "json")
    assert code == 2
    assert out == ""
    assert "--check has nothing to check: Hà Nội has no targets of its own due in 2025" in err


@pytest.mark.parametrize("command", [["status", "2025"], ["diff", "2025"], ["show", "signatures"]])
def test_every_view_of_a_former_province_names_its_successor(command: list[str]) -> None:
    code, _, err = run(*command, "--region", "Trà Vinh", "--format", "json")
    assert code == 0
    assert "Trà Vinh became part of Vĩnh Long on 1 July 2025" in err


def test_every_region_s_diff_in_markdown_says_whose_each_row_is() -> None:
    code, out, _ = run("diff", "2024", "--region", "all", "--format", "markdown")
    assert code == 0
    header, _, *lines = out.split("\n\n")[0].splitlines()
    assert header.startswith("| Indicator | Region | 2023 | 2024 |")
    regions = [line.split(" | ")[1] for line in lines]
    assert set(regions) == {"Trà Vinh", "National"}  # the nation in words, never its code
    _, single, _ = run("diff", "2024", "--format", "markdown")
    assert single.startswith("| Indicator | 2023 | 2024 |")  # one region: the title says whose


def test_the_regions_table_names_the_nation_and_its_column_of_current_and_former() -> None:
    out = CliRunner().invoke(app, ["--lang", "vi", "regions"], env={"COLUMNS": "160"}).stdout  # no data files
    assert "Toàn quốc" in out
    assert "Tình trạng" in out
    assert "Đánh giá" not in out  # the word for a target's assessment
    assert "01/07/2025" in out
    _, table, _ = run("--lang", "vi", "diff", "2024", "--region", "all")
    assert "2024 so với 2023: Toàn quốc" in table


def test_a_province_with_nothing_to_show_says_so_in_a_line_without_an_empty_table() -> None:
    # The bundled data: Hà Nội has no targets of its own due in 2025 and no figure for a national one.
    out = CliRunner().invoke(app, ["status", "2025", "--region", "Hà Nội"], env={"COLUMNS": "160"}).stdout
    assert out.splitlines()[:2] == [
        "Hà Nội has no targets of its own due in 2025.",
        "None of the 22 national target(s) due in 2025 has a figure for Hà Nội.",
    ]
    assert "National targets due in 2025, against" not in out  # no title over nothing
    assert "other national target" not in out


def test_among_every_region_a_former_province_says_what_became_of_it() -> None:
    out = CliRunner().invoke(app, ["status", "2025", "--region", "all"], env={"COLUMNS": "160"}).stdout
    section = out.split("Targets of Trà Vinh due in 2025", 1)[1]
    assert "Trà Vinh became part of Vĩnh Long on 1 July 2025" in section
    assert "None of the 22 national target(s) due in 2025 has a figure for Trà Vinh." in section
