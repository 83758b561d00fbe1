"""The command line as scripts see it: exit codes, stdout against stderr, and data-file resolution."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ASSETS, GOOD_ACTUALS, GOOD_TARGETS
from ictgoals import __version__
from ictgoals.cli import application

app = application()

GOOD = ["--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS)]


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert invoke("--version") == (0, f"ictgoals {__version__}\n", "")


def test_json_goes_to_stdout_and_nothing_to_stderr() -> None:
    code, out, err = invoke("status", "2025", "--format", "json", *GOOD)
    assert (code, err) == (0, "")
    assert json.loads(out)["year"] == 2025


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("status", "2025", "--check"), 1),  # at-risk, no-trend and no-data rows
        (("status", "2024", "--check"), 0),  # the EGDI target is met
        (("status", "2023", "--check"), 1),  # missed
        (("validate",), 0),
        (("validate", "--strict"), 1),
    ],
)
def test_exit_codes(args: tuple[str, ...], code: int) -> None:
    assert invoke(*args, "--format", "json", *GOOD)[0] == code


def test_check_names_the_failing_targets_on_stderr() -> None:
    code, out, err = invoke("status", "2025", "--check", "--format", "csv", *GOOD)
    assert code == 1
    assert out.startswith("indicator,")
    assert "check: at risk: Dossiers processed fully online (National, 2025)" in err
    assert "check: no data: Adults with a digital signature (National, 2025)" in err
    # reported as a note, not a check line: it does not fail without --strict
    assert (
        "note: no trend yet, not counted (--strict counts it): Hardware and electronics exports (National, 2025)" in err
    )
    assert "check failed: 3 of 8 targets need attention." in err  # 2 at-risk + 1 no-data
    check_lines = [line for line in err.splitlines() if line.startswith("ictgoals: check: ")]
    assert len(check_lines) == 3  # the lines headed "check:" are exactly the failures counted


def test_no_trend_fails_the_check_only_when_strict(tmp_path: Path) -> None:
    targets = tmp_path / "targets.toml"
    targets.write_text(
        GOOD_TARGETS.read_text(encoding="utf-8").split("[[targets]]")[0]
        + '[[targets]]\nindicator = "exports"\nyear = 2025\nop = ">="\nvalue = 148\n'
        'source = "review-2024-a"\n',
        encoding="utf-8",
    )
    args = ("status", "2025", "--check", "--targets", str(targets), "--actuals", str(GOOD_ACTUALS))
    assert invoke(*args)[0] == 0
    assert invoke(*args, "--strict")[0] == 1


@pytest.mark.parametrize(
    "args",
    [
        ("status", "twenty"),
        ("status", "1899"),
        ("status", "2025", "--format", "yaml"),
        ("diff", "2024", "--against", "2024"),
        ("status", "2025", "--region", "Atlantis"),
        ("show", "no_such_indicator"),
    ],
)
def test_bad_usage_exits_2_without_a_traceback(args: tuple[str, ...]) -> None:
    code, out, err = invoke(*args, *GOOD)
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert err.strip()


def test_bad_data_exits_2_with_one_paragraph_on_stderr() -> None:
    bad = ASSETS / "bad" / "actuals" / "value_nan.toml"
    code, out, err = invoke("status", "2025", "--targets", str(GOOD_TARGETS), "--actuals", str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"ictgoals: error: {bad}:7 (actuals entry #1): field 'value'")
    assert err.count("\n") == 1


def test_an_op_written_as_a_list_exits_2_not_3() -> None:
    """The loader's old fast path crashed on an unhashable op; both paths now give the located message."""
    bad = ASSETS / "bad" / "targets" / "op_as_list.toml"
    for cache in (["--no-cache"], []):
        code, out, err = invoke("status", "2025", "--targets", str(bad), "--actuals", str(GOOD_ACTUALS), *cache)
        assert (code, out) == (2, ""), err
        assert err.startswith(f"ictgoals: error: {bad}:14 (targets entry #1): field 'op': expected one of")


def test_validate_reports_a_load_error_in_the_requested_format() -> None:
    bad = ASSETS / "bad" / "actuals" / "value_text.toml"
    code, out, err = invoke("validate", "--format", "json", "--targets", str(GOOD_TARGETS), "--actuals", str(bad))
    assert code == 2
    errors = json.loads(out)["errors"]
    assert [e["code"] for e in errors] == ["invalid-data"]
    assert errors[0]["file"] == str(bad)
    assert "value_text.toml:7" in err


def test_environment_variables_choose_the_files() -> None:
    env = {"ICTGOALS_TARGETS": str(GOOD_TARGETS), "ICTGOALS_ACTUALS": str(GOOD_ACTUALS)}
    code, out, _ = invoke("status", "2023", "--format", "json", env=env)
    assert code == 0
    assert [r["indicator"] for r in json.loads(out)["rows"]] == ["dossiers"]


def test_table_caption_names_the_files_used() -> None:
    env = {"ICTGOALS_TARGETS": str(GOOD_TARGETS), "ICTGOALS_ACTUALS": str(GOOD_ACTUALS), "COLUMNS": "250"}
    _, out, _ = invoke("status", "2023", env=env)
    assert f"targets: {GOOD_TARGETS} (ICTGOALS_TARGETS)\nactuals: {GOOD_ACTUALS} (ICTGOALS_ACTUALS)\n" in out


def test_region_matching_ignores_case_and_accents() -> None:
    _, out, _ = invoke("status", "2025", "--region", "TRA VINH", "--format", "json", *GOOD)
    assert {r["region"] for r in json.loads(out)["rows"]} == {"Trà Vinh"}


