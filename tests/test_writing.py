"""Recording data: nothing a person wrote is lost, bad input changes nothing, writers never collide."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS, REPO
from ictgoals.cli import application

app = application()


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, Path]:
    """A writable copy of the test dataset, with a human's comment and layout in actuals.toml."""
    targets, actuals = tmp_path / "targets.toml", tmp_path / "actuals.toml"
    shutil.copy(GOOD_TARGETS, targets)
    actuals.write_text(
        "# Figures typed in by the provincial department.\n"
        "schema = 1   # keep this first\n\n"
        + GOOD_ACTUALS.read_text(encoding="utf-8").split("schema = 1", 1)[1].lstrip("\n"),
        encoding="utf-8",
    )
    return targets, actuals


def invoke(data: tuple[Path, Path], *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    targets, actuals = data
    result = CliRunner().invoke(app, [*args, "--targets", str(targets), "--actuals", str(actuals)], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def entries(path: Path, table: str = "actuals") -> list[dict[str, object]]:
    with path.open("rb") as handle:
        return list(tomllib.load(handle)[table])


def test_record_keeps_every_byte_before_the_new_entry(data: tuple[Path, Path]) -> None:
    before = data[1].read_text(encoding="utf-8")
    code, out, err = invoke(
        data,
        "record",
        "dossiers",
        "2025",
        "52,5",
        "--source",
        "review-2024-a",
        "--printed",
        "52,5%",
        "--estimate",
        "--change",
        "6,7",
        "--change-unit",
        "pp",
    )
    assert (code, out) == (0, "")
    assert "recorded dossiers (VN, 2025)" in err
    after = data[1].read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :] == (
        '\n[[actuals]]\nindicator = "dossiers"\nyear = 2025\nvalue = 52.5\nsource = "review-2024-a"\n'
        'printed = "52,5%"\nestimate = true\nchange = 6.7\nchange_unit = "pp"\n'
    )


def test_dry_run_prints_the_toml_and_changes_nothing(data: tuple[Path, Path]) -> None:
    before = data[1].read_bytes()
    code, out, _ = invoke(
        data, "record", "dossiers", "2025", "71.000", "--source", "review-2024-a", "--region", "tra vinh", "--dry-run"
    )
    assert code == 0
    assert out == (  # dossiers are a share in %: "71.000" can only be 71 there, not 71000
        '[[actuals]]\nindicator = "dossiers"\nyear = 2025\nvalue = 71\nregion = "Trà Vinh"\nsource = "review-2024-a"\n'
    )
    assert data[1].read_bytes() == before
    assert not list(data[1].parent.glob(".*.tmp"))


def test_a_repeated_figure_is_skipped_and_a_different_one_is_a_conflict(data: tuple[Path, Path]) -> None:
    before = data[1].read_bytes()
    code, _, err = invoke(data, "record", "dossiers", "2024", "45,8", "--source", "review-2024-a")
    assert code == 0
    assert "already recorded" in err
    assert data[1].read_bytes() == before
    code, _, err = invoke(data, "record", "dossiers", "2024", "46", "--source", "review-2024-a")
    assert code == 2
    assert "conflicts with" in err
    assert "already recorded as 45.8, not 46" in err
    assert data[1].read_bytes() == before
    assert invoke(data, "record", "dossiers", "2024", "46", "--source", "review-2024-a", "--allow-conflict")[0] == 0
    assert len(entries(data[1])) == 15


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("record", "nope", "2024", "1", "--source", "review-2024-a"), "unknown indicator 'nope'"),
        (
            ("record", "dossiers", "2024", "4x", "--source", "review-2024-a"),
            "field 'value': '4x' is not a figure: 'x' is neither",
        ),
        (("record", "dossiers", "2024", "1", "--source", "nobody"), "unknown source 'nobody'"),
        (("record", "dossiers", "2024", "1", "--source", "review-2024-a", "--change", "3"), "'change_unit' is missing"),
        (("target", "dossiers", "2030", "40", "30", "--op", "between", "--source", "review-2023"), "low > high"),
        (("target", "dossiers", "2025", "90", "--source", "review-2024-a"), "already declared"),
    ],
)
def test_invalid_entries_change_nothing(data: tuple[Path, Path], args: tuple[str, ...], message: str) -> None:
    before = [p.read_bytes() for p in data]
    code, out, err = invoke(data, *args)
    assert (code, out) == (2, "")
    assert message in err
    assert [p.read_bytes() for p in data] == before


def test_target_with_a_range(data: tuple[Path, Path]) -> None:
    code, _, _ = invoke(
        data,
        "target",
        "postal_growth",
        "2030",
        "25",
        "35",
        "--op",
        "between",
        "--source",
        "review-2024-a",
        "--printed",
        "25 – 35%",
    )
    assert code == 0
    added = entries(data[0], "targets")[-1]
    assert (added["op"], added["value"], added["printed"]) == ("between", [25, 35], "25 – 35%")
    assert (
        data[0]
        .read_text(encoding="utf-8")
        .endswith('value = [25, 35]\nsource = "review-2024-a"\nprinted = "25 – 35%"\n')
    )


