"""The message catalogues, one module per language besides English; `ictgoals.i18n` imports the one in use."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType


def messages_for(language: str) -> ModuleType:
    """The catalogue module of `language` ("vi"): MESSAGES, keyed by the English text, and CLICK_ERRORS."""
    return import_module(f"ictgoals.locales.{language}")
