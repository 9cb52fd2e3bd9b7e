"""Page-level choices that live in the URL: the cluster, the unit, the compared clusters, the tab.

The global filters (language, years, organiser, kind, synthetic) are the sidebar's business
(sidebar.py). Each page owns a few more parameters, e.g. `/cum-khoi?cluster=th-ubnd:cum-08&tab=rank`
or `/so-sanh?clusters=th-ubnd:cum-05,th-ubnd:cum-08`. Values are stable codes (ids), never labels,
so a link works in both languages.

How a choice is kept:

- a link (the URL holds a value this session did not write) wins: it seeds the widget;
- otherwise the widget's own state, else the last value chosen on this page in this session
  (Streamlit drops a widget's state when another page runs, so a copy is kept aside), else the
  default;
- after the widget, its value is written back to the URL; a default tab or grouping is left out,
  the page's subject (cluster, unit, compared clusters) is always written.

The router removes the parameters of other pages, so a URL never carries a stale `unit=`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlencode

import streamlit as st
from streamlit.elements.lib.mutable_tab_container import TabContainer

from thidua.i18n import LANGS, t

# URL path of a page -> the query parameters it owns.
PAGE_KEYS: Mapping[str, tuple[str, ...]] = {
    "": ("highlight",),  # the overview, the app's root
    "tong-quan": ("highlight",),  # the overview by its own name
    "cum-khoi": ("cluster", "year", "tab", "highlight_unit"),
    "don-vi": ("unit", "q"),
    "khen-thuong": ("by", "tab", "compliance_year", "compliance_cluster"),
    "so-sanh": ("clusters",),
    "thay-doi": ("base", "end", "sort"),
    "chat-luong": ("tab",),
}
_ALL_PAGE_KEYS = frozenset(k for keys in PAGE_KEYS.values() for k in keys)
# The sidebar's filters: every page keeps them (sidebar.py writes them).
GLOBAL_KEYS = ("lang", "from", "to", "org", "kind", "synth")
_SEP = ","


def page_href(url_path: str, **params: str) -> str:
    """A relative link to another page that keeps the global filters: "don-vi?unit=…&synth=0"."""
    query = {k: str(st.query_params[k]) for k in GLOBAL_KEYS if k in st.query_params}
    query.update(params)
    return f"{url_path}?{urlencode(query)}" if query else url_path


def drop_foreign_keys(url_path: str) -> None:
    """Remove the URL parameters that belong to other pages than the one about to run."""
    own = set(PAGE_KEYS.get(url_path, ()))
    for key in sorted(_ALL_PAGE_KEYS - own):
        if key in st.query_params:
            del st.query_params[key]


def _url_value(url_key: str) -> str | None:
    value = st.query_params.get(url_key)
    return value if value else None


def _written_key(url_key: str) -> str:
    return f"_url_written_{url_key}"


def _kept_key(url_key: str) -> str:
    return f"_url_kept_{url_key}"


def _write(url_key: str, text: str | None) -> None:
    st.session_state[_written_key(url_key)] = text
    if text is None:
        if url_key in st.query_params:
            del st.query_params[url_key]
    elif st.query_params.get(url_key) != text:
        st.query_params[url_key] = text


def _from_link(url_key: str) -> str | None:
    """The URL's value when it came from outside this session's own writes (a link, a reload)."""
    value = _url_value(url_key)
    if value is not None and value != st.session_state.get(_written_key(url_key)):
        return value
    return None


def linked_value(url_key: str) -> str | None:
    """The URL's value of `url_key` if it came from a link (not written by this session)."""
    return _from_link(url_key)


def wanted(url_key: str, widget_key: str) -> str | None:
    """The value a page is about to show, before its options are known (to pin it in a query)."""
    for value in (_from_link(url_key), st.session_state.get(widget_key), kept_value(url_key)):
        if isinstance(value, str) and value:
            return value
    return None


