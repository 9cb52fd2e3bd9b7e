"""Khen thưởng (awards): the proposal funnel, compliance with the legal regime, and every award.

Answers "how many proposals were approved and decided, by year, award type and cluster; which
awards break the rule of the regime in force for their results year; and what exactly was
awarded to whom, on which decision, from which source".
"""

from __future__ import annotations

import streamlit as st

import charts_awards as charts
import data_access as da
import pickers
import presenters_awards as present
import url_state
from app_context import (
    TileOrigin,
    current_view,
    mart_section,
    metric_tile,
    require_warehouse,
    scope_caption,
    synthetic_note,
    warehouse_errors,
)
from charts import show_chart
from tables import PROVENANCE, Col, show_table
from thidua.i18n.messages import fmt_int, fmt_percent, term
from thidua.query.dashboard.common import DETAIL_ROW_CAP

view = current_view()
lang = view.lang
f = view.filters
db, stamp = view.db_path, view.stamp
st.title(view.t("awards.title"))
require_warehouse(view)
scope_caption(view)
synthetic_note(view)

with warehouse_errors(view):
    funnel = da.award_funnel(db, stamp, f)
totals = present.totals(funnel)
proposed = totals["proposed"]
# A stage whose count always equals a neighbour's tells nothing (no award stopped there).
stages = present.informative_stages(totals)


def _origin(*stages: str) -> TileOrigin:
    """Whether a tile's figure counts generated awards (any of its stages exceeds its real part)."""
    if not proposed:
        return "none"
    generated = any(totals[s] > totals[f"{s}_real"] for s in stages)
    return "generated" if generated else "real"


with_approval = "approved" in stages
cols = iter(st.columns(len(stages) + (2 if with_approval else 1)))
for stage in stages:
    metric_tile(
        next(cols), view, view.t(f"stage.{stage}"), fmt_int(totals[stage], lang), _origin(stage)
    )
if with_approval:
    metric_tile(
        next(cols),
        view,
        view.t("metric.approval_rate"),
        fmt_percent(totals["approved"] / proposed, 1, lang) if proposed else "—",
        _origin("approved", "proposed"),
        help=view.t("metric.approval_rate.help"),
    )
metric_tile(
    next(cols),
    view,
    view.t("metric.decision_rate"),
    fmt_percent(totals["decided"] / proposed, 1, lang) if proposed else "—",
    _origin("decided", "proposed"),
)
for stage in present.silent_stages(stages):
    st.caption(view.t("awards.stage_dropped", stage=view.t(f"stage.{stage}")))

tab, (t_funnel, t_compliance, t_list) = url_state.bound_tabs(
    "tab",
    [
        ("funnel", "awards.tab.funnel"),
        ("compliance", "awards.tab.compliance"),
        ("list", "awards.tab.list"),
    ],
    key="awards_tab",
    lang=lang,
)

if tab == "funnel":
    with t_funnel:
        st.subheader(view.t("awards.funnel.title"))

        def draw_by(key: str) -> object:
            return st.segmented_control(
                view.t("awards.by"),
                list(present.DIMENSIONS),
                format_func=lambda d: view.t(f"awards.by.{d}"),
                key=key,
                required=True,
            )

        by = url_state.choice("by", list(present.DIMENSIONS), "year", draw_by) or "year"
        rows = present.funnel(funnel, by, lang)
        if rows.is_empty():
            st.caption(view.t("state.empty"))
        else:
            show_chart(charts.funnel(present.funnel_long(rows, stages, lang), stages, by, lang))
            st.caption(view.t("awards.funnel.caption"))
            regime = [Col("regime_label", "col.regime", width="large")] if by == "year" else []
            approval = (
                [Col("approval_rate", "metric.approval_rate", "percent")] if with_approval else []
            )
            show_table(
                rows,
                [
                    Col("group_label", f"awards.by.{by}", width="medium"),
                    *(Col(stage, f"stage.{stage}", "int") for stage in stages),
                    *approval,
                    Col("decision_rate", "metric.decision_rate", "percent"),
                    Col("real_rows", "col.real_rows", "int"),
                    *regime,
                ],
                key="funnel",
                lang=lang,
                file_stem=f"khen-thuong-{by}",
            )

