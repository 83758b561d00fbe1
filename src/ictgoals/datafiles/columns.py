"""The entries of a file's array kept compactly: grouped by shape, a column per key, equal strings shared.

A parsed entry is a dict with its own copy of every key and string: about 800 bytes for a plain
figure, 800 MB for a million. Kept as columns (a list per key of the entries that have the same
keys in the same order), with equal texts and whole numbers stored once, the same entries take a
small fraction of that, and a whole column can be checked at once (`fastpath.Shortcut`). Read back
one at a time, an entry is a dict equal to the one the parser gave: same keys in the same order,
values of the same types.
"""

from __future__ import annotations

import operator
from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import Any, overload


class Shape:
    """The entries that have the same keys in the same order: their positions, and a column per key."""

    __slots__ = ("by_key", "columns", "keys", "positions")

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys
        self.positions: list[int] = []
        self.columns: list[list[Any]] = [[] for _ in keys]
        self.by_key: dict[str, list[Any]] = dict(zip(keys, self.columns, strict=True))

    def column(self, key: str) -> list[Any] | None:
        """The values of `key` (None when entries of this shape do not have it)."""
        return self.by_key.get(key)

    def entry(self, row: int) -> dict[str, Any]:
        """The entry at `row` of this shape, as the parser gave it."""
        return dict(zip(self.keys, [column[row] for column in self.columns], strict=True))


class Entries(Sequence[Any]):
    """The entries of an array in file order, stored by shape; anything that is not a table is kept as it is."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self.shapes: list[Shape] = []
        self._shapes: dict[tuple[str, ...], int] = {}
        self._loose: dict[int, Any] = {}  # not a table: only an inline array can hold one
        self._shape_of = array("I")  # by position: the shape, and the row in it
        self._row_of = array("I")
        self._texts: dict[str, str] = {}
        self._numbers: dict[int, int] = {}
        self.extend(list(items))

    def extend(self, items: list[Any]) -> None:
        """Add `items` after the entries already here (each parsed piece of a file in turn)."""
        start = len(self._shape_of)
        grouped: dict[tuple[str, ...], list[int]] = {}
        for offset, item in enumerate(items):
            if type(item) is dict:
                grouped.setdefault(tuple(item), []).append(offset)
            else:
                self._loose[start + offset] = item
        shape_of, row_of = [0] * len(items), [0] * len(items)
        for keys, offsets in grouped.items():
            number = self._shapes.get(keys)
            if number is None:
                number = self._shapes[keys] = len(self.shapes)
                self.shapes.append(Shape(keys))
            shape = self.shapes[number]
            first = len(shape.positions)
            shape.positions += [start + offset for offset in offsets]
            self._add(shape, [items[offset] for offset in offsets])
            # Without a Python-level loop: each offset gets its shape, and its row in the shape.
            deque(map(shape_of.__setitem__, offsets, repeat(number)), maxlen=0)
            deque(map(row_of.__setitem__, offsets, range(first, first + len(offsets))), maxlen=0)
        self._shape_of.extend(shape_of)
        self._row_of.extend(row_of)

    def _add(self, shape: Shape, tables: list[dict[str, Any]]) -> None:
        for key, column in zip(shape.keys, shape.columns, strict=True):
            values = list(map(operator.itemgetter(key), tables))
            kinds = set(map(type, values))
            # Equal texts, and equal whole numbers, stored once. Only a column of one type: 1, 1.0 and
            # True are equal keys of a dict, and -0.0 equals 0.0, so mixed columns and floats are kept.
            if kinds == {str}:
                values = list(map(self._texts.setdefault, values, values))
            elif kinds == {int}:
                values = list(map(self._numbers.setdefault, values, values))
            column += values

    def places(self) -> tuple[Sequence[int], Sequence[int]]:
        """For each position, the number of the shape of the table there (in `shapes`) and its row in that
        shape; meaningless at a loose item."""
        return self._shape_of, self._row_of

    def loose(self) -> list[int]:
        """The positions of the items that are not tables."""
        return sorted(self._loose)

    def __len__(self) -> int:
        return len(self._shape_of)

    @overload
    def __getitem__(self, position: int) -> Any: ...
    @overload
    def __getitem__(self, position: slice) -> list[Any]: ...
    def __getitem__(self, position: int | slice) -> Any:
        if isinstance(position, slice):
            return [self[p] for p in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        if position in self._loose:
            return self._loose[position]
        return self.shapes[self._shape_of[position]].entry(self._row_of[position])

    def __iter__(self) -> Iterator[Any]:
        return map(self.__getitem__, range(len(self)))


def compact(items: Sequence[Any]) -> Entries:
    """`items` as Entries (the same object when it already is)."""
    return items if isinstance(items, Entries) else Entries(items)
