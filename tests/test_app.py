"""The Streamlit dashboard, driven headless with streamlit.testing.v1.AppTest; and its strings.

AppTest runs the real router (app/streamlit_app.py) in this process, so THIDUA_HOME set with
monkeypatch is where the app looks for the warehouse, exactly as `thidua demo` sets it. Every page
gets a test that it renders, shows its key elements and reacts to the sidebar's filters; the URL
tests check that a link reproduces a view.
"""

from __future__ import annotations

import importlib
import io
import itertools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pytest
import streamlit as st
import streamlit.testing.v1.app_test as app_test_module
from altair.vegalite.v6.schema.core import Root as VegaLite
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from tests.conftest import copy_warehouse

from app_pages import PAGES, RUN_TIMEOUT_S
from thidua.i18n import catalogue
from thidua.i18n import messages as i18n
from thidua.paths import APP_ENTRY, Home
from thidua.query.dashboard.clusters import q_cluster_results
from thidua.query.dashboard.common import Filters
from thidua.query.dashboard.pages import page_queries

# Generous: the first run imports Altair and pyarrow. A limit to catch a hang, not a timing test.

TITLES = {
    "tong-quan": ("Tổng quan", "Overview"),
    "cum-khoi": ("Cụm / Khối thi đua", "Cluster or block"),
    "don-vi": ("Đơn vị", "Unit"),
    "khen-thuong": ("Khen thưởng", "Awards"),
    "so-sanh": ("So sánh cụm/khối", "Compare clusters"),
    "thay-doi": ("Thay đổi qua các năm", "Changes over the years"),
    "chat-luong": ("Chất lượng dữ liệu", "Data quality"),
    "sql": ("Truy vấn SQL", "SQL query"),
}
# Tabs of the pages that have them (URL code -> what the tab shows first).
TABS = {
    "cum-khoi": ("members", "leaders", "rank", "criteria", "events", "awards"),
    "khen-thuong": ("funnel", "compliance", "list"),
    "chat-luong": ("build", "loads", "checks", "quarantine"),
}
CUM_8 = "th-ubnd:cum-08"


@pytest.fixture
def app(published_home: Home, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("THIDUA_HOME", str(published_home.root))
    return AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S)


@pytest.fixture
def app_dir(monkeypatch: pytest.MonkeyPatch) -> Path:
    """app/ on sys.path, the way Streamlit imports the app's modules."""
    monkeypatch.syspath_prepend(str(APP_ENTRY.parent))
    return APP_ENTRY.parent


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _open(at: AppTest, page: str, **params: str) -> AppTest:
    """Run the app, go to `page` (a URL path) with `params` in the URL, as a link would."""
    _run(at)
    at.switch_page(PAGES[page])
    at.query_params.update(params)
    return _run(at)


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _texts(at: AppTest, kind: str) -> str:
    return "\n".join(str(getattr(e, "value", "")) for e in at.get(kind))


def _subheaders(at: AppTest) -> list[str]:
    return [e.value for e in at.subheader]


def _chart_specs(at: AppTest) -> list[str]:
    return [e.proto.spec for e in at.get("vega_lite_chart")]


def _table(at: AppTest, index: int = 0) -> Any:
    """The index-th table's data (the typed values, not the Vietnamese display text)."""
    return at.dataframe[index].value


def _downloads(at: AppTest) -> list[str]:
    return [e.proto.label for e in at.get("download_button")]


def _vi_number(text: str) -> int:
    return int(text.replace(".", ""))


def _chart_rows(at: AppTest, index: int) -> list[dict[str, Any]]:
    """The rows the index-th chart plots (Streamlit sends them beside the spec, as Arrow)."""
    chart = at.get("vega_lite_chart")[index]
    rows: list[dict[str, Any]] = []
    for dataset in chart.proto.datasets:
        rows += pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
    return rows


Download = Callable[[AppTest, str], bytes]


@pytest.fixture
def download(monkeypatch: pytest.MonkeyPatch) -> Download:
    """The file a click on a download button gives: `download(at, "results_csv")`.

    The buttons make their files on click (a deferred callable held by Streamlit's media file
    manager). AppTest has no browser to click, so the test asks the manager of the last run to
    run the button's callable, as the server does when the browser asks for the file. The
    manager is Streamlit's own; the subclass only keeps a reference to it.
    """
    managers: list[MediaFileManager] = []

    class KeptMediaFileManager(MediaFileManager):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", KeptMediaFileManager)

    def fetch(at: AppTest, key: str) -> bytes:
        button = at.download_button(key=key)
        url = managers[-1].execute_deferred(button.proto.deferred_file_id)
        stored = managers[-1].read_file(url.rsplit("/", 1)[-1])
        assert stored is not None, url
        return bytes(stored.content)

    return fetch


def _csv(data: bytes) -> pl.DataFrame:
    return pl.read_csv(io.BytesIO(data), infer_schema=False)


def _warehouse(home: Home, sql: str) -> pl.DataFrame:
    con = duckdb.connect(str(home.published_db), read_only=True)
    try:
        frame: pl.DataFrame = con.sql(sql).pl()
    finally:
        con.close()
    return frame


# --- overview ------------------------------------------------------------------------------------


def test_overview_renders_title_metrics_charts_and_real_facts(app: AppTest) -> None:
    at = _run(app)
    assert [e.value for e in at.title] == ["Tổng quan"]
    assert list(_metrics(at)) == [
        "Cụm/khối",
        "Đơn vị",
        "Sự kiện",
        "Khen thưởng",
        "Tỷ lệ dữ liệu thật",
    ]
    # share trend, events per year, awards by type, events held per cluster and year
    assert len(_chart_specs(at)) == 4
    assert "Dữ kiện từ nguồn thật" in _subheaders(at)
    assert "Sự kiện đã tổ chức theo cụm/khối và năm thi đua" in _subheaders(at)

    facts = _table(at)
    assert len(facts) > 0
    # The year-end review of Cụm thi đua số 8 (article:002) is a real fact, shown with its title.
    assert any("Cụm thi đua số 8 tổng kết năm 2021" in s for s in facts["source"])
    assert set(facts["origin"]) == {"Thật"}
    assert not any("mô phỏng" in str(s).lower() for s in facts["source"])
    assert _downloads(at) == ["Tải CSV", "Tải Excel (XLSX)", "Tải CSV cho Excel tiếng Việt"]


def test_charts_tell_real_from_synthetic(app: AppTest) -> None:
    at = _run(app)
    spec = json.loads(_chart_specs(at)[0])
    assert "Nguồn dữ liệu" in json.dumps(spec, ensure_ascii=False)
    assert ["Thật", "Mô phỏng"] in _scale_domains(spec)
    assert "mô phỏng" in _texts(at, "info")


def test_charts_use_vietnamese_number_formats(app: AppTest) -> None:
    at = _run(app)
    spec = json.loads(_chart_specs(at)[0])
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."


def _scale_domains(spec: object) -> list[object]:
    """Every `scale.domain` found anywhere in a Vega-Lite spec."""
    found: list[object] = []
    if isinstance(spec, dict):
        scale = spec.get("scale")
        if isinstance(scale, dict) and "domain" in scale:
            found.append(scale["domain"])
        for value in spec.values():
            found.extend(_scale_domains(value))
    elif isinstance(spec, list):
        for value in spec:
            found.extend(_scale_domains(value))
    return found


