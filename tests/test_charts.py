"""The overview's charts and what every chart shares (app/charts.py), as Vega-Lite specs: a chart
draws the rows it is given, its titles are in the page's language, years read as whole years,
legends sit below the plot in the shared theme with the language's number formats, and each chart
carries a one-line summary that names the right row (the highest value, the busiest group, with
ties broken as documented and a plain sentence when there is nothing to name).

The frames are hand-made with the columns the overview's queries (thidua.query.dashboard.overview)
return after presenters.py added the translated labels.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import altair as alt
import polars as pl
import pytest
from altair.vegalite.v6.schema.core import Root as VegaLite

from thidua.i18n.messages import Lang

Builder = Callable[[pl.DataFrame, Lang], Any]


@pytest.fixture
def charts(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/charts.py, imported as Streamlit imports the app's modules."""
    return app_module("charts")


# --- frames, as the overview's queries and presenters shape them ---------------------------------


def _trend() -> pl.DataFrame:
    """q_cluster_trend + presenters.trend_frame + presenters.highlighted (cluster mode)."""
    rows = [
        ("th-ubnd:cum-01", "Cụm thi đua số 1", 2022, 0.905, False, True),
        ("th-ubnd:cum-01", "Cụm thi đua số 1", 2023, 0.921, False, True),
        ("th-ubnd:cum-05", "Cụm thi đua số 5", 2022, 0.887, True, False),
        ("th-ubnd:cum-05", "Cụm thi đua số 5", 2023, 0.954, True, False),
    ]
    frame = pl.DataFrame(
        rows,
        schema=[
            "cluster_id",
            "cluster_name",
            "results_year",
            "mean_share_of_max",
            "is_score_synthetic",
            "is_highlighted",
        ],
        orient="row",
    )
    return frame.with_columns(
        pl.lit("cluster").alias("mode"),
        pl.when(pl.col("is_score_synthetic"))
        .then(pl.lit("Mô phỏng"))
        .otherwise(pl.lit("Thật"))
        .alias("origin"),
        pl.lit("Báo Thanh Hóa").alias("score_source"),
        pl.Series("share_label", ["90,5%", "92,1%", "88,7%", "95,4%"]),
    )


def _band() -> pl.DataFrame:
    """q_cluster_trend in band mode (many clusters): the median and its percentiles per year."""
    return pl.DataFrame(
        {
            "mode": ["band", "band", "band"],
            "results_year": [2021, 2022, 2023],
            "mean_share_of_max": [0.912, 0.934, 0.927],
            "p10": [0.85, 0.87, 0.86],
            "p25": [0.89, 0.91, 0.90],
            "p75": [0.93, 0.95, 0.94],
            "p90": [0.96, 0.97, 0.97],
            "clusters": [24, 25, 25],
            "share_label": ["91,2%", "93,4%", "92,7%"],
            "band_label": ["89,0% – 93,0%", "91,0% – 95,0%", "90,0% – 94,0%"],
        }
    )


def _events() -> pl.DataFrame:
    """q_events_by_year + presenters.events_frame."""
    return pl.DataFrame(
        {
            "results_year": [2022, 2022, 2023, 2023],
            "event_type": [
                "covenant_signing",
                "year_end_review",
                "covenant_signing",
                "mid_year_review",
            ],
            "is_synthetic": [False, True, False, False],
            "source_kind": ["article", "generated", "article", "article"],
            "n": [4, 2, 3, 1],
            "origin": ["Thật", "Mô phỏng", "Thật", "Thật"],
            "source": ["Bài báo", "Mô phỏng", "Bài báo", "Bài báo"],
            "event_label": ["Ký kết giao ước", "Tổng kết", "Ký kết giao ước", "Sơ kết"],
        }
    )


def _awards() -> pl.DataFrame:
    """q_awards_by_type + presenters.awards_frame."""
    return pl.DataFrame(
        {
            "award_name_vi": ["Cờ thi đua của Chính phủ", "Bằng khen", "Bằng khen"],
            "award_name_en": [
                "Government emulation flag",
                "Certificate of merit",
                "Certificate of merit",
            ],
            "rank_order": [1, 3, 3],
            "status": ["proposed", "awarded", "proposed"],
            "is_synthetic": [False, False, True],
            "source_kind": ["article", "article", "generated"],
            "n": [2, 5, 1],
            "origin": ["Thật", "Thật", "Mô phỏng"],
            "source": ["Bài báo", "Bài báo", "Mô phỏng"],
            "award_label": ["Cờ thi đua của Chính phủ", "Bằng khen", "Bằng khen"],
            "status_label": ["Đề nghị", "Đã khen thưởng", "Đề nghị"],
        }
    )


