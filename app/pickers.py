"""The pickers pages share: one cluster, several clusters, one unit. All of them live in the URL.

Options come from data_access (already filtered by the sidebar); the choice is kept by url_state,
so a copied link opens the same cluster or unit.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl
import streamlit as st

import data_access as da
import search_box
import url_state
from app_context import ViewContext, warehouse_errors
from presenters_cluster import cluster_label
from thidua.i18n.messages import fmt_int
from thidua.query.dashboard.clusters import CLUSTER_OPTION_CAP
from thidua.query.dashboard.compare import COMPARE_MAX
from thidua.query.name_search import MIN_LENGTH


def _cluster_labels(options: pl.DataFrame, view: ViewContext) -> dict[str, str]:
    return {
        cid: cluster_label(name, synthetic, view.lang)
        for cid, name, synthetic in options.select(
            "cluster_id", "cluster_name", "is_synthetic"
        ).iter_rows()
    }


def cluster_options(view: ViewContext, *, many: bool = False) -> pl.DataFrame:
    """The clusters the sidebar's filters leave, with the ones the URL names first.

    At the national tier they can run to tens of thousands: the list is capped and the page
    says how to narrow it (an organiser or a kind).
    """
    if many:
        pinned = url_state.wanted_many("clusters", "url_clusters")
    else:
        one = url_state.wanted("cluster", "url_cluster")
        pinned = (one,) if one else ()
    with warehouse_errors(view):
        options = da.cluster_options(view.db_path, view.stamp, view.filters, pinned)
    if options.height > CLUSTER_OPTION_CAP:
        cap = fmt_int(CLUSTER_OPTION_CAP, view.lang)
        st.caption(view.t("picker.cluster.too_many", cap=cap))
        options = options.head(CLUSTER_OPTION_CAP)
    return options


def default_cluster(options: pl.DataFrame) -> str:
    """A real cluster first (the seed articles' clusters), else the first one listed."""
    real = options.filter(~pl.col("is_synthetic"))
    return str((real if real.height else options)["cluster_id"][0])


def cluster_picker(view: ViewContext, options: pl.DataFrame) -> str:
    """One cluster, bound to `?cluster=`. `options` must not be empty.

    A link naming a cluster the picker cannot show stops the page with a notice (and the picker,
    to choose another): never another cluster under the link's address.
    """
    labels = _cluster_labels(options, view)
    ids = list(labels)
    default = default_cluster(options)

    def draw(key: str) -> object:
        return st.selectbox(
            view.t("picker.cluster"),
            ids,
            format_func=lambda cid: labels.get(cid, cid),
            key=key,
            help=view.t("picker.cluster.help"),
            placeholder=view.t("picker.cluster.placeholder"),
        )

    def unknown(cluster_id: str) -> None:
        with warehouse_errors(view):
            profile = da.cluster_profile(view.db_path, view.stamp, cluster_id)
        if profile.is_empty():
            notice = view.t("picker.cluster.unknown", id=cluster_id)
        else:
            notice = view.t("picker.cluster.filtered", name=str(profile["cluster_name"][0]))
        st.warning(notice, icon=":material/search_off:")

    picked = url_state.choice("cluster", ids, default, draw, always=True, unknown=unknown)
    if picked is None:
        st.stop()
    return picked


def clusters_picker(view: ViewContext, options: pl.DataFrame) -> tuple[str, ...]:
    """Two to six clusters, bound to `?clusters=a,b,c`."""
    labels = _cluster_labels(options, view)
    ids = list(labels)
    real = options.filter(~pl.col("is_synthetic"))["cluster_id"].to_list()
    default = (real + [i for i in ids if i not in real])[:3]
    key = "url_clusters"
    unknown = url_state.unknown_in_link("clusters", ids)
    url_state.seed_many("clusters", key, ids, default, COMPARE_MAX)
    if unknown:
        # as the single-cluster pages do: say what the link named that cannot be shown
        st.warning(
            view.t("picker.clusters.unknown", ids=", ".join(f"“{u}”" for u in unknown)),
            icon=":material/search_off:",
        )
    shown_from_link = list(st.session_state.get(key) or [])
    picked: Sequence[str] = st.multiselect(
        view.t("picker.clusters"),
        ids,
        format_func=lambda cid: labels.get(cid, cid),
        key=key,
        max_selections=COMPARE_MAX,
        help=view.t("picker.clusters.help", max=COMPARE_MAX),
        placeholder=view.t("picker.clusters.placeholder"),
    )
    url_state.publish_many(
        "clusters",
        list(picked),
        default,
        keep_link=bool(unknown) and list(picked) == shown_from_link,
    )
    return tuple(picked)


def year_picker(view: ViewContext, years: Sequence[int], *, label: str) -> int | None:
    """One results year of the page (e.g. the criterion breakdown's), bound to `?year=`."""
    if not years:
        return None
    codes = [str(y) for y in sorted(years)]

    def draw(key: str) -> object:
        return st.select_slider(view.t(label), codes, key=key) if len(codes) > 1 else codes[0]

    picked = url_state.choice("year", codes, codes[-1], draw)
    return int(picked) if picked else None


def highlight_picker(
    view: ViewContext, labels: dict[str, str], *, label: str, url_key: str = "highlight"
) -> str | None:
    """The series a chart draws in colour over the grey others (code -> name), in the URL.

    The first series is the default, and stays out of the URL.
    """
    if not labels:
        return None
    codes = list(labels)

    def draw(key: str) -> object:
        return st.selectbox(view.t(label), codes, format_func=lambda c: labels.get(c, c), key=key)

    return url_state.choice(url_key, codes, codes[0], draw)


ALL = "all"


def all_or_one(
    view: ViewContext, url_key: str, labels: dict[str, str], *, label: str
) -> str | None:
    """One of `labels` (code -> shown text) or all of them, bound to `?<url_key>=`; None = all.

    For a page's own narrowing filters (e.g. the compliance findings' year and cluster): "all"
    is the default and stays out of the URL.
    """
    codes = [ALL, *labels]

    def draw(key: str) -> object:
        return st.selectbox(
            view.t(label),
            codes,
            format_func=lambda c: view.t("filter.all") if c == ALL else labels.get(c, c),
            key=key,
        )

    picked = url_state.choice(url_key, codes, ALL, draw)
    return None if picked in (None, ALL) else picked


def unit_search(view: ViewContext) -> str:
    """A name filter for the unit picker (free text, kept in `?q=`)."""
    key = "url_q"
    linked = url_state.linked_value("q")
    if linked is not None:
        st.session_state[key] = linked
    elif key not in st.session_state:
        st.session_state[key] = url_state.kept_value("q") or ""
    text = st.text_input(
        view.t("picker.unit.search"),
        key=key,
        placeholder=view.t("picker.unit.search.placeholder"),
    ).strip()
    url_state.publish_one("q", text or None, None)
    return text


UNITS_FOUND_MAX = 200


def units_found(view: ViewContext, text: str) -> tuple[str, ...] | None:
    """The units the name search finds for the unit filter's text, best first (None: no text).

    The same search as the box above every page, so "STP", an alias or a name with its
    province narrow the list as they find the unit there.
    """
    if len(text) < MIN_LENGTH:
        return None
    with warehouse_errors(view):
        hits = search_box.find(view, text, UNITS_FOUND_MAX)
    return tuple(h.target_id for h in hits if h.kind == "unit")


def unit_picker(view: ViewContext, options: pl.DataFrame) -> str | None:
    """One unit, bound to `?unit=`; names that changed show where they went (→ successor)."""
    if options.is_empty():
        return None
    labels: dict[str, str] = {}
    for uid, name, short, succ_id, succ_name in options.select(
        "unit_id", "unit_name", "short_name", "successor_unit_id", "successor_unit_name"
    ).iter_rows():
        label = f"{name} ({short})" if short and short != name else name
        if succ_id and succ_id != uid:
            label += f" → {succ_name}"
        labels[uid] = label
    ids = list(labels)
    busiest = options.sort("years", descending=True)["unit_id"][0]

    def draw(key: str) -> object:
        return st.selectbox(
            view.t("picker.unit"),
            ids,
            format_func=lambda uid: labels.get(uid, uid),
            key=key,
            help=view.t("picker.unit.help"),
            placeholder=view.t("picker.unit.placeholder"),
        )

    def unknown(unit_id: str) -> None:
        with warehouse_errors(view):
            family = da.unit_family(view.db_path, view.stamp, unit_id)
        me = family.filter(pl.col("is_selected"))
        if me.is_empty():
            notice = view.t("picker.unit.unknown", id=unit_id)
        else:
            notice = view.t("picker.unit.filtered", name=str(me["unit_name"][0]))
        st.warning(notice, icon=":material/search_off:")

    picked = url_state.choice("unit", ids, str(busiest), draw, always=True, unknown=unknown)
    if picked is None:
        st.stop()
    return picked
