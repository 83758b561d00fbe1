"""The domain as frozen dataclasses: sources, indicators, targets, actuals, and the dataset that holds them."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from ictgoals.i18n import tr

NATIONAL = "VN"
#: The region name that asks for every region at once (`--region all`).
ALL_REGIONS = "all"


class Op(enum.StrEnum):
    """How a target compares the actual with its value."""

    AT_LEAST = ">="
    AT_MOST = "<="
    MORE_THAN = ">"
    LESS_THAN = "<"
    BETWEEN = "between"
    MAINTAIN = "maintain"

    @property
    def upward(self) -> bool:
        """Whether the target is a floor to reach or pass (>=, >)."""
        return self is Op.AT_LEAST or self is Op.MORE_THAN

    @property
    def downward(self) -> bool:
        """Whether the target is a ceiling to stay at or under (<=, <)."""
        return self is Op.AT_MOST or self is Op.LESS_THAN


class Better(enum.StrEnum):
    """Which direction of an indicator is good."""

    HIGHER = "higher"
    LOWER = "lower"
    NEUTRAL = "neutral"  # neither: changes are reported, never called better or worse, and no target is set

    @property
    def sign(self) -> int:
        """+1 when a rise is good (or, for neutral, counted as it is), −1 when a fall is."""
        return -1 if self is Better.LOWER else 1


class ChangeUnit(enum.StrEnum):
    """How a stated change on an earlier year is expressed."""

    PERCENT = "%"
    POINTS = "pp"
    PLACES = "places"


class Status(enum.StrEnum):
    """Where a target stands; the progress statuses follow docs/methodology.md."""

    MET = "met"
    MISSED = "missed"
    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    OFF_TRACK = "off-track"
    REGRESSING = "regressing"
    NO_TREND = "no-trend"
    NO_DATA = "no-data"


def entry_label(table: str, number: int) -> str:
    """The label of the `number`th [[table]] entry, as locations keep it (and the cache stores it): a key that
    `Location` says in the run's language, never English text in a Vietnamese message."""
    return f"{table} entry #{number}"


_ENTRY_LABEL = re.compile(r"(\w+) entry #(\d+)")


@dataclass(frozen=True)
class Location:
    """Where an entry was written: a file and, when known, a line and an entry label."""

    file: str
    line: int | None = None
    entry: str = ""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if not self.entry:
            return where
        found = _ENTRY_LABEL.fullmatch(self.entry)
        label = tr("{table} entry #{number}", table=found[1], number=found[2]) if found else self.entry
        return f"{where} ({label})"


@dataclass(frozen=True)
class Source:
    """A document that reports figures or declares targets."""

    id: str
    title: str = ""
    outlet: str = ""
    region: str = ""
    published: str = ""
    conference: str = ""
    document: str = ""
    url: str = ""  # where the report was read

    @property
    def recency(self) -> str:
        """Sortable ISO-like date: publication date, else the conference date."""
        return self.published or self.conference


@dataclass(frozen=True)
class Indicator:
    """Something measured, in one unit, with a direction that counts as better."""

    id: str
    name: str
    unit: str
    better: Better
    name_vi: str = ""
    area: str = ""
    note: str = ""
    range: tuple[float, float] | None = None  # the values a figure may take, when not the unit's own
    aliases: tuple[str, ...] = ()  # other names the press uses for it (`extract` matches on them)
    name_short: str = ""  # for tables and charts, where the full name would wrap over lines
    name_vi_short: str = ""
    noun: str = ""  # what a count counts: "59,000 enterprises", not "59,000 units"
    noun_vi: str = ""

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_rank(self) -> bool:
        return self.unit == "rank"


@dataclass(frozen=True)
class StatedChange:
    """A change on an earlier year as the source states it: `value` may be a range."""

    value: float | tuple[float, float]
    unit: ChangeUnit
    from_year: int
    printed: str = ""


@dataclass(frozen=True)
class Target:
    """A declared goal for one indicator, region and year."""

    indicator: str
    year: int
    op: Op
    value: float | tuple[float, float] | None
    sources: tuple[str, ...]
    region: str = NATIONAL
    baseline_year: int | None = None
    printed: str = ""
    note: str = ""
    change: StatedChange | None = None
    from_value: float | None = None
    tolerance: float | None = None  # in the indicator's unit: "khoảng 165" is met from 165 - tolerance
    span: tuple[int, int] | None = None  # a target for every year from the first to the last (`year` is the last)
    location: Location = field(default=Location("?"), compare=False)

    def due_in(self, year: int) -> bool:
        """Whether the target is due in `year`: its year, or any year of its span."""
        return self.year == year if self.span is None else self.span[0] <= year <= self.span[1]


