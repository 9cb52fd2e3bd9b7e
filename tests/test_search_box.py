"""app/search_box.py, the search box above every page, on the sample warehouse.

`find` (the ranking behind the box) is called directly with a ViewContext on the published
warehouse: a unit is found by a spelling without diacritics, NFD-decomposed text, its short form
("Sở GD&ĐT" for "Sở Giáo dục và Đào tạo"), a seeded alias, initials, or its name with the
province appended; a cluster by its number in Arabic or Roman numerals; the sidebar's kind and
organiser filters narrow what is found. `render_search` runs in a real Streamlit script
(AppTest.from_function): each result is a link to the unit's or the cluster's page carrying the
right id and the filters, says by which spelling it was found, in Vietnamese or English, and the
box says when nothing matches.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from app_pages import PAGES, RUN_TIMEOUT_S
from thidua.paths import Home
from thidua.query.dashboard.common import Filters
from thidua.query.read import publish_stamp

ALL_YEARS = (2000, 2100)
CUM_8 = "th-ubnd:cum-08"
GDDT = "th-so-gddt"
TU_PHAP = "th-so-tu-phap"


@pytest.fixture
def search_box(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/search_box.py, imported as Streamlit imports the app's modules."""
    return app_module("search_box")


@pytest.fixture
def make_view(app_module: Callable[[str], ModuleType], published_home: Home) -> Callable[..., Any]:
    """A ViewContext on the published sample warehouse, as the sidebar builds it."""
    context = app_module("app_context")
    db = str(published_home.published_db)

    def build(
        *, organizer_id: str | None = None, cluster_kind: str | None = None, lang: str = "vi"
    ) -> Any:
        filters = Filters(ALL_YEARS, organizer_id, cluster_kind, True)
        return context.ViewContext(db, publish_stamp(db), lang, filters, "", None)

    return build


def _first(search_box: ModuleType, view: Any, text: str) -> tuple[str, str, str]:
    hits = search_box.find(view, text)
    assert hits, f"nothing found for {text!r}"
    return hits[0].kind, hits[0].target_id, hits[0].label


# --- where a result leads ----------------------------------------------------------------------


def test_a_unit_result_opens_the_unit_page_and_a_cluster_result_the_cluster_page(
    search_box: ModuleType,
) -> None:
    assert search_box.TARGETS == {"unit": ("don-vi", "unit"), "cluster": ("cum-khoi", "cluster")}
    assert {path for path, _param in search_box.TARGETS.values()} <= set(PAGES)


# --- find: a unit however it is written --------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "so tu phap",  # a keyboard without Vietnamese input
        "SO TU PHAP",
        unicodedata.normalize("NFD", "Sở Tư pháp"),  # decomposed, as some keyboards send it
        "STP",  # initials
        "Sở Tư pháp Thanh Hóa",  # the province appended
        "Sở Tư pháp tỉnh Thanh Hoá",  # "tỉnh" and the old tone-mark placement
        "so tu phap tinh thanh hoa",
    ],
)
def test_find_puts_the_unit_first_however_its_name_is_written(
    search_box: ModuleType, make_view: Callable[..., Any], typed: str
) -> None:
    assert _first(search_box, make_view(), typed) == ("unit", TU_PHAP, "Sở Tư pháp")


@pytest.mark.parametrize(
    "typed", ["Sở GD&ĐT", "So GD&DT", "sở gd-đt", "Sở GD và ĐT", "Sở GD-ĐT", "Sở Giáo dục"]
)
def test_find_reads_an_abbreviation_or_alias_as_the_full_unit_name(
    search_box: ModuleType, make_view: Callable[..., Any], typed: str
) -> None:
    assert _first(search_box, make_view(), typed) == ("unit", GDDT, "Sở Giáo dục và Đào tạo")


def test_find_reports_the_alias_a_unit_was_found_by(
    search_box: ModuleType, make_view: Callable[..., Any]
) -> None:
    hit = search_box.find(make_view(), "Sở GD-ĐT")[0]
    assert (hit.target_id, hit.spelling) == (GDDT, "Sở GD-ĐT")


def test_find_reads_an_abbreviation_with_the_province_appended(
    search_box: ModuleType, make_view: Callable[..., Any]
) -> None:
    typed = "Sở GD&ĐT tỉnh Thanh Hóa"
    assert _first(search_box, make_view(), typed) == ("unit", GDDT, "Sở Giáo dục và Đào tạo")


