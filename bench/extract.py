"""How well `ictgoals extract` reads reports: the seeds, the development set and held-out reports, side by side.

    python bench/extract.py [--verbose] [--dev PATH]

Seeds: for each seed document (named by a source's `document` in targets.toml), the candidates are
compared with the bundled entries from that source:

- recall without the indicator: entries found with the right kind, year and value;
- recall: the same, and the right indicator;
- precision: candidates that are a bundled entry, or a real figure the dataset chose not to track
  (NOT_TRACKED below, each with its reason).

Development set (../shared/extract-dev, or --dev PATH; skipped when absent): its own scorer,
`score.py --json`, per language. Invented reports (tests/assets/extract/round1, round2 and round3,
written and annotated before the tool was run on them; see the README there): scored the same way
in-process (a figure is placed at its `offset` when the truth gives one, else at its `nth` `printed`):

- found: an annotated actual or target overlapped by a candidate;
- exact: found, with the right kind, year and value;
- precision: candidates that overlap an annotated actual or target, over all candidates.

Also the time to extract a 10 KB report. Prints markdown tables; always exits 0.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import ictgoals
from ictgoals.extraction.candidates import Candidate, extract
from ictgoals.extraction.document import plain_text
from ictgoals.model import Dataset

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "seeds"
HELD_OUT = REPO / "tests" / "assets" / "extract"
DEV = REPO.parent / "shared" / "extract-dev"

#: Real figures in the seeds that the bundled dataset does not track, by hand: (document, printed, reason).
NOT_TRACKED: list[tuple[str, str, str]] = [
    (
        "003_11f31f5feb0fbb04.txt",
        "99,4%",
        "the 4G coverage of high-income countries, quoted as a benchmark for Vietnam's 99.8%: not Vietnam's figure",
    ),
    (
        "003_11f31f5feb0fbb04.txt",
        "3%",
        "a research finding about developing countries in general (digital business adds up to 3% to GDP growth)",
    ),
    (
        "002_4a70b4463723824c.txt",
        "85",
        "85 of the province's 85 communes have a postal service point (85/85 xã): the data keeps the share, 100%",
    ),
    (
        "002_4a70b4463723824c.txt",
        "4.200.000 tỷ đồng",
        "the 2025 ICT-industry target restated in đồng (tương ứng với): kept as that target's `restated`, not a "
        "second target",
    ),
    (
        "003_11f31f5feb0fbb04.txt",
        "top 100",
        "the minister's corollary of the 2030 income goal (Khi đó …): kept as context on the indicator, not a target",
    ),
]


def expected(dataset: Dataset, source: str) -> list[tuple[str, int, float, float | None, str]]:
    """(kind, year, value, high, indicator) of every bundled entry from `source`."""
    entries: list[tuple[str, int, float, float | None, str]] = []
    for actual in dataset.actuals:
        if actual.source == source:
            entries.append(("actual", actual.year, actual.value, None, actual.indicator))
    for target in dataset.targets:
        if source in target.sources and target.value is not None:
            low, high = target.value if isinstance(target.value, tuple) else (target.value, None)
            entries.append(("target", target.year, low, high, target.indicator))
    return entries


def same(candidate: Candidate, entry: tuple[str, int, float, float | None, str], indicator: bool) -> bool:
    kind, year, value, high, name = entry
    if candidate.kind != kind or candidate.year != year:
        return False
    if not math.isclose(candidate.value, value, rel_tol=1e-6, abs_tol=1e-9):
        return False
    if high is not None and (candidate.high is None or not math.isclose(candidate.high, high, rel_tol=1e-6)):
        return False
    return not indicator or candidate.indicator == name


def score(dataset: Dataset, verbose: bool = False) -> dict[str, float]:
    """Recall without and with the indicator, and precision, over the seed documents."""
    totals = {"entries": 0, "found": 0, "found_indicator": 0, "candidates": 0, "good": 0}
    for source in dataset.sources.values():
        path = SEEDS / source.document if source.document else None
        if path is None or not path.is_file():
            continue
        date = str(source.conference) if source.conference else None
        candidates = extract(path.read_text(encoding="utf-8"), dataset, date=date)
        wanted = expected(dataset, source.id)
        found = [e for e in wanted if any(same(c, e, False) for c in candidates)]
        found_indicator = [e for e in wanted if any(same(c, e, True) for c in candidates)]
        kept = {printed for document, printed, _ in NOT_TRACKED if document == source.document}
        good = [c for c in candidates if any(same(c, e, False) for e in wanted) or c.printed in kept]
        totals["entries"] += len(wanted)
        totals["found"] += len(found)
        totals["found_indicator"] += len(found_indicator)
        totals["candidates"] += len(candidates)
        totals["good"] += len(good)
        if verbose:
            print(
                f"| {source.document} | {len(wanted)} | {len(found)} | {len(found_indicator)} | "
                f"{len(candidates)} | {len(good)} |"
            )
            for entry in wanted:
                if entry not in found:
                    print(f"  MISSED {entry}")
                elif entry not in found_indicator:
                    options = [(c.indicator, c.match, c.printed) for c in candidates if same(c, entry, False)]
                    print(f"  WRONG INDICATOR {entry} got {options}")
            for c in candidates:
                if c not in good:
                    print(f"  EXTRA {c.kind} {c.year} {c.value} {c.unit} {c.printed!r} [{c.indicator} {c.match}]")
    return {
        "recall": totals["found"] / totals["entries"],
        "recall_indicator": totals["found_indicator"] / totals["entries"],
        "precision": totals["good"] / max(totals["candidates"], 1),
        "entries": totals["entries"],
        "candidates": totals["candidates"],
    }


def _span(text: str, figure: dict[str, object]) -> tuple[int, int]:
    """Where an annotated figure's `printed` is: at its `offset` when the truth gives one (the
    development set's convention, checked here), else its `nth` occurrence (from 1) in the text."""
    printed = str(figure["printed"])
    if "offset" in figure:
        at = int(figure["offset"])  # type: ignore[call-overload]
        if text[at : at + len(printed)] != printed:
            raise ValueError(f"{printed!r} is not at offset {at}")
        return at, at + len(printed)
    at = -1
    for _ in range(int(figure.get("nth", 1))):  # type: ignore[call-overload]
        at = text.index(printed, at + 1)
    return at, at + len(printed)


