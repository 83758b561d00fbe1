"""Fuzzing the command line: mutated data files, import files and arguments never crash, hang or balloon.

Every case must end with exit 0, 1 or 2, without a traceback, within a time limit, under a
memory limit, and an exit 2 must explain itself in one line. The run is time-boxed for CI;
`ICTGOALS_FUZZ_EXAMPLES=5000` (per test) runs a longer campaign.

`test_killed_writers_never_tear_a_file` is the crash-consistency test: writers are killed at
random moments, and the file must always hold the old or the new content, with no stray
temporary file left once the next write has run.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.cli import application
from ictgoals.writing import append

app = application()

EXAMPLES = int(os.environ.get("ICTGOALS_FUZZ_EXAMPLES", "150"))
SECONDS_PER_CASE = 20
MEMORY_LIMIT = 3 * 1024**3  # address space for the whole test process while fuzzing

TARGETS_TEXT = GOOD_TARGETS.read_text(encoding="utf-8")
ACTUALS_TEXT = GOOD_ACTUALS.read_text(encoding="utf-8")
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

#: Values that have broken parsers and renderers elsewhere.
NASTY = [
    "0", "-1", "1e308", "-1e308", "1e-200", "5e-324", "9" * 400, "nan", "inf", "true", "[]", "[1, 2]", "[40, 30]",
    "{}", '"[/b]"', '"[bold]x"', '"\\u001b[31m"', '"\\u009b"', '"=HYPERLINK(\\"x\\")"', '"a\\nb"', '"\\u202e"',
    '""', '" "', '"VN"', '"Trà Vinh"', "2025-01-01", '"2025"', '">="', '"between"', '"maintain"', '"%"', '"pp"',
    '"' + "x" * 5000 + '"', "[[[[[[[[1]]]]]]]]", '"dossiers"', '"review-2023"', "1900", "2101", "99999",
]  # fmt: skip
COMMANDS = [
    ["status", "2025"], ["status", "2021"], ["status", "2025", "--check", "--strict"], ["diff", "2024"],
    ["diff", "2025", "--against", "2020"], ["validate", "--strict"], ["indicators"], ["show", "dossiers"],
    ["show", "ict_revenue"], ["status", "2025", "--region", "tra vinh"],
]  # fmt: skip
FORMATS = ["table", "json", "csv", "markdown"]


@contextlib.contextmanager
def bounded() -> Iterator[None]:
    """No case may run longer than SECONDS_PER_CASE or grow the process past MEMORY_LIMIT."""

    def hang(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"a case ran for more than {SECONDS_PER_CASE} s")

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, hard))
    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(SECONDS_PER_CASE)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def check(args: list[str], stdin: str | None = None) -> int:
    """Run one case in-process; assert the contract; return the exit code."""
    with bounded():
        result = CliRunner().invoke(app, args, input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args!r} raised {type(result.exception).__name__}: {result.exception}")
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    if result.exit_code == 2:
        errors = [line for line in result.stderr.splitlines() if line.startswith("ictgoals: error:")]
        # Typer's own usage errors (plain, or in a Rich box), and the help shown for no command at all.
        usage = "Usage:" in result.stderr + result.stdout or "─ Error ─" in result.stderr
        assert len(errors) == 1 or (not errors and usage), result.stderr
    return result.exit_code


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    """A data file's text with a few lines or bytes changed."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(st.sampled_from(["value", "value", "value", "drop", "duplicate", "bytes"]))
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if kind == "value" and " = " in lines[index]:
            lines[index] = lines[index].split(" = ")[0] + " = " + draw(st.sampled_from(NASTY))
        elif kind == "drop":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        else:
            raw = bytearray(lines[index].encode("utf-8", "surrogatepass"))
            position = draw(st.integers(min_value=0, max_value=len(raw)))
            raw[position:position] = bytes(draw(st.lists(st.integers(0, 255), min_size=1, max_size=4)))
            lines[index] = raw.decode("utf-8", "replace")
        if not lines:
            lines = [""]
    return "\n".join(lines)