def test_share_trend_draws_one_cluster_in_colour_and_the_others_grey(app: AppTest) -> None:
    """Twenty-odd clusters: one highlighted line (the picker's, kept in the URL), the rest grey
    context, and no legend of clusters."""
    at = _run(app)
    first = at.selectbox(key="url_highlight").value
    rows = _chart_rows(at, 0)
    assert len({r["cluster_name"] for r in rows}) > 15
    # the chart carries the names it draws (not the ids): the highlighted one is the picker's
    assert {r["cluster_name"] for r in rows if r["is_highlighted"]} == {
        _picked(at, "url_highlight")
    }
    assert "cluster_name" not in _encoded_fields(json.loads(_chart_specs(at)[0]), "color")
    assert "highlight" not in at.query_params  # the default stays out of the URL
    at.selectbox(key="url_highlight").select_index(3)
    _run(at)
    chosen = at.selectbox(key="url_highlight").value
    assert chosen != first
    assert at.query_params["highlight"] == chosen
    picked = _picked(at, "url_highlight")
    assert {r["cluster_name"] for r in _chart_rows(at, 0) if r["is_highlighted"]} == {picked}


def _picked(at: AppTest, key: str) -> str:
    """The option a select box shows as chosen (its label, not its code)."""
    box = at.selectbox(key=key)
    assert box.index is not None
    return str(box.options[box.index])


def _encoded_fields(spec: object, channel: str) -> set[str]:
    """The fields a Vega-Lite spec encodes on `channel` (color, shape...), in any layer."""
    found: set[str] = set()
    if isinstance(spec, dict):
        encoding = spec.get("encoding")
        if isinstance(encoding, dict) and isinstance(encoding.get(channel), dict):
            field = encoding[channel].get("field")
            if isinstance(field, str):
                found.add(field)
        for value in spec.values():
            found |= _encoded_fields(value, channel)
    elif isinstance(spec, list):
        for value in spec:
            found |= _encoded_fields(value, channel)
    return found


def test_share_of_maximum_is_explained_where_it_is_shown(app: AppTest) -> None:
    at = _run(app)
    assert "Tỷ lệ điểm tối đa = điểm cuối cùng của đơn vị" in _texts(at, "caption")
    assert "cộng điểm thưởng" in _texts(at, "caption")
    at.radio(key="lang").set_value("en")
    _run(at)
    assert "Share of maximum = the unit's final score" in _texts(at, "caption")
    for page, params in (("cum-khoi", {"tab": "rank"}), ("so-sanh", {}), ("thay-doi", {})):
        at = _open(at, page, **params)
        assert "Share of maximum = " in _texts(at, "caption"), page


def test_hiding_synthetic_data_changes_the_output(app: AppTest) -> None:
    at = _run(app)
    with_synthetic = _metrics(at)
    # The sample holds generated data: the note says it is shown (and how it is drawn).
    assert i18n.t("overview.synthetic_on", "vi") in _texts(at, "info")
    at.toggle(key="synth").set_value(False)
    _run(at)
    real_only = _metrics(at)
    assert real_only != with_synthetic
    assert int(real_only["Sự kiện"]) < _vi_number(with_synthetic["Sự kiện"])
    # The banner says what is hidden: whole generated rows, and generated values in real rows.
    banner = _texts(at, "success")
    assert "bỏ các dòng mà mọi giá trị đều do bộ sinh dữ liệu tạo" in banner
    assert "để trống các giá trị mô phỏng trong dòng thật" in banner


def test_overview_tiles_say_whether_they_include_generated_values(app: AppTest) -> None:
    at = _run(app)
    tiles = [c for c in _texts(at, "caption").splitlines() if ":material/" in c]
    assert len(tiles) == 5
    assert sum("gồm giá trị mô phỏng" in c for c in tiles) == 4  # clusters, units, events, awards
    assert "kể cả mô phỏng" in tiles[4]  # the share of real rows counts every row
    at.toggle(key="synth").set_value(False)
    _run(at)
    tiles = [c for c in _texts(at, "caption").splitlines() if ":material/" in c]
    assert sum("chỉ dữ liệu thật" in c for c in tiles) == 4
    assert not any("gồm giá trị mô phỏng" in c for c in tiles)


def test_english_switches_every_label(app: AppTest) -> None:
    at = _run(app)
    at.radio(key="lang").set_value("en")
    _run(at)
    assert [e.value for e in at.title] == ["Overview"]
    assert "Clusters/blocks" in _metrics(at)
    assert at.slider(key="years").label == "Results years"
    assert at.toggle(key="synth").label == "Show synthetic data"
    assert "Facts from real sources" in _subheaders(at)
    assert "Mô phỏng" not in "".join(_chart_specs(at))
    assert _downloads(at) == [
        "Download CSV",
        "Download Excel (XLSX)",
        "Download CSV for Vietnamese Excel",
    ]


def test_the_url_reproduces_the_view(app: AppTest) -> None:
    url = {"lang": "en", "from": "2021", "to": "2022", "kind": "cum", "synth": "0"}
    app.query_params.update(url)
    at = _run(app)
    assert [e.value for e in at.title] == ["Overview"]
    assert at.slider(key="years").value == (2021, 2022)
    assert at.radio(key="kind").value == "cum"
    assert at.toggle(key="synth").value is False
    assert "2021–2022" in _texts(at, "caption")
    assert at.query_params == url  # and the URL keeps saying so


def test_changing_a_filter_updates_the_url(app: AppTest) -> None:
    at = _run(app)
    assert at.query_params == {}  # defaults stay out of the URL
    at.toggle(key="synth").set_value(False)
    at.radio(key="kind").set_value("khoi")
    at.radio(key="lang").set_value("en")
    _run(at)
    assert at.query_params == {"synth": "0", "kind": "khoi", "lang": "en"}
    at.toggle(key="synth").set_value(True)
    _run(at)
    assert at.query_params == {"kind": "khoi", "lang": "en"}


def test_invalid_url_values_fall_back_to_defaults(app: AppTest) -> None:
    app.query_params.update({"lang": "fr", "from": "soon", "org": "nobody", "kind": "x"})
    at = _run(app)
    assert [e.value for e in at.title] == ["Tổng quan"]
    assert at.radio(key="kind").value == "all"
    assert at.selectbox(key="org").value == "all"


def test_numbers_use_vietnamese_separators(app: AppTest) -> None:
    at = _run(app)
    metrics = _metrics(at)
    assert re.fullmatch(r"\d{1,3},\d%", metrics["Tỷ lệ dữ liệu thật"]), metrics


def test_a_new_publish_shows_without_restart(
    published_home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = Home(tmp_path / "home")
    copy_warehouse(published_home, home.published_db)
    monkeypatch.setenv("THIDUA_HOME", str(home.root))
    at = _run(AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S))
    events_before = _vi_number(_metrics(at)["Sự kiện"])
    first, last = at.slider(key="years").value

    # The publisher builds elsewhere and swaps the file in (os.replace), as `thidua build` does.
    staged = copy_warehouse(published_home, tmp_path / "build" / "thidua.duckdb")
    con = duckdb.connect(str(staged))
    con.execute(f"delete from marts.fct_events where is_synthetic and results_year = {first}")
    # A whole row (the mart's contract refuses empty never-empty columns): one of Cụm 8's
    # events moved to a year after the last.
    con.execute(
        "insert into marts.fct_events by name select * replace ('e-new' as event_id, "
        "? as results_year, 'covenant_signing' as event_type, true as is_synthetic) "
        "from marts.fct_events where cluster_id = 'th-ubnd:cum-08' limit 1",
        [last + 1],
    )
    con.execute("insert into meta.publish_log values (now(), '9.9.9', 1.0, 1, 0)")
    con.close()
    staged.replace(home.published_db)

    _run(at)  # the next interaction, same session, same process
    assert _vi_number(_metrics(at)["Sự kiện"]) < events_before
    assert at.slider(key="years").value == (first, last + 1)  # "all years" grows with the data
    assert "9.9.9" in _texts(at, "caption")


