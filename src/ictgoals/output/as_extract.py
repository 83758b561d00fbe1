"""What `extract` found, for review: JSON records, a terminal table with the printed part marked, a TOML draft.

Each sentence is written once: the JSON has a `sentences` table the candidates point into, the draft
comments a sentence above its first entry only, and the table shows a window around the printed part.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

import tomli_w

from ictgoals.analysis.records import Record, number
from ictgoals.extraction.candidates import stated_bound
from ictgoals.i18n import pt, tr
from ictgoals.localize import fixed
from ictgoals.model import NATIONAL, Dataset, region_key
from ictgoals.output import as_json
from ictgoals.output.as_table import console, fitted, trimmed
from ictgoals.output.formats import Context, ExtractFormat, unreachable
from ictgoals.output.safe import printable, toml_text
from ictgoals.output.text import short_name

if TYPE_CHECKING:
    from ictgoals.extraction.candidates import Candidate

#: Below this match an entry is proposed commented out in the TOML draft, as if it had no indicator.
SURE = 0.5
#: How much of a sentence the table shows on each side of the printed part.
AROUND = 120


def notes_of(candidates: Sequence[Candidate]) -> tuple[str, ...]:
    """The notes `extract` left on its result (a limit that cut the reading short), if any."""
    notes = getattr(candidates, "notes", ())
    return tuple(str(note) for note in notes)


def _sentence_start(c: Candidate) -> int:
    return c.start - c.offset


def sentences_of(candidates: Sequence[Candidate]) -> tuple[list[Record], list[int]]:
    """Each sentence that holds a candidate, once (text, offsets, line), and each candidate's index into them."""
    table: list[Record] = []
    where: dict[int, int] = {}
    indexes: list[int] = []
    for c in candidates:
        start = _sentence_start(c)
        if start not in where:
            where[start] = len(table)
            table.append({"text": c.sentence, "start": start, "end": start + len(c.sentence), "line": c.line})
        indexes.append(where[start])
    return table, indexes


def record(candidate: Candidate, sentence_index: int | None = None) -> Record:
    """One candidate as a JSON-ready record (docs/extract.md lists the fields); its sentence is by index."""
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
        "sentence_index": sentence_index,
        "offset": c.offset,
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
    table, indexes = sentences_of(candidates)
    document = {
        "candidates": [record(c, i) for c, i in zip(candidates, indexes, strict=True)],
        "sentences": table,
        "notes": list(notes_of(candidates)),
    }
    as_json.write(document, out)


def window(c: Candidate) -> tuple[str, str, str]:
    """The words before the printed part, the printed part and the words after it, at most AROUND each side."""
    before, after = c.sentence[: c.offset], c.sentence[c.offset + len(c.printed) :]
    before = before if len(before) <= AROUND else "…" + before[-AROUND:]
    after = after if len(after) <= AROUND else after[:AROUND] + "…"
    return before, c.printed, after


def write_table(candidates: Sequence[Candidate], out: TextIO, width: int | None, dataset: Dataset | None) -> None:
    """The candidates for a person to review: each indicator by its short name in the run's language, with how
    well the sentence matched it (the draft and JSON name it by id)."""
    trimmed(out, Context(width=width), lambda stream: _table(candidates, stream, width, dataset))


def _table(candidates: Sequence[Candidate], out: TextIO, width: int | None, dataset: Dataset | None) -> None:
    from rich.text import Text

    printer = console(out, Context(width=width))
    cells: list[list[str | Text]] = []
    for c in candidates:
        before, printed, after = window(c)
        sentence = Text(printable(before))
        sentence.append(printable(printed), style="bold reverse")
        sentence.append(printable(after))
        shown = "—" if c.indicator is None else f"{_indicator_name(c.indicator, dataset)} ({fixed(c.match, 2)})"
        cells.append([pt("kind", c.kind), shown, "" if c.year is None else str(c.year), c.printed, sentence])
    headers = [tr("Kind"), tr("Indicator"), tr("Year"), tr("Printed"), tr("Sentence")]
    title = tr("{count} candidates: review each against its sentence", count=len(candidates))
    caption = [printable(note) for note in notes_of(candidates)]
    for part in fitted(printer.width, [title], headers, cells, caption):  # the sentence is never left out
        printer.print(part)


