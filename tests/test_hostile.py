"""Hostile input and faults: every case of the adversarial pass, each an exit 2 (or an honest answer), never 3.

Each test names the case it covers; before the fixes each gave exit 3, a hang, a wrong figure,
a multi-line message or markup that reached the reader.
"""

from __future__ import annotations

import json
import os
import re
import select
import shlex
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.cli import application
from ictgoals.errors import WriteError
from ictgoals.writing import append, lock
from xlsx_parts import HEADER, MAIN, STYLES, cell, parts, rows_xml, sheet_xml, workbook, write

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


def test_a_json_number_too_long_for_python_is_refused_naming_its_line(data: tuple[Path, Path]) -> None:
    rows = '[\n{"indicator": "dossiers", "year": 2026,\n "value": ' + "9" * 5000 + ', "source": "review-2023"}]'
    code, _, err = invoke(data, "import", "-", "--format", "json", stdin=rows)
    assert code == 2
    assert "stdin line 3: holds a number of more than 4,300 digits." in one_paragraph(err)


def test_a_csv_header_over_the_limit_is_refused_naming_the_line(data: tuple[Path, Path]) -> None:
    code, _, err = invoke(data, "import", "-", stdin="a" * 140_000 + "\n")  # no delimiter to split it by
    assert code == 2
    assert "near line 1: is not readable CSV: a cell is longer than 131,072 characters" in one_paragraph(err)


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"], ids=["old-mac", "windows", "unix"])
def test_a_csv_reads_with_any_line_end(data: tuple[Path, Path], end: str) -> None:
    rows = data[0].with_name("rows.csv")
    rows.write_bytes(end.join(["indicator,year,value,source", "dossiers,2026,55,review-2023", ""]).encode())
    code, out, err = invoke(data, "import", str(rows), "--dry-run")
    assert code == 0, err
    assert "value = 55\n" in out


def test_a_file_with_two_names_is_refused_rather_than_split(data: tuple[Path, Path], tmp_path: Path) -> None:
    other = tmp_path / "other-name.toml"
    os.link(data[1], other)
    code, _, err = invoke(data, "record", "dossiers", "2026", "55", "--source", "review-2023")
    assert code == 2
    assert "has 2 names (hard links), and replacing it would leave the others with the old text" in one_paragraph(err)
    assert data[1].read_text(encoding="utf-8") == other.read_text(encoding="utf-8") == GOOD_TEXT
    assert data[1].stat().st_ino == other.stat().st_ino
    report = tmp_path / "r.json"
    report.write_text("{}", encoding="utf-8")
    os.link(report, tmp_path / "r2.json")
    code, _, err = invoke(data, "status", "2025", "-f", "json", "-o", str(report))
    assert code == 2
    assert "has 2 names (hard links)" in one_paragraph(err)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", ""], "an argument is empty ('')"),
        (["report", "2025", "-f", "markdown", "-o", ""], "-o is empty"),
        (["import", ""], "an argument is empty ('')"),
        (["status", "2025", "--actuals", ""], "--actuals is empty"),
    ],
)
def test_an_empty_path_is_refused_not_read_as_the_current_directory(
    tmp_path: Path, args: list[str], message: str
) -> None:
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in one_paragraph(done.stderr.decode())
    assert list(tmp_path.iterdir()) == []  # nothing written here


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


# ---------------------------------------------------------------- 8. issue 26: the newer surfaces
# -o everywhere, export, the reports, xlsx import, odd standard streams, help.

#: Every command that takes -o FILE, with the arguments that make it write something.
OUTPUT_COMMANDS = [
    ["status", "2025", "--format", "json"],
    ["diff", "2024", "--format", "csv"],
    ["show", "dossiers", "--format", "markdown"],
    ["validate", "--format", "table"],
    ["indicators", "--format", "xlsx"],
    ["extract", "REPORT", "--format", "toml"],
    ["report", "2025"],
]


def with_report(command: list[str], folder: Path) -> list[str]:
    """`command` with REPORT replaced by a small invented report of our own."""
    report = folder / "report.txt"
    report.write_text("Năm 2024, tỷ lệ hồ sơ xử lý trực tuyến toàn trình đạt 47,5%.\n", encoding="utf-8")
    return [str(report) if word == "REPORT" else word for word in command]


