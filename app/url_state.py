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
  the page's subject (cluster, unit, compared clusters) is written whenever the URL is (see
  below for the one exception).

The router removes the parameters of other pages, so a URL never carries a stale `unit=`.

One history entry per user action. Every write to `st.query_params` is a message to the browser,
and the browser adds a history entry for each one that changes the URL: a run that wrote three
parameters one by one left three entries, two of them states never shown, and the back button
needed three presses. So nothing here writes `st.query_params` during the run: the sidebar and
the page change a pending copy, and the router writes it once, when the run ends (`begin_run`,
`finish_run`). The URL a run starts from is left alone when the only difference is the page's
subject at its default (`/cum-khoi` opened from the README is not turned into a second entry
`/cum-khoi?cluster=…`); the next change writes the subject with it.

Back and forward rerun the page with the URL of that entry (Streamlit flags the run as a history
navigation): the URL then wins for every parameter, and one it does not carry means the default,
as it did when that entry was written. The sidebar's menu links carry the filters and each
page's last choices (`nav_params`), so opening a page from the menu is one entry too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

import streamlit as st
from streamlit.elements.lib.mutable_tab_container import TabContainer
from streamlit.runtime.scriptrunner import get_script_run_ctx

from thidua.i18n.messages import LANGS, t

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
_RUN = "_url_run"
_LAST = "_url_last"  # the query this session left in the URL when its last run ended
_PAGE_LAST = "_url_page_last"  # url path -> that page's own parameters when it last ran
_LAST_PATH = "_url_last_path"  # the page of the last run


@dataclass
class _Run:
    """The URL of one script run: as it came, and as the run wants to leave it."""

    incoming: dict[str, str]
    pending: dict[str, str]
    history: bool  # back/forward brought this URL
    path: str = ""
    implied: set[str] = field(default_factory=set)  # subjects left at their default, unwritten


def begin_run() -> None:
    """Router, first thing: take the URL as the browser sent it; nothing is written until
    `finish_run`."""
    ctx = get_script_run_ctx()
    incoming = {k: v for k, v in st.query_params.to_dict().items() if v}
    st.session_state[_RUN] = _Run(
        incoming, dict(incoming), bool(ctx is not None and ctx.is_history_navigation)
    )


def _run() -> _Run:
    run = st.session_state.get(_RUN)
    if not isinstance(run, _Run):
        begin_run()
        run = st.session_state[_RUN]
    assert isinstance(run, _Run)
    return run


def finish_run() -> None:
    """Router, when the run ends (also after st.stop): write the URL once, if it changed.

    A subject left at its default in a URL that did not name it is not a change by itself; with
    any other change it is written too. The query is also sent when the browser may still show
    another URL than the run's (a link to the same page with other parameters, which Streamlit
    runs without changing the address): the browser adds an entry only when the address it
    shows changes.
    """
    run = _run()
    unchanged = {
        k for k in run.implied if k not in run.incoming and k in run.pending
    }  # subjects the URL may go on leaving out
    changed = {
        k
        for k in set(run.pending) | set(run.incoming)
        if run.pending.get(k) != run.incoming.get(k) and k not in unchanged
    }
    target = (
        dict(run.pending)
        if changed
        else {k: v for k, v in run.pending.items() if k not in unchanged}
    )
    last = st.session_state.get(_LAST)
    if changed or (last is not None and not run.history and target != last):
        # Not on a first run nor after back/forward: the browser shows the URL as it came (and
        # re-encoding it, "cluster=th-ubnd:cum-08" → "…%3A…", would add an entry of its own).
        st.query_params.from_dict(target)
    st.session_state[_LAST] = target
    st.session_state[_LAST_PATH] = run.path
    own = PAGE_KEYS.get(run.path, ())
    pages: dict[str, dict[str, str]] = st.session_state.setdefault(_PAGE_LAST, {})
    pages[run.path] = {k: v for k, v in run.pending.items() if k in own}


def is_history_navigation() -> bool:
    return _run().history