CSV_WITH_A_BAD_ROW = """indicator,year,value,source,region,estimate,printed
dossiers,2025,"55,1",review-2024-a,,true,"55,1%"
exports,2025,abc,review-2024-a,,,
gci_rank,2025,15,review-2024-a,,,
"""


def test_import_is_all_or_nothing(data: tuple[Path, Path], tmp_path: Path) -> None:
    before = data[1].read_bytes()
    rows = tmp_path / "rows.csv"
    rows.write_text(CSV_WITH_A_BAD_ROW, encoding="utf-8")
    code, _, err = invoke(data, "import", str(rows))
    assert code == 2
    assert f"{rows} row 2 (line 3): field 'value': 'abc' is not a number" in err
    assert data[1].read_bytes() == before

    rows.write_text(CSV_WITH_A_BAD_ROW.replace("abc", '"141,2"'), encoding="utf-8")
    code, _, err = invoke(data, "import", str(rows))
    assert code == 0, err
    assert "imported 3 figure(s)" in err
    added = entries(data[1])[-3:]
    assert [(a["indicator"], a["value"]) for a in added] == [("dossiers", 55.1), ("exports", 141.2), ("gci_rank", 15)]
    assert added[0]["estimate"] is True

    code, _, err = invoke(data, "import", str(rows))
    assert code == 0
    assert "imported 0 figure(s)" in err
    assert "skipped 3 already recorded" in err


def test_import_json_from_stdin(data: tuple[Path, Path]) -> None:
    document = [{"indicator": "dossiers", "year": 2026, "value": 60, "source": "review-2024-b", "region": "Trà Vinh"}]
    code, _, err = invoke(data, "import", "-", "--format", "json", stdin=json.dumps(document))
    assert code == 0, err
    assert entries(data[1])[-1] == {**document[0]}


def test_import_ignores_an_unknown_column_with_a_note_or_refuses_it_when_strict(
    data: tuple[Path, Path], tmp_path: Path
) -> None:
    rows = tmp_path / "rows.csv"
    # 51 (not 1, which the plausibility check of issue 21 refuses next to 45.8, 40 and 20)
    rows.write_text("indicator,year,value,source,valeur\ndossiers,2025,51,review-2024-a,2\n", encoding="utf-8")
    before = data[1].read_bytes()
    code, _, err = invoke(data, "import", str(rows), "--strict-columns")
    assert code == 2
    assert f"{rows}: has columns that are not fields of a figure: valeur." in err
    assert data[1].read_bytes() == before
    code, _, err = invoke(data, "import", str(rows))
    assert code == 0, err
    assert f"note: {rows}: ignored columns that are not fields of a figure: valeur." in err
    assert entries(data[1])[-1] == {"indicator": "dossiers", "year": 2025, "value": 51, "source": "review-2024-a"}


