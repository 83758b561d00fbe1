"""The cache reads only what was appended to the actuals file, and always gives what a whole load gives.

Each case caches a pair of files, changes the actuals file, and loads again through the cache:
the outcome (the dataset, every figure with its location, or the error message) must equal a
whole load's (no cache), and the parse step must run again exactly when the change is not a
plain append (datafiles/appends.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS
from ictgoals.cli import application
from ictgoals.datafiles import appends, cache, loader
from ictgoals.errors import DataError
from ictgoals.model import Dataset
from test_cache import CountingParser

app = application()

#: A source declared in the actuals file itself, so that declaring it again is a TOML error.
LOCAL_SOURCE = '[sources.local-report]\ntitle = "A hypothetical provincial report"\n\n'
PREFIX = GOOD_ACTUALS.read_text(encoding="utf-8").replace("schema = 1\n", "schema = 1\n\n" + LOCAL_SOURCE, 1)


def entry(indicator: str = "dossiers", year: int = 2026, value: str = "52.5", source: str = "review-2024-a") -> str:
    return f'[[actuals]]\nindicator = "{indicator}"\nyear = {year}\nvalue = {value}\nsource = "{source}"\n'


def snapshot(data: Dataset) -> tuple[Any, ...]:
    """Everything a load produces, locations included (figures compare without them)."""
    return (
        data.sources,
        data.indicators,
        [(t, t.location) for t in data.targets],
        [(vars(a), a.location) for a in data.actuals],
        data.regions(),
        sorted(data.actuals.keys()),
    )


def outcome(load: Callable[[], Dataset]) -> Any:
    try:
        return snapshot(load())
    except DataError as e:
        return f"DataError: {e}"


def setup(folder: Path, prefix: str = PREFIX) -> tuple[Path, Path]:
    targets, actuals = folder / "targets.toml", folder / "actuals.toml"
    shutil.copy(GOOD_TARGETS, targets)
    actuals.write_bytes(prefix.encode("utf-8"))
    return targets, actuals


def cached(folder: Path, prefix: str = PREFIX) -> tuple[tuple[Path, Path], CountingParser]:
    """Both files in `folder`, loaded once through the cache, and the parse step that counts."""
    files = setup(folder, prefix)
    parse = CountingParser(*files)
    cache.load(*files, parse)
    return files, parse


def reload(files: tuple[Path, Path], parse: CountingParser) -> tuple[Any, Any]:
    """The outcome through the cache, and a whole load's."""
    return outcome(lambda: cache.load(*files, parse)), outcome(lambda: loader.load(*files))


def append_text(path: Path, text: str) -> None:
    with path.open("ab") as handle:
        handle.write(text.encode("utf-8"))


def test_appended_entries_and_sources_are_read_alone(tmp_path: Path) -> None:
    files, parse = cached(tmp_path)
    append_text(files[1], "\n" + entry() + "\n" + entry(year=2027))
    through, whole = reload(files, parse)
    assert parse.calls == 1  # only the tail was read
    assert through == whole
    # A new source and a figure citing it, a region spelled loosely, and a stated change
    # (which only the full check reads): still appended, still the same.
    append_text(
        files[1],
        '\n[sources.new-report]\ntitle = "A hypothetical report"\npublished = 2026-01-15\n\n'
        + entry(source="new-report", year=2028)
        + '\n[[actuals]]\nindicator = "dossiers"\nyear = 2025\nvalue = 60\nregion = "tra vinh"\n'
        + 'source = "review-2024-b"\nchange = 10\nchange_unit = "pp"\n',
    )
    through, whole = reload(files, parse)
    assert parse.calls == 1
    assert through == whole
    assert any(a["source"] == "new-report" for a, _ in whole[3])
    assert cache.load(*files, parse) is not None
    assert parse.calls == 1  # and the extended cache is current