@FUZZ
@given(
    targets=mutated_text(TARGETS_TEXT),
    actuals=mutated_text(ACTUALS_TEXT),
    command=st.sampled_from(COMMANDS),
    fmt=st.sampled_from(FORMATS),
    cache=st.booleans(),
)
def test_mutated_data_files(
    tmp_path: Path, targets: str, actuals: str, command: list[str], fmt: str, cache: bool
) -> None:
    (tmp_path / "t.toml").write_text(targets, encoding="utf-8", errors="surrogateescape")
    (tmp_path / "a.toml").write_text(actuals, encoding="utf-8", errors="surrogateescape")
    files = ["--targets", str(tmp_path / "t.toml"), "--actuals", str(tmp_path / "a.toml")]
    check([*command, "--format", fmt, *files, *([] if cache else ["--no-cache"])])


cells = st.one_of(
    st.sampled_from(["dossiers", "gci_rank", "review-2023", "2026", "2026.0", "45,8", "71.000", "-3,2", "1e400"]),
    st.sampled_from([n.strip('"') for n in NASTY]),
    st.text(max_size=12),
)


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(["indicator", "year", "value", "source", "region", "note", "estimate", "x"]),
        min_size=1,
        max_size=6,
    ),
    rows=st.lists(st.lists(cells, min_size=0, max_size=7), max_size=5),
    separator=st.sampled_from([",", ";"]),
    as_json=st.booleans(),
    dry_run=st.booleans(),
)
def test_mutated_import_files(
    tmp_path: Path, header: list[str], rows: list[list[str]], separator: str, as_json: bool, dry_run: bool
) -> None:
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    shutil.copy(GOOD_ACTUALS, tmp_path / "actuals.toml")
    if as_json:
        import json

        text = json.dumps([dict(zip(header, row, strict=False)) for row in rows])
    else:
        text = "\n".join(separator.join(cells) for cells in [header, *rows]) + "\n"
    files = ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]
    fmt = ["--format", "json" if as_json else "csv"]
    code = check(["import", "-", *fmt, *files, *(["--dry-run"] if dry_run else [])], stdin=text)
    after = (tmp_path / "actuals.toml").read_text(encoding="utf-8")
    assert after.startswith(ACTUALS_TEXT)  # nothing written before is ever lost
    if code != 0 or dry_run:
        assert after == ACTUALS_TEXT  # a refused or dry-run import writes nothing
    tomllib.loads(after)


WORDS = [
    "status", "diff", "validate", "show", "indicators", "record", "import", "target", "init", "--format", "json",
    "csv", "table", "xml", "--region", "VN", "tra vinh", "Hà Nội", "--check", "--strict", "--against", "2024",
    "2025", "-1", "0", "99999", "--source", "review-2023", "--op", "between", "maintain", "--dry-run", "--wait",
    "0.5", "--no-cache", "dossiers", "45,8", "hơn 71.000", "--printed", "--note", "\x1b[31m", "[/b]", "-", "--",
    "--help", "--version", "--change", "--change-unit", "pp", "--estimate", "--force", "=1+1",
]  # fmt: skip