def test_the_original_survives_a_failure_between_temporary_write_and_replace(
    data: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = data[1].read_bytes()

    def killed(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", killed)
    code, _, err = invoke(data, "record", "dossiers", "2025", "50", "--source", "review-2024-a")
    assert code == 2
    assert "could not write it (the disk is full); the file is unchanged" in err
    assert data[1].read_bytes() == before
    assert sorted(p.name for p in data[1].parent.iterdir() if p.name.endswith(".tmp")) == []


def test_permission_denied_is_a_clear_error(data: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, out, err = invoke(data, "record", "dossiers", "2025", "50", "--source", "review-2024-a")
    assert (code, out) == (2, "")
    assert "permission denied" in err
    assert "Traceback" not in err


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "actuals.toml"
    result = CliRunner().invoke(
        app,
        [
            "record",
            "dossiers",
            "2025",
            "50",
            "--source",
            "review-2024-a",
            "--targets",
            str(GOOD_TARGETS),
            "--actuals",
            str(missing),
        ],
    )
    assert result.exit_code == 2
    assert "could not read it (no such file or directory); the file is unchanged. Check the path" in result.stderr


@pytest.mark.parametrize("command", [["status", "2025", "--format", "json"], ["report", "2025"]])
def test_an_output_in_a_folder_that_is_not_there_names_the_folder(
    data: tuple[Path, Path], tmp_path: Path, command: list[str]
) -> None:
    output = tmp_path / "missing" / "deeper" / "out.html"
    code, stdout, stderr = invoke(data, *command, "-o", str(output))
    assert code == 2
    assert stdout == ""
    assert f"Create the folder {output.parent} first" in stderr
    assert "ictgoals init" not in stderr  # the data files' hint is no help for an output
    assert not (tmp_path / "missing").exists()


def test_an_output_through_a_link_names_the_folder_the_link_leads_to(data: tuple[Path, Path], tmp_path: Path) -> None:
    link = tmp_path / "latest.json"
    link.symlink_to(tmp_path / "archive" / "2025" / "status.json")  # a link to a file in a folder not made yet
    code, stdout, stderr = invoke(data, "status", "2025", "--format", "json", "-o", str(link))
    assert (code, stdout) == (2, "")
    assert f"Create the folder {tmp_path / 'archive' / '2025'} first" in stderr
    assert "ictgoals init" not in stderr
    assert not (tmp_path / "archive").exists()


def test_file_permissions_are_kept(data: tuple[Path, Path]) -> None:
    data[1].chmod(0o640)
    assert invoke(data, "record", "dossiers", "2025", "50", "--source", "review-2024-a")[0] == 0
    assert stat.S_IMODE(data[1].stat().st_mode) == 0o640


def test_the_bundled_dataset_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["record", "full_online_dossiers", "2025", "50", "--source", "mic-2024-review-backan"]
    )
    assert result.exit_code == 2
    assert "is the dataset bundled with ictgoals" in result.stderr
    assert "ictgoals init DIR" in result.stderr


def test_init_copies_the_bundled_data_and_never_overwrites_by_accident(tmp_path: Path) -> None:
    target_dir = tmp_path / "mine"
    assert CliRunner().invoke(app, ["init", str(target_dir)]).exit_code == 0
    assert (target_dir / "targets.toml").read_bytes() == (REPO / "targets.toml").read_bytes()
    (target_dir / "actuals.toml").write_text("schema = 1\n", encoding="utf-8")
    again = CliRunner().invoke(app, ["init", str(target_dir)])
    assert again.exit_code == 2
    assert "already exists" in again.stderr
    assert (target_dir / "actuals.toml").read_text(encoding="utf-8") == "schema = 1\n"
    assert CliRunner().invoke(app, ["init", str(target_dir), "--force"]).exit_code == 0
    assert "[[actuals]]" in (target_dir / "actuals.toml").read_text(encoding="utf-8")


def test_fifty_concurrent_writers_all_land_exactly_once(data: tuple[Path, Path]) -> None:
    targets, actuals = data
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ictgoals",
                "record",
                "signatures",
                str(2000 + i),
                str(40 + i / 2),  # within a factor of 20 of each other, whatever order they land in
                "--source",
                "review-2024-a",
                "--targets",
                str(targets),
                "--actuals",
                str(actuals),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for i in range(50)
    ]
    errors = [p.communicate(timeout=300)[1] for p in processes]
    assert [(p.returncode, e) for p, e in zip(processes, errors, strict=True) if p.returncode] == []
    recorded = [(a["year"], a["value"]) for a in entries(actuals) if a["indicator"] == "signatures"]
    assert sorted(recorded) == [(2000 + i, 40 + i / 2) for i in range(50)]


def test_record_can_declare_a_new_source(data: tuple[Path, Path]) -> None:
    code, _, err = invoke(
        data,
        "record",
        "dossiers",
        "2025",
        "58",
        "--source",
        "province-2025",
        "--source-title",
        "Provincial report, June 2025",
        "--source-date",
        "2025-06-30",
    )
    assert code == 0, err
    with data[1].open("rb") as handle:
        document = tomllib.load(handle)
    assert document["sources"]["province-2025"]["title"] == "Provincial report, June 2025"
    assert str(document["sources"]["province-2025"]["published"]) == "2025-06-30"
    assert document["actuals"][-1]["source"] == "province-2025"
    code, _, err = invoke(
        data, "record", "dossiers", "2026", "60", "--source", "province-2025", "--source-title", "again"
    )
    assert code == 2
    assert "already declared" in err


def test_import_refuses_a_conflicting_figure_unless_allowed(data: tuple[Path, Path], tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("indicator,year,value,source\ndossiers,2024,47,review-2024-a\n", encoding="utf-8")
    before = data[1].read_bytes()
    code, _, err = invoke(data, "import", str(rows))
    assert code == 2
    assert "row 1 (line 2): conflicts with" in err
    assert data[1].read_bytes() == before
    assert invoke(data, "import", str(rows), "--allow-conflict")[0] == 0
    assert entries(data[1])[-1]["value"] == 47


def test_files_written_as_one_are_all_new_or_all_as_they_were(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package whose third file meets a full disk leaves the first two as they were, and no temporary file."""
    import errno
    import os

    from ictgoals.api.files import save_all
    from ictgoals.errors import WriteError

    folder = tmp_path / "package"
    save_all(folder, {"a.csv": "old a\n", "b.csv": "old b\n", "c.csv": "old c\n"})
    real_fsync, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(WriteError, match=r"c.csv: could not write it \(the disk is full\)"):
        save_all(folder, {"a.csv": "new a\n", "b.csv": "new b\n", "c.csv": "new c\n"})
    monkeypatch.undo()
    assert {p.name: p.read_text() for p in folder.iterdir()} == {
        "a.csv": "old a\n",
        "b.csv": "old b\n",
        "c.csv": "old c\n",
    }
    save_all(folder, {"a.csv": "new a\n", "b.csv": "new b\n"})
    assert (folder / "a.csv").read_text() == "new a\n"
