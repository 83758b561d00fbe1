"""The typed Python API that the command line is one client of: choose the files, load, analyse, record.

Every function raises only `ictgoals.errors` exceptions for bad input, never `SystemExit`,
and prints nothing: presenting results, warnings and notices is the caller's job.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ictgoals.errors import UsageError
from ictgoals.i18n import tr
from ictgoals.model import NATIONAL, Dataset, StatusReport

if TYPE_CHECKING:
    import datetime as dt

    from ictgoals.analysis.report import Report, TargetSection
    from ictgoals.analysis.results import DiffReport, Finding, IndicatorView
    from ictgoals.datafiles.paths import DataFiles
    from ictgoals.output.formats import ReportFormat
    from ictgoals.regions import Region
    from ictgoals.writing.inputs import Row
    from ictgoals.writing.lock import Notify
    from ictgoals.writing.session import Written

#: The environment variable that turns the parsed-data cache off ("1", or anything but "" and "0").
ENV_NO_CACHE = "ICTGOALS_NO_CACHE"
COMMAND_LINE = "the command line"


# ---------------------------------------------------------------- reading


def files(targets: Path | None = None, actuals: Path | None = None) -> DataFiles:
    """The two data files: each from its argument, else $ICTGOALS_TARGETS / $ICTGOALS_ACTUALS, else ./, else bundled."""
    from ictgoals.datafiles.paths import choose

    return choose(targets, actuals)


def cache_wanted(no_cache: bool = False, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to use the parsed-data cache: not when asked not to, here or by $ICTGOALS_NO_CACHE."""
    return not no_cache and environ.get(ENV_NO_CACHE, "") in ("", "0")


def load_files(chosen: DataFiles, *, cache: bool = True) -> Dataset:
    """Load and check the chosen files, through the cache when `cache` is true."""
    targets, actuals = chosen.targets.path, chosen.actuals.path

    def parse(texts: Mapping[Path, str] | None = None) -> Dataset:
        from ictgoals.datafiles import loader  # only when the cache cannot serve: the checks cost start-up

        return loader.load(targets, actuals, texts=texts)

    if not cache:
        return parse()
    from ictgoals.datafiles import cache as parsed

    return parsed.load(targets, actuals, parse)


def load(targets: Path | None = None, actuals: Path | None = None, *, cache: bool = True) -> Dataset:
    """Load the data files chosen as on the command line."""
    return load_files(files(targets, actuals), cache=cache)


# ---------------------------------------------------------------- analysis


def region(dataset: Dataset, wanted: str) -> str:
    """The region as the data spells it (case and accents ignored); UsageError when nothing is known of it."""
    from ictgoals.analysis.index import canonical_region

    found = canonical_region(dataset, wanted)  # the data's own regions first: no catalogue to load for them
    if found is not None:
        return found
    from ictgoals.regions import canonical, did_you_mean

    found = canonical(wanted)
    if found is None:
        hint = did_you_mean(wanted)
        raise UsageError(
            tr(
                '--region "{wanted}": not a province (before or after 1 July 2025) nor a region the data uses.',
                wanted=wanted,
            )
            + (" " + hint if hint else "")
            + " "
            + tr("`ictgoals regions` lists the provinces.")
        )
    return found


def region_note(name: str) -> str | None:
    """For a province that merged into another (or was renamed), a sentence saying which succeeded it."""
    if name == NATIONAL:
        return None
    from ictgoals.regions import former

    gone = former(name)
    if gone is None or gone.merged_into == gone.name:
        return None
    return tr(
        "{name} became part of {successor} on {since}; its figures stay under its own name "
        '(ask for --region "{successor}" for the province that succeeded it).',
        name=gone.name,
        successor=gone.merged_into,
        since=gone.since,
    )


def status(dataset: Dataset, year: int, region_name: str = NATIONAL) -> StatusReport:
    """Every target due in `year`, against the region's latest figures."""
    from ictgoals.analysis import status as compute

    return compute.status(dataset, year, region(dataset, region_name))


