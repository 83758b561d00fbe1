"""The region catalogue: 34 provinces from 1 July 2025, the 63 before, and which became which."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.cli import application
from ictgoals.provinces import canonical, suggestions

app = application()


def test_regions_json_lists_34_current_and_63_former_provinces() -> None:
    result = CliRunner().invoke(app, ["regions", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    regions = json.loads(result.stdout)["regions"]
    current = [r for r in regions if r["current"] and r["code"] != "VN"]
    former = [r for r in regions if not r["current"]]
    assert (len(current), len(former)) == (34, 63)
    assert len({r["code"] for r in current}) == 34
    assert len({r["code"] for r in former}) == 63
    by_name = {(r["name"], r["current"]): r for r in regions}
    # Nghị quyết 202/2025/QH15: Trà Vinh and Bến Tre into Vĩnh Long, Bắc Kạn into Thái Nguyên.
    assert by_name[("Trà Vinh", False)]["merged_into"] == "Vĩnh Long"
    assert by_name[("Trà Vinh", False)]["since"] == "2025-07-01"
    assert by_name[("Bắc Kạn", False)]["merged_into"] == "Thái Nguyên"
    assert by_name[("Vĩnh Long", True)]["formed_from"] == ["Bến Tre", "Trà Vinh"]
    assert by_name[("Hà Nội", False)]["merged_into"] is None  # unchanged
    # Every province that merged names a current successor.
    names = {r["name"] for r in current}
    assert all(r["merged_into"] in names for r in former if r["merged_into"])
    # 63 former units, 11 of them unchanged (Hà Nội, Cao Bằng, Điện Biên, Lai Châu, Sơn La, Lạng Sơn, Quảng Ninh,
    # Thanh Hóa, Nghệ An, Hà Tĩnh, and Thừa Thiên Huế, which became the city of Huế on the same territory):
    # 63 − 11 = 52 were merged, into another name or into an enlarged province of their own name.
    assert sum(1 for r in former if r["merged_into"]) == 52
    # Nghị quyết 175/2024/QH15: Thừa Thiên Huế became the centrally-run city of Huế, a change of status on the
    # same territory and code (46), not a merger; Huế was formed from nothing.
    hue, thua_thien = by_name[("Huế", True)], by_name[("Thừa Thiên Huế", False)]
    assert (thua_thien["merged_into"], thua_thien["became"], thua_thien["since"]) == (None, "Huế", "2025-01-01")
    assert (hue["code"], thua_thien["code"], hue["formed_from"]) == ("46", "46", [])
    assert (hue["valid_from"], thua_thien["valid_until"]) == ("2025-01-01", "2024-12-31")


def test_spellings_fold_to_the_catalogue_and_typos_get_suggestions() -> None:
    assert canonical("tra vinh") == "Trà Vinh"
    assert canonical("  TRÀ   VINH ") == "Trà Vinh"
    assert canonical("Việt Nam") == "VN"
    assert canonical("Tra Vin") is None
    assert suggestions("Tra Vin") == ["Trà Vinh"]


def test_recording_stores_the_catalogue_spelling_and_refuses_a_typo(tmp_path: Path) -> None:
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    shutil.copy(GOOD_ACTUALS, tmp_path / "actuals.toml")
    files = ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]
    record = ["record", "dossiers", "2026", "55", "--source", "review-2023", "--region"]
    ok = CliRunner().invoke(app, [*record, "tra vinh", *files])
    assert ok.exit_code == 0, ok.stderr
    assert (
        (tmp_path / "actuals.toml")
        .read_text(encoding="utf-8")
        .endswith('region = "Trà Vinh"\nsource = "review-2023"\n')
    )
    bad = CliRunner().invoke(app, [*record, "Tra Vin", *files])
    assert bad.exit_code == 2
    assert "unknown region 'Tra Vin'" in bad.stderr
    assert "Did you mean 'Trà Vinh'?" in bad.stderr


def test_a_region_of_the_users_own_is_accepted_once_the_data_uses_it(tmp_path: Path) -> None:
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    text = GOOD_ACTUALS.read_text(encoding="utf-8") + '\n[[actuals]]\nindicator = "dossiers"\nyear = 2024\nvalue = 60\n'
    (tmp_path / "actuals.toml").write_text(
        text + 'region = "Khối bộ, ngành"\nsource = "review-2023"\n', encoding="utf-8"
    )
    files = ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]
    result = CliRunner().invoke(
        app, ["record", "dossiers", "2025", "62", "--source", "review-2023", "--region", "khoi bo, nganh", *files]
    )
    assert result.exit_code == 0, result.stderr
    assert (
        (tmp_path / "actuals.toml")
        .read_text(encoding="utf-8")
        .endswith('region = "Khối bộ, ngành"\nsource = "review-2023"\n')
    )


def test_a_province_view_is_its_own_targets_then_the_national_ones(tmp_path: Path) -> None:
    files = ["--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS)]
    table = CliRunner().invoke(app, ["status", "2025", "--region", "tra vinh", *files])
    assert table.exit_code == 0
    assert table.stdout.index("Targets of Trà Vinh due in 2025") < table.stdout.index("National targets due in 2025")
    rows = json.loads(
        CliRunner().invoke(app, ["status", "2025", "--region", "tra vinh", "--format", "json", *files]).stdout
    )
    assert {r["scope"] for r in rows["rows"]} == {"national", "regional"}


def test_check_for_a_province_counts_only_its_own_targets() -> None:
    files = ["--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS)]
    result = CliRunner().invoke(app, ["status", "2025", "--region", "tra vinh", "--check", *files])
    own = [line for line in result.stderr.splitlines() if line.startswith("ictgoals: check:")]
    assert all("(Trà Vinh, 2025)" in line for line in own)
    assert all("gci_rank" not in line for line in own)  # a national goal is context, not the province's failure


def test_a_province_without_data_gets_an_honest_picture_and_a_merged_one_names_its_successor() -> None:
    result = CliRunner().invoke(app, ["status", "2025", "--region", "Bạc Liêu", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "Bạc Liêu became part of Cà Mau on 1 July 2025" in result.stderr
    assert 'Cà Mau\'s own figures: --region "Cà Mau".' in result.stderr
    assert all(r["status"] == "no-data" for r in json.loads(result.stdout)["rows"])
    unknown = CliRunner().invoke(app, ["status", "2025", "--region", "Tra Vin"])
    assert unknown.exit_code == 2
    assert "Did you mean 'Trà Vinh'?" in unknown.stderr


def test_validate_warns_about_a_region_that_is_not_a_province(tmp_path: Path) -> None:
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    text = GOOD_ACTUALS.read_text(encoding="utf-8").replace('region = "Trà Vinh"', 'region = "Tra Vin"', 1)
    (tmp_path / "actuals.toml").write_text(text, encoding="utf-8")
    files = ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]
    result = CliRunner().invoke(app, ["validate", "--format", "json", *files])
    assert result.exit_code == 0  # it still loads, as written
    (warning,) = [w for w in json.loads(result.stdout)["warnings"] if w["code"] == "unknown-region"]
    assert "region 'Tra Vin' is not one of Vietnam's provinces" in warning["message"]
    assert "Did you mean 'Trà Vinh'?" in warning["message"]


def test_the_successor_lists_the_figures_of_the_provinces_it_absorbed_marked_as_such() -> None:
    """Trà Vinh joined Vĩnh Long: its 2024 postal revenue (148, from the bundled data) shows under Vĩnh Long,
    marked, in Trà Vinh's name, and is never used as Vĩnh Long's figure."""
    result = CliRunner().invoke(app, ["show", "postal_revenue", "--region", "vinh long", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    absorbed = [row for row in document["history"] if row["absorbed"]]
    assert [(r["region"], r["year"], r["value"], r["used"]) for r in absorbed] == [("Trà Vinh", 2024, 148, False)]
    assert document["region"] == "Vĩnh Long"
    table = CliRunner().invoke(app, ["show", "postal_revenue", "--region", "vinh long"]).stdout
    assert "merged" in table  # the flag column says where the figure came from
