"""app/url_state.py in a real Streamlit run (AppTest, no warehouse): a link's value becomes the
widget's, an id the page cannot show is reported and left in the URL as typed, a pick is written
back to the URL (a default tab or year left out), the last choice on a page comes back after
another page, the router drops other pages' parameters, and links to other pages keep the
filters with Vietnamese text percent-encoded.

Each test drives a small page script (the functions `_page_*` below, whose source AppTest runs as
a page) that calls url_state the way the app's pickers and router do, writes what it got with
`st.text("name=value")`, and ends the run with `finish_run`, which writes the URL the browser
would show: `at.query_params` after the run.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from app_pages import RUN_TIMEOUT_S

# app/ on sys.path (conftest's `app_module`), so the page scripts can `import url_state` as the
# app's router does; AppTest runs them in this process.
pytestmark = pytest.mark.usefixtures("app_module")

CLUSTERS = ["th-ubnd:cum-01", "th-ubnd:cum-05", "th-ubnd:cum-08"]
CUM_1, CUM_5, CUM_8 = CLUSTERS
YEARS = ["2021", "2022", "2023"]
QUALITY_TABS = [
    ("build", "quality.tab.build"),
    ("loads", "quality.tab.loads"),
    ("checks", "quality.tab.checks"),
]


# --- page scripts (run by AppTest: builtin annotations only, imports inside) ---------------------


def _page_single(
    url_key: str, options: list[str], default: str, always: bool, report: bool
) -> None:
    """One choice bound to `?<url_key>=` on the cluster page, as pickers.cluster_picker; with
    `st.session_state["test_page"] = "so-sanh"` the run is another page, which shows the menu
    link back to the cluster page."""
    from urllib.parse import urlencode

    import streamlit as st

    import url_state

    url_state.begin_run()
    path = st.session_state.get("test_page", "cum-khoi")
    url_state.drop_foreign_keys(path)
    if path == "cum-khoi":
        widget_key = f"url_{url_key}"
        st.text(f"linked={url_state.linked_value(url_key)}")
        st.text(f"wanted={url_state.wanted(url_key, widget_key)}")

        def unknown(value: str) -> None:
            st.warning(f"unknown={value}")

        picked = url_state.choice(
            url_key,
            options,
            default,
            lambda key: st.selectbox("Cụm/khối", options, key=key),
            always=always,
            unknown=unknown if report else None,
        )
        st.text(f"picked={picked}")
    else:
        st.text(f"menu={urlencode(url_state.nav_params('cum-khoi'))}")
    url_state.finish_run()


def _page_many(options: list[str], default: list[str], limit: int) -> None:
    """The compare page's clusters, `?clusters=a,b`, as pickers.clusters_picker."""
    import streamlit as st

    import url_state

    url_state.begin_run()
    url_state.drop_foreign_keys("so-sanh")
    key = "url_clusters"
    st.text(f"wanted={','.join(url_state.wanted_many('clusters', key))}")
    unknown = url_state.unknown_in_link("clusters", options)
    url_state.seed_many("clusters", key, options, default, limit)
    shown_from_link = list(st.session_state.get(key) or [])
    picked = st.multiselect("Cụm/khối", options, key=key, max_selections=limit)
    url_state.publish_many(
        "clusters",
        list(picked),
        default,
        keep_link=bool(unknown) and list(picked) == shown_from_link,
    )
    st.text(f"unknown={','.join(unknown)}")
    st.text(f"picked={','.join(picked)}")
    url_state.finish_run()


def _page_links(path: str, filters: dict[str, str] | None, params: dict[str, str]) -> None:
    """A page that links to the unit page; `filters`: what the sidebar sets (None: untouched)."""
    from urllib.parse import urlencode

    import streamlit as st

    import url_state

    url_state.begin_run()
    st.text(f"outside={url_state.globals_from_outside()}")
    if filters is not None:
        url_state.set_globals(filters)
    url_state.drop_foreign_keys(path)
    st.text(f"globals={urlencode(url_state.global_params())}")
    st.text(f"href={url_state.page_href('don-vi', **params)}")
    url_state.finish_run()


def _page_tabs(tabs: list[tuple[str, str]]) -> None:
    """The quality page's tabs, `?tab=loads`, in the language `st.session_state["lang"]`."""
    import streamlit as st

    import url_state

    url_state.begin_run()
    url_state.drop_foreign_keys("chat-luong")
    code, _ = url_state.bound_tabs(
        "tab", tabs, key="quality_tab", lang=st.session_state.get("lang", "vi")
    )
    st.text(f"tab={code}")
    url_state.finish_run()


