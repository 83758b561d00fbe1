"""`extract`: the year of each figure (issue 24). Every sentence here is invented for these tests (hypothetical
figures, no real report), and these are the texts the rules were tuned on; tests/assets/extract/measure holds
the ones that are only measured.

Classes: a year stated once and carried; where the year stands; relative years and the date rule; a
paragraph lead that must not reach too far.
"""

from __future__ import annotations

import pytest

import ictgoals
from conftest import REPO
from ictgoals.extraction.candidates import Candidate, extract
from ictgoals.extraction.years import timing
from ictgoals.model import Dataset


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return ictgoals.load(REPO / "targets.toml", REPO / "actuals.toml", cache=False)


def read(dataset: Dataset, text: str, date: str) -> dict[str, Candidate]:
    """The candidates of `text` by their printed text (each printed text is unique in these tests)."""
    found = extract(text, dataset, date=date)
    by_printed = {c.printed: c for c in found}
    assert len(by_printed) == len(found), [c.printed for c in found]
    return by_printed


def kind_year(found: dict[str, Candidate]) -> dict[str, tuple[str, int | None]]:
    return {printed: (c.kind, c.year) for printed, c in found.items()}


# A year stated once, and carried.


def test_a_lead_year_dates_the_results_that_follow_it(dataset: Dataset) -> None:
    text = (
        "Năm 2023, Sở đã triển khai nhiều giải pháp chuyển đổi số.\n"
        "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 57%.\n"
        "Doanh thu viễn thông trên địa bàn đạt 640 tỷ đồng."
    )
    # The date (November 2024) would say 2024: the lead says 2023.
    assert kind_year(read(dataset, text, "2024-11-20")) == {"57%": ("actual", 2023), "640 tỷ đồng": ("actual", 2023)}


def test_an_english_lead_year_is_carried(dataset: Dataset) -> None:
    text = "In 2022, the province finished most of its projects. Fibre reached 81 per cent of homes."
    assert kind_year(read(dataset, text, "2023-09-01")) == {"81 per cent": ("actual", 2022)}


def test_a_comparison_year_is_never_carried(dataset: Dataset) -> None:
    text = "So với năm 2021, doanh thu tăng mạnh.\nTỷ lệ người dùng điện thoại thông minh đạt 83%."
    assert kind_year(read(dataset, text, "2023-12-15")) == {"83%": ("actual", 2023)}


def test_a_goal_year_is_not_carried_into_results(dataset: Dataset) -> None:
    text = "Năm 2026, tỉnh phấn đấu tỷ lệ hồ sơ trực tuyến đạt 90%.\nTỷ lệ hộ gia đình có cáp quang đạt 71%."
    assert kind_year(read(dataset, text, "2025-12-10")) == {"90%": ("target", 2026), "71%": ("actual", 2025)}


def test_a_later_lead_takes_over_from_an_earlier_one(dataset: Dataset) -> None:
    text = "Năm 2022, tỷ lệ A đạt 10%.\n\nNăm 2023, tỷ lệ B đạt 20%.\n\nTỷ lệ C đạt 30%."
    assert kind_year(read(dataset, text, "2024-12-01")) == {
        "10%": ("actual", 2022),
        "20%": ("actual", 2023),
        "30%": ("actual", 2023),
    }


def test_a_meeting_year_and_a_decision_date_date_nothing(dataset: Dataset) -> None:
    text = (
        "Sáng 5/1/2024, Sở tổ chức hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024 "
        "theo Quyết định số 12/QĐ-UBND ngày 2/1/2024.\nTỷ lệ hồ sơ trực tuyến đạt 49%."
    )
    assert kind_year(read(dataset, text, "2024-01-05")) == {"49%": ("actual", 2023)}


# Where the year stands.


def test_each_figure_owns_the_year_right_after_it(dataset: Dataset) -> None:
    text = "Kế hoạch đặt mục tiêu tỷ lệ dịch vụ công trực tuyến đạt 30% năm 2026 và 60% vào năm 2029."
    assert kind_year(read(dataset, text, "2025-06-10")) == {"30%": ("target", 2026), "60%": ("target", 2029)}


def test_from_one_rank_and_year_to_another(dataset: Dataset) -> None:
    text = "Việt Nam đã đi từ hạng 75 (năm 2021) lên hạng 52 (năm 2023) về chỉ số chính phủ điện tử."
    assert kind_year(read(dataset, text, "2024-03-01")) == {"hạng 75": ("actual", 2021), "hạng 52": ("actual", 2023)}


def test_a_year_after_the_figure_with_no_preposition(dataset: Dataset) -> None:
    text = "Thanh toán không dùng tiền mặt chiếm 45% giao dịch bán lẻ năm 2022."
    assert kind_year(read(dataset, text, "2024-06-01")) == {"45%": ("actual", 2022)}


def test_english_years_after_the_figure(dataset: Dataset) -> None:
    text = "E-commerce made up 8.7 per cent of retail sales in 2022, against 6.5 per cent in 2020."
    assert kind_year(read(dataset, text, "2024-06-01")) == {
        "8.7 per cent": ("actual", 2022),
        "6.5 per cent": ("actual", 2020),
    }


