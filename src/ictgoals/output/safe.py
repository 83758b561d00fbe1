"""Text from data made safe for its reader: control characters shown escaped, spreadsheet formulas defused.

A name, a note or a path in a data file is data, never instructions: it must not move the
cursor or recolour a terminal (ESC sequences), break a one-line message (newlines), reorder
what is shown (bidirectional overrides), or run as a formula in a spreadsheet.
"""

from __future__ import annotations

import re

#: C0 and C1 control characters, DEL, line and paragraph separators, bidirectional marks and overrides, and
#: lone surrogates (how Python keeps bytes of a file name that are not UTF-8).
_UNSAFE = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
# Patterns as text: `re` compiles and caches each on first use, so start-up pays nothing for them.
_CONTROL = f"[\x00-\x1f{_UNSAFE}]"
#: The same, except tab, line feed and carriage return, which a quoted CSV cell may hold as data.
_CONTROL_IN_CSV = f"[\x00-\x08\x0b\x0c\x0e-\x1f{_UNSAFE}]"
#: What JSON text may not show raw (json.dumps already escapes C0 controls itself).
_UNSAFE_IN_JSON = f"[{_UNSAFE}]"
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = r"-?\d+(\.\d+)?"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` on one line, every control character shown as an escape such as `\\x1b` or `\\n`."""
    return text if text.isprintable() else re.sub(_CONTROL, _escape, text)


def json_text(document: str) -> str:
    """JSON text with C1 controls, separators, bidirectional overrides and lone surrogates as \\u escapes."""
    if document.isascii():
        return document
    return re.sub(_UNSAFE_IN_JSON, lambda m: f"\\u{ord(m.group()):04x}", document)


def toml_text(document: str) -> str:
    """TOML text with the same characters as `json_text` written as \\u escapes, which TOML strings read too."""
    return json_text(document)


def csv_text(text: str) -> str:
    """A text cell for CSV: control characters escaped (tab and newlines kept), and a formula defused.

    A cell that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, as
    OWASP recommends, so Excel and LibreOffice show it as text; a plain number such as `-3.2`
    is left as it is.
    """
    text = re.sub(_CONTROL_IN_CSV, _escape, text)
    if text.startswith(FORMULA_STARTS) and not re.fullmatch(_PLAIN_NUMBER, text):
        return "'" + text
    return text
