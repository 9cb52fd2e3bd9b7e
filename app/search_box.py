"""The search box above every page: a unit or a cluster by any name the warehouse knows.

The names are one query (data_access.search_names: canonical and short names, ids, aliases of
marts.dim_unit_alias, cluster names), indexed once per publish and filter set; the ranking is
thidua.query.name_search's (its docstring explains it). Each result is a link to the unit's or the
cluster's page carrying the filters, so choosing one is a single step in the browser's history.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import streamlit as st

import data_access as da
import url_state
from app_context import ViewContext
from thidua.query.dashboard.common import Filters
from thidua.query.name_search import Hit, NameSearch, names_from_rows
from thidua.query.read import QueryError

SEARCH_KEY = "search_q"
MAX_RESULTS = 8
# The page and the URL parameter of each kind of result.
TARGETS = {"unit": ("don-vi", "unit"), "cluster": ("cum-khoi", "cluster")}
_ICONS = {"unit": ":material/apartment:", "cluster": ":material/groups:"}


@st.cache_resource(show_spinner=False, max_entries=8)
def _index(db: str, stamp: str, f: Filters) -> NameSearch:
    return NameSearch(names_from_rows(da.search_names(db, stamp, f).to_dicts()))


def find(view: ViewContext, text: str, limit: int = MAX_RESULTS) -> list[Hit]:
    """The best units and clusters for `text`, under the sidebar's organiser, kind and synthetic
    filters (not its years: a name is found whatever years are shown)."""
    return _index(view.db_path, view.stamp, view.filters).search(text, limit)


def render_search(view: ViewContext, pages: Mapping[str, st.Page]) -> None:
    """The box, and under it the results as links (`pages`: url path -> page)."""
    if url_state.arrived():
        # A result (or any link) was followed: the new page starts with an empty box.
        st.session_state[SEARCH_KEY] = ""
    text = st.text_input(
        view.t("search.label"),
        key=SEARCH_KEY,
        placeholder=view.t("search.placeholder"),
        icon=":material/search:",
        label_visibility="collapsed",
        help=view.t("search.help"),
    ).strip()
    if not text or not view.has_warehouse:
        return
    try:
        hits = find(view, text)
    except (duckdb.Error, QueryError):
        return  # an unreadable warehouse: the page below says so
    if not hits:
        st.caption(view.t("search.none", text=text))
        return
    with st.container(border=True, key="search_results"):
        st.caption(view.t("search.results", text=text))
        for hit in hits:
            path, param = TARGETS[hit.kind]
            label = hit.label
            if hit.spelling != hit.label and hit.spelling != hit.target_id:
                label = view.t("search.found_as", name=hit.label, spelling=hit.spelling)
            st.page_link(
                pages[path],
                label=label,
                icon=_ICONS[hit.kind],
                query_params={**url_state.global_params(), param: hit.target_id},
                help=view.t(f"search.kind.{hit.kind}"),
            )
