"""The options and arguments that several commands share, declared once for Typer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ictgoals.output.formats import Format

TargetsOpt = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        help="targets.toml to read (default: $ICTGOALS_TARGETS, ./targets.toml, or the bundled copy)",
        show_default=False,
    ),
]
ActualsOpt = Annotated[
    Path | None,
    typer.Option(
        "--actuals",
        help="actuals.toml to read (default: $ICTGOALS_ACTUALS, ./actuals.toml, or the bundled copy)",
        show_default=False,
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
RegionOpt = Annotated[
    str,
    typer.Option(
        "--region", "-r", help='Region: "VN" (national) or a province, e.g. "Trà Vinh"; case and accents ignored.'
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Do not use or write the parsed-data cache (also: ICTGOALS_NO_CACHE=1).")
]
YearArg = Annotated[
    int, typer.Argument(min=1900, max=2100, metavar="YEAR", help="Target year, e.g. 2025.", show_default=False)
]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Print the TOML that would be appended; change nothing.")]
AllowConflictOpt = Annotated[
    bool, typer.Option("--allow-conflict", help="Keep a figure even if the same source already gave another value.")
]
WaitOpt = Annotated[
    float | None,
    typer.Option(
        "--wait",
        min=0,
        metavar="SECONDS",
        help="How long to wait for another writer of the same file (default 30); then exit 2.",
        show_default=False,
    ),
]

#: A figure such as -3,2 is an argument, not an unknown option "-3" (a misspelt option then is an extra argument).
NUMBERS_AS_ARGUMENTS = {"ignore_unknown_options": True}
FigureArg = Annotated[
    str | None,
    typer.Argument(
        help="The figure: 45,8 or 45.8, 3.744.214, -3,2, 45,8%; or leave it out and give --printed.", show_default=False
    ),
]
PrintedFigureOpt = Annotated[
    str | None,
    typer.Option("--printed", help='The figure as printed, e.g. "hơn 71.000 tỷ đồng"; gives VALUE if left out.'),
]