def test_many_clusters_turn_lines_into_a_band(
    published_home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With more clusters than lines a chart can hold (the national tier), show the spread."""
    home = Home(tmp_path / "home")
    copy_warehouse(published_home, home.published_db)
    con = duckdb.connect(str(home.published_db))
    con.execute(
        "insert into marts.fct_cluster_year by name "
        "select * replace (cluster_id || '-copy' as cluster_id) from marts.fct_cluster_year"
    )
    con.close()
    monkeypatch.setenv("THIDUA_HOME", str(home.root))
    at = _run(AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S))
    assert "Có hơn 30 cụm/khối" in _texts(at, "caption")
    band = json.loads(_chart_specs(at)[0])
    assert '"p90"' in json.dumps(band)  # the 10–90 % band is drawn
    # An organiser or a kind brings the single clusters back.
    at.radio(key="kind").set_value("khoi")
    _run(at)
    assert "Có hơn 30 cụm/khối" not in _texts(at, "caption")


# --- every page ----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_in_both_languages(app: AppTest, page: str) -> None:
    at = _open(app, page)
    assert [e.value for e in at.title] == [TITLES[page][0]]
    assert not at.error
    _assert_charts_are_valid_vega_lite(at)
    at.radio(key="lang").set_value("en")
    _run(at)
    assert [e.value for e in at.title] == [TITLES[page][1]]
    assert at.query_params.get("lang") == "en"


@pytest.mark.parametrize(
    ("page", "tab"), [(page, tab) for page, tabs in TABS.items() for tab in tabs]
)
def test_every_tab_renders(app: AppTest, page: str, tab: str) -> None:
    at = _open(app, page, tab=tab)
    assert not at.error
    # The tab in the URL is the one that ran (the default tab is left out of the URL).
    assert at.query_params.get("tab", TABS[page][0]) == tab
    assert at.subheader, f"{page}?tab={tab} drew nothing"
    _assert_charts_are_valid_vega_lite(at)


def _assert_charts_are_valid_vega_lite(at: AppTest) -> None:
    """Every chart the page sent is a valid Vega-Lite specification: the page writes them
    without Altair's validation (charts.drawn_spec), so this is where an invalid one is caught."""
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        assert not spec.get("datasets"), "the frames travel beside the specification"
        VegaLite.validate(spec)


# --- Cụm / Khối ----------------------------------------------------------------------------------


def test_cluster_page_shows_the_roster_with_sources(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8)
    assert at.selectbox(key="url_cluster").value == CUM_8
    assert at.query_params["cluster"] == CUM_8
    assert "Thành viên theo năm thi đua" in _subheaders(at)
    assert len(_chart_specs(at)) == 1  # the roster matrix
    roster = _table(at)
    real_2021 = roster[(roster["results_year"] == 2021) & (roster["origin"] == "Thật")]
    assert len(real_2021) == 8  # article:002 lists eight members for 2021
    assert "Sở Ngoại vụ" in set(real_2021["unit_name"])
    assert any("Cụm thi đua số 8" in s for s in real_2021["source"])
    assert set(_downloads(at)) == {
        "Tải báo cáo năm (Word)",
        "Tải CSV",
        "Tải Excel (XLSX)",
        "Tải CSV cho Excel tiếng Việt",
    }
    # Each member links to its own page, keeping the global filters of the view.
    assert "don-vi?unit=th-so-ngoai-vu" in set(real_2021["unit_page"])
    at.toggle(key="synth").set_value(False)
    _run(at)
    assert "don-vi?synth=0&unit=th-so-ngoai-vu" in set(_table(at)["unit_page"])


def test_cluster_page_follows_the_synthetic_switch(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8)
    with_synthetic = len(_table(at))
    years_with = _metrics(at)["Số năm có dữ liệu"]
    at.toggle(key="synth").set_value(False)
    _run(at)
    real = _table(at)
    assert len(real) < with_synthetic
    assert set(real["results_year"]) == {2021, 2022}  # the years article:002 speaks of
    assert _metrics(at)["Số năm có dữ liệu"] != years_with
    # Only clusters a real source attests remain to pick from.
    options = at.selectbox(key="url_cluster").options
    assert len(options) == 4


def test_cluster_page_follows_the_year_range(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8)
    at.slider(key="years").set_value((2021, 2022))
    _run(at)
    assert _metrics(at)["Số năm có dữ liệu"] == "2"
    assert set(_table(at)["results_year"]) == {2021, 2022}


def test_cluster_leadership_tab_shows_rotation_from_the_article(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="leaders")
    assert "Luân phiên Trưởng, Phó cụm/khối" in _subheaders(at)
    lead = _table(at)
    real = lead[lead["origin"] == "Thật"]
    by_year_role = {
        (y, r): u
        for y, r, u in zip(real["results_year"], real["role_label"], real["unit_name"], strict=True)
    }
    assert by_year_role[(2021, "Trưởng cụm/khối")] == "Sở Ngoại vụ"
    assert by_year_role[(2022, "Trưởng cụm/khối")] == "Ban Dân tộc tỉnh Thanh Hóa"
    assert by_year_role[(2022, "Phó cụm/khối")] == "Sở Tư pháp"
    # Ban Dân tộc was deputy in 2021 and leads in 2022: the rotation is spelled out.
    assert "là Phó năm trước" in set(real["path_label"])
    assert "Trưởng cụm/khối từng là Phó năm trước" in _texts(at, "caption")


def test_cluster_leaders_tab_says_whether_the_flag_went_to_the_unit_ranked_first(
    app: AppTest, published_home: Home
) -> None:
    """One column per year answers the flag question, as fct_cluster_year answers it."""
    truth = _warehouse(
        published_home,
        f"""
        select results_year, is_flag_to_top_unit, flag_unit_names
        from marts.fct_cluster_year where cluster_id = '{CUM_8}'
        """,
    )
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="leaders")
    years = _table(at, -1)
    marks = dict(zip(years["results_year"], years["flag_mark"], strict=True))
    for year, answer, units in truth.iter_rows():
        assert marks[year] == {True: "✓", False: "✗", None: None}[answer], year
        row = years[years["results_year"] == year]
        assert row["flag_unit_names"].iloc[0] == units
    assert "trao cho đơn vị xếp thứ Nhất: ✓" in _texts(at, "caption")


def test_cluster_7_flag_of_2016_is_unknown_not_false(app: AppTest) -> None:
    """article:004: flags proposed for 2016, the units not named: the answer stays unknown,
    with its reason, also when generated data is hidden (the flag records are real)."""
    at = _open(app, "cum-khoi", cluster="th-ubnd:cum-07", tab="leaders")
    at.toggle(key="synth").set_value(False)
    _run(at)
    years = _table(at, -1)  # the yearly table (no real leadership row: no table above it)
    row = years[years["results_year"] == 2016]
    assert list(row["flag_mark"]) == ["?"]
    assert list(row["flag_reason_label"]) == ["Nguồn không nêu tên đơn vị nhận Cờ"]