def test_a_deadline_closing_a_coordinated_clause_is_each_figures(dataset: Dataset) -> None:
    text = "The plan aims to have 35 per cent of clinics and 60 per cent of schools connected by 2028."
    assert kind_year(read(dataset, text, "2025-05-05")) == {
        "35 per cent": ("target", 2028),
        "60 per cent": ("target", 2028),
    }


def test_a_year_as_a_modifier_and_for_a_year(dataset: Dataset) -> None:
    text = "A 2023 survey of firms found that 64 per cent use cloud services. For 2026, the agency wants 85 per cent."
    assert kind_year(read(dataset, text, "2025-02-01")) == {
        "64 per cent": ("actual", 2023),
        "85 per cent": ("target", 2026),
    }


def test_a_quarter_gives_its_year(dataset: Dataset) -> None:
    text = "Trong quý II/2024, doanh thu bưu chính đạt 1.200 tỷ đồng."
    assert kind_year(read(dataset, text, "2025-02-01")) == {"1.200 tỷ đồng": ("actual", 2024)}


def test_a_programmes_period_end_wins_over_its_vision_year(dataset: Dataset) -> None:
    text = "Chương trình giai đoạn 2024 - 2026, định hướng đến năm 2035, phấn đấu tỷ lệ hộ có cáp quang đạt 88%."
    assert kind_year(read(dataset, text, "2024-05-01")) == {"88%": ("target", 2026)}


def test_the_base_of_a_comparison_keeps_its_own_year(dataset: Dataset) -> None:
    text = "Tỷ lệ hồ sơ trực tuyến đạt 66%, tăng mạnh so với mức 41% của năm 2021."
    assert kind_year(read(dataset, text, "2023-12-20")) == {"66%": ("actual", 2023), "41%": ("actual", 2021)}


# Relative years and the date rule.


@pytest.mark.parametrize(
    ("text", "printed", "year"),
    [
        ("Năm ngoái, tỷ lệ hồ sơ trực tuyến đạt 52%.", "52%", 2024),
        ("Last year, fibre reached 77 per cent of homes.", "77 per cent", 2024),
        ("Năm nay, tỷ lệ người dùng điện thoại thông minh ước đạt 88%.", "88%", 2025),
        ("Mobile broadband now covers 97 per cent of the population.", "97 per cent", 2025),
        ("Đến nay, toàn tỉnh có 1.410 trạm BTS.", "1.410 trạm BTS", 2025),
    ],
)
def test_relative_years_count_from_the_date(dataset: Dataset, text: str, printed: str, year: int) -> None:
    assert read(dataset, text, "2025-03-18")[printed].year == year


@pytest.mark.parametrize(
    ("text", "printed", "year"),
    [
        ("The ministry aims for 600 start-ups within three years.", "600 start-ups", 2028),
        ("The city wants to reach the top 25 over the next decade.", "top 25", 2035),
        ("Sở phấn đấu có 900 doanh nghiệp công nghệ số trong 4 năm tới.", "900 doanh nghiệp", 2029),
    ],
)
def test_years_to_come_count_from_the_date(dataset: Dataset, text: str, printed: str, year: int) -> None:
    found = read(dataset, text, "2025-08-08")[printed]
    assert (found.kind, found.year) == ("target", year)


def test_a_year_earlier_counts_from_the_sentences_own_year(dataset: Dataset) -> None:
    text = "Sellers numbered 2.1 million at the end of 2024, up from 1.7 million a year earlier."
    assert kind_year(read(dataset, text, "2025-02-20")) == {
        "2.1 million": ("actual", 2024),
        "1.7 million": ("actual", 2023),
    }


def test_a_monthly_briefing_in_the_first_half_reports_on_its_own_year(dataset: Dataset) -> None:
    text = "Sở vừa tổ chức giao ban tháng 3.\nTrong tháng 3, tỷ lệ hồ sơ trực tuyến đạt 62%."
    assert kind_year(read(dataset, text, "2025-04-05")) == {"62%": ("actual", 2025)}


def test_an_annual_review_in_january_reports_on_the_year_before(dataset: Dataset) -> None:
    text = "Sở tổ chức hội nghị tổng kết công tác.\nTỷ lệ hồ sơ trực tuyến đạt 62%."
    assert kind_year(read(dataset, text, "2025-01-10")) == {"62%": ("actual", 2024)}


@pytest.mark.parametrize(
    ("date", "text", "years"),
    [
        ("2024-12-29", "", (2024, 2024, 2025)),
        ("2024-01-12", "Hội nghị tổng kết năm 2023.", (2024, 2023, 2024)),
        ("2024-01-12", "Last year the sector grew.", (2024, 2023, 2024)),
        ("2024-02-03", "Báo cáo về kết quả năm 2023 của tỉnh.", (2024, 2023, 2024)),
        ("2024-05-06", "Bản tin tháng 4: số liệu lũy kế 4 tháng.", (2024, 2024, 2024)),
        ("2024-10-06", "Giao ban quý III.", (2024, 2024, 2024)),
        ("2024", "", (2024, 2024, 2025)),
        (None, "", (None, None, None)),
    ],
)
def test_what_a_date_says(date: str | None, text: str, years: tuple[int | None, ...]) -> None:
    when = timing(date, text)
    assert (when.date_year, when.reviewed, when.goal_year) == years


