"""The cluster page's tallies: who rotated from deputy to leader, where the flag went, the longest
leading streak, the highlight picker's order and which review meetings were held."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import polars as pl
import pytest


@pytest.fixture
def present(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/presenters_cluster.py, imported as Streamlit imports the app's modules."""
    return app_module("presenters_cluster")


def test_rotation_counts_only_leader_years_where_the_previous_deputy_is_known(
    present: ModuleType,
) -> None:
    frame = pl.DataFrame(
        {
            "role": ["leader", "leader", "leader", "deputy"],
            "was_deputy_previous_year": [True, False, None, True],
        }
    )
    assert present.rotation_summary(frame) == (1, 2)


def test_flag_tally_separates_unknown_reasons_from_other_missing_answers(
    present: ModuleType,
) -> None:
    leaders = pl.DataFrame(
        {
            "is_flag_to_top_unit": [True, True, False, None, None],
            "flag_to_top_unit_reason": [None, None, None, "first_place_unknown", "no_flag"],
        }
    )
    assert present.flag_tally(leaders) == {"yes": 2, "no": 1, "unknown": 1}


def test_longest_streak_prefers_the_earlier_run_on_a_tie(present: ModuleType) -> None:
    leaders = pl.DataFrame(
        {
            "results_year": [2019, 2021, 2023],
            "top_unit_name": ["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"],
            "top_streak": [3, 3, None],
            "streak_generated": [False, True, False],
        }
    )
    assert present.longest_streak(leaders) == ("Sở Tư pháp", 3, False)
    empty = leaders.filter(pl.col("top_streak").is_null())
    assert present.longest_streak(empty) == (None, 0, False)


def test_highlight_picker_lists_latest_year_ranking_first(present: ModuleType) -> None:
    ranked = pl.DataFrame(
        {
            "results_year": [2022, 2022, 2023, 2023],
            "unit_id": ["a", "c", "b", "a"],
            "unit_name": ["Sở A", "Sở C", "Sở B", "Sở A"],
            "rank": [1, 2, 1, 2],
        }
    )
    assert list(present.units_by_latest_rank(ranked)) == ["b", "a", "c"]


def test_events_held_counts_distinct_years_per_meeting_type(present: ModuleType) -> None:
    events = pl.DataFrame(
        {
            "event_type": ["covenant_signing", "covenant_signing", "year_end_review"],
            "results_year": [2023, 2023, 2024],
        }
    )
    assert present.events_held(events) == {
        "covenant_signing": 1,
        "mid_year_review": 0,
        "year_end_review": 1,
    }
