"""Tổng quan (overview): key figures, the score trend, events, awards and the real facts.

Answers "what does the warehouse hold for these years, how do the clusters compare on the share of
their maximum score, which clusters held which events, what was awarded, and which facts come from
a real source (with the source)".
"""

from __future__ import annotations

import streamlit as st

import charts
import data_access as da
import pickers
import presenters
from app_context import (
    TileOrigin,
    current_view,
    metric_tile,
    require_warehouse,
    scope_caption,
    synthetic_note,
    warehouse_errors,
)
from charts import show_chart
from tables import PROVENANCE, Col, show_table
from thidua.i18n.messages import fmt_int, fmt_percent
from thidua.query.dashboard.common import DETAIL_ROW_CAP, MAX_CLUSTER_LINES

view = current_view()
f = view.filters
st.title(view.t("overview.title"))
require_warehouse(view)
scope_caption(view)
synthetic_note(view)

with warehouse_errors(view):
    figures = da.key_figures(view.db_path, view.stamp, f)
    trend = da.cluster_trend(view.db_path, view.stamp, f)
    events = da.events_by_year(view.db_path, view.stamp, f)
    coverage = da.events_coverage(view.db_path, view.stamp, f)
    awards = da.awards_by_type(view.db_path, view.stamp, f)
    facts = da.real_facts(view.db_path, view.stamp, f)

lang = view.lang


def _split(name: str) -> str:
    real = figures[f"{name}_real"]
    return view.t(
        "metric.split.help",
        real=fmt_int(real, lang),
        synthetic=fmt_int(figures[name] - real, lang),
    )


def _origin(name: str) -> TileOrigin:
    """Whether the tile's count includes generated rows (it does when it exceeds the real part)."""
    if not figures[name]:
        return "none"
    return "generated" if figures[name] > figures[f"{name}_real"] else "real"


cols = st.columns(5)
for col, name in zip(cols, ("clusters", "units", "events", "awards"), strict=False):
    metric_tile(
        col,
        view,
        view.t(f"metric.{name}"),
        fmt_int(figures[name], lang),
        _origin(name),
        help=_split(name),
    )
total = figures["rows_total"]
metric_tile(
    cols[4],
    view,
    view.t("metric.real_share"),
    fmt_percent(figures["rows_real"] / total, 1, lang) if total else "—",
    "ratio" if total else "none",
    help=view.t(
        "metric.real_share.help",
        real=fmt_int(figures["rows_real"], lang),
        total=fmt_int(total, lang),
    ),
)

if total == 0:
    st.warning(view.t("state.empty"), icon=":material/filter_alt_off:")

st.subheader(view.t("chart.share.title"))
if trend.is_empty():
    st.caption(view.t("chart.no_scores"))
elif (trend["mode"] == "band").any():
    show_chart(charts.share_band(presenters.trend_frame(trend, lang), lang))
    st.caption(view.t("chart.many_clusters", max=MAX_CLUSTER_LINES))
else:
    names = dict(zip(trend["cluster_id"], trend["cluster_name"], strict=True))
    highlight = pickers.highlight_picker(view, names, label="chart.share.highlight")
    shown = presenters.highlighted(presenters.trend_frame(trend, lang), "cluster_id", highlight)
    show_chart(charts.share_trend(shown, lang))
    st.caption(view.t("chart.share.caption"))
if not trend.is_empty():
    st.caption(view.t("share.explained"))

left, right = st.columns(2)
with left:
    st.subheader(view.t("chart.events.title"))
    if events.is_empty():
        st.caption(view.t("state.empty"))
    else:
        show_chart(charts.events_per_year(presenters.events_frame(events, lang), lang))
with right:
    st.subheader(view.t("chart.awards.title"))
    if awards.is_empty():
        st.caption(view.t("state.empty"))
    else:
        show_chart(charts.awards_by_type(presenters.awards_frame(awards, lang), lang))

st.subheader(view.t("chart.coverage.title"))
if coverage.is_empty():
    st.caption(view.t("state.empty"))
elif (coverage["mode"] == "share").any():
    show_chart(charts.coverage_share(presenters.coverage_shares(coverage, lang), lang))
    st.caption(view.t("chart.many_clusters", max=MAX_CLUSTER_LINES))
else:
    show_chart(charts.events_coverage(presenters.coverage_frame(coverage, lang), lang))
    st.caption(view.t("chart.coverage.caption"))

st.subheader(view.t("real.title"))
st.caption(view.t("real.caption"))
show_table(
    presenters.real_facts_table(facts, lang),
    [
        Col("fact", "col.fact", width="small"),
        Col("year", "col.year", "year", width="small"),
        Col("cluster", "col.cluster", width="medium"),
        Col("detail", "col.detail", "long"),
        Col("date", "col.date", "date", width="small"),
        *PROVENANCE,
    ],
    key="real_facts",
    lang=lang,
    file_stem="du-kien-that",
    cap=DETAIL_ROW_CAP,
)
