"""What `import` costs on a large dataset, next to a cold `status` on the same data, in one run.

    python bench/generate.py 100000          # once
    python bench/import_scale.py --actuals 100000 --rows 10000 --runs 3

Copies the generated dataset to a temporary folder for each run, writes ROWS new figures as a
CSV (for 2026, from a new source declared in the copy, so none repeats a recorded figure),
imports them, and times that against `status 2025 --format json --no-cache` on the original.
Stdlib only; reports, never gates.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ICTGOALS = str(Path(sys.executable).with_name("ictgoals"))


def timed(argv: list[str], cwd: Path) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ICTGOALS_")}
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def rows_for(actuals: Path, count: int) -> list[dict[str, str]]:
    """`count` new figures for 2026 on (indicator, region) pairs the data already has."""
    pairs, seen = [], set()
    for block in actuals.read_text(encoding="utf-8").split("[[actuals]]")[1:]:
        indicator = re.search(r'^indicator = "([^"]+)"', block, re.M)
        region = re.search(r'^region = "([^"]+)"', block, re.M)
        pair = (indicator.group(1) if indicator else "", region.group(1) if region else "VN")
        if pair not in seen:
            seen.add(pair)
            pairs.append(pair)
    years = range(2026, 2100)
    return [
        {"indicator": i, "region": r, "year": str(years[n // len(pairs)]), "value": str(n % 97 + 1), "source": "bench"}
        for n, (i, r) in zip(range(count), (pairs[k % len(pairs)] for k in range(count)), strict=False)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actuals", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = Path(__file__).parent / "out" / str(args.actuals)
    if not (source / "actuals.toml").is_file():
        print(f"import_scale: run `python bench/generate.py {args.actuals}` first", file=sys.stderr)
        return 0
    rows = rows_for(source / "actuals.toml", args.rows)
    times: dict[str, list[float]] = {"status (cold)": [], "import": []}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="ictgoals-import-") as tmp:
            work = Path(tmp)
            shutil.copy(source / "targets.toml", work / "targets.toml")
            shutil.copy(source / "actuals.toml", work / "actuals.toml")
            with (work / "actuals.toml").open("a", encoding="utf-8") as handle:
                handle.write('\n[sources.bench]\ntitle = "Benchmark rows"\n')
            with (work / "rows.csv").open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            times["status (cold)"].append(timed([ICTGOALS, "status", "2025", "--format", "json", "--no-cache"], work))
            times["import"].append(timed([ICTGOALS, "import", "rows.csv"], work))
    status, imported = (statistics.median(v) for v in times.values())
    print(f"{args.rows:,} rows into {args.actuals:,} actuals, {args.runs} runs (medians)")
    print(f"status 2025, cold : {status:6.2f} s")
    print(f"import            : {imported:6.2f} s  = {imported / status:.2f} × cold status (target ≤ about 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
