"""Vietnamese: every message ictgoals shows people, keyed by its English text (see ictgoals.i18n)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {}