def test_show_json() -> None:
    code, out, _ = invoke("show", "egdi_rank", "--format", "json", *GOOD)
    document = json.loads(out)
    assert code == 0
    assert [(h["year"], h["value"], h["derived"]) for h in document["history"]] == [
        (2022, 86, False),
        (2024, 71, False),
    ]
    assert [t["status"] for t in document["targets"]] == ["met"]


def test_show_marks_values_implied_by_a_stated_change_as_derived() -> None:
    _, out, _ = invoke("show", "exports", "--format", "json", *GOOD)
    history = json.loads(out)["history"]
    derived = [h for h in history if h["derived"]]
    # 132 / 1.116 = 118.2796, to the precision of the printed 132 (issue 21: derived values print no false precision)
    assert [(h["year"], h["value"]) for h in derived] == [(2023, 118)]
    assert [(h["source"], h["used"]) for h in history if not h["derived"]] == [
        ("review-2024-b", True),
        ("review-2024-a", False),
    ]


def test_indicators_lists_the_catalogue() -> None:
    _, out, _ = invoke("indicators", "--format", "csv", *GOOD)
    lines = out.splitlines()
    assert lines[0] == "indicator,name,name_vi,unit,better,area,targets,actuals"
    assert "gci_rank,Global Cybersecurity Index rank,,rank,lower,cybersecurity,2,2" in lines
    assert len(lines) == 1 + 8


# ---------------------------------------------------------------- as a real process


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ictgoals", *args], capture_output=True, text=True, check=False, cwd=cwd
    )


def test_piped_table_has_no_colour_codes() -> None:
    result = run("status", "2025", *GOOD)
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert "Targets due in 2025" in result.stdout


def test_no_color_is_honoured_even_when_colour_is_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = run("status", "2025", *GOOD)
    assert "\x1b[" not in result.stdout


def test_closed_pipe_ends_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "ictgoals", "status", "2025", "--format", "csv", *GOOD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.read(1)
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, b"")


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_a_reader_that_has_gone_is_not_an_error(fmt: str) -> None:
    # `true` exits at once, long before ictgoals writes, so the write always meets a closed pipe.
    command = f"{sys.executable} -m ictgoals status 2025 --format {fmt} | true; echo ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert (result.stdout, result.stderr) == ("0\n", "")


def test_rich_is_not_imported_for_json_or_csv() -> None:
    probe = (
        "import sys, io, contextlib\n"
        "from ictgoals.cli import application\n"
        "for fmt in ('json', 'csv'):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        f"        application('status')(['status', '2025', '--format', fmt, *{GOOD!r}], standalone_mode=False)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'pydantic')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_bundled_data_is_used_from_an_empty_directory(tmp_path: Path) -> None:
    result = run("status", "2025", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rows"]


def test_a_bug_is_reported_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ictgoals import cli
    from ictgoals.analysis import status as compute

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("something impossible")

    monkeypatch.setattr(compute, "status", broken)
    monkeypatch.setattr(sys, "argv", ["ictgoals", "status", "2025", "--format", "json", *GOOD])
    try:
        with pytest.raises(SystemExit) as caught:
            cli.main()
    finally:
        gc.enable()  # main() turns the cyclic collector off for the rest of its process
    assert caught.value.code == 3
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: something impossible. This is a bug in ictgoals" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("columns", ["abc", "-5", "0", "99999999999999999999"])
def test_a_nonsense_columns_setting_is_ignored(columns: str) -> None:
    code, out, err = invoke("status", "2023", *GOOD, env={"COLUMNS": columns})
    assert (code, err) == (0, "")
    assert "Targets due in 2023" in out


def test_validate_json_gives_the_line_of_a_toml_syntax_error() -> None:
    bad = ASSETS / "bad" / "targets" / "broken_toml.toml"
    code, out, _ = invoke("validate", "--format", "json", "--targets", str(bad), "--actuals", str(GOOD_ACTUALS))
    assert code == 2
    (error,) = json.loads(out)["errors"]
    assert (error["file"], error["line"]) == (str(bad), 10)


def test_output_is_the_same_bytes_under_any_hash_seed(tmp_path: Path) -> None:
    """A region written two ways once came out either way, and the known regions in any order."""
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    text = GOOD_ACTUALS.read_text(encoding="utf-8").replace('region = "Trà Vinh"', 'region = "tra vinh"', 1)
    text += (
        '\n[[actuals]]\nindicator = "dossiers"\nyear = 2023\nvalue = 41\nregion = "Trà Vinh"\nsource = "review-2023"\n'
    )
    (tmp_path / "actuals.toml").write_text(text, encoding="utf-8")
    commands = [
        ["status", "2025", "--region", "TRA VINH", "--format", "json"],
        ["status", "2025", "--region", "Nowhere"],
    ]
    seen: dict[str, set[tuple[str, str]]] = {}
    for seed in ("0", "1", "2", "3", "123", "4242"):
        for command in commands:
            done = subprocess.run(
                [sys.executable, "-m", "ictgoals", *command, "--no-cache"],
                cwd=tmp_path,
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
                check=False,
            )
            seen.setdefault(" ".join(command), set()).add((done.stdout, done.stderr))
    assert all(len(outputs) == 1 for outputs in seen.values()), seen
    ((json_out, _),) = seen[" ".join(commands[0])]
    assert '"region": "Trà Vinh"' in json_out