# --- helpers -------------------------------------------------------------------------------------


def _run(at: AppTest) -> AppTest:
    at.run(timeout=RUN_TIMEOUT_S)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _texts(at: AppTest) -> dict[str, str]:
    """What the page wrote with st.text("name=value")."""
    return dict(str(t.value).split("=", 1) for t in at.text)


def _single(
    url_key: str = "cluster",
    *,
    options: list[str] = CLUSTERS,
    default: str = CUM_1,
    always: bool = True,
    report: bool = True,
    **query: str,
) -> AppTest:
    """The first run of a single-choice page opened at `?<query>`. Defaults: the cluster page's
    subject (always in the URL, an unknown id reported)."""
    at = AppTest.from_function(
        _page_single,
        default_timeout=RUN_TIMEOUT_S,
        kwargs={
            "url_key": url_key,
            "options": options,
            "default": default,
            "always": always,
            "report": report,
        },
    )
    at.query_params.update(query)
    return _run(at)


def _pick(at: AppTest, value: str, url_key: str = "cluster") -> AppTest:
    """The user picks `value` in the page's selectbox."""
    at.selectbox(key=f"url_{url_key}").set_value(value)
    return _run(at)


def _many(
    *, options: list[str] = CLUSTERS, default: list[str] | None = None, limit: int = 3, **query: str
) -> AppTest:
    at = AppTest.from_function(
        _page_many,
        default_timeout=RUN_TIMEOUT_S,
        kwargs={"options": options, "default": default or [CUM_1, CUM_5], "limit": limit},
    )
    at.query_params.update(query)
    return _run(at)


def _links(
    path: str = "cum-khoi",
    filters: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
    **query: str,
) -> AppTest:
    at = AppTest.from_function(
        _page_links,
        default_timeout=RUN_TIMEOUT_S,
        kwargs={"path": path, "filters": filters, "params": params or {}},
    )
    at.query_params.update(query)
    return _run(at)


def _tabs(**query: str) -> AppTest:
    at = AppTest.from_function(
        _page_tabs, default_timeout=RUN_TIMEOUT_S, kwargs={"tabs": QUALITY_TABS}
    )
    at.query_params.update(query)
    return _run(at)


# --- one choice ----------------------------------------------------------------------------------


def test_a_link_naming_a_cluster_opens_the_picker_on_it() -> None:
    at = _single(cluster=CUM_5)
    assert at.selectbox(key="url_cluster").value == CUM_5
    texts = _texts(at)
    assert texts["picked"] == CUM_5
    # before the widget is drawn, the page already knows what it will show (to pin a query)
    assert texts["linked"] == CUM_5
    assert texts["wanted"] == CUM_5
    # the URL is the link as it came: nothing to write back
    assert at.query_params == {"cluster": CUM_5}


def test_a_page_opened_without_parameters_shows_the_default_and_keeps_its_bare_address() -> None:
    at = _single()
    assert at.selectbox(key="url_cluster").value == CUM_1
    assert _texts(at)["picked"] == CUM_1
    assert _texts(at)["linked"] == "None"
    # `/cum-khoi` from the README is not turned into a second history entry `?cluster=…`
    assert at.query_params == {}


def test_an_empty_parameter_counts_as_no_link() -> None:
    at = _single(cluster="")
    assert _texts(at)["linked"] == "None"
    assert at.selectbox(key="url_cluster").value == CUM_1


def test_picking_a_cluster_writes_it_to_the_url() -> None:
    at = _pick(_single(), CUM_8)
    assert _texts(at)["picked"] == CUM_8
    assert at.query_params == {"cluster": CUM_8}


def test_the_url_this_session_wrote_does_not_undo_the_next_pick() -> None:
    at = _pick(_single(), CUM_8)
    # the URL now says cum-08, written by this session: not a link, so the widget's pick wins
    at = _pick(at, CUM_5)
    assert _texts(at)["linked"] == "None"
    assert _texts(at)["picked"] == CUM_5
    assert at.query_params == {"cluster": CUM_5}


def test_the_subject_is_written_with_its_default_once_the_user_changes_it_back() -> None:
    at = _pick(_pick(_single(), CUM_8), CUM_1)
    # the page's subject always goes in the URL once written, default or not (a link keeps
    # naming it when new data changes the default)
    assert at.query_params == {"cluster": CUM_1}


