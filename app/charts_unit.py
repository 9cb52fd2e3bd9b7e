"""Charts of one unit: its share of the maximum and its rank over the years, through its successor.

Colour is the series (presenters_unit.history): the selected unit followed into its successor
("Sở Kế hoạch và Đầu tư → Sở Tài chính") is one line; other units of the family are their own.
One line per series and cluster (a unit may sit in several); the point's shape tells real from
synthetic by the plotted value's own flag (the share chart the scores', the rank chart the
effective rank's) and the tooltip names the unit as it was called that year, the cluster and that
value's source.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from charts import (
    HEIGHT,
    label_limit,
    localized,
    origin_opacity,
    origin_shape,
    share_text,
    summarized,
    summary_extreme,
    year_axis,
)
from thidua.i18n.messages import Lang, fmt_int, t


def _tooltip(lang: Lang, value: str, source: str) -> list[alt.Tooltip]:
    """Year, unit, cluster, role, the plotted value and that value's source."""
    return [
        alt.Tooltip("results_year:O", title=t("chart.year", lang)),
        alt.Tooltip("unit_name:N", title=t("unit.name_then", lang)),
        alt.Tooltip("cluster_label:N", title=t("chart.cluster", lang)),
        alt.Tooltip("role_label:N", title=t("chart.role", lang)),
        alt.Tooltip(
            f"{value}:N", title=t("chart.share" if value == "share_label" else "chart.rank", lang)
        ),
        alt.Tooltip(f"{source}:N", title=t("origin.title", lang)),
    ]


def _color(frame: pl.DataFrame, lang: Lang) -> alt.Color:
    # The followed unit first, so it gets the first (strongest) colour in every chart.
    order = frame.sort("is_chain", descending=True)["series"].unique(maintain_order=True).to_list()
    return alt.Color(
        "series:N",
        title=t("col.unit", lang),
        scale=alt.Scale(domain=order, scheme="tableau10"),
        # Below the plot (the shared theme's place), so a phone keeps the plot's width.
        legend=alt.Legend(orient="bottom", labelLimit=label_limit(320, 200)),
    )


def _merge_rules(years: list[int], lang: Lang) -> list[alt.Chart]:
    if not years:
        return []
    marks = pl.DataFrame({"results_year": [y - 0.5 for y in years]})
    rule = alt.Chart(marks).mark_rule(strokeDash=[4, 3], color="#888").encode(x="results_year:Q")
    text = (
        alt.Chart(marks)
        .mark_text(align="left", dx=4, dy=-6, color="#666", text=t("unit.merge_marker", lang))
        .encode(x="results_year:Q", y=alt.value(8))
    )
    return [rule, text]


def share_over_time(frame: pl.DataFrame, merges: list[int], lang: Lang) -> alt.LayerChart:
    base = alt.Chart(frame).encode(
        x=year_axis(lang),
        y=alt.Y(
            "share_of_max:Q",
            title=t("chart.share", lang),
            axis=alt.Axis(format="%"),
            scale=alt.Scale(zero=False),
        ),
        color=_color(frame, lang),
    )
    line = base.mark_line(strokeWidth=2.5, opacity=0.75).encode(detail="cluster_id:N")
    points = base.mark_point(filled=True, size=90).encode(
        shape=origin_shape(lang, "score_origin"),
        opacity=origin_opacity(lang, field="score_origin"),
        tooltip=_tooltip(lang, "share_label", "score_source"),
    )
    summary = summary_extreme(
        frame, "share_of_max", lambda r: str(r["unit_name"]), share_text(lang), lang
    )
    chart = alt.LayerChart(layer=[line, points, *_merge_rules(merges, lang)], height=HEIGHT)
    return localized(summarized(chart, summary), lang)


def rank_over_time(frame: pl.DataFrame, merges: list[int], lang: Lang) -> alt.LayerChart:
    worst = int(
        frame.select(pl.max_horizontal(pl.col("member_count").max(), pl.col("rank").max())).item()
        or 1
    )
    base = alt.Chart(frame).encode(
        x=year_axis(lang),
        y=alt.Y(
            "rank:Q",
            title=t("chart.rank", lang),
            scale=alt.Scale(domain=[worst + 0.5, 0.5], nice=False),
            axis=alt.Axis(format="d", tickMinStep=1),
        ),
        color=_color(frame, lang),
    )
    line = base.mark_line(strokeWidth=2.5, opacity=0.75).encode(detail="cluster_id:N")
    points = base.mark_point(filled=True, size=90).encode(
        shape=origin_shape(lang, "effective_rank_origin"),
        opacity=origin_opacity(lang, field="effective_rank_origin"),
        tooltip=_tooltip(lang, "rank_label", "effective_rank_source"),
    )
    chart = alt.LayerChart(layer=[line, points, *_merge_rules(merges, lang)], height=HEIGHT)
    return localized(summarized(chart, _best_rank_summary(frame, lang)), lang)


def _best_rank_summary(frame: pl.DataFrame, lang: Lang) -> str:
    """ "Hạng cao nhất: 1, năm 2021 (Sở Ngoại vụ, Cụm thi đua số 8)." (the latest such year)"""
    ranked = frame.filter(pl.col("rank").is_not_null())
    if ranked.is_empty():
        return t("chart.summary.empty", lang)
    best = ranked.sort(["rank", "results_year"], descending=[False, True]).row(0, named=True)
    return t(
        "chart.summary.best_rank",
        lang,
        rank=fmt_int(int(best["rank"]), lang),
        year=best["results_year"],
        name=f"{best['unit_name']}, {best['cluster_label']}",
    )
