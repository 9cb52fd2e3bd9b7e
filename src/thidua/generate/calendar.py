"""Meeting and decision dates that look like real ones: working days, never around Tết.

Offices do not meet on weekends, fixed public holidays or in the week either side of the Lunar
New Year, so a date is drawn among the working days of its window. The working days of
2006–2027 (every tier's years, and the year after for decisions) are listed once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from functools import cache

# First day of the Lunar New Year (Tết Nguyên đán) in Vietnam (2007: 17 February, a day before
# China's, since Vietnam keeps UTC+7).
_TET = {
    2006: dt.date(2006, 1, 29),
    2007: dt.date(2007, 2, 17),
    2008: dt.date(2008, 2, 7),
    2009: dt.date(2009, 1, 26),
    2010: dt.date(2010, 2, 14),
    2011: dt.date(2011, 2, 3),
    2012: dt.date(2012, 1, 23),
    2013: dt.date(2013, 2, 10),
    2014: dt.date(2014, 1, 31),
    2015: dt.date(2015, 2, 19),
    2016: dt.date(2016, 2, 8),
    2017: dt.date(2017, 1, 28),
    2018: dt.date(2018, 2, 16),
    2019: dt.date(2019, 2, 5),
    2020: dt.date(2020, 1, 25),
    2021: dt.date(2021, 2, 12),
    2022: dt.date(2022, 2, 1),
    2023: dt.date(2023, 1, 22),
    2024: dt.date(2024, 2, 10),
    2025: dt.date(2025, 1, 29),
    2026: dt.date(2026, 2, 17),
    2027: dt.date(2027, 2, 6),
}
_FIXED_HOLIDAYS = ((1, 1), (4, 30), (5, 1), (9, 2))
_TET_QUIET_DAYS = 7


def is_working_day(day: dt.date) -> bool:
    if day.weekday() >= 5 or (day.month, day.day) in _FIXED_HOLIDAYS:
        return False
    return abs((day - _TET[day.year]).days) > _TET_QUIET_DAYS


@cache
def _all_working_days() -> tuple[list[dt.date], list[int]]:
    first, last = dt.date(min(_TET), 1, 1), dt.date(max(_TET), 12, 31)
    days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
    working = [day for day in days if is_working_day(day)]
    return working, [day.toordinal() for day in working]


def draw_day(
    rng: random.Random, start: dt.date, end: dt.date, mode: dt.date | None = None
) -> dt.date:
    """A working day in [start, end]; with `mode`, days near it are likelier (triangular)."""
    working, ordinals = _all_working_days()
    lo = bisect.bisect_left(ordinals, start.toordinal())
    days = working[lo : bisect.bisect_right(ordinals, end.toordinal())]
    if not days:
        raise ValueError(f"no working day between {start} and {end}")
    if mode is None:
        return rng.choice(days)
    peak = min(bisect.bisect_left(days, mode), len(days) - 1)  # first day on or after the mode
    return days[round(rng.triangular(0, len(days) - 1, peak))]
