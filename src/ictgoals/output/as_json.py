"""The JSON renderer: one document, deterministic, UTF-8 as written, never NaN."""

from __future__ import annotations

import json
from typing import Any, TextIO


def write(document: Any, out: TextIO) -> None:
    out.write(json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False))
    out.write("\n")
