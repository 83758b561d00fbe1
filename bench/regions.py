"""One `--region all` call against one call per region, as a pipeline that wants every province would do it.

    python bench/regions.py [--size 10000] [--runs 3]

For the bundled data and a generated dataset of --size figures: the wall time of
`status 2025 --region all --format json` and `diff 2024 --region all --format json` against the sum
of the same command once per region the data names. Prints a markdown table; always exits 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from startup import clean_env

HERE = Path(__file__).resolve().parent


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "ictgoals", *args], capture_output=True, text=True, env=env)
    return time.perf_counter() - start, result.stdout


YEARS = {"status": "2025", "diff": "2024"}


def measure(files: list[str], command: str, runs: int, env: dict[str, str]) -> tuple[float, float, int]:
    base = [command, YEARS[command], "--format", "json", *files]
    all_times, out = [], ""
    for _ in range(runs):
        seconds, out = timed([*base, "--region", "all"], env)
        all_times.append(seconds)
    regions = sorted({row["region"] for row in json.loads(out)["rows"]})
    each_times = []
    for _ in range(runs):
        each_times.append(sum(timed([*base, "--region", region], env)[0] for region in regions))
    return statistics.median(all_times), statistics.median(each_times), len(regions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    generated = HERE / "out" / str(args.size)
    if not (generated / "actuals.toml").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(args.size)], check=True)
    datasets = {
        "bundled": [],
        f"{args.size:,} figures": [
            "--targets",
            str(generated / "targets.toml"),
            "--actuals",
            str(generated / "actuals.toml"),
        ],
    }
    print("| data | command | `--region all` | one call per region | regions | speed-up |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as cache:
        env = clean_env(Path(cache) / "pycache")
        env["XDG_CACHE_HOME"] = cache
        for label, files in datasets.items():
            for command in ("status", "diff"):
                timed([command, YEARS[command], "--format", "json", "--region", "all", *files], env)  # fill the cache
                together, apart, regions = measure(files, command, args.runs, env)
                ratio = apart / together
                print(f"| {label} | `{command}` | {together:.2f} s | {apart:.2f} s | {regions} | {ratio:.0f}× |")


if __name__ == "__main__":
    main()
