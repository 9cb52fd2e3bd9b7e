"""Find anything, readable everywhere: the search box above every page, links naming a cluster or
a unit the warehouse does not hold, and the charts' summaries and theme, driven headless with
streamlit.testing.v1.AppTest on the sample warehouse (the real router, no mocks).

A search result is a link (st.page_link); AppTest cannot click one, so following it is done as
the browser does: the link's page with the link's query (tests/test_e2e_navigation.py clicks
them in a real browser).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest
from tests.test_e2e import copy_home

from app_pages import PAGES, RUN_TIMEOUT_S
from thidua.cli import main
from thidua.paths import APP_ENTRY, Home
from thidua.query.read import read_query

CHART_PAGES = {
    "tong-quan": (None,),
    "cum-khoi": ("members", "leaders", "rank", "criteria", "events"),
    "don-vi": (None,),
    "khen-thuong": ("funnel", "compliance"),
    "so-sanh": (None,),
    "thay-doi": (None,),
}
CUM_8 = "th-ubnd:cum-08"


@pytest.fixture
def app(published_home: Home, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("THIDUA_HOME", str(published_home.root))
    return AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S)


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _open(at: AppTest, page: str, **params: str) -> AppTest:
    _run(at)
    at.switch_page(PAGES[page])
    at.query_params.clear()
    at.query_params.update(params)
    return _run(at)


def _search(at: AppTest, text: str) -> list[dict[str, Any]]:
    """Type `text` in the search box: the results, best first, as {label, page, query}."""
    at.text_input(key="search_q").set_value(text)
    _run(at)
    results = []
    for link in at.main.get("page_link"):
        results.append(
            {
                "label": link.proto.label,
                "page": link.proto.page,
                "query": dict(parse_qsl(link.proto.query_string)),
            }
        )
    return results


def _follow(at: AppTest, result: dict[str, Any]) -> AppTest:
    """What a click on a result does: its page, with its query."""
    at.switch_page(PAGES[result["page"]])
    at.query_params.clear()
    at.query_params.update(result["query"])
    return _run(at)


def _warnings(at: AppTest) -> str:
    return "\n".join(str(w.value) for w in at.warning)


# --- the search box ------------------------------------------------------------------------------


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_has_the_search_box(app: AppTest, page: str) -> None:
    at = _open(app, page)
    box = at.text_input(key="search_q")
    assert box.placeholder.startswith("Tìm đơn vị")
    assert _search(at, "Sở Tư pháp")[0]["query"]["unit"] == "th-so-tu-phap"


@pytest.mark.parametrize(
    "typed",
    [
        unicodedata.normalize("NFD", "Sở Tư pháp"),  # decomposed, as some keyboards send it
        "so tu phap",  # no diacritics
        "STP",  # initials
        "Sở Tư pháp Thanh Hóa",  # with the province
        "Sở Tư pháp tỉnh Thanh Hoá",  # "tỉnh" and the old tone-mark placement
    ],
)
def test_the_search_finds_a_unit_however_it_is_written(app: AppTest, typed: str) -> None:
    at = _run(app)
    first = _search(at, typed)[0]
    assert first["page"] == "don-vi"
    assert first["query"]["unit"] == "th-so-tu-phap"
    assert first["label"] == "Sở Tư pháp"


def test_the_search_finds_a_unit_by_its_alias_and_says_so(app: AppTest) -> None:
    at = _run(app)
    first = _search(at, "Sở GD-ĐT")[0]  # an alias of the seed (seeds/unit_aliases.csv)
    assert first["query"]["unit"] == "th-so-gddt"
    assert first["label"] == "Sở Giáo dục và Đào tạo (theo tên “Sở GD-ĐT”)"
    assert _search(at, "Sở GD&ĐT")[0]["query"]["unit"] == "th-so-gddt"  # its short name
    assert _search(at, "Đài PTTH")[0]["query"]["unit"] == "th-dai-ptth"


@pytest.mark.parametrize("typed", ["Cụm 8", "cụm thi đua số VIII", "Cum thi dua so 8"])
def test_the_search_finds_a_cluster_by_number_or_roman_numeral(app: AppTest, typed: str) -> None:
    at = _run(app)
    first = _search(at, typed)[0]
    assert first == {
        "label": "Cụm thi đua số 8",
        "page": "cum-khoi",
        "query": {"cluster": CUM_8},
    }


def test_choosing_a_result_opens_its_page_with_the_filters(app: AppTest) -> None:
    at = _open(app, "khen-thuong", synth="0")
    unit = _search(at, "STP")[0]
    assert unit["query"] == {"unit": "th-so-tu-phap", "synth": "0"}  # the filters travel
    at = _follow(at, unit)
    assert at.selectbox(key="url_unit").value == "th-so-tu-phap"
    assert at.toggle(key="synth").value is False
    assert at.text_input(key="search_q").value == ""  # the new page starts with an empty box
    cluster = _search(at, "Cụm VIII")[0]
    at = _follow(at, cluster)
    assert at.selectbox(key="url_cluster").value == CUM_8
    assert at.query_params == {"cluster": CUM_8, "synth": "0"}


def test_the_search_says_when_nothing_matches(app: AppTest) -> None:
    at = _run(app)
    assert _search(at, "Không có đơn vị này xyz") == []
    assert "Không tìm thấy đơn vị hay cụm/khối nào khớp" in "\n".join(
        str(c.value) for c in at.caption
    )


def test_the_unit_pages_filter_uses_the_same_search(app: AppTest) -> None:
    at = _open(app, "don-vi", q="STP")
    options = at.selectbox(key="url_unit").options
    assert options and all("Sở Tư pháp" in o for o in options)


def test_an_alias_loaded_with_thidua_aliases_add_is_published_and_found(
    published_home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A spelling added by an analyst reaches marts.dim_unit_alias and the search box."""
    home = copy_home(published_home, tmp_path / "home")
    alias = "Phòng Tư pháp tỉnh TH"
    assert main(["--home", str(home.root), "aliases", "add", alias, "th-so-tu-phap"]) == 0
    assert main(["--home", str(home.root), "build"]) == 0
    rows = read_query(
        home.published_db,
        "select unit_id, alias_source from marts.dim_unit_alias where alias = $a",
        {"a": alias},
    ).rows()
    assert rows == [("th-so-tu-phap", "added")]
    seeded = read_query(
        home.published_db,
        "select count(*) from marts.dim_unit_alias where alias_source = 'seed'",
    ).item()
    assert (
        seeded
        == read_query(home.published_db, "select count(*) from reference.unit_aliases").item()
    )
    monkeypatch.setenv("THIDUA_HOME", str(home.root))
    at = _run(AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S))
    first = _search(at, "phong tu phap tinh th")[0]
    assert first["query"]["unit"] == "th-so-tu-phap"