def _exact(candidate: Candidate, figure: dict[str, object]) -> bool:
    value = figure["value"]
    low, high = (value[0], value[1]) if isinstance(value, list) else (value, None)
    if candidate.kind != figure["kind"] or candidate.year != figure["year"]:
        return False
    if not math.isclose(candidate.value, float(low), rel_tol=1e-6):  # type: ignore[arg-type]
        return False
    return high is None or (candidate.high is not None and math.isclose(candidate.high, float(high), rel_tol=1e-6))


def _counted(
    candidates: list[Candidate],
    figures: list[tuple[dict[str, object], tuple[int, int]]],
    scored: list[tuple[dict[str, object], tuple[int, int]]],
) -> list[Candidate]:
    """The candidates that count for precision: as in the development set's score.py, one that overlaps
    only a change marked `growth_indicator` (a catalogued growth rate) counts neither way."""
    growth = [span for f, span in figures if f["kind"] == "change" and f.get("growth_indicator")]

    def over(c: Candidate, spans: list[tuple[int, int]]) -> bool:
        return any(c.start < end and start < c.end for start, end in spans)

    scored_spans = [span for _, span in scored]
    return [c for c in candidates if over(c, scored_spans) or not over(c, growth)]


def held_out(dataset: Dataset, directory: Path, verbose: bool = False) -> dict[str, dict[str, int]]:
    """Figures, found, exact, candidates and good candidates per language over the annotated reports."""
    totals: dict[str, dict[str, int]] = {}
    for truth_path in sorted(directory.glob("*.toml")):
        truth = tomllib.loads(truth_path.read_text(encoding="utf-8"))
        raw = truth_path.with_suffix(".txt").read_text(encoding="utf-8")
        text = plain_text(raw)
        figures = [(figure, _span(text, figure)) for figure in truth.get("figure", [])]
        scored = [(f, span) for f, span in figures if f["kind"] in ("actual", "target")]
        candidates = _counted(extract(raw, dataset, date=str(truth["date"])), figures, scored)
        row = {"figures": len(scored), "found": 0, "exact": 0, "candidates": len(candidates), "good": 0}
        for figure, (start, end) in scored:
            over = [c for c in candidates if c.start < end and start < c.end]
            row["found"] += bool(over)
            row["exact"] += any(_exact(c, figure) for c in over)
            if verbose and not any(_exact(c, figure) for c in over):
                got = [(c.kind, c.year, c.value) for c in over] or "not found"
                print(f"  {truth_path.stem}: {figure['printed']!r} {figure['kind']} {figure['year']} got {got}")
        for c in candidates:
            good = any(c.start < end and start < c.end for _, (start, end) in scored)
            row["good"] += good
            if verbose and not good:
                print(f"  {truth_path.stem}: EXTRA {c.kind} {c.year} {c.value} {c.unit} {c.printed!r}")
        for key in (str(truth["lang"]), "all"):
            into = totals.setdefault(key, dict.fromkeys(row, 0))
            for field, count in row.items():
                into[field] += count
    return totals


