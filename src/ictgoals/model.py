"""The domain as frozen dataclasses: sources, indicators, targets, actuals, and the dataset that holds them."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

from ictgoals.i18n import tr
from ictgoals.values import Value

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


class Qualifier(enum.StrEnum):
    """A word that makes a printed figure a bound or an approximation ("hơn 148": more than 148)."""

    MORE_THAN = "more-than"  # hơn, trên, vượt, more than, over, above: the figure is beyond its value
    AT_LEAST = "at-least"  # tối thiểu, ít nhất, trở lên, at least: the value or beyond
    LESS_THAN = "less-than"  # dưới, less than, under, below: short of its value
    AT_MOST = "at-most"  # tối đa, không quá, trở xuống, at most: the value or short of it
    NEARLY = "nearly"  # gần, nearly, almost: short of its value, close to it
    ABOUT = "about"  # khoảng, xấp xỉ, about, around: close to its value, either side

    @property
    def symbol(self) -> str:
        """How tables show it before the figure: "> 148", "≈ 165"."""
        return _QUALIFIER_SYMBOLS[self]


#: The words that state each qualifier before a printed number (`numbers` reads them, accents optional).
#: The units whose figures are whole numbers.
WHOLE_UNITS = frozenset({"count", "rank", "group"})
QUALIFIER_WORDS: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.MORE_THAN: ("hơn", "trên", "vượt", "more than", "over", "above", "exceeding"),
    Qualifier.AT_LEAST: ("tối thiểu", "ít nhất", "at least", "no less than"),
    Qualifier.LESS_THAN: ("dưới", "less than", "under", "below", "fewer than"),
    Qualifier.AT_MOST: ("tối đa", "không quá", "at most", "no more than"),
    Qualifier.NEARLY: ("gần", "nearly", "almost"),
    Qualifier.ABOUT: ("khoảng", "xấp xỉ", "chừng", "about", "around", "approximately", "roughly"),
}
#: The words that state one after it ("80% trở lên": 80% or more).
QUALIFIER_WORDS_AFTER: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.AT_LEAST: ("trở lên", "or more", "and above"),
    Qualifier.AT_MOST: ("trở xuống", "or less", "and below"),
}


def may_state(text: str, qualifiers: Iterable[Qualifier] = tuple(Qualifier)) -> bool:
    """Whether `text` holds a word that states one of `qualifiers`, written with accents or, in text typed
    without any, without them: a cheap test before reading a print (false positives are read and dropped)."""
    lowered = text.casefold()
    for qualifier in qualifiers:
        for word in (*QUALIFIER_WORDS.get(qualifier, ()), *QUALIFIER_WORDS_AFTER.get(qualifier, ())):
            if word in lowered or (lowered.isascii() and region_key(word) in lowered):
                return True
    return False


_QUALIFIER_SYMBOLS = {
    Qualifier.MORE_THAN: ">",
    Qualifier.AT_LEAST: "≥",
    Qualifier.LESS_THAN: "<",
    Qualifier.AT_MOST: "≤",
    Qualifier.NEARLY: "<",
    Qualifier.ABOUT: "≈",
}


class Territory(enum.StrEnum):
    """Which unit a figure of a province whose territory changed on 1 July 2025, under the same name, is for."""

    FORMER = "former"  # the province as it was before (Vĩnh Long without Bến Tre and Trà Vinh)
    CURRENT = "current"  # the province as it is from 1 July 2025


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


@dataclass(frozen=True, eq=False, repr=False)
class Location(Value):
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


@dataclass(frozen=True, eq=False, repr=False)
class Source(Value):
    """A document that reports figures or declares targets."""

    id: str
    title: str = ""
    outlet: str = ""
    region: str = ""
    published: str = ""
    conference: str = ""
    document: str = ""
    url: str = ""  # where the report was read
    note: str = ""
    issuer: str = ""  # the body whose report it is: "Bộ Thông tin và Truyền thông" until 1 March 2025

    @property
    def recency(self) -> str:
        """Sortable ISO-like date: publication date, else the conference date."""
        return self.published or self.conference


@dataclass(frozen=True, eq=False, repr=False)
class Indicator(Value):
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

    @property
    def is_whole(self) -> bool:
        """Whether its figures are whole numbers: counts, ranks and groups (a projection of 18.53 is rank 19)."""
        return self.unit in WHOLE_UNITS


@dataclass(frozen=True, eq=False, repr=False)
class StatedChange(Value):
    """A change on an earlier year as the source states it: `value` may be a range."""

    value: float | tuple[float, float]
    unit: ChangeUnit
    from_year: int
    printed: str = ""


@dataclass(frozen=True, eq=False, repr=False)
class Target(Value):
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
    approximate: bool = False  # printed "khoảng" (about): met within a band (its tolerance, else 1% of the value)
    restated: str = ""  # the same target as the source also prints it in another unit ("4.200.000 tỷ đồng")
    territory: Territory | None = None  # for a province whose territory changed: which unit (default: by year)
    location: Location = field(default=Location("?"), compare=False)

    def due_in(self, year: int) -> bool:
        """Whether the target is due in `year`: its year, or any year of its span."""
        return self.year == year if self.span is None else self.span[0] <= year <= self.span[1]


@dataclass(frozen=True, eq=False, repr=False)
class Actual(Value):
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
    qualifier: Qualifier | None = None  # "hơn 148": the figure is more than its value (read from the print)
    territory: Territory | None = None  # for a province whose territory changed: which unit (default: by year)
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

    def by_year(self, key: GroupKey) -> tuple[Mapping[int, tuple[Actual, ...]], tuple[Actual, ...]]:
        """The figures of one (indicator, folded region): those of each year (file order within it), and those for
        a period of years. A store that builds figures on demand builds a year's when it is first asked for."""
        years: dict[int, list[Actual]] = {}
        periods = []
        for actual in self.group(key):
            if actual.period is None:
                years.setdefault(actual.year, []).append(actual)
            else:
                periods.append(actual)
        return {year: tuple(found) for year, found in years.items()}, tuple(periods)

    def keys(self) -> Iterable[GroupKey]:
        """Every (indicator, folded region) that has figures."""
        return self._grouped().keys()

    def regions(self) -> frozenset[str]:
        """Every region named by a figure, as written."""
        return frozenset(a.region for a in self._actuals)

    def build_all(self) -> None:
        """Have every figure built now, a group at a time: for a reader of all of them that then asks year by year,
        which a store that builds on demand would otherwise answer a year at a time."""
        self._everything()

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
