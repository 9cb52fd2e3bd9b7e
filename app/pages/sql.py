"""SQL: one read-only query at a time over the published warehouse, in the sandbox."""

from __future__ import annotations

import streamlit as st

import data_access as da
import presenters
from app_context import current_view, require_warehouse, warehouse_errors
from thidua.i18n import fmt_int, fmt_number
from thidua.query import QueryRefused, UntrustedResult

_TEXT = "sql_text"
_EXAMPLE = "sql_example"
_RESULT = "sql_result"

view = current_view()
lang = view.lang
st.title(view.t("sql.title"))
require_warehouse(view)
st.caption(
    view.t(
        "sql.intro",
        rows=fmt_int(da.SQL_ROW_CAP, lang),
        seconds=fmt_number(da.SQL_TIMEOUT_S, 0, lang),
    )
)


def _load_example() -> None:
    # Runs before the text area is drawn, so it may set the text area's value.
    key = st.session_state.get(_EXAMPLE)
    if key in da.EXAMPLE_QUERIES:
        st.session_state[_TEXT] = da.EXAMPLE_QUERIES[key]


st.selectbox(
    view.t("sql.example"),
    [None, *da.EXAMPLE_QUERIES],
    format_func=lambda key: view.t("sql.example.none") if key is None else view.t(key),
    key=_EXAMPLE,
    on_change=_load_example,
)
sql = st.text_area(view.t("sql.editor"), key=_TEXT, height=180)
if st.button(view.t("sql.run"), type="primary", key="sql_run", icon=":material/play_arrow:"):
    outcome: UntrustedResult | QueryRefused
    with warehouse_errors(view):
        try:
            outcome = da.run_user_sql(view.db_path, sql or "")
        except QueryRefused as refused:
            outcome = refused
    # Kept in session state so the result survives reruns caused by other widgets.
    st.session_state[_RESULT] = outcome

shown = st.session_state.get(_RESULT)
if isinstance(shown, QueryRefused):
    st.error(f"**{view.t('sql.refused')}**: {shown.message(lang)}", icon=":material/block:")
    if shown.detail:
        with st.expander(view.t("sql.detail")):
            st.code(shown.detail, language=None)
elif isinstance(shown, UntrustedResult):
    frame = shown.frame
    st.caption(
        view.t(
            "sql.rows",
            rows=fmt_int(frame.height, lang),
            seconds=fmt_number(shown.elapsed_s, 2, lang),
        )
    )
    if shown.truncated:
        st.warning(view.t("sql.truncated", rows=fmt_int(da.SQL_ROW_CAP, lang)))
    st.dataframe(frame, hide_index=True, key="sql_frame")
    st.download_button(
        view.t("sql.download"),
        data=presenters.csv_bytes(frame),
        file_name="thidua-query.csv",
        mime="text/csv",
        on_click="ignore",  # no rerun: the result stays on screen
        icon=":material/download:",
        key="sql_download",
    )

with st.expander(view.t("sql.tables")), warehouse_errors(view):
    st.dataframe(
        da.table_catalog(view.db_path, view.stamp),
        hide_index=True,
        column_config={
            "table_name": st.column_config.TextColumn(view.t("sql.col.table")),
            "columns": st.column_config.TextColumn(view.t("sql.col.columns"), width="large"),
        },
        key="sql_catalog",
    )