def _indicator_name(indicator_id: str, dataset: Dataset | None) -> str:
    found = None if dataset is None else dataset.indicators.get(indicator_id)
    return indicator_id if found is None else short_name(found)


def _toml_lines(entry: dict[str, Any]) -> list[str]:
    return toml_text(tomli_w.dumps({k: v for k, v in entry.items() if v is not None})).splitlines()


def _entry(c: Candidate, source: str | None) -> dict[str, Any]:
    """The [[targets]] or [[actuals]] entry a candidate proposes."""
    entry: dict[str, Any] = {"indicator": c.indicator or "?"}
    if c.kind == "target":
        if c.years is not None:
            entry["years"] = list(c.years)
        else:
            entry["year"] = c.year
        entry["op"] = c.op
        both = c.op == "between" and c.high is not None
        entry["value"] = [number(c.value), number(c.high)] if both else number(c.value)
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
    if c.kind == "actual" and (bound := stated_bound(c)):
        entry["printed"], qualifier = bound  # "hơn 148 tỷ USD": known to be more than 148, and stored so
        entry["qualifier"] = qualifier.value
    if c.kind == "actual" and c.estimate:
        entry["estimate"] = True
    if c.kind == "actual" and c.change is not None:
        entry["change"] = number(c.change.value)
        entry["change_unit"] = c.change.unit
        entry["change_from"] = c.change.from_year
        entry["printed_change"] = c.change.printed
    return entry


@dataclass
class _Clashes:
    """What the data and the draft already say, to comment out an entry import would refuse."""

    source: str | None
    declared: dict[tuple[str, str, int, str], object] = field(default_factory=dict)
    recorded: dict[tuple[str, str, int, str], float] = field(default_factory=dict)
    drafted: dict[tuple[str, str, str, int | None, str | None], float] = field(default_factory=dict)

    @classmethod
    def of(cls, dataset: Dataset | None, source: str | None) -> _Clashes:
        clashes = cls(source)
        if dataset is not None:
            clashes.declared = {
                (t.indicator, region_key(t.region), t.year, t.op.value): t.value for t in dataset.targets
            }
            clashes.recorded = {(a.indicator, region_key(a.region), a.year, a.source): a.value for a in dataset.actuals}
        return clashes

    def clash(self, c: Candidate, sure: bool) -> object | None:
        """The value this entry would clash with (a declared target, this source's figure, or one drafted above)."""
        if c.indicator is None:
            return None
        if c.kind == "target" and c.year is not None and c.op is not None:
            wanted = (c.value, c.high) if c.op == "between" else c.value
            declared = self.declared.get((c.indicator, region_key(c.region), c.year, c.op))
            if declared is not None and declared != wanted:
                return declared
        if c.kind == "actual" and self.source is not None and c.year is not None:
            earlier = self.recorded.get((c.indicator, region_key(c.region), c.year, self.source))
            if earlier is not None and earlier != c.value:
                return earlier  # the same source already gave another figure: import would refuse it
        if sure:
            own = (c.kind, c.indicator, c.region, c.year, c.op)
            if own in self.drafted and self.drafted[own] != c.value:
                return self.drafted[own]  # two figures for one indicator and year: at most one is right
            self.drafted.setdefault(own, c.value)
        return None


def _header(out: TextIO, file: str, source: str | None, notes: Sequence[str]) -> None:
    out.write(
        "# " + tr("A draft from {file} by `ictgoals extract`: nothing here is in the data yet.", file=printable(file))
    )
    out.write("\n# " + tr("Check every entry against its sentence, delete or fix what is wrong, then:") + "\n")
    out.write("#   ictgoals import THIS-FILE.toml\n")
    if source is None:
        out.write("# " + tr("Give each entry its source (or run extract with --source ID).") + "\n")
    for note in notes:
        out.write(f"# {tr('note')}: {printable(note)}\n")


