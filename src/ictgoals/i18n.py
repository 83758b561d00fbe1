"""The language of everything said to people: chosen once per run, looked up in a catalogue per language.

English is the source language: a message's English text is its key (`msgid`), as in gettext.
Other languages are plain dictionaries in `ictgoals.locales` (`vi.py`), imported only when chosen,
so an English run pays nothing and a Vietnamese one pays one small module (see docs/development.md).
Machine output (JSON and CSV keys, status codes) never goes through here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

LANGUAGES: Final = ("en", "vi")
DEFAULT: Final = "en"
ENV_LANG: Final = "ICTGOALS_LANG"
#: The locale variables that say the language, in the order POSIX gives them precedence.
LOCALE_VARIABLES: Final = ("LC_ALL", "LC_MESSAGES", "LANG")
_SEPARATOR: Final = "\x04"  # between a context and a msgid in a catalogue key, as in gettext

_state: dict[str, str] = {"language": DEFAULT}
_catalogue: dict[str, Mapping[str, str]] = {}


def choose(explicit: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The language for this run: `explicit` (--lang), then $ICTGOALS_LANG, then the locale.

    The locale is the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX orders them;
    any value starting with "vi" means Vietnamese, anything else English. The system's own locale
    database is not consulted: many machines have no vi_VN locale installed.
    """
    for wanted in (explicit, environ.get(ENV_LANG)):
        if wanted:
            return normalise(wanted)
    for variable in LOCALE_VARIABLES:
        if value := environ.get(variable):
            return "vi" if value.casefold().startswith("vi") else "en"
    return DEFAULT


def normalise(wanted: str) -> str:
    """ "vi", "VI", "vi_VN.UTF-8" → "vi"; "en_GB" → "en"; anything else is refused with the choices."""
    code = wanted.strip().casefold().replace("-", "_").split("_")[0].split(".")[0]
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {wanted!r}; choose one of: {', '.join(LANGUAGES)}")
    return code


def use(language: str) -> None:
    """Speak `language` ("en" or "vi") from now on, in this process."""
    _state["language"] = normalise(language)


def language() -> str:
    return _state["language"]


def _messages(language: str) -> Mapping[str, str]:
    if language not in _catalogue:
        from ictgoals.locales import messages_for

        _catalogue[language] = messages_for(language).MESSAGES
    return _catalogue[language]


def _lookup(key: str, english: str) -> str:
    """The catalogue's text for `key` in the current language; `english` in English, or if it has none."""
    if _state["language"] == DEFAULT:
        return english
    return _messages(_state["language"]).get(key, english)


def tr(msgid: str, /, **params: object) -> str:
    """`msgid` in the current language, with `{name}` fields filled from `params`.

    A message missing from a catalogue shows in English; tests/test_i18n.py makes sure none is missing.
    """
    text = _lookup(msgid, msgid)
    return text.format(**params) if params else text


def pt(context: str, msgid: str, /, **params: object) -> str:
    """Like `tr`, for a short word whose translation depends on where it is used ("met" as a status)."""
    text = _lookup(f"{context}{_SEPARATOR}{msgid}", msgid)
    return text.format(**params) if params else text


def vocabulary(context: str, word: str) -> str:
    """A word from the data (a unit) in the current language if the catalogue knows it, else as written."""
    return _lookup(f"{context}{_SEPARATOR}{word}", word)


def decimal_marks() -> tuple[str, str]:
    """The decimal mark and the thousands separator: ".", "," in English; ",", "." in Vietnamese."""
    return (",", ".") if _state["language"] == "vi" else (".", ",")
