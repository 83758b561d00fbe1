"""The output formats every reporting command offers, and what the human formats know about the run."""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NoReturn, TextIO


class Format(enum.StrEnum):
    """The output formats every reporting command offers."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


def unreachable(value: NoReturn) -> NoReturn:
    """The end of an exhaustive `match` on Format: a new format fails type checking until handled."""
    raise AssertionError(f"unhandled format {value!r}")


@dataclass(frozen=True, eq=False, repr=False)  # no repr: defining one costs start-up
class Context:
    """What the human-facing formats say about the run: the files used, and the terminal."""

    targets_file: str = ""
    actuals_file: str = ""
    width: int | None = None
    color: bool | None = None

    @classmethod
    def for_stream(
        cls, out: TextIO, targets_file: str, actuals_file: str, environ: Mapping[str, str] = os.environ
    ) -> Context:
        """A terminal's own width; when `out` is not a terminal, $COLUMNS if it is a sensible number, else 120."""
        if out.isatty():
            return cls(targets_file, actuals_file)
        setting = environ.get("COLUMNS", "")
        width = int(setting) if setting.isdigit() and 20 <= int(setting) <= 1000 else 120
        return cls(targets_file, actuals_file, width=width)
