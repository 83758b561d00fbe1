"""Vietnamese and English: the catalogue is complete, output follows the language, machine output does not."""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from collections.abc import Iterator

import pytest

from conftest import GOOD_ACTUALS, GOOD_TARGETS, REPO
from i18n_keys import SEPARATOR, all_keys
from ictgoals import i18n
from ictgoals.locales.vi import CLICK_ERRORS, MESSAGES

GOOD = ["--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS)]


def run(
    *args: str, lang: str | None = None, locale: str | None = None, columns: int = 100
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "ICTGOALS_LANG")}
    env["COLUMNS"] = str(columns)
    if locale:
        env["LANG"] = locale
    if lang:
        env["ICTGOALS_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-c", "from ictgoals.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def fields(text: str) -> list[tuple[str | None, str | None]]:
    return sorted((name, conversion) for _, name, _, conversion in string.Formatter().parse(text) if name is not None)


# ---------------------------------------------------------------- the catalogue


def test_every_message_the_source_uses_has_a_vietnamese_text() -> None:
    keys, _ = all_keys()
    assert sorted(keys - set(MESSAGES)) == []


def test_the_catalogue_holds_no_message_nobody_uses() -> None:
    keys, _ = all_keys()
    assert sorted(k for k in set(MESSAGES) - keys if not k.startswith(f"unit{SEPARATOR}")) == []


def test_only_the_typer_bridge_looks_up_texts_it_does_not_spell_out() -> None:
    _, dynamic = all_keys()
    assert {place.split(":")[0] for place in dynamic} <= {"typer_adapter.py"}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_a_translation_fills_the_same_fields(key: str) -> None:
    assert fields(MESSAGES[key]) == fields(key.split(SEPARATOR)[-1])


def test_click_error_patterns_compile() -> None:
    for pattern, _ in CLICK_ERRORS:
        re.compile(pattern)


# ---------------------------------------------------------------- choosing the language


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "vi_VN.UTF-8"}, "vi"),
        (None, {"LANG": "vi"}, "vi"),
        (None, {"LANG": "en_US.UTF-8", "LC_MESSAGES": "vi_VN"}, "vi"),
        (None, {"LC_ALL": "C", "LANG": "vi_VN.UTF-8"}, "en"),  # LC_ALL wins, as POSIX says
        (None, {"ICTGOALS_LANG": "en", "LANG": "vi_VN.UTF-8"}, "en"),
        ("vi", {"ICTGOALS_LANG": "en"}, "vi"),
        ("VI", {}, "vi"),
    ],
)
def test_the_language_comes_from_the_option_then_the_variable_then_the_locale(
    explicit: str | None, environ: dict[str, str], expected: str
) -> None:
    assert i18n.choose(explicit, environ) == expected


def test_an_unknown_language_is_refused() -> None:
    result = run("--lang", "fr", "status", "2025")
    assert result.returncode == 2
    assert "unknown language 'fr'" in result.stderr
    assert "vi, en" in result.stderr or "en, vi" in result.stderr


@pytest.fixture
def vietnamese() -> Iterator[None]:
    i18n.use("vi")
    yield
    i18n.use("en")


def test_vietnamese_numbers(vietnamese: None) -> None:
    from ictgoals.localize import plain

    assert (plain(45.8), plain(3744214), plain(-0.5), plain(1234.5)) == ("45,8", "3.744.214", "-0,5", "1.234,5")


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (0.0008, 2, "0.0008"),  # 800 thousand USD in USD bn: shown, not rounded away to 0
        (0.0007999999999999999, 2, "0.0008"),  # as 800 nghìn USD reads, in binary
        (0.00125, 2, "0.0013"),  # two significant figures, halves up
        (-0.0003, 1, "-0.0003"),
        (0.004, 2, "0.004"),
        (0.006, 2, "0.01"),  # rounds to a figure at 2 places: as before
        (1e-12, 2, "0"),  # the noise of binary arithmetic stays 0
        (0.0, 2, "0"),
    ],
)
def test_a_small_figure_is_never_shown_as_0(value: float, places: int, shown: str) -> None:
    from ictgoals.localize import plain

    assert plain(value, places) == shown


# ---------------------------------------------------------------- what users see


def test_a_vietnamese_locale_gives_vietnamese_status() -> None:
    result = run("status", "2025", locale="vi_VN.UTF-8", columns=200)  # wide enough for names on one line
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Tình hình thực hiện chỉ tiêu năm 2025" in out
    assert "Chỉ tiêu" in out
    assert "45,8% (2024)" in out  # the dossiers figure, Vietnamese decimal comma
    assert "Hồ sơ trực tuyến toàn trình" in out  # name_vi_short
    assert "34,2 điểm %" in out  # 80 − 45,8 in percentage points
    assert "vượt 13 bậc" in out  # rank 17 against top 30: 13 places ahead
    assert "chưa có số liệu" in out
    for english in ("Targets due", "Indicator", "no-data", "45.8%", " pp", "places"):
        assert english not in out


