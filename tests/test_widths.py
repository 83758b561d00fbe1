"""Every command's table at 60, 80, 100, 120 and 200 columns: it keeps the column the command exists for,
never splits a number from its unit, never runs past the width, and leaves no trailing spaces."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS, REPO
from ictgoals.cli import application

app = application()
DATA = ("--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS))
WIDTHS = [60, 80, 100, 120, 200]

#: Each command, and the column it exists for (header in English; a card shows it as "Header: value").
COMMANDS = {
    "status": (("status", "2025"), "Pace"),
    "status all": (("status", "2025", "--region", "all"), "Pace"),
    "diff": (("diff", "2024"), "Change"),
    "show": (("show", "dossiers"), "Value"),
    "validate": (("validate",), "Message"),
    "indicators": (("indicators",), "Name"),
    "regions": (("regions",), "Merged into"),
    # an invented report (tests/assets/extract): the sentence is what each candidate is checked against
    "extract": (("extract", str(REPO / "tests" / "assets" / "extract" / "round1" / "m01_vi.txt")), "Sentence"),
}


def table(args: tuple[str, ...], width: int, lang: str = "en") -> str:
    extra = DATA if args[0] != "regions" else ()
    result = CliRunner().invoke(app, ["--lang", lang, *args, *extra], env={"COLUMNS": str(width)})
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def unit_display(value: float, unit: str) -> str:
    """How the test data's figures read in English, worked out here (not by the code under test)."""
    number = f"{value:,.2f}".rstrip("0").rstrip(".")
    return {"%": f"{number}%", "rank": f"#{number}"}.get(unit, f"{number} {unit}")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_line_is_wider_than_the_width_or_ends_in_a_space(name: str, width: int, lang: str) -> None:
    text = table(COMMANDS[name][0], width, lang)
    assert text.strip()
    for line in text.splitlines():
        assert line == line.rstrip(), repr(line)
        assert cell_len(line) <= width or " " not in line, repr(line)  # only an id longer than the width


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_command_keeps_its_own_column(name: str, width: int) -> None:
    args, column = COMMANDS[name]
    text = table(args, width)
    assert f"Left out to fit the width: {column}" not in text
    assert not any(f", {column}" in line for line in text.splitlines() if line.startswith("Left out"))
    lines = text.splitlines()
    as_header = any(column in line for line in lines if not line.strip().startswith(f"{column}:"))
    in_cards = any(line.strip().startswith(f"{column}:") for line in lines)
    assert in_cards if width < 90 else (as_header or in_cards), text  # a table's header, or each card's field


@pytest.mark.parametrize("width", WIDTHS)
def test_a_figure_never_parts_from_its_unit(width: int) -> None:
    rows = json.loads(CliRunner().invoke(app, ["status", "2025", "--format", "json", *DATA]).stdout)["rows"]
    text = table(("status", "2025", "--all"), width)
    for row in rows:
        if row["actual"] is not None:
            shown = unit_display(row["actual"], row["unit"])
            assert any(shown in line for line in text.splitlines()), (shown, text)
        if row["op"] in (">=", ">") and row["target"] is not None and row["unit"] != "rank":
            shown = unit_display(row["target"], row["unit"])
            assert any(shown in line for line in text.splitlines()), (shown, text)


def test_below_ninety_columns_every_command_shows_cards() -> None:
    for name, (args, column) in COMMANDS.items():
        text = table(args, 80)
        assert "───" not in text, name  # no table rule: cards
        assert any(line.strip().startswith(f"{column}:") for line in text.splitlines()), name
