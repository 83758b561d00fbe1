"""How ictgoals scales with the size of its data, next to a TOML-parsing floor and hledger.

    python bench/scale.py [--sizes 1000,10000,100000] [--runs 5] [--seed S] [--json]

For each size N it writes a dataset of N actuals with generate.py into bench/out/N/, then times
`status 2025`, `diff 2024` and `validate` (all `--format json`) in two modes: cold (`--no-cache`)
and warm (cache enabled, filled by one untimed run first). Next to them, in the same rounds:

- `status` right after a `record` (untimed) and right after another program appended one entry
  to the actuals file (untimed), on a copy in bench/out/N-appends/: the append-aware cache;
- the floors: one Python process that only parses both TOML files, with tomllib, tomli and
  rtoml (the fastest; ictgoals parses with it);
- hledger's budget report on two equivalent journals, if hledger is installed (otherwise those
  rows are skipped with a message): budget.journal, one `~ yearly from 2010` rule with one
  budget posting per (indicator, region) that has a target, reported for 2024–2025 only
  (`-b 2024 -e 2026`), the comparison the targets use; and budget-per-pair.journal, one rule per
  pair and every year, which makes hledger do more work (reported for reference).

Every measured process runs under a small Python launcher that times it and reads its peak
resident memory from getrusage(RUSAGE_CHILDREN), which only covers that one child. This works
wherever Python does (no GNU time needed) and keeps the launcher's own start-up out of the time.

The report (a markdown table, also written to bench/out/scale-report.md, or JSON with --json)
gives the median wall time and peak memory per size, command and mode, the growth from one size
to the next, and the targets next to the measured values. It always exits 0: it is a report.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate
from startup import clean_env

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
DEFAULT_RUNS = 5
COMMANDS = {"status": ["status", "2025"], "diff": ["diff", "2024"], "validate": ["validate"]}
MODES = ("cold", "warm")
TOMLLIB_FLOOR, TOMLI_FLOOR, FLOOR, MSGSPEC_FLOOR = "tomllib floor", "tomli floor", "rtoml floor", "msgspec.toml floor"
BASELINE = " (baseline)"
HLEDGER, HLEDGER_PER_PAIR = "hledger budget", "hledger budget, a rule per pair, every year"
AFTER_RECORD, AFTER_APPEND = "status after record", "status after an append"

# Target thresholds (issue 14), shown next to what was measured.
COLD_VS_FLOOR, HLEDGER_COLD, HLEDGER_WARM, AFTER_RECORD_VS_WARM = 2.5, 5.0, 20.0, 1.5
VALIDATE_WARM_S, PEAK_MB, GROWTH = 1.0, 300.0, 12.0

# Times one child process and reports [exit code, seconds, peak RSS] as JSON on stdout. The child's
# own output is discarded: validate prints thousands of warnings to stderr on big datasets.
LAUNCHER = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([code, elapsed, used.ru_maxrss, used.ru_utime + used.ru_stime]))
"""

FLOOR_SCRIPT = "import sys, {0}\nfor path in sys.argv[1:]:\n    {0}.loads(open(path, encoding='utf-8').read())\n"
MSGSPEC_SCRIPT = (
    "import sys, msgspec.toml\nfor path in sys.argv[1:]:\n    msgspec.toml.decode(open(path, 'rb').read())\n"
)


@dataclass(slots=True)
class Measure:
    """One thing timed at one size: its command line and the samples taken."""

    size: int
    name: str
    mode: str
    argv: list[str]
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process
    #: Run, untimed, before each sample (given the sample's number): a record, an append.
    prepare: Callable[[int], None] | None = None
    #: Added to the environment of this command (the baseline's PYTHONPATH and cache folder).
    env: dict[str, str] = field(default_factory=dict)

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kb) / 1024.0

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    def as_dict(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "name": self.name,
            "mode": self.mode,
            "argv": self.argv,
            "median_s": round(self.median_s, 4),
            "min_s": round(min(self.seconds), 4),
            "peak_mb": round(self.peak_mb, 1),
            "median_cpu_s": round(self.median_cpu, 4) if self.cpu else None,
            "runs": len(self.seconds),
        }