def test_an_appended_figure_keeps_its_line_and_number(tmp_path: Path) -> None:
    files, parse = cached(tmp_path)
    before = len(loader.load(*files).actuals)
    append_text(files[1], "\n" + entry(value="99.5"))
    data = cache.load(*files, parse)
    assert parse.calls == 1
    last = list(data.actuals)[-1]
    lines = files[1].read_text(encoding="utf-8").splitlines()
    assert last.value == 99.5
    assert last.location.entry == f"actuals entry #{before + 1}"
    assert lines[last.location.line - 1] == "[[actuals]]"  # type: ignore[operator]
    assert lines[last.location.line + 2] == "value = 99.5"  # type: ignore[operator]


def test_record_leaves_the_cache_current(tmp_path: Path) -> None:
    files, parse = cached(tmp_path)
    data = ["--targets", str(files[0]), "--actuals", str(files[1])]
    result = CliRunner().invoke(app, ["record", "dossiers", "2026", "55", "--source", "review-2024-a", *data])
    assert result.exit_code == 0, result.output
    through, whole = reload(files, parse)
    assert parse.calls == 1  # record extended the cache: this load parsed nothing
    assert through == whole


def test_a_dry_run_leaves_the_cache_as_it_was(tmp_path: Path) -> None:
    files, parse = cached(tmp_path)
    data = ["--targets", str(files[0]), "--actuals", str(files[1])]
    for command in (
        ["record", "dossiers", "2026", "55", "--source", "review-2024-a", "--dry-run", *data],
        ["target", "dossiers", "2031", "90", "--source", "review-2024-a", "--dry-run", *data],
    ):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 0, result.output
    cache.load(*files, parse)
    assert parse.calls == 1  # still the entry for the files on disk


def _same_length_other_text(path: Path) -> None:
    """Truncated, then regrown to exactly the old length with other bytes."""
    text = path.read_text(encoding="utf-8")
    at = text.rindex("year = 2024")
    path.write_text(text[:at], encoding="utf-8")
    append_text(path, "year = 2023" + text[at + len("year = 2024") :])
    assert len(path.read_bytes()) == len(text.encode("utf-8"))


