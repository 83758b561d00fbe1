"""The parsed-data cache: used when current, never when anything about a file changed."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import GOOD_ACTUALS, GOOD_TARGETS, REPO
from ictgoals.analysis.checks import validate
from ictgoals.analysis.status import status
from ictgoals.cli import application
from ictgoals.datafiles import cache, loader
from ictgoals.model import Dataset
from ictgoals.output.formats import Context, Format
from ictgoals.output.render import render

app = application()


class CountingParser:
    """Stands in for the loader's parse step, counting how often the cache had to call it."""

    def __init__(self, targets: Path, actuals: Path) -> None:
        self.targets, self.actuals, self.calls = targets, actuals, 0

    def __call__(self, texts: Mapping[Path, str]) -> Dataset:
        self.calls += 1
        return loader.load(self.targets, self.actuals, texts=texts)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    targets, actuals = tmp_path / "targets.toml", tmp_path / "actuals.toml"
    shutil.copy(GOOD_TARGETS, targets)
    shutil.copy(GOOD_ACTUALS, actuals)
    return targets, actuals


def _status_json(data: Dataset, year: int = 2025) -> str:
    out = io.StringIO()
    render(status(data, year), Format.JSON, out, Context())
    return out.getvalue()


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(files: tuple[Path, Path]) -> None:
    parse = CountingParser(*files)
    first = cache.load(*files, parse)
    second = cache.load(*files, parse)
    assert parse.calls == 1
    fresh = loader.load(*files)
    assert _status_json(second) == _status_json(fresh)
    assert list(second.actuals) == list(fresh.actuals)  # every figure, in file order
    assert [vars(a) for a in second.actuals] == [vars(a) for a in fresh.actuals]  # every field, built or not
    assert [a.location for a in second.actuals] == [a.location for a in fresh.actuals]
    assert second.targets == fresh.targets
    assert [repr(vars(t)) for t in second.targets] == [repr(vars(t)) for t in fresh.targets]  # built without __init__
    assert [hash(t) for t in second.targets] == [hash(t) for t in fresh.targets]
    assert second.sources == fresh.sources
    assert second.indicators == fresh.indicators
    assert first.regions() == second.regions()
    findings = io.StringIO(), io.StringIO()
    render(validate(second), Format.JSON, findings[0], Context())
    render(validate(fresh), Format.JSON, findings[1], Context())
    assert findings[0].getvalue() == findings[1].getvalue()


