"""A cluster's year in meetings: covenant signing, mid-year review, year-end review.

Windows follow practice: the covenant is signed in February–April or at the previous year-end
review; the mid-year review falls between 15 June and 31 July; the year-end review between
mid-November and March, at least a week before the organiser decides that year's awards. Every
meeting is held on a working day on which all members exist (so no meeting in February 2025 of
departments formed on 1 March); a cluster of units formed after April (the 2025 communes)
signs its covenant on formation and, formed after June, holds no mid-year review. The
host is a member, usually the leader.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from thidua.generate.calendar import draw_day
from thidua.generate.reference import Lifetime

_COVENANT_AT_REVIEW = 0.4
_LEADER_HOSTS = 0.6
_MORNING = 0.65
_FORMATION_WINDOW = dt.timedelta(days=60)

Window = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class Event:
    event_type: str
    day: dt.date
    part_of_day: str
    host: str


def _within(members: Sequence[Lifetime], window: Window) -> Window | None:
    """The part of the window in which every member exists, if any."""
    starts = [u.valid_from for u in members if u.valid_from is not None]
    ends = [u.valid_to for u in members if u.valid_to is not None]
    start, end = max([window[0], *starts]), min([window[1], *ends])
    return (start, end) if start <= end else None


def _formed(members: Sequence[Lifetime]) -> dt.date | None:
    """When a cluster of new units was formed: the day its last member was (None when a member
    existed all along, as in a standing cluster that gains a new unit)."""
    starts = [u.valid_from for u in members]
    return None if None in starts else max(d for d in starts if d is not None)


def _event(
    rng: random.Random, event_type: str, day: dt.date, members: Sequence[Lifetime], leader: str
) -> Event:
    part = "morning" if rng.random() < _MORNING else "afternoon"
    present = [u.unit_id for u in members if u.exists_on(day)] or [u.unit_id for u in members]
    if leader in present and rng.random() < _LEADER_HOSTS:
        return Event(event_type, day, part, leader)
    return Event(event_type, day, part, rng.choice(present))


def plan_events(
    rng: random.Random,
    year: int,
    members: Sequence[Lifetime],
    leader: str,
    previous_review: dt.date | None,
    decision_day: dt.date,
    covenant: Window | None = None,
) -> list[Event]:
    """The year's meetings; `covenant` replaces February–April when the organiser formed its
    clusters later in the year (Thanh Hóa in 2015)."""
    events: list[Event] = []
    window = covenant or (dt.date(year, 2, 1), dt.date(year, 4, 30))
    formed = _formed(members)
    if (
        previous_review is not None
        and rng.random() < _COVENANT_AT_REVIEW
        and all(u.exists_on(previous_review) for u in members)
    ):
        day = previous_review
    else:
        if formed is not None and formed > window[1]:  # formed after April: signs on formation
            window = (formed, formed + _FORMATION_WINDOW)
        start, end = _within(members, window) or window
        day = draw_day(rng, start, end, mode=start + (end - start) / 3)  # most sign early
    events.append(_event(rng, "covenant_signing", day, members, leader))
    if formed is None or formed <= dt.date(year, 6, 30):
        mid_year = (dt.date(year, 6, 15), dt.date(year, 7, 31))
        day = draw_day(rng, *(_within(members, mid_year) or mid_year))
        events.append(_event(rng, "mid_year_review", day, members, leader))
    year_end = (
        dt.date(year, 11, 15),
        min(dt.date(year + 1, 3, 31), decision_day - dt.timedelta(7)),
    )
    day = draw_day(rng, *(_within(members, year_end) or year_end), mode=dt.date(year, 12, 28))
    events.append(_event(rng, "year_end_review", day, members, leader))
    return events