def diff(dataset: Dataset, year: int, against: int | None = None, region_name: str = NATIONAL) -> DiffReport:
    """Each figure of `year` against `against` (default: the year before), and the targets due in `year`."""
    from ictgoals.analysis import diff as compare

    base = comparison_year(year, against)
    return compare.diff(dataset, year, base, region(dataset, region_name))


def comparison_year(year: int, against: int | None = None) -> int:
    """The year `diff` compares `year` with: `against`, which must be earlier, else the year before."""
    base = year - 1 if against is None else against
    if base >= year:
        raise UsageError(tr("--against {base} must be earlier than {year}.", base=base, year=year))
    return base


def validate(dataset: Dataset) -> list[Finding]:
    """Warnings about data that loads but disagrees with itself."""
    from ictgoals.analysis import checks

    return checks.validate(dataset)


def show(dataset: Dataset, indicator: str, region_name: str = NATIONAL) -> IndicatorView:
    """One indicator's history, sources and targets in a region."""
    if indicator not in dataset.indicators:
        import difflib

        close = difflib.get_close_matches(indicator, list(dataset.indicators), n=3)
        hint = (
            tr("Did you mean: {names}?", names=", ".join(close))
            if close
            else tr("Run `ictgoals indicators` to list them.")
        )
        raise UsageError(
            tr("unknown indicator '{indicator}' in {file}.", indicator=indicator, file=dataset.targets_file)
            + " "
            + hint
        )
    from ictgoals.analysis import view

    return view.show(dataset, indicator, region(dataset, region_name))


def regions() -> tuple[Region, ...]:
    """The region catalogue: the nation, the 34 provinces from 1 July 2025 and the 63 before."""
    from ictgoals.regions import catalogue

    return catalogue()


# ---------------------------------------------------------------- writing


def record(
    chosen: DataFiles,
    fields: Mapping[str, str | None],
    *,
    source_title: str | None = None,
    source_date: str | None = None,
    allow_conflict: bool = False,
    dry_run: bool = False,
    wait: float | None = None,
    notify: Notify | None = None,
) -> Written:
    """Append one figure, given as text fields (Vietnamese number forms allowed), to the actuals file."""
    from ictgoals.datafiles import schema
    from ictgoals.writing import inputs, plans
    from ictgoals.writing.session import Writer

    writer = Writer(chosen, schema.ACTUALS)
    if not fields.get("value") and not fields.get("printed"):
        raise UsageError("give the figure (VALUE) or the figure as printed (--printed), or both.")
    source = fields.get("source") or ""
    if source_title is None:
        if source_date is not None:
            raise UsageError("--source-date goes with --source-title, which declares a new source.")
        new_sources: dict[str, Row] = {}
    else:
        new_sources = {source: plans.source_table(source_title, source_date)}
    row = inputs.typed(fields, COMMAND_LINE)
    return writer.write(
        lambda data: plans.plan_actuals(
            data, [(COMMAND_LINE, row)], allow_conflict=allow_conflict, new_sources=new_sources
        ),
        dry_run=dry_run,
        wait=wait,
        notify=notify,
    )


def import_file(
    chosen: DataFiles,
    file: str,
    fmt: str | None = None,
    *,
    stdin: TextIO | None = None,
    allow_conflict: bool = False,
    dry_run: bool = False,
    wait: float | None = None,
    notify: Notify | None = None,
) -> Written:
    """Append every figure of a CSV or JSON file (`-`: `stdin`), or none if any row is bad."""
    from ictgoals.datafiles import schema
    from ictgoals.writing import inputs, plans
    from ictgoals.writing.session import Writer

    kind = (fmt or ("json" if file.lower().endswith(".json") else "csv")).lower()
    if kind not in ("csv", "json"):
        raise UsageError(tr("--format {format}: import reads csv or json.", format=fmt))
    if file == "-":
        name, text = "stdin", inputs.read_stream(sys.stdin if stdin is None else stdin)
    else:
        name, text = file, inputs.read_file(Path(file))
    rows = inputs.read_rows(text, kind, name)
    writer = Writer(chosen, schema.ACTUALS)
    return writer.write(
        lambda data: plans.plan_actuals(data, rows, allow_conflict=allow_conflict, new_sources={}),
        dry_run=dry_run,
        wait=wait,
        notify=notify,
    )


