"""The unit page's charts as Vega-Lite specs: the followed unit (through its successor) gets the
first colour, the rank axis runs best-at-top over the whole cluster, reorganisations are marked
between years, and the one-line summary names the best rank and where it was earned."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import polars as pl
import pytest

CHAIN = "Sở Kế hoạch và Đầu tư → Sở Tài chính"
OTHER = "Sở Tài chính (cũ)"


@pytest.fixture
def charts_unit(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/charts_unit.py, imported as Streamlit imports the app's modules."""
    return app_module("charts_unit")


def _history() -> pl.DataFrame:
    """Another unit of the family comes first in the frame; the followed chain must still lead."""
    rows = [
        # series, is_chain, year, unit as called that year, cluster, rank, members, share
        (OTHER, False, 2021, "Sở Tài chính", "Cụm thi đua số 8", 6, 11, 0.81),
        (CHAIN, True, 2021, "Sở Kế hoạch và Đầu tư", "Cụm thi đua số 8", 3, 11, 0.93),
        (CHAIN, True, 2022, "Sở Kế hoạch và Đầu tư", "Cụm thi đua số 8", 1, 12, 0.99),
        (CHAIN, True, 2023, "Sở KH&ĐT", "Cụm thi đua số 8", 1, 12, 0.97),
        (CHAIN, True, 2025, "Sở Tài chính", "Khối Hòa Bình", 4, 14, 0.90),
    ]
    frame = pl.DataFrame(
        rows,
        schema=[
            "series",
            "is_chain",
            "results_year",
            "unit_name",
            "cluster_label",
            "rank",
            "member_count",
            "share_of_max",
        ],
        orient="row",
    )
    return frame.with_columns(
        pl.col("cluster_label").alias("cluster_id"),
        pl.lit("Thành viên").alias("role_label"),
        pl.col("share_of_max").cast(pl.String).alias("share_label"),
        pl.col("rank").cast(pl.String).alias("rank_label"),
        pl.lit("Thật").alias("score_origin"),
        pl.lit("Thật").alias("effective_rank_origin"),
        pl.lit("Bài báo").alias("score_source"),
        pl.lit("Bài báo").alias("effective_rank_source"),
    )


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    layers: list[dict[str, Any]] = spec["layer"]
    return layers


def test_rank_axis_puts_first_place_on_top_over_the_largest_cluster(
    charts_unit: ModuleType,
) -> None:
    spec = charts_unit.rank_over_time(_history(), [], "vi").to_dict()
    y = _layers(spec)[0]["encoding"]["y"]
    # the largest member count is 14: the axis runs from 14.5 at the bottom to 0.5 at the top
    assert y["scale"]["domain"] == [14.5, 0.5]
    assert y["title"] == "Thứ hạng"


def test_the_followed_unit_gets_the_first_colour(charts_unit: ModuleType) -> None:
    spec = charts_unit.share_over_time(_history(), [], "vi").to_dict()
    color = _layers(spec)[0]["encoding"]["color"]
    assert color["scale"]["domain"] == [CHAIN, OTHER]
    assert color["field"] == "series"


def test_best_rank_summary_names_the_latest_year_of_the_best_rank(
    charts_unit: ModuleType,
) -> None:
    vi = charts_unit.rank_over_time(_history(), [], "vi").to_dict()
    en = charts_unit.rank_over_time(_history(), [], "en").to_dict()
    # rank 1 in 2022 and 2023: the latest year is named, with the unit as called that year
    assert vi["description"] == "Hạng cao nhất: hạng 1 năm 2023 (Sở KH&ĐT, Cụm thi đua số 8)."
    assert en["description"] == "Best rank: 1 in 2023 (Sở KH&ĐT, Cụm thi đua số 8)."


def test_no_ranked_year_says_the_chart_is_empty(charts_unit: ModuleType) -> None:
    frame = _history().with_columns(pl.lit(None, dtype=pl.Int64).alias("rank"))
    spec = charts_unit.rank_over_time(frame, [], "en").to_dict()
    assert spec["description"] == "The chart has no values yet."


def test_reorganisations_are_marked_between_years(charts_unit: ModuleType) -> None:
    plain = charts_unit.share_over_time(_history(), [], "vi").to_dict()
    marked = charts_unit.share_over_time(_history(), [2025], "vi").to_dict()
    assert len(_layers(plain)) == 2
    layers = _layers(marked)
    assert len(layers) == 4
    rule, text = layers[2], layers[3]
    assert rule["mark"]["type"] == "rule"
    assert text["mark"]["text"] == "sắp xếp lại"
    datasets = marked["datasets"]
    assert datasets[rule["data"]["name"]] == [{"results_year": 2024.5}]


def test_share_axis_is_a_percentage_with_points_shaped_by_origin(
    charts_unit: ModuleType,
) -> None:
    spec = charts_unit.share_over_time(_history(), [], "en").to_dict()
    line, points = _layers(spec)
    assert line["encoding"]["y"]["axis"]["format"] == "%"
    assert points["encoding"]["shape"]["field"] == "score_origin"
    tooltip_fields = [t["field"] for t in points["encoding"]["tooltip"]]
    assert tooltip_fields[-2:] == ["share_label", "score_source"]