class MeasureError(RuntimeError):
    """A measured command failed; its stderr says why."""


def run_measured(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Run a command under the launcher and return its wall time (s) and peak RSS (KiB)."""
    seconds, _, peak = run_sample(argv, env)
    return seconds, peak


def run_sample(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run a command under the launcher: its wall time (s), CPU time (user + system, s) and peak RSS (KiB).

    On a machine other work shares, the wall time of a run depends on what else runs; its CPU
    time much less: both are reported.
    """
    done = subprocess.run([sys.executable, "-c", LAUNCHER, *argv], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise MeasureError(f"the launcher failed: {done.stderr.strip()}")
    code, seconds, maxrss, cpu = json.loads(done.stdout)
    if code != 0:
        # Run it again outside the launcher to show why: the timed run discards stderr.
        again = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        raise MeasureError(f"{' '.join(argv)} exited {code}: {again.stderr.strip()[-1000:]}")
    # ru_maxrss is in KiB on Linux but in bytes on macOS.
    return seconds, cpu, maxrss // 1024 if sys.platform == "darwin" else maxrss


def ictgoals_argv(command: list[str], folder: Path, cold: bool) -> list[str]:
    """The ictgoals command line on the dataset in `folder`."""
    exe = str(Path(sys.executable).with_name("ictgoals"))
    data = ["--targets", str(folder / "targets.toml"), "--actuals", str(folder / "actuals.toml")]
    return [exe, *command, "--format", "json", *data, *(["--no-cache"] if cold else [])]


# ---------------------------------------------------------------- hledger


def hledger_journals(folder: Path) -> tuple[Path, Path]:
    """Write the dataset as two hledger journals (see the module docstring); return (budget, per pair).

    A pair's budget amount is its first target with a number (the middle of a "between" range);
    "maintain"-only pairs budget their latest figure, which is what maintaining means. Every
    actual is one posting dated YYYY-12-31 to indicators:<region>:<indicator>.
    """
    with (folder / "targets.toml").open("rb") as f:
        targets = tomllib.load(f)["targets"]
    with (folder / "actuals.toml").open("rb") as f:
        actuals = tomllib.load(f)["actuals"]
    latest: dict[tuple[str, str], tuple[int, float]] = {}
    for a in actuals:
        key = (a.get("region", "VN"), a["indicator"])
        if key not in latest or a["year"] >= latest[key][0]:
            latest[key] = (a["year"], float(a["value"]))
    budgets: dict[tuple[str, str], float] = {}
    for t in sorted(targets, key=lambda t: t["year"]):
        key, value = (t.get("region", "VN"), t["indicator"]), t.get("value")
        if key not in budgets and value is not None:
            budgets[key] = sum(value) / 2 if isinstance(value, list) else float(value)
    targeted = dict(budgets)
    for t in targets:  # "maintain"-only pairs
        key = (t.get("region", "VN"), t["indicator"])
        if key not in targeted and key in latest:
            targeted[key] = latest[key][1]
    for key, (_, value) in latest.items():
        budgets.setdefault(key, value)
    postings = [
        f"{a['year']}-12-31 {a['source']}\n    indicators:{a.get('region', 'VN')}:{a['indicator']}    "
        f"{amount(float(a['value']))}\n    sources:{a['source']}\n\n"
        for a in actuals
    ]
    head = "; Written by bench/scale.py from targets.toml and actuals.toml.\n\n"
    one_rule = [
        "~ yearly from 2010\n",
        *(
            f"    indicators:{region}:{indicator}    {amount(value)}\n"
            for (region, indicator), value in targeted.items()
        ),
        "    targets\n\n",
    ]
    per_pair = [
        f"~ yearly\n    indicators:{region}:{indicator}    {amount(value)}\n    targets\n\n"
        for (region, indicator), value in budgets.items()
    ]
    budget, every = folder / "budget.journal", folder / "budget-per-pair.journal"
    budget.write_text(head + "".join(one_rule) + "".join(postings), encoding="utf-8")
    every.write_text(head + "".join(per_pair) + "".join(postings), encoding="utf-8")
    return budget, every


def amount(value: float) -> str:
    """A plain decimal amount (hledger reads no exponent notation)."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def hledger_argv(journal: Path, *period: str) -> list[str] | None:
    """The budget-report command line, or None (with a message) when hledger is missing or rejects the journal."""
    exe = shutil.which("hledger")
    if exe is None:
        print(
            "scale: hledger is not installed; skipping the hledger comparison "
            "(on Debian/Ubuntu: apt-get install hledger).",
            file=sys.stderr,
        )
        return None
    argv = [exe, "-f", str(journal), "balance", "--budget", "-Y", *period, "-O", "csv"]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"scale: hledger rejected {journal}; skipping it: {done.stderr.strip()[:500]}", file=sys.stderr)
        return None
    return argv


# ---------------------------------------------------------------- measuring


def available(module: str) -> bool:
    """Whether this Python can import `module` (tomli and rtoml are ictgoals' own dependencies)."""
    return importlib.util.find_spec(module) is not None


def plan(size: int, folder: Path, with_hledger: bool, env: dict[str, str], baseline: Path | None) -> list[Measure]:
    """Everything to time at one size: 3 commands × 2 modes, status after writes, the floors, maybe hledger
    and the baseline checkout."""
    measures = [
        Measure(size, name, mode, ictgoals_argv(command, folder, mode == "cold"))
        for name, command in COMMANDS.items()
        for mode in MODES
    ]
    measures += appends(size, folder, env)
    if baseline is not None:  # another checkout's code, with a cache folder of its own
        own = {"PYTHONPATH": str(baseline), "XDG_CACHE_HOME": str(OUT / "cache-baseline")}
        measures += [
            Measure(size, name + BASELINE, mode, ictgoals_argv(COMMANDS[name], folder, mode == "cold"), env=own)
            for name, mode in (("status", "cold"), ("status", "warm"), ("validate", "warm"))
        ]
        after = appends(size, folder, env | own, "-appends-baseline")[0]
        measures.append(dataclasses.replace(after, name=after.name + BASELINE, env=own))
    files = [str(folder / "actuals.toml"), str(folder / "targets.toml")]
    for name, module in ((TOMLLIB_FLOOR, "tomllib"), (TOMLI_FLOOR, "tomli"), (FLOOR, "rtoml")):
        if available(module):
            measures.append(Measure(size, name, "", [sys.executable, "-c", FLOOR_SCRIPT.format(module), *files]))
    if available("msgspec"):
        measures.append(Measure(size, MSGSPEC_FLOOR, "", [sys.executable, "-c", MSGSPEC_SCRIPT, *files]))
    if with_hledger:
        budget, per_pair = hledger_journals(folder)
        for name, argv in (
            (HLEDGER, hledger_argv(budget, "-b", "2024", "-e", "2026")),
            (HLEDGER_PER_PAIR, hledger_argv(per_pair)),
        ):
            if argv is not None:
                measures.append(Measure(size, name, "", argv))
    return measures


def appends(size: int, folder: Path, env: dict[str, str], suffix: str = "-appends") -> list[Measure]:
    """`status` after a record and after another program's append, on a copy of the dataset."""
    copy = folder.with_name(f"{folder.name}{suffix}")
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir(parents=True)
    for name in ("targets.toml", "actuals.toml"):
        shutil.copy(folder / name, copy / name)
    with (copy / "actuals.toml").open("rb") as f:
        first = tomllib.load(f)["actuals"][0]
    status = ictgoals_argv(COMMANDS["status"], copy, cold=False)
    data = status[status.index("--targets") :]
    counter = itertools.count()

    def record(_: int) -> None:
        year = 1900 + next(counter) % 200  # a year the generated data never uses, until 200 writes
        argv = [status[0], "record", first["indicator"], str(year), "2", "--source", first["source"], *data[:4]]
        subprocess.run([*argv, "--allow-conflict"], check=True, capture_output=True, env=env)

    def append(_: int) -> None:
        year = 1900 + next(counter) % 200
        entry = (
            f'\n[[actuals]]\nindicator = "{first["indicator"]}"\nyear = {year}\nvalue = 2.5\n'
            f'source = "{first["source"]}"\n'
        )
        with (copy / "actuals.toml").open("a", encoding="utf-8") as handle:
            handle.write(entry)

    return [
        Measure(size, AFTER_RECORD, "", status, prepare=record),
        Measure(size, AFTER_APPEND, "", status, prepare=append),
    ]


def measure_size(
    size: int,
    runs: int,
    seed: int,
    env: dict[str, str],
    with_hledger: bool,
    say: Callable[[str], None],
    baseline: Path | None = None,
) -> list[Measure]:
    """Generate the dataset for one size, then time everything in `runs` rotating rounds."""
    folder = OUT / str(size)
    generate.generate(size, seed, folder)
    measures = plan(size, folder, with_hledger, env, baseline)
    measure_rounds(measures, runs, env, lambda text: say(f"  N={size:,}:{text}"))
    return measures


# ---------------------------------------------------------------- reporting


def find(measures: Iterable[Measure], size: int, name: str, mode: str = "") -> Measure | None:
    return next((m for m in measures if (m.size, m.name, m.mode) == (size, name, mode)), None)


def label(m: Measure) -> str:
    return f"{m.name} ({m.mode})" if m.mode else m.name


def results_table(measures: Sequence[Measure]) -> list[str]:
    """Median time and peak memory, one row per size and command."""
    lines = ["| N | command | median s | min s | peak MB | × floor |", "|---:|---|---:|---:|---:|---:|"]
    for m in measures:
        floor = find(measures, m.size, FLOOR)
        ratio = f"{m.median_s / floor.median_s:.2f}" if floor else "–"
        lines.append(
            f"| {m.size:,} | {label(m)} | {m.median_s:.3f} | {min(m.seconds):.3f} | {m.peak_mb:.0f} | {ratio} |"
        )
    return lines


def growth_table(measures: Sequence[Measure], sizes: Sequence[int]) -> list[str]:
    """How each command's median time grows from one size to the next."""
    steps = list(itertools.pairwise(sizes))
    if not steps:
        return ["(one size only: no growth to show)"]
    head = " | ".join(f"{b:,}/{a:,}" for a, b in steps)
    lines = [f"| command | {head} |", "|---|" + "---:|" * len(steps)]
    for m in (m for m in measures if m.size == sizes[0]):
        cells = []
        for a, b in steps:
            small, big = find(measures, a, m.name, m.mode), find(measures, b, m.name, m.mode)
            cells.append(f"{big.median_s / small.median_s:.1f}×" if small and big else "–")
        lines.append(f"| {label(m)} | {' | '.join(cells)} |")
    return lines


@dataclass(frozen=True, slots=True)
class Check:
    """One target next to the value measured for it."""

    what: str
    target: str
    measured: float
    ok: bool
    unit: str = "×"

    def row(self) -> str:
        value = {"MB": f"{self.measured:.0f} MB", "s": f"{self.measured:.2f} s"}.get(self.unit, f"{self.measured:.2f}×")
        return f"| {self.what} | {self.target} | {value} | {'yes' if self.ok else 'no'} |"


def checks(measures: Sequence[Measure], sizes: Sequence[int]) -> list[Check]:
    """The targets that the measured sizes allow checking (each needs its sizes and tools)."""
    big = sizes[-1]
    found: list[Check] = []

    def ratio(
        what: str, target: str, a: Measure | None, b: Measure | None, most: float | None, least: float | None
    ) -> None:
        if a and b:
            value = a.median_s / b.median_s
            ok = (most is None or value <= most) and (least is None or value >= least)
            found.append(Check(what, target, value, ok))

    status_cold, status_warm = find(measures, big, "status", "cold"), find(measures, big, "status", "warm")
    hledger = find(measures, big, HLEDGER)
    ratio(f"status cold at {big:,} / rtoml parse-only floor", f"≤ {COLD_VS_FLOOR}×", status_cold,
          find(measures, big, FLOOR), COLD_VS_FLOOR, None)  # fmt: skip
    ratio(f"hledger budget / status cold at {big:,} (speed-up)", f"≥ {HLEDGER_COLD:.0f}×", hledger, status_cold,
          None, HLEDGER_COLD)  # fmt: skip
    ratio(f"hledger budget / status warm at {big:,} (speed-up)", f"≥ {HLEDGER_WARM:.0f}×", hledger, status_warm,
          None, HLEDGER_WARM)  # fmt: skip
    for name in (AFTER_RECORD, AFTER_APPEND):
        ratio(f"{name} at {big:,} / status warm", f"≤ {AFTER_RECORD_VS_WARM}×", find(measures, big, name),
              status_warm, AFTER_RECORD_VS_WARM, None)  # fmt: skip
    validate_warm = find(measures, big, "validate", "warm")
    if validate_warm:
        seconds = validate_warm.median_s
        found.append(Check(f"validate warm at {big:,}", f"≤ {VALIDATE_WARM_S:.0f} s", seconds,
                           seconds <= VALIDATE_WARM_S, "s"))  # fmt: skip
    ours = [m for m in measures if m.size == big and (m.name in COMMANDS or m.name in (AFTER_RECORD, AFTER_APPEND))]
    if ours:
        peak = max(m.peak_mb for m in ours)
        found.append(Check(f"peak memory of ictgoals at {big:,}", f"≤ {PEAK_MB:.0f} MB", peak, peak <= PEAK_MB, "MB"))
    if len(sizes) >= 2:
        prev = sizes[-2]
        for name in COMMANDS:
            ratio(f"{name} cold {big:,}/{prev:,} time", f"≤ {GROWTH:.0f}×", find(measures, big, name, "cold"),
                  find(measures, prev, name, "cold"), GROWTH, None)  # fmt: skip
    return found


def before_after(measures: Sequence[Measure], size: int) -> list[str]:
    """Issue 14's table at one size: the baseline checkout's times beside this one's, with the floors and hledger."""
    lines = ["| what | baseline s | this checkout s |", "|---|---:|---:|"]
    for name, mode, what in (
        ("status", "cold", "`status 2025 --format json --no-cache` (cold)"),
        ("status", "warm", "`status 2025 --format json` (warm)"),
        (AFTER_RECORD, "", "`status` right after a `record`"),
        ("validate", "warm", "`validate` (warm)"),
    ):
        before, now = find(measures, size, name + BASELINE, mode), find(measures, size, name, mode)
        cells = [f"{m.median_s:.2f}" if m else "–" for m in (before, now)]
        lines.append(f"| {what} | {cells[0]} | {cells[1]} |")
    for name in (HLEDGER, HLEDGER_PER_PAIR, TOMLLIB_FLOOR, TOMLI_FLOOR, FLOOR, MSGSPEC_FLOOR):
        found = find(measures, size, name)
        if found:
            lines.append(f"| {name} | {found.median_s:.2f} | {found.median_s:.2f} |")
    return lines


def markdown(measures: Sequence[Measure], sizes: Sequence[int], runs: int, notes: Sequence[str]) -> str:
    """The whole report as markdown."""
    lines = [
        "# ictgoals scale report",
        "",
        f"Median of {runs} runs each, interleaved; Python {sys.version.split()[0]}. "
        "cold = `--no-cache`, warm = cache enabled and filled first. "
        "× floor = median / median of parsing both files with rtoml, the fastest parser.",
        "",
        *results_table(measures),
        "",
        "## Growth (median time, size over previous size)",
        "",
        *growth_table(measures, sizes),
        "",
        "## Targets",
        "",
        "| target | wanted | measured | met |",
        "|---|---|---:|---|",
        *(c.row() for c in checks(measures, sizes)),
    ]
    if any(m.name.endswith(BASELINE) for m in measures):
        lines += ["", f"## Before and after at {sizes[-1]:,} (`--baseline`)", "", *before_after(measures, sizes[-1])]
    if notes:
        lines += ["", "## Notes", "", *(f"- {n}" for n in notes)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- issue 25: the targets on its shapes

#: The datasets of issue 25's targets (bench/generate.py's Shape; the defaults are its 1,000 indicators,
#: 4,400 targets, 100,000 figures over 35 regions and 15 years, one source), by label.
SHAPES = {
    "1,000 indicators": generate.Shape(),
    "250 indicators": generate.Shape(indicators=250),
    "4,000 indicators": generate.Shape(indicators=4_000),
    "250 indicators, 5,000 sources": generate.Shape(indicators=250, sources=5_000),
    "1,000,000 figures": generate.Shape(actuals=1_000_000),
}
DEFAULT_DATA = "generate.py's 100,000"  # the dataset of issue 14's table, for validate's 0.91 s
HLEDGER_MOONSHOT, SHAPE_RATIO, VALIDATE_TARGET_S, MILLION_RATIO, MILLION_PEAK_MB = 10.0, 1.6, 0.5, 12.0, 1024.0


def issue25_plan(seed: int, env: dict[str, str], with_hledger: bool, baseline: Path | None) -> list[Measure]:
    """Everything issue 25's targets need, this checkout's and (with `baseline`) the baseline's, in one list."""
    folders = {label: OUT / shape.name for label, shape in SHAPES.items()}
    for label, shape in SHAPES.items():
        generate.generate_shaped(shape, seed, folders[label])
    folders[DEFAULT_DATA] = OUT / "100000"
    generate.generate(100_000, seed, folders[DEFAULT_DATA])
    wanted = [(label, "status", "cold") for label in SHAPES]
    wanted += [("1,000 indicators", "status", "warm"), ("1,000 indicators", "validate", "warm")]
    wanted += [(DEFAULT_DATA, "validate", "warm")]
    own = {} if baseline is None else {"PYTHONPATH": str(baseline), "XDG_CACHE_HOME": str(OUT / "cache-baseline")}
    measures: list[Measure] = []
    for suffix, extra in [("", {}), *([(BASELINE, own)] if baseline is not None else [])]:
        for label, command, mode in wanted:
            argv = ictgoals_argv(COMMANDS[command], folders[label], mode == "cold")
            measures.append(Measure(0, f"{command}{suffix} [{label}]", mode, argv, env=extra))
    if with_hledger:
        budget, _ = hledger_journals(folders["1,000 indicators"])
        report = hledger_argv(budget, "-b", "2024", "-e", "2026")
        if report is not None:
            measures.append(Measure(0, f"{HLEDGER} [1,000 indicators]", "", report))
    return measures


@dataclass(frozen=True)
class Target25:
    """One of issue 25's targets: what it compares, what is wanted, and how a value meets it."""

    what: str
    wanted: str
    unit: str  # "×", "s" or "MB"
    most: float | None = None
    least: float | None = None

    def met(self, value: float) -> bool:
        return (self.most is None or value <= self.most) and (self.least is None or value >= self.least)


TARGETS_25 = {
    "hledger-cold": Target25(
        "hledger budget / status cold, 1,000 indicators (speed-up)",
        f"≥ {HLEDGER_COLD:.0f}× (moonshot {HLEDGER_MOONSHOT:.0f}×)",
        "×",
        least=HLEDGER_COLD,
    ),
    "indicators": Target25("status cold, 4,000 indicators / 250 indicators", f"≤ {SHAPE_RATIO}×", "×", SHAPE_RATIO),
    "sources": Target25(
        "status cold, 5,000 sources / 1 source (250 indicators)", f"≤ {SHAPE_RATIO}×", "×", SHAPE_RATIO
    ),
    "hledger-warm": Target25(
        "hledger budget / status warm, 1,000 indicators (speed-up)", f"≥ {HLEDGER_WARM:.0f}×", "×", least=HLEDGER_WARM
    ),
    "validate": Target25(f"validate warm, {DEFAULT_DATA} figures", f"≤ {VALIDATE_TARGET_S} s", "s", VALIDATE_TARGET_S),
    "validate-shape": Target25(
        "validate warm, 100,000 figures, 1,000 indicators", f"≤ {VALIDATE_TARGET_S} s", "s", VALIDATE_TARGET_S
    ),
    "million": Target25("status cold, 1,000,000 / 100,000 figures", f"≤ {MILLION_RATIO:.0f}×", "×", MILLION_RATIO),
    "million-peak": Target25(
        "peak memory, status cold at 1,000,000 figures", f"≤ {MILLION_PEAK_MB:.0f} MB", "MB", MILLION_PEAK_MB
    ),
}


def wall(m: Measure) -> float:
    return m.median_s


def cpu(m: Measure) -> float:
    return m.median_cpu


def issue25_values(
    measures: Sequence[Measure], suffix: str, clock: Callable[[Measure], float] = wall
) -> dict[str, float | None]:
    """The value of each of TARGETS_25 for this checkout (`suffix` "") or the baseline (BASELINE), on
    median wall time (`wall`) or median CPU time (`cpu`)."""

    def get(command: str, data: str, mode: str = "cold") -> Measure | None:
        return find(measures, 0, f"{command}{suffix} [{data}]", mode)

    def ratio(a: Measure | None, b: Measure | None) -> float | None:
        return None if a is None or b is None else clock(a) / clock(b)

    hledger = find(measures, 0, f"{HLEDGER} [1,000 indicators]")
    million = get("status", "1,000,000 figures")
    validate, validate_shape = get("validate", DEFAULT_DATA, "warm"), get("validate", "1,000 indicators", "warm")
    return {
        "hledger-cold": ratio(hledger, get("status", "1,000 indicators")),
        "indicators": ratio(get("status", "4,000 indicators"), get("status", "250 indicators")),
        "sources": ratio(get("status", "250 indicators, 5,000 sources"), get("status", "250 indicators")),
        "hledger-warm": ratio(hledger, get("status", "1,000 indicators", "warm")),
        "validate": None if validate is None else clock(validate),
        "validate-shape": None if validate_shape is None else clock(validate_shape),
        "million": ratio(million, get("status", "1,000 indicators")),
        "million-peak": None if million is None else million.peak_mb,
    }


def issue25_checks(measures: Sequence[Measure]) -> list[str]:
    """Issue 25's targets: wanted, the baseline's value and this checkout's, measured in the same rounds, on
    median wall time and on median CPU time."""

    def cell(value: float | None, unit: str) -> str:
        return "–" if value is None else {"s": f"{value:.2f} s", "MB": f"{value:.0f} MB"}.get(unit, f"{value:.2f}×")

    def met(target: Target25, value: float | None) -> str:
        return "–" if value is None else ("yes" if target.met(value) else "no")

    columns = [issue25_values(measures, suffix, clock) for clock in (wall, cpu) for suffix in (BASELINE, "")]
    rows = []
    for key, target in TARGETS_25.items():
        before, now, cpu_before, cpu_now = (values[key] for values in columns)
        rows.append(
            f"| {target.what} | {target.wanted} | {cell(before, target.unit)} | {cell(now, target.unit)} | "
            f"{met(target, now)} | {cell(cpu_before, target.unit)} | {cell(cpu_now, target.unit)} | "
            f"{met(target, cpu_now)} |"
        )
    return [
        "| target | wanted | baseline (wall) | this checkout (wall) | met | baseline (CPU) | this checkout (CPU) "
        "| met |",
        "|---|---|---:|---:|---|---:|---:|---|",
        *rows,
    ]


def issue25_report(measures: Sequence[Measure], runs: int, notes: Sequence[str]) -> str:
    """Issue 25's report: every measurement, then the targets."""
    lines = [
        "# ictgoals scale report: issue 25's targets",
        "",
        f"Median of {runs} runs each, interleaved in rotating rounds; Python {sys.version.split()[0]}. "
        "cold = `--no-cache`, warm = cache enabled and filled first; baseline = the `--baseline` checkout. "
        "CPU = user + system time of the process, which other work on the machine changes far less than "
        "wall time.",
        "",
        "| data | command | median s | min s | median CPU s | peak MB |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for m in measures:
        name, _, data = m.name.partition(" [")
        lines.append(
            f"| {data.rstrip(']')} | {name}{f' ({m.mode})' if m.mode else ''} | {m.median_s:.3f} | "
            f"{min(m.seconds):.3f} | {m.median_cpu:.3f} | {m.peak_mb:.0f} |"
        )
    lines += ["", "## Targets", "", *issue25_checks(measures)]
    if notes:
        lines += ["", "## Notes", "", *(f"- {n}" for n in notes)]
    return "\n".join(lines) + "\n"


def measure_rounds(measures: list[Measure], runs: int, env: dict[str, str], say: Callable[[str], None]) -> None:
    """One untimed run of each (fills the warm mode's cache), then `runs` rotating rounds."""
    for m in measures:
        run_measured(m.argv, env | m.env)
    for round_ in range(runs):
        shift = round_ % len(measures)
        for m in measures[shift:] + measures[:shift]:
            if m.prepare is not None:
                m.prepare(round_)
            seconds, cpu, peak = run_sample(m.argv, env | m.env)
            m.seconds.append(seconds)
            m.cpu.append(cpu)
            m.peak_kb.append(peak)
        say(f"  round {round_ + 1}/{runs} done")


def say(text: str) -> None:
    """Progress on stderr, so stdout holds only the report."""
    print(text, file=sys.stderr, flush=True)


def parse_sizes(text: str) -> list[int]:
    """'1000,10_000, 1e5' style lists of sizes, sorted and without duplicates."""
    try:
        sizes = sorted({int(float(part.replace("_", ""))) for part in text.split(",") if part.strip()})
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"expected sizes like 1000,10000: {e}") from e
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Measure every size, then print and save the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated dataset sizes (default: 1000,10000,100000)",
    )
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help=f"timed runs each (default {DEFAULT_RUNS})")
    parser.add_argument("--seed", type=int, default=2025, help="seed for generate.py (default 2025)")
    parser.add_argument("--no-hledger", action="store_true", help="skip the hledger comparison")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of markdown")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="the src folder of another checkout: its status (cold, warm, after a record) and validate (warm) "
        "are timed in the same rounds, for a before/after table",
    )
    parser.add_argument(
        "--issue-25",
        action="store_true",
        help="measure issue 25's targets on its data shapes (1,000 / 250 / 4,000 indicators, 5,000 sources, "
        "1,000,000 figures) instead of the sizes",
    )
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    # Bytecode in bench/out (see startup.clean_env); a cache folder of our own keeps the tool's
    # cache, if it follows XDG, out of the user's home.
    env = clean_env(OUT / "pycache") | {"XDG_CACHE_HOME": str(OUT / "cache")}
    measures: list[Measure] = []
    notes: list[str] = []
    if not args.no_hledger and shutil.which("hledger") is None:
        notes.append("hledger is not installed: no hledger comparison.")
    if args.issue_25:
        return issue25_main(args, env, notes)
    try:
        for size in args.sizes:
            say(f"N={size:,}: generating and measuring")
            measures += measure_size(size, max(args.runs, 1), args.seed, env, not args.no_hledger, say, args.baseline)
    except MeasureError as e:
        notes.append(f"stopped early: {e}")
        print(f"scale: {e}", file=sys.stderr)
    sizes = sorted({m.size for m in measures})
    report = markdown(measures, sizes, max(args.runs, 1), notes)
    (OUT / "scale-report.md").write_text(report, encoding="utf-8")
    if args.json:
        print(
            json.dumps(
                {
                    "runs": max(args.runs, 1),
                    "measures": [m.as_dict() for m in measures],
                    "checks": [
                        {"what": c.what, "target": c.target, "measured": round(c.measured, 3), "met": c.ok}
                        for c in checks(measures, sizes)
                    ],
                    "notes": notes,
                },
                indent=2,
            )
        )
    else:
        print(report, end="")
    return 0


def issue25_main(args: argparse.Namespace, env: dict[str, str], notes: list[str]) -> int:
    """`--issue-25`: measure, then print and save the report (bench/out/scale-issue25.md)."""
    say("issue 25: generating the datasets")
    measures = issue25_plan(args.seed, env, not args.no_hledger, args.baseline)
    try:
        measure_rounds(measures, max(args.runs, 1), env, say)
    except MeasureError as e:
        notes.append(f"stopped early: {e}")
        print(f"scale: {e}", file=sys.stderr)
    measures = [m for m in measures if m.seconds]
    report = issue25_report(measures, max(args.runs, 1), notes)
    (OUT / "scale-issue25.md").write_text(report, encoding="utf-8")
    if args.json:
        print(json.dumps({"runs": max(args.runs, 1), "measures": [m.as_dict() for m in measures], "notes": notes}))
    else:
        print(report, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
