"""Renderers against exact expected output, with the terminal width and colour pinned."""

from __future__ import annotations

import io
import json

import pytest

from ictgoals.analysis.checks import validate
from ictgoals.analysis.diff import diff
from ictgoals.analysis.records import Result
from ictgoals.analysis.status import status
from ictgoals.model import Dataset
from ictgoals.output.formats import Context, Format
from ictgoals.output.render import render

CONTEXT = Context("targets.toml", "actuals.toml", width=100, color=False)


def rendered(report: Result, fmt: Format, context: Context = CONTEXT) -> str:
    out = io.StringIO()
    render(report, fmt, out, context)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


STATUS_2023_JSON = """\
{
  "year": 2023,
  "region": "VN",
  "rows": [
    {
      "indicator": "dossiers",
      "name": "Dossiers processed fully online",
      "name_vi": "Tỷ lệ hồ sơ trực tuyến toàn trình",
      "unit": "%",
      "region": "VN",
      "target_region": "VN",
      "scope": "national",
      "year": 2023,
      "op": ">=",
      "target": 50,
      "target_low": 50,
      "target_high": null,
      "tolerance": null,
      "target_years": null,
      "actual": 40,
      "actual_year": 2023,
      "gap": 10,
      "status": "missed",
      "sources": [
        "review-2023"
      ],
      "conflict": false,
      "estimate": false,
      "target_sources": [
        "review-2023"
      ],
      "baseline": {
        "year": 2020,
        "value": 20
      },
      "progress_ratio": null,
      "projected": null,
      "required_change_per_year": null,
      "required_growth_pct": null,
      "percent_of_target": 80,
      "approximate": false,
      "qualifier": null,
      "series_break": false
    }
  ],
  "summary": {
    "met": 0,
    "missed": 1,
    "on-track": 0,
    "at-risk": 0,
    "off-track": 0,
    "regressing": 0,
    "no-trend": 0,
    "no-data": 0
  }
}
"""

STATUS_2023_CSV = """\
indicator,name,name_vi,unit,region,target_region,scope,year,op,target,target_low,target_high,tolerance,target_years,\
actual,actual_year,gap,status,sources,conflict,estimate,target_sources,baseline.year,baseline.value,progress_ratio,\
projected,required_change_per_year,required_growth_pct,percent_of_target,approximate,qualifier,series_break
dossiers,Dossiers processed fully online,Tỷ lệ hồ sơ trực tuyến toàn trình,%,VN,VN,national,\
2023,>=,50,50,,,,40,2023,10,missed,review-2023,false,false,\
review-2023,2020,20,,,,,80,false,,false
"""

STATUS_2023_MARKDOWN = """\
| Indicator | Region | Target | Actual | Gap | Status | Pace |
| --- | --- | --- | --- | --- | --- | --- |
| Dossiers processed fully online | National | ≥ 50% | 40% (2023) | 10 pp | missed | — |
"""

STATUS_2023_TABLE = """\
Targets due in 2023 (national): 1 missed
Indicator                         Target   Actual       Gap     Status   Pace
─────────────────────────────────────────────────────────────────────────────
Dossiers processed fully online   ≥ 50%    40% (2023)   10 pp   missed   —
targets: targets.toml
actuals: actuals.toml
"""

#: At 40 columns no table fits without breaking a word: each target becomes a block of lines.
STATUS_2023_TABLE_40 = """\
Targets due in 2023 (national): 1 missed
Dossiers processed fully online
  Target: ≥ 50%
  Actual: 40% (2023)
  Gap: 10 pp
  Status: missed
  Pace: —
targets: targets.toml
actuals: actuals.toml
"""


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [(Format.JSON, STATUS_2023_JSON), (Format.CSV, STATUS_2023_CSV), (Format.MARKDOWN, STATUS_2023_MARKDOWN)],
)
def test_status_formats(dataset: Dataset, fmt: Format, expected: str) -> None:
    assert rendered(status(dataset, 2023), fmt) == expected


def test_status_table(dataset: Dataset) -> None:
    # The region is in the title, not in a column; the caption wraps at the console's width.
    assert rendered(status(dataset, 2023), Format.TABLE) == STATUS_2023_TABLE


def test_status_table_at_40_columns(dataset: Dataset) -> None:
    narrow = Context("targets.toml", "actuals.toml", width=40, color=False)
    text = rendered(status(dataset, 2023), Format.TABLE, narrow)
    assert text == STATUS_2023_TABLE_40


def test_table_without_colour_has_no_escape_codes(dataset: Dataset) -> None:
    assert "\x1b[" not in rendered(status(dataset, 2025), Format.TABLE)


def test_forced_colour_colours_the_status_words(dataset: Dataset) -> None:
    coloured = rendered(status(dataset, 2023), Format.TABLE, Context("t", "a", width=100, color=True))
    assert "\x1b[1;31mmissed" in coloured  # bold red


def test_json_never_emits_nan_and_rounds_float_noise(dataset: Dataset) -> None:
    text = rendered(status(dataset, 2025), Format.JSON)
    document = json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard constant {c}"))
    gaps = {r["indicator"]: r["gap"] for r in document["rows"] if r["op"] == ">="}
    assert gaps["dossiers"] == 34.2  # 80 − 45.8 is 34.200000000000003 in binary floating point