def test_leader_not_a_member_means_the_same_on_both_pages(
    app: AppTest, published_home: Home
) -> None:
    """The cluster page's check and the compliance finding read one definition
    (fct_cluster_year.is_leader_not_member): the same cluster-years, the same units."""
    truth = _warehouse(
        published_home,
        """
        select cluster_id, results_year, leader_name from marts.fct_cluster_year
        where is_leader_not_member order by all
        """,
    )
    findings = _warehouse(
        published_home,
        """
        select cluster_id, results_year, unit_name from marts.mart_award_compliance
        where rule_code = 'LEADER_NOT_MEMBER' order by all
        """,
    )
    assert truth.rows() == findings.rows() and truth.height == 2  # the generator's two plants
    cluster_id, year, leader = truth.row(0)
    at = _open(app, "cum-khoi", cluster=cluster_id, tab="rank")
    checks = _table(at, 0)
    flagged = checks[checks["check"] == "Trưởng cụm không là thành viên"]
    assert list(zip(flagged["results_year"], flagged["unit_name"], strict=True)) == [(year, leader)]
    at = _open(
        at,
        "khen-thuong",
        tab="compliance",
        compliance_year=str(year),
        compliance_cluster=cluster_id,
    )
    shown = _table(at)
    assert set(shown["results_year"]) == {year}
    assert leader in set(shown["unit_name"])


def test_cluster_rank_tab_draws_bump_chart_and_checks(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="rank")
    assert {"Thứ hạng qua các năm", "Phân bố điểm theo năm", "Kiểm tra nhất quán"} <= set(
        _subheaders(at)
    )
    bump = json.loads(_chart_specs(at)[0])
    # Rank 1 on top: the rank axis runs downwards.
    assert _scale_domains(bump)[0][0] > _scale_domains(bump)[0][1]  # type: ignore[index]
    results = _table(at, -1)
    ranked_2021 = results[(results["results_year"] == 2021) & results["declared_rank"].notna()]
    assert list(ranked_2021.sort_values("declared_rank")["unit_name"][:3]) == [
        "Ban Dân tộc tỉnh Thanh Hóa",
        "Sở Tư pháp",
        "Sở Nội vụ",
    ]


def test_bump_chart_draws_one_unit_in_colour_and_the_others_grey(
    app: AppTest, published_home: Home
) -> None:
    """The unit ranked first in the latest year is highlighted until another is picked."""
    last = _warehouse(
        published_home,
        f"""
        select unit_id from marts.fct_unit_year_scores where cluster_id = '{CUM_8}'
            and effective_rank = 1
        order by results_year desc limit 1
        """,
    ).item()
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="rank")
    rows = _chart_rows(at, 0)
    assert len({r["unit_name"] for r in rows}) > 5
    assert at.selectbox(key="url_highlight_unit").value == last
    assert {r["unit_name"] for r in rows if r["is_highlighted"]} == {
        _picked(at, "url_highlight_unit")
    }
    assert "unit_name" not in _encoded_fields(json.loads(_chart_specs(at)[0]), "color")
    at.selectbox(key="url_highlight_unit").select_index(2)
    _run(at)
    chosen = at.selectbox(key="url_highlight_unit").value
    assert chosen != last and at.query_params["highlight_unit"] == chosen
    picked = _picked(at, "url_highlight_unit")
    assert {r["unit_name"] for r in _chart_rows(at, 0) if r["is_highlighted"]} == {picked}


def test_synthetic_off_blanks_generated_values_of_real_rows(
    app: AppTest, download: Download
) -> None:
    """Cụm 8, 2021: members and declared ranks are article:002's, the scores are generated."""
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="rank")
    at.toggle(key="synth").set_value(False)
    _run(at)
    results = _table(at, -1)
    year = results[results["results_year"] == 2021]
    assert len(year) == 8  # the eight members the article lists
    assert year["role_label"].notna().all()
    assert (year["role_source_ref"] == "article:002").all()
    ranked = year[year["declared_rank"].notna()].sort_values("declared_rank")
    assert list(ranked["unit_name"]) == ["Ban Dân tộc tỉnh Thanh Hóa", "Sở Tư pháp", "Sở Nội vụ"]
    assert list(ranked["declared_rank"]) == [1, 2, 3]
    assert (ranked["rank_source_ref"] == "article:002").all()
    # Every generated value is blank, and the table still says where the hidden one came from.
    for column in ("share_of_max", "final_score", "self_score", "peer_score", "rank_by_score"):
        assert year[column].isna().all(), column
    assert year["score_source"].str.startswith("Mô phỏng").all()
    # Charts drop generated points: no score to spread, ranks only from the article.
    assert "Chưa có điểm cho bộ lọc này" in _texts(at, "caption")
    bump = _chart_rows(at, 0)
    assert {r["effective_rank_origin"] for r in bump} == {"Thật"}
    assert {
        (r["results_year"], r["unit_name"], r["rank"]) for r in bump if r["results_year"] == 2021
    } == {
        (2021, "Ban Dân tộc tỉnh Thanh Hóa", 1),
        (2021, "Sở Tư pháp", 2),
        (2021, "Sở Nội vụ", 3),
    }
    # The summary tiles rest on real values only, or have none.
    tiles = [c for c in _texts(at, "caption").splitlines() if ":material/" in c]
    assert len(tiles) == 4 and not any("gồm giá trị mô phỏng" in c for c in tiles)

    # The download carries a source per value group, with the reference and the link.
    csv = _csv(download(at, "results_csv"))
    assert {
        "Nguồn điểm",
        "Mã nguồn điểm",
        "Nguồn thứ hạng công bố",
        "Mã nguồn thứ hạng công bố",
    } <= set(csv.columns)
    assert {"Nguồn vai trò", "Mã nguồn vai trò", "Liên kết nguồn điểm"} <= set(csv.columns)
    rows = csv.filter(pl.col("Năm thi đua") == "2021")
    assert rows.height == 8
    assert rows["Điểm"].is_null().all() and rows["Tỷ lệ điểm tối đa"].is_null().all()
    assert all(s.startswith("Mô phỏng") for s in rows["Nguồn điểm"])
    assert set(rows["Mã nguồn điểm"]) == {"synthetic:province:seed=1"}
    tu_phap = rows.filter(pl.col("Đơn vị") == "Sở Tư pháp").row(0, named=True)
    assert tu_phap["Thứ hạng công bố"] == "2"
    assert tu_phap["Mã nguồn thứ hạng công bố"] == "article:002"
    assert tu_phap["Nguồn thứ hạng công bố"].startswith("Bài báo: Cụm thi đua số 8 tổng kết")
    assert tu_phap["Mã nguồn vai trò"] == "article:002"


