"""The results of `diff`, `validate` and `show`, kept apart so `status` does not pay to define them."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ictgoals.model import Actual, Indicator, Point, Reading, StatedChange, StatusRow


@dataclass(frozen=True, eq=False)
class DiffRow:
    """One indicator's value in a year against an earlier year."""

    indicator: Indicator
    region: str
    before: Reading | None
    before_derived: bool
    after: Reading
    change: float | None
    change_pct: float | None
    improved: bool | None
    stated: StatedChange | None
    stated_agrees: bool | None


@dataclass(frozen=True, eq=False)
class DiffReport:
    """What changed between two years, and the targets due in the later one."""

    year: int
    against: int
    region: str
    rows: tuple[DiffRow, ...]
    targets: tuple[StatusRow, ...]


class Severity(enum.StrEnum):
    """Whether a finding makes the data unusable or only suspicious."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, eq=False)
class Finding:
    """A problem `validate` reports, with where it was found."""

    severity: Severity
    code: str
    message: str
    file: str | None = None
    line: int | None = None
    indicator: str | None = None
    year: int | None = None


@dataclass(frozen=True, eq=False)
class IndicatorView:
    """One indicator's history in a region, the figures used, and its targets' status."""

    indicator: Indicator
    region: str
    actuals: tuple[Actual, ...]
    readings: tuple[Reading, ...]
    derived: tuple[Point, ...]
    targets: tuple[StatusRow, ...]
    absorbed: tuple[Actual, ...] = ()  # figures of the former provinces this one was formed from: shown, never used