DIFF_2024_CSV = """\
kind,indicator,name,name_vi,unit,region,before,derived,after,change,change_pct,improved,stated_change,\
stated_change_unit,stated_change_from,stated_agrees,sources,conflict,estimate,qualifier,series_break,target_region,\
scope,year,op,target,target_low,target_high,tolerance,target_years,actual,actual_year,gap,status,target_sources,\
baseline.year,baseline.value,progress_ratio,projected,required_change_per_year,required_growth_pct,percent_of_target,approximate
change,gci_rank,Global Cybersecurity Index rank,,rank,VN,,false,17,,,,,,,,review-2024-a,false,false,,false,\
,,,,,,,,,,,,,,,,,,,,,
change,de_revenue,Digital economy revenue,,USD bn,VN,,false,40,,,,,,,,review-2024-b,false,false,,false,\
,,,,,,,,,,,,,,,,,,,,,
change,dossiers,Dossiers processed fully online,Tỷ lệ hồ sơ trực tuyến toàn trình,%,VN,40,false,45.8,5.8,14.5,true,,,,,\
review-2024-a,false,false,,false,,,,,,,,,,,,,,,,,,,,,,
change,egdi_rank,E-Government Development Index rank,,rank,VN,,false,71,,,,15,places,2022,,review-2024-a,false,false,\
,false,,,,,,,,,,,,,,,,,,,,,,
change,exports,Hardware and electronics exports,,USD bn,VN,118,true,132,14,11.86440678,true,11.6,%,2023,,\
review-2024-b,true,false,more-than,false,,,,,,,,,,,,,,,,,,,,,,
change,ict_revenue,ICT industry revenue,,USD bn,VN,142,false,152,10,7.042253521,true,11,%,2023,false,review-2024-a,\
false,false,,false,,,,,,,,,,,,,,,,,,,,,,
change,postal_growth,Postal revenue growth,,%,VN,,false,35,,,,,,,,review-2024-a,false,false,,false,\
,,,,,,,,,,,,,,,,,,,,,
target,egdi_rank,E-Government Development Index rank,,rank,VN,,,,,,,,,,,review-2024-a,false,false,,false,VN,national,\
2024,<=,80,,80,,,71,2024,-9,met,review-2023,2022,86,,,,,,false
"""


def test_diff_csv(dataset: Dataset) -> None:
    # exports 2023 = 132 / 1.116 = 118.28, derived to the precision of 132: 118; so 14 / 118 = 11.86440678 %.
    # "hơn 132 tỷ USD" is a lower bound: qualifier more-than. ict_revenue: 10 / 142 = 7.042253521 %.
    # The target due in 2024 (EGDI rank, top 80) comes as a kind "target" row, as in the JSON's "targets";
    # a ceiling sets target_high only.
    assert rendered(diff(dataset, 2024, 2023), Format.CSV) == DIFF_2024_CSV


def test_diff_table_marks_derived_values(dataset: Dataset) -> None:
    text = rendered(diff(dataset, 2024, 2023), Format.TABLE, Context("t", "a", width=160, color=False))
    assert "118 USD bn (derived)" in text  # 132 / 1.116 = 118.28, shown to the precision of 132
    assert "> 132 USD bn" in text  # "hơn 132 tỷ USD": more than 132
    assert "(derived)" in text
    assert "+11% on 2023 ✗" in text


def test_validate_json_lists_codes_with_locations(dataset: Dataset) -> None:
    document = json.loads(rendered(validate(dataset), Format.JSON))
    assert document["errors"] == []
    assert [(w["code"], w["line"]) for w in document["warnings"]] == [
        ("conflict", 50),
        ("stated-change-mismatch", 89),
        ("inconsistent-target", 125),
    ]


@pytest.mark.parametrize("width", [8, 12, 20, 80])
def test_a_wrapped_cell_keeps_its_styled_figure_where_it_is(width: int) -> None:
    """extract's table shows the figure in its sentence in reverse video; wrapping (which joins runs of spaces
    and breaks lines) must move the style with the figure, not drop it or put it on other words."""
    from rich.text import Text

    from ictgoals.output.as_table import _wrapped

    sentence = Text("Tỷ lệ  hồ sơ trực tuyến  đạt 42% trong năm, ")
    sentence.append("45,8%", style="bold reverse")
    sentence.append("  vào năm 2024.")
    cell = _wrapped(sentence, width)
    assert [(cell.plain[s.start : s.end], str(s.style)) for s in cell.spans] == [("45,8%", "bold reverse")]
    assert cell.plain.split() == sentence.plain.split()  # the same words, only the spaces between them changed


@pytest.mark.parametrize(
    ("unit", "projected", "expected"),
    [
        ("rank", 18.53, "#19"),  # a projected rank is a place, not a fraction of one
        ("count", 514.29, "514"),
        ("count", 514.5, "515"),
        ("%", 59.7249, "59.72%"),  # a share keeps its decimals
        ("USD bn", 20.345, "20.35 USD bn"),
    ],
)
def test_a_projection_of_a_count_or_rank_is_whole(unit: str, projected: float, expected: str) -> None:
    from ictgoals.model import Better, Indicator
    from ictgoals.output.text import show_projection

    indicator = Indicator("x", "X", unit, Better.LOWER if unit == "rank" else Better.HIGHER)
    assert show_projection(projected, indicator).replace("\u00a0", " ") == expected