def test_every_generated_score_is_labelled_generated(
    app: AppTest, download: Download, published_home: Home
) -> None:
    """With synthetic data shown, no generated score passes for real, on screen or in the file."""
    truth = _warehouse(
        published_home,
        f"""
        select results_year, unit_name, is_score_synthetic
        from marts.fct_unit_year_scores
        where cluster_id = '{CUM_8}' and final_score is not null
        """,
    )
    generated = {(y, u) for y, u, g in truth.iter_rows() if g}
    assert (2021, "Sở Tư pháp") in generated  # a real row (article:002) with generated scores
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="rank")
    results = _table(at, -1)
    shown = {
        (y, u): source
        for y, u, source in zip(
            results["results_year"], results["unit_name"], results["score_source"], strict=True
        )
    }
    assert generated <= set(shown)
    assert all(shown[key].startswith(("Mô phỏng", "Hỗn hợp")) for key in generated)
    # The row is real (article:002) but its score is not: the two say so apart.
    tu_phap = results[(results["results_year"] == 2021) & (results["unit_name"] == "Sở Tư pháp")]
    assert list(tu_phap["origin"]) == ["Hỗn hợp"]
    assert tu_phap["rank_source"].iloc[0].startswith("Bài báo")
    assert tu_phap["score_source"].iloc[0].startswith("Mô phỏng")

    csv = _csv(download(at, "results_csv"))
    in_file = {
        (int(y), u): source
        for y, u, source in csv.select("Năm thi đua", "Đơn vị", "Nguồn điểm").iter_rows()
    }
    assert all(in_file[key].startswith(("Mô phỏng", "Hỗn hợp")) for key in generated)
    # No article is cited for a score: the articles state no score.
    assert not any("Bài báo" in (s or "") for s in csv["Nguồn điểm"])
    # The score chart draws these points as generated.
    spread = _chart_rows(at, 1)
    assert {
        r["score_origin"] for r in spread if (r["results_year"], r["unit_name"]) in generated
    } == {"Mô phỏng"}


def test_every_cluster_labels_each_value_with_its_own_source(
    app_dir: Path, published_home: Home
) -> None:
    """All clusters, through the dashboard's own query and presenter: a value's label follows its
    own flag (never the row's), and blanking leaves no generated value behind."""
    da = _module("data_access")
    present = _module("presenters_cluster")
    db = str(published_home.published_db)
    clusters = _warehouse(published_home, "select distinct cluster_id from marts.fct_cluster_year")
    for switch in (True, False):
        f = Filters(years=(2000, 2100), include_synthetic=switch)
        for cluster_id in clusters["cluster_id"]:
            raw = da.run(db, q_cluster_results(f, cluster_id))
            frame = present.results(raw, "vi")
            for group in ("score", "rank", "role"):
                flagged = frame.filter(pl.col(f"is_{group}_synthetic").fill_null(False))
                assert all(
                    s.startswith(("Mô phỏng", "Hỗn hợp")) for s in flagged[f"{group}_source"]
                ), (cluster_id, group)
                assert set(flagged[f"{group}_origin"]) <= {"Mô phỏng"}, (cluster_id, group)
                real = frame.filter(~pl.col(f"is_{group}_synthetic").fill_null(True))
                assert not any(s.startswith("Mô phỏng") for s in real[f"{group}_source"])
            if not switch:
                scored = frame.filter(pl.col("is_score_synthetic").fill_null(False))
                assert scored["share_of_max"].is_null().all(), cluster_id
                assert scored["final_score"].is_null().all(), cluster_id
                ranked = frame.filter(pl.col("is_effective_rank_synthetic").fill_null(False))
                assert ranked["rank"].is_null().all(), cluster_id


def test_cluster_criteria_tab_compares_self_and_peer_scores(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="criteria", year="2021")
    assert at.query_params["year"] == "2021"
    assert len(_chart_specs(at)) == 2  # by scorer kind, and unit x criterion
    criteria = _table(at)
    assert {"Tự chấm", "Chấm chéo"} <= set(criteria["scorer_label"])
    assert criteria["share_of_max"].between(0, 1.2).all()


def test_criterion_heatmap_uses_each_units_own_final_basis(
    app: AppTest, published_home: Home
) -> None:
    """The unit x criterion heatmap shows the scores the unit's final score is built on (the
    mart's score_basis), not a basis re-derived criterion by criterion."""
    basis = dict(
        _warehouse(
            published_home,
            f"""
            select unit_name, score_basis from marts.fct_unit_year_scores
            where cluster_id = '{CUM_8}' and results_year = 2021
            """,
        ).rows()
    )
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="criteria", year="2021")
    heat = _chart_rows(at, 1)
    assert heat
    # each cell's tooltip says which scores it is
    said = {(unit, i18n.term("scorer_kind", kind, "vi")) for unit, kind in basis.items()}
    assert {(r["unit_name"], r["scorer_label"]) for r in heat} <= said


def test_cluster_events_tab_keeps_results_year_and_date_apart(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="events")
    events = _table(at)
    review = events[(events["origin"] == "Thật") & (events["event_label"] == "Tổng kết năm")]
    # The year-end review of 2021 was held on 14/01/2022 (article:002).
    assert list(review["results_year"]) == [2021]
    assert str(review["event_date"].iloc[0])[:10] == "2022-01-14"


def test_cluster_awards_tab_lists_the_unnamed_2016_proposals(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster="th-ubnd:cum-07", tab="awards")
    awards = _table(at)
    real = awards[awards["origin"] == "Thật"]
    assert len(real) == 2  # article:004: Government and provincial flags proposed, units not named
    assert set(real["unit_label"]) == {"đơn vị không được nêu"}


def test_a_mart_missing_from_an_older_build_leaves_the_page_working(
    published_home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = Home(tmp_path / "home")
    copy_warehouse(published_home, home.published_db)
    con = duckdb.connect(str(home.published_db))
    con.execute("drop table marts.fct_leadership")
    con.close()
    monkeypatch.setenv("THIDUA_HOME", str(home.root))
    at = _open(
        AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S), "cum-khoi", tab="leaders"
    )
    assert "marts.fct_leadership" in _texts(at, "info")
    assert "thidua build" in _texts(at, "info")
    assert "Lãnh đạo và đơn vị dẫn đầu theo năm" in _subheaders(at)  # the rest still shows


# --- Đơn vị --------------------------------------------------------------------------------------


def test_unit_page_follows_a_unit_through_the_2025_merge(app: AppTest) -> None:
    at = _open(app, "don-vi", unit="th-so-khdt")
    assert at.selectbox(key="url_unit").value == "th-so-khdt"
    assert at.query_params["unit"] == "th-so-khdt"
    info = _texts(at, "info")
    assert "Sở Kế hoạch và Đầu tư" in info and "Sở Tài chính" in info
    domains = _scale_domains(json.loads(_chart_specs(at)[0]))
    assert ["Sở Kế hoạch và Đầu tư → Sở Tài chính", "Sở Tài chính"] in domains  # one series
    history = _table(at)
    assert {"Sở Kế hoạch và Đầu tư", "Sở Tài chính"} <= set(history["unit_name"])
    assert "Sắp xếp lại tổ chức" in _subheaders(at)


def test_unit_page_follows_the_filters(app: AppTest) -> None:
    at = _open(app, "don-vi", unit="th-so-ngoai-vu")
    all_years = len(_table(at))
    at.slider(key="years").set_value((2021, 2022))
    _run(at)
    assert len(_table(at)) < all_years
    assert set(_table(at)["results_year"]) <= {2021, 2022}
    at.toggle(key="synth").set_value(False)
    _run(at)
    history = _table(at)
    assert set(history["origin"]) == {"Thật"}
    # Sở Ngoại vụ led Cụm thi đua số 8 in 2021 (article:002).
    led = history[(history["results_year"] == 2021) & (history["role_label"] == "Trưởng cụm/khối")]
    assert len(led) == 1


def test_unit_search_narrows_the_list(app: AppTest) -> None:
    at = _open(app, "don-vi")
    everyone = len(at.selectbox(key="url_unit").options)
    at.text_input(key="url_q").set_value("tu phap")  # without diacritics
    _run(at)
    options = at.selectbox(key="url_unit").options
    assert 0 < len(options) < everyone
    assert all("pháp" in o.lower() for o in options)
    assert at.query_params["q"] == "tu phap"


