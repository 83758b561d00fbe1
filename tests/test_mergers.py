"""A region is a catalogue unit with a period of validity, not a name (issue 21, items 5, 12 and 13).

Vĩnh Long before 1 July 2025 and the Vĩnh Long formed that day with Bến Tre and Trà Vinh share a name
and a code: figures across the change are flagged, never compared as one series. Huế is Thừa Thiên
Huế under a new status, one series. Regions are found as people write them. Every figure is hypothetical.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.api.regions import catalogue_entries
from ictgoals.cli import application
from ictgoals.model import Territory
from ictgoals.output.notes import region_lines
from ictgoals.provinces import by_code, canonical, suggestions, territory_of

app = application()

TARGETS = """schema = 1

[sources.s]
title = "A hypothetical provincial report"

[indicators.x]
name = "Online dossiers"
unit = "count"

[[targets]]
indicator = "x"
year = 2025
op = ">="
value = 30
region = "Vĩnh Long"
source = "s"
"""

ACTUALS = """schema = 1

[[actuals]]
indicator = "x"
year = 2024
value = 10
region = "Vĩnh Long"
source = "s"

[[actuals]]
indicator = "x"
year = 2025
value = 40
region = "Vĩnh Long"
source = "s"
"""


def files(tmp_path: Path, actuals: str = ACTUALS) -> list[str]:
    (tmp_path / "targets.toml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals.toml").write_text(actuals, encoding="utf-8")
    return ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]


def run(*args: str) -> tuple[str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def test_diff_across_the_merger_is_flagged_and_never_called_improved(tmp_path: Path) -> None:
    """10 (2024, Vĩnh Long alone) → 40 (2025, with Bến Tre and Trà Vinh) was "+300% improved"."""
    data = files(tmp_path)
    out, _ = run("diff", "2025", "--region", "vinh long", "--format", "json", *data)
    (row,) = json.loads(out)["rows"]
    assert (row["before"], row["after"], row["series_break"], row["improved"]) == (10, 40, True, None)
    table, _ = run("diff", "2025", "--region", "vinh long", *data)
    assert "(series break)" in table
    csv_text, _ = run("diff", "2025", "--region", "vinh long", "--format", "csv", *data)
    header, first = csv_text.splitlines()[:2]
    assert first.split(",")[header.split(",").index("series_break")] == "true"


def test_an_entry_may_say_which_unit_it_is_for(tmp_path: Path) -> None:
    """A 2025 figure that is still for the province as it was (territory = "former") is one series with 2024."""
    data = files(tmp_path, ACTUALS.rstrip("\n") + '\nterritory = "former"\n')
    out, _ = run("diff", "2025", "--region", "Vĩnh Long", "--format", "json", *data)
    (row,) = json.loads(out)["rows"]
    assert (row["series_break"], row["improved"]) == (False, True)


def test_status_and_show_flag_a_target_judged_on_the_other_unit(tmp_path: Path) -> None:
    only_2024 = ACTUALS.split('\n\n[[actuals]]\nindicator = "x"\nyear = 2025')[0] + "\n"
    data = files(tmp_path, only_2024)
    out, err = run("status", "2025", "--region", "Vĩnh Long", "--format", "json", *data)
    (row,) = json.loads(out)["rows"]
    assert (row["actual"], row["actual_year"], row["series_break"]) == (10, 2024, True)
    assert "series break: Vĩnh Long's territory changed on 1 July 2025" in err
    assert "the 2024 figure is for Vĩnh Long as it was before 1 July 2025" in err
    table, _ = run("status", "2025", "--region", "Vĩnh Long", *data)
    assert "(series break)" in table
    data = files(tmp_path)
    out, _ = run("show", "x", "--region", "Vĩnh Long", "--format", "json", *data)
    history = json.loads(out)["history"]
    assert [(h["year"], h["territory"], h["series_break"]) for h in history] == [
        (2024, "former", False),
        (2025, "current", True),
    ]
    assert json.loads(out)["targets"][0]["series_break"] is False  # 2025 target, 2025 figure: the same unit
    table, _ = run("show", "x", "--region", "Vĩnh Long", *data)
    assert "series break" in table


def test_a_warning_two_rows_share_is_said_once(tmp_path: Path) -> None:
    """The province's own target and the nation's, judged on the same 2024 figure, break the same series."""
    only_2024 = ACTUALS.split('\n\n[[actuals]]\nindicator = "x"\nyear = 2025')[0] + "\n"
    data = files(tmp_path, only_2024)
    national = TARGETS.replace('region = "Vĩnh Long"\n', "")
    (tmp_path / "targets.toml").write_text(TARGETS + national[national.index("[[targets]]") :], encoding="utf-8")
    out, err = run("status", "2025", "--region", "Vĩnh Long", "--format", "json", *data)
    assert [row["series_break"] for row in json.loads(out)["rows"]] == [True, True]
    assert err.count("series break: Vĩnh Long's territory changed") == 1


def test_which_unit_a_figure_is_for_follows_its_year_unless_the_entry_says() -> None:
    assert territory_of("Vĩnh Long", 2024) is Territory.FORMER
    assert territory_of("vinh long", 2025) is Territory.CURRENT
    assert territory_of("Vĩnh Long", 2025, Territory.FORMER) is Territory.FORMER
    assert territory_of("Hà Nội", 2025) is None  # unchanged: one unit throughout
    assert territory_of("Trà Vinh", 2025) is None  # a former province: only ever itself


@pytest.mark.parametrize(
    ("code", "when", "name", "current"),
    [
        ("15", 2024, "Yên Bái", False),  # the seven codes that passed to another unit
        ("15", 2025, "Lào Cai", True),
        ("24", 2024, "Bắc Giang", False),
        ("24", 2025, "Bắc Ninh", True),
        ("44", 2024, "Quảng Bình", False),
        ("44", "2025-07-01", "Quảng Trị", True),
        ("52", "2025-06-30", "Bình Định", False),
        ("52", 2025, "Gia Lai", True),
        ("80", 2020, "Long An", False),
        ("80", 2026, "Tây Ninh", True),
        ("82", 2024, "Tiền Giang", False),
        ("82", 2025, "Đồng Tháp", True),
        ("91", 2024, "Kiên Giang", False),
        ("91", 2025, "An Giang", True),
        ("86", 2024, "Vĩnh Long", False),  # the same name and code, another territory
        ("86", 2025, "Vĩnh Long", True),
        ("46", 2024, "Thừa Thiên Huế", False),
        ("46", "2025-01-01", "Huế", True),
        ("01", 2020, "Hà Nội", True),  # unchanged
    ],
)
def test_a_code_means_the_unit_that_held_it_then(code: str, when: str | int, name: str, current: bool) -> None:
    found = by_code(code, when)
    assert found is not None
    assert (found.name, found.current) == (name, current)


def test_a_retired_code_means_nothing_after_the_merger() -> None:
    assert by_code("10", 2025) is None  # Lào Cai's former code: Lào Cai is 15 from 1 July 2025
    assert by_code("10", 2024) is not None


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Thành phố Hà Nội", "Hà Nội"),
        ("TP. Hà Nội", "Hà Nội"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TPHCM", "Thành phố Hồ Chí Minh"),
        ("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Tỉnh Trà Vinh", "Trà Vinh"),
        ("tinh tra vinh", "Trà Vinh"),
        ("Bắc Cạn", "Bắc Kạn"),
        ("Thành phố Huế", "Huế"),
        ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ],
)
def test_regions_as_people_write_them(written: str, name: str) -> None:
    assert canonical(written) == name


def test_a_city_written_in_full_no_longer_suggests_another() -> None:
    assert suggestions("Thành phố Hà Nội") == ["Hà Nội"]  # suggested 'Huế'


def test_record_stores_the_catalogue_name_for_a_prefixed_region(tmp_path: Path) -> None:
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    shutil.copy(GOOD_ACTUALS, tmp_path / "actuals.toml")
    data = ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]
    for written in ("TP.HCM", "Tỉnh Trà Vinh"):
        result = CliRunner().invoke(
            app, ["record", "dossiers", "2026", "55", "--source", "review-2023", "--region", written, *data]
        )
        assert result.exit_code == 0, result.stderr
    text = (tmp_path / "actuals.toml").read_text(encoding="utf-8")
    assert 'region = "Thành phố Hồ Chí Minh"' in text
    assert text.endswith('region = "Trà Vinh"\nsource = "review-2023"\n')


def test_hue_is_thua_thien_hue_under_a_new_status_one_series(tmp_path: Path) -> None:
    """Nghị quyết 175/2024/QH15: the same territory and code, so its figures are one series, not merged in."""
    targets = TARGETS.split("[[targets]]")[0]
    actuals = (
        'schema = 1\n\n[[actuals]]\nindicator = "x"\nyear = 2024\nvalue = 12\nregion = "Thừa Thiên Huế"\nsource = "s"\n'
        '\n[[actuals]]\nindicator = "x"\nyear = 2025\nvalue = 15\nregion = "Huế"\nsource = "s"\n'
    )
    (tmp_path / "targets.toml").write_text(targets, encoding="utf-8")
    (tmp_path / "actuals.toml").write_text(actuals, encoding="utf-8")
    data = ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]
    out, _ = run("show", "x", "--region", "Huế", "--format", "json", *data)
    history = json.loads(out)["history"]
    assert [(h["year"], h["value"], h["absorbed"], h["used"]) for h in history] == [
        (2024, 12, False, True),
        (2025, 15, False, True),
    ]
    out, _ = run("diff", "2025", "--region", "Huế", "--format", "json", *data)
    (row,) = json.loads(out)["rows"]
    assert (row["before"], row["after"], row["improved"], row["series_break"]) == (12, 15, True, False)
    (note,) = region_lines(catalogue_entries("Thừa Thiên Huế"))
    assert "became the centrally-run city of Huế on 1 January 2025, on the same territory" in note
    (note,) = region_lines(catalogue_entries("Huế"))
    assert note.startswith("Huế was Thừa Thiên Huế until 31 December 2024, on the same territory")


def test_asking_for_a_province_whose_territory_changed_says_how_its_figures_are_read() -> None:
    (note,) = region_lines(catalogue_entries("vinh long"))
    assert "Vĩnh Long took in Bến Tre, Trà Vinh on 1 July 2025" in note
    assert region_lines(catalogue_entries("Hà Nội")) == []


def test_no_pace_is_measured_across_the_merger(tmp_path: Path) -> None:
    """10 (2024, Vĩnh Long alone) → 40 (2025, enlarged) against ≥ 50 in 2026 had R 2.43, "on track": a pace from
    one territory to another says nothing. No trend until two figures of one territory; the break is said."""
    targets = TARGETS.replace("year = 2025\nop", "year = 2026\nop").replace("value = 30", "value = 50")
    (tmp_path / "t.toml").write_text(targets, encoding="utf-8")
    data = ["--targets", str(tmp_path / "t.toml"), "--actuals", files(tmp_path)[3]]
    out, _ = run("status", "2026", "--region", "Vĩnh Long", "--format", "json", *data)
    (row,) = json.loads(out)["rows"]
    assert (row["status"], row["progress_ratio"], row["projected"], row["series_break"]) == (
        "no-trend",
        None,
        None,
        True,
    )


def test_a_figure_of_the_former_province_is_not_the_enlarged_one_s_nor_a_disagreeing_source(tmp_path: Path) -> None:
    """A 2025 figure given for Vĩnh Long as it was (12) beside one of the enlarged province (40): status uses 40,
    and validate finds no sources disagreeing, since the two are of different units."""
    targets = TARGETS + '\n[sources.t]\ntitle = "Another hypothetical report"\n'
    (tmp_path / "targets.toml").write_text(targets, encoding="utf-8")
    former = ACTUALS.replace(
        'year = 2025\nvalue = 40\nregion = "Vĩnh Long"\nsource = "s"',
        'year = 2025\nvalue = 12\nregion = "Vĩnh Long"\nterritory = "former"\nsource = "s"\n\n'
        '[[actuals]]\nindicator = "x"\nyear = 2025\nvalue = 40\nregion = "Vĩnh Long"\nsource = "t"',
    )
    (tmp_path / "actuals.toml").write_text(former, encoding="utf-8")
    data = ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]
    out, _ = run("status", "2025", "--region", "Vĩnh Long", "--format", "json", *data)
    (row,) = json.loads(out)["rows"]
    assert (row["actual"], row["status"], row["conflict"]) == (40, "met", False)
    out, _ = run("validate", "--format", "json", *data)
    assert [w["code"] for w in json.loads(out)["warnings"]] == []
