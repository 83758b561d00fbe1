"""How `ictgoals extract`'s time grows with the size of its input and of the indicator catalogue.

    python bench/extract_scale.py [--sizes 10000,100000,1000000] [--timeout 60] [--catalogue 100,1000,10000]

Input size: for each kind of text below, a file of each size is written to bench/out/extract/ and
`ictgoals extract FILE --format json --date 2024-12-29` is timed as a separate process (wall time,
median of --runs), with the size of its JSON and how many candidates and notes it holds. The kinds
are a real report (the five seed reports, repeated) and the pathological inputs of issue 26 item 8:

- `5% ` repeated (one endless "sentence" of figures), `năm 2024 ` repeated (years, never figures),
- lines holding only spaces, unclosed `<p` and `<!--` in an HTML page,
- counted nouns ("59.000 doanh nghiệp, " repeated), and one sentence of plain words with no full stop;
- what the rules from round 3 of the invented reports read: labelled lines ("Số trạm 5G đã lắp đặt: 1.234"),
  shares in words, asides and turns between years and figures, floors and their bracketed conversions.

Catalogue size: the 10 KB report is read in-process against the bundled catalogue plus N invented
indicators (names drawn from a fixed vocabulary, so many share words), timing `extract()` alone.

Prints markdown tables with the growth per ×10 (of CPU time for the inputs: a shared machine's load inflates wall
time, not CPU time). Always exits 0: it is a report.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out" / "extract"
SEEDS = sorted((REPO / "tests" / "seeds").glob("*.txt"))
DATE = "2024-12-29"


def _repeat(unit: str, size: int) -> str:
    """`unit` repeated to `size` bytes of UTF-8 (at most)."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def _report(size: int) -> str:
    text = "\n\n".join(seed.read_text(encoding="utf-8") for seed in SEEDS)
    return (text * (size // len(text.encode("utf-8")) + 1)).encode("utf-8")[:size].decode("utf-8", "ignore")


KINDS: dict[str, Callable[[int], str]] = {
    "a report (the seeds, repeated)": _report,
    "`5% ` repeated": lambda size: _repeat("5% ", size),
    "`năm 2024 ` repeated": lambda size: _repeat("năm 2024 ", size),
    "lines of spaces only": lambda size: _repeat("    \n", size),
    "unclosed `<p` tags": lambda size: "<html><body>" + _repeat("<p", size),
    "unclosed `<!--`": lambda size: "<html><body><p>a</p>" + _repeat("<!--", size),
    "counted nouns": lambda size: _repeat("59.000 doanh nghiệp, ", size),
    "one sentence of words": lambda size: _repeat("tỷ lệ hồ sơ trực tuyến ", size),
    # the rules round 3 of the invented reports led to (bench/README.md)
    "labelled lines": lambda size: _repeat("Số trạm 5G đã lắp đặt: 1.234\n", size),
    "shares in words": lambda size: _repeat("nearly a fifth of the firms and half of which were ", size),
    "asides and turns": lambda size: _repeat(", launched in 2024, but 5% of them, ", size),
    "floors and conversions": lambda size: _repeat("12 shops earning more than VND100 million ($3,930) ", size),
}


def _command() -> list[str]:
    return [sys.executable, "-m", "ictgoals"]


def time_input(kind: str, size: int, runs: int, timeout: float) -> dict[str, object]:
    """Wall time (median of `runs`) of one extract run on a generated file, with what it wrote."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{abs(hash(kind)) % 10**8}-{size}.txt"
    path.write_text(KINDS[kind](size), encoding="utf-8")
    times: list[float] = []
    cpu: list[float] = []
    output = b""
    for _ in range(runs):
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [*_command(), "extract", str(path), "--format", "json", "--date", DATE],
                capture_output=True,
                timeout=timeout,
                cwd=REPO,
            )
        except subprocess.TimeoutExpired:
            return {
                "kind": kind,
                "size": size,
                "time": None,
                "cpu": None,
                "bytes": None,
                "candidates": None,
                "notes": None,
            }
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        output = done.stdout
    try:
        parsed = json.loads(output)
    except ValueError:
        parsed = {}
    return {
        "kind": kind,
        "size": size,
        "time": statistics.median(times),
        "cpu": statistics.median(cpu),
        "bytes": len(output),
        "candidates": len(parsed.get("candidates", [])),
        "notes": len(parsed.get("notes", [])),
    }


_VOCABULARY = (
    "tỷ lệ số doanh thu hồ sơ dịch vụ công trực tuyến toàn trình thuê bao băng rộng di động cố định "
    "trạm phủ sóng hộ gia đình cáp quang kinh tế số doanh nghiệp công nghệ xã phường tỉnh người dân "
    "tài khoản thanh toán điện tử chữ ký nền tảng dữ liệu trung tâm an toàn thông tin mạng bưu chính "
    "viễn thông revenue share households broadband mobile fixed stations coverage digital economy "
    "firms accounts"
)
_WORDS = _VOCABULARY.split()


def catalogue(size: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """`size` invented (id, unit, name) triples: names of 3 to 8 words from one vocabulary."""
    units = ("%", "count", "VND bn", "USD bn", "rank", "per 100 people")
    return [
        (f"invented_{i}", rng.choice(units), " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 8))))
        for i in range(size)
    ]


def time_catalogue(size: int, runs: int) -> dict[str, object]:
    """extract() on the 10 KB report against the bundled catalogue plus `size` invented indicators (CPU time)."""
    import ictgoals
    from ictgoals.extraction.candidates import extract
    from ictgoals.extraction.match import Catalogue
    from ictgoals.model import Better, Indicator

    dataset = ictgoals.load(REPO / "targets.toml", REPO / "actuals.toml", cache=False)
    extra = {
        ident: Indicator(id=ident, name=name, unit=unit, better=Better.HIGHER, name_vi=name)
        for ident, unit, name in catalogue(size, random.Random(size))
    }
    bigger = dataclasses.replace(dataset, indicators={**dataset.indicators, **extra})
    text = _report(10_240)
    times, index = [], []
    for _ in range(runs):
        start = time.process_time()
        Catalogue(bigger)
        index.append(time.process_time() - start)
        start = time.process_time()
        found = extract(text, bigger, date=DATE)
        times.append(time.process_time() - start)
    total, built = statistics.median(times), statistics.median(index)
    return {
        "indicators": len(bigger.indicators),
        "time": total,
        "index": built,
        "matching": max(total - built, 0.0),
        "candidates": len(found),
    }


def _seconds(value: object) -> str:
    return "timeout" if value is None else f"{float(value):.2f} s"  # type: ignore[arg-type]


def _growth(times: list[object]) -> str:
    pairs = [(a, b) for a, b in itertools.pairwise(times) if a is not None and b is not None]
    return ", ".join(f"×{float(b) / max(float(a), 1e-9):.1f}" for a, b in pairs) or "—"  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="input sizes in bytes")
    parser.add_argument("--catalogue", default="100,1000,10000", help="numbers of invented indicators")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as a hang")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print("Wall time, and in brackets the CPU time of the process (what other work on the machine cannot inflate).\n")
    print(
        "| input | " + " | ".join(f"{s // 1000:,} KB" for s in sizes) + " | CPU growth per ×10 | JSON at the largest |"
    )
    print("| --- | " + " | ".join("---:" for _ in sizes) + " | --- | --- |")
    for kind in KINDS if sizes else ():
        rows = [time_input(kind, size, args.runs, args.timeout) for size in sizes]
        last = rows[-1]
        written = (
            "—"
            if last["bytes"] is None
            else f"{int(last['bytes']) / 1000:,.0f} KB, {last['candidates']} candidates, {last['notes']} notes"  # type: ignore[call-overload]
        )
        cells = " | ".join(f"{_seconds(r['time'])} ({_seconds(r['cpu'])})" for r in rows)
        print(f"| {kind} | {cells} | {_growth([r['cpu'] for r in rows])} | {written} |", flush=True)
    print()
    counts = [int(s) for s in args.catalogue.split(",") if s]
    print(
        "| invented indicators | indicators in all | extract() on 10 KB (CPU) | of which indexing | the rest |", end=""
    )
    print(" candidates |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    measured, rest = [], []
    for count in counts:
        row = time_catalogue(count, args.runs)
        measured.append(row["time"])
        rest.append(row["matching"])
        cells = " | ".join(_seconds(row[key]) for key in ("time", "index", "matching"))
        print(f"| {count:,} | {row['indicators']:,} | {cells} | {row['candidates']} |", flush=True)
    print(f"\ngrowth per ×10 indicators: {_growth(measured)} in all; {_growth(rest)} besides indexing")


if __name__ == "__main__":
    main()
