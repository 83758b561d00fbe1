"""What `extract` found, for review: JSON records, a terminal table with the printed part marked, a TOML draft."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ictgoals.analysis.records import Record, number
from ictgoals.i18n import pt, tr
from ictgoals.model import NATIONAL, region_key
from ictgoals.output.formats import ExtractFormat, unreachable
from ictgoals.output.safe import printable

if TYPE_CHECKING:
    from ictgoals.extract.candidates import Candidate
    from ictgoals.model import Dataset

#: Below this match an entry is proposed commented out in the TOML draft, as if it had no indicator.
SURE = 0.5


def record(candidate: Candidate) -> Record:
    """One candidate as a JSON-ready record (docs/extract.md lists the fields)."""
    c = candidate
    return {
        "kind": c.kind,
        "indicator": c.indicator,
        "match": c.match,
        "matched": list(c.matched),
        "name": c.name,
        "year": c.year,
        "year_from": c.year_from,
        "period": None if c.period is None else list(c.period),
        "basis": c.basis,
        "years": None if c.years is None else list(c.years),
        "op": c.op,
        "value": number(c.value),
        "high": number(c.high),
        "unit": c.unit,
        "printed": c.printed,
        "start": c.start,
        "end": c.end,
        "line": c.line,
        "sentence": c.sentence,
        "region": c.region,
        "estimate": c.estimate,
        "change": None
        if c.change is None
        else {
            "value": number(c.change.value),
            "unit": c.change.unit,
            "from": c.change.from_year,
            "printed": c.change.printed,
        },
        "warnings": list(c.warnings),
    }


def write_json(candidates: Sequence[Candidate], out: TextIO) -> None:
    from ictgoals.output import as_json

    as_json.write({"candidates": [record(c) for c in candidates]}, out)


def write_table(candidates: Sequence[Candidate], out: TextIO, width: int | None) -> None:
    from rich.text import Text

    from ictgoals.output.as_table import console, fitted
    from ictgoals.output.formats import Context

    printer = console(out, Context(width=width))
    cells: list[list[str | Text]] = []
    for c in candidates:
        before, printed, after = c.sentence[: c.offset], c.printed, c.sentence[c.offset + len(c.printed) :]
        sentence = Text(printable(before))
        sentence.append(printable(printed), style="bold reverse")
        sentence.append(printable(after))
        shown = "—" if c.indicator is None else f"{c.indicator} ({c.match:.2f})"
        cells.append([pt("kind", c.kind), shown, "" if c.year is None else str(c.year), c.printed, sentence])
    headers = [tr("Kind"), tr("Indicator"), tr("Year"), tr("Printed"), tr("Sentence")]
    title = tr("{count} candidates: review each against its sentence", count=len(candidates))
    for part in fitted(printer.width, [title], headers, cells, whole=[1], drop=[4]):
        printer.print(part)


def _toml_lines(entry: dict[str, Any]) -> list[str]:
    import tomli_w

    return tomli_w.dumps({k: v for k, v in entry.items() if v is not None}).splitlines()


def write_toml(  # noqa: C901 (issue 24 splits it)
    candidates: Sequence[Candidate], out: TextIO, *, source: str | None, file: str, dataset: Dataset | None = None
) -> None:
    """A draft of [[actuals]] and [[targets]] entries, each after its sentence; unsure ones commented out, and
    so is a target that the data already declares with another value (import would refuse it)."""
    declared: dict[tuple[str, str, int, str], object] = {}
    recorded: dict[tuple[str, str, int, str], float] = {}
    if dataset is not None:
        declared = {(t.indicator, region_key(t.region), t.year, t.op.value): t.value for t in dataset.targets}
        recorded = {(a.indicator, region_key(a.region), a.year, a.source): a.value for a in dataset.actuals}
    out.write(
        "# "
        + tr("A draft from {file} by `ictgoals extract`: nothing here is in the data yet.", file=printable(file))
        + "\n"
        "# " + tr("Check every entry against its sentence, delete or fix what is wrong, then:") + "\n"
        "#   ictgoals import THIS-FILE.toml\n"
    )
    if source is None:
        out.write("# " + tr("Give each entry its source (or run extract with --source ID).") + "\n")
    drafted: dict[tuple[str, str, str, int | None, str | None], float] = {}
    for c in candidates:
        entry: dict[str, Any] = {"indicator": c.indicator or "?"}
        if c.kind == "target":
            if c.years is not None:
                entry["years"] = list(c.years)
            else:
                entry["year"] = c.year
            entry["op"] = c.op
            if c.op == "between" and c.high is not None:
                entry["value"] = [number(c.value), number(c.high)]
            else:
                entry["value"] = number(c.value)
        elif c.period is not None:
            entry["period"] = list(c.period)  # a figure for a span: the span instead of one year
            entry["basis"] = c.basis
            entry["value"] = number(c.value)
        else:
            entry["year"] = c.year
            entry["value"] = number(c.value)
        if c.region != NATIONAL:
            entry["region"] = c.region
        if source is not None:
            entry["source"] = source
        entry["printed"] = c.printed
        if c.kind == "actual" and c.estimate:
            entry["estimate"] = True
        if c.kind == "actual" and c.change is not None:
            entry["change"] = number(c.change.value)
            entry["change_unit"] = c.change.unit
            entry["change_from"] = c.change.from_year
            entry["printed_change"] = c.change.printed
        sure = c.indicator is not None and c.match >= SURE and c.year is not None
        sure = sure and (c.period is None or c.basis is not None)  # a span's figure: a total or a yearly average?
        clash = None
        if c.kind == "target" and c.indicator is not None:
            key = (c.indicator, region_key(c.region), c.year, c.op)
            wanted = (c.value, c.high) if c.op == "between" else c.value
            if key in declared and declared[key] != wanted:
                clash = declared[key]
        if c.kind == "actual" and c.indicator is not None and source is not None and c.year is not None:
            earlier = recorded.get((c.indicator, region_key(c.region), c.year, source))
            if earlier is not None and earlier != c.value:
                clash = earlier  # the same source already gave another figure: import would refuse it
        if sure and clash is None and c.indicator is not None:
            own = (c.kind, c.indicator, c.region, c.year, c.op)
            if own in drafted and drafted[own] != c.value:
                clash = drafted[own]  # two figures for one indicator and year: at most one is right
            drafted.setdefault(own, c.value)
        out.write("\n")
        out.write(f"# {tr('line')} {c.line}: {json.dumps(printable(c.sentence), ensure_ascii=False)}\n")
        match = tr("no indicator matched") if c.indicator is None else f"{c.indicator} ({c.match:.2f})"
        out.write(f"# {tr('match')}: {match}; {tr('unit')}: {c.unit}\n")
        for warning in c.warnings:
            out.write(f"# {tr('warning')}: {printable(warning)}\n")
        header = f"[[{'targets' if c.kind == 'target' else 'actuals'}]]"
        lines = [header, *_toml_lines(entry)]
        if clash is not None:
            out.write(
                "# "
                + tr(
                    "{value} is already given for this indicator and year: check which is right",
                    value=json.dumps(clash),
                )
                + "\n"
            )
            lines = ["# " + line for line in lines]
        elif not sure:
            out.write("# " + tr("unsure: uncomment once the indicator and year are right") + "\n")
            if c.indicator is None:
                stanza = {"name": "?", "name_vi": c.name, "unit": c.unit}
                lines = ["[indicators.new_indicator_id]", *_toml_lines(stanza), *lines]
            lines = ["# " + line for line in lines]
        out.write("\n".join(lines) + "\n")


def render(
    candidates: Sequence[Candidate],
    fmt: ExtractFormat,
    out: TextIO,
    *,
    width: int | None,
    source: str | None,
    file: str,
    dataset: Dataset | None,
) -> None:
    """Write the candidates in the chosen form: one exhaustive `match`, as for every other output."""
    match fmt:
        case ExtractFormat.TABLE:
            write_table(candidates, out, width)
        case ExtractFormat.JSON:
            write_json(candidates, out)
        case ExtractFormat.TOML:
            write_toml(candidates, out, source=source, file=file, dataset=dataset)
        case _:
            unreachable(fmt)
