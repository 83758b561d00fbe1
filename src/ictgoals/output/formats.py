"""The output formats every reporting command offers, and what the human formats know about the run."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NoReturn


class Format(enum.StrEnum):
    """The output formats every reporting command offers."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


def unreachable(value: NoReturn) -> NoReturn:
    """The end of an exhaustive `match` on Format: a new format fails type checking until handled."""
    raise AssertionError(f"unhandled format {value!r}")


@dataclass(frozen=True, eq=False)
class Context:
    """What the human-facing formats say about the run: the files used, and the terminal."""

    targets_file: str = ""
    actuals_file: str = ""
    width: int | None = None
    color: bool | None = None
