"""The slow-load notice: shown on a terminal after the delay, erased afterwards, never in a pipe."""

from __future__ import annotations

import io
import time

from ictgoals.output.notice import slow_work


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_slow_load_on_a_terminal_shows_and_then_erases_the_notice() -> None:
    stream = Terminal()
    with slow_work("reading big.toml", stream, delay=0.01):
        time.sleep(0.2)
    assert stream.getvalue() == "ictgoals: reading big.toml…\r\x1b[K"


def test_a_quick_load_shows_nothing() -> None:
    stream = Terminal()
    with slow_work("reading small.toml", stream, delay=5):
        pass
    assert stream.getvalue() == ""


def test_a_pipe_never_sees_the_notice() -> None:
    stream = io.StringIO()
    with slow_work("reading big.toml", stream, delay=0.0):
        time.sleep(0.05)
    assert stream.getvalue() == ""
