"""What a write refuses, and what it never destroys (issue 21, items 2, 15, 17 and 18; issue 26, item 12).

A figure 20 times off its indicator's recent figures is refused unless --force; `init --force` saves what
it replaces; import headers are read as people write them, and a field named twice is refused; an extract
draft imports twice. Every figure here is hypothetical; none is written unless the test says so.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS, REPO
from ictgoals.cli import application
from ictgoals.locales.vi import MESSAGES
from ictgoals.model import Actual, Better, Indicator
from ictgoals.writing.inputs import COLUMNS, HEADER_WORDS, column_name
from ictgoals.writing.plans import Recent, implausible

app = application()


@pytest.fixture
def good(tmp_path: Path) -> list[str]:
    """The small dataset: dossiers (a share) at 20 (2020), 40 (2023) and 45.8 (2024), sources review-2023/2024-a."""
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    shutil.copy(GOOD_ACTUALS, tmp_path / "actuals.toml")
    return ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]


def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def unchanged(files: list[str]) -> tuple[bytes, bytes]:
    return Path(files[1]).read_bytes(), Path(files[3]).read_bytes()


# ---------------------------------------------------------------- item 2: a figure 20 times off


def test_a_share_typed_as_a_fraction_is_refused_with_the_likely_reading(good: list[str]) -> None:
    before = unchanged(good)
    code, out, err = invoke("record", "dossiers", "2025", "0.458", "--source", "review-2023", *good)
    assert (code, out) == (2, "")
    # 45.8 / 0.458 = 100: the 2024 figure is 100 times the one typed, the nearest of 2024, 2023 and 2020
    assert "0.458% is 100 times smaller than the recent figures of dossiers: 45.8% (2024), 40% (2023)" in err
    assert "did you mean 45.8%?" in err
    assert "pass --force to record it anyway" in err
    assert unchanged(good) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        # 45.8 / 1e-320 is past what a float holds: the factor is told as a power of ten, 10^(1.66 + 320)
        (1e-320, "is 10^322 times smaller than the recent figures of dossiers: 45.8% (2024)"),
        (4.58e-5, "is 1,000,000 times smaller than the recent figures of dossiers: 45.8% (2024)"),
    ],
)
def test_a_figure_any_number_of_times_off_is_refused_without_an_overflow(
    good: list[str], value: float, message: str
) -> None:
    rows = json.dumps([{"indicator": "dossiers", "year": 2025, "value": value, "source": "review-2023"}])
    code, _, err = invoke("import", "-", "--format", "json", *good, input=rows)
    assert code == 2, err
    assert message in err


def test_force_records_it_and_a_dry_run_only_warns(good: list[str]) -> None:
    record = ["record", "dossiers", "2025", "0.458", "--source", "review-2023", *good]
    code, out, err = invoke(*record, "--dry-run")
    assert code == 0
    assert "value = 0.458" in out
    assert "warning: the command line: 0.458% is 100 times smaller" in err
    code, _, err = invoke(*record, "--force")
    assert code == 0, err
    assert "value = 0.458" in Path(good[3]).read_text(encoding="utf-8")


def test_an_import_and_a_target_are_checked_too(good: list[str]) -> None:
    before = unchanged(good)
    rows = 'indicator,year,value,source\ndossiers,2025,52,review-2023\ndossiers,2026,"0,458",review-2023\n'
    code, _, err = invoke("import", "-", *good, input=rows)
    assert code == 2
    # compared with the nearest year's figure, 52 (2025) from the row before: 52 / 0.458 = 113.5
    assert "stdin row 2 (line 3): 0.458% is 114 times smaller than the recent figures of dossiers: 52% (2025)" in err
    code, _, err = invoke("target", "dossiers", "2027", "0.9", "--source", "review-2023", *good)
    assert code == 2
    assert "0.9% is 51 times smaller" in err  # 45.8 / 0.9 = 50.9, to the nearest whole time
    assert unchanged(good) == before
    code, _, err = invoke("target", "dossiers", "2027", "0.9", "--source", "review-2023", "--force", *good)
    assert code == 0, err


def test_a_figure_within_a_factor_of_20_passes_and_rates_of_change_are_not_checked() -> None:
    share = Indicator("s", "S", "%", Better.HIGHER)
    recent = Recent([Actual("s", 2024, 45.8, "a"), Actual("s", 2023, 40.0, "a")])
    assert implausible(2.5, 2025, recent, share) is None  # 40 / 2.5 = 16 < 20, though 45.8 / 2.5 = 18.3
    assert implausible(1.9, 2025, recent, share) is not None  # 40 / 1.9 = 21.1 and 45.8 / 1.9 = 24.1
    assert implausible(2.2, 2025, recent, share) is None  # 45.8 / 2.2 = 20.8, but 40 / 2.2 = 18.2
    rate = Indicator("g", "G", "%", Better.HIGHER, range=(-100.0, 1000.0))
    assert implausible(0.2, 2025, Recent([Actual("g", 2024, 20.0, "a")]), rate) is None  # growth may come near 0
    assert implausible(5.0, 2025, Recent(), share) is None  # nothing to compare with


# ---------------------------------------------------------------- item 15: init --force never destroys


def test_init_force_saves_recorded_figures_before_replacing_them(tmp_path: Path) -> None:
    assert invoke("init", str(tmp_path))[0] == 0
    actuals = tmp_path / "actuals.toml"
    recorded = actuals.read_text(encoding="utf-8") + "\n# a figure of our own\n"
    actuals.write_text(recorded, encoding="utf-8")
    code, _, err = invoke("init", str(tmp_path))
    assert code == 2
    assert "is not the bundled copy; nothing was copied. Pass --force to replace it" in err
    assert actuals.read_text(encoding="utf-8") == recorded
    code, _, err = invoke("init", str(tmp_path), "--force")
    assert code == 0, err
    (backup,) = tmp_path.glob("actuals.toml.backup-*")
    assert backup.read_text(encoding="utf-8") == recorded
    assert f"saved {actuals} as {backup}" in err
    assert actuals.read_bytes() == (REPO / "actuals.toml").read_bytes()
    assert list(tmp_path.glob("targets.toml.backup-*")) == []  # the bundled copy itself is left alone


# ---------------------------------------------------------------- item 17: headers as people write them


@pytest.mark.parametrize(
    "header",
    [
        "Indicator;Year;Value;Source",
        "INDICATOR;YEAR;VALUE;SOURCE",
        "Chỉ tiêu;Năm;Giá trị;Nguồn",
        "chi tieu;nam;gia tri;nguon",
    ],
)
def test_headers_are_read_without_case_or_accents(good: list[str], header: str) -> None:
    rows = f"{header}\ndossiers;2026;45,8;review-2023\n"
    code, out, err = invoke("import", "-", "--dry-run", *good, input=rows)
    assert code == 0, err
    assert tomllib.loads(out)["actuals"] == [
        {"indicator": "dossiers", "year": 2026, "value": 45.8, "source": "review-2023"}
    ]


def test_the_tools_own_vietnamese_headers_are_fields() -> None:
    """The Vietnamese the tool prints for its column headers names the same fields on the way back in."""
    pairs = [("Indicator", "indicator"), ("Year", "year"), ("Value", "value"), ("Source", "source")]
    pairs += [("Region", "region"), ("Printed", "printed")]
    for english, field in pairs:
        assert column_name(MESSAGES[english]) == field, english
        assert column_name(english) == field
    assert column_name("NOTE") == "note"  # a field's own name, in any case
    assert column_name(MESSAGES["Note"]) == MESSAGES["Note"]  # "Ghi chú": also the tool's "Flags"; a comment column
    assert column_name("Change Unit") == "change_unit"
    assert column_name(MESSAGES["column\x04Indicator id"]) == "indicator"  # the workbook's id column
    assert column_name("Chỉ tiêu") == "indicator"  # the review table's word for its rows
    assert column_name("Comments") == "Comments"  # not a field: kept as written, left out with a note
    assert set(HEADER_WORDS.values()) <= COLUMNS  # every alias names a field of a figure


def test_a_file_with_no_known_column_says_which_names_it_takes(good: list[str]) -> None:
    code, _, err = invoke("import", "-", "--dry-run", *good, input="Tên;Số\nx;1\n")
    assert code == 2
    assert "stdin: has no column that is a field of a figure (its columns: Tên, Số)" in err
    assert "Name the columns indicator, year, value (or printed) and source" in err


@pytest.mark.parametrize(
    ("fmt", "text", "hint"),
    [
        (
            "csv",
            "indicator,value,source\ndossiers,50,review-2023\n",
            "Fill in its year cell, or add a column named year.",
        ),
        ("json", '[{"indicator": "dossiers", "value": 50, "source": "review-2023"}]', 'Add "year": … to each object.'),
    ],
)
def test_a_missing_field_is_hinted_in_the_words_of_the_medium(good: list[str], fmt: str, text: str, hint: str) -> None:
    code, _, err = invoke("import", "-", "--format", fmt, *good, input=text)
    assert code == 2
    assert "missing required field 'year'." in err
    assert hint in err
    assert "year = 2025" not in err  # a data file's hint, not a CSV's


# ---------------------------------------------------------------- issue 26, item 12: a field named twice


@pytest.mark.parametrize(
    ("fmt", "text", "message"),
    [
        (
            "csv",
            "indicator,year,value,source,indicator\ndossiers,2026,50,review-2023,exports\n",
            "stdin header (line 1): names the column 'indicator' twice (columns 1 and 5)",
        ),
        (
            "csv",
            "indicator,year,value,source,Chỉ tiêu\ndossiers,2026,50,review-2023,exports\n",
            "names the field 'indicator' twice: 'indicator' and 'Chỉ tiêu'",
        ),
        (
            "json",
            '[{"indicator": "dossiers", "year": 2026, "value": 50, "source": "review-2023"},\n'
            ' {"indicator": "dossiers", "year": 2026, "value": 50, "source": "review-2023", "indicator": "exports"}]',
            "stdin item #2: gives the key 'indicator' twice",
        ),
        (
            "json",
            '[{"indicator": "dossiers", "Year": 2026, "year": 2025, "value": 50, "source": "review-2023"}]',
            "names the field 'year' twice: 'Year' and 'year'",
        ),
    ],
)
def test_a_field_named_twice_is_refused_naming_both(good: list[str], fmt: str, text: str, message: str) -> None:
    before = unchanged(good)
    code, out, err = invoke("import", "-", "--format", fmt, *good, input=text)
    assert (code, out) == (2, "")
    assert message in err
    assert unchanged(good) == before


# ---------------------------------------------------------------- item 18: a draft imports twice

DRAFT = """# A reviewed draft, written by hand for this test.
[sources.new-report]
title = "A hypothetical report"

