"""`extract`'s indicator matching against an indexed catalogue (issue 25): the same answer as scoring every name,
with a bounded number of names scored per figure, and the index built once per report.

The invented names and clauses here are hypothetical; the time against catalogue size is in bench/README.md.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

import ictgoals
from conftest import REPO
from ictgoals.extraction import candidates as candidates_module
from ictgoals.extraction import match as match_module
from ictgoals.extraction.candidates import extract
from ictgoals.extraction.match import MATCH_FLOOR, SHORTLIST, Catalogue, family, words
from ictgoals.model import Better, Dataset, Indicator

_VOCABULARY = (
    "tỷ lệ hồ sơ trực tuyến toàn trình doanh thu viễn thông bưu chính trạm 5g thuê bao băng rộng cố định di động "
    "hộ gia đình cáp quang kinh tế số doanh nghiệp công nghệ revenue share households broadband firms stations"
)
VOCABULARY = _VOCABULARY.split()


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return ictgoals.load(REPO / "targets.toml", REPO / "actuals.toml", cache=False)


def exhaustive(own: str, context: str, unit: str, catalogue: Catalogue) -> tuple[str | None, float]:
    """Every name scored, one by one, with every word compared by rapidfuzz: what the index must agree with."""
    near, far = words(own), words(context)
    pool = set(near) | set(far)
    best: tuple[str | None, float] = (None, 0.0)
    for name in catalogue.names:
        if name.family != family(unit):
            continue
        covered = 0.0
        for word in name.words:
            if word in near:
                covered += 1.0
            elif word in far:
                covered += 0.8
            elif any(fuzz.ratio(word, other) >= 88 for other in pool):
                covered += 0.5
        explained = sum(1 for word in set(near) if word in name.words) / max(len(set(near)), 1)
        score = 100 * (0.6 * covered / len(name.words) + 0.4 * explained)
        if score > best[1]:
            best = (name.indicator, score)
    indicator, score = best
    return (indicator if score >= MATCH_FLOOR else None), round(score / 100, 2)


def with_indicators(dataset: Dataset, names: list[tuple[str, str]]) -> Dataset:
    extra = {
        f"invented_{i}": Indicator(id=f"invented_{i}", name=name, unit=unit, better=Better.HIGHER, name_vi=name)
        for i, (name, unit) in enumerate(names)
    }
    return dataclasses.replace(dataset, indicators={**dataset.indicators, **extra})


_PHRASE = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(st.tuples(_PHRASE, st.sampled_from(["%", "count", "VND bn"])), min_size=1, max_size=30),
    own=_PHRASE,
    context=_PHRASE,
    unit=st.sampled_from(["%", "count", "VND bn", "per 100 people"]),
    typo=st.booleans(),
)
def test_the_index_gives_the_exhaustive_answer(
    dataset: Dataset, names: list[tuple[str, str]], own: str, context: str, unit: str, typo: bool
) -> None:
    if typo:  # one letter more in one word: rapidfuzz still finds it alike
        own = own.replace("tuyến", "truyến").replace("thông", "thôngg")
    catalogue = Catalogue(with_indicators(dataset, names))
    indicator, score, _ = catalogue.match(own, context, unit)
    assert (indicator, score) == exhaustive(own, context, unit, catalogue)


def test_a_figure_scores_a_bounded_shortlist_of_a_large_catalogue(dataset: Dataset) -> None:
    names = [(f"tỷ lệ hồ sơ trực tuyến nhóm {i}", "%") for i in range(5_000)]
    catalogue = Catalogue(with_indicators(dataset, names))
    weighted = dict.fromkeys(words("tỷ lệ hồ sơ trực tuyến nhóm 4321 của tỉnh"), 1.0)
    assert len(catalogue._shortlist("%", weighted, change=False)) == SHORTLIST
    indicator, _, _ = catalogue.match("hồ sơ trực tuyến nhóm 4321", "", "%")
    assert indicator == "invented_4321"  # the rare word ("4321") picks it out of the 5,000
    assert catalogue.match("hồ sơ trực tuyến nhóm", "", "%")[0] is not None  # common words still pick some


def test_the_catalogue_is_indexed_once_per_report(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    real = match_module.Catalogue

    def counting(data: Dataset) -> Catalogue:
        built.append(1)
        return real(data)

    monkeypatch.setattr(candidates_module, "Catalogue", counting)
    found = extract("Tỷ lệ A đạt 10%. Tỷ lệ B đạt 20%. Tỷ lệ C đạt 30%.", dataset, date="2024-12-29")
    assert (len(found), len(built)) == (3, 1)


def test_only_indicators_that_measure_a_change_take_a_stated_change(dataset: Dataset) -> None:
    catalogue = Catalogue(dataset)
    indicator, _, _ = catalogue.match("doanh thu dịch vụ bưu chính tăng", "", "%", change=True)
    assert indicator == "postal_revenue_growth"
    assert catalogue.match("tỷ lệ hồ sơ trực tuyến toàn trình", "", "%", change=True)[0] is None
