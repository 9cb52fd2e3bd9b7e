"""Charts of the changes page: who gained and who lost between two years, as diverging bars.

One bar per cluster or unit, longest gain on top; green for a gain, red for a loss. A bar whose
change rests on generated values is pale, as everywhere (charts.origin_opacity).
"""

from __future__ import annotations

import altair as alt
import polars as pl

from charts import label_limit, localized, origin_opacity, summarized
from thidua.i18n.messages import Lang, t

_GAIN_COLORS = ["#1e8449", "#c0392b"]  # gain, loss


def change_bars(
    frame: pl.DataFrame, measure: str, label: str, title: str, axis_format: str, lang: Lang
) -> alt.LayerChart:
    """Horizontal bars of `measure` per `bar_label` (presenters_changes.chart_rows), zero in the
    middle; `label` is the column with the change in words for the tooltip and the bar's end."""
    gain, loss = t("changes.gain", lang), t("changes.loss", lang)
    frame = frame.with_columns(
        pl.when(pl.col("is_gain")).then(pl.lit(gain)).otherwise(pl.lit(loss)).alias("direction")
    )
    y = alt.Y(
        "bar_label:N",
        title=None,
        sort=alt.EncodingSortField(measure, order="descending"),
        axis=alt.Axis(labelLimit=label_limit(260)),
    )
    x = alt.X(f"{measure}:Q", title=title, axis=alt.Axis(format=axis_format))
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=y,
            x=x,
            color=alt.Color(
                "direction:N",
                title=None,
                scale=alt.Scale(domain=[gain, loss], range=_GAIN_COLORS),
                legend=alt.Legend(orient="bottom"),
            ),
            opacity=origin_opacity(lang),
            tooltip=[
                alt.Tooltip("bar_label:N", title=t("col.name", lang)),
                alt.Tooltip(f"{label}:N", title=title),
                alt.Tooltip("origin:N", title=t("origin.title", lang)),
            ],
        )
    )
    zero = alt.Chart(pl.DataFrame({"zero": [0]})).mark_rule(color="#555").encode(x="zero:Q")
    chart = alt.LayerChart(layer=[bars, zero], height=alt.Step(22))
    return localized(summarized(chart, _summary(frame, measure, label, lang)), lang)


def _summary(frame: pl.DataFrame, measure: str, label: str, lang: Lang) -> str:
    """ "Tăng nhiều nhất: Cụm 5 (+4,2 điểm %). Giảm nhiều nhất: …" from the bars drawn."""
    rows = frame.filter(pl.col(measure).is_not_null())
    parts = []
    gains = rows.filter(pl.col(measure) > 0).sort(measure, descending=True)
    if gains.height:
        top = gains.row(0, named=True)
        parts.append(t("chart.summary.gain", lang, name=top["bar_label"], value=top[label]))
    losses = rows.filter(pl.col(measure) < 0).sort(measure)
    if losses.height:
        low = losses.row(0, named=True)
        parts.append(t("chart.summary.loss", lang, name=low["bar_label"], value=low[label]))
    return " ".join(parts) if parts else t("chart.summary.no_change", lang)
