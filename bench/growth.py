"""How each command's time and memory grow when one dimension of the data grows and the others stay put (issue 25).

    python bench/growth.py                        # the short run: a 10,000-figure base, one step each (~5 min)
    python bench/growth.py --full                 # a 100,000-figure base, each dimension ×10 or more (~1 h)
    python bench/growth.py --dimensions indicators,sources --runs 5 --json

From a base shape (bench/generate.py's `Shape`: figures, indicators, targets, sources, regions,
years), each dimension is varied alone:

| dimension  | short run      | --full                      |
|------------|----------------|-----------------------------|
| actuals    | 10,000 → 100,000 | 10,000 → 100,000 → 1,000,000 |
| indicators | 100 → 1,000    | 100 → 1,000 → 10,000        |
| targets    | 440 → 4,400    | 440 → 4,400 → 44,000        |
| sources    | 1 → 1,000      | 1 → 100 → 10,000            |
| regions    | 35 → 350       | 35 → 350 → 1,000 (regions of the user's own beyond the 34 provinces) |
| years      | 15 → 60        | 15 → 60                     |

For every dataset it times, cold (`--no-cache`, or ICTGOALS_NO_CACHE=1 for the writes) and warm
(the cache filled first): `status 2025`, `diff 2025`, `validate` (all `--format json`), `record` of
one figure and `import` of a CSV of 1,000 figures (`--rows`) into regions and indicators the data
has, each write on a fresh copy of the dataset (and, warm, of its cache) restored untimed before
the run. Each process runs under scale.py's launcher (wall time, and peak memory from getrusage),
in rotating rounds across every dataset so that drift on the machine is shared evenly.

For each step from a to b it reports the median times and peak memory at a and b, and the growth
per ×10 of the dimension: (time at b / time at a) ** (1 / log10(b / a)). A cost that grows with
the data is at most 10 per ×10 (less, since start-up is paid once); one that grows with its square
is 100. Above 12 is a defect. It always exits 0: it reports.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import math
import re
import shutil
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate
from scale import MeasureError, run_measured, run_sample
from startup import clean_env

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out" / "growth"
EXE = str(Path(sys.executable).with_name("ictgoals"))
COMMANDS = ("status", "diff", "validate", "record", "import")
MODES = ("cold", "warm")
DEFECT = 12.0  # growth per ×10 above which a cost grows faster than the data

SHORT_BASE = generate.Shape(actuals=10_000, indicators=100, targets=440, sources=1, regions=35, years=15)
SHORT_STEPS: dict[str, tuple[int, ...]] = {
    "actuals": (10_000, 100_000),
    "indicators": (100, 1_000),
    "targets": (440, 4_400),
    "sources": (1, 1_000),
    "regions": (35, 350),
    "years": (15, 60),
}
FULL_BASE = generate.Shape(actuals=100_000, indicators=1_000, targets=4_400, sources=1, regions=35, years=15)
FULL_STEPS: dict[str, tuple[int, ...]] = {
    "actuals": (10_000, 100_000, 1_000_000),
    "indicators": (100, 1_000, 10_000),
    "targets": (440, 4_400, 44_000),
    "sources": (1, 100, 10_000),
    "regions": (35, 350, 1_000),
    "years": (15, 60),
}


@dataclass
class Timed:
    """One command in one mode on one dataset, and what it measured."""

    shape: generate.Shape
    command: str
    mode: str
    argv: list[str]
    env: dict[str, str]
    prepare: Callable[[], None] | None = None
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process
    peak_kb: list[int] = field(default_factory=list)

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kb) / 1024.0


# ---------------------------------------------------------------- datasets and what runs on them


def restore(source: Path, destination: Path) -> None:
    """Make `destination` an exact copy of the folder `source` (untimed, before a write)."""
    shutil.rmtree(destination, ignore_errors=True)
    shutil.copytree(source, destination)


def import_rows(actuals: Path, count: int) -> list[dict[str, str]]:
    """`count` new figures for 2026 onwards, spread over the (indicator, region) pairs the data has, each
    within a few percent of its pair's latest figure, so that import's plausibility check passes them
    (it is timed, as every import pays for it); a share stays within 100, which import requires."""
    units = dict(
        re.findall(
            r'\[indicators\."?([^"\]]+)"?\]\nname = "[^"\n]*"\nunit = "([^"]+)"',
            (actuals.parent / "targets.toml").read_text(encoding="utf-8"),
        )
    )
    text = actuals.read_text(encoding="utf-8")
    found = re.findall(r'indicator = "([^"]+)"\nyear = (\d+)\nvalue = ([^\n]+)\n(?:region = "([^"]+)"\n)?', text)
    latest: dict[tuple[str, str], tuple[int, float]] = {}
    for indicator, year, value, region in found:
        pair = (indicator, region or "VN")
        if value.startswith("[") or (pair in latest and int(year) < latest[pair][0]):
            continue  # a range, or an older figure
        latest[pair] = (int(year), float(value))
    pairs = list(latest)
    step = max(1, len(pairs) // count)
    chosen = pairs[::step]
    return [
        {
            "indicator": chosen[k % len(chosen)][0],
            "region": chosen[k % len(chosen)][1],
            "year": str(2026 + k // len(chosen)),
            "value": _near(latest[chosen[k % len(chosen)]][1], k, units.get(chosen[k % len(chosen)][0]) == "%"),
            "source": "report-00001",
        }
        for k in range(count)
    ]


def _near(value: float, k: int, share: bool) -> str:
    """A figure a few percent below `value` (a share at most 100), whole when `value` is (counts, ranks)."""
    moved = value * (1 - (k % 5) / 100)
    moved = min(moved, 100.0) if share else moved
    return str(round(moved)) if value.is_integer() else f"{moved:.2f}"


def measures_for(shape: generate.Shape, folder: Path, env: dict[str, str], rows: int, seed: int) -> list[Timed]:
    """Write the dataset of `shape` into `folder`, then everything to time on it."""
    data = folder / "data"
    generate.generate_shaped(shape, seed, data)
    files = ["--targets", str(data / "targets.toml"), "--actuals", str(data / "actuals.toml")]
    reading = {"status": ["status", "2025"], "diff": ["diff", "2025"], "validate": ["validate"]}
    found = [
        Timed(
            shape,
            command,
            mode,
            [EXE, *words, "--format", "json", *files, *(["--no-cache"] if mode == "cold" else [])],
            env | {"XDG_CACHE_HOME": str(folder / "cache")},
        )
        for command, words in reading.items()
        for mode in MODES
    ]
    with (folder / "rows.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["indicator", "region", "year", "value", "source"])
        writer.writeheader()
        writer.writerows(import_rows(data / "actuals.toml", rows))
    first = import_rows(data / "actuals.toml", 1)[0]
    record = ["record", first["indicator"], "2030", first["value"], "--source", "report-00001"]
    record += ["--region", first["region"]]
    for command, words in (("record", record), ("import", ["import", str(folder / "rows.csv")])):
        for mode in MODES:
            found.append(writing(shape, folder, command, mode, words, env))
    return found


def writing(
    shape: generate.Shape, folder: Path, command: str, mode: str, words: list[str], env: dict[str, str]
) -> Timed:
    """A write on a copy of the dataset, restored before each run; warm, with a copy of a filled cache."""
    work, cache = folder / f"{command}-{mode}", folder / f"cache-{command}-{mode}"
    files = ["--targets", str(work / "targets.toml"), "--actuals", str(work / "actuals.toml")]
    own = env | {"XDG_CACHE_HOME": str(cache)} | ({"ICTGOALS_NO_CACHE": "1"} if mode == "cold" else {})
    snapshot = folder / f"cache-{command}-{mode}.filled"
    restore(folder / "data", work)
    if mode == "warm":  # fill the cache for the copy's paths once, and keep it
        shutil.rmtree(cache, ignore_errors=True)
        run_measured([EXE, "status", "2025", "--format", "json", *files], own)
        restore(cache, snapshot)

    def prepare() -> None:
        restore(folder / "data", work)
        if mode == "warm":
            restore(snapshot, cache)

    return Timed(shape, command, mode, [EXE, *words, *files], own, prepare)


# ---------------------------------------------------------------- measuring


def measure(timed: list[Timed], runs: int, say: Callable[[str], None]) -> None:
    """One untimed run of each (caches, page cache, bytecode), then `runs` rotating rounds."""
    for t in timed:
        if t.prepare is not None:
            t.prepare()
        run_measured(t.argv, t.env)
    for round_ in range(runs):
        shift = (round_ * len(timed)) // max(runs, 1)
        for t in timed[shift:] + timed[:shift]:
            if t.prepare is not None:
                t.prepare()
            seconds, cpu, peak = run_sample(t.argv, t.env)
            t.seconds.append(seconds)
            t.cpu.append(cpu)
            t.peak_kb.append(peak)
        say(f"growth: round {round_ + 1}/{runs} done")


# ---------------------------------------------------------------- reporting


def per_ten(small: float, big: float, a: int, b: int) -> float:
    """Growth per ×10 of the dimension, from `small` at a to `big` at b."""
    return float((big / small) ** (1.0 / math.log10(b / a)))


@dataclass(frozen=True)
class Step:
    """One command's growth from one value of a dimension to the next."""

    dimension: str
    a: int
    b: int
    command: str
    mode: str
    seconds: tuple[float, float]
    cpu: tuple[float, float]
    peak_mb: tuple[float, float]

    @property
    def time_per_ten(self) -> float:
        return per_ten(*self.seconds, self.a, self.b)

    @property
    def cpu_per_ten(self) -> float:
        return per_ten(*self.cpu, self.a, self.b)

    @property
    def memory_per_ten(self) -> float:
        return per_ten(*self.peak_mb, self.a, self.b)


