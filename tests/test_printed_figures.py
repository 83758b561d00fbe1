"""One reader of printed figures (issue 21, item 4; issue 26, items 13 and 14).

What `record --printed` stores is read back by `validate` with the same reader, so a figure typed as
printed never comes back as a `printed-mismatch`; words the reader does not know, a currency the
unit does not take and a "%" on money are refused, never dropped. Every sentence here is invented.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import REPO
from ictgoals.analysis.checks import validate
from ictgoals.cli import application
from ictgoals.model import Actual, Better, Dataset, Figures, Indicator, Qualifier, Source
from ictgoals.numbers import read_printed
from ictgoals.writing.inputs import value_from_printed

app = application()
SOURCE = "mic-2024-review-backan"


@pytest.fixture
def data(tmp_path: Path) -> list[str]:
    for name in ("targets.toml", "actuals.toml"):
        shutil.copy(REPO / name, tmp_path / name)
    return ["--targets", str(tmp_path / "targets.toml"), "--actuals", str(tmp_path / "actuals.toml")]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def recorded(out: str) -> dict[str, object]:
    entry: dict[str, object] = tomllib.loads(out)["actuals"][0]
    return entry


# ---------------------------------------------------------------- record, then validate: one reader


def test_a_print_in_another_scale_is_recorded_and_validated_alike(data: list[str]) -> None:
    """`record u 2019 --printed "khoảng 800 triệu USD"` stored 0.8 (USD bn), and `validate` then warned that the
    print reads as 800000000, read by an older reader."""
    actuals = Path(data[3])
    # --force: 0.8 is 165 times under the 132 of 2024, which the plausibility check (rightly) refuses otherwise
    code, _, err = invoke(
        "record", "hardware_electronics_exports", "2019", "--printed", "khoảng 800 triệu USD", "--source", SOURCE,
        "--force", *data,
    )  # fmt: skip
    assert code == 0, err
    entry = tomllib.loads(actuals.read_text(encoding="utf-8"))["actuals"][-1]
    assert (entry["value"], entry["qualifier"]) == (0.8, "about")  # 800 × 10⁶ USD = 0.8 × 10⁹ USD
    code, out, _ = invoke("validate", "--format", "json", *data)
    assert code == 0
    assert [w for w in json.loads(out)["warnings"] if w["code"] == "printed-mismatch"] == []


#: Every scale word (with and without accents) and what it multiplies by, worked out by hand.
SCALES = [
    ("nghìn", 1e3),
    ("nghin", 1e3),
    ("ngàn", 1e3),
    ("triệu", 1e6),
    ("trieu", 1e6),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
    ("ty", 1e9),
    ("nghìn tỷ", 1e12),
    ("nghin ty", 1e12),
    ("ngàn tỷ", 1e12),
    ("triệu tỷ", 1e15),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
]
#: How a currency may be written, before or after the number, for each unit of ours.
CURRENCIES = {
    "VND bn": [("", "đồng"), ("", "VND"), ("", "vnđ"), ("", "₫"), ("VND ", ""), ("", "dong")],
    "USD bn": [("", "USD"), ("US$", ""), ("$", ""), ("", "đô la Mỹ"), ("USD ", ""), ("", "dollars")],
}
QUALIFIERS = [("", None), ("hơn ", "more-than"), ("khoảng ", "about"), ("gần ", "nearly"), ("over ", "more-than")]


def _indicator(unit: str) -> Indicator:
    return Indicator("amount", "An amount", unit, Better.HIGHER)


@settings(max_examples=300, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=999),
    scale=st.sampled_from(SCALES),
    unit=st.sampled_from(sorted(CURRENCIES)),
    currency=st.integers(min_value=0, max_value=5),
    qualifier=st.sampled_from(QUALIFIERS),
)
def test_every_scale_and_currency_round_trips_from_record_to_validate(
    whole: int, scale: tuple[str, float], unit: str, currency: int, qualifier: tuple[str, str | None]
) -> None:
    word, factor = scale
    before, after = CURRENCIES[unit][currency]
    words, code = qualifier
    accented = any(ord(ch) > 127 for ch in word + before + after + words)
    if accented and word.isascii() and not word.startswith(("thousand", "million", "billion", "bn", "trillion")):
        word = {"nghin": "nghìn", "trieu": "triệu", "ty": "tỷ", "nghin ty": "nghìn tỷ"}[word]  # one script a text
    if accented and after == "dong":
        after = "đồng"
    text = f"{words}{before}{whole} {word} {after}".strip()
    indicator = _indicator(unit)
    row = value_from_printed({"printed": text}, "row", indicator)  # as record reads --printed alone
    assert row["value"] == pytest.approx(whole * factor / 1e9, rel=1e-12), text  # the unit is billions
    assert row.get("qualifier") == code, text
    actual = Actual(
        "amount",
        2024,
        float(row["value"]),  # type: ignore[arg-type]
        "s",
        printed=text,
        qualifier=None if code is None else Qualifier(code),
    )
    dataset = Dataset({"s": Source("s")}, {"amount": indicator}, (), Figures([actual]))
    assert [f.message for f in validate(dataset) if f.code == "printed-mismatch"] == []


# ---------------------------------------------------------------- what is refused, and what is read right


@pytest.mark.parametrize(
    ("indicator", "printed", "value"),
    [
        ("digital_economy_growth", "âm 5%", -5),  # "âm": negative
        ("digital_economy_growth", "giảm 5%", -5),
        ("digital_economy_growth", "fell 5%", -5),
        ("digital_economy_growth", "–5%", -5),  # an en dash as the minus sign
        ("digital_economy_growth", "−5%", -5),  # the typographic minus sign
        ("digital_economy_growth", "(5%)", -5),  # accounting parentheses
        ("digital_economy_growth", "(5)%", -5),  # the number alone in them, its unit outside
        ("ict_sector_total_revenue", "(1.200) tỷ đồng", -1200),
        ("ict_sector_total_revenue", "lỗ 5 tỷ", -5),  # "lỗ": a loss
        ("ict_sector_total_revenue", "5 nghin ty dong", 5000),  # no accents: nghìn tỷ đồng
        ("hardware_electronics_exports", "US$ 5 tỷ", 5),
        ("hardware_electronics_exports", "$5 billion", 5),
    ],
)
def test_printed_alone_reads_sign_scale_and_currency(
    data: list[str], indicator: str, printed: str, value: float
) -> None:
    """Each of these became +5, or 5e-09, from the print alone: the words the reader did not know were dropped."""
    code, out, err = invoke("record", indicator, "2026", "--printed", printed, "--source", SOURCE, "--dry-run", *data)
    assert code == 0, err
    assert recorded(out)["value"] == value


@pytest.mark.parametrize(
    ("indicator", "typed", "message"),
    [
        ("ict_sector_total_revenue", "5 tỷ yên", "is in JPY"),  # a currency no unit of ours is in
        ("ict_sector_total_revenue", "€5 billion", "is in EUR"),
        ("ict_sector_total_revenue", "5 tỷ won", "is in KRW"),
        ("hardware_electronics_exports", "A$5 tỷ", "is in A$, a currency ictgoals does not convert"),  # not "a $5"
        ("hardware_electronics_exports", "HK$ 5 billion", "is in HK$, a currency ictgoals does not convert"),
        ("hardware_electronics_exports", "VND 5 tỷ", "is in VND, but the indicator's unit is 'USD bn'"),
        ("ict_sector_total_revenue", "US$ 5 tỷ", "is in USD, but the indicator's unit is 'VND bn'"),
        ("ict_sector_total_revenue", "$5 billion", "is in USD"),
        ("ict_sector_total_revenue", "5%", "is a percentage, but the indicator's unit is 'VND bn'"),
        ("admin_dossiers_received", "5 tỷ đồng", "is an amount in VND, but the indicator's unit 'count' is not money"),
        ("full_online_dossiers", "$5", "is an amount in USD, but the indicator's unit '%' is not money"),
        ("ict_sector_total_revenue", "5 tỷ bánh", "'bánh' is neither a qualifier, a scale nor a unit"),
        ("digital_economy_growth", "(giảm 5%)", "can be read more than one way"),  # twice negative?
    ],
)
@pytest.mark.parametrize("how", ["value", "printed"])
def test_what_the_unit_cannot_take_is_refused_and_nothing_is_written(
    data: list[str], indicator: str, typed: str, message: str, how: str
) -> None:
    actuals = Path(data[3])
    before = actuals.read_bytes()
    given = [typed] if how == "value" else ["--printed", typed]
    code, out, err = invoke("record", indicator, "2026", *given, "--source", SOURCE, *data)
    assert (code, out) == (2, "")
    assert message in err
    assert err.count("\n") == 1  # one paragraph
    assert actuals.read_bytes() == before


def test_a_printed_only_import_row_is_read_strictly(data: list[str]) -> None:
    rows = (
        "indicator,year,printed,source\n"
        "digital_economy_growth,2026,âm 5%,mic-2024-review-backan\n"
        "ict_sector_total_revenue,2026,hơn 5 nghìn tỷ đồng,mic-2024-review-backan\n"
    )
    result = CliRunner().invoke(app, ["import", "-", "--dry-run", *data], input=rows)
    assert result.exit_code == 0, result.stderr
    entries = tomllib.loads(result.stdout)["actuals"]
    assert [(e["value"], e.get("qualifier")) for e in entries] == [(-5, None), (5000, "more-than")]
    bad = rows.replace("âm 5%", "5 tỷ yên")
    result = CliRunner().invoke(app, ["import", "-", "--dry-run", *data], input=bad)
    assert result.exit_code == 2
    assert "stdin row 1 (line 2): field 'printed': '5 tỷ yên' is in JPY" in result.stderr
    assert "Give the value too, as a plain number" in result.stderr


def test_a_word_that_looks_like_a_currency_inside_another_word_is_not_one() -> None:
    """ "lao động" (workers) folds to "lao dong", the same letters as "đồng": text with accents is read with them."""
    assert read_printed("ước khoảng 1.767.766 lao động", "count").value == 1767766
    with pytest.raises(ValueError, match="'lao động' is neither"):
        read_printed("ước khoảng 1.767.766 lao động", "count", strict=True)


def test_the_qualifier_is_taken_from_the_print_when_a_figure_is_recorded(data: list[str]) -> None:
    code, out, err = invoke(
        "record", "hardware_electronics_exports", "2026", "--printed", "hơn 148 tỷ USD", "--source", SOURCE,
        "--dry-run", *data,
    )  # fmt: skip
    assert code == 0, err
    assert (recorded(out)["value"], recorded(out)["qualifier"]) == (148, "more-than")
    code, out, err = invoke("record", "full_online_dossiers", "2026", "gần 50%", "--source", SOURCE, "--dry-run", *data)
    assert code == 0, err
    assert (recorded(out)["value"], recorded(out)["printed"], recorded(out)["qualifier"]) == (50, "gần 50%", "nearly")


def test_accents_typed_as_separate_marks_read_the_same() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "hơn 71.000 tỷ đồng")
    assert decomposed != "hơn 71.000 tỷ đồng"
    typed = read_printed(decomposed, "VND bn", strict=True)
    assert (typed.value, typed.qualifier) == (71000, Qualifier.MORE_THAN)