# --- Khen thưởng ---------------------------------------------------------------------------------


def test_awards_page_shows_the_funnel_and_follows_the_synthetic_switch(app: AppTest) -> None:
    at = _open(app, "khen-thuong")
    metrics = _metrics(at)
    proposed = _vi_number(metrics["Đề nghị"])
    assert proposed >= _vi_number(metrics["Đã có quyết định"])
    funnel = _table(at)
    assert funnel["proposed"].sum() == proposed
    at.toggle(key="synth").set_value(False)
    _run(at)
    # article:004: two flags proposed for 2016, none decided in the sources.
    assert _metrics(at)["Đề nghị"] == "2"
    assert _metrics(at)["Đã có quyết định"] == "0"


def test_awards_funnel_shows_only_stages_that_carry_information(app: AppTest) -> None:
    """The sample records no award stopped at "approved": that stage would repeat "decided"
    everywhere, so the tiles, the chart and the table leave it out, and the page says why."""
    at = _open(app, "khen-thuong")
    assert "Được chấp thuận" not in _metrics(at)
    assert "Tỷ lệ được chấp thuận" not in _metrics(at)
    assert "Không hiển thị giai đoạn “Được chấp thuận”" in _texts(at, "caption")
    assert "approved" not in _table(at).columns
    assert {r["stage_label"] for r in _chart_rows(at, 0)} == {"Đề nghị", "Đã có quyết định"}


def test_award_stages_are_kept_when_they_differ(app_dir: Path) -> None:
    present = _module("presenters_awards")
    assert present.informative_stages({"proposed": 9, "approved": 6, "decided": 4}) == [
        "proposed",
        "approved",
        "decided",
    ]
    assert present.informative_stages({"proposed": 9, "approved": 9, "decided": 4}) == [
        "proposed",
        "decided",
    ]
    assert present.silent_stages(["proposed", "decided"]) == ["approved"]


def test_awards_funnel_groups_by_type_from_the_url(app: AppTest) -> None:
    at = _open(app, "khen-thuong", by="type")
    assert at.query_params["by"] == "type"
    groups = set(_table(at)["group_label"])
    assert "Cờ thi đua của Chính phủ" in groups


def test_compliance_findings_name_the_rule_and_regime(app: AppTest) -> None:
    at = _open(app, "khen-thuong", tab="compliance")
    findings = _table(at)
    assert len(findings) > 0
    assert findings["regime_label"].notna().all()
    # The real 2016 proposals name no unit: the rule could not be checked, and says so.
    real = findings[findings["origin"] == "Thật"]
    assert "Không kiểm tra được" in set(real["severity_label"])


def test_compliance_has_its_own_year_and_cluster_filters_and_the_reason_first(
    app: AppTest,
) -> None:
    at = _open(app, "khen-thuong", tab="compliance")
    everything = _table(at)
    assert everything.columns[0] == "detail_label"  # the reason, where the eye starts
    assert everything["detail_label"].notna().all()
    year = at.selectbox(key="url_compliance_year").options[1]  # the newest year with findings
    at.selectbox(key="url_compliance_year").set_value(year)
    _run(at)
    in_year = _table(at)
    assert set(in_year["results_year"]) == {int(year)}
    assert 0 < len(in_year) < len(everything)
    assert at.query_params["compliance_year"] == year
    at.selectbox(key="url_compliance_year").set_value("all")
    at.selectbox(key="url_compliance_cluster").set_value("th-ubnd:cum-07")
    _run(at)
    in_cluster = _table(at)
    assert set(in_cluster["cluster_label"]) == {"Cụm thi đua số 7"}
    assert "compliance_year" not in at.query_params
    assert at.query_params["compliance_cluster"] == "th-ubnd:cum-07"


def test_award_list_filters_by_status(app: AppTest) -> None:
    at = _open(app, "khen-thuong", tab="list")
    everything = len(_table(at))
    at.selectbox(key="awards_status").set_value("proposed")
    _run(at)
    proposed = _table(at)
    assert 0 < len(proposed) < everything
    assert set(proposed["status_label"]) == {"Đề nghị"}


# --- So sánh -------------------------------------------------------------------------------------


def test_compare_page_sets_clusters_side_by_side(app: AppTest) -> None:
    at = _open(app, "so-sanh", clusters=f"th-ubnd:cum-05,{CUM_8}")
    assert at.multiselect(key="url_clusters").value == ["th-ubnd:cum-05", CUM_8]
    assert at.query_params["clusters"] == f"th-ubnd:cum-05,{CUM_8}"
    summary = _table(at)
    assert list(summary["cluster_name"]) == ["Cụm thi đua số 5", "Cụm thi đua số 8"]
    assert summary["mean_share"].between(0, 1.2).all()
    assert summary["rank_change"].notna().all()
    assert len(_chart_specs(at)) == 3  # share, rank stability, award rate


def test_compare_rank_stability_is_the_marts(app: AppTest, published_home: Home) -> None:
    """The year-to-year rank change comes from mart_cluster_changes (consecutive years)."""
    truth = _warehouse(
        published_home,
        f"""
        select end_year, mean_abs_rank_change from marts.mart_cluster_changes
        where cluster_id = '{CUM_8}' and end_year = base_year + 1 and units_compared > 0
        """,
    )
    at = _open(app, "so-sanh", clusters=f"th-ubnd:cum-05,{CUM_8}")
    years = _table(at, 1)
    shown = years[years["cluster_name"] == "Cụm thi đua số 8"]
    by_year = dict(zip(shown["results_year"], shown["mean_abs_rank_change"], strict=True))
    assert truth.height > 5
    for year, change in truth.iter_rows():
        assert by_year[year] == pytest.approx(change)


def test_compare_page_follows_the_year_range(app: AppTest) -> None:
    at = _open(app, "so-sanh", clusters=f"th-ubnd:cum-05,{CUM_8}")
    before = list(_table(at)["years"])
    at.slider(key="years").set_value((2020, 2022))
    _run(at)
    assert list(_table(at)["years"]) == [3, 3]
    assert before != [3, 3]


def test_compare_page_asks_for_two_clusters(app: AppTest) -> None:
    at = _open(app, "so-sanh", clusters=CUM_8)
    assert "Chọn từ 2 đến 6 cụm/khối" in _texts(at, "info")
    assert not at.dataframe


# --- Thay đổi ------------------------------------------------------------------------------------


def test_changes_page_ranks_clusters_and_units_by_the_marts_change(
    app: AppTest, published_home: Home
) -> None:
    """Which clusters improved most since 2020: the mart's changes, most improved first."""
    at = _open(app, "thay-doi", base="2020", end="2025")
    assert at.selectbox(key="url_base").value == "2020"
    assert at.selectbox(key="url_end").value == "2025"
    assert at.query_params["base"] == "2020" and "end" not in at.query_params  # the default end
    truth = _warehouse(
        published_home,
        """
        select cluster_name, share_of_max_change from marts.mart_cluster_changes
        where base_year = 2020 and end_year = 2025
        order by share_of_max_change desc nulls last, share_rank_change desc nulls last,
            cluster_name
        """,
    )
    clusters = _table(at, 0)
    assert list(clusters["cluster_name"]) == list(truth["cluster_name"])
    assert clusters["share_change_points"].iloc[0] == pytest.approx(
        100 * truth["share_of_max_change"][0]
    )
    # the question answered in one line, about the first row
    assert f"tiến bộ nhiều nhất là **{truth['cluster_name'][0]}**" in _texts(at, "markdown")
    units = _table(at, 1)
    changes = units["share_change_points"].dropna().tolist()
    assert changes == sorted(changes, reverse=True) and len(changes) > 20
    assert len(_chart_specs(at)) == 2  # gains and losses of clusters, of units


