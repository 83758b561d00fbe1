"""Value types: the `repr`, equality and hash a frozen dataclass has, written once for every class.

`dataclass(frozen=True)` compiles an `__eq__`, a `__hash__` and a `__repr__` for each class when
its module is imported: about 0.2 ms a class, on every run, for each of the dozen value types
a `status` imports (bench/README.md, "Start-up"). A value type is declared
`@dataclass(frozen=True, eq=False, repr=False)` and derives from `Value`, which gives it the same
three methods, built from the class's fields the first time they are used:

- equal when the other object is of the same class and every field with `compare=True` is equal;
- a hash of those fields (or of the fields with `hash=True`, as dataclass does), so equal values
  hash alike;
- `ClassName(field=value, ...)` over the fields with `repr=True`.

A class may define its own `__repr__` (a shorter one) and keeps it. None defines `__eq__`, which
would leave it without a hash, as Python does to any class that defines only that, and every one
is frozen, so a hash by field is safe; tests/test_values.py checks both for every value type. As
no value type can contain itself, the repr has no guard against recursion.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from typing import Any

__all__ = ["Value"]

_Key = Callable[[Any], Any]


class Value:
    """A frozen dataclass's value semantics: equality and hash by field, and a readable repr."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = _keys(self.__class__)[0]
        return bool(key(self) == key(other))

    def __hash__(self) -> int:
        return hash(_keys(self.__class__)[1](self))

    def __repr__(self) -> str:
        shown = _keys(self.__class__)[2]
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"


#: Per class: what equality compares, what the hash covers, and the names the repr shows.
_KEYS: dict[type, tuple[_Key, _Key, tuple[str, ...]]] = {}


def _keys(cls: type) -> tuple[_Key, _Key, tuple[str, ...]]:
    found = _KEYS.get(cls)
    if found is None:
        fields = dataclasses.fields(cls)
        compared = tuple(f.name for f in fields if f.compare)
        hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
        found = _KEYS[cls] = (_getter(compared), _getter(hashed), tuple(f.name for f in fields if f.repr))
    return found


def _getter(names: tuple[str, ...]) -> _Key:
    """The fields `names` of an object as one tuple (C speed, as fast as the code dataclass writes)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:  # attrgetter of one name gives the value itself, not a tuple
        get = operator.attrgetter(names[0])
        return lambda value: (get(value),)
    return operator.attrgetter(*names)
