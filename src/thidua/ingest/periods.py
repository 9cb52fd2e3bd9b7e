"""Years and dates as reports write them: school years and dates known only to the month or year.

Reports say "năm học 2021-2022" for an education cluster's results year and "tháng 3/2023" or
just "năm 2023" for a meeting whose day they do not give. Both are read here, never guessed into
something more precise than what was written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from thidua.normalize import clean_text, fold, parse_date

# Matched on folded text (`fold`: no diacritics, lower case, any punctuation a single space), so
# "2021-2022", "2021 – 2022" and "2021/2022" read alike, as do "tháng 3/2023" and "Tháng 3-2023".
# "2021-2022", "năm học 2021-2022", "NH 2021-22".
_SCHOOL_YEAR = re.compile(r"^(?:nam hoc |nh )?(\d{4}) (\d{4}|\d{2})$")
_PLAIN_YEAR = re.compile(r"^(?:nam )?(\d{4})$")
# A year cell Excel stored as a number, read as text: "2023.0" ("2023,0" in a Vietnamese
# locale). Matched before folding, which would make it "2023 0", the same as the school year
# "2023-00" or the month "2023-0".
_EXCEL_YEAR = re.compile(r"^\s*(\d{4})[.,]0+\s*$")
# "3/2023", "03-2023", "tháng 3/2023", "tháng 3 năm 2023", "T3/2023".
_MONTH_YEAR = re.compile(r"^(?:thang |t)?(\d{1,2}) (?:nam )?(\d{4})$")
# "2023-03"
_ISO_MONTH = re.compile(r"^(\d{4}) (\d{1,2})$")


def _without_excel_fraction(text: str) -> str:
    excel = _EXCEL_YEAR.match(text)
    return excel.group(1) if excel else text


@dataclass(frozen=True)
class ResultsYear:
    """A results year as written: the calendar year it counts as, and whether it was a school
    year (a school year 2021-2022 counts as 2022, the year its results are reviewed)."""

    year: int
    is_school_year: bool


def parse_results_year(text: str) -> ResultsYear | None:
    """2022, "năm 2022", or a school year "2021-2022" (two consecutive years) → its year."""
    folded = fold(_without_excel_fraction(clean_text(text)))
    plain = _PLAIN_YEAR.match(folded)
    if plain:
        return ResultsYear(int(plain.group(1)), False)
    school = _SCHOOL_YEAR.match(folded)
    if not school:
        return None
    start = int(school.group(1))
    end_text = school.group(2)
    end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
    if len(end_text) == 2 and end < start:
        end += 100  # "1999-00": the school year ends in the next century
    # "2021-2023" is not a school year; a range of years is not a results year either
    return ResultsYear(end, True) if end == start + 1 else None


@dataclass(frozen=True)
class PartialDate:
    """A day, or only the month or the year of it. `period` is the known part in ISO order
    ("2023-03-14", "2023-03", "2023"); `day` is set only when the day is known."""

    period: str
    day: dt.date | None

    @property
    def precision(self) -> str:
        return {10: "day", 7: "month"}.get(len(self.period), "year")


def parse_partial_date(value: object) -> PartialDate | None:
    """A full date (as `parse_date` reads it), a month and year, or a year alone."""
    day = parse_date(value)
    if day is not None:
        return PartialDate(day.isoformat(), day)
    folded = fold(_without_excel_fraction(clean_text(str(value))))
    iso = _ISO_MONTH.match(folded)
    month_year = _MONTH_YEAR.match(folded)
    if iso:
        year, month = int(iso.group(1)), int(iso.group(2))
    elif month_year:
        month, year = int(month_year.group(1)), int(month_year.group(2))
    else:
        plain = _PLAIN_YEAR.match(folded)
        return PartialDate(plain.group(1), None) if plain else None
    if not 1 <= month <= 12:
        return None
    return PartialDate(f"{year:04d}-{month:02d}", None)
