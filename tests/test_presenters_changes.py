"""The changes page's frames: the base and end years it offers, changes written as signed points
and places in the reader's language, renamed units shown as "A → B", the gains and losses a
chart keeps, the most improved row, and which changes rest on generated values."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import polars as pl
import pytest


@pytest.fixture
def changes(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/presenters_changes.py, imported as Streamlit imports the app's modules."""
    return app_module("presenters_changes")


def test_base_years_are_those_with_a_later_year(changes: ModuleType) -> None:
    assert changes.base_years([2023, 2021, 2022]) == [2021, 2022]
    assert changes.base_years([2022]) == []


def test_end_years_come_after_the_base(changes: ModuleType) -> None:
    assert changes.end_years([2023, 2020, 2021, 2022], 2021) == [2022, 2023]
    assert changes.end_years([2021, 2022], 2022) == []


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (0.042, "vi", "+4,2 điểm %"),
        (0.042, "en", "+4.2 pts"),
        (-0.1234, "vi", "−12,3 điểm %"),
        (0.0, "en", "±0.0 pts"),
        (None, "vi", "—"),
    ],
)
def test_signed_points(changes: ModuleType, value: float | None, lang: str, text: str) -> None:
    assert changes.signed_points(value, lang) == text


@pytest.mark.parametrize(("value", "text"), [(3, "+3"), (-2, "−2"), (0, "0"), (None, "—")])
def test_signed_places(changes: ModuleType, value: int | None, text: str) -> None:
    assert changes.signed_places(value, "vi") == text


def _clusters() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "cluster_id": ["cum-01", "cum-02", "cum-03"],
            "share_of_max_change": [0.05, None, -0.02],
            "share_rank_change": [2, -1, None],
            "mean_abs_rank_change": [1.0, 0.5, None],
            # cum-02's share change is generated but hidden: it does not taint the row
            "is_share_change_synthetic": [False, True, False],
            "is_share_rank_change_synthetic": [False, False, False],
            # cum-03's rank stability is generated and hidden too
            "is_rank_stability_synthetic": [None, False, True],
        }
    )


def test_cluster_labels_and_points(changes: ModuleType) -> None:
    out = changes.clusters(_clusters(), "vi")
    assert out["share_change_label"].to_list() == ["+5,0 điểm %", "—", "−2,0 điểm %"]
    assert out["rank_change_label"].to_list() == ["+2", "−1", "—"]
    assert out["share_change_points"].to_list()[0] == pytest.approx(5.0)
    assert out["share_change_points"].to_list()[1] is None


def test_cluster_origin_ignores_hidden_generated_values(changes: ModuleType) -> None:
    frame = _clusters().with_columns(
        pl.Series("is_share_rank_change_synthetic", [True, False, False])
    )
    out = changes.clusters(frame, "vi")
    assert out["origin"].to_list() == ["Mô phỏng", "Thật", "Thật"]


def _units() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "unit_id": ["u-gd", "u-hb"],
            "end_unit_id": ["u-gd", "u-hb-2"],
            "unit_name": ["Sở GD&ĐT", "UBND huyện Hoà Bình"],
            "end_unit_name": ["Sở GD&ĐT", "UBND thành phố Hòa Bình"],
            "base_rank": [3, 7],
            "base_member_count": [12, 12],
            "end_rank": [1, 9],
            "end_member_count": [12, 11],
            "share_of_max_change": [0.031, -0.015],
            "rank_change": [2, -2],
            "is_share_change_synthetic": [False, False],
            "is_rank_change_synthetic": [False, True],
        }
    )


def test_units_show_a_renamed_unit_with_both_names(changes: ModuleType) -> None:
    out = changes.units(_units(), "en")
    assert out["unit_label"].to_list() == [
        "Sở GD&ĐT",
        "UBND huyện Hoà Bình → UBND thành phố Hòa Bình",
    ]
    assert out["base_rank_label"].to_list() == ["3 / 12", "7 / 12"]
    assert out["end_rank_label"].to_list() == ["1 / 12", "9 / 11"]
    assert out["share_change_label"].to_list() == ["+3.1 pts", "−1.5 pts"]
    assert out["origin"].to_list() == ["Real", "Synthetic"]


def test_chart_rows_keep_all_rows_when_few(changes: ModuleType) -> None:
    frame = pl.DataFrame({"name": ["A", "B", "C"], "delta": [1, None, -2]})
    out = changes.chart_rows(frame, "delta", "name")
    assert out["bar_label"].to_list() == ["A", "C"]
    assert out["is_gain"].to_list() == [True, False]


def test_chart_rows_keep_largest_gains_and_losses(changes: ModuleType) -> None:
    n = 2 * changes.CHART_ROWS + 6  # 30 rows, deltas -15 .. 14
    frame = pl.DataFrame({"name": [f"Cụm {i}" for i in range(n)], "delta": list(range(-15, 15))})
    out = changes.chart_rows(frame, "delta", "name")
    kept = sorted(out["delta"].to_list())
    assert kept == list(range(-15, -3)) + list(range(3, 15))
    assert out.filter(pl.col("delta") == 3)["is_gain"].to_list() == [True]


def test_best_names_the_most_improved(changes: ModuleType) -> None:
    frame = pl.DataFrame(
        {
            "name": ["Sở GD&ĐT", "Hoà Bình", "Hòa Bình"],
            "share_of_max_change": [0.01, None, 0.052],
            "rank_change": [4, 1, None],
        }
    )
    assert changes.best(frame, "share_of_max_change", "name", "vi") == ("Hòa Bình", "+5,2 điểm %")
    assert changes.best(frame, "rank_change", "name", "vi") == ("Sở GD&ĐT", "+4")


def test_best_is_none_when_no_row_has_the_measure(changes: ModuleType) -> None:
    frame = pl.DataFrame(
        {"name": ["A"], "rank_change": [None]}, schema={"name": pl.String, "rank_change": pl.Int64}
    )
    assert changes.best(frame, "rank_change", "name", "vi") is None
