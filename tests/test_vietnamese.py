"""A Vietnamese run of every command in every format people read leaves no English behind.

What it looks for, in what ictgoals itself writes (the data's own words are taken out first: a
source may be titled in English): a decimal point where Vietnamese writes a comma (45.8, not a
thousands group like 3.744), a date written the ISO way (2025-07-01), and English words the
interface would use. Machine formats (JSON, CSV) are the same bytes in both languages.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import ictgoals
from conftest import GOOD_ACTUALS, GOOD_TARGETS, REPO
from ictgoals import i18n
from ictgoals.cli import application

app = application()
BUNDLED = ("--targets", str(REPO / "targets.toml"), "--actuals", str(REPO / "actuals.toml"))
SMALL = ("--targets", str(GOOD_TARGETS), "--actuals", str(GOOD_ACTUALS))

ENGLISH_DECIMAL = re.compile(r"(?<![\w.,/:-])\d+\.\d{1,2}(?![\d.])")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
#: Words of the interface that, left in English, a Vietnamese reader would notice.
LEFTOVERS = re.compile(
    r"\b(?:[Tt]argets?|derived|[Ee]stimate|est\.|need|Pace|Status|Gap|Actual|entry #|command line|Left out|"
    r"ahead by|places|pp|Made on|Figures|Sources|Baseline|Projection|No figures|bundled|maintain|National|"
    r"warning|note|check failed|error|Year|Value|Region|Indicator|Printed|Flags|at risk|on track|no data)\b"
)


@pytest.fixture(autouse=True)
def vietnamese() -> Iterator[None]:
    i18n.use("vi")
    yield
    i18n.use("en")


def data_words(targets: str, actuals: str) -> list[str]:
    """Every text of a dataset (names, titles, prints, notes), longest first, to take out of what is checked."""
    dataset = ictgoals.load(targets, actuals, cache=False)
    texts: set[str] = set()
    for item in [*dataset.sources.values(), *dataset.indicators.values(), *dataset.targets, *dataset.actuals]:
        for value in (getattr(item, f.name) for f in dataclasses.fields(item)):
            if isinstance(value, str) and len(value) > 2:
                texts.add(value)
            elif isinstance(value, tuple):
                texts.update(v for v in value if isinstance(v, str) and len(v) > 2)
    return sorted(texts, key=len, reverse=True)


def leaks(text: str, data: list[str]) -> list[str]:
    text = text.replace("\u00a0", " ")
    for words in data:
        text = text.replace(words, " ")
    text = re.sub(r"ictgoals \d+\.\d+\.\d+|phiên bản \d+\.\d+\.\d+", "", text)  # the version is not a decimal
    text = re.sub(r"/[\w./-]+|\w+\.toml|--[\w-]+|[\w-]+\.svg|#[\w-]+", " ", text)  # paths, files, options
    text = re.sub(r"\b(?:inconsistent-target|stated-change-mismatch|printed-mismatch|unknown-region)\b", " ", text)
    found = ENGLISH_DECIMAL.findall(text) + ISO_DATE.findall(text) + LEFTOVERS.findall(text)
    return sorted(set(found))


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["--lang", "vi", *args], env={"COLUMNS": "120"})
    assert result.exit_code in (0, 1), result.output
    return result.stdout + result.stderr


class Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("style", "svg")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "svg")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


COMMANDS = [
    ("status", "2025"),
    ("status", "2025", "--all"),
    ("status", "2025", "--check"),
    ("status", "2025", "--region", "Trà Vinh"),
    ("status", "2025", "--region", "all"),
    ("diff", "2024"),
    ("validate",),
    ("indicators",),
    ("show", "full_online_dossiers"),
    ("show", "ict_industry_revenue"),
    ("show", "gci_rank"),
    ("show", "dossiers"),
    ("show", "exports"),
]


@pytest.mark.parametrize("data", ["bundled", "small"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_every_command_and_human_format_speaks_vietnamese(command: tuple[str, ...], fmt: str, data: str) -> None:
    files = BUNDLED if data == "bundled" else SMALL
    words = data_words(files[1], files[3])
    if command[0] == "show" and command[1] not in ictgoals.load(files[1], files[3], cache=False).indicators:
        pytest.skip("an indicator of the other dataset")
    assert leaks(run(*command, "--format", fmt, *files), words) == []


def test_regions_speak_vietnamese() -> None:
    for fmt in ("table", "markdown"):
        assert leaks(run("regions", "--format", fmt), []) == []


@pytest.mark.parametrize("data", ["bundled", "small"])
def test_the_report_speaks_vietnamese(tmp_path: Path, data: str) -> None:
    files = BUNDLED if data == "bundled" else SMALL
    run("report", "2025", "-o", str(tmp_path / "r.html"), *files)
    seen = Visible()
    seen.feed((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert leaks(" ".join(seen.parts), data_words(files[1], files[3])) == []
    run("report", "2025", "--format", "markdown", "-o", str(tmp_path / "md"), *files)
    assert leaks((tmp_path / "md" / "report.md").read_text(encoding="utf-8"), data_words(files[1], files[3])) == []


def test_the_checker_finds_what_it_looks_for() -> None:
    assert leaks("Tỷ lệ 45.8% từ 2025-07-01, target", []) == ["2025-07-01", "45.8", "target"]
    assert leaks("3.744.214 doanh nghiệp, 45,8%, phiên bản 0.1.0", []) == []


@pytest.mark.parametrize("command", [("status", "2025"), ("diff", "2024"), ("show", "dossiers"), ("indicators",)])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_machine_formats_are_the_same_bytes_in_both_languages(command: tuple[str, ...], fmt: str) -> None:
    vietnamese = CliRunner().invoke(app, ["--lang", "vi", *command, "--format", fmt, *SMALL]).stdout
    i18n.use("en")
    english = CliRunner().invoke(app, ["--lang", "en", *command, "--format", fmt, *SMALL]).stdout
    assert vietnamese == english


def test_the_extract_table_speaks_vietnamese(tmp_path: Path) -> None:
    """Its indicators by their Vietnamese short names, with the match written the Vietnamese way (0,82)."""
    report = tmp_path / "report.txt"  # a hypothetical sentence, not a press report's
    report.write_text("Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình đạt 45,8%.\n", encoding="utf-8")
    dataset = ictgoals.load(BUNDLED[1], BUNDLED[3], cache=False)
    shown = run("extract", str(report), "--date", "2024-12-30", *BUNDLED)
    assert "hồ sơ" in shown.lower()
    assert not any(indicator_id in shown for indicator_id in dataset.indicators if "_" in indicator_id)
    assert re.search(r"\(\d,\d\d\)", shown), shown  # the match
    assert leaks(shown.replace(report.read_text(encoding="utf-8").strip(), " "), []) == []
