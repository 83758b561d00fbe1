"""Hostile input and faults: every case of the adversarial pass, each an exit 2 (or an honest answer), never 3.

Each test names the case it covers; before the fixes each gave exit 3, a hang, a wrong figure,
a multi-line message or markup that reached the reader.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.cli import application
from ictgoals.writing import append, lock

app = application()

GOOD_TEXT = GOOD_ACTUALS.read_text(encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, Path]:
    targets, actuals = tmp_path / "targets.toml", tmp_path / "actuals.toml"
    shutil.copy(GOOD_TARGETS, targets)
    shutil.copy(GOOD_ACTUALS, actuals)
    return targets, actuals


def invoke(data: tuple[Path, Path], *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--targets", str(data[0]), "--actuals", str(data[1])], input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def run(*args: str | bytes, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """The real command in a fresh process, with arguments that may be raw bytes."""
    return subprocess.run(
        [sys.executable, "-m", "ictgoals", *args], cwd=cwd, capture_output=True, timeout=timeout, check=False
    )


def one_paragraph(stderr: str) -> str:
    (line,) = stderr.splitlines()
    assert line.startswith("ictgoals: error: ")
    assert "Traceback" not in stderr
    assert "internal error" not in stderr
    return line


def set_value(text: str, entry: int, value: str) -> str:
    """`text` with the value of its `entry`-th [[actuals]] (from 1) replaced."""
    parts = text.split("\nvalue = ")
    parts[entry] = value + "\n" + parts[entry].split("\n", 1)[1]
    return "\nvalue = ".join(parts)


# ---------------------------------------------------------------- 1. never exit 3 on input


def test_a_baseline_year_after_the_latest_figure_is_no_trend_with_a_warning(data: tuple[Path, Path]) -> None:
    text = data[0].read_text(encoding="utf-8")
    data[0].write_text(text.replace("value = 80\n", "value = 80\nbaseline_year = 2030\n", 1), encoding="utf-8")
    code, out, err = invoke(data, "status", "2025", "--format", "json")
    assert code == 0
    row = next(r for r in json.loads(out)["rows"] if r["indicator"] == "dossiers")
    assert (row["status"], row["actual"], row["baseline"]) == ("no-trend", 45.8, None)
    assert "baseline year 2030 has no figure yet (the latest is 2024)" in err


@pytest.mark.parametrize("value", ["1e200", "1e-200", "1e308", "-1e308", "5e-324"])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_extreme_figures_never_overflow(data: tuple[Path, Path], value: str, fmt: str) -> None:
    # Entry 1 starts the dossiers series (the projection and the chart); entry 12 states a change
    # on an earlier year (the stated-change check and the derived earlier figure).
    text = set_value(set_value(GOOD_TEXT, 1, value), 12, value)
    data[1].write_text(text, encoding="utf-8")
    for command in (["status", "2025"], ["diff", "2024"], ["validate"], ["show", "dossiers"], ["show", "ict_revenue"]):
        code, _, err = invoke(data, *command, "--format", fmt, "--no-cache")
        assert code in (0, 1), (command, err)


@pytest.mark.parametrize("name", ["Revenue [draft]", "Revenue [/b] closed", "[bold red]alarm[/]", ":smile: [link=x]y"])
def test_rich_markup_in_data_is_shown_literally(data: tuple[Path, Path], name: str) -> None:
    text = data[0].read_text(encoding="utf-8")
    data[0].write_text(text.replace('name = "Dossiers processed fully online"', f"name = {json.dumps(name)}"))
    for command in (["status", "2025"], ["show", "dossiers"], ["indicators"], ["diff", "2024"]):
        code, out, _ = invoke(data, *command, "--no-cache", "--format", "table")
        assert code == 0
        assert name in out.replace("\n", "") or name.split()[0] in out  # folded cells keep every character


def test_a_markup_like_file_path_is_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "x[" / "b] [red]y"  # the path reads ".../x[/b] [red]y/..."
    folder.mkdir(parents=True)
    shutil.copy(GOOD_TARGETS, folder / "targets.toml")
    shutil.copy(GOOD_ACTUALS, folder / "actuals.toml")
    code, out, _ = invoke((folder / "targets.toml", folder / "actuals.toml"), "status", "2025")
    assert code == 0
    assert "x[/b] [red]y" in out.replace("\n", "")


def test_a_400_digit_integer_in_toml_or_json_is_a_located_error(data: tuple[Path, Path]) -> None:
    huge = "9" * 400
    data[1].write_text(set_value(GOOD_TEXT, 1, huge), encoding="utf-8")
    code, _, err = invoke(data, "status", "2025", "--no-cache")
    assert code == 2
    assert "field 'value': a whole number of about 401 digits is too large" in one_paragraph(err)
    data[1].write_text(GOOD_TEXT, encoding="utf-8")
    rows = f'[{{"indicator": "dossiers", "year": 2026, "value": {huge}, "source": "review-2023"}}]'
    code, _, err = invoke(data, "import", "-", "--format", "json", stdin=rows)
    assert code == 2
    assert "item #1: field 'value': a whole number of about" in one_paragraph(err)


def test_a_byte_that_is_not_utf8_in_a_note_is_refused(data: tuple[Path, Path]) -> None:
    args: list[str | bytes] = ["record", "dossiers", "2026", "50", "--source", "review-2023", "--note", b"bad \xff"]
    done = run(*args, "--targets", str(data[0]), "--actuals", str(data[1]))
    assert done.returncode == 2
    assert "field 'note': is not valid UTF-8 text: it holds the byte 0xff" in one_paragraph(done.stderr.decode())
    assert data[1].read_text(encoding="utf-8") == GOOD_TEXT


def test_a_lone_surrogate_in_import_json_is_refused(data: tuple[Path, Path]) -> None:
    rows = '[{"indicator": "dossiers", "year": 2026, "value": 5, "source": "review-2023", "note": "\\ud800"}]'
    code, _, err = invoke(data, "import", "-", "--format", "json", stdin=rows)
    assert code == 2
    assert "the lone surrogate U+D800" in one_paragraph(err)


def test_json_nested_100000_deep_is_refused(data: tuple[Path, Path]) -> None:
    code, _, err = invoke(data, "import", "-", "--format", "json", stdin="[" * 100_000 + "]" * 100_000)
    assert code == 2
    assert "nested too deeply" in one_paragraph(err)


def test_a_csv_cell_over_the_limit_is_refused(data: tuple[Path, Path]) -> None:
    rows = "indicator,year,value,source,note\ndossiers,2026,5,review-2023," + "x" * 140_000 + "\n"
    code, _, err = invoke(data, "import", "-", stdin=rows)
    assert code == 2
    assert "a cell is longer than 131,072 characters" in one_paragraph(err)


def test_recording_to_a_symlink_loop_is_refused(data: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    code, _, err = invoke((data[0], tmp_path / "a.toml"), "record", "dossiers", "2026", "5", "--source", "x")
    assert code == 2
    assert "Too many levels of symbolic links" in one_paragraph(err)


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_devices_and_fifos_are_refused_without_reading_or_hanging(data: tuple[Path, Path], cache: list[str]) -> None:
    fifo = data[1].with_name("fifo.toml")
    os.mkfifo(fifo)
    for path, kind in ((Path("/dev/zero"), "a character device"), (fifo, "a FIFO")):
        done = run("status", "2025", "--targets", str(data[0]), "--actuals", str(path), *cache, timeout=30)
        assert done.returncode == 2
        assert f"is {kind}" in one_paragraph(done.stderr.decode())


def test_a_file_over_the_size_limit_is_refused(data: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from ictgoals.datafiles import located

    monkeypatch.setattr(located, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(located.read_bytes, "__defaults__", (1000,))
    code, _, err = invoke(data, "status", "2025", "--no-cache")
    assert code == 2
    assert "is larger than 0 MB, the most ictgoals reads" in one_paragraph(err)


# ---------------------------------------------------------------- 2. one paragraph, whatever the text


def test_a_newline_in_a_value_cannot_forge_a_second_message(data: tuple[Path, Path]) -> None:
    code, _, err = invoke(data, "record", "bad\nictgoals: error: forged", "2026", "5", "--source", "review-2023")
    assert code == 2
    line = one_paragraph(err)
    assert "bad\\nictgoals: error: forged" in line


def test_escape_sequences_in_data_never_reach_the_terminal(data: tuple[Path, Path]) -> None:
    text = data[0].read_text(encoding="utf-8")
    data[0].write_text(text.replace('name = "Dossiers processed fully online"', 'name = "evil \\u001b[2J\\u009b31m"'))
    for fmt in ("table", "markdown", "csv"):
        code, out, _ = invoke(data, "status", "2025", "--format", fmt, "--no-cache")
        assert code == 0
        assert "\x1b" not in out
        assert "\x9b" not in out
        shown = {"csv": "evil \\x1b[2J\\x9b31m", "markdown": "evil \\x1b\\[2J\\x9b31m"}  # Markdown escapes "["
        assert shown[fmt] in out if fmt in shown else all(part in out for part in ("\\x1b", "\\x9b"))
    code, out, _ = invoke(data, "status", "2025", "--format", "json", "--no-cache")
    assert json.loads(out)["rows"][-1]["name"] != ""
    assert "\x1b" not in out
    assert "\x9b" not in out
    bad = data[1].with_name("evil\x1b[31m.toml")
    code, _, err = invoke((data[0], bad), "status", "2025")
    assert code == 2
    assert "\x1b" not in err
    assert "evil\\x1b[31m.toml" in one_paragraph(err)


# ---------------------------------------------------------------- 4. writes


def test_a_write_goes_through_a_symlink_to_its_target(data: tuple[Path, Path], tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(data[1])
    code, _, err = invoke((data[0], link), "record", "dossiers", "2026", "55", "--source", "review-2023")
    assert code == 0, err
    assert link.is_symlink()
    assert data[1].read_text(encoding="utf-8").startswith(GOOD_TEXT)
    assert "year = 2026\nvalue = 55\n" in data[1].read_text(encoding="utf-8")


def test_a_read_only_file_is_refused_even_for_root(data: tuple[Path, Path]) -> None:
    data[1].chmod(0o444)
    code, _, err = invoke(data, "record", "dossiers", "2026", "55", "--source", "review-2023")
    assert code == 2
    assert "is not writable for you (mode -r--r--r--" in err
    assert "chmod u+w" in one_paragraph(err)
    assert data[1].read_text(encoding="utf-8") == GOOD_TEXT


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_the_owner_and_mode_are_kept(data: tuple[Path, Path]) -> None:
    os.chown(data[1], 1234, 4321)
    data[1].chmod(0o664)
    code, _, err = invoke(data, "record", "dossiers", "2026", "55", "--source", "review-2023")
    assert code == 0, err
    status = data[1].stat()
    assert (status.st_uid, status.st_gid, status.st_mode & 0o777) == (1234, 4321, 0o664)


def test_a_later_writer_removes_what_killed_writers_left(data: tuple[Path, Path]) -> None:
    leftovers = [
        data[1].with_name(append.temporary_prefix(data[1]) + "abc123"),
        data[1].with_name(".actuals.toml.k3j9x0q2.tmp"),  # the name older versions used
    ]
    for leftover in leftovers:
        leftover.write_text("half a file")
    keep = data[1].with_name(".actuals.toml.notes")
    keep.write_text("not ours")
    assert invoke(data, "record", "dossiers", "2026", "55", "--source", "review-2023")[0] == 0
    assert not any(path.exists() for path in leftovers)
    assert keep.exists()
    assert sorted(p.name for p in data[1].parent.iterdir() if "tmp" in p.name) == []


def test_init_finishes_the_job_after_an_interruption(tmp_path: Path) -> None:
    target = tmp_path / "data"
    assert CliRunner().invoke(app, ["init", str(target)]).exit_code == 0
    (target / "actuals.toml").unlink()  # as if killed between the two files
    result = CliRunner().invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.stderr
    assert (target / "actuals.toml").is_file()
    (target / "actuals.toml").write_text("schema = 1\n# mine\n")
    assert CliRunner().invoke(app, ["init", str(target)]).exit_code == 2  # a file of the user's is never replaced


# ---------------------------------------------------------------- 5. the lock


def test_the_lock_file_is_never_followed_through_a_symlink(data: tuple[Path, Path], tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    lock.lock_path(data[1]).symlink_to(elsewhere)
    code, _, err = invoke(data, "record", "dossiers", "2026", "55", "--source", "review-2023")
    assert code == 2
    assert "is a symbolic link, which ictgoals never follows" in one_paragraph(err)
    assert not elsewhere.exists()


def test_the_lock_file_gets_the_data_files_mode(data: tuple[Path, Path]) -> None:
    data[1].chmod(0o664)
    old = os.umask(0o077)
    try:
        assert invoke(data, "record", "dossiers", "2026", "55", "--source", "review-2023")[0] == 0
    finally:
        os.umask(old)
    assert lock.lock_path(data[1]).stat().st_mode & 0o777 == 0o664


def test_a_writer_that_waits_says_so_and_gives_up_after_wait(data: tuple[Path, Path]) -> None:
    held, release = threading.Event(), threading.Event()

    def holder() -> None:
        with lock.locked(data[1]):
            held.set()
            release.wait(30)

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        held.wait(10)
        start = time.monotonic()
        done = run("record", "dossiers", "2026", "55", "--source", "review-2023", "--wait", "3",
                   "--targets", str(data[0]), "--actuals", str(data[1]))  # fmt: skip
        waited = time.monotonic() - start
    finally:
        release.set()
        thread.join()
    err = done.stderr.decode()
    assert done.returncode == 2
    assert "waiting for another writer of" in err.splitlines()[0]
    assert "longer than --wait 3; nothing was written" in err.splitlines()[-1]
    assert 3 <= waited < 30
    assert data[1].read_text(encoding="utf-8") == GOOD_TEXT


# ---------------------------------------------------------------- 6. output that cannot attack its reader


def test_csv_defuses_formulas_but_keeps_numbers_numbers(data: tuple[Path, Path]) -> None:
    text = data[0].read_text(encoding="utf-8")
    name = '=HYPERLINK("http://x","y")'
    data[0].write_text(text.replace('name = "Dossiers processed fully online"', f"name = {json.dumps(name)}"))
    code, out, _ = invoke(data, "status", "2025", "--format", "csv", "--no-cache")
    assert code == 0
    assert '\'=HYPERLINK(""http://x"",""y"")' in out
    assert not re.search(r"(^|,)\"?[=+@]", out, re.M)  # no cell starts a formula
    header = out.splitlines()[0].split(",")
    gaps = [line.split(",")[header.index("gap")] for line in out.splitlines()[1:]]
    assert "-13" in gaps  # a negative number stays a number (the GCI rank is 13 places ahead)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_defused(start: str) -> None:
    from ictgoals.output.safe import csv_text

    assert csv_text(f"{start}cmd|' /C calc'!A0").startswith("'")
    assert csv_text("-3.2") == "-3.2"


# ---------------------------------------------------------------- 7. a linear import


def test_import_looks_at_each_recorded_figure_once(data: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from ictgoals.writing import plans

    calls = 0
    original = plans._key

    def counting(actual: object) -> tuple[str, str, int, str]:
        nonlocal calls
        calls += 1
        return original(actual)  # type: ignore[arg-type]

    monkeypatch.setattr(plans, "_key", counting)
    rows = "indicator,year,value,source\n" + "".join(f"dossiers,{2030 + n},{n},review-2023\n" for n in range(50))
    assert invoke(data, "import", "-", "--dry-run", stdin=rows)[0] == 0
    recorded = tomllib.loads(data[1].read_text(encoding="utf-8"))["actuals"]
    national_dossiers = sum(1 for a in recorded if a["indicator"] == "dossiers" and a.get("region", "VN") == "VN")
    assert 0 < national_dossiers < len(recorded)
    # Each recorded figure of the one group the rows touch once, every row once: not 14 × 50,
    # and not the figures of other indicators and regions either.
    assert calls == national_dossiers + 50


def test_no_temporary_file_is_left_where_ictgoals_wrote(data: tuple[Path, Path], tmp_path: Path) -> None:
    """A write goes through a temporary file beside its target (and the cache through one in its folder):
    after writes that succeed and writes that fail, none is left behind."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "taken").mkdir()  # -o onto a directory: refused after the temporary file was made
    commands = [
        ["record", "dossiers", "2030", "50", "--source", "review-2023"],
        ["record", "dossiers", "2031", "150", "--source", "review-2023"],  # a share of 150%: refused
        ["status", "2025", "--format", "json", "-o", str(out / "status.json")],
        ["status", "2025", "--format", "json", "-o", str(out / "taken")],
        ["export", str(out / "package")],
    ]
    codes = [invoke(data, *command)[0] for command in commands]
    assert codes == [0, 2, 0, 2, 0]
    folders = [data[0].parent, out, out / "package", Path(os.environ["XDG_CACHE_HOME"]) / "ictgoals"]
    assert all(folder.is_dir() for folder in folders)
    leftovers = [p for folder in folders for p in folder.iterdir() if "tmp" in p.name]
    assert leftovers == []
