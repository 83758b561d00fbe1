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