def test_changes_page_sorts_by_rank_and_follows_the_period(app: AppTest) -> None:
    at = _open(app, "thay-doi", base="2020", end="2025")
    at.segmented_control(key="url_sort").set_value("rank")
    _run(at)
    assert at.query_params["sort"] == "rank"
    places = _table(at, 0)["share_rank_change"].dropna().tolist()
    assert places == sorted(places, reverse=True)
    ranks = _table(at, 1)["rank_change"].dropna().tolist()
    assert ranks == sorted(ranks, reverse=True)
    # an end year before the base year cannot be picked: the choices start after it
    at.selectbox(key="url_base").set_value("2023")
    _run(at)
    assert at.selectbox(key="url_end").options == ["2024", "2025"]


def test_changes_page_hides_generated_changes(app: AppTest) -> None:
    """The sample's scores are generated: with generated values hidden no change is shown."""
    at = _open(app, "thay-doi")
    at.toggle(key="synth").set_value(False)
    _run(at)
    assert not at.exception
    for index in (0, 1):
        table = _table(at, index)
        assert table["share_change_points"].isna().all()
        assert "Mô phỏng" not in set(table["origin"])
    assert "Chưa có giá trị “Thay đổi tỷ lệ điểm tối đa”" in _texts(at, "caption")


# --- Chất lượng dữ liệu --------------------------------------------------------------------------


def test_quality_page_shows_the_published_build(app: AppTest, published_home: Home) -> None:
    at = _open(app, "chat-luong")
    metrics = _metrics(at)
    assert _vi_number(metrics["Kiểm thử đạt"]) > 0
    assert metrics["Kiểm thử không đạt"] == "0"
    con = duckdb.connect(str(published_home.published_db), read_only=True)
    nodes = con.sql("select count(*) from meta.dbt_results").fetchall()[0][0]
    con.close()
    assert len(_table(at)) == nodes
    assert "Mọi kiểm thử đều đạt" in _texts(at, "success")


def test_quality_load_ledger_balances(app: AppTest) -> None:
    at = _open(app, "chat-luong", tab="loads")
    ledger = _table(at)
    assert len(ledger) > 0
    assert (ledger["rows_read"] == ledger["rows_loaded"] + ledger["rows_quarantined"]).all()
    assert "Đã nạp" in set(ledger["status_label"])


def test_quality_shows_quarantine_and_unresolved_names(
    published_home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = Home(tmp_path / "home")
    copy_warehouse(published_home, home.published_db)
    con = duckdb.connect(str(home.published_db))
    load_id = con.sql("select max(load_id) from quality.load_ledger").fetchall()[0][0]
    con.execute(
        "insert into quality.quarantine (load_id, record_type, source_file, source_row, "
        "column_name, value, rule, message_vi, message_en, candidates) values "
        "(?, 'memberships', 'thanh_vien.csv', 7, 'unit', 'Sở GD&DDT', 'unresolved_name', "
        "'Không nhận ra tên đơn vị', 'Unknown unit name', 'Sở GD&ĐT → th-so-gddt')",
        [load_id],
    )
    con.close()
    monkeypatch.setenv("THIDUA_HOME", str(home.root))
    at = _open(
        AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S), "chat-luong", tab="quarantine"
    )
    names, rows = _table(at, 0), _table(at, 1)
    assert list(names["name"]) == ["Sở GD&DDT"]
    assert "th-so-gddt" in names["candidates"].iloc[0]
    assert list(rows["message"]) == ["Không nhận ra tên đơn vị"]


# --- SQL page ------------------------------------------------------------------------------------


def test_sql_page_runs_a_query_and_offers_csv_and_xlsx(app: AppTest) -> None:
    at = _open(app, "sql")
    assert [e.value for e in at.title] == ["Truy vấn SQL"]
    at.text_area(key="sql_text").set_value(
        "select unit_name, role from marts.fct_memberships "
        "where cluster_id = 'th-ubnd:cum-08' and results_year = 2021 and not is_synthetic"
    )
    at.button(key="sql_run").click()
    _run(at)
    result = _table(at)
    assert len(result) == 8
    assert "Sở Ngoại vụ" in set(result["unit_name"])
    assert "8 dòng" in _texts(at, "caption")
    assert _downloads(at)[:2] == ["Tải CSV", "Tải Excel (XLSX)"]
    assert not at.error


def test_sql_page_refuses_copy_to(app: AppTest, tmp_path: Path) -> None:
    target = tmp_path / "leak.csv"
    at = _open(app, "sql")
    at.text_area(key="sql_text").set_value(f"copy (select * from marts.dim_unit) to '{target}'")
    at.button(key="sql_run").click()
    _run(at)
    error = _texts(at, "error")
    assert "Truy vấn không được chạy" in error
    assert "COPY" in error
    assert not target.exists()


def test_sql_example_fills_the_editor(app: AppTest) -> None:
    at = _open(app, "sql")
    at.selectbox(key="sql_example").set_value("sql.ex.members")
    _run(at)
    assert CUM_8 in (at.text_area(key="sql_text").value or "")
    at.button(key="sql_run").click()
    _run(at)
    assert len(_table(at)) > 0


def test_schema_browser_shows_column_descriptions(app: AppTest) -> None:
    at = _open(app, "sql")
    assert "Cấu trúc dữ liệu" in _subheaders(at)
    at.selectbox(key="sql_schema_table").set_value("marts.fct_awards")
    _run(at)
    columns = _table(at)
    described = dict(zip(columns["column_name"], columns["description"], strict=True))
    assert "proposed" in described["status"]  # from models/marts/_marts__models.yml
    assert all(described.values()), [c for c, d in described.items() if not d]


def test_schema_browser_lists_the_criterion_scores_view_without_a_row_count(app: AppTest) -> None:
    """marts.fct_criterion_scores is a view: listed and described like a table, and its row
    count said to be unknown rather than shown as zero."""
    at = _open(app, "sql")
    at.selectbox(key="sql_schema_table").set_value("marts.fct_criterion_scores")
    _run(at)
    columns = _table(at)
    assert {"score_id", "unit_name", "criterion_name", "source_url"} <= set(columns["column_name"])
    assert all(columns["description"])
    captions = _texts(at, "caption")
    assert "Khung nhìn: tính khi truy vấn" in captions
    assert "Khoảng 0 dòng" not in captions


# --- empty and error states ----------------------------------------------------------------------


@pytest.mark.parametrize("page", list(PAGES))
def test_missing_warehouse_says_what_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    at = _open(AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S), page)
    warning = _texts(at, "warning")
    assert "make run" in warning
    assert "thidua demo --no-serve" in warning
    assert str(tmp_path / "thidua.duckdb") in warning
    assert not at.metric


def test_unreadable_warehouse_shows_an_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    duckdb.connect(str(tmp_path / "thidua.duckdb")).close()  # a valid file without any table
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    at = _run(AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S))
    assert "thidua build" in _texts(at, "error")


