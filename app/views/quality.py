"""Chất lượng dữ liệu (data quality): what was loaded, checked, rejected and published, and when.

Answers "can I trust what the other pages show": the published build and its dbt tests, every file
loaded (rows read = loaded + quarantined), the latest Great Expectations results per record type,
the quarantined rows with their reasons, and the names still waiting for an alias.
"""

from __future__ import annotations

import streamlit as st

import data_access as da
import presenters_quality as present
import url_state
from app_context import current_view, require_warehouse, warehouse_errors
from tables import Col, show_table
from thidua.i18n.messages import fmt_datetime, fmt_int, fmt_number
from thidua.query.dashboard.common import DETAIL_ROW_CAP

view = current_view()
lang = view.lang
db, stamp = view.db_path, view.stamp
st.title(view.t("quality.title"))
require_warehouse(view)
st.caption(view.t("quality.caption"))

with warehouse_errors(view):
    publishes = da.publish_history(db, stamp)
latest = publishes.row(0, named=True) if publishes.height else None
cols = st.columns([2, 1, 1, 1])
cols[0].metric(
    view.t("quality.published_at"),
    fmt_datetime(latest["published_at"], lang) if latest else "—",
    help=view.t("quality.version", version=latest["thidua_version"] if latest else "—"),
)
cols[1].metric(
    view.t("quality.tests_passed"), fmt_int(latest["tests_passed"], lang) if latest else "—"
)
cols[2].metric(
    view.t("quality.tests_failed"), fmt_int(latest["tests_failed"], lang) if latest else "—"
)
cols[3].metric(
    view.t("quality.dbt_seconds"),
    fmt_number(latest["dbt_seconds"], 1, lang) if latest else "—",
)

tab, (t_build, t_loads, t_gx, t_quarantine) = url_state.bound_tabs(
    "tab",
    [
        ("build", "quality.tab.build"),
        ("loads", "quality.tab.loads"),
        ("checks", "quality.tab.checks"),
        ("quarantine", "quality.tab.quarantine"),
    ],
    key="quality_tab",
    lang=lang,
)

if tab == "build":
    with t_build, warehouse_errors(view):
        results = present.dbt_results(da.dbt_results(db, stamp), lang)
        counts = present.dbt_counts(results)
        st.subheader(view.t("quality.dbt.title"))
        if counts["problems"]:
            st.error(
                view.tn("quality.dbt.problems", counts["problems"]),
                icon=":material/error:",
            )
        else:
            st.success(
                view.t(
                    "quality.dbt.ok",
                    tests=fmt_int(counts["tests_passed"], lang),
                    models=fmt_int(counts["models"], lang),
                ),
                icon=":material/task_alt:",
            )
        show_table(
            results,
            [
                Col("type_label", "col.resource_type", width="medium"),
                Col("name", "col.dbt_name", width="large", help="col.dbt_name.help"),
                Col("status_label", "col.status", width="medium"),
                Col("execution_seconds", "col.seconds", "number", decimals=2, width="small"),
                Col("message_label", "col.message", "long"),
            ],
            key="dbt_results",
            lang=lang,
            file_stem="dbt",
        )
        st.subheader(view.t("quality.publishes.title"))
        show_table(
            publishes,
            [
                Col("published_at", "quality.published_at", "datetime", width="medium"),
                Col("thidua_version", "col.version", width="small"),
                Col("dbt_seconds", "quality.dbt_seconds", "number", decimals=1),
                Col("tests_passed", "quality.tests_passed", "int"),
                Col("tests_failed", "quality.tests_failed", "int"),
            ],
            key="publishes",
            lang=lang,
            file_stem="cong-bo",
        )