def arrived() -> bool:
    """This run opened a page or an address (a link, the menu, a search result, back or
    forward), rather than answering a widget of the page already shown. Needs the page's path
    (`drop_foreign_keys`)."""
    run = _run()
    last = st.session_state.get(_LAST)
    return (
        run.history
        or last is None
        or run.incoming != last
        or run.path != st.session_state.get(_LAST_PATH)
    )


def url_params() -> dict[str, str]:
    """The URL's parameters as this run found them."""
    return dict(_run().incoming)


def globals_from_outside() -> bool:
    """The URL's filters are not those this session left there: the first run, a link, back or
    forward. The sidebar then takes its filters from the URL."""
    run = _run()
    last = st.session_state.get(_LAST)
    if run.history or last is None:
        return True
    return any(run.incoming.get(k) != last.get(k) for k in GLOBAL_KEYS)


def set_globals(values: Mapping[str, str]) -> None:
    """The sidebar's filters as they should read in the URL (a key left out is removed)."""
    pending = _run().pending
    for key in GLOBAL_KEYS:
        if key in values:
            pending[key] = values[key]
        else:
            pending.pop(key, None)


def global_params() -> dict[str, str]:
    """The filters of this run, as the URL will carry them."""
    pending = _run().pending
    return {k: pending[k] for k in GLOBAL_KEYS if k in pending}


def nav_params(url_path: str) -> dict[str, str]:
    """What a menu link to a page carries: the filters and that page's own last choices."""
    pages: dict[str, dict[str, str]] = st.session_state.get(_PAGE_LAST, {})
    last = pages.get(url_path) or pages.get("" if url_path == "tong-quan" else url_path) or {}
    return {**global_params(), **last}


def page_href(url_path: str, **params: str) -> str:
    """A relative link to another page that keeps the global filters: "don-vi?unit=…&synth=0"."""
    query = global_params()
    query.update(params)
    return f"{url_path}?{urlencode(query)}" if query else url_path


def drop_foreign_keys(url_path: str) -> None:
    """Remove the URL parameters that belong to other pages than the one about to run."""
    run = _run()
    run.path = url_path
    own = set(PAGE_KEYS.get(url_path, ()))
    for key in sorted(_ALL_PAGE_KEYS - own):
        run.pending.pop(key, None)


def _url_value(url_key: str) -> str | None:
    value = _run().incoming.get(url_key)
    return value if value else None


def _written_key(url_key: str) -> str:
    return f"_url_written_{url_key}"


def _kept_key(url_key: str) -> str:
    return f"_url_kept_{url_key}"


def _write(url_key: str, text: str | None) -> None:
    st.session_state[_written_key(url_key)] = text
    pending = _run().pending
    if text is None:
        pending.pop(url_key, None)
    else:
        pending[url_key] = text


def _from_link(url_key: str) -> str | None:
    """The URL's value when it came from outside this session's own writes (a link, a reload,
    back or forward)."""
    value = _url_value(url_key)
    if value is not None and (
        is_history_navigation() or value != st.session_state.get(_written_key(url_key))
    ):
        return value
    return None


def linked_value(url_key: str) -> str | None:
    """The URL's value of `url_key` if it came from a link (not written by this session)."""
    return _from_link(url_key)


def wanted(url_key: str, widget_key: str) -> str | None:
    """The value a page is about to show, before its options are known (to pin it in a query)."""
    if is_history_navigation():
        return _url_value(url_key)
    for value in (_from_link(url_key), st.session_state.get(widget_key), kept_value(url_key)):
        if isinstance(value, str) and value:
            return value
    return None


def wanted_many(url_key: str, widget_key: str) -> tuple[str, ...]:
    linked = _from_link(url_key)
    if linked:
        return tuple(linked.split(_SEP))
    if is_history_navigation():
        return ()
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
    if is_history_navigation():
        # Back or forward: the entry's URL did not name a value, so it showed the default.
        st.session_state[widget_key] = default
        return
    if st.session_state.get(widget_key) in options:
        return
    kept = st.session_state.get(_kept_key(url_key))
    st.session_state[widget_key] = kept if kept in options else default