def steps(timed: Sequence[Timed], base: generate.Shape, plan: dict[str, tuple[int, ...]]) -> list[Step]:
    """Every step of every dimension, for every command and mode."""
    by_shape = {(t.shape, t.command, t.mode): t for t in timed}
    found = []
    for dimension, values in plan.items():
        shapes = [dataclasses.replace(base, **{dimension: value}) for value in values]
        for (a, shape_a), (b, shape_b) in zip(
            zip(values, shapes, strict=True), zip(values[1:], shapes[1:], strict=True), strict=False
        ):
            for command in COMMANDS:
                for mode in MODES:
                    small, big = by_shape.get((shape_a, command, mode)), by_shape.get((shape_b, command, mode))
                    if small and big and small.seconds and big.seconds:
                        found.append(
                            Step(
                                dimension,
                                a,
                                b,
                                command,
                                mode,
                                (small.median_s, big.median_s),
                                (small.median_cpu, big.median_cpu),
                                (small.peak_mb, big.peak_mb),
                            )
                        )
    return found


def markdown(
    timed: Sequence[Timed],
    found: Sequence[Step],
    base: generate.Shape,
    plan: dict[str, tuple[int, ...]],
    runs: int,
    notes: Sequence[str],
) -> str:
    """The report: one table per dimension (times, peaks, growth per ×10 of each step), then the largest growths."""
    lines = [
        "# ictgoals growth report",
        "",
        f"Base: {base.actuals:,} actuals, {base.indicators:,} indicators, {base.targets:,} targets, "
        f"{base.sources:,} source(s), {base.regions:,} regions, {base.years} years; one dimension varied at a time. "
        f"Median of {runs} runs, interleaved; Python {sys.version.split()[0]}. "
        "Per ×10 = (time at b / time at a) ^ (1 / log10(b / a)); linear is at most 10, quadratic 100. "
        "Cells: median wall s / median CPU s (user + system, which other work on the machine changes far less).",
        "",
    ]
    by_shape = {(t.shape, t.command, t.mode): t for t in timed}
    for dimension, values in plan.items():
        shapes = [dataclasses.replace(base, **{dimension: value}) for value in values]
        head = " | ".join(f"{v:,}" for v in values)
        lines += [
            f"## {dimension}",
            "",
            f"| command | {head} | per ×10, wall | per ×10, CPU | peak MB |",
            "|---|" + "---:|" * len(values) + "---:|---:|---:|",
        ]
        for command in COMMANDS:
            for mode in MODES:
                measured = [by_shape.get((shape, command, mode)) for shape in shapes]
                if not all(t is not None and t.seconds for t in measured):
                    continue
                cells = " | ".join(f"{t.median_s:.2f} / {t.median_cpu:.2f}" for t in measured if t)
                mine = [s for s in found if (s.dimension, s.command, s.mode) == (dimension, command, mode)]
                walls = ", ".join(f"{s.time_per_ten:.1f}" for s in mine)
                cpus = ", ".join(f"{s.cpu_per_ten:.1f}" for s in mine)
                peaks = " → ".join(f"{t.peak_mb:.0f}" for t in measured if t)
                lines.append(f"| {command} ({mode}) | {cells} | {walls} | {cpus} | {peaks} |")
        lines.append("")
    for title, per in (("CPU time", cpu_per_ten), ("wall time", time_per_ten)):
        lines += [f"## Summary: growth per ×10 of {title} (largest over the steps)", ""]
        lines += summary(found, per)
        worst = max(found, key=per, default=None)
        if worst is not None:
            verdict = "a defect" if per(worst) > DEFECT else f"within {DEFECT:.0f}"
            lines += [
                "",
                f"Largest: {worst.command} ({worst.mode}) over {worst.dimension} {worst.a:,} → {worst.b:,}: "
                f"{per(worst):.1f} per ×10 ({verdict}).",
                "",
            ]
    if notes:
        lines += ["", "## Notes", "", *(f"- {n}" for n in notes)]
    return "\n".join(lines) + "\n"