def _edited_then_appended(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value = 45.8", "value = 45.9", 1) + "\n" + entry(), encoding="utf-8")


def _appended_bad_entry(path: Path) -> None:
    append_text(path, "\n" + entry(indicator="no-such-indicator"))


def _appended_bad_source(path: Path) -> None:
    append_text(path, '\n[sources.bad]\npublished = "someday"\n\n' + entry(source="bad"))


def _replaced_with_same_start(path: Path) -> None:
    """Another file (a new inode), beginning with the same bytes, then a plain entry."""
    fd, temporary = tempfile.mkstemp(dir=path.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(path.read_bytes() + ("\n" + entry(value="77")).encode("utf-8"))
    Path(temporary).replace(path)


def _replaced_with_a_continuation(path: Path) -> None:
    """Another file beginning with the same bytes, whose next line belongs to the last entry."""
    fd, temporary = tempfile.mkstemp(dir=path.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(path.read_bytes() + b'note = "added to the last entry"\n')
    Path(temporary).replace(path)


def _shortened(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("[[actuals]]")], encoding="utf-8")


def _source_declared_again(path: Path) -> None:
    append_text(path, "\n" + LOCAL_SOURCE + entry(source="local-report"))


def _a_key_before_the_first_header(path: Path) -> None:
    append_text(path, "estimate = true\n" + entry())


def _a_multiline_string(path: Path) -> None:
    append_text(path, "\n" + entry() + 'note = """\n[[actuals]]\n"""\n')


def _another_table(path: Path) -> None:
    append_text(path, '\n[indicators.new]\nname = "x"\n')


CHANGES = {
    "truncated and regrown to the same length": (_same_length_other_text, True),
    "an edit before the old end, then an entry": (_edited_then_appended, True),
    "an appended entry that fails the checks": (_appended_bad_entry, True),
    "an appended source that fails the checks": (_appended_bad_source, True),
    "replaced by another file that starts with the same bytes": (_replaced_with_same_start, False),
    "replaced by another file whose next line continues the last entry": (_replaced_with_a_continuation, True),
    "shortened": (_shortened, True),
    "a source of the file declared again": (_source_declared_again, True),
    "a key before the first new header": (_a_key_before_the_first_header, True),
    "a multi-line string": (_a_multiline_string, True),
    "another kind of table": (_another_table, True),
}


@pytest.mark.parametrize(("change", "parsed_again"), CHANGES.values(), ids=list(CHANGES))
def test_any_other_change_is_read_whole(tmp_path: Path, change: Callable[[Path], None], parsed_again: bool) -> None:
    files, parse = cached(tmp_path)
    change(files[1])
    through, whole = reload(files, parse)
    assert through == whole
    assert parse.calls == 1 + parsed_again


def test_a_failing_append_names_the_line_and_leaves_the_cache_usable(tmp_path: Path) -> None:
    files, parse = cached(tmp_path)
    _appended_bad_entry(files[1])
    through, whole = reload(files, parse)
    assert through == whole
    line = files[1].read_text(encoding="utf-8").splitlines().index('indicator = "no-such-indicator"') + 1
    assert f"actuals.toml:{line}" in through
    files[1].write_bytes(PREFIX.encode("utf-8") + ("\n" + entry()).encode("utf-8"))  # fixed
    through, whole = reload(files, parse)
    assert through == whole
    assert parse.calls == 2  # the cache of the good text still serves its appends


def test_an_old_text_without_a_final_newline_is_never_extended(tmp_path: Path) -> None:
    files, parse = cached(tmp_path, PREFIX.rstrip("\n"))
    append_text(files[1], entry())  # '... = "review-2024-b"[[actuals]]': only the whole file shows the mistake
    through, whole = reload(files, parse)
    assert through == whole
    assert parse.calls == 2


def test_an_inline_array_is_never_extended(tmp_path: Path) -> None:
    prefix = 'schema = 1\nactuals = [{indicator = "dossiers", year = 2024, value = 45.8, source = "review-2024-a"}]\n'
    files, parse = cached(tmp_path, prefix)
    append_text(files[1], entry())  # appending to a static array is a TOML error
    through, whole = reload(files, parse)
    assert through == whole
    assert isinstance(whole, str)
    assert "DataError" in whole
    assert parse.calls == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PREFIX, True),
        (PREFIX.rstrip("\n"), False),
        (PREFIX + 'note = """x"""\n', False),
        (PREFIX.replace("[sources.local-report]", 'sources = {}\n["sources".local-report]'), False),
        ("schema = 1\nactuals = []\n", False),
    ],
)
def test_extendable(text: str, expected: bool) -> None:
    headers = text.count("[[actuals]]")
    assert appends.extendable(text, headers, headers) is expected
    assert appends.extendable(text, headers + 1, headers) is False  # an entry not made by a header


#: What hypothesis appends: plain entries, entries that fail, and everything the rules must catch.
FRAGMENTS = [
    entry(), entry(year=2030, value="1e2"), entry(indicator="nope"), entry(source="nope"), entry(source="local-report"),
    entry(source="later"), '[sources.later]\ntitle = "x"\n', LOCAL_SOURCE, '[sources.review-2023]\ntitle = "x"\n',
    '[sources."quoted id"]\ntitle = "x"\n', "[[actuals]]\n", "  [[ actuals ]]\n", "value = 1\n", 'region = "VN"\n',
    "estimate = true\n", "# a comment\n", "\n", "\r\n", "actuals = []\n", 'note = """\n"""\n', "[other]\n",
    "[actuals]\n", "[[actuals.x]]\n", "sources.x.title = 1\n", 'change = 5\nchange_unit = "pp"\n', "year = 2026\n",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=5), st.booleans(), st.booleans(), st.booleans())
def test_whatever_is_appended_the_cache_gives_what_a_whole_load_gives(
    parts: list[str], newline_first: bool, twice: bool, final_newline: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        files, parse = cached(Path(folder), PREFIX if final_newline else PREFIX.rstrip("\n"))
        tail = ("\n" if newline_first else "") + "".join(parts)
        append_text(files[1], tail)
        through, whole = reload(files, parse)
        assert through == whole
        if twice:  # and once more, on top of whatever the cache now holds
            append_text(files[1], "\n" + entry(year=2031))
            through, whole = reload(files, parse)
            assert through == whole
