"""thidua.ingest.periods: results years and partial dates as organisers write them.

A results year is a plain year ("2023", "năm 2023", an Excel float "2023.0") or a school year
("năm học 2021-2022", "NH 2021-22", "2021 – 2022") that counts as its second year; a range that
is not two consecutive years, blanks and nonsense are None. A partial date is a full day, a month
("tháng 3/2023", "T3/2023", "2023-03") or a year alone, never guessed into more precision than
written; an impossible month or day is None. Both read NFD-decomposed text (some keyboards send
it) and odd spaces as the ordinary forms.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from thidua.ingest.periods import PartialDate, ResultsYear, parse_partial_date, parse_results_year


def _nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text  # the test really feeds decomposed text
    return decomposed


# --- results years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["2023", "năm 2023", "Năm 2023", "NĂM 2023", " 2023 ", "năm\u00a02023", "2023.0", "2023,00"],
)
def test_a_plain_year_is_read_as_itself_and_not_a_school_year(written: str) -> None:
    assert parse_results_year(written) == ResultsYear(2023, False)


@pytest.mark.parametrize(
    "written",
    [
        "2021-2022",
        "2021 – 2022",
        "2021/2022",
        "năm học 2021-2022",
        "Năm học: 2021 - 2022",
        "NĂM HỌC 2021-2022",
        "NH 2021-22",
        "2021-22",
    ],
)
def test_a_school_year_counts_as_the_year_its_results_are_reviewed(written: str) -> None:
    assert parse_results_year(written) == ResultsYear(2022, True)


def test_nfd_decomposed_text_reads_like_composed_text() -> None:
    assert parse_results_year(_nfd("năm học 2021-2022")) == ResultsYear(2022, True)
    assert parse_results_year(_nfd("Năm 2023")) == ResultsYear(2023, False)


def test_an_invisible_character_inside_the_year_does_not_break_it() -> None:
    assert parse_results_year("20\u200b23") == ResultsYear(2023, False)


@pytest.mark.parametrize("written", ["2021-2023", "2022-2021", "2022-2022", "2021-24"])
def test_a_range_that_is_not_two_consecutive_years_is_not_a_results_year(written: str) -> None:
    assert parse_results_year(written) is None


@pytest.mark.parametrize(
    "written",
    ["", "   ", "abc", "năm học", "năm học 2021", "23", "20223", "năm 2022 2023", "2022 năm"],
)
def test_blank_or_nonsense_is_no_results_year(written: str) -> None:
    assert parse_results_year(written) is None


@pytest.mark.parametrize("written", ["XXII", "năm MMXXIII", "năm học MMXXI-MMXXII"])
def test_roman_numeral_years_are_not_read(written: str) -> None:
    # Roman numerals number clusters ("Cụm VIII"), never years: a year written so is left unread
    # rather than guessed.
    assert parse_results_year(written) is None


def test_a_school_year_across_the_century_with_four_digits_counts_as_the_new_century() -> None:
    assert parse_results_year("1999-2000") == ResultsYear(2000, True)
    assert parse_results_year("năm học 2099-2100") == ResultsYear(2100, True)


@pytest.mark.parametrize("written", ["NH 1999-00", "1999-00"])
def test_a_two_digit_school_year_across_the_century_counts_as_the_new_century(
    written: str,
) -> None:
    assert parse_results_year(written) == ResultsYear(2000, True)


# --- partial dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["14/3/2023", "14-03-2023", "14.3.2023", "2023-03-14"])
def test_a_full_date_keeps_its_day(written: str) -> None:
    found = parse_partial_date(written)
    assert found is not None
    assert found == PartialDate("2023-03-14", dt.date(2023, 3, 14))
    assert found.precision == "day"


def test_date_and_datetime_objects_are_days() -> None:
    assert parse_partial_date(dt.date(2024, 2, 29)) == PartialDate(
        "2024-02-29", dt.date(2024, 2, 29)
    )
    assert parse_partial_date(dt.datetime(2023, 12, 31, 23, 59)) == PartialDate(
        "2023-12-31", dt.date(2023, 12, 31)
    )


@pytest.mark.parametrize(
    "written",
    [
        "3/2023",
        "03-2023",
        "tháng 3/2023",
        "Tháng 3-2023",
        "tháng 03/2023",
        "tháng 3 năm 2023",
        "T3/2023",
        "t3/2023",
        "2023-03",
    ],
)
def test_a_month_and_year_is_kept_to_the_month_without_a_day(written: str) -> None:
    found = parse_partial_date(written)
    assert found is not None
    assert found == PartialDate("2023-03", None)
    assert found.precision == "month"


def test_a_decomposed_month_reads_like_a_composed_one() -> None:
    assert parse_partial_date(_nfd("Tháng 12 năm 2023")) == PartialDate("2023-12", None)


@pytest.mark.parametrize("written", ["2023", "năm 2023", "Năm 2023", 2023])
def test_a_year_alone_is_kept_to_the_year(written: object) -> None:
    found = parse_partial_date(written)
    assert found is not None
    assert found == PartialDate("2023", None)
    assert found.precision == "year"


@pytest.mark.parametrize("written", ["1/2023", "12/2023", "2023-1", "2023-12"])
def test_the_first_and_last_months_are_months(written: str) -> None:
    found = parse_partial_date(written)
    assert found is not None
    assert found.period in ("2023-01", "2023-12")
    assert found.day is None


@pytest.mark.parametrize("written", ["13/2023", "0/2023", "tháng 13/2023", "2023-13", "2023-00"])
def test_a_month_that_does_not_exist_is_no_date(written: str) -> None:
    assert parse_partial_date(written) is None


@pytest.mark.parametrize("written", ["31/2/2023", "29/2/2023", "2023-04-31", "32/1/2023"])
def test_a_day_that_does_not_exist_is_no_date(written: str) -> None:
    assert parse_partial_date(written) is None


def test_the_leap_day_of_a_leap_year_is_a_day() -> None:
    assert parse_partial_date("29/2/2024") == PartialDate("2024-02-29", dt.date(2024, 2, 29))


@pytest.mark.parametrize("written", ["", "   ", "xyz", "quý 1/2023", "2021-2022", None])
def test_blank_or_nonsense_is_no_date(written: object) -> None:
    assert parse_partial_date(written) is None


def test_precision_follows_the_length_of_the_known_part() -> None:
    assert PartialDate("2023-03-14", dt.date(2023, 3, 14)).precision == "day"
    assert PartialDate("2023-03", None).precision == "month"
    assert PartialDate("2023", None).precision == "year"


def test_a_year_excel_stored_as_a_number_is_a_year_alone() -> None:
    """A date column holding only the year, typed as a number: 2023.0 is the year 2023, not
    month 0 of it."""
    assert parse_partial_date(2023.0) == PartialDate("2023", None)
    assert parse_partial_date("2023.0") == PartialDate("2023", None)
    assert parse_results_year("2023.00") == ResultsYear(2023, False)
