"""Thay đổi (changes): which clusters and units improved most between two results years.

Answers "which clusters improved most since 2020, and which units climbed or fell", on the
measures the marts define (mart_cluster_changes, mart_unit_changes: the change in share of the
maximum, places gained, rank stability). The page picks the base and end years and the order.
"""

from __future__ import annotations

import streamlit as st

import charts_changes as charts
import data_access as da
import presenters_changes as present
import url_state
from app_context import (
    current_view,
    require_warehouse,
    scope_caption,
    synthetic_note,
    warehouse_errors,
)
from charts import show_chart
from presenters import with_links
from tables import Col, show_table
from thidua.i18n.messages import fmt_int
from thidua.query.dashboard.changes import CHANGE_SORTS
from thidua.query.dashboard.common import DETAIL_ROW_CAP

view = current_view()
lang = view.lang
f = view.filters
db, stamp = view.db_path, view.stamp
st.title(view.t("changes.title"))
require_warehouse(view)
scope_caption(view)
synthetic_note(view)

with warehouse_errors(view):
    years = da.change_years(db, stamp, f)
if len(years) < 2:
    st.warning(view.t("changes.too_few_years"), icon=":material/filter_alt_off:")
    st.stop()

# --- the period and the order, all in the URL -----------------------------------------------
left, middle, right = st.columns([1, 1, 2])
starts = [str(y) for y in present.base_years(years)]


def draw_base(key: str) -> object:
    return left.selectbox(view.t("changes.base"), starts, key=key)


base = int(url_state.choice("base", starts, starts[0], draw_base) or starts[0])
ends = [str(y) for y in present.end_years(years, base)]


def draw_end(key: str) -> object:
    return middle.selectbox(view.t("changes.end"), ends, key=key)


end = int(url_state.choice("end", ends, ends[-1], draw_end) or ends[-1])


def draw_sort(key: str) -> object:
    return right.segmented_control(
        view.t("changes.sort"),
        list(CHANGE_SORTS),
        format_func=lambda s: view.t(f"changes.sort.{s}"),
        key=key,
        required=True,
    )


sort = url_state.choice("sort", list(CHANGE_SORTS), CHANGE_SORTS[0], draw_sort) or "share"
st.caption(view.t("changes.caption", base=base, end=end))
st.caption(view.t("share.explained"))

with warehouse_errors(view):
    cluster_frame = present.clusters(da.cluster_changes(db, stamp, f, base, end, sort), lang)
    unit_frame = present.units(da.unit_changes(db, stamp, f, base, end, sort), lang)

# Which measure the bars and the one-line answer follow: the order the analyst picked.
cluster_measure = "share_of_max_change" if sort == "share" else "share_rank_change"
unit_measure = "share_of_max_change" if sort == "share" else "rank_change"
measure_title = view.t(f"changes.sort.{sort}")
axis_format = "+.0%" if sort == "share" else "+d"
label = "share_change_label" if sort == "share" else "rank_change_label"


def answer(found: tuple[str, str] | None, key: str) -> None:
    """The question of the section answered in one line, or why it cannot be."""
    if found is None:
        st.caption(view.t("changes.no_measure", measure=measure_title))
        return
    name, change = found
    st.markdown(view.t(key, base=base, end=end, name=name, change=change))


# --- clusters ------------------------------------------------------------------------------------
st.subheader(view.t("changes.clusters.title"))
answer(present.best(cluster_frame, cluster_measure, "cluster_name", lang), "changes.clusters.best")
bars = present.chart_rows(cluster_frame, cluster_measure, "cluster_name")
if not bars.is_empty():
    show_chart(charts.change_bars(bars, cluster_measure, label, measure_title, axis_format, lang))


def cluster_href(cluster_id: str) -> str:
    return url_state.page_href("cum-khoi", cluster=cluster_id)


show_table(
    with_links(cluster_frame, "cluster_id", "cluster_page", cluster_href),
    [
        Col("cluster_name", "col.cluster", width="medium"),
        Col("share_change_points", "changes.col.share_change", "number", decimals=1),
        Col("base_share_of_max", "changes.col.base_share", "percent"),
        Col("end_share_of_max", "changes.col.end_share", "percent"),
        Col("share_rank_change", "changes.col.place_change", "int", help="changes.place.help"),
        Col("base_share_rank", "changes.col.base_place", "int", width="small"),
        Col("end_share_rank", "changes.col.end_place", "int", width="small"),
        Col(
            "mean_abs_rank_change",
            "compare.rank_change",
            "number",
            decimals=2,
            help="changes.stability.help",
        ),
        Col("units_compared", "changes.col.units_compared", "int", width="small"),
        Col("origin", "col.values_origin", width="small"),
        Col("cluster_page", "col.cluster_page", "page"),
    ],
    key="cluster_changes",
    lang=lang,
    file_stem=f"thay-doi-cum-{base}-{end}",
    cap=DETAIL_ROW_CAP,
)

# --- units ---------------------------------------------------------------------------------------
st.subheader(view.t("changes.units.title"))
answer(present.best(unit_frame, unit_measure, "unit_label", lang), "changes.units.best")
bars = present.chart_rows(unit_frame, unit_measure, "unit_label")
if not bars.is_empty():
    show_chart(charts.change_bars(bars, unit_measure, label, measure_title, axis_format, lang))
shown_units = unit_frame.height
st.caption(view.tn("changes.units.caption", shown_units, shown=fmt_int(shown_units, lang)))


def unit_href(unit_id: str) -> str:
    return url_state.page_href("don-vi", unit=unit_id)


show_table(
    with_links(unit_frame, "current_unit_id", "unit_page", unit_href),
    [
        Col("unit_label", "col.unit", width="medium"),
        Col("cluster_name", "col.cluster", width="medium"),
        Col("share_change_points", "changes.col.share_change", "number", decimals=1),
        Col("base_share_of_max", "changes.col.base_share", "percent"),
        Col("end_share_of_max", "changes.col.end_share", "percent"),
        Col("rank_change", "changes.col.rank_change", "int", help="changes.rank.help"),
        Col("base_rank_label", "changes.col.base_rank", width="small"),
        Col("end_rank_label", "changes.col.end_rank", width="small"),
        Col("origin", "col.values_origin", width="small"),
        Col("unit_page", "col.unit_page", "page"),
    ],
    key="unit_changes",
    lang=lang,
    file_stem=f"thay-doi-don-vi-{base}-{end}",
    cap=DETAIL_ROW_CAP,
)
