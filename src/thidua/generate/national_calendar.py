"""Working days of 2006–2027, for meetings and decisions that look like real ones.

Offices do not meet on weekends, fixed public holidays, or in the week either side of the Lunar
New Year. The province tier's calendar knows Tết from 2015; the national tier starts in 2006,
so it carries the whole table, and draws from a precomputed array instead of a list per call.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import numpy as np

# First day of the Lunar New Year (Tết Nguyên đán) in Vietnam (2007: 17 February, a day before
# China's, since Vietnam keeps UTC+7).
TET = {
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
_START, _END = dt.date(2006, 1, 1), dt.date(2027, 12, 31)


def is_working_day(day: dt.date) -> bool:
    if day.weekday() >= 5 or (day.month, day.day) in _FIXED_HOLIDAYS:
        return False
    tet = TET[day.year]
    return abs((day - tet).days) > _TET_QUIET_DAYS


@cache
def _working_days() -> tuple[list[dt.date], np.ndarray]:
    days = [_START + dt.timedelta(n) for n in range((_END - _START).days + 1)]
    working = [d for d in days if is_working_day(d)]
    ordinals = np.array([d.toordinal() for d in working], dtype=np.int64)
    return working, ordinals


def draw_day(
    rng: np.random.Generator, start: dt.date, end: dt.date, mode: dt.date | None = None
) -> dt.date:
    """A working day in [start, end]; with `mode`, days near it are likelier (triangular)."""
    working, ordinals = _working_days()
    lo = int(np.searchsorted(ordinals, start.toordinal(), side="left"))
    hi = int(np.searchsorted(ordinals, end.toordinal(), side="right"))
    if hi <= lo:
        raise ValueError(f"no working day between {start} and {end}")
    if mode is None or hi - lo == 1:
        return working[lo + int(rng.integers(hi - lo))]
    peak = min(max(int(np.searchsorted(ordinals, mode.toordinal())) - lo, 0), hi - lo - 1)
    return working[lo + round(float(rng.triangular(0, peak, hi - lo - 1)))]