def development(path: Path = DEV) -> dict[str, dict[str, int]] | None:
    """The development set's own scores (its score.py, run on this checkout), or None when it is absent."""
    scorer = path / "score.py"
    if not scorer.is_file():
        return None
    command = f"{sys.executable} -m ictgoals"
    done = subprocess.run(
        [sys.executable, str(scorer), "--ictgoals", command, "--json"], capture_output=True, text=True, cwd=REPO
    )
    try:
        result = json.loads(done.stdout)
    except ValueError:
        return None
    return {lang: result[lang] for lang in ("all", "vi", "en") if lang in result}


def _rate(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="list what was missed and what was extra")
    parser.add_argument("--dev", type=Path, default=DEV, help="the development set (its score.py and texts)")
    args = parser.parse_args()
    dataset = ictgoals.load(REPO / "targets.toml", REPO / "actuals.toml", cache=False)
    if args.verbose:
        print("| document | entries | found (no indicator) | found (with indicator) | candidates | correct |")
        print("| --- | --- | --- | --- | --- | --- |")
    result = score(dataset, args.verbose)
    text = (SEEDS / "002_4a70b4463723824c.txt").read_text(encoding="utf-8")[:10_240]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        extract(text, dataset, date="2024-12-29")
        runs.append(time.perf_counter() - start)
    print(f"entries in the seeds' sources: {result['entries']}; candidates: {result['candidates']:.0f}")
    print(f"recall without the indicator: {result['recall']:.1%} (issue 24: at least 97%, as before it)")
    print(f"recall with the indicator:    {result['recall_indicator']:.1%} (issue 24: at least 90%)")
    print(f"precision:                    {result['precision']:.1%} (issue 24: 100%)")
    print(f"a 10 KB report:               {sorted(runs)[2]:.3f} s, median of 5 (target < 1 s)")
    print()
    print("| set | language | figures | found | exact | candidates | precision |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    rows: list[tuple[str, dict[str, dict[str, int]] | None]] = [
        ("development", development(args.dev)),
        ("invented, round 1", held_out(dataset, HELD_OUT / "round1", verbose=args.verbose)),
        ("invented, round 2", held_out(dataset, HELD_OUT / "round2", verbose=args.verbose)),
        ("invented, round 3", held_out(dataset, HELD_OUT / "round3", verbose=args.verbose)),
    ]
    for name, totals in rows:
        if totals is None:
            print(f"| {name} | — | not found at {args.dev} | | | | |")
            continue
        for lang in ("vi", "en", "all"):
            t = totals.get(lang)
            if t is None:
                continue
            print(
                f"| {name} | {lang} | {t['figures']} | {_rate(t['found'], t['figures'])} | "
                f"{_rate(t['exact'], t['figures'])} | {t['candidates']} | {_rate(t['good'], t['candidates'])} |"
            )


if __name__ == "__main__":
    main()