[[targets]]
indicator = "dossiers"
year = 2027
op = ">="
value = 60
source = "new-report"

[[actuals]]
indicator = "dossiers"
year = 2025
value = 50
source = "new-report"
"""


def test_a_draft_with_its_own_source_imports_twice(good: list[str], tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, err = invoke("import", str(draft), "--dry-run", *good)
    assert code == 0, err
    assert f"# to be added to {good[1]}:" in out  # the source and the target, not only the figure
    assert "[sources.new-report]" in out
    assert "[[targets]]" in out
    assert f"# to be added to {good[3]}:" in out
    assert out.count("[sources.new-report]") == 1
    code, _, err = invoke("import", str(draft), *good)
    assert code == 0, err
    after = unchanged(good)
    code, _, err = invoke("import", str(draft), *good)  # again: the same source, target and figure are skipped
    assert code == 0, err
    assert "skipped 1 already declared" in err
    assert "imported 0 figure(s)" in err
    assert unchanged(good) == after
    targets = tomllib.loads(Path(good[1]).read_text(encoding="utf-8"))
    assert targets["sources"]["new-report"] == {"title": "A hypothetical report"}


def test_a_stub_matches_the_source_it_declared_once_its_title_is_filled_in(good: list[str], tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT.replace('title = "A hypothetical report"\n', ""), encoding="utf-8")  # a bare stub
    assert invoke("import", str(draft), *good)[0] == 0
    targets = Path(good[1])
    text = targets.read_text(encoding="utf-8").replace("[sources.new-report]\n", '[sources.new-report]\ntitle = "T"\n')
    targets.write_text(text, encoding="utf-8")  # the person fills in the title, then imports the draft again
    code, _, err = invoke("import", str(draft), *good)
    assert code == 0, err
    assert "imported 0 figure(s)" in err


def test_a_draft_whose_source_differs_from_the_declared_one_is_refused(good: list[str], tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT.replace("[sources.new-report]", "[sources.review-2023]"), encoding="utf-8")
    before = unchanged(good)
    code, _, err = invoke("import", str(draft), *good)
    assert code == 2
    assert "source 'review-2023' is already declared, and differs in: title" in err
    assert unchanged(good) == before


def test_a_draft_figure_is_checked_for_plausibility_too(good: list[str], tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT.replace("value = 50", "value = 0.5"), encoding="utf-8")
    code, _, err = invoke("import", str(draft), *good)
    assert code == 2
    assert "0.5% is 92 times smaller" in err  # 45.8 / 0.5 = 91.6
    code, out, err = invoke("import", str(draft), "--dry-run", "--format", "toml", *good)
    assert code == 0
    assert json.dumps("warning") not in out
    assert "warning:" in err


def test_an_import_whose_qualifier_contradicts_its_print_is_refused(good: list[str]) -> None:
    before = unchanged(good)
    row = {"indicator": "dossiers", "year": 2026, "value": 50, "source": "review-2023"}
    rows = json.dumps([{**row, "qualifier": "more-than", "printed": "khoảng 50%"}])
    code, _, err = invoke("import", "-", "--format", "json", *good, input=rows)
    assert code == 2
    assert "the qualifier 'more-than' does not match the printed 'khoảng 50%', which states 'about'" in err
    assert unchanged(good) == before
    agreeing = json.dumps([{**row, "qualifier": "more-than", "printed": "hơn 50%"}])
    assert invoke("import", "-", "--format", "json", *good, input=agreeing)[0] == 0


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (
            ["target", "dossiers", "2027", "--source", "review-2023"],
            "Give INDICATOR YEAR VALUE after the command's name.",
        ),
        (["target", "dossiers", "2027", "50", "--op", "between", "--source", "review-2023"], "Give the range as two"),
        (["record", "dossiers", "2026", "50", "--change", "3", "--source", "review-2023"], "Give --change-unit: %"),
    ],
)
def test_hints_on_the_command_line_speak_of_its_arguments_and_options(
    good: list[str], args: list[str], hint: str
) -> None:
    code, _, err = invoke(*args, *good)
    assert code == 2
    assert hint in err
    assert " = " not in err.split(". ", 1)[-1]  # no `value = …` of a data file in the hint


def test_an_empty_cell_is_told_to_be_filled_in(good: list[str]) -> None:
    code, _, err = invoke("import", "-", *good, input="indicator,year,value,source\ndossiers,2026,,review-2023\n")
    assert code == 2
    assert "missing required field 'value'. Fill in its value cell, or add a column named value." in err


@pytest.mark.parametrize(
    ("indicator", "unit", "refused"),
    [("exports", "pp", True), ("gci_rank", "pp", True), ("dossiers", "places", True), ("dossiers", "pp", False)],
)
def test_a_stated_change_in_a_unit_its_figures_cannot_change_by_is_refused(
    good: list[str], indicator: str, unit: str, refused: bool
) -> None:
    args = ["record", indicator, "2026", "50", "--change", "3", "--change-unit", unit, "--source", "review-2023"]
    code, _, err = invoke(*args, "--dry-run", "--force", *good)
    assert code == (2 if refused else 0), err
    assert ("does not fit" in err) is refused
