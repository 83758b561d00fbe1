"""Figures kept by group and built on first use: how the loader and the cache hand over a large dataset's actuals."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence

from ictgoals.model import Actual, Figures, GroupKey

#: Actuals numbered by their position in the file, so figures rebuilt group by group keep file order.
Numbered = tuple[tuple[int, Actual], ...]


class LazyFigures(Figures):
    """Figures kept by indicator and folded region, each group built only when first used.

    A large dataset read back from the cache arrives like this, so a command that needs a few
    groups does not build a hundred thousand objects. Iterating builds them all, in file order.
    """

    def __init__(self, builders: Mapping[GroupKey, Callable[[], Numbered]], regions: frozenset[str]) -> None:
        super().__init__()
        self._builders = builders
        self._built: dict[GroupKey, Numbered] = {}
        self._all: tuple[Actual, ...] | None = None
        self._regions = regions

    def _numbered(self, key: GroupKey) -> Numbered:
        found = self._built.get(key)
        if found is None:
            builder = self._builders.get(key)
            found = () if builder is None else builder()
            self._built[key] = found
        return found

    def group(self, key: GroupKey) -> Sequence[Actual]:
        return tuple(map(operator.itemgetter(1), self._numbered(key)))

    def keys(self) -> Iterable[GroupKey]:
        return self._builders.keys()

    def regions(self) -> frozenset[str]:
        return self._regions

    def _everything(self) -> tuple[Actual, ...]:
        if self._all is None:
            numbered = [pair for key in self._builders for pair in self._numbered(key)]
            numbered.sort(key=operator.itemgetter(0))
            self._all = tuple(map(operator.itemgetter(1), numbered))
        return self._all
