"""The JSON renderer: one document, deterministic, UTF-8 as written but never a raw control character, never NaN."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ictgoals.output.safe import json_text


def write(document: Any, out: TextIO) -> None:
    out.write(json_text(json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)))
    out.write("\n")
