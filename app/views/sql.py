"""SQL: one read-only query at a time over the published warehouse, in the sandbox, with a
schema browser (tables, columns, types and their dbt descriptions) and example queries."""

from __future__ import annotations

import polars as pl
import streamlit as st

import data_access as da
import schema_docs
from app_context import current_view, require_warehouse, warehouse_errors
from tables import Col, ColKind, show_table
from thidua.i18n.messages import fmt_int, fmt_number
from thidua.query.dashboard.sql import EXAMPLE_QUERIES, SQL_ROW_CAP, SQL_TIMEOUT_S
from thidua.query.sandbox import QueryRefused, UntrustedResult

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
        rows=fmt_int(SQL_ROW_CAP, lang),
        seconds=fmt_number(SQL_TIMEOUT_S, 0, lang),
    )
)


@st.cache_data(show_spinner=False, max_entries=4)
def _yaml_docs(fingerprint: str) -> dict[str, schema_docs.TableDoc]:
    return schema_docs.read_docs()


def _load_example() -> None:
    # Runs before the text area is drawn, so it may set the text area's value.
    key = st.session_state.get(_EXAMPLE)
    if key in EXAMPLE_QUERIES:
        st.session_state[_TEXT] = EXAMPLE_QUERIES[key]


def _result_columns(frame: pl.DataFrame) -> list[Col]:
    """Display kinds for an arbitrary result: years and ids stay plain, numbers get separators.

    The header is the query's own column name (`raw_labels`), in both languages.
    """
    cols = []
    for name, dtype in frame.schema.items():
        kind: ColKind = "text"
        lowered = name.lower()
        if dtype.is_integer():
            plain = "year" in lowered or lowered.endswith(("_id", "_row")) or lowered == "nam"
            kind = "year" if plain else "int"
        elif dtype.is_float() or dtype.is_decimal():
            kind = "number"
        elif dtype == pl.Date:
            kind = "date"
        elif isinstance(dtype, pl.Datetime):
            kind = "datetime"
        cols.append(Col(name, name, kind, decimals=3))
    return cols


editor = st.container()
with editor:
    st.selectbox(
        view.t("sql.example"),
        [None, *EXAMPLE_QUERIES],
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
            view.tn(
                "sql.rows",
                frame.height,
                rows=fmt_int(frame.height, lang),
                seconds=fmt_number(shown.elapsed_s, 2, lang),
            )
        )
        if shown.truncated:
            st.warning(view.t("sql.truncated", rows=fmt_int(SQL_ROW_CAP, lang)))
        show_table(
            frame,
            _result_columns(frame),
            key="sql_result",
            lang=lang,
            file_stem="truy-van",
            raw_labels=True,
            empty="sql.no_rows",
        )

st.subheader(view.t("sql.schema.title"))
with warehouse_errors(view):
    tables = da.schema_tables(view.db_path, view.stamp)
    columns = da.schema_columns(view.db_path, view.stamp)
yaml_docs = _yaml_docs(schema_docs.docs_fingerprint())
names = tables["qualified_name"].to_list()
table_doc = {
    name: schema_docs.describe(
        name, comment, yaml_docs.get(name, schema_docs.TableDoc()).description, lang
    )
    for name, comment in tables.select("qualified_name", "comment").iter_rows()
}
sizes = dict(tables.select("qualified_name", "estimated_size").iter_rows())
views = set(tables.filter(pl.col("is_view"))["qualified_name"].to_list())
pick, detail = st.columns([1, 2], gap="large")
with pick:
    picked = st.selectbox(
        view.t("sql.schema.table"),
        names,
        index=names.index("marts.fct_cluster_year") if "marts.fct_cluster_year" in names else 0,
        key="sql_schema_table",
    )
    if picked:
        st.markdown(table_doc.get(picked) or view.t("sql.schema.no_description"))
        about = sizes.get(picked)
        if picked in views:
            st.caption(view.t("sql.schema.view"))
        else:
            st.caption(view.tn("sql.schema.rows", about or 0, rows=fmt_int(about, lang)))
        st.code(f"select * from {picked} limit 100", language="sql", wrap_lines=True)
    st.caption(view.t("sql.schema.docs_source"))
with detail:
    if picked:
        doc = yaml_docs.get(picked, schema_docs.TableDoc())
        picked_columns = columns.filter(pl.col("qualified_name") == picked).with_columns(
            pl.struct("column_name", "comment")
            .map_elements(
                lambda c: schema_docs.describe(
                    f"{picked}.{c['column_name']}",
                    c["comment"],
                    doc.columns.get(c["column_name"], ""),
                    lang,
                ),
                return_dtype=pl.String,
            )
            .alias("description")
        )
        show_table(
            picked_columns,
            [
                Col("column_name", "sql.col.column", width="medium"),
                Col("data_type", "sql.col.type", width="small"),
                Col("description", "sql.col.description", "long"),
            ],
            key="sql_columns",
            lang=lang,
            file_stem=f"cot-{picked}",
            height=420,
        )
with st.expander(view.t("sql.tables")):
    show_table(
        tables.with_columns(
            pl.col("qualified_name")
            .replace_strict(table_doc, default="", return_dtype=pl.String)
            .alias("description")
        ),
        [
            Col("qualified_name", "sql.col.table", width="medium"),
            Col("estimated_size", "sql.col.rows", "int", width="small"),
            Col("description", "sql.col.description", "long"),
        ],
        key="sql_tables",
        lang=lang,
        file_stem="bang",
    )