def test_filters_that_match_nothing_say_what_to_do(app: AppTest) -> None:
    at = _open(app, "cum-khoi")
    at.toggle(key="synth").set_value(False)
    at.slider(key="years").set_value((2017, 2018))  # no real source speaks of these years
    _run(at)
    assert "mở rộng khoảng năm" in _texts(at, "warning")


# --- URL state across pages ----------------------------------------------------------------------


def test_page_parameters_stay_on_their_page(app: AppTest) -> None:
    at = _open(app, "cum-khoi", cluster=CUM_8, tab="rank")
    at.toggle(key="synth").set_value(False)
    _run(at)
    assert at.query_params == {"cluster": CUM_8, "tab": "rank", "synth": "0"}
    at.switch_page(PAGES["don-vi"])
    _run(at)
    # The global filter travels, the cluster page's own parameters do not.
    assert at.query_params.get("synth") == "0"
    assert "cluster" not in at.query_params and "tab" not in at.query_params
    assert "unit" in at.query_params  # the unit page names its subject
    at.switch_page(PAGES["cum-khoi"])
    _run(at)
    # Coming back keeps the cluster chosen earlier in the session.
    assert at.query_params["cluster"] == CUM_8


# --- the benchmark's registry of page queries ----------------------------------------------------


@pytest.fixture
def recorded(app_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Names of the queries the app runs (data_access.run is the one door to the warehouse)."""
    da = _module("data_access")
    names: list[str] = []
    real_run = da.run

    def spy(db: str, query: Any) -> pl.DataFrame:
        names.append(query.name)
        frame: pl.DataFrame = real_run(db, query)
        return frame

    monkeypatch.setattr(da, "run", spy)
    st.cache_data.clear()  # a cached answer would hide a query
    yield names
    st.cache_data.clear()


def test_the_registry_lists_exactly_the_queries_each_page_runs(
    app: AppTest, recorded: list[str], published_home: Home
) -> None:
    registry = page_queries(str(published_home.published_db))
    assert set(registry) == {"sidebar", *PAGES}
    for page in PAGES:
        seen: set[str] = set()
        for tab in TABS.get(page, (None,)):
            _run(app)
            app.switch_page(PAGES[page])
            app.query_params.update({"tab": tab} if tab else {})
            recorded.clear()
            st.cache_data.clear()
            _run(app)
            seen |= set(recorded)
        listed = {q.name for q in registry[page]} | {q.name for q in registry["sidebar"]}
        assert seen <= listed, (page, seen - listed)
        assert {q.name for q in registry[page]} <= seen, (page, listed - seen)


def test_every_registered_query_runs_on_the_sample(app_dir: Path, published_home: Home) -> None:
    da = _module("data_access")
    db = str(published_home.published_db)
    empty_pages = []
    for page, queries in page_queries(db).items():
        frames = [da.run(db, query) for query in queries]
        for query, frame in zip(queries, frames, strict=True):
            assert frame.width > 0, (page, query.name)
        # every page draws something on the sample: one of its queries at least has rows
        if not any(frame.height for frame in frames):
            empty_pages.append(page)
    assert not empty_pages


# --- downloads and presenters --------------------------------------------------------------------


def test_csv_download_keeps_vietnamese_and_flattens_lists(app_dir: Path) -> None:
    downloads = _module("downloads")
    frame = pl.DataFrame({"đơn vị": ["Sở Tư pháp"], "năm": [[2021, 2022]]})
    data: bytes = downloads.csv_bytes(frame)
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    text = data.decode("utf-8-sig")
    assert "Sở Tư pháp" in text
    assert "[2021, 2022]" in text


def test_xlsx_download_has_translated_headers_and_typed_cells(app_dir: Path) -> None:
    tables = _module("tables")
    downloads = _module("downloads")
    from datetime import date

    frame = pl.DataFrame(
        {
            "results_year": [2021],
            "unit_name": ["Sở Ngoại vụ"],
            "share_of_max": [0.9071],
            "event_date": [date(2022, 1, 14)],
        }
    )
    cols = [
        tables.Col("results_year", "col.year", "year"),
        tables.Col("unit_name", "col.unit"),
        tables.Col("share_of_max", "col.share", "percent"),
        tables.Col("event_date", "col.date", "date"),
    ]
    exported = tables.export_frame(frame, cols, "vi")
    assert exported.columns == ["Năm thi đua", "Đơn vị", "Tỷ lệ điểm tối đa", "Ngày"]
    columns = {"Tỷ lệ điểm tối đa": downloads.FileColumn("percent", 1)}
    data = downloads.xlsx_bytes(exported, columns, sheet="cụm: 8")
    back = pl.read_excel(io.BytesIO(data))
    assert back.columns == exported.columns
    assert back["Đơn vị"][0] == "Sở Ngoại vụ"
    assert back["Tỷ lệ điểm tối đa"][0] == pytest.approx(0.9071)
    assert back["Ngày"][0] == date(2022, 1, 14)


def test_file_and_row_read_like_a_person_would_say_them(app_dir: Path) -> None:
    presenters = _module("presenters")
    label = presenters.file_row_label("/x/y/cum_5.xlsx", "Thành viên", 4, "vi")
    assert label == "cum_5.xlsx › Thành viên, dòng 4"
    assert presenters.file_row_label("/x/awards.csv", None, 3, "en") == "awards.csv, row 3"
    assert presenters.file_row_label(None, None, None, "vi") == ""


# --- strings and formats -------------------------------------------------------------------------


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    field = re.compile(r"{(\w*)}")
    vi_texts, en_texts = catalogue.texts("vi"), catalogue.texts("en")
    for key in i18n.message_keys():
        # every form of a counted text ("1 award", "2 awards") has the same placeholders
        for vi, en in itertools.product(vi_texts[key], en_texts[key]):
            assert vi.strip() and en.strip(), key
            assert sorted(field.findall(vi)) == sorted(field.findall(en)), key


def test_every_label_key_the_app_uses_exists() -> None:
    """A typo in a key would raise KeyError on a page; this finds it without running the page."""
    keys = i18n.message_keys()
    pattern = re.compile(r'"((?:[a-z_]+)\.(?:[a-z_]+)(?:\.[a-z_]+)*)"')
    missing = set()
    for path in APP_ENTRY.parent.rglob("*.py"):
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            prefix = key.split(".")[0]
            if prefix in {"marts", "meta", "quality", "reference", "views", "streamlit"}:
                continue  # table names, page files and logger names, not labels
            if key not in keys:
                missing.add((path.name, key))
    assert not missing, sorted(missing)


def test_vietnamese_number_and_date_formats() -> None:
    from datetime import date, datetime

    assert i18n.fmt_number(1234.5, 1) == "1.234,5"
    assert i18n.fmt_number(1234567, 0) == "1.234.567"
    assert i18n.fmt_number(1234.5, 1, "en") == "1,234.5"
    assert i18n.fmt_percent(0.4567) == "45,7%"
    assert i18n.fmt_percent(0.4567, 1, "en") == "45.7%"
    assert i18n.fmt_percent(None) == "—"
    assert i18n.fmt_date(date(2022, 1, 14)) == "14/01/2022"
    assert i18n.fmt_date(date(2022, 1, 14), "en") == "14 Jan 2022"
    assert i18n.fmt_datetime(datetime(2025, 1, 2, 8, 30)) == "02/01/2025 08:30"
    assert i18n.as_lang("fr") == "vi"
    assert i18n.vega_locale("vi")["number"] == {
        "decimal": ",",
        "thousands": ".",
        "grouping": [3],
        "currency": ["", " ₫"],
    }