def test_lang_en_wins_over_a_vietnamese_locale() -> None:
    result = run("--lang", "en", "status", "2025", locale="vi_VN.UTF-8")
    assert "Targets due in 2025 (national)" in result.stdout
    assert "45.8% (2024)" in result.stdout


def test_lang_also_works_after_the_command() -> None:
    assert "Chỉ tiêu" in run("status", "2025", "--lang=vi").stdout


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_machine_output_is_the_same_in_both_languages(fmt: str) -> None:
    english = run("status", "2025", "--format", fmt, lang="en").stdout
    vietnamese = run("status", "2025", "--format", fmt, lang="vi").stdout
    assert english == vietnamese
    if fmt == "json":
        row = json.loads(english)["rows"][0]
        assert {"name", "name_vi", "status"} <= set(row)


#: What the catalogue translates, in English, long enough not to match by chance inside other text.
ENGLISH = sorted(
    {
        piece.strip()
        for key, value in MESSAGES.items()
        if value != key.split(SEPARATOR)[-1]
        for piece in re.split(r"\{[^}]*\}", key.split(SEPARATOR)[-1])
        if len(piece.strip()) >= 14
    }
)
TYPER_WORDS = ["Usage:", "Show this message", "Missing argument", "No such option", "Try '", "─ Options", "─ Error"]


@pytest.mark.parametrize(
    "args",
    [
        ["status", "2025"],
        ["status", "2025", "--check"],
        ["status", "2025", "--region", "Trà Vinh"],
        ["diff", "2024"],
        ["validate"],
        ["indicators"],
        ["regions"],
        ["show", "full_online_dossiers"],
        ["show", "gci_rank"],
        ["show", "full_onlin_dossiers"],
        ["status", "2025", *GOOD],
        ["diff", "2024", *GOOD],
        ["validate", *GOOD],
        ["status", "2025", "--region", "Atlantis"],
        ["diff", "2024", "--against", "2025"],
        ["record", "full_online_dossiers", "2025", "50", "--source", "x", "--dry-run"],
        ["--help"],
        ["status", "--help"],
        ["report", "--help"],
        ["record", "--help"],
        ["extract", "--help"],
        ["export", "--help"],
        ["import", "--help"],
        [
            "extract",
            str(GOOD_TARGETS.parent.parent.parent / "seeds" / "000_55b8ba455d50c13f.txt"),
            "--date",
            "2024-12-29",
        ],
        ["status"],
        ["status", "2025", "--bogus"],
        ["status", "abc"],
    ],
    ids=lambda args: " ".join(args[:3]),
)
def test_vietnamese_leaves_no_english_behind(args: list[str]) -> None:
    result = run(*args, lang="vi")
    assert result.returncode in (0, 1, 2), result.stderr
    seen = result.stdout + result.stderr
    leaked = [english for english in ENGLISH + TYPER_WORDS if english in seen]
    assert leaked == [], seen


def _glossary() -> dict[str, str]:
    """The glossary's English → Vietnamese pairs (docs/glossary.md), from its tables."""
    text = (REPO / "docs" / "glossary.md").read_text(encoding="utf-8")
    pairs: dict[str, str] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and not cells[0].startswith("---"):
            english, vietnamese = (cells[1], cells[2]) if cells[0].startswith("`") else (cells[0], cells[1])
            pairs[english] = vietnamese
    return pairs


@pytest.mark.parametrize(
    ("key", "term"),
    [
        ("Gap", "gap"),
        ("Pace", "pace"),
        ("Projection", "projection"),
        ("Baseline", "baseline"),
        ("Status", "assessment"),
        ("Target", "target value"),
        ("% of target", "% of target"),
        ("National", "region"),
        ("status\x04met", "met"),
        ("status\x04on track", "on track"),
        ("status\x04at risk", "at risk"),
        ("status\x04off track", "off track"),
        ("status\x04regressing", "regressing"),
        ("status\x04no trend yet", "no trend yet"),
        ("status\x04missed", "missed"),
        ("status\x04no data", "no data"),
    ],
)
def test_the_catalogue_follows_the_glossary(key: str, term: str) -> None:
    glossary = _glossary()
    assert term in glossary, term
    expected = glossary[term].split(",")[0].split("(")[0].strip()
    if key == "National":  # the glossary names the nation within the region entry
        expected = "Toàn quốc"
    assert MESSAGES[key].casefold() == expected.casefold()


def test_goal_is_never_the_word_for_a_single_target() -> None:
    """ "mục tiêu" is a programme's broad goal (docs/glossary.md); a target is a "chỉ tiêu"."""
    assert [key for key, text in MESSAGES.items() if "mục tiêu" in text.casefold()] == []


def test_every_column_of_every_output_has_a_vietnamese_header() -> None:
    """A workbook's headers are for people: a field added without its Vietnamese header showed in English."""
    from ictgoals.analysis import records

    shapes = [shape for shape in vars(records).values() if isinstance(shape, records.Shape)]
    columns = {records.label(field.name) for shape in shapes for field in shape.fields}
    assert sorted(c for c in columns if f"column\x04{c}" not in MESSAGES) == []
