"""The changes page's diverging bars as Vega-Lite specs: one bar per row presenters_changes kept,
green for a gain and red for a loss with the legend below the plot, a rule at zero, titles in
the reader's language, and a one-line summary naming the largest gain and the largest loss in
words ("+4,2 điểm %", "−2"), or saying that nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import polars as pl
import pytest

SHARE = "share_of_max_change"
PLACES = "share_rank_change"


@pytest.fixture
def charts_changes(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/charts_changes.py, imported as Streamlit imports the app's modules."""
    return app_module("charts_changes")


@pytest.fixture
def present(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/presenters_changes.py: the rows and labels the change bars are drawn from."""
    return app_module("presenters_changes")


def _clusters(rows: list[tuple[str, float | None, int | None, bool]]) -> pl.DataFrame:
    """Cluster changes shaped as q_cluster_changes returns them, ordered as it orders them."""
    frame = pl.DataFrame(
        rows,
        schema={
            "cluster_name": pl.String,
            SHARE: pl.Float64,
            PLACES: pl.Int64,
            "is_share_change_synthetic": pl.Boolean,
        },
        orient="row",
    )
    return frame.with_columns(
        pl.col("cluster_name").alias("cluster_id"),
        pl.lit(0.8).alias("mean_abs_rank_change"),
        pl.lit(False).alias("is_share_rank_change_synthetic"),
        pl.lit(False).alias("is_rank_stability_synthetic"),
    )


def _sample() -> pl.DataFrame:
    return _clusters(
        [
            ("Cụm thi đua số 5", 0.042, 2, False),
            ("Khối Hòa Bình", 0.013, 1, True),
            ("Cụm thi đua số 8", None, None, False),
            ("Cụm thi đua số 7", -0.005, 0, False),
            ("Khối Đảng - Đoàn thể", -0.021, -3, False),
        ]
    )


def _bars(
    charts_changes: ModuleType,
    present: ModuleType,
    frame: pl.DataFrame,
    sort: str,
    lang: str,
) -> dict[str, Any]:
    """The chart as the changes page draws it for clusters, ordered by `sort`."""
    labelled = present.clusters(frame, lang)
    measure = SHARE if sort == "share" else PLACES
    rows = present.chart_rows(labelled, measure, "cluster_name")
    label = "share_change_label" if sort == "share" else "rank_change_label"
    title = {"vi": "Thay đổi", "en": "Change"}[lang]
    axis = "+.0%" if sort == "share" else "+d"
    spec: dict[str, Any] = charts_changes.change_bars(
        rows, measure, label, title, axis, lang
    ).to_dict()
    return spec


def _bar_rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    bars = spec["layer"][0]
    rows: list[dict[str, Any]] = spec["datasets"][bars["data"]["name"]]
    return rows


def test_each_known_change_is_one_bar_with_its_direction(
    charts_changes: ModuleType, present: ModuleType
) -> None:
    spec = _bars(charts_changes, present, _sample(), "share", "vi")
    rows = _bar_rows(spec)
    # the cluster without a known change has no bar
    assert [(r["bar_label"], r[SHARE], r["direction"]) for r in rows] == [
        ("Cụm thi đua số 5", 0.042, "Tăng"),
        ("Khối Hòa Bình", 0.013, "Tăng"),
        ("Cụm thi đua số 7", -0.005, "Giảm"),
        ("Khối Đảng - Đoàn thể", -0.021, "Giảm"),
    ]
    assert [r["share_change_label"] for r in rows] == [
        "+4,2 điểm %",
        "+1,3 điểm %",
        "−0,5 điểm %",
        "−2,1 điểm %",
    ]
    assert [r["origin"] for r in rows] == ["Thật", "Mô phỏng", "Thật", "Thật"]


@pytest.mark.parametrize(("lang", "gain", "loss"), [("vi", "Tăng", "Giảm"), ("en", "Gain", "Loss")])
def test_gains_are_green_and_losses_red_with_the_legend_below(
    charts_changes: ModuleType, present: ModuleType, lang: str, gain: str, loss: str
) -> None:
    spec = _bars(charts_changes, present, _sample(), "share", lang)
    color = spec["layer"][0]["encoding"]["color"]
    assert color["field"] == "direction"
    assert color["scale"] == {"domain": [gain, loss], "range": ["#1e8449", "#c0392b"]}
    assert color["legend"]["orient"] == "bottom"
    assert {r["direction"] for r in _bar_rows(spec)} == {gain, loss}


@pytest.mark.parametrize(
    ("lang", "name", "origin"), [("vi", "Tên", "Nguồn dữ liệu"), ("en", "Name", "Data origin")]
)
def test_bars_are_titled_in_the_readers_language_longest_gain_on_top(
    charts_changes: ModuleType, present: ModuleType, lang: str, name: str, origin: str
) -> None:
    spec = _bars(charts_changes, present, _sample(), "share", lang)
    encoding = spec["layer"][0]["encoding"]
    title = {"vi": "Thay đổi", "en": "Change"}[lang]
    assert encoding["x"]["title"] == title
    assert encoding["x"]["axis"]["format"] == "+.0%"
    assert encoding["y"]["title"] is None
    assert encoding["y"]["sort"] == {"field": SHARE, "order": "descending"}
    assert [tip["title"] for tip in encoding["tooltip"]] == [name, title, origin]
    assert encoding["opacity"]["title"] == origin


def test_a_rule_marks_zero(charts_changes: ModuleType, present: ModuleType) -> None:
    spec = _bars(charts_changes, present, _sample(), "share", "vi")
    rule = spec["layer"][1]
    assert rule["mark"]["type"] == "rule"
    assert spec["datasets"][rule["data"]["name"]] == [{"zero": 0}]


def test_summary_names_the_largest_gain_and_the_largest_loss(
    charts_changes: ModuleType, present: ModuleType
) -> None:
    vi = _bars(charts_changes, present, _sample(), "share", "vi")
    assert vi["description"] == (
        "Tăng nhiều nhất: Cụm thi đua số 5 (+4,2 điểm %)."
        " Giảm nhiều nhất: Khối Đảng - Đoàn thể (−2,1 điểm %)."
    )
    en = _bars(charts_changes, present, _sample(), "share", "en")
    assert en["description"] == (
        "Largest gain: Cụm thi đua số 5 (+4.2 pts). Largest loss: Khối Đảng - Đoàn thể (−2.1 pts)."
    )


def test_summary_by_places_uses_the_places_in_words(
    charts_changes: ModuleType, present: ModuleType
) -> None:
    spec = _bars(charts_changes, present, _sample(), "rank", "en")
    assert spec["layer"][0]["encoding"]["x"]["field"] == PLACES
    assert spec["description"] == (
        "Largest gain: Cụm thi đua số 5 (+2). Largest loss: Khối Đảng - Đoàn thể (−3)."
    )


def test_summary_on_a_tie_names_the_first_row_as_the_page_lists_it(
    charts_changes: ModuleType, present: ModuleType
) -> None:
    # the query orders ties by name: both +2 and both −1, the first by name is named
    frame = _clusters(
        [
            ("Cụm thi đua số 5", 0.01, 2, False),
            ("Cụm thi đua số 8", 0.03, 2, False),
            ("Khối Hòa Bình", -0.01, -1, False),
            ("Khối Đảng - Đoàn thể", -0.02, -1, False),
        ]
    )
    vi = _bars(charts_changes, present, frame, "rank", "vi")
    assert vi["description"] == (
        "Tăng nhiều nhất: Cụm thi đua số 5 (+2). Giảm nhiều nhất: Khối Hòa Bình (−1)."
    )


def test_only_gains_names_no_loss(charts_changes: ModuleType, present: ModuleType) -> None:
    frame = _clusters([("Khối Hòa Bình", 0.013, 1, False), ("Cụm thi đua số 7", 0.0, 0, False)])
    spec = _bars(charts_changes, present, frame, "share", "vi")
    assert spec["description"] == "Tăng nhiều nhất: Khối Hòa Bình (+1,3 điểm %)."


def test_only_losses_names_no_gain(charts_changes: ModuleType, present: ModuleType) -> None:
    frame = _clusters([("Khối Hòa Bình", -0.013, -1, False), ("Cụm thi đua số 7", 0.0, 0, False)])
    spec = _bars(charts_changes, present, frame, "rank", "en")
    assert spec["description"] == "Largest loss: Khối Hòa Bình (−1)."


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("vi", "Không có thay đổi nào giữa hai năm đã chọn."),
        ("en", "Nothing changed between the two years chosen."),
    ],
)
def test_no_change_says_nothing_changed(
    charts_changes: ModuleType, present: ModuleType, lang: str, sentence: str
) -> None:
    still = _clusters([("Cụm thi đua số 7", 0.0, 0, False), ("Khối Hòa Bình", 0.0, 0, False)])
    assert _bars(charts_changes, present, still, "share", lang)["description"] == sentence
    empty = _clusters([])
    spec = _bars(charts_changes, present, empty, "share", lang)
    assert _bar_rows(spec) == []
    assert spec["description"] == sentence