# --- links naming what the warehouse does not hold -----------------------------------------------


def test_an_unknown_cluster_in_a_link_is_said_and_the_url_kept(app: AppTest) -> None:
    link = {"cluster": "th-ubnd:cum-99", "tab": "rank"}
    at = _open(app, "cum-khoi", **link)
    assert "Không tìm thấy cụm/khối thi đua “th-ubnd:cum-99” trong kho" in _warnings(at)
    assert at.query_params == link  # as typed: no other cluster put in its place
    assert not at.get("vega_lite_chart")  # and no other cluster's charts
    assert at.selectbox(key="url_cluster").value is None
    # Choosing a cluster then replaces the unknown one.
    at.selectbox(key="url_cluster").set_value(CUM_8)
    _run(at)
    assert at.query_params["cluster"] == CUM_8
    assert not _warnings(at)


def test_an_unknown_unit_in_a_link_is_said_and_the_url_kept(app: AppTest) -> None:
    at = _open(app, "don-vi", unit="th-khong-co")
    assert "Không tìm thấy đơn vị “th-khong-co” trong kho" in _warnings(at)
    assert at.query_params == {"unit": "th-khong-co"}


def test_a_cluster_outside_the_filters_is_named_and_kept(app: AppTest) -> None:
    # The link asks for blocks only (kind=khoi): Cụm 7 is a cluster, not a block.
    link = {"cluster": "th-ubnd:cum-07", "kind": "khoi"}
    at = _open(app, "cum-khoi", **link)
    assert "Cụm thi đua số 7 không có dữ liệu trong các năm và bộ lọc đang chọn" in _warnings(at)
    assert at.query_params == link


