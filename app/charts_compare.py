"""Charts of the compare page: one line per picked cluster, the same colour in every chart."""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import polars as pl

from charts import (
    label_limit,
    localized,
    origin_opacity,
    origin_shape,
    share_text,
    summarized,
    summary_extreme,
    year_axis,
)
from thidua.i18n.messages import Lang, fmt_number, t

_HEIGHT = 280


def _line(
    frame: pl.DataFrame,
    field: str,
    title: str,
    axis: alt.Axis,
    label: str,
    order: list[str],
    lang: Lang,
    *,
    origin: str,
    source: str,
    shown: Callable[[float], str],
    reverse: bool = False,
    less_is_better: bool = False,
) -> alt.LayerChart:
    """One line per cluster; a point's shape and tooltip follow the plotted measure's own origin
    (`origin`) and source (`source`). The summary names the best point: the highest, or with
    `less_is_better` the lowest, `shown` as text."""
    base = alt.Chart(frame).encode(
        x=year_axis(lang),
        y=alt.Y(f"{field}:Q", title=title, axis=axis, scale=alt.Scale(zero=False, reverse=reverse)),
        color=alt.Color(
            "cluster_name:N",
            title=t("chart.cluster", lang),
            scale=alt.Scale(domain=order, scheme="tableau10"),
            # Below the plot (the shared theme's place), so a phone keeps the plot's width.
            legend=alt.Legend(orient="bottom", labelLimit=label_limit(280, 200)),
        ),
    )
    line = base.mark_line(strokeWidth=2, opacity=0.75)
    points = base.mark_point(filled=True, size=70).encode(
        shape=origin_shape(lang, origin),
        opacity=origin_opacity(lang, field=origin),
        tooltip=[
            alt.Tooltip("cluster_name:N", title=t("chart.cluster", lang)),
            alt.Tooltip("results_year:O", title=t("chart.year", lang)),
            alt.Tooltip(f"{label}:N", title=title),
            alt.Tooltip(f"{source}:N", title=t("origin.title", lang)),
        ],
    )
    summary = summary_extreme(
        frame,
        field,
        lambda r: str(r["cluster_name"]),
        shown,
        lang,
        lowest=less_is_better,
        key="chart.summary.steadiest" if less_is_better else None,
    )
    return localized(
        summarized(alt.LayerChart(layer=[line, points], height=_HEIGHT), summary), lang
    )


def share(frame: pl.DataFrame, order: list[str], lang: Lang) -> alt.LayerChart:
    rows = frame.filter(pl.col("mean_share_of_max").is_not_null())
    return _line(
        rows,
        "mean_share_of_max",
        t("chart.share", lang),
        alt.Axis(format="%"),
        "share_label",
        order,
        lang,
        origin="score_origin",
        source="score_source",
        shown=share_text(lang),
    )


def rank_change(frame: pl.DataFrame, order: list[str], lang: Lang) -> alt.LayerChart:
    rows = frame.filter(pl.col("mean_abs_rank_change").is_not_null())
    return _line(
        rows,
        "mean_abs_rank_change",
        t("compare.rank_change", lang),
        alt.Axis(format=".1f"),
        "change_label",
        order,
        lang,
        origin="change_origin",
        source="change_source",
        shown=lambda v: fmt_number(v, 1, lang),
        less_is_better=True,
    )


def award_rate(frame: pl.DataFrame, order: list[str], lang: Lang) -> alt.LayerChart:
    rows = frame.filter(pl.col("award_rate").is_not_null())
    return _line(
        rows,
        "award_rate",
        t("compare.award_rate", lang),
        alt.Axis(format="%"),
        "award_rate_label",
        order,
        lang,
        origin="rate_origin",
        source="rate_source",
        shown=share_text(lang),
    )