def test_a_province_the_warehouse_does_not_hold_finds_nothing_exact(
    search_box: ModuleType, make_view: Callable[..., Any]
) -> None:
    # Nam Định is no organiser's province here: the text is not cut, so no unit is an exact or
    # word-for-word match of "Sở Tư pháp tỉnh Nam Định".
    hits = search_box.find(make_view(), "Sở Tư pháp tỉnh Nam Định")
    assert all(hit.tier > 1 for hit in hits)


# --- find: a cluster by number -----------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Cụm 8", "cum 8", "cụm thi đua số VIII", "Cụm VIII"])
def test_find_puts_a_cluster_first_by_its_number_arabic_or_roman(
    search_box: ModuleType, make_view: Callable[..., Any], typed: str
) -> None:
    assert _first(search_box, make_view(), typed) == ("cluster", CUM_8, "Cụm thi đua số 8")


def test_the_kind_filter_hides_clusters_of_the_other_kind(
    search_box: ModuleType, make_view: Callable[..., Any]
) -> None:
    assert CUM_8 in {hit.target_id for hit in search_box.find(make_view(), "Cụm 8")}
    hidden = search_box.find(make_view(cluster_kind="khoi"), "Cụm 8")
    assert CUM_8 not in {hit.target_id for hit in hidden}


def test_an_organiser_the_warehouse_does_not_hold_finds_no_unit(
    search_box: ModuleType, make_view: Callable[..., Any]
) -> None:
    assert search_box.find(make_view(organizer_id="th-ubnd"), "Sở Tư pháp")
    assert search_box.find(make_view(organizer_id="no-such-organiser"), "Sở Tư pháp") == []


# --- find: what it does not find, and how many -------------------------------------------------


def test_find_returns_nothing_for_nonsense(
    search_box: ModuleType, make_view: Callable[..., Any]
) -> None:
    assert search_box.find(make_view(), "Không có đơn vị này xyz") == []


@pytest.mark.parametrize("typed", ["", "S", " ở ", "-"])
def test_find_waits_for_two_letters(
    search_box: ModuleType, make_view: Callable[..., Any], typed: str
) -> None:
    assert search_box.find(make_view(), typed) == []


def test_find_returns_at_most_the_limit_best_first(
    search_box: ModuleType, make_view: Callable[..., Any]
) -> None:
    view = make_view()
    many = search_box.find(view, "Sở")  # every department
    assert len(many) == search_box.MAX_RESULTS
    three = search_box.find(view, "Sở", limit=3)
    assert [hit.target_id for hit in three] == [hit.target_id for hit in many[:3]]
    ranks = [(hit.tier, -hit.score) for hit in many]
    assert ranks == sorted(ranks)


# --- render_search in a Streamlit run ----------------------------------------------------------


def _page_search(db: str, lang: str, cluster_kind: str | None) -> None:
    """The router's part around the box: the URL taken, the view built as the sidebar does, the
    pages the results link to (blank pages under the app's url paths), the box, the URL written.
    (Run by AppTest: builtin annotations only, imports inside.)"""
    import streamlit as st

    import url_state
    from app_context import ViewContext
    from search_box import render_search
    from thidua.query.dashboard.common import Filters
    from thidua.query.read import publish_stamp

    url_state.begin_run()
    url_state.drop_foreign_keys("tong-quan")
    synthetic = st.query_params.get("synth") != "0"
    filters = Filters((2000, 2100), None, cluster_kind, synthetic)
    view = ViewContext(db, publish_stamp(db), lang, filters, "", None)  # type: ignore[arg-type]

    def blank() -> None:
        pass

    pages = {path: st.Page(blank, title=path, url_path=path) for path in ("don-vi", "cum-khoi")}
    render_search(view, pages)
    url_state.finish_run()