def _coverage() -> pl.DataFrame:
    """q_events_coverage (cluster mode) + presenters.coverage_frame."""
    return pl.DataFrame(
        {
            "cluster_id": ["th-ubnd:cum-01", "th-ubnd:cum-01", "th-ubnd:cum-05"],
            "cluster_name": ["Cụm thi đua số 1", "Cụm thi đua số 1", "Cụm thi đua số 5"],
            "results_year": [2022, 2023, 2023],
            "events_held": [3, 1, 2],
            "has_covenant_signing": [True, True, True],
            "has_mid_year_review": [True, False, False],
            "has_year_end_review": [True, False, True],
            "is_events_synthetic": [False, False, True],
            "origin": ["Thật", "Thật", "Mô phỏng"],
            "events_source": ["Bài báo", "Bài báo", "Mô phỏng"],
            "events_label": [
                "Ký kết giao ước, Sơ kết, Tổng kết",
                "Ký kết giao ước",
                "Ký kết giao ước, Tổng kết",
            ],
        }
    )


def _coverage_shares() -> pl.DataFrame:
    """q_events_coverage (share mode) + presenters.coverage_shares."""
    return pl.DataFrame(
        {
            "results_year": [2022, 2022, 2023, 2023],
            "flag": ["has_covenant_signing", "has_year_end_review"] * 2,
            "share": [0.8, 0.6, 1.0, 0.4],
            "event_label": ["Ký kết giao ước", "Tổng kết", "Ký kết giao ước", "Tổng kết"],
            "share_label": ["80%", "60%", "100%", "40%"],
        }
    )


# builder name -> the frame it draws
FRAMES: dict[str, Callable[[], pl.DataFrame]] = {
    "share_trend": _trend,
    "events_per_year": _events,
    "awards_by_type": _awards,
    "events_coverage": _coverage,
    "share_band": _band,
    "coverage_share": _coverage_shares,
}


def _spec(charts: ModuleType, name: str, lang: Lang = "vi") -> dict[str, Any]:
    builder: Builder = getattr(charts, name)
    spec: dict[str, Any] = builder(FRAMES[name](), lang).to_dict()
    return spec