if tab == "loads":
    with t_loads, warehouse_errors(view):
        ledger = present.ledger(da.load_ledger(db, stamp), lang)
        st.subheader(view.t("quality.ledger.title"))
        unbalanced = ledger.filter(~ledger["balances"]).height if ledger.height else 0
        st.caption(
            view.t(
                "quality.ledger.caption",
                files=view.tn("count.loads", ledger.height),
                read=view.tn("count.rows", int(ledger["rows_read"].sum() or 0)),
                loaded=fmt_int(int(ledger["rows_loaded"].sum() or 0), lang),
                quarantined=fmt_int(int(ledger["rows_quarantined"].sum() or 0), lang),
            )
        )
        if unbalanced:
            st.error(view.tn("quality.ledger.unbalanced", unbalanced))
        show_table(
            ledger,
            [
                Col("load_id", "col.load_id", "year", width="small"),
                Col("loaded_at", "col.loaded_at", "datetime", width="medium"),
                Col("file_name", "col.file", width="medium"),
                Col("source_sheet", "col.sheet", width="small"),
                Col("record_type_label", "col.record_type", width="small"),
                Col("status_label", "col.status", width="small"),
                Col("rows_read", "col.rows_read", "int", width="small"),
                Col("rows_loaded", "col.rows_loaded", "int", width="small"),
                Col("rows_quarantined", "col.rows_quarantined", "int", width="small"),
                Col("message", "col.message", "long"),
            ],
            key="ledger",
            lang=lang,
            file_stem="nhat-ky-nap",
        )

if tab == "checks":
    with t_gx, warehouse_errors(view):
        st.subheader(view.t("quality.gx.title"))
        st.caption(view.t("quality.gx.caption"))
        show_table(
            present.gx_summary(da.gx_summary(db, stamp), lang),
            [
                Col("record_type_label", "col.record_type", width="medium"),
                Col("files", "col.files", "int", width="small"),
                Col("expectations", "col.expectations", "int", width="small"),
                Col("failed", "col.failed", "int", width="small"),
                Col("max_rows_checked", "col.rows_checked", "int", width="small"),
                Col("unexpected_rows", "col.unexpected", "int", width="small"),
                Col("last_validated_at", "col.validated_at", "datetime", width="medium"),
            ],
            key="gx_summary",
            lang=lang,
            file_stem="gx-tong-hop",
        )
        st.subheader(view.t("quality.gx.detail.title"))
        show_table(
            present.gx(da.gx_latest(db, stamp), lang),
            [
                Col("record_type_label", "col.record_type", width="small"),
                Col("file_name", "col.file", width="medium"),
                Col("rule_label", "col.expectation", width="large"),
                Col("column_label", "col.column", width="medium"),
                Col("outcome_label", "col.status", width="small"),
                Col("element_count", "col.rows_checked", "int", width="small"),
                Col("unexpected_count", "col.unexpected", "int", width="small"),
            ],
            key="gx_latest",
            lang=lang,
            file_stem="gx",
        )

if tab == "quarantine":
    with t_quarantine, warehouse_errors(view):
        st.subheader(view.t("quality.names.title"))
        st.caption(view.t("quality.names.caption"))
        show_table(
            present.unresolved(da.unresolved_names(db, stamp), lang),
            [
                Col("name", "col.name_as_written", width="medium"),
                Col("rule_label", "col.rule", width="small"),
                Col("column_name", "col.column", width="small"),
                Col("candidates", "col.candidates", "long"),
                Col("rows", "col.rows", "int", width="small"),
                Col("files", "col.file", width="medium"),
            ],
            key="unresolved",
            lang=lang,
            file_stem="ten-chua-nhan-ra",
            empty="quality.names.none",
        )
        st.subheader(view.t("quality.quarantine.title"))
        by_rule = da.quarantine_by_rule(db, stamp)
        if by_rule.height:
            st.caption(present.quarantine_tally(by_rule, lang))
        show_table(
            present.quarantine(da.quarantine(db, stamp), lang),
            [
                Col("record_type_label", "col.record_type", width="small"),
                Col("source_file", "col.file", width="medium"),
                Col("source_sheet", "col.sheet", width="small"),
                Col("source_row", "col.row", "year", width="small"),
                Col("column_label", "col.column", width="small"),
                Col("value", "col.value", width="medium"),
                Col("rule_label", "col.rule", width="small"),
                Col("message", "col.message", "long"),
                Col("candidates", "col.candidates", "long"),
            ],
            key="quarantine",
            lang=lang,
            file_stem="cach-ly",
            cap=DETAIL_ROW_CAP,
            empty="quality.quarantine.none",
        )
