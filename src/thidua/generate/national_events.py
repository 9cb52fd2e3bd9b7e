"""A cluster's year in meetings, and who leads it.

Leadership: one leader and one deputy (two now and then in larger clusters), chosen every year;
the deputy takes over the next year more often than not, the leader never stays on.

Meetings: the covenant is signed in February–April (or at the previous year-end review); the
mid-year review falls between 15 June and 31 July; the year-end review between mid-November and
March, a week before the organiser decides the year's awards. Every meeting falls on a working
day on which all members exist (so no meeting in February 2025 of a department formed on
1 March); a cluster formed mid-year (the 2025 communes) signs its covenant when it is formed and
holds no mid-year review. The host is a member, the leader more often than not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from thidua.generate.national_calendar import draw_day
from thidua.generate.national_units import UnitSpec

_DEPUTY_SUCCEEDS = 0.6
_TWO_DEPUTIES = 0.15
_COVENANT_AT_REVIEW = 0.4
_LEADER_HOSTS = 0.6
_MORNING = 0.65
_FORMATION_WINDOW = dt.timedelta(days=60)


@dataclass(frozen=True)
class Leadership:
    leader: str
    deputies: tuple[str, ...]

    def role(self, unit_id: str) -> str:
        if unit_id == self.leader:
            return "leader"
        return "deputy" if unit_id in self.deputies else "member"


def choose_leadership(
    rng: np.random.Generator, members: tuple[str, ...], previous: Leadership | None
) -> Leadership:
    last_deputies = [d for d in (previous.deputies if previous else ()) if d in members]
    if last_deputies and rng.random() < _DEPUTY_SUCCEEDS:
        leader = last_deputies[0]
    else:
        candidates = [u for u in members if previous is None or u != previous.leader]
        leader = candidates[int(rng.integers(len(candidates)))]
    wanted = 2 if len(members) >= 8 and rng.random() < _TWO_DEPUTIES else 1
    pool = [u for u in members if u != leader]
    picked = rng.choice(len(pool), size=wanted, replace=False)
    return Leadership(leader, tuple(pool[int(i)] for i in picked))


@dataclass(frozen=True)
class Event:
    event_type: str
    day: dt.date
    part_of_day: str
    host: str


def _lifetimes(members: list[UnitSpec]) -> tuple[dt.date | None, dt.date | None]:
    starts = [u.valid_from for u in members if u.valid_from is not None]
    ends = [u.valid_to for u in members if u.valid_to is not None]
    return (max(starts) if starts else None, min(ends) if ends else None)


def _within(
    window: tuple[dt.date, dt.date], lifetimes: tuple[dt.date | None, dt.date | None]
) -> tuple[dt.date, dt.date] | None:
    start = max(window[0], lifetimes[0]) if lifetimes[0] else window[0]
    end = min(window[1], lifetimes[1]) if lifetimes[1] else window[1]
    return (start, end) if start <= end else None


def plan_events(
    rng: np.random.Generator,
    year: int,
    members: list[UnitSpec],
    leader: str,
    previous_review: dt.date | None,
    decision_day: dt.date,
) -> list[Event]:
    lifetimes = _lifetimes(members)
    events: list[Event] = []

    def add(event_type: str, day: dt.date) -> None:
        present = [u.unit_id for u in members if u.exists_on(day)]
        host = leader
        if leader not in present or rng.random() >= _LEADER_HOSTS:
            host = present[int(rng.integers(len(present)))]
        part = "morning" if rng.random() < _MORNING else "afternoon"
        events.append(Event(event_type, day, part, host))

    at_review = (
        previous_review is not None
        and rng.random() < _COVENANT_AT_REVIEW
        and all(u.exists_on(previous_review) for u in members)
    )
    covenant = _within((dt.date(year, 2, 1), dt.date(year, 4, 30)), lifetimes)
    if at_review and previous_review is not None:
        add("covenant_signing", previous_review)
    elif covenant is not None:
        early = covenant[0] + (covenant[1] - covenant[0]) / 3  # most sign early in the window
        add("covenant_signing", draw_day(rng, *covenant, mode=early))
    elif lifetimes[0] is not None:  # formed after April: the covenant is signed on formation
        add("covenant_signing", draw_day(rng, lifetimes[0], lifetimes[0] + _FORMATION_WINDOW))
    mid_year = _within((dt.date(year, 6, 15), dt.date(year, 7, 31)), lifetimes)
    if mid_year is not None and (lifetimes[0] is None or lifetimes[0] <= dt.date(year, 6, 30)):
        add("mid_year_review", draw_day(rng, *mid_year))
    year_end = (
        dt.date(year, 11, 15),
        min(dt.date(year + 1, 3, 31), decision_day - dt.timedelta(7)),
    )
    window = _within(year_end, lifetimes)
    if window is None:  # members exist on 31 December, so this cannot happen
        raise ValueError(f"no day in {year_end} on which every member exists")
    add("year_end_review", draw_day(rng, *window, mode=dt.date(year, 12, 28)))
    return events