def publish_one(
    url_key: str, value: str | None, default: str | None, *, subject_default: str | None = None
) -> None:
    """After the widget: remember the value for this session and put it in the URL.

    `subject_default`: the page's subject (always written) and its default; left at the default
    in a URL that does not name it, it is not a change by itself (see `finish_run`).
    """
    st.session_state[_kept_key(url_key)] = value
    _write(url_key, None if value is None or value == default else value)
    if subject_default is not None and value == subject_default:
        _run().implied.add(url_key)


def seed_many(
    url_key: str, widget_key: str, options: Sequence[str], default: Sequence[str], limit: int
) -> None:
    """Before a multiselect: the same rules, with the URL holding comma-separated ids."""
    allowed = set(options)
    linked = _from_link(url_key)
    if linked is not None:
        picked = [v for v in dict.fromkeys(linked.split(_SEP)) if v in allowed][:limit]
        # A link naming none the page can show picks none: other values under its address
        # would pass for the ones it names (the page says which it could not show).
        st.session_state[widget_key] = picked
        return
    current = st.session_state.get(widget_key)
    if (
        not is_history_navigation()
        and isinstance(current, list)
        and current
        and all(v in allowed for v in current)
    ):
        return
    kept = st.session_state.get(_kept_key(url_key))
    if (
        not is_history_navigation()
        and isinstance(kept, list)
        and kept
        and all(v in allowed for v in kept)
    ):
        st.session_state[widget_key] = list(kept)[:limit]
    else:
        st.session_state[widget_key] = [v for v in default if v in allowed][:limit]


def unknown_in_link(url_key: str, options: Sequence[str]) -> list[str]:
    """The comma-separated ids a link names under `url_key` that are not among `options`."""
    linked = _from_link(url_key)
    if linked is None:
        return []
    allowed = set(options)
    return [v for v in dict.fromkeys(linked.split(_SEP)) if v and v not in allowed]


def publish_many(
    url_key: str,
    values: Sequence[str],
    default: Sequence[str] | None = None,
    *,
    keep_link: bool = False,
) -> None:
    """After a multiselect: remember the picks and always name them in the URL (the `default`
    picks, in a URL that does not name any, are not a change by themselves: `finish_run`).

    `keep_link`: the picks are what a link named, less ids the page cannot show (and says so):
    the URL keeps the link as it came, unknown ids included, rather than rewriting it.
    """
    st.session_state[_kept_key(url_key)] = list(values)
    linked = _from_link(url_key) if keep_link else None
    if linked is not None:
        _write(url_key, linked)
        return
    _write(url_key, _SEP.join(values) if values else None)
    if default is not None and list(values) == list(default):
        _run().implied.add(url_key)


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
    elif is_history_navigation():
        code = default
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
    unknown: Callable[[str], None] | None = None,
) -> str | None:
    """Seed, draw (with `draw(widget_key)`) and publish a single choice bound to `url_key`.

    `always`: write the value even when it is the default. The subject of a page (the cluster,
    the unit) always goes in the URL, so a link keeps naming it when new data changes the default.

    `unknown`: for a page's subject. A link naming a value that is not among the options is not
    replaced by the default (which would show another cluster under the link's address): the
    page gets `unknown(value)` to say so, the widget is drawn without a value and None is
    returned, and the URL keeps the value as typed. Once the user picks one, it replaces it.
    """
    widget_key = f"url_{url_key}"
    linked = _from_link(url_key)
    if unknown is not None and linked is not None and linked not in options:
        reported = f"_url_unknown_{url_key}"
        if is_history_navigation() or st.session_state.get(reported) != linked:
            st.session_state[reported] = linked
            st.session_state[widget_key] = None
        if st.session_state.get(widget_key) not in options:
            unknown(linked)
            draw(widget_key)
            return None
    else:
        seed_one(url_key, widget_key, options, default)
    value = draw(widget_key)
    picked = value if isinstance(value, str) and value in options else default
    publish_one(
        url_key,
        picked,
        None if always else default,
        subject_default=default if always and _url_value(url_key) is None else None,
    )
    return picked