def character_device(path: Path, minor: int) -> Path:
    """A character device of our own (1, 3 is /dev/null's kind, 1, 7 /dev/full's): never the machine's own."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


def kind(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: c[0])
def test_o_onto_a_fifo_nobody_reads_is_refused_and_the_fifo_stays(data: tuple[Path, Path], command: list[str]) -> None:
    fifo = data[0].with_name("out.fifo")
    os.mkfifo(fifo)
    code, _, err = invoke(data, *with_report(command, data[0].parent), "-o", str(fifo))
    assert code == 2
    assert "is a FIFO (named pipe) that no program is reading, so nothing was written" in one_paragraph(err)
    assert kind(fifo) == stat.S_IFIFO


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: c[0])
def test_o_onto_a_fifo_with_a_reader_writes_into_it(data: tuple[Path, Path], command: list[str]) -> None:
    fifo = data[0].with_name("out.fifo")
    os.mkfifo(fifo)
    # The reader opens the FIFO before the command looks for one (without blocking, as no writer is there yet)
    # and drains it in a thread: a FIFO that has never had a writer is not readable, so select waits for ours.
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    received: list[bytes] = []

    def drain() -> None:
        chunks = []
        while select.select([fd], [], [], 30)[0] and (chunk := os.read(fd, 1 << 16)):
            chunks.append(chunk)
        received.append(b"".join(chunks))

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        code, _, err = invoke(data, *with_report(command, data[0].parent), "-o", str(fifo))
        reader.join(30)
    finally:
        os.close(fd)
    assert code == 0, err
    assert kind(fifo) == stat.S_IFIFO
    assert len(received[0]) > 100


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: c[0])
def test_o_onto_a_null_device_writes_into_it_and_the_device_stays(data: tuple[Path, Path], command: list[str]) -> None:
    null = character_device(data[0].with_name("null"), 3)
    code, _, err = invoke(data, *with_report(command, data[0].parent), "-o", str(null))
    assert code == 0, err
    assert kind(null) == stat.S_IFCHR
    assert sorted(p.name for p in null.parent.iterdir() if "tmp" in p.name) == []


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: c[0])
def test_o_onto_a_full_device_says_the_disk_is_full(data: tuple[Path, Path], command: list[str]) -> None:
    full = character_device(data[0].with_name("full"), 7)
    code, _, err = invoke(data, *with_report(command, data[0].parent), "-o", str(full))
    assert code == 2
    assert "could not write it (the disk is full)" in one_paragraph(err)
    assert kind(full) == stat.S_IFCHR


@pytest.mark.parametrize("target", ["directory", "socket"])
def test_o_onto_a_directory_or_a_socket_is_refused(data: tuple[Path, Path], target: str) -> None:
    path = data[0].with_name("target")
    holder = None
    if target == "directory":
        path.mkdir()
    else:
        holder = socket.socket(socket.AF_UNIX)
        holder.bind(str(path))
    try:
        code, _, err = invoke(data, "status", "2025", "-o", str(path))
        assert code == 2
        assert f"is a {target}, not a regular file, so nothing was written" in one_paragraph(err)
        assert kind(path) == (stat.S_IFDIR if target == "directory" else stat.S_IFSOCK)
    finally:
        if holder is not None:
            holder.close()


def test_the_atomic_writer_never_renames_over_anything_but_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="is a FIFO"):
        append.replace_atomically(fifo, "text")
    assert kind(fifo) == stat.S_IFIFO
    assert [p.name for p in tmp_path.iterdir()] == ["fifo"]


@pytest.mark.parametrize("stream", ["/dev/stdout", "/dev/stderr", "/proc/self/fd/1"])
def test_o_naming_a_standard_stream_sent_to_a_file_writes_into_it(tmp_path: Path, stream: str) -> None:
    """`-o /dev/stdout >> log` appends to the log as the shell opened it; replacing the file the link leads to
    would lose what the log held."""
    log = tmp_path / "log"
    log.write_text("kept\n", encoding="utf-8")
    redirect = "2>>" if stream == "/dev/stderr" else ">>"
    command = f"{shlex.quote(sys.executable)} -m ictgoals status 2025 --format csv -o {stream} {redirect} log"
    done = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("kept\nindicator,name,")
    assert text.count("indicator,name,") == 1


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: c[0])
def test_o_dash_is_standard_output(
    data: tuple[Path, Path], command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(data[0].parent)
    args = with_report(command, data[0].parent)
    _, expected, _ = invoke(data, *args)
    code, out, err = invoke(data, *args, "-o", "-")
    assert code == 0, err
    assert out == expected
    assert len(out) > 100
    assert not Path("-").exists()


@pytest.mark.parametrize("where", ["a file", "a dangling link", "under a file", "unwritable parent", "a FIFO inside"])
@pytest.mark.parametrize(
    "command", [["export"], ["report", "2025", "--format", "markdown", "-o"]], ids=["export", "md"]
)
def test_a_directory_that_cannot_be_one_is_refused_before_anything_is_written(
    data: tuple[Path, Path], tmp_path: Path, where: str, command: list[str]
) -> None:
    place = tmp_path / "place"
    place.mkdir()
    target = place / "out"
    if where == "a file":
        target.write_text("mine")
    elif where == "a dangling link":
        target.symlink_to(place / "nothing")
    elif where == "under a file":
        (place / "file").write_text("mine")
        target = place / "file" / "out"
    elif where == "unwritable parent":
        place.chmod(0o555)
    else:
        target.mkdir()
        os.mkfifo(target / ("report.md" if command[0] == "report" else "status.csv"))
    before = sorted(str(p.relative_to(place)) for p in place.rglob("*"))
    try:
        code, _, err = invoke(data, *command, str(target))
    finally:
        place.chmod(0o755)
    assert code == 2
    line = one_paragraph(err)
    assert str(target) in line
    assert "nothing was written" in line or "cannot create the directory (permission denied)" in line
    assert sorted(str(p.relative_to(place)) for p in place.rglob("*")) == before


def test_a_charts_file_where_the_report_puts_its_charts_is_refused(data: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "md").mkdir()
    (tmp_path / "md" / "charts").write_text("mine")
    code, _, err = invoke(data, "report", "2025", "--format", "markdown", "-o", str(tmp_path / "md"))
    assert code == 2
    assert "md/charts is a file, not a directory, so nothing was written" in one_paragraph(err)
    assert sorted(p.name for p in (tmp_path / "md").iterdir()) == ["charts"]
    assert (tmp_path / "md" / "charts").read_text() == "mine"


# Closed and odd standard streams: run in a fresh process, as a shell would start it.

STREAM_COMMANDS = [
    ["status", "2025"],
    ["status", "2025", "--format", "json"],
    ["diff", "2024", "--format", "csv"],
    ["show", "dossiers", "--format", "markdown"],
    ["validate"],
    ["indicators", "--format", "csv"],
    ["regions", "--format", "json"],
    ["extract", "REPORT", "--format", "json"],
    ["report", "2025"],
    ["record", "dossiers", "2030", "50,5", "--source", "review-2023", "--note", "Trà Vinh", "--dry-run"],
    ["--lang", "vi", "status", "2025"],
    ["--lang", "vi", "status", "--help"],
    ["--version"],
]


def run_with(
    args: list[str], data: tuple[Path, Path], env: dict[str, str] | None = None, **options: object
) -> subprocess.CompletedProcess[bytes]:
    plain = args[-1] in ("--help", "--version") or args[0] in ("regions", "init")
    files = [] if plain else ["--targets", str(data[0]), "--actuals", str(data[1])]
    environ = {**os.environ, **(env or {})}
    for name, value in list(environ.items()):
        if value == "":  # "" means: unset
            del environ[name]
    done: subprocess.CompletedProcess[bytes] = subprocess.run(
        [sys.executable, "-m", "ictgoals", *with_report(args, data[0].parent), *files],
        env=environ,
        capture_output="stdout" not in options,
        timeout=60,
        check=False,
        **options,  # type: ignore[call-overload]
    )
    return done


@pytest.mark.parametrize("command", [*STREAM_COMMANDS, ["export", "PKG"], ["init", "COPY"]], ids=" ".join)
def test_a_closed_stdout_is_a_closed_pipe(data: tuple[Path, Path], command: list[str]) -> None:
    command = [str(data[0].parent / w) if w in ("PKG", "COPY") else w for w in command]
    done = run_with(command, data, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, pass_fds=(),
                    preexec_fn=lambda: os.close(1))  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert b"internal error" not in done.stderr
    if command[0] in ("export", "init"):
        assert Path(command[1]).is_dir()


ENCODINGS = [
    {"PYTHONIOENCODING": "latin-1"},
    {"PYTHONIOENCODING": "cp1258"},  # Vietnamese Windows
    {"PYTHONIOENCODING": "", "LC_ALL": "C", "PYTHONUTF8": "0", "LANG": ""},
]


@pytest.mark.parametrize("env", ENCODINGS, ids=["latin-1", "cp1258", "C"])
@pytest.mark.parametrize("command", STREAM_COMMANDS, ids=" ".join)
def test_a_stdout_that_is_not_utf8_gets_utf8_data_and_readable_text(
    data: tuple[Path, Path], env: dict[str, str], command: list[str]
) -> None:
    if "LC_ALL" in env:  # the C locale reads arguments as ASCII too (bytes kept, but not as letters)
        command = [w.replace("Trà Vinh", "Tra Vinh") for w in command]
    done = run_with(command, data, env)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"internal error" not in done.stderr
    machine = any(w in command for w in ("json", "csv", "markdown", "--dry-run")) or command[0] == "report"
    if machine:  # JSON, CSV, Markdown, TOML and HTML are UTF-8 bytes, the same as in a UTF-8 locale
        utf8 = run_with(command, data, {"PYTHONIOENCODING": "utf-8"})
        assert done.stdout == utf8.stdout
        if command[0] == "record" and "LC_ALL" not in env:
            assert 'note = "Trà Vinh"'.encode() in done.stdout
    else:  # text for a person: in the terminal's encoding, what it cannot show replaced
        done.stdout.decode("latin-1" if env.get("PYTHONIOENCODING") else "ascii")


@pytest.mark.parametrize("columns", ["10000000", "1e21", "1" + "0" * 21, "-5", "²", "abc"])
@pytest.mark.parametrize("variable", ["COLUMNS", "TERMINAL_WIDTH"])
def test_help_takes_a_sane_width_whatever_the_width_variables_say(variable: str, columns: str) -> None:
    done = subprocess.run([sys.executable, "-m", "ictgoals", "status", "--help"], capture_output=True, timeout=60,
                          env={**os.environ, variable: columns}, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert max(len(line) for line in done.stdout.decode().splitlines()) <= 1000
    assert len(done.stdout) < 100_000


@pytest.mark.parametrize("args", [["--help"], ["status", "--help"], ["regions"], ["status", "2025", "--format", "csv"]])
def test_help_and_output_into_a_pipe_closed_after_one_byte_end_quietly(args: list[str]) -> None:
    with subprocess.Popen([sys.executable, "-m", "ictgoals", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env={**os.environ, "COLUMNS": "100000"}) as process:  # fmt: skip
        assert process.stdout is not None
        assert process.stderr is not None
        assert len(process.stdout.read(1)) == 1
        process.stdout.close()  # as `| head -c1` does
        err = process.stderr.read()
        assert process.wait(60) == 0, err.decode()
    assert err == b""


# .xlsx import: the rows are all there, the figures are what the cells mean, and any damage is exit 2.


def import_dry_run(data: tuple[Path, Path], book: Path, *options: str) -> tuple[int, list[dict[str, object]], str]:
    code, out, err = invoke(data, "import", str(book), "--dry-run", *options)
    return code, tomllib.loads(out).get("actuals", []) if code == 0 else [], err


FIGURES: list[list[str | int | float | None]] = [
    ["dossiers", 2026, 50.5, "review-2023"],
    ["gci_rank", 2026, 12, "review-2023"],
    ["exports", 2026, 140.25, "review-2023"],
]


def test_a_stale_dimension_never_drops_rows(data: tuple[Path, Path], tmp_path: Path) -> None:
    body = rows_xml([HEADER, *FIGURES])
    contents = {**parts((("Sheet1", "visible", body),)), "xl/worksheets/sheet1.xml": sheet_xml(body, "A1:D1")}
    code, rows, err = import_dry_run(data, write(tmp_path / "stale.xlsx", contents))
    assert code == 0, err
    assert [(r["indicator"], r["value"]) for r in rows] == [("dossiers", 50.5), ("gci_rank", 12), ("exports", 140.25)]


def test_a_header_below_empty_rows_and_columns_before_the_stated_size_are_read(
    data: tuple[Path, Path], tmp_path: Path
) -> None:
    body = rows_xml([HEADER, *FIGURES], first=3)  # the table starts at row 3; <dimension> says column B on
    contents = {**parts((("Sheet1", "visible", body),)), "xl/worksheets/sheet1.xml": sheet_xml(body, "B3:D6")}
    code, rows, err = import_dry_run(data, write(tmp_path / "low.xlsx", contents))
    assert code == 0, err
    assert [r["indicator"] for r in rows] == ["dossiers", "gci_rank", "exports"]
    code, _, err = invoke(data, "import", str(write(tmp_path / "bad.xlsx", parts((("S", "visible", rows_xml(
        [HEADER, ["dossiers", 2026, "abc", "review-2023"]], first=3)),)))), "--dry-run")  # fmt: skip
    assert "bad.xlsx [S] row 4: field 'value': 'abc' is not a number" in one_paragraph(err)


def malformed(tmp_path: Path) -> dict[str, tuple[Path, list[str]]]:
    """Workbooks each damaged in one way the adversarial pass found, with the --sheet option to use."""
    good = rows_xml([HEADER, ["dossiers", 2026, 5, "review-2023"]])

    def sheet(body: str, **options: object) -> dict[str, str]:
        return parts((("Sheet1", "visible", body),), **options)  # type: ignore[arg-type]

    def cell_c2(replacement: str, **options: object) -> dict[str, str]:
        return sheet(good.replace('<c r="C2"><v>5</v></c>', replacement), **options)

    truncated = sheet(good)
    truncated["xl/worksheets/sheet1.xml"] = truncated["xl/worksheets/sheet1.xml"][:-60]
    dtd = sheet(good.replace("<v>5</v>", "<v>&big;</v>"))
    dtd["xl/worksheets/sheet1.xml"] = dtd["xl/worksheets/sheet1.xml"].replace(
        "?>", '?><!DOCTYPE worksheet [<!ENTITY big "55">]>', 1
    )
    cases = {
        "truncated sheet XML": truncated,
        "a DTD with entities": dtd,
        "a bad cell reference": sheet(good.replace('r="C2"', 'r="C$2"')),
        "a reference past the last column": sheet(good.replace('r="C2"', 'r="AAAAA2"')),
        "NaN in a numeric cell": cell_c2('<c r="C2"><v>NaN</v></c>'),
        "words in a numeric cell": cell_c2('<c r="C2"><v>five</v></c>'),
        "an impossible date": cell_c2('<c r="C2" s="2"><v>99999999</v></c>'),
        "an impossible ISO date": cell_c2('<c r="C2" t="d"><v>2024-13-45</v></c>'),
        "a shared string past the end": cell_c2('<c r="C2" t="s"><v>7</v></c>', shared=["x"]),
        "a shared string before the start": cell_c2('<c r="C2" t="s"><v>-1</v></c>', shared=["x"]),
        "a boolean that is not one": cell_c2('<c r="C2" t="b"><v>maybe</v></c>'),
        "a style counted from the end": cell_c2('<c r="C2" s="-2"><v>0.5</v></c>'),
        "a style past the last": cell_c2('<c r="C2" s="40"><v>0.5</v></c>'),
        "no worksheets": parts(()),
        "a chartsheet only": parts((), chartsheets=["Chart1"]),
        "no workbook part": {k: v for k, v in sheet(good).items() if k != "xl/workbook.xml"},
        "no content types": {k: v for k, v in sheet(good).items() if k != "[Content_Types].xml"},
        "broken styles": {**sheet(good), "xl/styles.xml": "<styleSheet"},
        "a row given twice": sheet(good + rows_xml([["gci_rank", 2026, 9, "review-2023"]], first=2)),
        "a row after a later one": sheet(
            rows_xml([HEADER]) + rows_xml([FIGURES[0]], first=3) + good[good.index('<row r="2"') :]
        ),
        "a cell given twice": sheet(
            good.replace('<c r="C2"><v>5</v></c>', '<c r="C2"><v>5</v></c><c r="C2"><v>50</v></c>')
        ),
        "a cell of another row": sheet(good.replace('<c r="C2"><v>5</v></c>', '<c r="C3"><v>5</v></c>')),
    }
    made: dict[str, tuple[Path, list[str]]] = {
        name: (write(tmp_path / f"case{n}.xlsx", contents), []) for n, (name, contents) in enumerate(cases.items())
    }
    book = openpyxl.Workbook()
    book.active.append(HEADER)  # type: ignore[union-attr]
    book.create_chartsheet("Chart1").add_chart(BarChart())
    book.save(tmp_path / "chart.xlsx")
    made["--sheet naming a chartsheet"] = (tmp_path / "chart.xlsx", ["--sheet", "Chart1"])
    (tmp_path / "zip.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    made["a broken zip"] = (tmp_path / "zip.xlsx", [])
    return made


MALFORMED = [
    "truncated sheet XML", "a DTD with entities", "a bad cell reference", "a reference past the last column",
    "NaN in a numeric cell", "words in a numeric cell", "an impossible date", "an impossible ISO date",
    "a shared string past the end", "a shared string before the start", "a boolean that is not one",
    "a style counted from the end", "a style past the last",
    "no worksheets", "a chartsheet only", "no workbook part", "no content types", "broken styles",
    "--sheet naming a chartsheet", "a broken zip", "a row given twice", "a row after a later one", "a cell given twice",
    "a cell of another row",
]  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_workbook_is_refused_as_not_readable(data: tuple[Path, Path], tmp_path: Path, case: str) -> None:
    book, options = malformed(tmp_path)[case]
    code, _, err = invoke(data, "import", str(book), *options)
    assert code == 2
    line = one_paragraph(err)
    expected = "is a chart, not a sheet of cells" if options else "is not a readable .xlsx workbook ("
    assert expected in line
    assert data[1].read_text(encoding="utf-8") == GOOD_TEXT


@pytest.mark.parametrize(
    ("case", "where"),
    [("a bad cell reference", "a cell in row 2 or after it cannot be read: "), ("a cell of another row", "cell C3")],
)
def test_a_malformed_cell_is_placed_as_near_as_the_parser_allows(
    data: tuple[Path, Path], tmp_path: Path, case: str, where: str
) -> None:
    book, options = malformed(tmp_path)[case]
    _, _, err = invoke(data, "import", str(book), *options)
    assert f"is not a readable .xlsx workbook ({where}" in one_paragraph(err)


@pytest.mark.parametrize("kind", ["a FIFO (named pipe)", "a character device", "a directory"])
def test_a_workbook_path_that_is_no_file_is_refused_without_reading(
    data: tuple[Path, Path], tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "in.xlsx"
    if kind == "a FIFO (named pipe)":
        os.mkfifo(path)  # opening it to read would wait for a writer forever
    elif kind == "a directory":
        path.mkdir()
    else:
        path = Path("/dev/zero")
    done = run(
        "import", str(path), "--format", "xlsx", "--targets", str(data[0]), "--actuals", str(data[1]), timeout=30
    )
    assert done.returncode == 2
    assert f"is {kind}, not a regular file" in one_paragraph(done.stderr.decode())


def strings_bomb(count: int, runs: bool = False) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>dossiers</t></si>'
        one = b"<si><r><t>a</t></r><r><t>b</t></r></si>" if runs else b"<si><t>a</t></si>"
        block = one * 10_000
        for _ in range(count // 10_000):
            yield block
        yield b"</sst>"

    return chunks


@pytest.mark.parametrize(("count", "runs"), [(2_000_000, False), (15_000_000, False), (600_000, True)])
def test_a_shared_strings_bomb_is_refused_before_it_is_read(
    data: tuple[Path, Path], tmp_path: Path, count: int, runs: bool
) -> None:
    body = rows_xml([HEADER]) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    book = write(tmp_path / "bomb.xlsx", parts((("S", "visible", body),), shared=[]),
                 streamed={"xl/sharedStrings.xml": strings_bomb(count, runs)})  # fmt: skip
    assert book.stat().st_size < 3 * 2**20
    done = run("import", str(book), "--dry-run", "--targets", str(data[0]), "--actuals", str(data[1]), timeout=60)
    assert done.returncode == 2
    assert "xl/sharedStrings.xml holds more than 250,000 XML elements or 64 MB" in one_paragraph(done.stderr.decode())


def _many(head: bytes, one: bytes, count: int, end: bytes) -> Callable[[], Iterator[bytes]]:
    """A part's chunks: `head`, `one` `count` times, then `end`."""

    def chunks() -> Iterator[bytes]:
        yield head
        for _ in range(count // 10_000):
            yield one * 10_000
        yield end

    return chunks


def _sheet_of_empty_cells(rows: int, cells: int) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield sheet_xml(rows_xml([HEADER])).split("</sheetData")[0].encode()
        for number in range(2, rows + 2):
            yield f'<row r="{number}">'.encode() + b"<c/>" * cells + b"</row>"
        yield b"</sheetData></worksheet>"

    return chunks


@pytest.mark.parametrize(
    ("case", "message"),
    [
        # styles openpyxl reads whole at about 17 µs an element: 990,000 took 17 s under the old cap of a million
        ("styles", "xl/styles.xml holds more than 250,000 XML elements"),
        # each part under the cap, together over what is read in seconds
        ("together", "its parts read whole hold more than 500,000 XML elements together"),
        # ten million empty cells in 43 KB: 19 s of parsing, for nothing
        ("empty cells", "holds more than 25,000,000 XML elements, or 2,000,000 empty ones"),
        # a sheet under a name no content type declares, which a relationship still leads openpyxl to
        ("undeclared sheet", "xl/worksheets/sheet1.dat holds more than 250,000 XML elements"),
    ],
)
def test_parts_that_would_take_long_to_read_are_refused_within_a_second(
    data: tuple[Path, Path], tmp_path: Path, case: str, message: str
) -> None:
    contents = parts((("S", "visible", rows_xml([HEADER, FIGURES[0]])),), shared=[])
    streamed: dict[str, Callable[[], Iterable[bytes]]] = {}
    styles = STYLES.split("</styleSheet>")[0].encode()
    if case == "styles":
        streamed["xl/styles.xml"] = _many(styles, b"<xf/>", 300_000, b"</styleSheet>")
    elif case == "together":
        streamed["xl/sharedStrings.xml"] = _many(
            f'<sst xmlns="{MAIN}">'.encode(), b"<si><t>a</t></si>", 120_000, b"</sst>"
        )
        streamed["xl/styles.xml"] = _many(styles, b"<xf/>", 240_000, b"</styleSheet>")
        streamed["docProps/custom.xml"] = _many(b"<Properties>", b"<property/>", 40_000, b"</Properties>")
    elif case == "empty cells":
        streamed["xl/worksheets/sheet1.xml"] = _sheet_of_empty_cells(400, 6_000)
    else:
        rels = contents["xl/_rels/workbook.xml.rels"].replace("worksheets/sheet1.xml", "worksheets/sheet1.dat")
        types = contents["[Content_Types].xml"].replace("/xl/worksheets/sheet1.xml", "/xl/worksheets/other.xml")
        contents = {**contents, "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types}
        contents["xl/worksheets/sheet1.dat"] = contents.pop("xl/worksheets/sheet1.xml")
        streamed["xl/worksheets/sheet1.dat"] = _sheet_of_empty_cells(3, 90_000)  # each row under the row's cap
    for name in streamed:
        contents.setdefault(name, "")
    book = write(tmp_path / "slow.xlsx", contents, streamed=streamed)
    done = run("import", str(book), "--dry-run", "--targets", str(data[0]), "--actuals", str(data[1]), timeout=60)
    assert done.returncode == 2, done.stderr
    assert message in one_paragraph(done.stderr.decode())


def test_a_row_of_millions_of_cells_is_refused_before_it_is_read(data: tuple[Path, Path], tmp_path: Path) -> None:
    def chunks() -> Iterator[bytes]:
        yield sheet_xml(rows_xml([HEADER]) + '<row r="2">').removesuffix("</sheetData></worksheet>").encode()
        for _ in range(40):
            yield b"<c/>" * 100_000
        yield b"</row></sheetData></worksheet>"

    book = write(tmp_path / "wide.xlsx", parts((("S", "visible", ""),)), streamed={"xl/worksheets/sheet1.xml": chunks})
    done = run("import", str(book), "--dry-run", "--targets", str(data[0]), "--actuals", str(data[1]), timeout=60)
    assert done.returncode == 2
    assert "has a row of more than 100,000 XML elements or 16 MB" in one_paragraph(done.stderr.decode())


@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
def test_one_text_of_hundreds_of_megabytes_is_refused_before_it_is_read(
    data: tuple[Path, Path], tmp_path: Path, part: str
) -> None:
    def chunks() -> Iterator[bytes]:
        if part == "xl/sharedStrings.xml":
            yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
        else:
            yield (
                sheet_xml(rows_xml([HEADER]) + '<row r="2"><c r="A2" t="inlineStr"><is><t>')
                .split("</sheetData")[0]
                .encode()
            )
        for _ in range(100):
            yield b"a" * 2**20
        yield b"</t></si></sst>" if part == "xl/sharedStrings.xml" else b"</t></is></c></row></sheetData></worksheet>"

    body = rows_xml([HEADER]) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    book = write(tmp_path / "text.xlsx", parts((("S", "visible", body),), shared=[]), streamed={part: chunks})
    done = run("import", str(book), "--dry-run", "--targets", str(data[0]), "--actuals", str(data[1]), timeout=60)
    assert done.returncode == 2
    assert "MB" in one_paragraph(done.stderr.decode())


def test_a_row_number_past_a_sheets_last_row_is_refused(data: tuple[Path, Path], tmp_path: Path) -> None:
    body = rows_xml([HEADER]) + '<row r="99999999"><c r="A99999999"><v>1</v></c></row>'
    code, _, err = invoke(data, "import", str(write(tmp_path / "far.xlsx", parts((("S", "visible", body),)))))
    assert code == 2
    assert "has more than 1,048,576 rows" in one_paragraph(err)


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_the_first_visible_sheet_is_read_and_a_hidden_one_only_when_named(
    data: tuple[Path, Path], tmp_path: Path, state: str
) -> None:
    hidden = rows_xml([HEADER, ["dossiers", 2026, 11, "review-2023"]])
    shown = rows_xml([HEADER, ["dossiers", 2026, 22, "review-2023"]])
    book = write(tmp_path / "h.xlsx", parts((("Old", state, hidden), ("New", "visible", shown))))
    assert [r["value"] for r in import_dry_run(data, book)[1]] == [22]
    assert [r["value"] for r in import_dry_run(data, book, "--sheet", "Old")[1]] == [11]
    only_hidden = write(tmp_path / "only.xlsx", parts((("Old", state, hidden),)))
    code, _, err = import_dry_run(data, only_hidden)
    assert code == 2
    assert "has no visible sheet of cells; its hidden ones: 'Old'. Name the one to read with --sheet." in err


def test_a_header_that_names_a_field_twice_is_refused(data: tuple[Path, Path], tmp_path: Path) -> None:
    book = workbook(tmp_path / "twice.xlsx", [[*HEADER, "indicator"], ["dossiers", 2026, 5, "review-2023", "gci_rank"]])
    code, _, err = invoke(data, "import", str(book), "--dry-run")
    assert code == 2
    assert "[Sheet1]: names the column 'indicator' twice (columns A and E)" in one_paragraph(err)


def percent_book(path: Path, indicator: str, value: float, column: str = "value") -> Path:
    """A sheet whose `column` cell holds `value` formatted as 0.00% (style 1), as Excel stores 78,5%."""
    header: list[str | int | float | None] = [*HEADER, "change", "change_unit"] if column == "change" else HEADER
    row: list[str | int | float | None] = [indicator, 2026, value, "review-2023"]
    if column == "change":
        row = [indicator, 2026, 60, "review-2023", value, "pp"]
    cells = "".join(cell(f"{chr(65 + i)}2", v, 1 if header[i] == column else 0) for i, v in enumerate(row))
    return write(path, parts((("Sheet1", "visible", rows_xml([header]) + f'<row r="2">{cells}</row>'),)))


def test_a_percent_cell_is_the_share_a_person_typed(data: tuple[Path, Path], tmp_path: Path) -> None:
    # Typed 78,5% in Excel: stored 0.785 with the format 0.00%; the share is 78.5.
    code, rows, err = import_dry_run(data, percent_book(tmp_path / "p.xlsx", "dossiers", 0.785))
    assert code == 0, err
    assert rows == [{"indicator": "dossiers", "year": 2026, "value": 78.5, "source": "review-2023"}]
    # A change typed 3,4% on a share, with change_unit pp: 3.4 points.
    code, rows, err = import_dry_run(data, percent_book(tmp_path / "c.xlsx", "dossiers", 0.034, "change"))
    assert code == 0, err
    assert (rows[0]["value"], rows[0]["change"], rows[0]["change_unit"]) == (60, 3.4, "pp")


@pytest.mark.parametrize(("indicator", "unit"), [("gci_rank", "rank"), ("exports", "USD bn")])
def test_a_percent_cell_on_another_unit_is_refused_naming_the_cell(
    data: tuple[Path, Path], tmp_path: Path, indicator: str, unit: str
) -> None:
    code, _, err = import_dry_run(data, percent_book(tmp_path / "p.xlsx", indicator, 0.12))
    assert code == 2
    line = one_paragraph(err)
    assert f"row 2: cell C2 (value) is formatted as a percentage (12%), but indicator '{indicator}' is not in %" in line


def test_a_percent_cell_of_an_unknown_indicator_says_the_indicator_is_unknown(
    data: tuple[Path, Path], tmp_path: Path
) -> None:
    code, _, err = import_dry_run(data, percent_book(tmp_path / "p.xlsx", "dosiers", 0.5))
    assert code == 2
    assert "unknown indicator 'dosiers'" in one_paragraph(err)


def test_a_formula_with_no_saved_value_is_named(data: tuple[Path, Path], tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["dossiers", 2026, "=40+10,5", "review-2023"])  # openpyxl saves formulas, never their values
    book.save(tmp_path / "f.xlsx")
    code, _, err = invoke(data, "import", str(tmp_path / "f.xlsx"), "--dry-run")
    assert code == 2
    assert "row 2: cell C2 (value) holds a formula with no saved value" in one_paragraph(err)
    # With the value the spreadsheet saved, the formula counts as that value; cells out of order are all read.
    text = sheet_xml(rows_xml([HEADER]) + '<row r="2">' + "".join(
        f'<c r="{r}" t="inlineStr"><is><t>{v}</t></is></c>' for r, v in (("A2", "dossiers"), ("D2", "review-2023"))
    ) + '<c r="B2"><v>2026</v></c><c r="C2"><f>40+10.5</f><v>50.5</v></c></row>')  # fmt: skip
    saved = write(tmp_path / "saved.xlsx", {**parts(), "xl/worksheets/sheet1.xml": text})
    assert [r["value"] for r in import_dry_run(data, saved)[1]] == [50.5]


# The rest of issue 26 and issue 21's extract --date.


def test_the_html_report_shows_bidi_overrides_and_controls_escaped(data: tuple[Path, Path]) -> None:
    text = data[0].read_text(encoding="utf-8")
    name = "evil \u202egnp.exe \u2066x\u2069 \x1b[31m"
    data[0].write_text(text.replace('name = "Dossiers processed fully online"', f"name = {json.dumps(name)}"))
    code, out, err = invoke(data, "report", "2025", "--no-cache")
    assert code == 0, err
    assert not any(c in out for c in "\u202e\u2066\u2069\x1b")
    assert "evil \\u202egnp.exe \\u2066x\\u2069 \\x1b[31m" in out


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c", "\u202e"])
@pytest.mark.parametrize("command", [["status", "2025"], ["status", "2025", "-f", "markdown"], ["report", "2025"]])
def test_a_bidirectional_mark_in_a_name_is_shown_escaped(
    data: tuple[Path, Path], mark: str, command: list[str]
) -> None:
    text = data[0].read_text(encoding="utf-8")
    data[0].write_text(text.replace('name = "Dossiers processed fully online"', f'name = "abc{mark}def"'))
    code, out, err = (
        invoke(data, *command, "--all", "--no-cache")
        if command[0] == "status"
        else invoke(data, *command, "--no-cache")
    )
    assert code == 0, err
    assert mark not in out
    assert f"abc\\u{ord(mark):04x}def" in out


def test_a_write_keeps_hidden_characters_escaped_and_the_file_s_line_ends(data: tuple[Path, Path]) -> None:
    data[1].write_bytes(data[1].read_bytes().replace(b"\n", b"\r\n"))  # saved on Windows
    note = "x\u202ey\u200fz\x85w"
    code, _, err = invoke(data, "record", "dossiers", "2026", "55", "--source", "review-2023", "--note", note)
    assert code == 0, err
    written = data[1].read_bytes()
    assert b"\n" not in written.replace(b"\r\n", b"")  # every line ends as the file's did
    assert written.endswith(b'note = "x\\u202Ey\\u200Fz\\u0085w"\r\n')
    assert invoke(data, "validate")[0] == 0


def test_a_cache_writer_killed_mid_way_leaves_nothing_the_next_one_does_not_remove(data: tuple[Path, Path]) -> None:
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "ictgoals"
    folder.mkdir(parents=True, exist_ok=True)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process that has ended: its temporary file is a leftover
    leftover = folder / f".{gone.pid}.k3j9x0q2.tmp"
    leftover.write_bytes(b"x" * 10_000)
    mine = folder / f".{os.getpid()}.a1b2c3d4.tmp"  # a live writer's: kept
    mine.write_bytes(b"y")
    assert invoke(data, "status", "2025")[0] == 0  # a cold load writes the cache
    assert not leftover.exists()
    assert mine.exists()
    mine.unlink()


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_line_separator_in_a_string_does_not_shift_error_lines(
    data: tuple[Path, Path], separator: str, cache: list[str]
) -> None:
    text = GOOD_TEXT.replace("value = ", f'note = "a{separator}b{separator}c"\nvalue = ', 1)
    text = set_value(text, 5, '"oops"')
    data[1].write_text(text, encoding="utf-8")
    line = text.split("\n").index('value = "oops"') + 1
    code, _, err = invoke(data, "validate", *cache)
    assert code == 2
    assert f"actuals.toml:{line} (actuals entry #5): field 'value'" in one_paragraph(err)


@pytest.mark.parametrize("date", ["2024", "2024-12", "2024-12-29"])
def test_extract_takes_a_year_a_month_or_a_day(data: tuple[Path, Path], date: str) -> None:
    args = with_report(["extract", "REPORT", "--format", "json"], data[0].parent)
    code, out, err = invoke(data, *args, "--date", date)
    assert code == 0, err
    assert json.loads(out)["candidates"]


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2024banana", "give it as YYYY-MM-DD, YYYY-MM or YYYY"),
        ("24-12-29", "give it as YYYY-MM-DD, YYYY-MM or YYYY"),
        ("2024-1-1", "give it as YYYY-MM-DD, YYYY-MM or YYYY"),
        ("", "give it as YYYY-MM-DD, YYYY-MM or YYYY"),
        ("٢٠٢٤", "give it as YYYY-MM-DD, YYYY-MM or YYYY"),
        ("2024-13", "the calendar has no such day"),  # the shape is right: what is wrong is said
        ("2024-02-30", "the calendar has no such day"),
        ("1899", "the year is outside 1900–2099"),
    ],
)
def test_extract_refuses_any_other_date_saying_why(data: tuple[Path, Path], date: str, why: str) -> None:
    code, _, err = invoke(data, *with_report(["extract", "REPORT"], data[0].parent), "--date", date)
    assert code == 2
    assert f"--date {date!r}: {why}." in one_paragraph(err)


def test_a_value_error_inside_extract_is_a_bug_not_bad_usage(
    data: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ictgoals.api import extracting

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a bug of ours")

    monkeypatch.setattr(extracting, "read", broken)
    result = CliRunner().invoke(app, [*with_report(["extract", "REPORT"], data[0].parent), "--date", "2024"])
    assert isinstance(result.exception, ValueError)  # not mapped to exit 2: main() reports it as exit 3