def test_a_date_that_is_not_a_date_is_refused() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        timing("last week", "")


# A paragraph lead that must not reach too far.


def test_a_closing_goal_line_does_not_turn_the_lines_above_into_goals(dataset: Dataset) -> None:
    text = (
        "Tỷ lệ hồ sơ trực tuyến đạt 40%.\n"
        "Doanh thu bưu chính đạt 350 tỷ đồng.\n"
        "Năm 2026, Sở phấn đấu tỷ lệ hồ sơ trực tuyến đạt 70%."
    )
    assert kind_year(read(dataset, text, "2025-12-20")) == {
        "40%": ("actual", 2025),
        "350 tỷ đồng": ("actual", 2025),
        "70%": ("target", 2026),
    }


def test_a_goal_lead_does_not_reach_the_next_paragraph(dataset: Dataset) -> None:
    text = "In 2027, the city will open two data hubs.\nBroadband reached 77 per cent of homes this year."
    assert kind_year(read(dataset, text, "2025-11-10")) == {"77 per cent": ("actual", 2025)}


def test_a_goal_lead_governs_the_rest_of_its_paragraph(dataset: Dataset) -> None:
    text = "Đến năm 2028, 100% cơ quan dùng chữ ký số. Bên cạnh đó, tỷ lệ hồ sơ trực tuyến đạt 85%."
    assert kind_year(read(dataset, text, "2025-09-01")) == {"100%": ("target", 2028), "85%": ("target", 2028)}


def test_by_then_takes_the_year_the_sentence_before_named(dataset: Dataset) -> None:
    text = "Mục tiêu đến năm 2030, kinh tế số chiếm 30% GRDP. Khi đó, 95% người dân có danh tính số."
    assert kind_year(read(dataset, text, "2025-09-01")) == {"30%": ("target", 2030), "95%": ("target", 2030)}


# Found by the third round of invented reports (tests/assets/extract/round3), after its one measurement.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # N years before the sentence's own year, or before the date
        (
            "Cashless sales reached 58 per cent in 2024, against 37 per cent three years earlier.",
            {"58 per cent": ("actual", 2024), "37 per cent": ("actual", 2021)},
        ),
        ("Two years ago, only 12 per cent of clinics kept e-records.", {"12 per cent": ("actual", 2023)}),
        ("Cách đây 4 năm, tỷ lệ này mới là 18%.", {"18%": ("actual", 2021)}),
        # the month of a date is not a number of years: "tháng 5 năm trước" is May of last year
        ("Đến tháng 5 năm trước, tỉnh có 310 trạm 5G.", {"310 trạm 5G": ("actual", 2024)}),
    ],
)
def test_years_back(dataset: Dataset, text: str, expected: dict[str, tuple[str, int]]) -> None:
    assert kind_year(read(dataset, text, "2025-09-10")) == expected


def test_a_year_after_on_is_a_deadline_not_a_comparison(dataset: Dataset) -> None:
    text = "The city is to spend 3 per cent of its budget on broadband by 2028."
    assert kind_year(read(dataset, text, "2025-09-10")) == {"3 per cent": ("target", 2028)}


def test_a_year_in_an_aside_dates_only_the_aside(dataset: Dataset) -> None:
    text = "The e-health app, launched in the capital only last year, is now used by 41 per cent of residents."
    assert kind_year(read(dataset, text, "2025-09-10")) == {"41 per cent": ("actual", 2025)}
    text = "Cổng dữ liệu, ra mắt từ năm 2022, hiện có 5.300 bộ dữ liệu mở."
    assert kind_year(read(dataset, text, "2025-09-10")) == {"5.300 bộ dữ": ("actual", 2025)}


def test_a_year_set_against_now_dates_only_its_own_clause(dataset: Dataset) -> None:
    text = (
        "Nếu năm 2021 mới có 30% hộ dùng cáp quang thì nay tỷ lệ này đã là 71%. Số hộ có máy tính chiếm 54% tổng số hộ."
    )
    assert kind_year(read(dataset, text, "2024-12-20")) == {
        "30%": ("actual", 2021),
        "71%": ("actual", 2024),
        "54%": ("actual", 2024),
    }
    text = (
        "Doanh thu phần mềm đạt 9.200 tỷ đồng, trong khi con số của năm 2023 là 7.800 tỷ đồng. "
        "Xuất khẩu phần mềm đạt 410 triệu USD."
    )
    assert kind_year(read(dataset, text, "2024-12-20")) == {
        "9.200 tỷ đồng": ("actual", 2024),
        "7.800 tỷ đồng": ("actual", 2023),
        "410 triệu USD": ("actual", 2024),
    }
