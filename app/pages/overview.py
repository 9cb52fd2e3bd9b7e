"""Tổng quan (overview): key figures, the score trend, events, awards and the real facts."""

from __future__ import annotations

import streamlit as st

import charts
import data_access as da
import presenters
from app_context import current_view, require_warehouse, warehouse_errors
from thidua.i18n import fmt_int, fmt_percent, fmt_year_range

view = current_view()
f = view.filters
st.title(view.t("overview.title"))
require_warehouse(view)

kind_label = view.t(f"kind.{f.cluster_kind}") if f.cluster_kind else view.t("filter.all")
st.caption(
    view.t(
        "overview.scope",
        years=fmt_year_range(f.years),
        organizer=view.organizer_label,
        kind=kind_label,
    )
)
if f.include_synthetic:
    st.info(view.t("overview.synthetic_on"), icon=":material/science:")
else:
    st.success(view.t("overview.synthetic_off"), icon=":material/verified:")

with warehouse_errors(view):
    figures = da.key_figures(view.db_path, view.stamp, f)
    trend = da.cluster_trend(view.db_path, view.stamp, f)
    events = da.events_by_year(view.db_path, view.stamp, f)
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


cols = st.columns(5)
cols[0].metric(
    view.t("metric.clusters"), fmt_int(figures["clusters"], lang), help=_split("clusters")
)
cols[1].metric(view.t("metric.units"), fmt_int(figures["units"], lang), help=_split("units"))
cols[2].metric(view.t("metric.events"), fmt_int(figures["events"], lang), help=_split("events"))
cols[3].metric(view.t("metric.awards"), fmt_int(figures["awards"], lang), help=_split("awards"))
total = figures["rows_total"]
cols[4].metric(
    view.t("metric.real_share"),
    fmt_percent(figures["rows_real"] / total, 1, lang) if total else "—",
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
else:
    st.altair_chart(charts.share_trend(presenters.trend_frame(trend, lang), lang), width="stretch")
    st.caption(view.t("chart.share.caption"))

left, right = st.columns(2)
with left:
    st.subheader(view.t("chart.events.title"))
    if events.is_empty():
        st.caption(view.t("state.empty"))
    else:
        st.altair_chart(
            charts.events_per_year(presenters.events_frame(events, lang), lang), width="stretch"
        )
with right:
    st.subheader(view.t("chart.awards.title"))
    if awards.is_empty():
        st.caption(view.t("state.empty"))
    else:
        st.altair_chart(
            charts.awards_by_type(presenters.awards_frame(awards, lang), lang), width="stretch"
        )

st.subheader(view.t("real.title"))
st.caption(view.t("real.caption"))
st.dataframe(
    presenters.real_facts_table(facts, lang),
    hide_index=True,
    placeholder="—",  # a fact the source does not state stays visibly unknown
    column_config={
        "fact": st.column_config.TextColumn(view.t("col.fact")),
        "year": st.column_config.NumberColumn(view.t("col.year"), format="%d"),
        "cluster": st.column_config.TextColumn(view.t("col.cluster")),
        "detail": st.column_config.TextColumn(view.t("col.detail"), width="large"),
        "date": st.column_config.TextColumn(view.t("col.date"), width=100),
        "source": st.column_config.TextColumn(view.t("col.source")),
        "link": st.column_config.LinkColumn(view.t("col.link")),
    },
    key="real_facts",
)
