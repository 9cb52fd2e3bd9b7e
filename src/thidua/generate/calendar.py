"""Meeting and decision dates that look like real ones: working days, never around Tết.

Offices do not meet on weekends, public holidays or in the week either side of the Lunar New
Year, so a date drawn in a window is moved to the nearest working day inside it.
"""

from __future__ import annotations

import datetime as dt
import random

# First day of the Lunar New Year (Tết Nguyên đán) for the years the generator covers.
_TET = {
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
    tet = _TET.get(day.year)
    return tet is None or abs((day - tet).days) > _TET_QUIET_DAYS


def working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    days = [start + dt.timedelta(n) for n in range((end - start).days + 1)]
    return [day for day in days if is_working_day(day)]


def draw_day(
    rng: random.Random, start: dt.date, end: dt.date, mode: dt.date | None = None
) -> dt.date:
    """A working day in [start, end]; with `mode`, days near it are likelier (triangular)."""
    days = working_days(start, end)
    if not days:
        raise ValueError(f"no working day between {start} and {end}")
    if mode is None:
        return rng.choice(days)
    position = rng.triangular(0, len(days) - 1, _position(days, mode))
    return days[round(position)]


def _position(days: list[dt.date], mode: dt.date) -> int:
    for index, day in enumerate(days):
        if day >= mode:
            return index
    return len(days) - 1
