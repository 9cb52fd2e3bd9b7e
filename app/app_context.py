"""What every page needs to know about the current view, and the shared empty/error states.

The router (streamlit_app.py) builds one `ViewContext` per run from the sidebar and hands it to the
page through session state; pages read it with `current_view()` and never parse filters themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

import duckdb
import streamlit as st

import data_access as da
from thidua.i18n.messages import Lang, fmt_year_range, t, tn
from thidua.query.dashboard.common import Filters
from thidua.query.dashboard.sidebar import PublishInfo
from thidua.query.read import QueryError, WarehouseMissing

_VIEW_KEY = "_thidua_view"


@dataclass(frozen=True)
class ViewContext:
    db_path: str
    stamp: str  # publish stamp: the cache key that makes a new publish visible at once
    lang: Lang
    filters: Filters
    organizer_label: str
    publish: PublishInfo | None

    @property
    def has_warehouse(self) -> bool:
        return self.stamp != "missing"

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def tn(self, key: str, count: int, **values: object) -> str:
        """A message that counts `count` things, in the form the language gives that count."""
        return tn(key, count, self.lang, **values)


def set_view(view: ViewContext) -> None:
    st.session_state[_VIEW_KEY] = view


def current_view() -> ViewContext:
    view = st.session_state.get(_VIEW_KEY)
    if not isinstance(view, ViewContext):
        # A page was run without the router (e.g. `streamlit run app/views/x.py`).
        st.error("Hãy mở bảng điều khiển qua app/streamlit_app.py / Open app/streamlit_app.py.")
        st.stop()
    return view


def _synthetic_in_view(view: ViewContext) -> bool:
    try:
        return da.synthetic_in_view(view.db_path, view.stamp, view.filters)
    except (duckdb.Error, QueryError, WarehouseMissing):
        return True  # unreadable here: the page reports it; the note keeps its general wording


def show_missing_warehouse(view: ViewContext) -> None:
    st.warning(
        f"**{view.t('state.no_warehouse.title')}**\n\n"
        + view.t("state.no_warehouse.body", path=view.db_path),
        icon=":material/database_off:",
    )


def require_warehouse(view: ViewContext) -> None:
    """Stop the page with the instruction to build the warehouse when there is none."""
    if not view.has_warehouse:
        show_missing_warehouse(view)
        st.stop()


@contextmanager
def warehouse_errors(view: ViewContext) -> Iterator[None]:
    """Turn a missing or unreadable warehouse into a message instead of a traceback."""
    try:
        yield
    except WarehouseMissing:
        # Removed between the sidebar's check and the query (a reset while the page runs).
        show_missing_warehouse(view)
        st.stop()
    except duckdb.Error as exc:
        # Typically a warehouse built by an older version, without a table this page reads.
        st.error(
            view.t("state.broken_warehouse", error=type(exc).__name__), icon=":material/error:"
        )
        with st.expander(view.t("sql.detail")):
            st.code(str(exc), language=None)
        st.stop()


@contextmanager
def mart_section(view: ViewContext, table: str) -> Iterator[None]:
    """One section of a page that reads a mart an older build may not have yet.

    The rest of the page keeps working; the section says which table is missing and what to run.
    """
    try:
        yield
    except duckdb.CatalogException as exc:
        st.info(view.t("state.mart_missing", table=table), icon=":material/construction:")
        with st.expander(view.t("sql.detail")):
            st.code(str(exc), language=None)


def scope_caption(view: ViewContext) -> None:
    """The filters in force, in one line under the title (they come from the sidebar)."""
    f = view.filters
    kind = view.t(f"kind.{f.cluster_kind}") if f.cluster_kind else view.t("filter.all")
    st.caption(
        view.t(
            "overview.scope",
            years=fmt_year_range(f.years),
            organizer=view.organizer_label,
            kind=kind,
        )
    )


TileOrigin = Literal["generated", "real", "ratio", "none"]
_TILE_ICONS = {
    "generated": ":material/science:",
    "real": ":material/verified:",
    "ratio": ":material/percent:",
    "none": ":material/remove:",
}


def metric_tile(
    container: Any,
    view: ViewContext,
    label: str,
    value: str,
    origin: TileOrigin,
    help: str | None = None,
) -> None:
    """A metric tile that says whether its figure includes generated values.

    `origin`: "generated" (some value behind the figure is generated), "real" (real data only),
    "ratio" (a share of real rows among all rows, generated ones included), "none" (no figure).
    """
    container.metric(label, value, help=help)
    container.caption(f"{_TILE_ICONS[origin]} {view.t(f'metric.origin.{origin}')}")


def tile_origin(values: Iterable[tuple[object, bool | None]]) -> TileOrigin:
    """The tile origin of a figure from (value, is-generated flag) pairs of what it counts."""
    shown = [(v, f) for v, f in values if v is not None]
    if not shown:
        return "none"
    return "generated" if any(bool(f) for _, f in shown) else "real"


def synthetic_note(view: ViewContext) -> None:
    """Say whether synthetic data is in the picture, how it is drawn, and what hiding it hides;
    a view that holds none says so, whichever way the switch is set."""
    if view.has_warehouse and not _synthetic_in_view(view):
        st.success(view.t("overview.synthetic_none"), icon=":material/verified:")
    elif view.filters.include_synthetic:
        st.info(view.t("overview.synthetic_on"), icon=":material/science:")
    else:
        st.success(view.t("overview.synthetic_off"), icon=":material/verified:")
