"""Đơn vị (one unit): its record in every cluster it belonged to, followed through the 2025 merges.

Answers "how has this unit done over the years, in which clusters and roles, what was it awarded,
and where did it go (or come from) when departments merged", lining the years up by the unit's
current successor so the trend does not stop at a reorganisation.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

import charts_unit as charts
import data_access as da
import pickers
import presenters_cluster
import presenters_unit as present
import report_download
import url_state
from app_context import (
    current_view,
    mart_section,
    metric_tile,
    require_warehouse,
    scope_caption,
    synthetic_note,
    tile_origin,
    warehouse_errors,
)
from charts import show_chart
from presenters import with_links
from tables import PROVENANCE, ROW_ORIGIN, Col, show_table, value_source
from thidua.i18n.messages import fmt_int, fmt_percent, term
from thidua.query.dashboard.units import UNIT_OPTION_CAP

view = current_view()
lang = view.lang
f = view.filters
db, stamp = view.db_path, view.stamp
st.title(view.t("units.title"))
require_warehouse(view)
scope_caption(view)

search = pickers.unit_search(view)
with warehouse_errors(view):
    found = pickers.units_found(view, search)
    options = da.unit_options(db, stamp, f, found, url_state.wanted("unit", "url_unit"))
if options.height > UNIT_OPTION_CAP:
    st.caption(view.t("picker.unit.too_many", cap=fmt_int(UNIT_OPTION_CAP, lang)))
    options = options.head(UNIT_OPTION_CAP)
unit_id = pickers.unit_picker(view, options)
if unit_id is None:
    st.warning(view.t("units.none"), icon=":material/search_off:")
    st.stop()

with warehouse_errors(view):
    family = da.unit_family(db, stamp, unit_id)
    lineage = present.lineage(da.unit_lineage(db, stamp, unit_id), lang)
me = family.filter(pl.col("is_selected")).row(0, named=True)

# --- who the unit is, and where it went ----------------------------------------------------------
organizer = me["organizer_name_en"] if lang == "en" else me["organizer_name"]
st.caption(
    view.t(
        "units.profile",
        short=me["short_name"] or "—",
        kind=term("unit_type", me["unit_type"], lang) if me["unit_type"] else "—",
        organizer=organizer or "—",
    )
)
sentence = present.family_sentence(family, lang)
if sentence:
    st.info(sentence, icon=":material/merge:")
synthetic_note(view)
report_download.unit_report(view, unit_id)

history_frame: pl.DataFrame | None = None
with warehouse_errors(view), mart_section(view, "marts.unit_history"):
    history_frame = with_links(
        present.history(da.unit_history(db, stamp, f, unit_id), family, lang),
        "cluster_id",
        "cluster_page",
        lambda cid: url_state.page_href("cum-khoi", cluster=cid),
    )

if history_frame is not None:
    history = history_frame
    scored = history.filter(pl.col("share_of_max").is_not_null())
    ranked = history.filter(pl.col("rank").is_not_null())
    # The tiles describe the followed unit (and its successor after the merge) only.
    chain = history.filter(pl.col("is_chain"))
    # Means and counts run over the values shown (a hidden value is NULL and does not count); each
    # tile says whether any value behind it is generated.
    mean_share = chain.select(pl.col("share_of_max").mean()).item()
    firsts = chain.filter(pl.col("rank") == 1)
    rows_origin = tile_origin(zip(chain["results_year"], chain["is_synthetic"], strict=True))
    cols = st.columns(4)
    metric_tile(
        cols[0],
        view,
        view.t("metric.years"),
        fmt_int(chain["results_year"].n_unique(), lang),
        rows_origin,
    )
    metric_tile(
        cols[1],
        view,
        view.t("metric.clusters"),
        fmt_int(chain["cluster_id"].n_unique(), lang),
        rows_origin,
    )
    metric_tile(
        cols[2],
        view,
        view.t("metric.mean_share"),
        fmt_percent(mean_share, 1, lang) if mean_share is not None else "—",
        tile_origin(zip(chain["share_of_max"], chain["is_score_synthetic"], strict=True)),
    )
    metric_tile(
        cols[3],
        view,
        view.t("metric.firsts"),
        fmt_int(firsts.height, lang),
        # the count rests on every rank shown, not only on the firsts
        tile_origin(zip(chain["rank"], chain["is_effective_rank_synthetic"], strict=True)),
    )

    merges = present.merge_years(lineage)
    st.subheader(view.t("units.share.title"))
    if scored.is_empty():
        st.caption(view.t("chart.no_scores"))
    else:
        show_chart(charts.share_over_time(scored, merges, lang))
        st.caption(view.t("share.explained"))
    st.subheader(view.t("units.rank.title"))
    if ranked.is_empty():
        st.caption(view.t("clusters.bump.none"))
    else:
        show_chart(charts.rank_over_time(ranked, merges, lang))
    if merges:
        st.caption(view.t("units.merge.caption"))

    st.subheader(view.t("units.history.title"))
    show_table(
        history,
        [
            Col("results_year", "col.year", "year", width="small"),
            Col("unit_name", "unit.name_then", width="medium"),
            Col("cluster_label", "col.cluster", width="medium"),
            Col("role_label", "col.role"),
            *value_source("role"),
            Col("rank_label", "col.rank", width="small"),
            Col("declared_rank", "col.declared_rank", "int", width="small"),
            *value_source("rank"),
            Col("rank_by_score", "col.rank_by_score", "int", width="small"),
            Col("share_of_max", "col.share", "percent", width="small"),
            *value_source("score", help="col.score_source.help"),
            Col("awards_decided", "col.awards_decided", "int", width="small"),
            Col("award_names", "col.award", width="medium"),
            *value_source("awards"),
            Col("cluster_page", "col.cluster_page", "page"),
            ROW_ORIGIN,
        ],
        key="unit_history",
        lang=lang,
        file_stem=f"don-vi-{unit_id}",
    )

st.subheader(view.t("units.awards.title"))
with warehouse_errors(view):
    awards = presenters_cluster.awards(da.unit_awards(db, stamp, f, unit_id), lang)
show_table(
    awards,
    [
        Col("results_year", "col.year", "year", width="small"),
        Col("unit_name", "unit.name_then", width="medium"),
        Col("cluster_name", "col.cluster", width="medium"),
        Col("award_label", "col.award", width="medium"),
        Col("status_label", "col.status", width="small"),
        Col("decision_no", "col.decision_no", width="small"),
        Col("decision_date", "col.decision_date", "date", width="small"),
        *PROVENANCE,
    ],
    key="unit_awards",
    lang=lang,
    file_stem=f"khen-thuong-{unit_id}",
    empty="units.awards.none",
)

if lineage.height:
    st.subheader(view.t("units.lineage.title"))
    show_table(
        lineage,
        [
            Col("effective_date", "col.effective_date", "date", width="small"),
            Col("from_label", "col.from_unit", width="medium"),
            Col("relation_label", "col.relation", width="small"),
            Col("to_label", "col.to_unit", width="medium"),
            Col("note_label", "col.note", "long"),
        ],
        key="unit_lineage",
        lang=lang,
        file_stem=f"sap-xep-{unit_id}",
    )