def time_per_ten(step: Step) -> float:
    return step.time_per_ten


def cpu_per_ten(step: Step) -> float:
    return step.cpu_per_ten


def summary(found: Sequence[Step], per: Callable[[Step], float]) -> list[str]:
    """A table: dimension by command and mode, the largest growth per ×10 of any step."""
    dimensions = list(dict.fromkeys(s.dimension for s in found))
    lines = ["| command | " + " | ".join(dimensions) + " |", "|---|" + "---:|" * len(dimensions)]
    for command in COMMANDS:
        for mode in MODES:
            cells = []
            for dimension in dimensions:
                mine = [per(s) for s in found if (s.dimension, s.command, s.mode) == (dimension, command, mode)]
                cells.append(f"{max(mine):.1f}" if mine else "–")
            lines.append(f"| {command} ({mode}) | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="the 100,000-figure base and every step (about an hour)")
    parser.add_argument("--dimensions", help="comma-separated: actuals,indicators,targets,sources,regions,years")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--rows", type=int, default=1_000, help="figures each import adds (default 1,000)")
    parser.add_argument("--seed", type=int, default=2025, help="seed for generate.py (default 2025)")
    parser.add_argument("--json", action="store_true", help="print the steps as JSON instead of markdown")
    args = parser.parse_args(argv)
    base, plan = (FULL_BASE, FULL_STEPS) if args.full else (SHORT_BASE, SHORT_STEPS)
    if args.dimensions:
        wanted = [d.strip() for d in args.dimensions.split(",") if d.strip()]
        unknown = [d for d in wanted if d not in plan]
        if unknown:
            parser.error(f"unknown dimension(s): {', '.join(unknown)}")
        plan = {d: plan[d] for d in wanted}
    shapes = list(dict.fromkeys(dataclasses.replace(base, **{d: v}) for d, values in plan.items() for v in values))
    env = clean_env(BENCH / "out" / "pycache")
    notes: list[str] = []
    timed: list[Timed] = []
    try:
        for shape in shapes:
            print(f"growth: writing {shape.name}", file=sys.stderr, flush=True)
            timed += measures_for(shape, OUT / shape.name, env, args.rows, args.seed)
        measure(timed, max(args.runs, 1), lambda text: print(text, file=sys.stderr, flush=True))
    except MeasureError as e:
        notes.append(f"stopped early: {e}")
        print(f"growth: {e}", file=sys.stderr)
    found = steps(timed, base, plan)
    report = markdown(timed, found, base, plan, max(args.runs, 1), notes)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "growth-report.md").write_text(report, encoding="utf-8")
    if args.json:
        records: list[dict[str, Any]] = [
            {
                "dimension": s.dimension,
                "a": s.a,
                "b": s.b,
                "command": s.command,
                "mode": s.mode,
                "seconds": [round(x, 4) for x in s.seconds],
                "cpu_s": [round(x, 4) for x in s.cpu],
                "cpu_per_ten": round(s.cpu_per_ten, 2),
                "peak_mb": [round(x, 1) for x in s.peak_mb],
                "time_per_ten": round(s.time_per_ten, 2),
                "memory_per_ten": round(s.memory_per_ten, 2),
            }
            for s in found
        ]
        print(json.dumps({"runs": max(args.runs, 1), "steps": records, "notes": notes}, indent=2))
    else:
        print(report, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