def declare_target(
    chosen: DataFiles,
    fields: Mapping[str, str | None],
    values: Sequence[str],
    *,
    dry_run: bool = False,
    wait: float | None = None,
    notify: Notify | None = None,
) -> Written:
    """Append one target, given as text fields and zero, one or two values, to the targets file."""
    from ictgoals.datafiles import schema
    from ictgoals.writing import inputs, plans
    from ictgoals.writing.session import Writer

    row = inputs.typed(fields, COMMAND_LINE)
    numbers = [inputs.typed({"value": v}, COMMAND_LINE)["value"] for v in values]
    if len(numbers) == 1:
        row["value"] = numbers[0]
    elif len(numbers) > 1:
        row["value"] = numbers
    writer = Writer(chosen, schema.TARGETS)
    return writer.write(
        lambda data: plans.plan_target(data, row, COMMAND_LINE), dry_run=dry_run, wait=wait, notify=notify
    )


def init(directory: Path, *, force: bool = False, wait: float | None = None, notify: Notify | None = None) -> None:
    """Copy the bundled dataset to `directory`, to edit and record into."""
    from ictgoals.writing import session

    session.init(directory, force=force, wait=wait, notify=notify)


def report(dataset: Dataset, year: int, region_name: str = NATIONAL) -> Report:
    """What a shareable report on the targets due in `year` in a region says."""
    from ictgoals.analysis.report import report as compute

    return compute(dataset, year, region(dataset, region_name))


def write_report(
    content: Report, fmt: ReportFormat, output: Path | None, out: TextIO, made: dt.date | None = None
) -> Path | None:
    """Write the report: HTML to `output` (a file) or to `out`; Markdown into the directory `output`,
    with the charts as SVG files beside it. Files are replaced atomically. Returns what was written."""
    import datetime
    import io

    from ictgoals.output import charts
    from ictgoals.output.formats import ReportFormat, unreachable
    from ictgoals.writing.append import write_file

    charts.available()  # before anything is written: without the extra, say how to install it
    made = made or datetime.date.today()
    match fmt:
        case ReportFormat.HTML:
            from ictgoals.output import as_html

            buffer = io.StringIO()
            drawn = charts.draw_all(content.sections, inline=True)
            by_section = {id(section): svg for section, svg in zip(content.sections, drawn, strict=True)}
            as_html.write(content, buffer, lambda section: by_section[id(section)], charts.key(inline=True), made)
            if output is None:
                out.write(buffer.getvalue())
                return None
            write_file(output, buffer.getvalue())
            return output
        case ReportFormat.MARKDOWN:
            from ictgoals.output import report_markdown

            if output is None:
                raise UsageError(tr("--format markdown writes a directory: give it with -o DIR."))
            (output / "charts").mkdir(parents=True, exist_ok=True)
            pictures = charts.draw_all(content.sections, inline=False)

            def chart_file(number: int, section: TargetSection) -> str | None:
                svg = pictures[number - 1]
                if svg is None:
                    return None
                write_file(output / "charts" / f"target-{number}.svg", svg)
                return f"charts/target-{number}.svg"

            write_file(output / "charts" / "key.svg", charts.key(inline=False))
            buffer = io.StringIO()
            report_markdown.write(content, buffer, chart_file, "charts/key.svg", made)
            write_file(output / "report.md", buffer.getvalue())
            return output / "report.md"
        case _:
            unreachable(fmt)
    return None
