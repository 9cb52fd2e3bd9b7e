"""The cluster page's charts as Vega-Lite specs: the roster lists units by the year they arrived
with roles in fixed colours, rank 1 sits on top of the bump chart, and each chart's one-line
summary names what an analyst looks for (the busiest year, the latest leader, who was first most
often, the latest event)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import ModuleType
from typing import Any

import polars as pl
import pytest


@pytest.fixture
def charts_cluster(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/charts_cluster.py, imported as Streamlit imports the app's modules."""
    return app_module("charts_cluster")


def _roster() -> pl.DataFrame:
    rows = [
        ("Sở Y tế", 2021, "Trưởng cụm/khối"),
        ("Sở GD&ĐT", 2021, "Phó cụm/khối"),
        ("Sở Y tế", 2022, "Thành viên"),
        ("Công an tỉnh", 2022, "Trưởng cụm/khối"),
        ("Ban Dân tộc", 2022, "Thành viên"),
        ("Sở Tư pháp", 2023, "Phó cụm/khối"),
    ]
    frame = pl.DataFrame(rows, schema=["unit_name", "results_year", "role_label"], orient="row")
    return frame.with_columns(
        pl.lit("Thật").alias("origin"),
        pl.lit("Bài báo").alias("source"),
        pl.lit(None, dtype=pl.String).alias("path_label"),
        pl.lit(False).alias("was_deputy_previous_year"),
    )


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    layers: list[dict[str, Any]] = spec["layer"]
    return layers


def test_roster_lists_units_by_first_year_then_name(charts_cluster: ModuleType) -> None:
    spec = charts_cluster.roster_matrix(_roster(), "vi").to_dict()
    assert spec["encoding"]["y"]["sort"] == [
        "Sở GD&ĐT",
        "Sở Y tế",
        "Ban Dân tộc",
        "Công an tỉnh",
        "Sở Tư pháp",
    ]


def test_roster_roles_keep_their_colours_in_both_languages(charts_cluster: ModuleType) -> None:
    vi = charts_cluster.roster_matrix(_roster(), "vi").to_dict()["encoding"]["color"]["scale"]
    en = charts_cluster.roster_matrix(_roster(), "en").to_dict()["encoding"]["color"]["scale"]
    assert vi["domain"] == [
        "Trưởng cụm/khối",
        "Phó cụm/khối",
        "Thành viên",
        "Thành viên (không nêu vai trò)",
    ]
    assert vi["range"] == en["range"] == ["#c0392b", "#e67e22", "#5b8db8", "#b8b8b8"]
    assert len(en["domain"]) == 4 and en["domain"] != vi["domain"]


def test_roster_summary_names_the_busiest_year(charts_cluster: ModuleType) -> None:
    spec = charts_cluster.roster_matrix(_roster(), "vi").to_dict()
    assert spec["description"] == "5 đơn vị qua 3 năm thi đua; đông nhất năm 2022 với 3 đơn vị."
    en = charts_cluster.roster_matrix(_roster(), "en").to_dict()
    assert en["description"] == "5 units over 3 results years; the most in 2022, with 3 units."


def test_leadership_summary_names_the_latest_leader(charts_cluster: ModuleType) -> None:
    spec = charts_cluster.leadership_timeline(_roster(), "vi").to_dict()
    assert spec["description"] == "Trưởng cụm/khối năm 2022: Công an tỉnh."
    nobody = _roster().filter(pl.col("role_label") != "Trưởng cụm/khối")
    empty = charts_cluster.leadership_timeline(nobody, "vi").to_dict()
    assert empty["description"] == "Biểu đồ chưa có giá trị nào."


def _ranks() -> pl.DataFrame:
    rows = [
        ("Sở Ngoại vụ", 2021, 1, True),
        ("Sở Ngoại vụ", 2022, 2, True),
        ("Sở Ngoại vụ", 2023, 1, True),
        ("Sở Nội vụ", 2021, 2, False),
        ("Sở Nội vụ", 2022, 1, False),
        ("Sở Nội vụ", 2023, 2, False),
        ("Sở Công Thương", 2023, 3, False),
    ]
    frame = pl.DataFrame(
        rows, schema=["unit_name", "results_year", "rank", "is_highlighted"], orient="row"
    )
    return frame.with_columns(
        pl.lit("Điểm").alias("rank_basis_label"),
        pl.lit("Thật").alias("effective_rank_origin"),
        pl.lit("Bài báo").alias("effective_rank_source"),
        pl.lit("90,0%").alias("share_label"),
        pl.lit("Bài báo").alias("score_source"),
    )


def test_bump_chart_puts_rank_one_on_top_with_a_tick_per_rank(
    charts_cluster: ModuleType,
) -> None:
    spec = charts_cluster.bump_chart(_ranks(), "vi").to_dict()
    y = _layers(spec)[0]["encoding"]["y"]
    assert y["scale"]["domain"] == [3.5, 0.5]
    assert y["axis"]["values"] == [1, 2, 3]


def test_bump_chart_summary_names_who_was_first_most_often(charts_cluster: ModuleType) -> None:
    spec = charts_cluster.bump_chart(_ranks(), "vi").to_dict()
    assert spec["description"] == "Đứng đầu nhiều năm nhất: Sở Ngoại vụ (2 năm)."
    # a tie goes to the name first in order
    tie = _ranks().filter(pl.col("results_year") != 2023)
    vi = charts_cluster.bump_chart(tie, "vi").to_dict()
    assert vi["description"] == "Đứng đầu nhiều năm nhất: Sở Ngoại vụ (1 năm)."


def test_bump_chart_summary_in_english_says_one_year_in_the_singular(
    charts_cluster: ModuleType,
) -> None:
    tie = _ranks().filter(pl.col("results_year") != 2023)
    en = charts_cluster.bump_chart(tie, "en").to_dict()
    assert en["description"] == "Ranked first most often: Sở Ngoại vụ (1 year)."


def test_events_summary_names_the_latest_event(charts_cluster: ModuleType) -> None:
    frame = pl.DataFrame(
        {
            "event_label": ["Ký giao ước", "Tổng kết", "Sơ kết"],
            "event_date": [dt.date(2022, 3, 2), dt.date(2023, 1, 14), None],
            "date_label": ["02/03/2022", "14/01/2023", None],
            "results_year": [2022, 2022, 2022],
            "host_name": ["Sở Y tế", "Sở GD&ĐT", "Sở Tư pháp"],
            "origin": ["Thật", "Thật", "Thật"],
        }
    )
    spec = charts_cluster.events_calendar(frame, "vi").to_dict()
    # a year-end review held in January 2023 is still the latest event
    assert spec["description"] == "3 sự kiện; gần nhất: Tổng kết, 14/01/2023."
    assert spec["height"] == 60 + 45 * 3


def test_the_drawn_bump_chart_keeps_what_its_layers_filter_and_show(
    charts_cluster: ModuleType, app_module: Callable[[str], ModuleType]
) -> None:
    # a cluster's rank rows carry some seventy columns; the chart sends the ones it names:
    # the highlighted unit its filter picks, the tooltip's sources, the window's year
    frame = _ranks().with_columns(
        pl.lit("th-so-nv").alias("unit_id"), pl.lit(0.9).alias("max_score")
    )
    drawn = app_module("charts").drawn_spec(charts_cluster.bump_chart(frame, "vi"))
    (rows,) = drawn["datasets"].values()
    assert set(rows.columns) == set(_ranks().columns)
    assert rows.height == frame.height