def test_a_one_byte_edit_that_keeps_size_and_mtime_invalidates_the_cache(files: tuple[Path, Path]) -> None:
    parse = CountingParser(*files)
    cache.load(*files, parse)
    actuals = files[1]
    before = actuals.stat()
    text = actuals.read_text(encoding="utf-8")
    actuals.write_text(text.replace("value = 45.8", "value = 45.9"), encoding="utf-8")
    os.utime(actuals, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert actuals.stat().st_size == before.st_size
    edited = cache.load(*files, parse)
    assert parse.calls == 2
    row = next(r for r in status(edited, 2025).rows if r.target.indicator == "dossiers")
    assert row.current is not None
    assert row.current.value == 45.9


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(files: tuple[Path, Path]) -> None:
    parse = CountingParser(*files)
    expected = _status_json(cache.load(*files, parse))
    (entry,) = cache.directory().glob("*.marshal")
    for garbage in (b"", b"\x00not marshal", entry.read_bytes()[:-40]):
        entry.write_bytes(garbage)
        assert _status_json(cache.load(*files, parse)) == expected
    assert parse.calls == 4
    assert cache.load(*files, parse) is not None
    assert parse.calls == 4


def test_an_unwritable_cache_directory_is_not_an_error(files: tuple[Path, Path], tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory would go")
    parse = CountingParser(*files)
    data = cache.load(*files, parse, environ={"XDG_CACHE_HOME": str(blocked)})
    assert len(data.actuals) == 14


def test_no_cache_option_and_environment_variable_write_nothing(files: tuple[Path, Path]) -> None:
    args = ["status", "2025", "--format", "json", "--targets", str(files[0]), "--actuals", str(files[1])]
    assert CliRunner().invoke(app, [*args, "--no-cache"]).exit_code == 0
    assert CliRunner().invoke(app, args, env={"ICTGOALS_NO_CACHE": "1"}).exit_code == 0
    assert not cache.directory().exists()
    assert CliRunner().invoke(app, args).exit_code == 0
    assert len(list(cache.directory().glob("*.marshal"))) == 1


def test_the_cache_lives_in_the_user_cache_directory() -> None:
    assert cache.directory({"XDG_CACHE_HOME": "/x"}) == Path("/x/ictgoals")
    assert cache.directory({}) == Path.home() / ".cache" / "ictgoals"


def test_a_different_code_fingerprint_means_a_rebuild(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = CountingParser(*files)
    cache.load(*files, parse)
    cache.load(*files, parse)
    assert parse.calls == 1
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "built by other code")
    cache.load(*files, parse)
    assert parse.calls == 2


def test_the_fingerprint_covers_the_loader_and_the_model_only(tmp_path: Path) -> None:
    copy = tmp_path / "ictgoals"
    shutil.copytree(REPO / "src" / "ictgoals", copy)
    package = copy / "datafiles"
    before = cache.code_fingerprint(package)
    for edited, changes in [("analysis/status.py", False), ("datafiles/entries.py", True), ("model.py", True)]:
        with (copy / edited).open("a", encoding="utf-8") as handle:
            handle.write("# edited\n")
        cache.code_fingerprint.cache_clear()
        after = cache.code_fingerprint(package)
        assert (after != before) is changes, edited
        before = after


def test_an_edited_checkout_never_serves_a_dataset_built_by_the_old_code(tmp_path: Path) -> None:
    """End to end, in fresh processes: a loader edited to drop the last figure changes the output at once."""
    copy = tmp_path / "src" / "ictgoals"
    shutil.copytree(REPO / "src" / "ictgoals", copy, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(copy.parent), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = [sys.executable, "-m", "ictgoals", "status", "2025", "--format", "json", "--targets", str(GOOD_TARGETS)]
    args += ["--actuals", str(GOOD_ACTUALS)]

    def run(*extra: str) -> str:
        result = subprocess.run([*args, *extra], env=env, capture_output=True, text=True, check=True)
        return result.stdout

    original = run()
    assert run() == original  # the second run is served from the cache
    loader = copy / "datafiles" / "loader.py"
    text = loader.read_text(encoding="utf-8")
    edited = text.replace("read_actuals(actual_reader, fast, indicators, sources),", "Figures(()),")
    assert edited != text
    loader.write_text(edited, encoding="utf-8")
    assert run() == run("--no-cache") != original


def test_a_flipped_byte_anywhere_means_a_rebuild_with_exactly_the_right_figures(
    files: tuple[Path, Path],
) -> None:
    """A byte of a cache file flipped, in the header, the checksum or anywhere in the body: the figures
    served are always the true ones. The checksum covers every byte, so a stride through the body proves
    what flipping each of its bytes would, in a fraction of the time."""
    parse = CountingParser(*files)
    expected = _status_json(cache.load(*files, parse))
    (entry,) = cache.directory().glob("*.marshal")
    pristine = entry.read_bytes()
    assert len(pristine) > 1000
    fresh = [vars(a) for a in loader.load(*files).actuals]
    ends = {*range(64), *range(len(pristine) - 64, len(pristine))}
    positions = sorted(ends | set(range(64, len(pristine) - 64, max(1, len(pristine) // 97))))
    for position in positions:
        damaged = bytearray(pristine)
        damaged[position] ^= 0xFF
        entry.write_bytes(bytes(damaged))
        data = cache.load(*files, parse)
        assert _status_json(data) == expected, position
        assert [vars(a) for a in data.actuals] == fresh, position
    assert parse.calls == 1 + len(positions)  # every damaged copy was noticed and rebuilt


@pytest.mark.parametrize("size", [0, 5, 40])
def test_a_truncated_cache_file_is_rebuilt(files: tuple[Path, Path], size: int) -> None:
    parse = CountingParser(*files)
    expected = _status_json(cache.load(*files, parse))
    (entry,) = cache.directory().glob("*.marshal")
    entry.write_bytes(entry.read_bytes()[:size])
    assert _status_json(cache.load(*files, parse)) == expected
    assert parse.calls == 2


def test_a_cache_entry_that_is_a_fifo_is_never_opened_for_a_blocking_read(files: tuple[Path, Path]) -> None:
    parse = CountingParser(*files)
    expected = _status_json(cache.load(*files, parse))
    (entry,) = cache.directory().glob("*.marshal")
    entry.unlink()
    os.mkfifo(entry)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ictgoals",
            "status",
            "2025",
            "--format",
            "json",
            "--targets",
            str(files[0]),
            "--actuals",
            str(files[1]),
        ],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "XDG_CACHE_HOME": str(cache.directory().parent)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected


# ---------------------------------------------------------------- results kept beside an entry


class Counting:
    """A result to keep, counting how often it had to be worked out."""

    def __init__(self, value: list[int]) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> list[int]:
        self.calls += 1
        return list(self.value)


def _derived(data: Dataset, compute: Counting, name: str = "test") -> list[int]:
    return cache.derived(data, name, compute, plain=lambda v: v, back=list)


def test_a_kept_result_is_read_back_while_the_files_are_unchanged(files: tuple[Path, Path]) -> None:
    compute = Counting([1, 2, 3])
    parse = CountingParser(*files)
    assert _derived(cache.load(*files, parse), compute) == [1, 2, 3]
    assert _derived(cache.load(*files, parse), compute) == [1, 2, 3]
    assert compute.calls == 1
    assert _derived(cache.load(*files, parse), compute, "other") == [1, 2, 3]  # another name: another result
    assert compute.calls == 2


def test_a_kept_result_is_worked_out_again_after_any_change(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    compute = Counting([7])
    parse = CountingParser(*files)
    _derived(cache.load(*files, parse), compute)
    with files[1].open("a", encoding="utf-8") as handle:  # an appended figure: the cache extends its entry
        handle.write('\n[[actuals]]\nindicator = "dossiers"\nyear = 2019\nvalue = 12\nsource = "review-2023"\n')
    _derived(cache.load(*files, parse), compute)
    assert compute.calls == 2
    monkeypatch.setattr(cache, "source_fingerprint", lambda: "another version of the code")
    _derived(cache.load(*files, parse), compute)
    assert compute.calls == 3
    _derived(loader.load(*files), compute)  # not read through the cache: nothing to keep it beside
    _derived(cache.load(*files, parse, store=False), compute)
    assert compute.calls == 5


def test_a_damaged_kept_result_is_worked_out_again(files: tuple[Path, Path]) -> None:
    compute = Counting([4, 5])
    _derived(cache.load(*files, CountingParser(*files)), compute)
    (kept,) = cache.directory().glob("*.test.marshal")
    raw = bytearray(kept.read_bytes())
    raw[-1] ^= 0xFF
    kept.write_bytes(bytes(raw))
    assert _derived(cache.load(*files, CountingParser(*files)), compute) == [4, 5]
    assert compute.calls == 2


def test_validate_reads_its_findings_back_in_each_language(files: tuple[Path, Path]) -> None:
    args = ["validate", "--format", "json", "--targets", str(files[0]), "--actuals", str(files[1])]
    for lang in ("en", "vi"):
        fresh = CliRunner().invoke(app, ["--lang", lang, *args, "--no-cache"]).stdout
        first = CliRunner().invoke(app, ["--lang", lang, *args]).stdout
        again = CliRunner().invoke(app, ["--lang", lang, *args]).stdout
        assert fresh == first == again
        assert '"warnings": [' in fresh  # the test data disagrees with itself: there is something to keep
    assert len(list(cache.directory().glob("*.validate-*.marshal"))) == 2
