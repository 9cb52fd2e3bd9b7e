"""Altair charts of the overview, and what every chart of the dashboard shares.

One visual rule across charts: real values are solid (opacity 1, diamonds on lines), synthetic ones
are pale (opacity 0.35, circles), and the legend "Nguồn dữ liệu" names both. The encoding follows
the plotted value's own flag, not the row's (a score point is pale when its scores are generated,
even in a row an article states), and the tooltip's "Nguồn dữ liệu" gives that value's source in
words (presenters.with_value_source). Titles and labels come from thidua.i18n.messages; the frames
arrive with translated label columns from presenters.py. Every chart goes through `localized()`,
which gives Vega the Vietnamese number and date formats ("90,5%", "thg 1 2022") of the current
language and the shared theme: axis and legend text dark enough to read (contrast at least 4.5:1 on
the white page, where Streamlit's own grey is below it), and legends below the plot, so a 390 px
phone keeps the plot's width.

Every chart says what it shows in one line, computed from the rows it draws (`summarized`: the
highest value, the unit ranked first most often...): `show_chart` writes it under the chart, and
it is the chart's description, which the browser gives screen readers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TypeVar

import altair as alt
import polars as pl
import streamlit as st

from presenters import origin_domain
from thidua.i18n.messages import Lang, fmt_percent, t, tn, vega_locale

# Streamlit writes Altair charts without Altair's default theme (whose 300 px view size would fight
# the container's); the specifications `drawn_spec` writes for it are written the same way.
alt.theme.enable("none")

TopLevel = TypeVar("TopLevel", alt.Chart, alt.LayerChart, alt.VConcatChart, alt.HConcatChart)

HEIGHT = 320
_OPACITY = [1.0, 0.35]  # real, synthetic
_SHAPES = ["diamond", "circle"]
# Saturated categorical colours: the theme's pastel ones would read as "pale", i.e. synthetic.
_SCHEME = alt.Scale(scheme="tableau10")
# Shape and opacity of "origin" share one legend (Vega-Lite merges legends of the same field);
# both need the same legend settings, and dark symbols so the pale one is still visible.
_ORIGIN_LEGEND = alt.Legend(symbolFillColor="#555555", symbolStrokeColor="#555555")
_COUNT_AXIS = alt.Axis(format=",d", tickMinStep=1)  # whole numbers, grouped: 200.000


# Text on charts: 10.4:1 against white (WCAG AA asks 4.5:1; Streamlit's chart grey is ~3.8:1).
TEXT_COLOR = "#404040"
# Below this width of the chart's container (a phone), names on axes and legends are cut shorter,
# so that the plot keeps most of the width.
NARROW_PX = 600


def label_limit(wide: int, narrow: int = 110) -> alt.ExprRef:
    """A label length (px) for names: `wide` on a desktop, `narrow` in a narrow container."""
    return alt.ExprRef(f"containerSize()[0] < {NARROW_PX} ? {narrow} : {wide}")


def localized(chart: TopLevel, lang: Lang) -> TopLevel:
    """The chart with the language's number and date formats (decimal comma, month names) and
    the shared theme (readable axis and legend text, legends below the plot)."""
    # One `configure` with the whole config: each chained configure_* call copied the chart
    # (layers and all), a third of a layered chart's build time.
    configured: TopLevel = (
        # The width of the container, the height the plot asks for plus its axes and legends:
        # Streamlit's default ("fit" both ways) took the legends' height out of the plot's.
        chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding")).configure(
            locale=vega_locale(lang),
            axis=alt.AxisConfig(labelColor=TEXT_COLOR, titleColor=TEXT_COLOR),
            legend=alt.LegendConfig(
                labelColor=TEXT_COLOR,
                titleColor=TEXT_COLOR,
                # Below the plot, entries one under the other: on a phone a legend beside the
                # plot took most of its width, and a row of entries overflowed it.
                orient="bottom",
                direction="vertical",
                # Several legends below the plot go one under the other (side by side they ran
                # past a phone's edge), from the chart's left edge.
                layout=alt.ExprRef(
                    "{bottom: {anchor: 'start', direction: 'vertical', margin: 12}}"
                ),
                labelLimit=label_limit(260, 200),
            ),
            title=alt.TitleConfig(color=TEXT_COLOR),
        )
    )
    return configured


def summarized(chart: TopLevel, summary: str) -> TopLevel:
    """The chart carrying its one-line summary (see `show_chart`)."""
    described: TopLevel = chart.properties(description=summary)
    return described


def chart_summary(
    chart: alt.Chart | alt.LayerChart | alt.VConcatChart | alt.HConcatChart,
) -> str | None:
    description = getattr(chart, "description", None)
    return description if isinstance(description, str) and description else None


def show_chart(chart: alt.Chart | alt.LayerChart | alt.VConcatChart | alt.HConcatChart) -> None:
    """Draw a chart the width of its container, with its summary line under it (the chart's
    description, which Streamlit also gives the chart as its accessible name)."""
    summary = chart_summary(chart)
    st.vega_lite_chart(drawn_spec(chart), width="stretch")
    if summary:
        st.caption(summary)


_SUBCHARTS = ("layer", "vconcat", "hconcat", "concat", "spec")
# The name of the chart's n-th frame in its specification: one word, so that no column's name is
# a whole word of it.
_DATASET = "thidua_frame_{}"


def _frames(chart: Any) -> list[Any]:
    """The chart and every sub-chart (layers, concatenations) that holds a polars frame."""
    found, todo = [], [chart]
    while todo:
        node = todo.pop()
        if isinstance(getattr(node, "data", None), pl.DataFrame):
            found.append(node)
        for name in _SUBCHARTS:
            sub = getattr(node, name, alt.Undefined)
            if isinstance(sub, list):
                todo.extend(sub)
            elif isinstance(sub, alt.SchemaBase):
                todo.append(sub)
    return found


def drawn_spec(
    chart: alt.Chart | alt.LayerChart | alt.VConcatChart | alt.HConcatChart,
) -> dict[str, Any]:
    """The chart's Vega-Lite specification as the page sends it: each polars frame a named
    dataset, cut to the columns the specification names.

    Why cut: the frames come from the presenters with every column a page uses (a cluster's
    ranks had 71, its charts read 11), and all of them travelled to the browser as the chart's
    data, over 100 kB per chart for Vega to load before it drew. A column is kept when its name
    is a word of the specification (an encoding, a tooltip, a filter or window expression), so
    what the chart draws and shows in its tooltips is unchanged.

    Why not through `st.altair_chart`: it validates the chart against Vega-Lite's JSON schema on
    every run of every page, which was half of a page's script time (0.4 s of the overview's
    0.9 s). Each chart builder's output is validated by its tests instead (tests/test_charts*.py
    write the charts with Altair's validating `to_dict()`, and the specification written here is
    checked against the schema there too).

    The chart is changed in place (its frames become named data): it was built for this one
    drawing.
    """
    named: dict[int, tuple[str, pl.DataFrame]] = {}
    for holder in _frames(chart):
        # a frame shared by several layers travels once
        name, _ = named.setdefault(id(holder.data), (_DATASET.format(len(named)), holder.data))
        holder.data = alt.NamedData(name=name)
    spec: dict[str, Any] = chart.to_dict(validate=False)
    if named:
        text = json.dumps(spec, ensure_ascii=False, default=str)
        spec["datasets"] = {
            # a chart that names no column still counts the rows: keep one, so none is lost
            name: frame.select([c for c in frame.columns if _names(text, c)] or frame.columns[:1])
            for name, frame in named.values()
        }
    return spec


def _names(text: str, column: str) -> bool:
    """Whether `column` is a whole word of `text` ("rank" in `rank:Q`, not in `rank_basis`)."""
    return re.search(rf"(?<!\w){re.escape(column)}(?!\w)", text) is not None


# --- one-line summaries, from the rows a chart draws ---------------------------------------------


def _top_row(
    frame: pl.DataFrame,
    value: str,
    name: Callable[[dict[str, Any]], str] = lambda _row: "",
    *,
    lowest: bool = False,
) -> dict[str, Any] | None:
    """The row with the highest (lowest) value; on a tie the latest year, then the first name
    (alphabetically), so the summary does not depend on the order the rows came in."""
    rows = frame.filter(pl.col(value).cast(pl.Float64).is_not_nan())
    if rows.is_empty():
        return None
    sign = 1.0 if lowest else -1.0
    top: dict[str, Any] = min(
        rows.iter_rows(named=True),
        key=lambda row: (sign * float(row[value]), -(row.get("results_year") or 0), name(row)),
    )
    return top


def summary_extreme(
    frame: pl.DataFrame,
    value: str,
    name: Callable[[dict[str, Any]], str],
    shown: Callable[[float], str],
    lang: Lang,
    *,
    lowest: bool = False,
    key: str | None = None,
) -> str:
    """ "Cao nhất: Sở X, 95,5% năm 2023" (with the year when the rows have one). `key`: another
    message with the same placeholders ({name}, {value}, {year})."""
    row = _top_row(frame, value, name, lowest=lowest)
    if row is None:
        return t("chart.summary.empty", lang)
    values = {"name": name(row), "value": shown(float(row[value]))}
    if "results_year" in row and row["results_year"] is not None:
        word = key or f"chart.summary.{'lowest' if lowest else 'highest'}"
        return t(word, lang, year=row["results_year"], **values)
    return t(f"chart.summary.{'lowest' if lowest else 'highest'}_any", lang, **values)


def summary_most(
    frame: pl.DataFrame, by: str, count: str, counted: str, lang: Lang, *, year: bool = False
) -> str:
    """ "Nhiều nhất: <by>, <n> <counted>": the group of `by` with the largest sum of `count`.

    `counted`: the i18n key (with plural forms) of the counted thing: "{n} sự kiện", "{n} events".
    """
    sums = frame.group_by(by).agg(pl.col(count).sum()).filter(pl.col(count) > 0)
    if sums.is_empty():
        return t("chart.summary.empty", lang)
    top = sums.sort([count, by], descending=[True, year]).row(0, named=True)
    value = tn(counted, int(top[count]), lang)
    key = "chart.summary.most_year" if year else "chart.summary.most"
    return t(key, lang, name=top[by], value=value)


def share_text(lang: Lang) -> Callable[[float], str]:
    return lambda share: fmt_percent(share, 1, lang)


def origin_opacity(lang: Lang, *, legend: bool = True, field: str = "origin") -> alt.Opacity:
    """Real solid, synthetic pale. `legend=False` where the chart's height has no room for it.

    `field`: the column with the plotted value's origin (e.g. `score_origin` for a score).
    """
    opacity = _origin_opacity(lang, field)
    return opacity if legend else opacity.legend(None)


def origin_shape(lang: Lang, field: str = "origin") -> alt.Shape:
    return alt.Shape(
        f"{field}:N",
        title=t("origin.title", lang),
        scale=alt.Scale(domain=origin_domain(lang), range=_SHAPES),
        legend=_ORIGIN_LEGEND,
    )


def year_axis(lang: Lang) -> alt.X:
    return _year_axis(lang)


def _origin_opacity(lang: Lang, field: str = "origin") -> alt.Opacity:
    return alt.Opacity(
        f"{field}:N",
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


# Highlight-on-select: the chosen series in one strong colour, every other one in grey behind it.
HIGHLIGHT_COLOR = "#1f4e79"
CONTEXT_COLOR = "#c4c4c4"


def share_trend(frame: pl.DataFrame, lang: Lang) -> alt.LayerChart:
    """Mean share of the maximum per cluster over results years: one cluster highlighted.

    Twenty-odd coloured lines are a tangle nobody reads: every cluster is a thin grey line (its
    points carry a tooltip) and the one the page highlights (`is_highlighted`, see
    presenters.highlighted) is drawn over them in colour, its points shaped by their origin and its
    name written at its last point. No legend of clusters, so a phone keeps the plot.
    """
    x = _year_axis(lang)
    y = alt.Y(
        "mean_share_of_max:Q",
        title=t("chart.share", lang),
        axis=alt.Axis(format="%"),
        scale=alt.Scale(zero=False),
    )
    tooltip = [
        alt.Tooltip("cluster_name:N", title=t("chart.cluster", lang)),
        alt.Tooltip("results_year:O", title=t("chart.year", lang)),
        alt.Tooltip("share_label:N", title=t("chart.share", lang)),
        alt.Tooltip("score_source:N", title=t("origin.title", lang)),
    ]
    base = alt.Chart(frame).encode(x=x, y=y)
    context = base.mark_line(strokeWidth=1, color=CONTEXT_COLOR).encode(detail="cluster_name:N")
    context_points = base.mark_circle(size=18, color=CONTEXT_COLOR, opacity=0.6).encode(
        tooltip=tooltip
    )
    chosen = base.transform_filter(alt.datum.is_highlighted)
    line = chosen.mark_line(strokeWidth=3, color=HIGHLIGHT_COLOR)
    points = chosen.mark_point(filled=True, size=90, color=HIGHLIGHT_COLOR).encode(
        shape=origin_shape(lang),
        # Same field and title as the shape: Vega-Lite merges both into one legend.
        opacity=_origin_opacity(lang),
        tooltip=tooltip,
    )
    label = (
        chosen.transform_window(
            last="rank()", sort=[alt.SortField("results_year", order="descending")]
        )
        .transform_filter(alt.datum.last == 1)
        .mark_text(align="right", dy=-12, fontWeight="bold", color=HIGHLIGHT_COLOR)
        .encode(text="cluster_name:N")
    )
    layers = [context, context_points, line, points, label]
    summary = summary_extreme(
        frame, "mean_share_of_max", lambda r: str(r["cluster_name"]), share_text(lang), lang
    )
    return localized(summarized(alt.LayerChart(layer=layers, height=HEIGHT), summary), lang)


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
                alt.Tooltip("source:N", title=t("origin.title", lang)),
                alt.Tooltip("sum(n):Q", title=t("chart.count", lang)),
            ],
        )
        .properties(height=HEIGHT)
    )
    summary = summary_most(frame, "results_year", "n", "chart.summary.n_events", lang, year=True)
    return localized(summarized(chart, summary), lang)


def awards_by_type(frame: pl.DataFrame, lang: Lang) -> alt.Chart:
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(
                "award_label:N",
                title=t("chart.award_type", lang),
                sort=alt.EncodingSortField("rank_order", op="min"),
                axis=alt.Axis(labelLimit=label_limit(260)),
            ),
            x=alt.X("sum(n):Q", title=t("chart.count", lang), axis=_COUNT_AXIS),
            color=alt.Color("status_label:N", title=t("chart.status", lang), scale=_SCHEME),
            opacity=_origin_opacity(lang),
            tooltip=[
                alt.Tooltip("award_label:N", title=t("chart.award_type", lang)),
                alt.Tooltip("status_label:N", title=t("chart.status", lang)),
                alt.Tooltip("source:N", title=t("origin.title", lang)),
                alt.Tooltip("sum(n):Q", title=t("chart.count", lang)),
            ],
        )
        .properties(height=HEIGHT)
    )
    summary = summary_most(frame, "award_label", "n", "chart.summary.n_awards", lang)
    return localized(summarized(chart, summary), lang)


def events_coverage(frame: pl.DataFrame, lang: Lang) -> alt.LayerChart:
    """Cluster x results year: how many of the events (covenant, mid-year, year-end) were held.

    One look answers "which clusters have held which events by when"; the number in the cell is
    the count, the tooltip names the events, and a pale cell is synthetic.
    """
    base = alt.Chart(frame).encode(
        x=alt.X("results_year:O", title=t("chart.year", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y(
            "cluster_name:N",
            title=None,
            axis=alt.Axis(labelLimit=label_limit(320)),
            sort=alt.EncodingSortField("cluster_name"),
        ),
        tooltip=[
            alt.Tooltip("cluster_name:N", title=t("chart.cluster", lang)),
            alt.Tooltip("results_year:O", title=t("chart.year", lang)),
            alt.Tooltip("events_label:N", title=t("chart.events_list", lang)),
            alt.Tooltip("events_source:N", title=t("origin.title", lang)),
        ],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "events_held:Q",
            title=t("chart.events_held", lang),
            scale=alt.Scale(scheme="greens", domainMin=0),
            legend=alt.Legend(format="d", tickMinStep=1, direction="horizontal"),
        ),
        opacity=_origin_opacity(lang),
    )
    counts = base.mark_text(fontSize=11, color="#1b1b1b").encode(text="events_held:Q")
    summary = summary_extreme(
        frame,
        "events_held",
        lambda r: str(r["cluster_name"]),
        lambda n: tn("chart.summary.n_events", int(n), lang),
        lang,
    )
    chart = alt.LayerChart(layer=[cells, counts], height=alt.Step(22))
    return localized(summarized(chart, summary), lang)


def share_band(frame: pl.DataFrame, lang: Lang) -> alt.LayerChart:
    """Many clusters: the median share of the maximum per year, with 25–75 % and 10–90 % bands."""
    x = _year_axis(lang)
    share = alt.Axis(format="%")
    outer = (
        alt.Chart(frame)
        .mark_area(opacity=0.18, color="#4c78a8")
        .encode(
            x=x,
            y=alt.Y("p10:Q", title=t("chart.share", lang), axis=share, scale=alt.Scale(zero=False)),
            y2="p90:Q",
        )
    )
    inner = (
        alt.Chart(frame).mark_area(opacity=0.35, color="#4c78a8").encode(x=x, y="p25:Q", y2="p75:Q")
    )
    median = (
        alt.Chart(frame)
        .mark_line(point=True, color="#1f4e79", strokeWidth=2)
        .encode(
            x=x,
            y="mean_share_of_max:Q",
            tooltip=[
                alt.Tooltip("results_year:O", title=t("chart.year", lang)),
                alt.Tooltip("share_label:N", title=t("chart.median", lang)),
                alt.Tooltip("band_label:N", title=t("chart.band", lang)),
                alt.Tooltip("clusters:Q", title=t("metric.clusters", lang), format=",d"),
            ],
        )
    )
    top = _top_row(frame, "mean_share_of_max")
    summary = (
        t(
            "chart.summary.median",
            lang,
            value=fmt_percent(top["mean_share_of_max"], 1, lang),
            year=top["results_year"],
        )
        if top
        else t("chart.summary.empty", lang)
    )
    chart = alt.LayerChart(layer=[outer, inner, median], height=HEIGHT)
    return localized(summarized(chart, summary), lang)


def coverage_share(frame: pl.DataFrame, lang: Lang) -> alt.Chart:
    """Many clusters: per year, the share of clusters that held each kind of event."""
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=_year_axis(lang),
            y=alt.Y("share:Q", title=t("chart.coverage.share", lang), axis=alt.Axis(format="%")),
            color=alt.Color("event_label:N", title=t("chart.event_type", lang), scale=_SCHEME),
            tooltip=[
                alt.Tooltip("results_year:O", title=t("chart.year", lang)),
                alt.Tooltip("event_label:N", title=t("chart.event_type", lang)),
                alt.Tooltip("share_label:N", title=t("chart.coverage.share", lang)),
            ],
        )
        .properties(height=HEIGHT)
    )
    summary = summary_extreme(
        frame, "share", lambda r: str(r["event_label"]), share_text(lang), lang
    )
    return localized(summarized(chart, summary), lang)
