"""Tells a person at a terminal that a slow load is under way; pipelines never see it."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TextIO

DELAY_SECONDS = 0.5


@contextlib.contextmanager
def slow_work(message: str, stream: TextIO | None = None, delay: float = DELAY_SECONDS) -> Iterator[None]:
    """Show `message` on `stream` (stderr) if the work takes longer than `delay`, and only on a terminal."""
    stream = sys.stderr if stream is None else stream
    if not stream.isatty():
        yield
        return
    import threading

    shown = threading.Event()

    def show() -> None:
        stream.write(f"ictgoals: {message}…")
        stream.flush()
        shown.set()

    timer = threading.Timer(delay, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        timer.join()
        if shown.is_set():
            stream.write("\r\x1b[K")  # erase the notice, leaving the terminal as it was
            stream.flush()
