"""The compare page's charts as Vega-Lite specs: one line per picked cluster in the analyst's pick
order (the same colour in every chart, the legend below the plot), only the cluster-years whose
measure is shown, points shaped by the plotted measure's own origin, titles in the reader's
language, and a one-line summary naming the highest share or award rate, or the steadiest ranks
(the lowest mean rank change), with ties going to the latest year, then the first name."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import polars as pl
import pytest

A = "th-ubnd:cum-05"
B = "th-ubnd:khoi-02"
C = "th-ubnd:cum-08"
NAMES = {A: "Cụm thi đua số 5", B: "Khối Hòa Bình", C: "Cụm thi đua số 8"}
# The analyst picked B first, then A, then C.
ORDER = [NAMES[B], NAMES[A], NAMES[C]]


@pytest.fixture
def charts_compare(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/charts_compare.py, imported as Streamlit imports the app's modules."""
    return app_module("charts_compare")


@pytest.fixture
def present(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/presenters_compare.py: the cluster-years the compare charts are drawn from."""
    return app_module("presenters_compare")


Year = tuple[str, int, float | None, float | None, bool]
Change = tuple[str, int, float | None, bool]


def _years(rows: list[Year]) -> pl.DataFrame:
    """Cluster-years shaped as q_compare_years returns them: share and award rate (hidden = NULL),
    whether the scores are generated."""
    frame = pl.DataFrame(
        rows,
        schema={
            "cluster_id": pl.String,
            "results_year": pl.Int64,
            "mean_share_of_max": pl.Float64,
            "award_rate": pl.Float64,
            "is_score_synthetic": pl.Boolean,
        },
        orient="row",
    )
    return frame.with_columns(
        pl.col("cluster_id").replace_strict(NAMES, return_dtype=pl.String).alias("cluster_name"),
        pl.lit(20).alias("member_count"),
        (pl.col("award_rate") * 20).round().cast(pl.Int64).alias("awards_decided"),
        pl.lit(False).alias("is_synthetic"),
        pl.lit("real").alias("source_mix"),
        pl.lit(False).alias("is_member_count_synthetic"),
        pl.lit(False).alias("is_award_rate_synthetic"),
        pl.lit(False).alias("is_awards_synthetic"),
        pl.lit(False).alias("is_top_unit_synthetic"),
        pl.lit("Sở Y tế").alias("top_unit_name"),
        pl.lit("article").alias("awards_source_kind"),
        pl.lit("article").alias("score_source_kind"),
        pl.lit("Tổng kết phong trào thi đua Cụm số 5").alias("score_source_title"),
        pl.lit("Báo Thanh Hóa").alias("score_source_publisher"),
    )


def _changes(rows: list[Change]) -> pl.DataFrame:
    """Rank changes shaped as q_compare_rank_changes returns them (by end year)."""
    frame = pl.DataFrame(
        rows,
        schema={
            "cluster_id": pl.String,
            "results_year": pl.Int64,
            "mean_abs_rank_change": pl.Float64,
            "is_synthetic": pl.Boolean,
        },
        orient="row",
    )
    return frame.with_columns(pl.lit(10).alias("units_compared"))


def _yearly(present: ModuleType, lang: str) -> pl.DataFrame:
    years = _years(
        [
            (A, 2021, 0.91, 0.30, False),
            (A, 2022, 0.95, 0.25, False),
            # the same share as A's in 2022, a year earlier: A 2022 is the latest, so it is named
            (B, 2021, 0.95, 0.40, False),
            # a hidden share (generated values switched off) is no point on the line
            (B, 2022, None, 0.35, True),
            (C, 2022, 0.88, None, True),
        ]
    )
    changes = _changes(
        [
            (A, 2022, 0.5, False),
            (B, 2022, 1.25, False),
            (C, 2022, 0.75, True),
        ]
    )
    yearly: pl.DataFrame = present.yearly(years, changes, lang)
    return yearly


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    layers: list[dict[str, Any]] = spec["layer"]
    return layers


def _data(spec: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = spec["datasets"][spec["data"]["name"]]
    return rows


def _points(spec: dict[str, Any]) -> list[tuple[str, int]]:
    return sorted((r["cluster_name"], r["results_year"]) for r in _data(spec))


CHARTS = ["share", "rank_change", "award_rate"]


@pytest.mark.parametrize(
    ("chart", "field", "drawn"),
    [
        (
            "share",
            "mean_share_of_max",
            [(NAMES[C], 2022), (NAMES[A], 2021), (NAMES[A], 2022), (NAMES[B], 2021)],
        ),
        (
            "rank_change",
            "mean_abs_rank_change",
            [(NAMES[C], 2022), (NAMES[A], 2022), (NAMES[B], 2022)],
        ),
        (
            "award_rate",
            "award_rate",
            [(NAMES[A], 2021), (NAMES[A], 2022), (NAMES[B], 2021), (NAMES[B], 2022)],
        ),
    ],
)
def test_each_chart_draws_only_the_cluster_years_with_its_measure(
    charts_compare: ModuleType,
    present: ModuleType,
    chart: str,
    field: str,
    drawn: list[tuple[str, int]],
) -> None:
    yearly = _yearly(present, "vi")
    spec = getattr(charts_compare, chart)(yearly, ORDER, "vi").to_dict()
    assert _points(spec) == sorted(drawn)
    assert _data(spec) == yearly.filter(pl.col(field).is_not_null()).to_dicts()
    assert all(layer["encoding"]["y"]["field"] == field for layer in _layers(spec))


@pytest.mark.parametrize("chart", CHARTS)
def test_clusters_keep_the_pick_order_colours_with_the_legend_below(
    charts_compare: ModuleType, present: ModuleType, chart: str
) -> None:
    spec = getattr(charts_compare, chart)(_yearly(present, "vi"), ORDER, "vi").to_dict()
    color = _layers(spec)[0]["encoding"]["color"]
    assert color["field"] == "cluster_name"
    assert color["scale"] == {"domain": ORDER, "scheme": "tableau10"}
    assert color["legend"]["orient"] == "bottom"
    assert spec["config"]["legend"]["orient"] == "bottom"


@pytest.mark.parametrize(
    ("chart", "lang", "title", "axis_format"),
    [
        ("share", "vi", "Tỷ lệ điểm tối đa", "%"),
        ("share", "en", "Share of maximum", "%"),
        ("rank_change", "vi", "Thay đổi thứ hạng (TB)", ".1f"),
        ("rank_change", "en", "Mean rank change", ".1f"),
        ("award_rate", "vi", "Tỷ lệ khen thưởng", "%"),
        ("award_rate", "en", "Award rate", "%"),
    ],
)
def test_axes_and_legend_are_titled_in_the_readers_language(
    charts_compare: ModuleType,
    present: ModuleType,
    chart: str,
    lang: str,
    title: str,
    axis_format: str,
) -> None:
    spec = getattr(charts_compare, chart)(_yearly(present, lang), ORDER, lang).to_dict()
    encoding = _layers(spec)[0]["encoding"]
    assert encoding["y"]["title"] == title
    assert encoding["y"]["axis"]["format"] == axis_format
    assert encoding["x"]["title"] == ("Năm thi đua" if lang == "vi" else "Results year")
    assert encoding["color"]["title"] == ("Cụm/khối" if lang == "vi" else "Cluster")
    tooltip = _layers(spec)[1]["encoding"]["tooltip"]
    assert tooltip[2]["title"] == title


@pytest.mark.parametrize(
    ("chart", "origin", "label", "source"),
    [
        ("share", "score_origin", "share_label", "score_source"),
        ("rank_change", "change_origin", "change_label", "change_source"),
        ("award_rate", "rate_origin", "award_rate_label", "rate_source"),
    ],
)
def test_points_follow_the_plotted_measures_own_origin_and_source(
    charts_compare: ModuleType,
    present: ModuleType,
    chart: str,
    origin: str,
    label: str,
    source: str,
) -> None:
    spec = getattr(charts_compare, chart)(_yearly(present, "vi"), ORDER, "vi").to_dict()
    line, points = _layers(spec)
    assert line["mark"]["type"] == "line"
    assert points["encoding"]["shape"]["field"] == origin
    assert points["encoding"]["opacity"]["field"] == origin
    fields = [tip["field"] for tip in points["encoding"]["tooltip"]]
    assert fields == ["cluster_name", "results_year", label, source]


def test_a_generated_rank_change_is_pale_even_where_the_scores_are_real(
    charts_compare: ModuleType, present: ModuleType
) -> None:
    spec = charts_compare.rank_change(_yearly(present, "vi"), ORDER, "vi").to_dict()
    by_cluster = {r["cluster_name"]: r for r in _data(spec)}
    assert by_cluster[NAMES[C]]["change_origin"] == "Mô phỏng"
    assert by_cluster[NAMES[A]]["change_origin"] == "Thật"
    assert by_cluster[NAMES[C]]["change_label"] == "0,75"


def test_share_summary_names_the_highest_preferring_the_latest_year_on_a_tie(
    charts_compare: ModuleType, present: ModuleType
) -> None:
    vi = charts_compare.share(_yearly(present, "vi"), ORDER, "vi").to_dict()
    assert vi["description"] == "Cao nhất: Cụm thi đua số 5, 95,0% năm 2022."
    en = charts_compare.share(_yearly(present, "en"), ORDER, "en").to_dict()
    assert en["description"] == "Highest: Cụm thi đua số 5, 95.0% in 2022."


def test_share_summary_on_a_tie_in_one_year_names_the_first_cluster_by_name(
    charts_compare: ModuleType, present: ModuleType
) -> None:
    years = _years([(C, 2022, 0.9, None, False), (B, 2022, 0.9, None, False)])
    yearly = present.yearly(years, _changes([]), "vi")
    spec = charts_compare.share(yearly, ORDER, "vi").to_dict()
    assert spec["description"] == "Cao nhất: Cụm thi đua số 8, 90,0% năm 2022."


def test_rank_change_summary_names_the_steadiest_cluster(
    charts_compare: ModuleType, present: ModuleType
) -> None:
    vi = charts_compare.rank_change(_yearly(present, "vi"), ORDER, "vi").to_dict()
    assert vi["description"] == (
        "Ổn định nhất: Cụm thi đua số 5, thứ hạng đổi trung bình 0,5 bậc năm 2022."
    )
    en = charts_compare.rank_change(_yearly(present, "en"), ORDER, "en").to_dict()
    assert en["description"] == (
        "Steadiest: Cụm thi đua số 5, ranks moved 0.5 places on average in 2022."
    )


def test_award_rate_summary_names_the_highest_rate(
    charts_compare: ModuleType, present: ModuleType
) -> None:
    vi = charts_compare.award_rate(_yearly(present, "vi"), ORDER, "vi").to_dict()
    assert vi["description"] == "Cao nhất: Khối Hòa Bình, 40,0% năm 2021."
    en = charts_compare.award_rate(_yearly(present, "en"), ORDER, "en").to_dict()
    assert en["description"] == "Highest: Khối Hòa Bình, 40.0% in 2021."


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("vi", "Biểu đồ chưa có giá trị nào."), ("en", "The chart has no values yet.")],
)
def test_no_shown_value_says_the_chart_has_no_values(
    charts_compare: ModuleType, present: ModuleType, chart: str, lang: str, sentence: str
) -> None:
    years = _years([(A, 2021, None, None, True), (B, 2021, None, None, True)])
    changes = _changes([(A, 2021, None, True)])
    yearly = present.yearly(years, changes, lang)
    spec = getattr(charts_compare, chart)(yearly, ORDER, lang).to_dict()
    assert _data(spec) == []
    assert spec["description"] == sentence