def test_unknown_clusters_in_a_compare_link_are_said_and_the_url_kept(app: AppTest) -> None:
    link = {"clusters": f"th-ubnd:cum-05,th-ubnd:cum-99,{CUM_8}"}
    at = _open(app, "so-sanh", **link)
    assert "Không hiển thị: “th-ubnd:cum-99”" in _warnings(at)
    assert at.query_params == link  # as typed, the unknown id included
    assert at.multiselect(key="url_clusters").value == ["th-ubnd:cum-05", CUM_8]
    assert at.get("vega_lite_chart")  # the two it knows are compared
    # A new choice replaces the link, and the notice goes.
    at.multiselect(key="url_clusters").unselect("th-ubnd:cum-05")
    at.multiselect(key="url_clusters").select("th-ubnd:cum-07")
    _run(at)
    assert at.query_params["clusters"] == f"{CUM_8},th-ubnd:cum-07"
    assert not _warnings(at)


def test_a_compare_link_naming_no_known_cluster_compares_none(app: AppTest) -> None:
    link = {"clusters": "th-ubnd:cum-98,th-ubnd:cum-99"}
    at = _open(app, "so-sanh", **link)
    assert "Không hiển thị: “th-ubnd:cum-98”, “th-ubnd:cum-99”" in _warnings(at)
    assert at.multiselect(key="url_clusters").value == []  # no default passed off as the link's
    assert not at.get("vega_lite_chart")
    assert at.query_params == link


def test_the_menu_opens_the_overview_at_its_readme_path(app: AppTest) -> None:
    at = _open(app, "cum-khoi")
    menu = {link.proto.label: link.proto.page for link in at.sidebar.get("page_link")}
    assert menu["Tổng quan"] == "tong-quan"
    assert menu["Cụm/Khối"] == "cum-khoi"


def test_menu_links_carry_the_filters_and_the_pages_last_choices(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="rank")
    at.toggle(key="synth").set_value(False)
    _run(at)
    menu = {
        link.proto.page: dict(parse_qsl(link.proto.query_string))
        for link in at.sidebar.get("page_link")
    }
    assert menu["cum-khoi"] == {"cluster": CUM_8, "tab": "rank", "synth": "0"}
    assert menu["khen-thuong"] == {"synth": "0"}


# --- charts: one-line summaries, the shared theme ------------------------------------------------


def _chart_rows(at: AppTest, index: int) -> list[dict[str, Any]]:
    chart = at.get("vega_lite_chart")[index]
    rows: list[dict[str, Any]] = []
    for dataset in chart.proto.datasets:
        rows += pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
    return rows


def _summaries(at: AppTest) -> list[str]:
    """The captions that are a chart's summary (its description), in page order."""
    described = {spec.get("description") for spec in _specs(at)}
    return [str(c.value) for c in at.caption if str(c.value) in described]


