"""`values.Value` gives a frozen dataclass exactly the equality, hash and repr dataclass would generate."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import ictgoals
from ictgoals.values import Value


@dataclass(frozen=True)
class Generated:
    name: str
    value: float | None = None
    note: str = field(default="", compare=False)
    hidden: tuple[int, ...] = field(default=(), repr=False)
    loose: int = field(default=0, compare=False, hash=True)


@dataclass(frozen=True, eq=False, repr=False)
class Written(Value):
    name: str
    value: float | None = None
    note: str = field(default="", compare=False)
    hidden: tuple[int, ...] = field(default=(), repr=False)
    loose: int = field(default=0, compare=False, hash=True)


@dataclass(frozen=True, eq=False, repr=False)
class One(Value):
    only: str


@dataclass(frozen=True, eq=False, repr=False)
class Empty(Value):
    pass


@dataclass(frozen=True, eq=False, repr=False)
class Child(Written):
    extra: int = 0


FIELDS = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["a", "b", "Trà Vinh"]),
        "value": st.none() | st.sampled_from([0.0, -0.0, 1.5, float("nan")]),
        "note": st.sampled_from(["", "x"]),
        "hidden": st.sampled_from([(), (1,), (1, 2)]),
        "loose": st.integers(0, 2),
    }
)


@given(FIELDS, FIELDS)
def test_equality_hash_and_repr_are_dataclasses_own(a: dict[str, Any], b: dict[str, Any]) -> None:
    generated_a, generated_b = Generated(**a), Generated(**b)
    written_a, written_b = Written(**a), Written(**b)
    assert (written_a == written_b) is (generated_a == generated_b)
    assert (written_a != written_b) is (generated_a != generated_b)
    assert (written_a == written_a) is (generated_a == generated_a)  # nan: a tuple holding the same object
    assert hash(written_a) == hash(generated_a)  # the same tuple of the same fields
    assert repr(written_a) == repr(generated_a).replace("Generated(", "Written(", 1)


def test_another_class_is_never_equal_and_one_field_or_none_still_work() -> None:
    assert Written("a") != Generated("a")
    assert Written("a") != Child("a")  # dataclass compares only objects of the very same class
    assert Child("a", extra=1) == Child("a", extra=1) != Child("a", extra=2)
    assert repr(Child("a")) == "Child(name='a', value=None, note='', loose=0, extra=0)"
    assert One("x") == One("x") != One("y")
    assert hash(One("x")) == hash(One("x"))
    assert repr(One("x")) == "One(only='x')"
    assert Empty() == Empty()
    assert hash(Empty()) == hash(Empty())
    assert repr(Empty()) == "Empty()"
    assert {Written("a", note="one"), Written("a", note="two")} == {Written("a")}  # note is not compared


def test_every_value_type_of_the_package_uses_the_shared_methods() -> None:
    """A value type whose decorator forgot `eq=False, repr=False` would compile its own again at start-up."""
    for module in pkgutil.walk_packages(ictgoals.__path__, "ictgoals."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)
    checked = 0
    pending: list[type] = [Value]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls is Value or not cls.__module__.startswith("ictgoals."):
            continue
        assert dataclasses.is_dataclass(cls), cls
        assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        assert cls.__eq__ is Value.__eq__, cls
        assert cls.__hash__ is Value.__hash__, cls
        if "__repr__" not in vars(cls):  # a shorter repr of its own is allowed; a generated one is not
            assert cls.__repr__ is Value.__repr__, cls
        checked += 1
    assert checked >= 30