def _lines(c: Candidate, entry: dict[str, Any], clash: object | None, sure: bool, out: TextIO) -> list[str]:
    """The entry's TOML lines, commented out when it clashes or is unsure (with the comment that says why)."""
    lines = [f"[[{'targets' if c.kind == 'target' else 'actuals'}]]", *_toml_lines(entry)]
    if clash is not None:
        message = tr(
            "{value} is already given for this indicator and year: check which is right", value=json.dumps(clash)
        )
        out.write(f"# {message}\n")
        return ["# " + line for line in lines]
    if not sure:
        out.write("# " + tr("unsure: uncomment once the indicator and year are right") + "\n")
        if c.indicator is None:
            stanza = {"name": "?", "name_vi": c.name, "unit": c.unit}
            lines = ["[indicators.new_indicator_id]", *_toml_lines(stanza), *lines]
        return ["# " + line for line in lines]
    return lines


def _source_stub(out: TextIO, source: str, date: str | None) -> None:
    """The [sources.ID] table of a source the data does not declare yet, with what is unknown left to fill in
    (before importing, or later in targets.toml: the draft's table still matches it then)."""
    out.write(
        "\n# " + tr("{source} is not a source of the data yet: give its title (and URL), then import.", source=source)
    )
    out.write("\n" + tomli_w.dumps({"sources": {source: {}}}))
    out.write('# title = "…"\n# url = "…"\n')
    # The report's date (--date): a TOML date when it is a whole one, else "YYYY" or "YYYY-MM" as text.
    published = date if date is not None and len(date) == len("YYYY-MM-DD") else json.dumps(date)
    out.write(f"published = {published}\n" if date else "# published = YYYY-MM-DD\n")


def write_toml(
    candidates: Sequence[Candidate],
    out: TextIO,
    *,
    source: str | None,
    file: str,
    dataset: Dataset | None = None,
    date: str | None = None,
) -> None:
    """A draft of [[actuals]] and [[targets]] entries, each under its sentence (written once, above the first
    entry it holds); unsure ones commented out, and so is an entry that import would refuse as a clash."""
    clashes = _Clashes.of(dataset, source)
    _header(out, file, source, notes_of(candidates))
    if source is not None and (dataset is None or source not in dataset.sources):
        _source_stub(out, source, date)
    shown: set[int] = set()
    for c in candidates:
        sure = c.indicator is not None and c.match >= SURE and c.year is not None
        sure = sure and (c.period is None or c.basis is not None)  # a span's figure: a total or a yearly average?
        clash = clashes.clash(c, sure)
        out.write("\n")
        if _sentence_start(c) in shown:
            out.write(f"# {tr('line')} {c.line}: {json.dumps(printable(c.printed), ensure_ascii=False)}\n")
        else:
            shown.add(_sentence_start(c))
            out.write(f"# {tr('line')} {c.line}: {json.dumps(printable(c.sentence), ensure_ascii=False)}\n")
        match = tr("no indicator matched") if c.indicator is None else f"{c.indicator} ({c.match:.2f})"
        out.write(f"# {tr('match')}: {match}; {tr('unit')}: {c.unit}\n")
        for warning in c.warnings:
            out.write(f"# {tr('warning')}: {printable(warning)}\n")
        out.write("\n".join(_lines(c, _entry(c, source), clash, sure, out)) + "\n")


def render(
    candidates: Sequence[Candidate],
    fmt: ExtractFormat,
    out: TextIO,
    *,
    width: int | None,
    source: str | None,
    file: str,
    dataset: Dataset | None,
    date: str | None = None,
) -> None:
    """Write the candidates in the chosen form: one exhaustive `match`, as for every other output."""
    match fmt:
        case ExtractFormat.TABLE:
            write_table(candidates, out, width, dataset)
        case ExtractFormat.JSON:
            write_json(candidates, out)
        case ExtractFormat.TOML:
            write_toml(candidates, out, source=source, file=file, dataset=dataset, date=date)
        case _:
            unreachable(fmt)
