"""The domain policy both tiers draw from, tested once: calendar, leadership, criteria tables,
strengths, meeting windows and how a cluster is written."""

from __future__ import annotations

import datetime as dt
import random
import statistics
from dataclasses import dataclass

import pytest

from thidua.generate.calendar import draw_day, is_working_day
from thidua.generate.criteria import SCALES, criteria_table, table_shape
from thidua.generate.events import plan_events
from thidua.generate.leadership import Leadership, choose_leadership
from thidua.generate.names import written_ref
from thidua.generate.reference import Lifetime
from thidua.generate.scoring import Strengths
from thidua.normalize import parse_cluster_ref


@dataclass(frozen=True)
class _Unit(Lifetime):
    """A member as the engine sees one: its id and the days it exists."""

    unit_id: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


def test_drawn_days_are_working_days_in_their_window() -> None:
    rng = random.Random(1)
    start, end = dt.date(2006, 1, 1), dt.date(2027, 12, 31)
    for _ in range(2000):
        a = start + dt.timedelta(rng.randrange((end - start).days - 60))
        b = a + dt.timedelta(rng.randrange(20, 60))
        day = draw_day(rng, a, b, mode=a + (b - a) / 3 if rng.random() < 0.5 else None)
        assert a <= day <= b and is_working_day(day)
    assert not is_working_day(dt.date(2025, 1, 29))  # Tết
    assert not is_working_day(dt.date(2024, 9, 2))  # National Day, a Monday


def test_leadership_rotates_and_the_deputy_often_succeeds() -> None:
    rng = random.Random(2)
    members = tuple(f"u{i}" for i in range(10))
    previous: Leadership | None = None
    succeeded = two_deputies = 0
    years = 3000
    for _ in range(years):
        leadership = choose_leadership(rng, members, previous)
        assert leadership.leader not in leadership.deputies
        if previous is not None:
            assert leadership.leader != previous.leader
            succeeded += leadership.leader in previous.deputies
        two_deputies += len(leadership.deputies) == 2
        previous = leadership
    assert 0.5 < succeeded / years < 0.75
    assert 0.05 < two_deputies / years < 0.25


def test_known_roles_are_kept() -> None:
    members = tuple(f"u{i}" for i in range(6))
    known = {"u3": "leader", "u4": "deputy"}
    for seed in range(50):
        leadership = choose_leadership(random.Random(seed), members, None, known)
        assert leadership == Leadership("u3", ("u4",))


@pytest.mark.parametrize("tier", ["province", "national"])
def test_criteria_tables_take_their_tiers_shape(tier: str) -> None:
    shape = table_shape(tier)
    rng = random.Random(3)
    for theme in shape.tasks:
        for scale in SCALES:
            table = criteria_table(rng, theme, scale, shape)  # type: ignore[arg-type]
            groups = {c.group for c in table}
            assert sum(c.max_points for c in table) == scale
            assert shape.criterion_count[0] <= len(table) <= shape.criterion_count[1]
            assert shape.group_count[0] <= len(groups) <= shape.group_count[1]
            assert shape.task_group in groups and shape.emulation_group in groups
            assert len({c.code for c in table}) == len(table)


def test_strength_persists_from_year_to_year() -> None:
    strengths = Strengths(4, first_year=2006)
    units = [f"u{i}" for i in range(300)]
    this = [strengths.value(u, 2020) for u in units]
    last = [strengths.value(u, 2019) for u in units]
    assert statistics.correlation(this, last) > 0.6
    assert all(0.8 <= strengths.share(u, 2020) <= 0.99 for u in units)


def test_a_cluster_of_new_units_signs_on_formation_and_holds_no_mid_year_review() -> None:
    formed = dt.date(2025, 7, 1)
    members = [_Unit(f"x{i}", valid_from=formed) for i in range(6)]
    events = plan_events(random.Random(5), 2025, members, "x0", None, dt.date(2026, 3, 2))
    assert [e.event_type for e in events] == ["covenant_signing", "year_end_review"]
    assert formed <= events[0].day <= formed + dt.timedelta(days=60)


def test_meetings_fall_in_their_windows_on_days_every_member_exists() -> None:
    members = [_Unit("a"), _Unit("b", valid_from=dt.date(2025, 3, 1)), _Unit("c")]
    for seed in range(100):
        events = plan_events(random.Random(seed), 2025, members, "a", None, dt.date(2026, 3, 2))
        days = {e.event_type: e.day for e in events}
        assert dt.date(2025, 3, 1) <= days["covenant_signing"] <= dt.date(2025, 4, 30)
        assert dt.date(2025, 6, 15) <= days["mid_year_review"] <= dt.date(2025, 7, 31)
        assert dt.date(2025, 11, 15) <= days["year_end_review"] <= dt.date(2026, 2, 23)
        assert {e.host for e in events} <= {"a", "b", "c"}


@pytest.mark.parametrize("ref", ["Cụm thi đua số 7", "Khối thi đua số 12"])
def test_every_way_of_writing_a_cluster_parses_to_the_same_cluster(ref: str) -> None:
    number = int(ref.rsplit(" ", 1)[1])
    parsed = parse_cluster_ref(ref)
    assert parsed is not None
    written = {written_ref(draw / 100, ref, number) for draw in range(100)}
    assert len(written) == 3  # as is, in Roman numerals, zero-padded
    for text in written:
        again = parse_cluster_ref(text)
        assert again is not None and again.cluster_id("org") == parsed.cluster_id("org")