def _encodings(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The encoding of the chart, or of each of its layers."""
    layers: list[dict[str, Any]] = spec.get("layer", [spec])
    return [layer["encoding"] for layer in layers if "encoding" in layer]


def _title(spec: dict[str, Any], channel: str) -> object:
    """The title of `channel` where the chart (or its first layer that has it) encodes it."""
    for encoding in _encodings(spec):
        if channel in encoding:
            return encoding[channel].get("title")
    raise AssertionError(f"no {channel} encoding")


# --- every builder -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(FRAMES))
def test_a_chart_draws_exactly_the_rows_it_is_given(charts: ModuleType, name: str) -> None:
    spec = _spec(charts, name)
    datasets: dict[str, list[dict[str, Any]]] = spec["datasets"]
    # one data set, shared by every layer: the frame, row for row, in its order
    assert len(datasets) == 1
    assert next(iter(datasets.values())) == FRAMES[name]().to_dicts()


@pytest.mark.parametrize("name", list(FRAMES))
def test_every_chart_puts_its_legends_below_the_plot_in_readable_text(
    charts: ModuleType, name: str
) -> None:
    config = _spec(charts, name)["config"]
    # a legend beside the plot took most of a phone's width
    assert config["legend"]["orient"] == "bottom"
    assert config["legend"]["direction"] == "vertical"
    assert config["legend"]["labelColor"] == charts.TEXT_COLOR == "#404040"
    assert config["axis"] == {"labelColor": "#404040", "titleColor": "#404040"}


@pytest.mark.parametrize("name", list(FRAMES))
def test_every_chart_formats_numbers_the_way_of_its_language(charts: ModuleType, name: str) -> None:
    vi = _spec(charts, name, "vi")["config"]["locale"]
    en = _spec(charts, name, "en")["config"]["locale"]
    assert (vi["number"]["decimal"], vi["number"]["thousands"]) == (",", ".")
    assert (en["number"]["decimal"], en["number"]["thousands"]) == (".", ",")
    assert vi["time"]["shortMonths"][0] == "thg 1"
    assert en["time"]["shortMonths"][0] == "Jan"


@pytest.mark.parametrize("name", list(FRAMES))
def test_every_chart_carries_a_summary_in_its_language(charts: ModuleType, name: str) -> None:
    vi = _spec(charts, name, "vi")["description"]
    en = _spec(charts, name, "en")["description"]
    assert vi and en and vi != en


TITLES = [
    # (builder, channel, Vietnamese title, English title)
    ("share_trend", "x", "Năm thi đua", "Results year"),
    ("share_trend", "y", "Tỷ lệ điểm tối đa", "Share of maximum"),
    ("share_trend", "opacity", "Nguồn dữ liệu", "Data origin"),
    ("events_per_year", "x", "Năm thi đua", "Results year"),
    ("events_per_year", "y", "Số lượng", "Count"),
    ("events_per_year", "color", "Loại sự kiện", "Event type"),
    ("awards_by_type", "y", "Loại khen thưởng", "Award type"),
    ("awards_by_type", "x", "Số lượng", "Count"),
    ("awards_by_type", "color", "Trạng thái", "Status"),
    ("events_coverage", "x", "Năm thi đua", "Results year"),
    ("events_coverage", "color", "Số sự kiện", "Events held"),
    ("share_band", "x", "Năm thi đua", "Results year"),
    ("share_band", "y", "Tỷ lệ điểm tối đa", "Share of maximum"),
    ("coverage_share", "x", "Năm thi đua", "Results year"),
    ("coverage_share", "y", "Tỷ lệ cụm/khối đã tổ chức", "Share of clusters that held it"),
    ("coverage_share", "color", "Loại sự kiện", "Event type"),
]


@pytest.mark.parametrize(("name", "channel", "vi", "en"), TITLES)
def test_axis_and_legend_titles_are_in_the_pages_language(
    charts: ModuleType, name: str, channel: str, vi: str, en: str
) -> None:
    assert _title(_spec(charts, name, "vi"), channel) == vi
    assert _title(_spec(charts, name, "en"), channel) == en


@pytest.mark.parametrize("name", ["share_trend", "share_band", "coverage_share"])
def test_a_year_axis_shows_whole_years_without_a_thousands_separator(
    charts: ModuleType, name: str
) -> None:
    for encoding in _encodings(_spec(charts, name)):
        x = encoding["x"]
        assert x["field"] == "results_year"
        assert x["type"] == "quantitative"
        # "d", not Vega's default ",": 2023 rather than "2.023", and no tick at 2022.5
        assert x["axis"] == {"format": "d", "tickMinStep": 1}
        assert x["scale"] == {"zero": False}


def test_the_origin_legend_names_real_before_synthetic_in_each_language(
    charts: ModuleType,
) -> None:
    vi = _spec(charts, "events_per_year", "vi")["encoding"]["opacity"]["scale"]
    en = _spec(charts, "events_per_year", "en")["encoding"]["opacity"]["scale"]
    # real solid, synthetic pale
    assert vi == {"domain": ["Thật", "Mô phỏng"], "range": [1.0, 0.35]}
    assert en["domain"] == ["Real", "Synthetic"]


def test_counts_read_as_grouped_whole_numbers(charts: ModuleType) -> None:
    assert _spec(charts, "events_per_year")["encoding"]["y"]["axis"] == {
        "format": ",d",
        "tickMinStep": 1,
    }
    assert _spec(charts, "awards_by_type")["encoding"]["x"]["axis"]["format"] == ",d"


# --- each builder --------------------------------------------------------------------------------


def test_share_trend_draws_only_the_highlighted_cluster_in_colour(charts: ModuleType) -> None:
    layers: list[dict[str, Any]] = _spec(charts, "share_trend")["layer"]
    coloured = [layer for layer in layers if layer["mark"]["color"] == charts.HIGHLIGHT_COLOR]
    grey = [layer for layer in layers if layer["mark"]["color"] == charts.CONTEXT_COLOR]
    assert len(coloured) == 3 and len(grey) == 2
    # the coloured line, points and name keep only the highlighted rows; the grey ones keep all
    assert all(layer["transform"][0] == {"filter": "datum.is_highlighted"} for layer in coloured)
    assert all("transform" not in layer for layer in grey)
    # no legend of clusters: the grey lines are told apart by `detail`, not by colour
    assert all("color" not in layer["encoding"] for layer in layers)


def test_share_trend_summary_names_the_highest_share_and_its_year(charts: ModuleType) -> None:
    assert _spec(charts, "share_trend", "vi")["description"] == (
        "Cao nhất: Cụm thi đua số 5, 95,4% năm 2023."
    )
    assert _spec(charts, "share_trend", "en")["description"] == (
        "Highest: Cụm thi đua số 5, 95.4% in 2023."
    )


def test_events_per_year_summary_names_the_busiest_year(charts: ModuleType) -> None:
    # 2022: 4 + 2 = 6 events, 2023: 3 + 1 = 4
    assert _spec(charts, "events_per_year", "vi")["description"] == (
        "Nhiều nhất: năm 2022, 6 sự kiện."
    )
    assert _spec(charts, "events_per_year", "en")["description"] == "Most: 2022, 6 events."


def test_awards_are_listed_by_rank_with_names_cut_on_a_phone(charts: ModuleType) -> None:
    y = _spec(charts, "awards_by_type")["encoding"]["y"]
    assert y["sort"] == {"field": "rank_order", "op": "min"}
    assert y["axis"]["labelLimit"] == {"expr": "containerSize()[0] < 600 ? 110 : 260"}


def test_awards_summary_names_the_most_frequent_award(charts: ModuleType) -> None:
    # Bằng khen: 5 awarded + 1 proposed
    assert _spec(charts, "awards_by_type", "vi")["description"] == (
        "Nhiều nhất: Bằng khen, 6 lượt khen thưởng."
    )


def test_events_coverage_lists_clusters_by_name_with_the_count_in_each_cell(
    charts: ModuleType,
) -> None:
    spec = _spec(charts, "events_coverage")
    cells, counts = spec["layer"]
    assert cells["encoding"]["y"]["sort"] == {"field": "cluster_name"}
    assert cells["encoding"]["y"]["title"] is None  # the names say what they are
    assert spec["height"] == {"step": 22}
    assert cells["encoding"]["color"]["legend"]["format"] == "d"
    assert counts["encoding"]["text"] == {"field": "events_held", "type": "quantitative"}


def test_events_coverage_summary_names_the_cluster_year_with_most_events(
    charts: ModuleType,
) -> None:
    assert _spec(charts, "events_coverage", "vi")["description"] == (
        "Cao nhất: Cụm thi đua số 1, 3 sự kiện năm 2022."
    )


def test_share_band_summary_names_the_year_of_the_highest_median(charts: ModuleType) -> None:
    assert _spec(charts, "share_band", "vi")["description"] == (
        "Trung vị cao nhất: 93,4% năm 2022."
    )
    assert _spec(charts, "share_band", "en")["description"] == ("Highest median: 93.4% in 2022.")


def test_share_band_draws_the_outer_band_the_inner_band_and_the_median(
    charts: ModuleType,
) -> None:
    outer, inner, median = _spec(charts, "share_band")["layer"]
    assert (outer["encoding"]["y"]["field"], outer["encoding"]["y2"]["field"]) == ("p10", "p90")
    assert (inner["encoding"]["y"]["field"], inner["encoding"]["y2"]["field"]) == ("p25", "p75")
    assert median["encoding"]["y"]["field"] == "mean_share_of_max"
    assert outer["encoding"]["y"]["axis"]["format"] == "%"


def test_share_band_of_an_empty_frame_says_it_has_no_values(charts: ModuleType) -> None:
    spec = charts.share_band(_band().clear(), "vi").to_dict()
    assert spec["description"] == "Biểu đồ chưa có giá trị nào."


def test_coverage_share_summary_names_the_event_kind_held_most_widely(
    charts: ModuleType,
) -> None:
    assert _spec(charts, "coverage_share", "vi")["description"] == (
        "Cao nhất: Ký kết giao ước, 100,0% năm 2023."
    )


# --- summaries -----------------------------------------------------------------------------------


def _name(row: dict[str, Any]) -> str:
    return str(row["cluster_name"])


def _scores(rows: list[tuple[str, int | None, float | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={"cluster_name": pl.String, "results_year": pl.Int64, "share": pl.Float64},
        orient="row",
    )


def test_summary_extreme_names_the_highest_row(charts: ModuleType) -> None:
    frame = _scores([("Cụm 1", 2022, 0.91), ("Cụm 2", 2022, 0.97), ("Cụm 3", 2023, 0.93)])
    text = charts.summary_extreme(frame, "share", _name, charts.share_text("vi"), "vi")
    assert text == "Cao nhất: Cụm 2, 97,0% năm 2022."


def test_summary_extreme_lowest_names_the_lowest_row(charts: ModuleType) -> None:
    frame = _scores([("Cụm 1", 2022, 0.91), ("Cụm 2", 2022, 0.97), ("Cụm 3", 2023, 0.93)])
    text = charts.summary_extreme(frame, "share", _name, charts.share_text("en"), "en", lowest=True)
    assert text == "Lowest: Cụm 1, 91.0% in 2022."


@pytest.mark.parametrize("lowest", [False, True])
def test_summary_extreme_breaks_a_tie_by_the_latest_year(charts: ModuleType, lowest: bool) -> None:
    frame = _scores([("Cụm 1", 2021, 0.95), ("Cụm 2", 2023, 0.95), ("Cụm 3", 2022, 0.95)])
    text = charts.summary_extreme(
        frame, "share", _name, charts.share_text("vi"), "vi", lowest=lowest
    )
    word = "Thấp nhất" if lowest else "Cao nhất"
    assert text == f"{word}: Cụm 2, 95,0% năm 2023."


def test_summary_extreme_breaks_a_tie_in_the_same_year_by_the_first_name(
    charts: ModuleType,
) -> None:
    frame = _scores([("Cụm 9", 2023, 0.95), ("Cụm 2", 2023, 0.95)])
    text = charts.summary_extreme(frame, "share", _name, charts.share_text("vi"), "vi")
    assert text == "Cao nhất: Cụm 2, 95,0% năm 2023."


def test_summary_extreme_skips_missing_and_nan_values(charts: ModuleType) -> None:
    frame = _scores([("Cụm 1", 2022, None), ("Cụm 2", 2022, float("nan")), ("Cụm 3", 2023, 0.5)])
    text = charts.summary_extreme(frame, "share", _name, charts.share_text("vi"), "vi")
    assert text == "Cao nhất: Cụm 3, 50,0% năm 2023."


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_extreme_with_nothing_to_name_says_so(charts: ModuleType, lang: Lang) -> None:
    empty = {"vi": "Biểu đồ chưa có giá trị nào.", "en": "The chart has no values yet."}
    for frame in (_scores([]), _scores([("Cụm 1", 2022, None), ("Cụm 2", 2023, float("nan"))])):
        assert charts.summary_extreme(frame, "share", _name, str, lang) == empty[lang]


def test_summary_extreme_leaves_the_year_out_when_the_rows_have_none(charts: ModuleType) -> None:
    no_column = pl.DataFrame({"cluster_name": ["Cụm 1", "Cụm 2"], "share": [0.9, 0.8]})
    text = charts.summary_extreme(no_column, "share", _name, charts.share_text("vi"), "vi")
    assert text == "Cao nhất: Cụm 1, 90,0%."
    no_year = _scores([("Cụm 1", None, 0.9), ("Cụm 2", None, 0.8)])
    text = charts.summary_extreme(no_year, "share", _name, charts.share_text("en"), "en")
    assert text == "Highest: Cụm 1, 90.0%."


def test_summary_extreme_takes_another_message_with_the_same_placeholders(
    charts: ModuleType,
) -> None:
    frame = _band().select("results_year", "mean_share_of_max").with_columns(name=pl.lit("—"))
    text = charts.summary_extreme(
        frame,
        "mean_share_of_max",
        lambda row: str(row["name"]),
        charts.share_text("vi"),
        "vi",
        key="chart.summary.median",
    )
    assert text == "Trung vị cao nhất: 93,4% năm 2022."


def _counts(rows: list[tuple[str, int]], by: str = "label") -> pl.DataFrame:
    return pl.DataFrame(rows, schema={by: pl.String, "n": pl.Int64}, orient="row")


def test_summary_most_names_the_group_with_the_largest_sum(charts: ModuleType) -> None:
    frame = _counts([("Bằng khen", 3), ("Cờ thi đua", 4), ("Bằng khen", 2)])
    text = charts.summary_most(frame, "label", "n", "chart.summary.n_awards", "vi")
    assert text == "Nhiều nhất: Bằng khen, 5 lượt khen thưởng."


def test_summary_most_groups_thousands_the_way_of_the_language(charts: ModuleType) -> None:
    frame = _counts([("Bằng khen", 1200), ("Cờ thi đua", 4)])
    vi = charts.summary_most(frame, "label", "n", "chart.summary.n_awards", "vi")
    en = charts.summary_most(frame, "label", "n", "chart.summary.n_awards", "en")
    assert vi == "Nhiều nhất: Bằng khen, 1.200 lượt khen thưởng."
    assert en == "Most: Bằng khen, 1,200 awards."


def test_summary_most_breaks_a_tie_by_the_first_name(charts: ModuleType) -> None:
    frame = _counts([("Giấy khen", 3), ("Bằng khen", 3), ("Cờ thi đua", 1)])
    text = charts.summary_most(frame, "label", "n", "chart.summary.n_awards", "vi")
    assert text == "Nhiều nhất: Bằng khen, 3 lượt khen thưởng."


def test_summary_most_of_years_breaks_a_tie_by_the_latest_year(charts: ModuleType) -> None:
    frame = pl.DataFrame({"results_year": [2021, 2023, 2022], "n": [5, 5, 2]})
    text = charts.summary_most(
        frame, "results_year", "n", "chart.summary.n_events", "vi", year=True
    )
    assert text == "Nhiều nhất: năm 2023, 5 sự kiện."


def test_summary_most_with_nothing_counted_says_so(charts: ModuleType) -> None:
    for frame in (_counts([]), _counts([("Bằng khen", 0)])):
        text = charts.summary_most(frame, "label", "n", "chart.summary.n_awards", "en")
        assert text == "The chart has no values yet."


def test_summarized_attaches_the_summary_that_chart_summary_reads_back(
    charts: ModuleType,
) -> None:
    chart = alt.Chart(_events()).mark_bar().encode(x="results_year:O", y="sum(n):Q")
    assert charts.chart_summary(chart) is None
    described = charts.summarized(chart, "Nhiều nhất: năm 2022, 6 sự kiện.")
    assert charts.chart_summary(described) == "Nhiều nhất: năm 2022, 6 sự kiện."
    # the builders' summary survives the theme, and an empty one counts as none
    assert charts.chart_summary(charts.localized(described, "vi")) == (
        "Nhiều nhất: năm 2022, 6 sự kiện."
    )
    assert charts.chart_summary(charts.summarized(chart, "")) is None
    assert charts.chart_summary(charts.events_per_year(_events(), "en")) == (
        "Most: 2022, 6 events."
    )


# --- shared settings -----------------------------------------------------------------------------


def test_label_limit_is_shorter_in_a_narrow_container(charts: ModuleType) -> None:
    assert charts.label_limit(320).to_dict() == {"expr": "containerSize()[0] < 600 ? 110 : 320"}
    assert charts.label_limit(260, 200).to_dict() == {
        "expr": "containerSize()[0] < 600 ? 200 : 260"
    }


def test_localized_adds_the_theme_without_touching_the_encoding(charts: ModuleType) -> None:
    chart = alt.Chart(_events()).mark_bar().encode(x="results_year:O", y="sum(n):Q")
    plain = chart.to_dict()
    themed = charts.localized(chart, "en").to_dict()
    assert themed["encoding"] == plain["encoding"]
    # the plot takes the container's width; its height is its own plus axes and legends
    assert themed["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert themed["config"]["locale"]["number"]["decimal"] == "."
    assert themed["config"]["legend"]["labelLimit"] == {
        "expr": "containerSize()[0] < 600 ? 200 : 260"
    }
    assert themed["config"]["title"] == {"color": "#404040"}


# --- what a drawn chart sends to the browser -----------------------------------------------------


def _shape(spec: object) -> object:
    """The spec without its data (a data set's name is a hash of its rows)."""
    if isinstance(spec, dict):
        return {k: _shape(v) for k, v in spec.items() if k not in {"data", "datasets"}}
    if isinstance(spec, list):
        return [_shape(v) for v in spec]
    return spec


def _fields(spec: object) -> set[str]:
    """Every `field` an encoding, sort or window of the spec names."""
    if isinstance(spec, dict):
        own = {spec["field"]} if isinstance(spec.get("field"), str) and spec["field"] else set()
        return own.union(*(_fields(v) for v in spec.values()))
    if isinstance(spec, list):
        return set().union(*(_fields(v) for v in spec))
    return set()


@pytest.mark.parametrize("name", list(FRAMES))
def test_a_drawn_chart_ships_only_the_columns_it_names(charts: ModuleType, name: str) -> None:
    # the presenters hand a chart every column the page uses; the browser needs the drawn ones
    frame = FRAMES[name]().with_columns(pl.lit("not drawn").alias("unused_note"))
    builder: Builder = getattr(charts, name)
    whole = builder(frame, "vi").to_dict()  # validated against Vega-Lite's schema
    drawn = charts.drawn_spec(builder(frame, "vi"))
    (drawn_frame,) = drawn["datasets"].values()
    assert "unused_note" not in drawn_frame.columns
    # every row, every value of the columns kept, and every column the chart names
    assert drawn_frame.equals(frame.select(drawn_frame.columns))
    assert _fields(drawn) <= set(drawn_frame.columns)
    # the chart itself (marks, encodings, tooltips, transforms, theme) is the same
    assert _shape(drawn) == _shape(whole)
    # and what the page sends is a valid Vega-Lite specification (the page does not check)
    VegaLite.validate(
        {**drawn, "datasets": {k: v.to_dicts() for k, v in drawn["datasets"].items()}}
    )


def test_a_column_named_inside_a_longer_name_is_not_kept(charts: ModuleType) -> None:
    frame = pl.DataFrame({"rank": [1, 2], "rank_basis": ["a", "b"], "is_top": [True, False]})
    chart = (
        alt.Chart(frame).mark_point().encode(x="rank_basis:N").transform_filter(alt.datum.is_top)
    )
    (drawn,) = charts.drawn_spec(chart)["datasets"].values()
    # `is_top` is only named in a filter expression; `rank` only as part of `rank_basis`
    assert drawn.to_dicts() == [
        {"rank_basis": "a", "is_top": True},
        {"rank_basis": "b", "is_top": False},
    ]


def test_a_drawn_chart_that_names_no_column_keeps_its_rows(charts: ModuleType) -> None:
    # a count of rows names no field: the rows must all still be there to be counted
    frame = pl.DataFrame({"unit_name": ["a", "b", "c"]})
    (drawn,) = charts.drawn_spec(alt.Chart(frame).mark_bar().encode(x="count():Q"))[
        "datasets"
    ].values()
    assert drawn.height == 3


def test_a_frame_shared_by_layers_travels_once_and_each_layer_keeps_its_own(
    charts: ModuleType,
) -> None:
    shared = pl.DataFrame({"year": [2020, 2021], "score": [90.0, 95.5], "note": ["a", "b"]})
    other = pl.DataFrame({"year": [2020], "cut": [1.0]})
    chart = alt.layer(
        alt.Chart(shared).mark_line().encode(x="year:O", y="score:Q"),
        alt.Chart(shared).mark_point().encode(x="year:O", y="score:Q"),
        alt.Chart(other).mark_rule().encode(y="cut:Q"),
    )
    spec = charts.drawn_spec(chart)
    assert len(spec["datasets"]) == 2
    names = [layer["data"]["name"] for layer in spec["layer"]]
    assert names[0] == names[1] != names[2]
    assert spec["datasets"][names[0]].columns == ["year", "score"]
    assert spec["datasets"][names[2]].to_dicts() == [{"year": 2020, "cut": 1.0}]


def test_an_invalid_drawn_specification_is_caught_by_the_schema(charts: ModuleType) -> None:
    # the check the tests rely on, since the page itself does not validate
    spec = charts.drawn_spec(alt.Chart(pl.DataFrame({"a": [1]})).mark_bar().encode(x="a:Q"))
    spec["mark"] = {"type": "not-a-mark"}
    with pytest.raises(Exception, match="not-a-mark"):  # jsonschema's ValidationError
        VegaLite.validate({**spec, "datasets": {}})
