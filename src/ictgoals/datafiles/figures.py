"""Figures kept by group and built on first use: how the loader and the cache hand over a large dataset's actuals."""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Protocol

from ictgoals.model import Actual, Figures, GroupKey

#: Actuals numbered by their position in the file, so figures rebuilt group by group keep file order.
Numbered = tuple[tuple[int, Actual], ...]
#: One group's figures before they are built: (position in the file, year, whether it is for a period of years).
Members = Sequence[tuple[int, int, bool]]


class Group(Protocol):
    """One group's figures as a store keeps them: what they are, without building them, and built."""

    def members(self) -> Members:
        """Each figure's position, year and whether it is for a period, in file order."""

    def build(self, positions: Collection[int] | None = None) -> Numbered:
        """The figures at `positions` (all of them with None), numbered, in file order."""


class LazyFigures(Figures):
    """Figures kept by indicator and folded region, each group built only when first used, a year at a time when
    asked for by year.

    A large dataset read back from the cache arrives like this, so a command that needs a few
    groups does not build a hundred thousand objects, and `status`, which looks at a few years of
    each, builds those. Iterating builds them all, in file order.
    """

    def __init__(self, groups: Mapping[GroupKey, Group], regions: frozenset[str]) -> None:
        super().__init__()
        self._stored = groups
        self._built: dict[GroupKey, Numbered] = {}
        #: Figures built a year at a time, by position, until their whole group is built: each figure is built
        #: once, however it is asked for (`validate` asks by year, then for everything).
        self._some: dict[GroupKey, dict[int, Actual]] = {}
        self._all: tuple[Actual, ...] | None = None
        self._regions = regions

    def _numbered(self, key: GroupKey) -> Numbered:
        found = self._built.get(key)
        if found is None:
            group = self._stored.get(key)
            some = self._some.pop(key, None)
            if group is None:
                found = ()
            elif not some:
                found = group.build()
            else:
                missing = [position for position, _, _ in group.members() if position not in some]
                if missing:
                    some.update(group.build(missing))
                found = tuple(sorted(some.items(), key=operator.itemgetter(0)))  # file order
            self._built[key] = found
        return found

    def _at(self, key: GroupKey, group: Group, positions: Sequence[int]) -> tuple[Actual, ...]:
        """The figures of `key` at `positions`, in file order, each built once whichever way it is asked for."""
        whole = self._built.get(key)
        if whole is not None:
            wanted = set(positions)
            return tuple(actual for position, actual in whole if position in wanted)
        some = self._some.setdefault(key, {})
        missing = [position for position in positions if position not in some]
        if missing:
            some.update(group.build(missing))
        return tuple(some[position] for position in sorted(positions))  # a group's members come shape by shape

    def group(self, key: GroupKey) -> Sequence[Actual]:
        return tuple(map(operator.itemgetter(1), self._numbered(key)))

    def by_year(self, key: GroupKey) -> tuple[Mapping[int, tuple[Actual, ...]], tuple[Actual, ...]]:
        group = self._stored.get(key)
        if group is None or key in self._built:  # nothing to save: sort what is there
            return super().by_year(key)
        years: dict[int, list[int]] = {}
        periods: list[int] = []
        for position, year, period in group.members():
            (periods if period else years.setdefault(year, [])).append(position)
        built = self._at(key, group, periods) if periods else ()
        return _Years(lambda positions: self._at(key, group, positions), years), built

    def keys(self) -> Iterable[GroupKey]:
        return self._stored.keys()

    def regions(self) -> frozenset[str]:
        return self._regions

    def _everything(self) -> tuple[Actual, ...]:
        if self._all is None:
            numbered = [pair for key in self._stored for pair in self._numbered(key)]
            numbered.sort(key=operator.itemgetter(0))
            self._all = tuple(map(operator.itemgetter(1), numbered))
        return self._all


class _Years(Mapping[int, tuple[Actual, ...]]):
    """A group's figures by year, each year's built when first asked for (by `build`, given its positions)."""

    __slots__ = ("_build", "_built", "_positions")

    def __init__(self, build: Callable[[Sequence[int]], tuple[Actual, ...]], positions: dict[int, list[int]]) -> None:
        self._build = build
        self._positions = positions
        self._built: dict[int, tuple[Actual, ...]] = {}

    def __getitem__(self, year: int) -> tuple[Actual, ...]:
        found = self._built.get(year)
        if found is None:
            found = self._built[year] = self._build(self._positions[year])
        return found

    def __contains__(self, year: object) -> bool:
        return year in self._positions

    def __iter__(self) -> Iterator[int]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)