def _box(db: str, *, lang: str = "vi", cluster_kind: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_function(
        _page_search,
        default_timeout=RUN_TIMEOUT_S,
        kwargs={"db": db, "lang": lang, "cluster_kind": cluster_kind},
    )
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _type(at: AppTest, text: str) -> list[dict[str, Any]]:
    """Type `text` in the box: the result links, best first, as {label, page, query, help}."""
    at.text_input(key="search_q").set_value(text)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return [
        {
            "label": link.proto.label,
            "page": link.proto.page,
            "query": dict(parse_qsl(link.proto.query_string)),
            "help": link.proto.help,
        }
        for link in at.main.get("page_link")
    ]


def _captions(at: AppTest) -> str:
    return "\n".join(str(caption.value) for caption in at.caption)


def test_the_box_links_a_unit_typed_without_diacritics_to_its_page(
    published_home: Home,
) -> None:
    at = _box(str(published_home.published_db))
    first = _type(at, "so tu phap")[0]
    assert first == {
        "label": "Sở Tư pháp",
        "page": "don-vi",
        "query": {"unit": TU_PHAP},
        "help": "Mở trang đơn vị",
    }
    assert "Kết quả cho “so tu phap”" in _captions(at)


def test_the_box_links_a_cluster_to_the_cluster_page_with_its_id(published_home: Home) -> None:
    at = _box(str(published_home.published_db))
    first = _type(at, "Cụm VIII")[0]
    assert first == {
        "label": "Cụm thi đua số 8",
        "page": "cum-khoi",
        "query": {"cluster": CUM_8},
        "help": "Mở trang cụm/khối",
    }


def test_a_result_found_by_an_alias_says_the_alias(published_home: Home) -> None:
    at = _box(str(published_home.published_db))
    first = _type(at, "Sở GD-ĐT")[0]
    assert first["label"] == "Sở Giáo dục và Đào tạo (theo tên “Sở GD-ĐT”)"
    assert first["query"] == {"unit": GDDT}


def test_a_result_found_by_its_short_form_with_the_province_links_to_the_unit(
    published_home: Home,
) -> None:
    at = _box(str(published_home.published_db))
    first = _type(at, "Sở GD&ĐT Thanh Hóa")[0]
    assert first["page"] == "don-vi"
    assert first["query"] == {"unit": GDDT}
    assert first["label"].startswith("Sở Giáo dục và Đào tạo")


def test_the_results_speak_english_when_the_view_does(published_home: Home) -> None:
    at = _box(str(published_home.published_db), lang="en")
    first = _type(at, "Sở GD-ĐT")[0]
    assert first["label"] == "Sở Giáo dục và Đào tạo (as “Sở GD-ĐT”)"
    assert first["help"] == "Open the unit's page"
    assert "Results for “Sở GD-ĐT”" in _captions(at)


def test_a_result_link_carries_the_sidebar_filters(published_home: Home) -> None:
    at = _box(str(published_home.published_db), synth="0")
    first = _type(at, "STP")[0]
    assert first["query"] == {"unit": TU_PHAP, "synth": "0"}


def test_the_box_says_when_nothing_matches_and_links_nothing(published_home: Home) -> None:
    at = _box(str(published_home.published_db))
    assert _type(at, "xyz không có") == []
    assert "Không tìm thấy đơn vị hay cụm/khối nào khớp “xyz không có”" in _captions(at)


def test_the_kind_filter_keeps_other_kinds_clusters_out_of_the_links(
    published_home: Home,
) -> None:
    db = str(published_home.published_db)
    shown = {
        (r["page"], r["query"].get("cluster")) for r in _type(_box(db, cluster_kind="cum"), "Cụm 8")
    }
    assert ("cum-khoi", CUM_8) in shown
    hidden = {
        (r["page"], r["query"].get("cluster"))
        for r in _type(_box(db, cluster_kind="khoi"), "Cụm 8")
    }
    assert ("cum-khoi", CUM_8) not in hidden


def test_an_empty_box_shows_nothing(published_home: Home) -> None:
    at = _box(str(published_home.published_db))
    assert at.text_input(key="search_q").value == ""
    assert at.main.get("page_link") == []
    assert _captions(at) == ""


def test_without_a_warehouse_the_box_stays_quiet(tmp_path: Path) -> None:
    at = _box(str(tmp_path / "missing.duckdb"))
    assert _type(at, "Sở Tư pháp") == []
    assert at.text_input(key="search_q").value == "Sở Tư pháp"  # the box is there, typed in
    assert _captions(at) == ""


def test_following_a_link_starts_the_new_page_with_an_empty_box(published_home: Home) -> None:
    at = _box(str(published_home.published_db))
    assert _type(at, "STP")
    at.query_params["unit"] = TU_PHAP  # the browser opens the result's address
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_input(key="search_q").value == ""
    assert at.main.get("page_link") == []
