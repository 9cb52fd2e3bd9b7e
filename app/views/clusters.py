"""Cụm / Khối (one cluster): roster, leadership rotation, ranks, scores, criteria, events, awards.

Answers "who was in the cluster each year, who led it, how did the ranking move, how are the
scores spread, where do units score themselves higher than their peers, which events were held
when, and what was awarded", each fact with its source.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

import charts_cluster as charts
import data_access as da
import pickers
import presenters_cluster as present
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
from presenters import highlighted, with_links
from tables import PROVENANCE, ROW_ORIGIN, Col, show_table, value_source
from thidua.i18n.messages import fmt_int, fmt_percent

view = current_view()
lang = view.lang
f = view.filters
db, stamp = view.db_path, view.stamp
st.title(view.t("clusters.title"))
require_warehouse(view)
scope_caption(view)

options = pickers.cluster_options(view)
if options.is_empty():
    st.warning(view.t("state.empty"), icon=":material/filter_alt_off:")
    st.stop()

cluster_id = pickers.cluster_picker(view, options)
with warehouse_errors(view):
    profile = da.cluster_profile(db, stamp, cluster_id).row(0, named=True)
    years = da.cluster_years(db, stamp, f, cluster_id)

# --- header: what this cluster is, and its source ------------------------------------------------
st.caption(present.profile_line(profile, lang))
if profile["is_synthetic"]:
    st.info(view.t("clusters.synthetic_cluster"), icon=":material/science:")
synthetic_note(view)

leaders = present.yearly_leaders(years, lang)
streak_unit, streak, streak_generated = present.longest_streak(leaders)
latest = leaders.tail(1).row(0, named=True) if leaders.height else None
# Each tile says whether its figure rests on generated values (a value's own flag, not the row's).
cols = st.columns(4)
metric_tile(
    cols[0],
    view,
    view.t("metric.members_last"),
    fmt_int(latest["member_count"], lang) if latest else "—",
    tile_origin([(latest["member_count"], latest["is_member_count_synthetic"])] if latest else []),
    help=view.t("metric.members_last.help", year=latest["results_year"] if latest else "—"),
)
metric_tile(
    cols[1],
    view,
    view.t("metric.years"),
    fmt_int(years.height, lang),
    tile_origin(zip(years["results_year"], years["is_synthetic"], strict=True)),
)
metric_tile(
    cols[2],
    view,
    view.t("metric.share_last"),
    fmt_percent(latest["mean_share_of_max"], 1, lang) if latest else "—",
    tile_origin([(latest["mean_share_of_max"], latest["is_score_synthetic"])] if latest else []),
)
metric_tile(
    cols[3],
    view,
    view.t("metric.streak"),
    view.tn("metric.streak.value", streak, years=fmt_int(streak, lang)) if streak_unit else "—",
    tile_origin([(streak_unit, streak_generated)]),
    help=streak_unit,
)
if latest:
    st.markdown(
        view.t(
            "clusters.latest",
            year=latest["results_year"],
            leader=latest["leader_label"] or "—",
            deputies=latest["deputy_label"] or "—",
            top=latest["top_unit_label"] or "—",
        )
    )
if years.is_empty():
    st.warning(view.t("state.empty"), icon=":material/filter_alt_off:")
    st.stop()
report_download.cluster_report(view, cluster_id, years["results_year"].to_list())

tab, (t_members, t_lead, t_rank, t_criteria, t_events, t_awards) = url_state.bound_tabs(
    "tab",
    [
        ("members", "clusters.tab.members"),
        ("leaders", "clusters.tab.leaders"),
        ("rank", "clusters.tab.rank"),
        ("criteria", "clusters.tab.criteria"),
        ("events", "clusters.tab.events"),
        ("awards", "clusters.tab.awards"),
    ],
    key="cluster_tab",
    lang=lang,
)

stem = cluster_id.split(":")[-1]


def unit_href(unit_id: str) -> str:
    return url_state.page_href("don-vi", unit=unit_id)


# --- members -------------------------------------------------------------------------------------
if tab == "members":
    with t_members, warehouse_errors(view):
        roster = present.roster(da.cluster_roster(db, stamp, f, cluster_id), lang)
        roster = with_links(roster, "unit_id", "unit_page", unit_href)
        st.subheader(view.t("clusters.roster.title"))
        if roster.is_empty():
            st.caption(view.t("state.empty"))
        else:
            st.caption(view.t("clusters.roster.caption"))
            show_chart(charts.roster_matrix(roster, lang))
        show_table(
            roster,
            [
                Col("results_year", "col.year", "year", width="small"),
                Col("unit_name", "col.unit", width="large"),
                Col("role_label", "col.role"),
                Col("unit_name_raw", "col.name_as_written", width="medium"),
                Col("unit_page", "col.unit_page", "page"),
                *PROVENANCE,
            ],
            key="roster",
            lang=lang,
            file_stem=f"thanh-vien-{stem}",
        )

# --- leadership ----------------------------------------------------------------------------------
if tab == "leaders":
    with t_lead:
        st.subheader(view.t("clusters.leaders.title"))
        with warehouse_errors(view), mart_section(view, "marts.fct_leadership"):
            lead = present.leadership(da.cluster_leadership(db, stamp, f, cluster_id), lang)
            if lead.is_empty():
                st.caption(view.t("clusters.leaders.none"))
            else:
                rotated, known = present.rotation_summary(lead)
                st.caption(
                    view.tn(
                        "clusters.leaders.rotation",
                        known,
                        rotated=fmt_int(rotated, lang),
                        known=fmt_int(known, lang),
                    )
                )
                show_chart(charts.leadership_timeline(lead, lang))
                show_table(
                    lead,
                    [
                        Col("results_year", "col.year", "year", width="small"),
                        Col("role_label", "col.role"),
                        Col("unit_name", "col.unit", width="large"),
                        Col("path_label", "col.deputy_to_leader", width="medium"),
                        *PROVENANCE,
                    ],
                    key="leadership",
                    lang=lang,
                    file_stem=f"lanh-dao-{stem}",
                )
        st.subheader(view.t("clusters.top.title"))
        st.caption(view.t("clusters.top.caption"))
        tally = present.flag_tally(leaders)
        st.caption(
            view.t(
                "clusters.flag.tally",
                yes=fmt_int(tally["yes"], lang),
                no=fmt_int(tally["no"], lang),
                unknown=fmt_int(tally["unknown"], lang),
            )
        )
        show_table(
            leaders,
            [
                Col("results_year", "col.year", "year", width="small"),
                Col("school_year", "col.school_year", width="small", help="col.school_year.help"),
                Col("leader_name", "col.leader", width="medium"),
                *value_source("leader"),
                Col("deputy_names", "col.deputies", width="medium"),
                *value_source("deputy"),
                Col("top_unit_name", "col.top_unit", width="medium"),
                # the flag beside the unit ranked first: the question is whether they match
                Col("flag_mark", "col.flag_to_top", width="small", help="col.flag_to_top.help"),
                Col("flag_unit_names", "col.flag_units", width="medium"),
                Col("flag_reason_label", "col.flag_reason", width="medium"),
                Col("top_basis_label", "col.rank_basis"),
                Col("top_streak", "col.streak", "int", width="small"),
                *value_source("top_unit"),
                Col("member_count", "col.members", "int", width="small"),
                ROW_ORIGIN,
            ],
            key="yearly_leaders",
            lang=lang,
            file_stem=f"dan-dau-{stem}",
        )

# --- ranks and scores ----------------------------------------------------------------------------
if tab == "rank":
    with t_rank, warehouse_errors(view):
        results = present.results(da.cluster_results(db, stamp, f, cluster_id), lang)
        results = with_links(results, "unit_id", "unit_page", unit_href)
        # Each chart plots one value and drops the rows where it is blank (hidden or unknown).
        ranked = results.filter(pl.col("rank").is_not_null())
        scored = results.filter(pl.col("share_of_max").is_not_null())
        st.subheader(view.t("clusters.bump.title"))
        if ranked.is_empty():
            st.caption(view.t("clusters.bump.none"))
        else:
            highlight = pickers.highlight_picker(
                view,
                present.units_by_latest_rank(ranked),
                label="clusters.bump.highlight",
                url_key="highlight_unit",
            )
            ranked = highlighted(ranked, "unit_id", highlight)
            show_chart(charts.bump_chart(ranked, lang))
            st.caption(view.t("clusters.bump.caption"))
        st.subheader(view.t("clusters.spread.title"))
        if scored.is_empty():
            st.caption(view.t("chart.no_scores"))
        else:
            show_chart(charts.score_spread(scored, lang))
            st.caption(view.t("clusters.spread.caption"))
            st.caption(view.t("share.explained"))
        st.subheader(view.t("clusters.checks.title"))
        findings = present.checks(results, years, lang)
        if findings.is_empty():
            st.success(view.t("clusters.checks.none"), icon=":material/task_alt:")
        else:
            show_table(
                findings,
                [
                    Col("results_year", "col.year", "year", width="small"),
                    Col("unit_name", "col.unit", width="medium"),
                    Col("check", "col.check", width="medium"),
                    Col("detail", "col.detail", "long"),
                ],
                key="checks",
                lang=lang,
                file_stem=f"kiem-tra-{stem}",
            )
        st.subheader(view.t("clusters.results.title"))
        show_table(
            results,
            [
                Col("results_year", "col.year", "year", width="small"),
                Col("unit_name", "col.unit", width="medium"),
                Col("role_label", "col.role"),
                *value_source("role", file_row=True),
                Col("rank", "col.rank", "int", width="small"),
                Col("rank_basis_label", "col.rank_basis", width="small"),
                Col("declared_rank", "col.declared_rank", "int", width="small"),
                Col("classification", "col.classification", width="medium"),
                *value_source("rank", file_row=True),
                Col("rank_by_score", "col.rank_by_score", "int", width="small"),
                Col("share_of_max", "col.share", "percent", width="small"),
                Col("final_score", "col.final_score", "number", decimals=1),
                Col("max_score", "col.max_score", "number", decimals=0),
                Col("self_score", "col.self_score", "number", decimals=1),
                Col("peer_score", "col.peer_score", "number", decimals=1),
                *value_source("score", file_row=True, help="col.score_source.help"),
                Col("unit_page", "col.unit_page", "page"),
                ROW_ORIGIN,
            ],
            key="results",
            lang=lang,
            file_stem=f"ket-qua-{stem}",
        )

# --- criteria ------------------------------------------------------------------------------------
if tab == "criteria":
    with t_criteria:
        st.subheader(view.t("clusters.criteria.title"))
        scored_years = years.filter(pl.col("units_scored") > 0)["results_year"].to_list()
        year = pickers.year_picker(view, scored_years, label="clusters.criteria.year")
        if year is None:
            st.caption(view.t("chart.no_scores"))
        else:
            with warehouse_errors(view), mart_section(view, "marts.fct_criterion_scores"):
                raw = da.cluster_criteria(db, stamp, f, cluster_id, year)
                if raw.is_empty():
                    st.caption(view.t("chart.no_scores"))
                else:
                    by_basis, by_unit = present.criteria(raw, lang)
                    st.caption(view.t("clusters.criteria.caption"))
                    show_chart(charts.criteria_by_basis(by_basis, lang))
                    st.subheader(view.t("clusters.criteria.units.title"))
                    show_chart(charts.criteria_heatmap(by_unit, lang))
                    show_table(
                        by_basis,
                        [
                            Col("criterion_label", "col.criterion", width="large"),
                            Col("scorer_label", "col.scorer_kind"),
                            Col("share_of_max", "col.share", "percent"),
                            Col("units", "col.units", "int", width="small"),
                            Col("origin", "col.origin", width="small"),
                            Col("source", "col.source", width="medium"),
                        ],
                        key="criteria",
                        lang=lang,
                        file_stem=f"tieu-chi-{stem}-{year}",
                    )

# --- events --------------------------------------------------------------------------------------
if tab == "events":
    with t_events, warehouse_errors(view):
        events = present.events(da.cluster_events(db, stamp, f, cluster_id), lang)
        st.subheader(view.t("clusters.events.title"))
        if events.is_empty():
            st.caption(view.t("state.empty"))
        else:
            # Counted over the events shown (one record each), so hidden ones never count.
            held = present.events_held(events)
            st.caption(
                view.t(
                    "clusters.events.caption",
                    years=fmt_int(years.height, lang),
                    covenant=fmt_int(held["covenant_signing"], lang),
                    mid=fmt_int(held["mid_year_review"], lang),
                    end=fmt_int(held["year_end_review"], lang),
                )
            )
            show_chart(charts.events_calendar(events, lang))
        show_table(
            events,
            [
                Col("event_date", "col.date", "date", width="small"),
                Col("results_year", "col.year", "year", width="small"),
                Col("event_label", "col.event_type", width="medium"),
                Col("part_label", "col.part_of_day", width="small"),
                Col("host_name", "col.host", width="medium"),
                *PROVENANCE,
            ],
            key="events",
            lang=lang,
            file_stem=f"su-kien-{stem}",
        )

# --- awards --------------------------------------------------------------------------------------
if tab == "awards":
    with t_awards, warehouse_errors(view):
        awards = present.awards(da.cluster_awards(db, stamp, f, cluster_id), lang)
        st.subheader(view.t("clusters.awards.title"))
        decided = awards.filter(pl.col("status") == "decided").height
        st.caption(
            view.tn(
                "clusters.awards.caption",
                awards.height,
                total=fmt_int(awards.height, lang),
                decided=fmt_int(decided, lang),
                share=fmt_percent(decided / awards.height, 0, lang) if awards.height else "—",
            )
        )
        show_table(
            awards,
            [
                Col("results_year", "col.year", "year", width="small"),
                Col("unit_label", "col.unit", width="medium"),
                Col("award_label", "col.award", width="medium"),
                Col("status_label", "col.status", width="small"),
                Col("issuer", "col.issuer", width="medium"),
                Col("decision_no", "col.decision_no", width="small"),
                Col("decision_date", "col.decision_date", "date", width="small"),
                *PROVENANCE,
            ],
            key="awards",
            lang=lang,
            file_stem=f"khen-thuong-{stem}",
        )
