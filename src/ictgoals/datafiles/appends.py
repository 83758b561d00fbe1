"""When an actuals file is its cached text plus new entries: the rules that let the cache read the tail alone.

Entries read from the tail alone must mean exactly what they mean read with the whole file.
TOML ties the two texts together in a few ways: a key before the tail's first header belongs to
the old text's last table; `[[actuals]]` extends an array only if the old text made it one with
such headers; a `[sources.ID]` table may not be declared twice. So the old text qualifies only
in the plain shape that ictgoals writes (`extendable`), the tail only if it holds nothing but
`[[actuals]]` entries and `[sources.ID]` tables (`plain_tail`), and anything else is left to a
whole load. These are text tests, deliberately strict: when in doubt, the file is read again.
"""

from __future__ import annotations

import re

#: A line defining `actuals` or `sources` by a key rather than by headers (inline, static or dotted).
_DEFINES = re.compile(r"""^[ \t]*["']?(?:actuals|sources)["']?[ \t]*[.=]""", re.MULTILINE)
#: The headers a tail may hold, alone on their line.
_HEADER = re.compile(
    r"""[ \t]*(?:\[\[[ \t]*actuals[ \t]*\]\]|\[[ \t]*sources[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\\]*")[ \t]*\])"""
    r"""[ \t]*(?:#.*)?"""
)
_MULTILINE_STRINGS = ('"""', "'''")


def header_count(text: str) -> int:
    """How many `[[actuals]]` headers start a line of `text`, written plainly (as ictgoals writes them)."""
    return text.count("\n[[actuals]]") + text.startswith("[[actuals]]")


def extendable(text: str, entries: int, headers: int) -> bool:
    """Whether entries appended to `text`, a loaded actuals file, may be read without it.

    `entries` is how many actuals it holds and `headers` how many `[[actuals]]` headers were
    found in it: equal, they show the array was made by headers, not written inline.
    """
    return (
        text.endswith("\n")
        and entries == headers
        and not any(quotes in text for quotes in _MULTILINE_STRINGS)
        and _DEFINES.search(text) is None
    )


def plain_tail(tail: str) -> bool:
    """Whether `tail` opens with a header and holds only `[[actuals]]` entries and `[sources.ID]` tables."""
    if any(quotes in tail for quotes in _MULTILINE_STRINGS) or _DEFINES.search(tail) is not None:
        return False
    opened = False
    for line in tail.split("\n"):
        stripped = line.strip(" \t\r")
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("["):
            if _HEADER.fullmatch(line.rstrip("\r")) is None:
                return False
            opened = True
        elif not opened:  # a key before any header belongs to the last table of the old text
            return False
    return True
