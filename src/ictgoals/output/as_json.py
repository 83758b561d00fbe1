"""The JSON renderer: one document, deterministic, UTF-8 as written but never a raw control character, never NaN.

The text is exactly `json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)`, but written by
`dumps` below: Python's encoder falls back to its pure-Python code whenever it indents, and that was most
of the time of a large `status`. Here each string is escaped by the C function the standard encoder uses
(`encode_basestring`), and the structure is laid out in one pass (tests/test_formats.py compares the two on
generated documents).
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring  # the C function, where the interpreter has it
from typing import Any, TextIO

from ictgoals.output.safe import json_text


def write(document: Any, out: TextIO) -> None:
    out.write(json_text(dumps(document)))
    out.write("\n")


def dumps(document: Any) -> str:
    """`json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)`, the same text, quicker."""
    parts: list[str] = []
    try:
        _put(document, parts, "\n")
    except _UnusualError:  # a key that is not text, or a type of its own: the standard encoder says what to do
        return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return "".join(parts)


class _UnusualError(Exception):
    """Something `_put` leaves to the standard encoder."""


def _put(value: Any, parts: list[str], newline: str) -> None:
    kind = type(value)
    if kind is str:
        parts.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            parts.append("{}")
            return
        inner, opening = newline + "  ", "{"
        for key, item in value.items():
            if type(key) is not str:
                raise _UnusualError
            parts.append(f"{opening}{inner}{encode_basestring(key)}: ")
            opening = ","
            _put(item, parts, inner)
        parts.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner, opening = newline + "  ", "["
        for item in value:
            parts.append(opening + inner)
            opening = ","
            _put(item, parts, inner)
        parts.append(newline + "]")
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif kind is int:
        parts.append(int.__repr__(value))
    elif kind is float:
        if not math.isfinite(value):
            raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
        parts.append(float.__repr__(value))
    else:
        raise _UnusualError