@FUZZ
@given(words=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), min_size=0, max_size=8))
def test_mutated_arguments(tmp_path: Path, words: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    shutil.copy(GOOD_ACTUALS, tmp_path / "actuals.toml")
    monkeypatch.chdir(tmp_path)  # ./targets.toml and ./actuals.toml: writes land in the copy
    check(words, stdin="")
    for name in ("targets.toml", "actuals.toml"):
        tomllib.loads((tmp_path / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------- crash consistency

KILLS = int(os.environ.get("ICTGOALS_FUZZ_KILLS", "24"))


def test_killed_writers_never_tear_a_file(tmp_path: Path) -> None:
    """Writers of every kind are killed at random moments; the file is always the old or the new text."""
    rng = random.Random(os.environ.get("ICTGOALS_FUZZ_SEED", "11"))
    shutil.copy(GOOD_TARGETS, tmp_path / "targets.toml")
    shutil.copy(GOOD_ACTUALS, tmp_path / "actuals.toml")
    actuals = tmp_path / "actuals.toml"
    bundled = {name: (Path(__file__).parents[1] / name).read_bytes() for name in ("targets.toml", "actuals.toml")}
    outcomes = {"old": 0, "new": 0}
    for attempt in range(KILLS):
        before = actuals.read_bytes()
        kind = attempt % 3
        if kind == 0:
            args = ["record", "dossiers", str(2030 + attempt), str(attempt), "--source", "review-2023"]
        elif kind == 1:
            args = ["import", "rows.csv"]
            rows = "".join(f"dossiers,{2100 - attempt},{n},review-2024-b,note {n}\n" for n in range(200))
            (tmp_path / "rows.csv").write_text("indicator,year,value,source,note\n" + rows)
        else:
            args = ["init", f"copy{attempt}"]
        process = subprocess.Popen([sys.executable, "-m", "ictgoals", *args], cwd=tmp_path,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(rng.uniform(0.05, 0.6))
        process.kill()
        process.wait()
        if kind == 2:  # init: each file whole or absent
            for name, text in bundled.items():
                copy = tmp_path / f"copy{attempt}" / name
                assert not copy.exists() or copy.read_bytes() == text
            continue
        after = actuals.read_bytes()
        assert after.startswith(before), "a write lost bytes"
        tomllib.loads(after.decode("utf-8"))  # never torn: the old text or the whole new one
        outcomes["new" if after != before else "old"] += 1
    # The next write clears whatever temporary files the killed ones left.
    files = ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(actuals)]
    last = ["record", "dossiers", "2099", "1", "--source", "review-2023", "--allow-conflict", *files]
    assert CliRunner().invoke(app, last).exit_code == 0
    stray = [p.name for p in tmp_path.iterdir() if p.name.startswith(append.temporary_prefix(actuals))]
    assert stray == []
    assert sum(outcomes.values()) == KILLS - KILLS // 3
    print(f"killed writers: {KILLS}; record and import left the old text {outcomes['old']}, the new {outcomes['new']}")


# ---------------------------------------------------------------- issue 26: odd outputs, odd stdout, hostile xlsx

#: The commands that write a file with -o (or into a directory), with what makes them write something.
WRITERS = [
    ["status", "2025", "--format", "json", "-o"], ["diff", "2024", "--format", "csv", "-o"],
    ["show", "dossiers", "--format", "markdown", "-o"], ["validate", "--format", "table", "-o"],
    ["indicators", "--format", "xlsx", "-o"], ["extract", "REPORT", "--format", "toml", "-o"],
    ["report", "2025", "-o"], ["report", "2025", "--format", "markdown", "-o"], ["export"],
]  # fmt: skip
TARGETS = [
    "missing", "a file", "a link to a file", "a dangling link", "a FIFO", "a null device", "a full device",
    "a directory", "a socket", "under a file", "in a read-only directory", "-",
]  # fmt: skip


def make_target(folder: Path, kind: str) -> tuple[Path, list[object]]:
    """A path of `kind` in `folder`, and what must hold it open (a socket) while the case runs."""
    import socket
    import stat

    path, held = folder / "target", list[object]()
    if kind == "a file":
        path.write_text("mine")
    elif kind == "a link to a file":
        (folder / "real").write_text("mine")
        path.symlink_to(folder / "real")
    elif kind == "a dangling link":
        path.symlink_to(folder / "nothing")
    elif kind == "a FIFO":
        os.mkfifo(path)
    elif kind in ("a null device", "a full device"):
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3 if kind == "a null device" else 7))
        except PermissionError:
            path.write_text("mine")  # without root, a plain file stands in
    elif kind == "a directory":
        path.mkdir()
    elif kind == "a socket":
        holder = socket.socket(socket.AF_UNIX)
        holder.bind(str(path))
        held.append(holder)
    elif kind == "under a file":
        (folder / "file").write_text("mine")
        path = folder / "file" / "target"
    elif kind == "in a read-only directory":
        (folder / "ro").mkdir()
        path = folder / "ro" / "target"
        (folder / "ro").chmod(0o555)
    elif kind == "-":
        path = Path("-")
    return path, held


def shape(path: Path) -> int | None:
    """What is at `path` (its file type, not following a link), or None."""
    import stat

    try:
        return stat.S_IFMT(os.lstat(path).st_mode)
    except OSError:
        return None


@settings(FUZZ, max_examples=max(20, EXAMPLES // 3))
@given(command=st.sampled_from(WRITERS), kind=st.sampled_from(TARGETS))
def test_odd_output_targets(tmp_path_factory: pytest.TempPathFactory, command: list[str], kind: str) -> None:
    """-o, export and the Markdown report onto anything: exit 0 or 2, never a device, FIFO, socket, directory
    or link renamed over, never a temporary file left."""
    import stat

    folder = tmp_path_factory.mktemp("out")
    (folder / "report.txt").write_text("Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình đạt 47,5%.\n", encoding="utf-8")
    path, held = make_target(folder, kind)
    before = shape(path)
    files = ["--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS)]
    args = [str(folder / "report.txt") if w == "REPORT" else w for w in command]
    cwd = Path.cwd()
    os.chdir(folder)  # `-o -` and `export -` must write nothing here
    try:
        code = check([*args, str(path), *files])
    finally:
        os.chdir(cwd)
        for holder in held:
            holder.close()  # type: ignore[attr-defined]
        if (folder / "ro").exists():
            (folder / "ro").chmod(0o755)
    after = shape(path)
    if before not in (None, stat.S_IFREG, stat.S_IFLNK):
        assert after == before, f"{kind} was replaced"
    if kind == "a link to a file":
        assert after == stat.S_IFLNK
    if kind in ("a FIFO", "a socket", "under a file", "a dangling link") and command[0] in ("export", "report"):
        assert code == 2 or command[-1] == "-o"
    leftovers = [p for p in folder.rglob("*") if "ictgoals-tmp" in p.name]
    assert leftovers == []
    assert not (folder / "-").exists()


STREAM_CASES = [
    ["status", "2025"], ["status", "2025", "--format", "json"], ["diff", "2024", "--format", "csv"],
    ["show", "dossiers", "--format", "markdown"], ["indicators"], ["regions", "--format", "csv"], ["validate"],
    ["report", "2025"], ["--lang", "vi", "status", "2025"], ["--lang", "vi", "--help"], ["status", "--help"],
    ["export", "PKG"], ["record", "dossiers", "2030", "55", "--source", "review-2023", "--dry-run"],
]  # fmt: skip
ENVIRONMENTS = [
    {}, {"PYTHONIOENCODING": "latin-1"}, {"PYTHONIOENCODING": "cp1258"}, {"PYTHONIOENCODING": "ascii"},
    {"PYTHONIOENCODING": "utf-16"}, {"LC_ALL": "C", "PYTHONUTF8": "0"},
]  # fmt: skip
WIDTHS = ["", "0", "19", "80", "1000", "1001", "10000000", "1e21", "1" + "0" * 25, "-3", "abc", "²"]


@settings(FUZZ, max_examples=max(12, EXAMPLES // 10))
@given(
    command=st.sampled_from(STREAM_CASES),
    environment=st.sampled_from(ENVIRONMENTS),
    stdout=st.sampled_from(["pipe", "closed", "closed after one byte"]),
    width=st.sampled_from(WIDTHS),
)
def test_odd_stdout(
    tmp_path_factory: pytest.TempPathFactory, command: list[str], environment: dict[str, str], stdout: str, width: str
) -> None:
    """Any encoding, a closed stdout, a reader that leaves after one byte, any width: never exit 3 or a hang."""
    folder = tmp_path_factory.mktemp("stream")
    args = [str(folder / "pkg") if w == "PKG" else w for w in command]
    files = (
        []
        if args[-1] == "--help" or args[0] == "regions"
        else ["--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS)]
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "LC_ALL", "PYTHONUTF8")}
    env.update({**environment, "COLUMNS": width})
    full = [sys.executable, "-m", "ictgoals", *args, *files]
    if stdout == "closed after one byte":
        with subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdout.read(1)
            process.stdout.close()
            err = process.stderr.read()
            code = process.wait(SECONDS_PER_CASE * 3)
        out = b""
    elif stdout == "closed":
        done = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False,
                              timeout=SECONDS_PER_CASE * 3, preexec_fn=lambda: os.close(1))  # fmt: skip
        code, out, err = done.returncode, b"", done.stderr
    else:
        done = subprocess.run(full, capture_output=True, env=env, timeout=SECONDS_PER_CASE * 3, check=False)
        code, out, err = done.returncode, done.stdout, done.stderr
    assert code in (0, 1), err.decode(errors="replace")
    assert b"Traceback" not in err
    assert b"internal error" not in err
    if stdout == "pipe" and any(w in args for w in ("json", "csv", "markdown", "--dry-run")):
        out.decode("utf-8")  # data is UTF-8 whatever the locale
    if stdout == "pipe" and "--help" in args:
        shown = out.decode(environment.get("PYTHONIOENCODING", "utf-8"), "replace")
        assert max(map(len, shown.splitlines())) <= 1000  # characters, not bytes


#: What a hostile or merely odd workbook does to one part; the reader must say exit 2 or read it right.
XLSX_DAMAGE = [
    "none", "none", "none", "truncate", "bytes", "references", "drop", "dtd", "stale dimension", "hidden first",
    "shared index", "cell type", "style", "duplicate header", "row order", "huge row number",
]  # fmt: skip
XLSX_VALUES = [5, 45.8, 0.785, -3.2, 0, 1e300, 1e-300, 2025, "45,8", "abc", "=1+1", "", " ", "nan", None]


@settings(FUZZ, max_examples=max(30, EXAMPLES // 2))
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["dossiers", "gci_rank", "exports", "nope"]),
            st.sampled_from([2026, 2027, 2026.0, 1800, "2026"]),
            st.one_of(st.sampled_from(XLSX_VALUES), st.floats(0, 100, allow_nan=False)),
            st.booleans(),  # formatted as a percentage
        ),
        max_size=6,
    ),
    damage=st.sampled_from(XLSX_DAMAGE),
    where=st.integers(0, 10**6),
    noise=st.binary(min_size=1, max_size=8),
)
def test_hostile_xlsx(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[str, object, object, bool]],
    damage: str,
    where: int,
    noise: bytes,
) -> None:
    """Workbooks of random figures, damaged one way or another: exit 0 with exactly the figures the cells
    mean (a percentage cell ×100 on a share, every row counted), or exit 2; never 3, a hang or a dropped row."""
    from xlsx_parts import HEADER, cell, parts, write

    folder = tmp_path_factory.mktemp("xlsx")
    shutil.copy(GOOD_TARGETS, folder / "targets.toml")
    shutil.copy(GOOD_ACTUALS, folder / "actuals.toml")
    body = "".join(f'<row r="1">{"".join(cell(f"{c}1", h) for c, h in zip("ABCD", HEADER, strict=True))}</row>')
    for number, (indicator, year, value, percent) in enumerate(rows, start=2):
        cells = [
            cell(f"A{number}", indicator), cell(f"B{number}", year),  # type: ignore[arg-type]
            cell(f"C{number}", value, 1 if percent else 0), cell(f"D{number}", "review-2023"),  # type: ignore[arg-type]
        ]  # fmt: skip
        body += f'<row r="{number}">{"".join(cells)}</row>'
    contents = parts((("Sheet1", "visible", body),), shared=["dossiers", "x"])
    damaged = _damage(contents, damage, where, noise)
    write(folder / "in.xlsx", damaged)
    files = ["--targets", str(folder / "targets.toml"), "--actuals", str(folder / "actuals.toml")]
    with bounded():
        result = CliRunner().invoke(app, ["import", str(folder / "in.xlsx"), "--dry-run", *files])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{damage} raised {type(result.exception).__name__}: {result.exception}")
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:
        assert len(result.stderr.splitlines()) == 1, result.stderr
        return
    if damage not in ("none", "stale dimension", "row order"):
        return
    imported = tomllib.loads(result.stdout).get("actuals", [])
    wanted = [r for r in rows if not all(v in (None, "", " ") for v in r[:3])]
    skipped = int(re.search(r"skipped (\d+) already recorded", result.stderr)[1])  # type: ignore[index]
    assert len(imported) + skipped == len(wanted), (result.stdout, rows)  # no row dropped
    unique = list({(r[0], r[1], r[2], r[3]): r for r in wanted}.values())  # a repeat is skipped
    if skipped == len(wanted) - len(unique):
        for entry, (_, _, value, percent) in zip(imported, unique, strict=True):
            if isinstance(value, int | float):  # a number cell; a percentage format means the share it shows
                expected = value * 100 if percent else value
                assert abs(entry["value"] - expected) <= 1e-9 * max(1.0, abs(expected)), (entry, value, percent)


def _damage(contents: dict[str, str], damage: str, where: int, noise: bytes) -> dict[str, str]:
    """`contents` with one kind of damage done at a place chosen by `where`."""
    sheet = "xl/worksheets/sheet1.xml"
    out = dict(contents)
    names = sorted(out)
    part = names[where % len(names)]
    if damage == "truncate":
        out[part] = out[part][: where % (len(out[part]) + 1)]
    elif damage == "bytes":
        position = where % (len(out[part]) + 1)
        out[part] = out[part][:position] + noise.decode("latin-1") + out[part][position:]
    elif damage == "references":
        out[sheet] = re.sub(r'r="([A-Z]+)(\d+)"', lambda m: f'r="{m[1]}{int(m[2]) * (where % 3)}"', out[sheet])
    elif damage == "drop":
        del out[part]
    elif damage == "dtd":
        out[part] = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + out[part]
    elif damage == "stale dimension":
        out[sheet] = out[sheet].replace("<sheetData>", '<dimension ref="A1:B1"/><sheetData>')
    elif damage == "hidden first":
        out["xl/workbook.xml"] = out["xl/workbook.xml"].replace('state="visible"', 'state="hidden"')
    elif damage == "shared index":
        out[sheet] = out[sheet].replace('t="inlineStr"><is><t>dossiers</t></is>', f't="s"><v>{where % 5 - 2}</v>', 1)
    elif damage == "cell type":
        kind = ["b", "d", "e", "str", "n", "s"][where % 6]
        out[sheet] = re.sub(r'<c r="C2"( s="\d")?>', f'<c r="C2" t="{kind}">', out[sheet])
    elif damage == "style":
        out[sheet] = out[sheet].replace('<c r="C2"', f'<c r="C2" s="{where % 7}"', 1).replace(' s="1" s=', " s=")
    elif damage == "duplicate header":
        out[sheet] = out[sheet].replace("<t>source</t>", "<t>value</t>", 1)
    elif damage == "row order":
        out[sheet] = out[sheet].replace('<row r="1">', '<row r="1" spans="1:4">')
    elif damage == "huge row number":
        out[sheet] = out[sheet].replace('<row r="2"', f'<row r="{10**6 + where}"', 1)
    return out