def wanted_many(url_key: str, widget_key: str) -> tuple[str, ...]:
    linked = _from_link(url_key)
    if linked:
        return tuple(linked.split(_SEP))
    for value in (st.session_state.get(widget_key), kept_value(url_key)):
        if isinstance(value, list) and value:
            return tuple(str(v) for v in value)
    return ()


def kept_value(url_key: str) -> object:
    """The last value this session chose for `url_key` on its page."""
    return st.session_state.get(_kept_key(url_key))


def seed_one(url_key: str, widget_key: str, options: Sequence[str], default: str | None) -> None:
    """Before a single-choice widget is drawn: give it its starting value (see module doc)."""
    linked = _from_link(url_key)
    if linked is not None and linked in options:
        st.session_state[widget_key] = linked
        return
    if st.session_state.get(widget_key) in options:
        return
    kept = st.session_state.get(_kept_key(url_key))
    st.session_state[widget_key] = kept if kept in options else default


def publish_one(url_key: str, value: str | None, default: str | None) -> None:
    """After the widget: remember the value for this session and put it in the URL."""
    st.session_state[_kept_key(url_key)] = value
    _write(url_key, None if value is None or value == default else value)


def seed_many(
    url_key: str, widget_key: str, options: Sequence[str], default: Sequence[str], limit: int
) -> None:
    """Before a multiselect: the same rules, with the URL holding comma-separated ids."""
    allowed = set(options)
    linked = _from_link(url_key)
    if linked is not None:
        picked = [v for v in dict.fromkeys(linked.split(_SEP)) if v in allowed][:limit]
        if picked:
            st.session_state[widget_key] = picked
            return
    current = st.session_state.get(widget_key)
    if isinstance(current, list) and current and all(v in allowed for v in current):
        return
    kept = st.session_state.get(_kept_key(url_key))
    if isinstance(kept, list) and kept and all(v in allowed for v in kept):
        st.session_state[widget_key] = list(kept)[:limit]
    else:
        st.session_state[widget_key] = [v for v in default if v in allowed][:limit]


def publish_many(url_key: str, values: Sequence[str]) -> None:
    """After a multiselect: remember the picks and always name them in the URL."""
    st.session_state[_kept_key(url_key)] = list(values)
    _write(url_key, _SEP.join(values) if values else None)


def bound_tabs(
    url_key: str, tabs: Sequence[tuple[str, str]], *, key: str, lang: str
) -> tuple[str, Sequence[TabContainer]]:
    """Tabs whose active tab lives in the URL as a code (`tab=rank`), not as a label.

    `tabs` = [(code, i18n label key)]. Only the open tab's content needs to run: the page checks
    the returned code (Streamlit reruns when the user switches tabs). Returns (code, containers).
    """
    codes = [code for code, _ in tabs]
    labels = {code: t(label, lang) for code, label in tabs}
    # A label in either language maps back to its code, so switching language keeps the tab.
    by_label = {t(label, other): code for code, label in tabs for other in LANGS}
    default = codes[0]
    linked = _from_link(url_key)
    current = by_label.get(str(st.session_state.get(key)))
    kept = st.session_state.get(_kept_key(url_key))
    if linked in codes:
        code = str(linked)
    elif current is not None:
        code = current
    elif kept in codes:
        code = str(kept)
    else:
        code = default
    st.session_state[key] = labels[code]
    containers = st.tabs([labels[c] for c in codes], key=key, on_change="rerun")
    publish_one(url_key, code, default)
    return code, containers


def choice(
    url_key: str,
    options: Sequence[str],
    default: str | None,
    draw: Callable[[str], object],
    *,
    always: bool = False,
) -> str | None:
    """Seed, draw (with `draw(widget_key)`) and publish a single choice bound to `url_key`.

    `always`: write the value even when it is the default. The subject of a page (the cluster,
    the unit) always goes in the URL, so a link keeps naming it when new data changes the default.
    """
    widget_key = f"url_{url_key}"
    seed_one(url_key, widget_key, options, default)
    value = draw(widget_key)
    picked = value if isinstance(value, str) and value in options else default
    publish_one(url_key, picked, None if always else default)
    return picked
