"""Altair charts of the dashboard. Real and synthetic data look different in every chart.

One visual rule across charts: real facts are solid (opacity 1, diamonds on lines), synthetic rows
are pale (opacity 0.35, circles), and the legend "Nguồn dữ liệu" names both. Titles and labels come
from thidua.i18n; the frames arrive with translated label columns from presenters.py.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from presenters import origin_domain
from thidua.i18n import Lang, t

HEIGHT = 320
_OPACITY = [1.0, 0.35]  # real, synthetic
_SHAPES = ["diamond", "circle"]
# Saturated categorical colours: the theme's pastel ones would read as "pale", i.e. synthetic.
_SCHEME = alt.Scale(scheme="tableau10")
_LEGEND_COLUMNS = 3
# Shape and opacity of "origin" share one legend (Vega-Lite merges legends of the same field);
# both need the same legend settings, and dark symbols so the pale one is still visible.
_ORIGIN_LEGEND = alt.Legend(symbolFillColor="#555555", symbolStrokeColor="#555555")
_COUNT_AXIS = alt.Axis(format="d", tickMinStep=1)  # counts are whole numbers


def _origin_opacity(lang: Lang) -> alt.Opacity:
    return alt.Opacity(
        "origin:N",
        title=t("origin.title", lang),
        scale=alt.Scale(domain=origin_domain(lang), range=_OPACITY),
        legend=_ORIGIN_LEGEND,
    )


def _year_axis(lang: Lang) -> alt.X:
    # Years as whole numbers: the default format would print "2,015".
    return alt.X(
        "results_year:Q",
        title=t("chart.year", lang),
        axis=alt.Axis(format="d", tickMinStep=1),
        scale=alt.Scale(zero=False),
    )


def share_trend(frame: pl.DataFrame, lang: Lang) -> alt.LayerChart:
    """Mean share of the maximum score per cluster over results years."""
    # Twenty-odd clusters make a tangle: a click on a legend entry (shift-click for several)
    # highlights those clusters and fades the rest.
    picked = alt.selection_point(fields=["cluster_name"], bind="legend")
    base = alt.Chart(frame).encode(
        x=_year_axis(lang),
        y=alt.Y(
            "mean_share_of_max:Q",
            title=t("chart.share", lang),
            axis=alt.Axis(format="%"),
            scale=alt.Scale(zero=False),
        ),
        color=alt.Color(
            "cluster_name:N",
            title=t("chart.cluster", lang),
            scale=alt.Scale(scheme="tableau20"),
            # Below the plot in columns: twenty-odd names do not fit beside it.
            legend=alt.Legend(
                orient="bottom", columns=_LEGEND_COLUMNS, labelLimit=300, symbolLimit=0
            ),
        ),
    )
    line = (
        base.mark_line(strokeWidth=1.5)
        .encode(opacity=alt.when(picked).then(alt.value(0.6)).otherwise(alt.value(0.05)))
        .add_params(picked)
    )
    points = base.mark_point(filled=True, size=90).encode(
        shape=alt.Shape(
            "origin:N",
            title=t("origin.title", lang),
            scale=alt.Scale(domain=origin_domain(lang), range=_SHAPES),
            legend=_ORIGIN_LEGEND,
        ),
        # Same field and title as the shape: Vega-Lite merges both into one legend.
        opacity=alt.when(picked).then(_origin_opacity(lang)).otherwise(alt.value(0.03)),
        tooltip=[
            alt.Tooltip("cluster_name:N", title=t("chart.cluster", lang)),
            alt.Tooltip("results_year:O", title=t("chart.year", lang)),
            alt.Tooltip("share_label:N", title=t("chart.share", lang)),
            alt.Tooltip("origin:N", title=t("origin.title", lang)),
        ],
    )
    # Streamlit sizes the whole chart, legend included, to the spec's height: make room for the
    # legend rows below the plot so the plot keeps its own height.
    legend_rows = -(-frame["cluster_name"].n_unique() // _LEGEND_COLUMNS)
    return alt.LayerChart(layer=[line, points], height=HEIGHT + 60 + 30 * legend_rows)


def events_per_year(frame: pl.DataFrame, lang: Lang) -> alt.Chart:
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("results_year:O", title=t("chart.year", lang)),
            y=alt.Y("sum(n):Q", title=t("chart.count", lang), axis=_COUNT_AXIS),
            color=alt.Color("event_label:N", title=t("chart.event_type", lang), scale=_SCHEME),
            opacity=_origin_opacity(lang),
            tooltip=[
                alt.Tooltip("results_year:O", title=t("chart.year", lang)),
                alt.Tooltip("event_label:N", title=t("chart.event_type", lang)),
                alt.Tooltip("origin:N", title=t("origin.title", lang)),
                alt.Tooltip("sum(n):Q", title=t("chart.count", lang)),
            ],
        )
        .properties(height=HEIGHT)
    )
    return chart


def awards_by_type(frame: pl.DataFrame, lang: Lang) -> alt.Chart:
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(
                "award_label:N",
                title=t("chart.award_type", lang),
                sort=alt.EncodingSortField("rank_order", op="min"),
                axis=alt.Axis(labelLimit=260),
            ),
            x=alt.X("sum(n):Q", title=t("chart.count", lang), axis=_COUNT_AXIS),
            color=alt.Color("status_label:N", title=t("chart.status", lang), scale=_SCHEME),
            opacity=_origin_opacity(lang),
            tooltip=[
                alt.Tooltip("award_label:N", title=t("chart.award_type", lang)),
                alt.Tooltip("status_label:N", title=t("chart.status", lang)),
                alt.Tooltip("origin:N", title=t("origin.title", lang)),
                alt.Tooltip("sum(n):Q", title=t("chart.count", lang)),
            ],
        )
        .properties(height=HEIGHT)
    )
    return chart
