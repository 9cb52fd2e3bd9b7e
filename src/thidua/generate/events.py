"""A cluster's year in meetings: covenant signing, mid-year review, year-end review.

Windows follow practice: the covenant is signed in February–April or at the previous year-end
review; the mid-year review falls between 15 June and 31 July; the year-end review between
mid-November and March, always before the province decides that year's flags. Every meeting is
held on a working day on which all members exist (so no meeting in February 2025 of departments
formed on 1 March), hosted by a member, usually the leader.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from thidua.generate.calendar import draw_day
from thidua.generate.layout import FIRST_YEAR
from thidua.generate.reference import Reference

_COVENANT_AT_REVIEW = 0.4
_LEADER_HOSTS = 0.6
_MORNING = 0.65
# The 2015 clusters were formed by decision 2013/QĐ-UBND of 2/6/2015: no covenant before that.
_FIRST_YEAR_COVENANT = (dt.date(FIRST_YEAR, 6, 3), dt.date(FIRST_YEAR, 6, 30))


@dataclass(frozen=True)
class Event:
    event_type: str
    day: dt.date
    part_of_day: str
    host: str


def covenant_window(year: int) -> tuple[dt.date, dt.date]:
    if year == FIRST_YEAR:
        return _FIRST_YEAR_COVENANT
    return dt.date(year, 2, 1), dt.date(year, 4, 30)


def mid_year_window(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 6, 15), dt.date(year, 7, 31)


def year_end_window(year: int, decision_day: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(year, 11, 15), min(dt.date(year + 1, 3, 31), decision_day - dt.timedelta(7))


class EventPlanner:
    def __init__(self, reference: Reference) -> None:
        self._reference = reference

    def _within_lifetimes(
        self, members: tuple[str, ...], start: dt.date, end: dt.date
    ) -> tuple[dt.date, dt.date]:
        units = [self._reference.unit(u) for u in members]
        starts = [u.valid_from for u in units if u.valid_from is not None]
        ends = [u.valid_to for u in units if u.valid_to is not None]
        narrowed = (max([start, *starts]), min([end, *ends]))
        return narrowed if narrowed[0] <= narrowed[1] else (start, end)

    def _all_exist(self, members: tuple[str, ...], day: dt.date) -> bool:
        return all(self._reference.unit(u).exists_on(day) for u in members)

    def _host(self, rng: random.Random, members: tuple[str, ...], leader: str, day: dt.date) -> str:
        present = [u for u in members if self._reference.unit(u).exists_on(day)] or list(members)
        if leader in present and rng.random() < _LEADER_HOSTS:
            return leader
        return rng.choice(present)

    def _event(
        self,
        rng: random.Random,
        event_type: str,
        day: dt.date,
        members: tuple[str, ...],
        leader: str,
    ) -> Event:
        part = "morning" if rng.random() < _MORNING else "afternoon"
        return Event(event_type, day, part, self._host(rng, members, leader, day))

    def plan(
        self,
        rng: random.Random,
        year: int,
        members: tuple[str, ...],
        leader: str,
        previous_review: dt.date | None,
        decision_day: dt.date,
    ) -> list[Event]:
        events: list[Event] = []
        start, end = covenant_window(year)
        if (
            year > FIRST_YEAR
            and previous_review is not None
            and rng.random() < _COVENANT_AT_REVIEW
            and self._all_exist(members, previous_review)
        ):
            covenant = previous_review
        else:
            start, end = self._within_lifetimes(members, start, end)
            covenant = draw_day(rng, start, end, mode=start + (end - start) / 3)
        events.append(self._event(rng, "covenant_signing", covenant, members, leader))
        start, end = self._within_lifetimes(members, *mid_year_window(year))
        events.append(
            self._event(rng, "mid_year_review", draw_day(rng, start, end), members, leader)
        )
        start, end = self._within_lifetimes(members, *year_end_window(year, decision_day))
        review = draw_day(rng, start, end, mode=dt.date(year, 12, 28))
        events.append(self._event(rng, "year_end_review", review, members, leader))
        return events
