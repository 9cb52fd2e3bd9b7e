"""So sánh (compare): two to six clusters side by side on the measures that are fair across them.

Answers "which clusters score higher relative to their own maximum, whose rankings are stable and
whose reshuffle every year, and where awards are given more often per member".
"""

from __future__ import annotations

import streamlit as st

import charts_compare as charts
import data_access as da
import pickers
import presenters_compare as present
from app_context import (
    current_view,
    require_warehouse,
    scope_caption,
    synthetic_note,
    warehouse_errors,
)
from charts import show_chart
from tables import ROW_ORIGIN, Col, show_table, value_source
from thidua.i18n.messages import fmt_int
from thidua.query.dashboard.compare import COMPARE_MAX

view = current_view()
lang = view.lang
f = view.filters
db, stamp = view.db_path, view.stamp
st.title(view.t("compare.title"))
require_warehouse(view)
scope_caption(view)

options = pickers.cluster_options(view, many=True)
if options.height < 2:
    st.warning(view.t("compare.too_few"), icon=":material/filter_alt_off:")
    st.stop()
picked = pickers.clusters_picker(view, options)
synthetic_note(view)
if len(picked) < 2:
    st.info(view.t("compare.pick_two", max=fmt_int(COMPARE_MAX, lang)), icon=":material/touch_app:")
    st.stop()

with warehouse_errors(view):
    years = da.compare_years(db, stamp, f, picked)
    changes = da.compare_rank_changes(db, stamp, f, picked)
names = dict(zip(options["cluster_id"], options["cluster_name"], strict=True))
order = [names[c] for c in picked if c in names]
yearly = present.yearly(years, changes, lang)

st.subheader(view.t("compare.summary.title"))
st.caption(view.t("compare.summary.caption"))
show_table(
    present.summary(yearly, {c: names[c] for c in picked if c in names}, lang),
    [
        Col("cluster_name", "col.cluster", width="medium"),
        Col("years", "col.years_n", "int", width="small"),
        Col("members", "col.members_mean", "number", decimals=1),
        Col("mean_share", "compare.mean_share", "percent"),
        Col("share_spread", "compare.share_spread", "percent"),
        Col(
            "rank_change",
            "compare.rank_change",
            "number",
            decimals=2,
            help="compare.rank_change.help",
        ),
        Col("award_rate", "compare.award_rate", "percent", help="compare.award_rate.help"),
        Col("values_origin", "col.values_origin", width="medium"),
    ],
    key="compare_summary",
    lang=lang,
    file_stem="so-sanh",
)

st.subheader(view.t("compare.share.title"))
show_chart(charts.share(yearly, order, lang))
st.caption(view.t("share.explained"))
st.subheader(view.t("compare.stability.title"))
if yearly["mean_abs_rank_change"].drop_nulls().is_empty():
    st.caption(view.t("clusters.bump.none"))
else:
    show_chart(charts.rank_change(yearly, order, lang))
st.caption(view.t("compare.rank_change.help"))
st.subheader(view.t("compare.awards.title"))
show_chart(charts.award_rate(yearly, order, lang))
st.caption(view.t("compare.award_rate.help"))

st.subheader(view.t("compare.years.title"))
show_table(
    yearly,
    [
        Col("cluster_name", "col.cluster", width="medium"),
        Col("results_year", "col.year", "year", width="small"),
        Col("member_count", "col.members", "int", width="small"),
        Col("mean_share_of_max", "col.share", "percent"),
        *value_source("score"),
        Col("mean_abs_rank_change", "compare.rank_change", "number", decimals=2),
        Col("awards_decided", "col.awards_decided", "int"),
        Col("award_rate", "compare.award_rate", "percent"),
        *value_source("awards"),
        Col("top_unit_name", "col.top_unit", width="medium"),
        *value_source("top_unit"),
        ROW_ORIGIN,
    ],
    key="compare_years",
    lang=lang,
    file_stem="so-sanh-theo-nam",
)