def test_a_new_link_in_the_same_session_wins_over_the_widget() -> None:
    at = _pick(_single(), CUM_8)
    at.query_params["cluster"] = CUM_5
    at = _run(at)
    assert at.selectbox(key="url_cluster").value == CUM_5
    assert _texts(at)["linked"] == CUM_5


def test_an_unknown_cluster_in_a_link_is_reported_and_left_in_the_url() -> None:
    at = _single(cluster="th-ubnd:cum-99")
    assert [w.value for w in at.warning] == ["unknown=th-ubnd:cum-99"]
    # no other cluster under the link's address: nothing is selected, the page gets None
    assert at.selectbox(key="url_cluster").value is None
    assert _texts(at)["picked"] == "None"
    assert at.query_params == {"cluster": "th-ubnd:cum-99"}


def test_picking_a_cluster_after_an_unknown_link_replaces_it() -> None:
    at = _pick(_single(cluster="th-ubnd:cum-99"), CUM_5)
    assert not at.warning
    assert _texts(at)["picked"] == CUM_5
    assert at.query_params == {"cluster": CUM_5}


def test_a_value_not_among_the_options_is_never_selected() -> None:
    # a choice without an `unknown` handler (a year, a sort) falls back to its default
    at = _single(
        "year",
        options=YEARS,
        default="2023",
        always=False,
        report=False,
        year="1999",
    )
    assert at.selectbox(key="url_year").value == "2023"
    assert _texts(at)["picked"] == "2023"
    assert not at.warning


def test_a_choice_at_its_default_is_left_out_of_the_url() -> None:
    at = _single("year", options=YEARS, default="2023", always=False, report=False)
    assert at.query_params == {}
    at = _pick(at, "2021", "year")
    assert at.query_params == {"year": "2021"}
    at = _pick(at, "2023", "year")
    assert at.query_params == {}


def test_the_last_choice_on_a_page_comes_back_after_another_page() -> None:
    at = _pick(_single(), CUM_8)
    at.session_state["test_page"] = "so-sanh"
    at = _run(at)
    # the other page drops the cluster page's parameter; its menu link back carries it
    assert at.query_params == {}
    assert parse_qs(_texts(at)["menu"]) == {"cluster": [CUM_8]}
    at.session_state["test_page"] = "cum-khoi"
    at = _run(at)
    # Streamlit dropped the selectbox's state on the other page: the kept copy brings it back
    assert at.selectbox(key="url_cluster").value == CUM_8
    assert _texts(at)["wanted"] == CUM_8
    assert at.query_params == {"cluster": CUM_8}


def test_the_router_drops_other_pages_parameters_and_keeps_the_filters() -> None:
    at = _single(cluster=CUM_5, unit="th:so-y-te", clusters=f"{CUM_1},{CUM_5}", lang="en")
    assert at.query_params == {"cluster": CUM_5, "lang": "en"}


# --- several choices -----------------------------------------------------------------------------


def test_a_link_with_several_clusters_selects_the_known_ones_and_reports_the_rest() -> None:
    at = _many(clusters=f"{CUM_1},th-ubnd:cum-99,{CUM_8}")
    assert at.multiselect(key="url_clusters").value == [CUM_1, CUM_8]
    assert _texts(at)["wanted"] == f"{CUM_1},th-ubnd:cum-99,{CUM_8}"
    assert _texts(at)["unknown"] == "th-ubnd:cum-99"
    # the URL keeps the link as typed, unknown id included (the page says which it cannot show)
    assert at.query_params == {"clusters": f"{CUM_1},th-ubnd:cum-99,{CUM_8}"}


def test_a_link_naming_a_cluster_twice_or_too_many_is_cut_to_the_limit() -> None:
    at = _many(limit=2, clusters=f"{CUM_8},{CUM_8},{CUM_1},{CUM_5}")
    assert at.multiselect(key="url_clusters").value == [CUM_8, CUM_1]
    assert _texts(at)["unknown"] == ""


def test_a_link_naming_no_known_cluster_selects_none_rather_than_the_default() -> None:
    at = _many(clusters="th-ubnd:cum-98,th-ubnd:cum-99")
    assert at.multiselect(key="url_clusters").value == []
    assert _texts(at)["unknown"] == "th-ubnd:cum-98,th-ubnd:cum-99"


def test_without_a_link_the_default_clusters_are_selected_and_the_address_stays_bare() -> None:
    at = _many(default=[CUM_8, CUM_1])
    assert at.multiselect(key="url_clusters").value == [CUM_8, CUM_1]
    assert _texts(at)["wanted"] == ""
    assert at.query_params == {}


