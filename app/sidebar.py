"""The sidebar: language switch and global filters, all kept in the URL's query parameters.

A copied URL reproduces the view: `?lang=en&from=2018&to=2022&org=th-ubnd&kind=cum&synth=0`.
Parameters hold stable codes, never display labels, so a link works in either language; a value
equal to the default is left out, and an invalid one falls back to the default.

Why not Streamlit's own `bind="query-params"`: it writes the *formatted* option into the URL
(`kind=Khối`, `org=Ủy ban nhân dân tỉnh Thanh Hóa`), which changes with the language and breaks
shared links. So the sidebar seeds its widgets from the URL when the URL did not come from this
session's last run (the first run, a link, back or forward) and hands the current values to
url_state, which the router writes to the URL once per run.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import cast

import duckdb
import streamlit as st

from app_context import ViewContext
from data_access import last_publish, organizers, year_bounds
from thidua.i18n.messages import DEFAULT_LANG, LANG_NAMES, LANGS, Lang, as_lang, fmt_datetime, t
from thidua.query.dashboard.common import Filters
from thidua.query.dashboard.sidebar import FALLBACK_YEARS, PublishInfo
from thidua.query.read import QueryError, publish_stamp
from url_state import globals_from_outside, set_globals, url_params

ALL = "all"
KINDS = (ALL, "cum", "khoi")
_SEEDED = "_thidua_seeded_from_url"
_BOUNDS = "_thidua_year_bounds"

Orgs = list[tuple[str, str, str]]  # (organizer_id, Vietnamese name, English name)


def render_sidebar(db_path: Path) -> ViewContext:
    db = str(db_path)
    stamp = publish_stamp(db_path)
    bounds, orgs, publish = _warehouse_facts(db, stamp) if stamp != "missing" else _no_facts()
    # A slider needs min < max; a warehouse with a single results year still gets a range.
    bounds = (bounds[0], max(bounds[1], bounds[0] + 1))
    org_ids = [org_id for org_id, _, _ in orgs]
    _seed_from_url(url_params(), bounds, org_ids)
    _clamp_years(bounds)

    with st.sidebar:
        lang = as_lang(
            st.radio(
                t("sidebar.language"),
                LANGS,
                format_func=lambda code: LANG_NAMES[code],
                horizontal=True,
                key="lang",
            )
        )
        st.header(t("sidebar.filters", lang))
        # No `value=`: the widget takes its value from session state, seeded from the URL.
        years = cast(
            "tuple[int, int]",
            st.slider(
                t("filter.years", lang),
                min_value=bounds[0],
                max_value=bounds[1],
                step=1,
                key="years",
                help=t("filter.years.help", lang),
            ),
        )
        org_names = _organizer_names(orgs, lang)
        organizer = st.selectbox(
            t("filter.organizer", lang),
            [ALL, *org_ids],
            format_func=lambda code: org_names.get(code, t("filter.all", lang)),
            key="org",
        )
        kind = st.radio(
            t("filter.kind", lang),
            KINDS,
            format_func=lambda code: (
                t("filter.all", lang) if code == ALL else t(f"kind.{code}", lang)
            ),
            horizontal=True,
            key="kind",
        )
        synthetic = st.toggle(
            t("filter.synthetic", lang),
            key="synth",
            help=t("filter.synthetic.help", lang),
        )
        _publish_caption(publish, lang)

    filters = Filters(
        years=(int(years[0]), int(years[1])),
        organizer_id=None if organizer in (None, ALL) else str(organizer),
        cluster_kind=None if kind in (None, ALL) else str(kind),
        include_synthetic=bool(synthetic),
    )
    _write_url(lang, filters, bounds)
    organizer_label = org_names.get(filters.organizer_id or "", t("filter.all", lang))
    return ViewContext(db, stamp, lang, filters, organizer_label, publish)


# --- URL <-> widgets -----------------------------------------------------------------------------


def _seed_from_url(
    params: Mapping[str, str | list[str]], bounds: tuple[int, int], org_ids: list[str]
) -> None:
    """Before the widgets exist: their starting values, from the URL, when it did not come from
    this session's own last run (the first run, a link, back or forward). A filter the URL
    leaves out is at its default."""
    if st.session_state.get(_SEEDED) and not globals_from_outside():
        return

    def one(key: str) -> str | None:
        value = params.get(key)
        if isinstance(value, list):
            value = value[-1] if value else None
        return value

    first = _as_int(one("from"), bounds[0])
    last = _as_int(one("to"), bounds[1])
    org = one("org")
    kind = one("kind")
    st.session_state["lang"] = as_lang(one("lang"))
    st.session_state["years"] = (min(first, last), max(first, last))
    st.session_state["org"] = org if org in org_ids else ALL
    st.session_state["kind"] = kind if kind in KINDS else ALL
    st.session_state["synth"] = one("synth") not in {"0", "false", "no", "off"}
    st.session_state[_SEEDED] = True


def _as_int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _clamp_years(bounds: tuple[int, int]) -> None:
    """Keep the chosen years inside the data's range, which a new publish may change.

    A selection of the whole previous range means "all years" and grows with the data, so a newly
    published results year shows up without touching the slider.
    """
    previous = st.session_state.get(_BOUNDS)
    st.session_state[_BOUNDS] = bounds
    first, last = st.session_state.get("years", bounds)
    if previous is not None and (first, last) == tuple(previous):
        first, last = bounds
    low, high = bounds
    first = min(max(int(first), low), high)
    last = min(max(int(last), low), high)
    st.session_state["years"] = (min(first, last), max(first, last))


def _write_url(lang: Lang, f: Filters, bounds: tuple[int, int]) -> None:
    wanted: dict[str, str] = {}
    if lang != DEFAULT_LANG:
        wanted["lang"] = lang
    if f.years[0] != bounds[0]:
        wanted["from"] = str(f.years[0])
    if f.years[1] != bounds[1]:
        wanted["to"] = str(f.years[1])
    if f.organizer_id:
        wanted["org"] = f.organizer_id
    if f.cluster_kind:
        wanted["kind"] = f.cluster_kind
    if not f.include_synthetic:
        wanted["synth"] = "0"
    # The router writes the URL once, when the run ends (url_state.finish_run).
    set_globals(wanted)


# --- warehouse facts for the widgets -------------------------------------------------------------


def _no_facts() -> tuple[tuple[int, int], Orgs, PublishInfo | None]:
    return FALLBACK_YEARS, [], None


def _warehouse_facts(db: str, stamp: str) -> tuple[tuple[int, int], Orgs, PublishInfo | None]:
    """Year range, organisers and publish info; defaults when the warehouse cannot be read.

    The page then reports the problem in its main area, where there is room to explain it.
    """
    try:
        bounds = year_bounds(db, stamp)
        orgs = [(str(a), str(b), str(c)) for a, b, c in organizers(db, stamp).iter_rows()]
    except (duckdb.Error, QueryError):
        return _no_facts()
    try:
        publish: PublishInfo | None = last_publish(db, stamp)
    except (duckdb.Error, QueryError):
        publish = None  # an older build without meta.publish_log: the data is still usable
    return bounds, orgs, publish


def _organizer_names(orgs: Orgs, lang: Lang) -> dict[str, str]:
    return {
        org_id: (name_en if lang == "en" and name_en else name) for org_id, name, name_en in orgs
    }


def _publish_caption(publish: PublishInfo | None, lang: Lang) -> None:
    if publish is None or publish.published_at is None:
        st.caption(t("sidebar.not_published", lang))
        return
    st.caption(
        t(
            "sidebar.published",
            lang,
            when=fmt_datetime(publish.published_at, lang),
            version=publish.version or "?",
        )
    )