def _specs(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


@pytest.mark.parametrize(
    ("page", "tab"), [(p, tab) for p, tabs in CHART_PAGES.items() for tab in tabs]
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_chart_carries_a_one_line_summary(
    app: AppTest, page: str, tab: str | None, lang: str
) -> None:
    params = {"lang": lang} | ({"tab": tab} if tab else {})
    if page == "cum-khoi":
        params["cluster"] = CUM_8
    at = _open(app, page, **params)
    specs = _specs(at)
    summaries = _summaries(at)
    assert specs, (page, tab)
    assert len(summaries) == len(specs), (page, tab)
    for spec, summary in zip(specs, summaries, strict=True):
        assert spec["description"] == summary  # also the chart's accessible description
        assert "\n" not in summary and summary.endswith(".")
        assert "{" not in summary  # every placeholder filled
    if lang == "en":
        assert not any(re.search(r"\b(năm|nhất)\b", s) for s in summaries), summaries


def test_a_summary_states_the_highest_value_the_chart_draws(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="rank")
    # the score spread (share of the maximum, one dot per unit and year) is the second chart
    rows = [r for r in _chart_rows(at, 1) if r.get("share_of_max") is not None]
    top = max(rows, key=lambda r: (r["share_of_max"], r["results_year"]))
    share = f"{top['share_of_max'] * 100:.1f}".replace(".", ",")
    assert _summaries(at)[1] == f"Cao nhất: {top['unit_name']}, {share}% năm {top['results_year']}."
    # the rank chart: the unit ranked first in the most years
    firsts: dict[str, int] = {}
    for r in _chart_rows(at, 0):
        if r.get("rank") == 1:
            firsts[r["unit_name"]] = firsts.get(r["unit_name"], 0) + 1
    most = max(firsts.values())
    assert any(
        _summaries(at)[0] == f"Đứng đầu nhiều năm nhất: {name} ({n} năm)."
        for name, n in firsts.items()
        if n == most
    )


def test_a_summary_follows_the_synthetic_switch(app: AppTest, published_home: Home) -> None:
    # With generated values hidden, the latest leader the chart draws is the latest real one.
    (year, name) = read_query(
        published_home.published_db,
        "select results_year, unit_name from marts.fct_leadership where cluster_id = $c"
        " and role = 'leader' and not is_synthetic order by results_year desc limit 1",
        {"c": CUM_8},
    ).row(0)
    assert (year, name) == (2022, "Ban Dân tộc tỉnh Thanh Hóa")  # article:002
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="leaders", synth="0")
    assert _summaries(at)[0] == f"Trưởng cụm/khối năm {year}: {name}."
    (latest, anyone) = read_query(
        published_home.published_db,
        "select results_year, unit_name from marts.fct_leadership where cluster_id = $c"
        " and role = 'leader' order by results_year desc limit 1",
        {"c": CUM_8},
    ).row(0)
    assert latest > year  # the generator's years after the articles
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="leaders")
    assert _summaries(at)[0] == f"Trưởng cụm/khối năm {latest}: {anyone}."


def _luminance(hex_color: str) -> float:
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast_on_white(hex_color: str) -> float:
    return 1.05 / (_luminance(hex_color) + 0.05)


@pytest.mark.parametrize("page", list(CHART_PAGES))
def test_charts_share_a_readable_theme_with_legends_below(app: AppTest, page: str) -> None:
    params = {"cluster": CUM_8} if page == "cum-khoi" else {}
    at = _open(app, page, **params)
    for spec in _specs(at):
        config = spec["config"]
        for part in ("axis", "legend"):
            for key in ("labelColor", "titleColor"):
                assert _contrast_on_white(config[part][key]) >= 4.5, (page, part, key)
        assert config["legend"]["orient"] == "bottom"
        assert spec["autosize"]["type"] == "fit-x"  # legends below add height, not squeeze
        # no chart puts its own legend back beside the plot
        drawn = json.dumps({k: v for k, v in spec.items() if k != "config"})
        assert not re.findall(r'"orient": "(?:left|right|top)"', drawn), page


def test_captions_are_drawn_dark_enough(app_module: Callable[[str], ModuleType]) -> None:
    page_style = app_module("page_style")
    # Streamlit draws captions in its text colour (#2f2d2b) at this opacity on white.
    text, opacity = (0x2F, 0x2D, 0x2B), page_style.CAPTION_OPACITY
    shown = "#" + "".join(f"{round(c * opacity + 255 * (1 - opacity)):02x}" for c in text)
    assert _contrast_on_white(shown) >= 4.5


def test_grid_columns_are_as_wide_as_their_headers(app_module: Callable[[str], ModuleType]) -> None:
    tables = app_module("tables")
    assert tables.fitted_width("small", "Năm thi đua") != "small"  # 75 px cut it to "Năm thi đu…"
    assert tables.fitted_width("small", "Năm thi đua") >= tables.header_px("Năm thi đua")
    assert tables.fitted_width("large", "Đơn vị") == "large"
    assert tables.fitted_width(None, "Năm thi đua") is None
