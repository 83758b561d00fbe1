"""The commands that write data: record, import, target and init; options in, one call to the API, a line said."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ictgoals import i18n
from ictgoals.api import writing as api
from ictgoals.api.files import files
from ictgoals.cli.shared import (
    NUMBERS_AS_ARGUMENTS,
    ActualsOpt,
    AllowConflictOpt,
    DryRunOpt,
    FigureArg,
    FigureYearArg,
    PrintedFigureOpt,
    RegionOpt,
    TargetsOpt,
    WaitOpt,
    YearArg,
    app,
    say,
    translates_errors,
)
from ictgoals.model import NATIONAL
from ictgoals.output.formats import utf8
from ictgoals.writing.inputs import text_fields
from ictgoals.writing.session import Written

ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force", help="Record a figure even if it is 20 times off the indicator's recent figures (checked first)."
    ),
]
TargetForceOpt = Annotated[
    bool,
    typer.Option(
        "--force", help="Declare the target even if it is 20 times off the indicator's recent figures (checked first)."
    ),
]


def _show_dry_run(written: Written) -> None:
    """A dry run prints the TOML that would have been appended."""
    if written.dry_run:
        with utf8(sys.stdout) as out:  # TOML, in UTF-8 whatever the locale
            out.write(written.text)


@app.command(context_settings=NUMBERS_AS_ARGUMENTS)
@translates_errors
def record(
    indicator: Annotated[str, typer.Argument(help="Indicator id.", show_default=False)],
    year: FigureYearArg,
    source: Annotated[str, typer.Option("--source", help="Source id (declare a new one with --source-title).")],
    value: FigureArg = None,
    region: RegionOpt = NATIONAL,
    printed: PrintedFigureOpt = None,
    estimate: Annotated[bool, typer.Option("--estimate", help="The source gives an estimate (ước đạt).")] = False,
    change: Annotated[str | None, typer.Option("--change", help="Change on an earlier year, as stated.")] = None,
    change_unit: Annotated[str | None, typer.Option("--change-unit", help='"%", "pp" or "places".')] = None,
    change_from: Annotated[
        int | None, typer.Option("--change-from", help="Year of that change (default: YEAR-1).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Free-text note.")] = None,
    source_title: Annotated[
        str | None, typer.Option("--source-title", help="Declare --source as a new source.")
    ] = None,
    source_date: Annotated[
        str | None, typer.Option("--source-date", help="Publication date of the new source.")
    ] = None,
    allow_conflict: AllowConflictOpt = False,
    force: ForceOpt = False,
    wait: WaitOpt = None,
    dry_run: DryRunOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
) -> None:
    """Record one reported figure in actuals.toml."""
    fields = text_fields(
        indicator=indicator,
        year=year,
        value=value,
        source=source,
        printed=printed,
        estimate=estimate,
        change=change,
        change_unit=change_unit,
        change_from=change_from,
        note=note,
        region=region,
    )
    written = api.record(
        files(targets, actuals),
        fields,
        source_title=source_title,
        source_date=source_date,
        allow_conflict=allow_conflict,
        dry_run=dry_run,
        force=force,
        wait=wait,
        notify=say,
    )
    _show_dry_run(written)
    if written.plan.skipped:
        say(
            i18n.tr(
                "already recorded: {indicator} ({region}, {year}) from '{source}'; nothing written.",
                indicator=indicator,
                region=region,
                year=year,
                source=source,
            )
        )
    elif not dry_run:
        say(
            i18n.tr(
                "recorded {indicator} ({region}, {year}) in {path}.",
                indicator=indicator,
                region=region,
                year=year,
                path=written.path,
            )
        )


@app.command(name="import")
@translates_errors
def import_(
    file: Annotated[
        str,
        typer.Argument(
            help="CSV, JSON or .xlsx file of figures, or a reviewed extract draft (.toml); - for stdin.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="csv, json, xlsx or toml (default: from the file name; csv for -).",
            show_default=False,
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="xlsx: the sheet to read (default: the first visible one).", show_default=False),
    ] = None,
    strict_columns: Annotated[
        bool,
        typer.Option(
            "--strict-columns",
            help="Refuse columns that are not fields of a figure (default: ignore them, with a note).",
        ),
    ] = False,
    allow_conflict: AllowConflictOpt = False,
    force: ForceOpt = False,
    wait: WaitOpt = None,
    dry_run: DryRunOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
) -> None:
    """Record many figures at once from CSV (, or ;), JSON, .xlsx or a reviewed extract draft: all or none."""
    written = api.import_file(
        files(targets, actuals),
        file,
        fmt,
        stdin=sys.stdin,
        sheet=sheet,
        strict_columns=strict_columns,
        allow_conflict=allow_conflict,
        dry_run=dry_run,
        force=force,
        wait=wait,
        notify=say,
    )
    _show_dry_run(written)
    counts = {"entries": len(written.plan.entries), "path": written.path, "skipped": written.plan.skipped}
    if dry_run:
        say(i18n.tr("would import {entries} figure(s) into {path}; skipped {skipped} already recorded.", **counts))
    else:
        say(i18n.tr("imported {entries} figure(s) into {path}; skipped {skipped} already recorded.", **counts))


@app.command(context_settings=NUMBERS_AS_ARGUMENTS)
@translates_errors
def target(
    indicator: Annotated[str, typer.Argument(help="Indicator id.", show_default=False)],
    year: YearArg,
    values: Annotated[
        list[str] | None,
        typer.Argument(
            help="The value; two values (low high) for --op between; none for --op maintain.", show_default=False
        ),
    ] = None,
    op: Annotated[str, typer.Option("--op", help='">=", "<=", "between" or "maintain".')] = ">=",
    source: Annotated[str, typer.Option("--source", help="Source id (declared in targets.toml).")] = "",
    region: RegionOpt = NATIONAL,
    printed: Annotated[str | None, typer.Option("--printed", help="The target as the source prints it.")] = None,
    baseline_year: Annotated[
        int | None, typer.Option("--baseline-year", help="Year progress is measured from.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Free-text note.")] = None,
    force: TargetForceOpt = False,
    wait: WaitOpt = None,
    dry_run: DryRunOpt = False,
    targets: TargetsOpt = None,
    actuals: ActualsOpt = None,
) -> None:
    """Declare one target in targets.toml."""
    fields = text_fields(
        indicator=indicator,
        year=year,
        op=op,
        source=source,
        printed=printed,
        note=note,
        baseline_year=baseline_year,
        region=region,
    )
    written = api.declare_target(
        files(targets, actuals), fields, values or [], dry_run=dry_run, force=force, wait=wait, notify=say
    )
    _show_dry_run(written)
    if written.plan.skipped:
        say(
            i18n.tr(
                "already declared: {indicator} ({region}, {year}, {op}); nothing written.",
                indicator=indicator,
                region=region,
                year=year,
                op=op,
            )
        )
    elif not dry_run:
        say(i18n.tr("declared the target in {path}.", path=written.path))


@app.command()
@translates_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Where to put targets.toml and actuals.toml.")] = Path(),
    force: Annotated[
        bool, typer.Option("--force", help="Replace files that exist, saving each first beside it as a dated backup.")
    ] = False,
    wait: WaitOpt = None,
) -> None:
    """Copy the bundled dataset to DIRECTORY, to edit and record into."""
    api.init(directory, force=force, wait=wait, notify=say)
    say(
        i18n.tr(
            "copied the bundled targets.toml and actuals.toml to {directory}; run ictgoals from there to use them.",
            directory=directory,
        )
    )
