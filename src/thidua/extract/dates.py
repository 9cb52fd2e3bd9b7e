"""Dates and years as reports write them.

"Chiều 15-7", "Sáng ngày 30/7", "Ngày 14 tháng 01 năm 2022", "ngày 20/12/2023", "tháng 12/2023";
a day and month without a year only when a day word stands before them ("Ngày 30-6", "Chiều
15-7"), since "6-7 đơn vị" is no date. Years: "năm 2022", "năm học 2021-2022" (the school year
ends in 2022: its results year).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_PART = r"(?P<part>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)"
_DAY_WORD = rf"(?:{_PART}\s+(?:ngày\s+|hôm\s+)?|(?<![\w/])[Nn]gày\s+|(?<![\w/])[Hh]ôm\s+)"
_FULL_WORDS = re.compile(
    rf"(?:{_DAY_WORD})?(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})\s+năm\s+(?P<y>\d{{4}})"
)
_FULL_DIGITS = re.compile(
    rf"(?:{_DAY_WORD})?(?<![\d/.-])(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>\d{{4}})(?!\d)"
)
_DAY_MONTH = re.compile(
    rf"{_DAY_WORD}(?P<d>\d{{1,2}})\s*[/-]\s*(?P<m>\d{{1,2}})(?![\d/-])(?:\s+năm\s+(?P<y>\d{{4}}))?"
)
# "Ngày 5 tháng 1": words, with no year (a full date in words is _FULL_WORDS)
_DAY_MONTH_WORDS = re.compile(
    rf"{_DAY_WORD}(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})(?![\d/])(?!\s+năm\s+\d)"
)
_MONTH_YEAR = re.compile(r"[Tt]háng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>\d{4})")
_SCHOOL_YEAR = re.compile(r"[Nn]ăm học\s+(?P<a>\d{4})\s*[-–—/]\s*(?P<b>\d{4})")
_YEAR = re.compile(r"(?<![\d/.-])(?:[Nn]ăm|năn|nam)\s+(?P<y>(?:19|20)\d{2})(?!\d|\s*[-–—]\s*\d{4})")
_PARTS_OF_DAY = {"sáng": "morning", "trưa": "afternoon", "chiều": "afternoon", "tối": "evening"}


@dataclass(frozen=True)
class FoundDate:
    """A date as written: the year is None when the text leaves it to the reader."""

    day: int | None
    month: int
    year: int | None
    part_of_day: str | None
    start: int
    end: int

    def iso(self, year: int | None = None) -> str | None:
        """YYYY-MM-DD, or YYYY-MM for a month; None when no year is known or it is no day."""
        y = self.year or year
        if y is None:
            return None
        try:
            if self.day is None:
                dt.date(y, self.month, 1)
                return f"{y:04d}-{self.month:02d}"
            return dt.date(y, self.month, self.day).isoformat()
        except ValueError:
            return None


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order; overlapping readings keep the longest."""
    found: list[FoundDate] = []
    taken = bytearray(len(text) + 1)  # characters a longer reading already holds
    for pattern in (_FULL_WORDS, _FULL_DIGITS, _DAY_MONTH, _DAY_MONTH_WORDS, _MONTH_YEAR):
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            groups = match.groupdict()
            month = int(groups["m"])
            day = int(groups["d"]) if groups.get("d") else None
            if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            part = groups.get("part")
            found.append(
                FoundDate(
                    day,
                    month,
                    int(groups["y"]) if groups.get("y") else None,
                    _PARTS_OF_DAY.get(part.lower()) if part else None,
                    match.start(),
                    match.end(),
                )
            )
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return sorted(found, key=lambda d: d.start)


def school_year_end(text: str) -> int | None:
    """The results year of the first school year written ("năm học 2021-2022" → 2022)."""
    match = _SCHOOL_YEAR.search(text)
    if match and int(match.group("b")) == int(match.group("a")) + 1:
        return int(match.group("b"))
    return None


def years(text: str) -> list[tuple[int, int]]:
    """Each year written as "năm YYYY" (or a school year), with its offset, in order."""
    found = [(int(m.group("y")), m.start()) for m in _YEAR.finditer(text)]
    found += [(int(m.group("b")), m.start()) for m in _SCHOOL_YEAR.finditer(text)]
    return sorted(found, key=lambda pair: pair[1])


def year_after(text: str, offset: int, reach: int = 120) -> int | None:
    """The first year written after `offset`, within `reach` characters (the year a keyword
    such as "tổng kết" or "giao ước" is about)."""
    for year, at in years(text):
        if offset <= at <= offset + reach:
            return year
    return None
