"""How long `ictgoals report` takes: on the bundled data, and for every region of a 10,000-figure dataset.

    python bench/report.py [--size 10000] [--runs 3]

1. `ictgoals report 2025 -o FILE` on the bundled data, as a user runs it (median of --runs processes).
2. One report per region (the nation and the 33 provinces of generate.py) of a generated dataset of
   --size figures, all in one Python process through the API, as a script making them all would.

Targets: under 3 s for (1), under 30 s for (2). Prints a markdown table; always exits 0.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from startup import clean_env

HERE = Path(__file__).resolve().parent


def bundled(runs: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as directory:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "ictgoals", "report", "2025", "-o", f"{directory}/r.html"],
                check=True,
                env=clean_env(Path(directory) / "pycache"),
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def every_region(size: int) -> tuple[float, int, int]:
    import ictgoals
    from ictgoals.api import sharing
    from ictgoals.output.formats import ReportFormat

    directory = HERE / "out" / str(size)
    if not (directory / "actuals.toml").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(size)], check=True)
    start = time.perf_counter()
    dataset = ictgoals.load(directory / "targets.toml", directory / "actuals.toml", cache=False)
    charts = reports = 0
    for region in dataset.regions():
        content = sharing.report(dataset, 2025, region)
        out = io.StringIO()
        sharing.write_report(content, ReportFormat.HTML, None, out)
        charts += out.getvalue().count("<svg")
        reports += 1
    return time.perf_counter() - start, reports, charts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    one = bundled(args.runs)
    total, reports, charts = every_region(args.size)
    print("| report | time | target |")
    print("| --- | --- | --- |")
    print(f"| bundled data, `report 2025 -o r.html` (median of {args.runs}) | {one:.2f} s | < 3 s |")
    print(f"| {reports} regions × {args.size:,} figures, {charts} charts, one process | {total:.1f} s | < 30 s |")


if __name__ == "__main__":
    main()
