"""What turning off the cyclic garbage collector (as `ictgoals.__main__.main` does) saves on a cold `status`.

Runs `status 2025 --format json --no-cache` on a generated dataset in fresh processes, alternately
with the collector on and off, and prints the medians. Stdlib only; reports, never gates.

    python bench/generate.py 100000      # once, to write bench/out/100000/
    python bench/gc_gain.py --actuals 100000 --runs 7
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import contextlib, gc, io, sys, time
if sys.argv[1] == "off":
    gc.disable()
from ictgoals.cli import application
args = ["status", "2025", "--format", "json", "--no-cache", "--targets", sys.argv[2], "--actuals", sys.argv[3]]
start = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    try:
        application(args[0])(args, standalone_mode=False)
    except SystemExit:
        pass
print(time.perf_counter() - start)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actuals", type=int, default=100_000, help="size of the generated dataset to use")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(__file__).parent / "out" / str(args.actuals)
    if not (folder / "actuals.toml").is_file():
        print(f"gc_gain: run `python bench/generate.py {args.actuals}` first", file=sys.stderr)
        return 0
    seconds: dict[str, list[float]] = {"on": [], "off": []}
    for _ in range(args.runs):
        for mode in ("on", "off"):
            argv = [sys.executable, "-c", PROBE, mode, str(folder / "targets.toml"), str(folder / "actuals.toml")]
            done = subprocess.run(argv, capture_output=True, text=True, check=True)
            seconds[mode].append(float(done.stdout.strip().splitlines()[-1]))
    on, off = statistics.median(seconds["on"]), statistics.median(seconds["off"])
    print(f"cold status at {args.actuals:,} actuals, {args.runs} runs each")
    print(f"collector on : {on:.2f} s (median)")
    print(f"collector off: {off:.2f} s (median), {100 * (on - off) / on:.0f}% less")
    return 0


if __name__ == "__main__":
    sys.exit(main())
