"""Start-up time of `ictgoals status 2025 --format json` next to the floor of its stack.

    python bench/startup.py [--runs N] [--json]

Times, over N interleaved rounds (default 21), the wall time of:

- `ictgoals status 2025 --format json` on the bundled data;
- a minimal one-command Typer app printing one JSON line: the floor of our stack, since
  every ictgoals run pays for Python, Click and Typer before doing any work;
- `python -c pass`: the interpreter alone.

Each round runs every command once, in an order that rotates from round to round, so drift
on the machine (frequency scaling, other jobs) spreads evenly over the commands instead of
biasing whichever ran last. It also reports whether `rich` gets imported on the JSON path,
where nothing needs it. This is a report: it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_RUNS = 21
RATIO_TARGET = 1.30
FLOOR = "typer floor"

# The floor: one command with an argument and an option, like ours, that prints one JSON line.
TYPER_FLOOR_APP = """\
import json
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def status(year: int, fmt: Annotated[str, typer.Option("--format")] = "table") -> None:
    print(json.dumps({"year": year, "format": fmt}))


app()
"""

# Runs the status command in-process, with stdout captured, then says whether rich got loaded.
RICH_PROBE = """\
import contextlib, io, sys
from ictgoals.cli import application
with contextlib.redirect_stdout(io.StringIO()):
    try:
        application("status")(["status", "2025", "--format", "json"], prog_name="ictgoals", standalone_mode=False)
    except SystemExit:
        pass
print(any(name == "rich" or name.startswith("rich.") for name in sys.modules))
"""


@dataclass(frozen=True, slots=True)
class Timing:
    """The wall times of one command over all rounds."""

    name: str
    argv: list[str]
    seconds: list[float]

    @property
    def median_ms(self) -> float:
        return 1000.0 * statistics.median(self.seconds)

    @property
    def min_ms(self) -> float:
        return 1000.0 * min(self.seconds)


def clean_env(pycache: Path | None) -> dict[str, str]:
    """The environment without ICTGOALS_* variables, so the bundled data and defaults are used.

    With `pycache`, bytecode is written to and read from that folder even if the environment
    sets PYTHONDONTWRITEBYTECODE: otherwise every run recompiles our sources (installed
    dependencies come with .pyc files), and we would time the compiler rather than start-up
    as users see it. A separate prefix also leaves the source tree untouched.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("ICTGOALS_")}
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def commands(workdir: Path) -> dict[str, list[str]]:
    """The command lines to time, keyed by the name shown in the report."""
    python = sys.executable
    floor_app = workdir / "typer_floor.py"
    floor_app.write_text(TYPER_FLOOR_APP, encoding="utf-8")
    ictgoals = str(Path(python).with_name("ictgoals"))
    return {
        "ictgoals status 2025 --format json": [ictgoals, "status", "2025", "--format", "json"],
        FLOOR: [python, str(floor_app), "2025", "--format", "json"],
        "python -c pass": [python, "-c", "pass"],
    }


def run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Run a command with its output discarded and return its wall time in seconds."""
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        # A failing command would time its error path; better to stop and say so.
        raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode(errors='replace')}")
    return elapsed


def measure(cmds: dict[str, list[str]], runs: int, cwd: Path, env: dict[str, str]) -> list[Timing]:
    """Time every command `runs` times, interleaved in rotating order, after one untimed warm-up round."""
    names = list(cmds)
    for name in names:  # warm-up: fills the page cache and writes .pyc files so round 1 is not an outlier
        run_once(cmds[name], cwd, env)
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(runs):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            seconds[name].append(run_once(cmds[name], cwd, env))
    return [Timing(name, cmds[name], seconds[name]) for name in names]


def rich_on_json_path(cwd: Path, env: dict[str, str]) -> bool | None:
    """Whether running `status 2025 --format json` imports rich; None when the probe itself fails."""
    done = subprocess.run(
        [sys.executable, "-c", RICH_PROBE], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    answer = done.stdout.strip().splitlines()[-1:] if done.returncode == 0 else []
    return {"True": True, "False": False}.get(answer[0]) if answer else None


def report_table(timings: list[Timing]) -> str:
    """A plain-text table: command, median, min and ratio to the Typer floor (by median)."""
    floor = next(t for t in timings if t.name == FLOOR).median_ms
    width = max(len(t.name) for t in timings)
    lines = [f"{'command':<{width}}  {'median ms':>9}  {'min ms':>7}  {'× floor':>7}"]
    lines += [f"{t.name:<{width}}  {t.median_ms:9.1f}  {t.min_ms:7.1f}  {t.median_ms / floor:7.2f}" for t in timings]
    return "\n".join(lines)


def yes_no(value: bool | None) -> str:
    return "unknown (probe failed)" if value is None else ("yes" if value else "no")


def main(argv: list[str] | None = None) -> int:
    """Measure, then print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help=f"rounds to time (default {DEFAULT_RUNS})")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="keep the environment's bytecode settings (e.g. PYTHONDONTWRITEBYTECODE) as they are",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ictgoals-startup-") as tmp:
        # An empty cwd: no ./targets.toml or ./actuals.toml, so ictgoals reads its bundled copies.
        workdir = Path(tmp)
        env = clean_env(None if args.no_bytecode_cache else workdir / "pycache")
        try:
            timings = measure(commands(workdir), max(args.runs, 1), workdir, env)
        except RuntimeError as e:
            print(f"startup: {e}", file=sys.stderr)
            return 0
        rich = rich_on_json_path(workdir, env)
    ictgoals_ms = timings[0].median_ms
    ratio = ictgoals_ms / next(t for t in timings if t.name == FLOOR).median_ms
    if args.json:
        print(
            json.dumps(
                {
                    "runs": max(args.runs, 1),
                    "python": sys.version.split()[0],
                    "results": [
                        {
                            "command": t.name,
                            "argv": t.argv,
                            "median_ms": round(t.median_ms, 2),
                            "min_ms": round(t.min_ms, 2),
                        }
                        for t in timings
                    ],
                    "ratio_to_typer_floor": round(ratio, 3),
                    "ratio_target": RATIO_TARGET,
                    "rich_imported_on_json_path": rich,
                    "bytecode_cache": not args.no_bytecode_cache,
                },
                indent=2,
            )
        )
        return 0
    bytecode = "as the environment says" if args.no_bytecode_cache else "cached (in a temporary folder)"
    print(f"{max(args.runs, 1)} interleaved runs each, Python {sys.version.split()[0]}, bytecode {bytecode}\n")
    print(report_table(timings))
    print(f"\nictgoals / typer floor: {ratio:.2f} (target ≤ {RATIO_TARGET:.2f})")
    print(f"rich imported on the JSON path: {yes_no(rich)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
