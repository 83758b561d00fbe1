"""The width tables are laid out in: the terminal's, the user's $COLUMNS, or a fixed one for files and pipes."""

from __future__ import annotations

import fcntl
import io
import os
import struct
import termios
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ictgoals.output.fit import GAP, fit
from ictgoals.output.formats import width_for


@pytest.fixture
def terminal() -> Iterator[TextIO]:
    """A pseudo-terminal 77 columns wide, as the stderr of a user who pipes stdout into `less`."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 77, 0, 0))
    with os.fdopen(follower, "w") as stream:
        yield stream
    os.close(leader)


@pytest.fixture
def pipe() -> Iterator[TextIO]:
    reader, writer = os.pipe()
    with os.fdopen(writer, "w") as stream:
        yield stream
    os.close(reader)


def test_a_pipe_takes_the_width_of_the_terminal_the_user_sits_at(pipe: TextIO, terminal: TextIO) -> None:
    assert width_for(pipe, {}, [io.StringIO(), terminal]) == 77


def test_columns_is_the_users_word(pipe: TextIO, terminal: TextIO) -> None:
    assert width_for(pipe, {"COLUMNS": "100"}, [terminal]) == 100
    assert width_for(pipe, {"COLUMNS": "5"}, [terminal]) == 77  # not a sensible width: ignored


def test_a_pipe_with_no_terminal_anywhere_is_80_wide(pipe: TextIO) -> None:
    assert width_for(pipe, {}, [io.StringIO()]) == 80


def test_a_file_is_120_wide_whatever_the_terminal(tmp_path: Path, terminal: TextIO) -> None:
    with (tmp_path / "out.txt").open("w") as file:
        assert width_for(file, {}, [terminal]) == 120


def test_a_terminal_measures_itself(terminal: TextIO) -> None:
    assert width_for(terminal, {"COLUMNS": "100"}, []) is None  # Rich measures it (and honours COLUMNS)


@pytest.mark.parametrize("args", [["status", "2025"], ["diff", "2024"], ["indicators"], ["show", "gci_rank"]])
def test_at_80_columns_nothing_is_wider_and_every_id_is_whole(args: list[str]) -> None:
    import json
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": "80"}
    command = [sys.executable, "-m", "ictgoals", *args]
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    if args == ["indicators"]:
        listed = json.loads(subprocess.run([*command, "--format", "json"], capture_output=True, text=True).stdout)
        assert all(row["indicator"] in out.split() for row in listed["rows"])


WORDS = st.text(alphabet="abcdeđờỹ_", min_size=1, max_size=14)
CELLS = st.lists(WORDS, min_size=0, max_size=5).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    columns=st.integers(min_value=1, max_value=6),
    data=st.data(),
    width=st.integers(min_value=20, max_value=200),
)
def test_a_fitted_table_never_breaks_a_word_nor_an_id_and_never_overflows(
    columns: int, data: st.DataObject, width: int
) -> None:
    headers = data.draw(st.lists(WORDS, min_size=columns, max_size=columns))
    rows = data.draw(st.lists(st.lists(CELLS, min_size=columns, max_size=columns), max_size=8))
    whole = [0] if columns > 1 else []
    shape = fit(headers, rows, width, whole=whole, drop=list(range(columns - 1, 0, -1)))
    if shape.stacked:
        return  # one block of lines per row: nothing to check here
    assert sum(shape.widths) + GAP * (len(shape.kept) - 1) <= width
    for column, size in zip(shape.kept, shape.widths, strict=True):
        longest_word = max(len(w) for w in [*headers[column].split(), *(w for r in rows for w in r[column].split())])
        assert size >= longest_word
        if column in whole:
            assert size >= max((len(r[column]) for r in rows), default=0)


def test_a_column_of_long_sentences_takes_the_width_left() -> None:
    """Every sentence is longer than the room left: the column still takes all of it, to wrap less (it kept
    its usual fifth of the width and the sentence column was then dropped as cramped)."""
    sentence = " ".join(["word"] * 40)  # 199 characters: longer than any room on a 150-column terminal
    rows = [["actual", "A rather long indicator name (0.82)", "2030", "a printed figure", sentence]] * 3
    shape = fit(["Kind", "Indicator", "Year", "Printed", "Sentence"], rows, 150, whole=[1], drop=[4])
    assert shape.kept == (0, 1, 2, 3, 4)
    assert sum(shape.widths) + GAP * 4 == 150