def test_default_clusters_the_page_cannot_show_are_not_selected() -> None:
    at = _many(default=["th-ubnd:cum-99", CUM_5])
    assert at.multiselect(key="url_clusters").value == [CUM_5]


def test_changing_the_selection_rewrites_the_link() -> None:
    at = _many(clusters=f"{CUM_1},th-ubnd:cum-99")
    at.multiselect(key="url_clusters").set_value([CUM_1, CUM_5])
    at = _run(at)
    assert at.query_params == {"clusters": f"{CUM_1},{CUM_5}"}
    # the URL is now the session's own: nothing unknown left to report
    assert _texts(at)["unknown"] == ""
    assert _texts(at)["picked"] == f"{CUM_1},{CUM_5}"


# --- links and filters ---------------------------------------------------------------------------


def test_a_link_to_another_page_keeps_the_filters_and_percent_encodes_vietnamese() -> None:
    at = _links(params={"unit": "Sở Y tế"}, lang="en", synth="0", cluster=CUM_5)
    href = _texts(at)["href"]
    # filters in the sidebar's order, then the page's own; the cluster page's `cluster` is not
    # a filter and stays behind
    assert href == "don-vi?lang=en&synth=0&unit=S%E1%BB%9F+Y+t%E1%BA%BF"
    path, query = href.split("?", 1)
    assert path == "don-vi"
    assert parse_qs(query) == {"lang": ["en"], "synth": ["0"], "unit": ["Sở Y tế"]}


def test_a_link_without_filters_or_parameters_is_the_bare_page() -> None:
    at = _links()
    assert _texts(at)["href"] == "don-vi"
    assert _texts(at)["globals"] == ""


def test_a_filter_the_sidebar_leaves_out_is_removed_from_the_url() -> None:
    at = _links(filters={"lang": "en", "from": "2021"}, lang="en", org="th-ubnd", cluster=CUM_5)
    assert parse_qs(_texts(at)["globals"]) == {"lang": ["en"], "from": ["2021"]}
    assert at.query_params == {"lang": "en", "from": "2021", "cluster": CUM_5}


def test_filters_come_from_the_url_only_when_it_is_not_this_sessions_own() -> None:
    at = _links(lang="en")
    assert _texts(at)["outside"] == "True"  # the first run
    at = _run(at)
    assert _texts(at)["outside"] == "False"  # the URL this session left
    at.query_params["lang"] = "vi"
    at = _run(at)
    assert _texts(at)["outside"] == "True"  # a link with another language


# --- tabs ----------------------------------------------------------------------------------------


def test_a_link_naming_a_tab_opens_it() -> None:
    at = _tabs(tab="loads")
    assert _texts(at)["tab"] == "loads"
    assert at.session_state["quality_tab"] == "Nhật ký nạp"
    assert at.query_params == {"tab": "loads"}


def test_the_first_tab_opens_by_default_and_is_left_out_of_the_url() -> None:
    at = _tabs()
    assert _texts(at)["tab"] == "build"
    assert [tab.label for tab in at.tabs] == [
        "Bản công bố và kiểm thử dbt",
        "Nhật ký nạp",
        "Kiểm tra Great Expectations",
    ]
    assert at.query_params == {}


def test_a_link_naming_an_unknown_tab_opens_the_first_one() -> None:
    at = _tabs(tab="nope")
    assert _texts(at)["tab"] == "build"


def test_switching_tabs_writes_the_tab_code_not_its_label() -> None:
    at = _tabs()
    at.session_state["quality_tab"] = "Kiểm tra Great Expectations"
    at = _run(at)
    assert _texts(at)["tab"] == "checks"
    assert at.query_params == {"tab": "checks"}
    at.session_state["quality_tab"] = "Bản công bố và kiểm thử dbt"
    at = _run(at)
    assert at.query_params == {}


def test_a_tab_chosen_under_one_language_stays_open_in_the_other() -> None:
    at = _tabs()
    # the tab widget still holds the Vietnamese label when the page reruns in English
    at.session_state["quality_tab"] = "Kiểm tra Great Expectations"
    at.session_state["lang"] = "en"
    at = _run(at)
    assert _texts(at)["tab"] == "checks"
    assert [tab.label for tab in at.tabs] == [
        "Publish and dbt tests",
        "Load ledger",
        "Great Expectations",
    ]