if tab == "compliance":
    with t_compliance:
        st.subheader(view.t("awards.compliance.title"))
        st.caption(view.t("awards.compliance.caption"))
        with warehouse_errors(view), mart_section(view, "marts.mart_award_compliance"):
            scope = da.compliance_scope(db, stamp, f)
            # The tab's own narrowing, inside the sidebar's selection: one year, one cluster.
            left, right = st.columns(2)
            with left:
                year_code = pickers.all_or_one(
                    view,
                    "compliance_year",
                    present.finding_years(scope),
                    label="awards.compliance.year",
                )
            with right:
                cluster_code = pickers.all_or_one(
                    view,
                    "compliance_cluster",
                    present.finding_clusters(scope),
                    label="awards.compliance.cluster",
                )
            year = int(year_code) if year_code else None
            findings = present.compliance(da.compliance(db, stamp, f, year, cluster_code), lang)
            if findings.is_empty():
                st.success(view.t("awards.compliance.none"), icon=":material/task_alt:")
            else:
                show_chart(
                    charts.compliance_counts(present.compliance_counts(findings, lang), lang)
                )
                # The reason first: it is what an analyst reads; the rest says where it applies.
                show_table(
                    findings,
                    [
                        Col("detail_label", "col.reason", "long"),
                        Col("severity_label", "col.severity", width=120),
                        Col("results_year", "col.year", "year", width="small"),
                        Col("cluster_label", "col.cluster", width="medium"),
                        Col("unit_name", "col.unit", width="medium"),
                        Col("rule_label", "col.rule", width="medium"),
                        Col("regime_label", "col.regime", width="medium"),
                        *PROVENANCE,
                    ],
                    key="compliance",
                    lang=lang,
                    file_stem="tuan-thu",
                    cap=DETAIL_ROW_CAP,
                )
        with st.expander(view.t("awards.regimes.title")), warehouse_errors(view):
            regimes = present.regimes(da.legal_regimes(db, stamp), lang)
            show_table(
                regimes,
                [
                    Col("years_label", "col.years", width="small"),
                    Col("basis_label", "col.regime", width="large"),
                    Col("prior_flag_label", "col.rule.prior_flag", width="small"),
                    Col("gov_flag_max_share_of_eligible", "col.rule.max_share", "percent"),
                    Col("leading_unit_label", "col.rule.leading_unit", width="small"),
                    Col("provincial_flags_per_leading_unit", "col.rule.flags_per_leader", "int"),
                    Col("note_label", "col.note", "long"),
                ],
                key="regimes",
                lang=lang,
                file_stem="che-do-phap-ly",
            )
            st.caption(view.t("awards.rules.caption"))
            show_table(
                present.rules(da.compliance_rules(db, stamp), lang),
                [
                    Col("rule_label", "col.rule", width="medium"),
                    Col("kind_label", "col.rule_kind", width="small"),
                    Col("severity_label", "col.severity", width=120),
                    Col("applicability_label", "col.applicability", "long"),
                    Col("note_label", "col.note", "long"),
                ],
                key="rules",
                lang=lang,
                file_stem="quy-dinh-kiem-tra",
            )

if tab == "list":
    with t_list, warehouse_errors(view):
        st.subheader(view.t("awards.list.title"))
        types = da.award_types(db, stamp)
        type_names = dict(
            zip(
                types["award_type_code"],
                types["award_name_en" if lang == "en" else "award_name_vi"],
                strict=True,
            )
        )
        left, right = st.columns(2)
        status = left.selectbox(
            view.t("col.status"),
            [None, *present.STAGES],
            format_func=lambda s: view.t("filter.all") if s is None else term("status", s, lang),
            key="awards_status",
        )
        award_type = right.selectbox(
            view.t("col.award"),
            [None, *type_names],
            format_func=lambda c: view.t("filter.all") if c is None else type_names.get(c, c),
            key="awards_type",
        )
        listed = present.award_list(da.award_list(db, stamp, f, status, award_type), lang)
        show_table(
            listed,
            [
                Col("results_year", "col.year", "year", width="small"),
                Col("cluster_name", "col.cluster", width="medium"),
                Col("unit_label", "col.unit", width="medium"),
                Col("award_label", "col.award", width="medium"),
                Col("status_label", "col.status", width="small"),
                Col("decision_no", "col.decision_no", width="small"),
                Col("decision_date", "col.decision_date", "date", width="small"),
                *PROVENANCE,
            ],
            key="award_list",
            lang=lang,
            file_stem="danh-sach-khen-thuong",
            cap=DETAIL_ROW_CAP,
        )