@dataclass(frozen=True)
class Actual:
    """A reported figure for one indicator, region and year."""

    indicator: str
    year: int
    value: float
    source: str
    region: str = NATIONAL
    printed: str = ""
    estimate: bool = False
    change: StatedChange | None = None
    note: str = ""
    period: tuple[int, int] | None = None  # a figure for a span of years (`year` is the last): never one year's
    basis: str = ""  # for a period figure: "average" (per year) or "total" (over the span)
    location: Location = field(default=Location("?"), compare=False)


class Basis(enum.StrEnum):
    """What a figure for a span of years is: a yearly average, or the total over the span."""

    AVERAGE = "average"
    TOTAL = "total"


GroupKey = tuple[str, str]


class Figures(Sequence[Actual]):
    """A dataset's actuals in file order, also reachable by indicator and folded region.

    The grouping is built on first use. A store that keeps the figures in another form (the
    cache keeps them grouped, built group by group) subclasses this and overrides `group`,
    `keys`, `regions` and `_everything`; nothing else needs to know.
    """

    def __init__(self, actuals: Iterable[Actual] = ()) -> None:
        self._actuals = tuple(actuals)
        self._groups: dict[GroupKey, list[Actual]] | None = None

    def _grouped(self) -> dict[GroupKey, list[Actual]]:
        if self._groups is None:
            groups: dict[GroupKey, list[Actual]] = {}
            for actual in self._actuals:
                groups.setdefault((actual.indicator, region_key(actual.region)), []).append(actual)
            self._groups = groups
        return self._groups

    def group(self, key: GroupKey) -> Sequence[Actual]:
        """The figures of one (indicator, folded region), in file order."""
        return self._grouped().get(key, ())

    def keys(self) -> Iterable[GroupKey]:
        """Every (indicator, folded region) that has figures."""
        return self._grouped().keys()

    def regions(self) -> frozenset[str]:
        """Every region named by a figure, as written."""
        return frozenset(a.region for a in self._actuals)

    def _everything(self) -> tuple[Actual, ...]:
        return self._actuals

    def __len__(self) -> int:
        return len(self._everything())

    @overload
    def __getitem__(self, index: int) -> Actual: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Actual]: ...
    def __getitem__(self, index: int | slice) -> Actual | Sequence[Actual]:
        return self._everything()[index]

    def __iter__(self) -> Iterator[Actual]:
        return iter(self._everything())


@dataclass(frozen=True, eq=False, repr=False)  # no repr: defining one costs start-up
class Dataset:
    """Everything loaded from one targets file and one actuals file."""

    sources: dict[str, Source]
    indicators: dict[str, Indicator]
    targets: tuple[Target, ...]
    actuals: Figures
    targets_file: str = ""
    actuals_file: str = ""

    def __repr__(self) -> str:  # a summary: the whole dataset would fill a notebook
        return (
            f"Dataset(targets_file={self.targets_file!r}, actuals_file={self.actuals_file!r}, "
            f"indicators={len(self.indicators)}, targets={len(self.targets)}, actuals={len(self.actuals)}, "
            f"sources={len(self.sources)})"
        )

    def regions(self) -> list[str]:
        """Every region named in the data, as written, in a fixed order (never the hash seed's)."""
        seen = {NATIONAL}
        seen.update(t.region for t in self.targets)
        seen.update(self.actuals.regions())
        return sorted(seen, key=lambda name: (region_key(name), name))


def target_key(target: Target) -> tuple[str, str, int, Op]:
    """What makes two targets the same target: indicator, region (folded), year and op."""
    return (target.indicator, region_key(target.region), target.year, target.op)


@functools.lru_cache(maxsize=4096)
def region_key(name: str) -> str:
    """Fold a region name for matching: case, Vietnamese diacritics and spacing ignored."""
    if name.isascii():  # "VN" and most names typed on the command line: no need to load unicodedata
        return " ".join(name.casefold().split())
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
