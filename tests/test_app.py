"""The Streamlit dashboard, driven headless with streamlit.testing.v1.AppTest; and its strings.

AppTest runs the real router (app/streamlit_app.py) in this process, so THIDUA_HOME set with
monkeypatch is where the app looks for the warehouse, exactly as `thidua demo` sets it.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from types import ModuleType

import duckdb
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest
from tests.conftest import copy_warehouse

from thidua import i18n
from thidua.paths import APP_ENTRY, Home

# Generous: the first run imports Altair and pyarrow. A limit to catch a hang, not a timing test.
RUN_TIMEOUT_S = 120


@pytest.fixture
def app(published_home: Home, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("THIDUA_HOME", str(published_home.root))
    return AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S)


@pytest.fixture
def app_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """app/presenters.py, imported the way Streamlit imports it (app/ on sys.path)."""
    monkeypatch.syspath_prepend(str(APP_ENTRY.parent))
    return importlib.import_module("presenters")


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _texts(at: AppTest, kind: str) -> str:
    return "\n".join(str(getattr(e, "value", "")) for e in at.get(kind))


def _chart_specs(at: AppTest) -> list[str]:
    return [e.proto.spec for e in at.get("vega_lite_chart")]


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
    assert len(_chart_specs(at)) == 3  # share trend, events per year, awards by type
    subheaders = [e.value for e in at.subheader]
    assert "Dữ kiện từ nguồn thật" in subheaders

    facts = at.dataframe[0].value
    assert len(facts) > 0
    # The year-end review of Cụm thi đua số 8 (article:002) is a real fact with its source.
    assert "article:002" in set(facts["source"])
    # Every listed fact is real: its source is never the generator.
    assert "generator" not in set(facts["source"])


def test_charts_tell_real_from_synthetic(app: AppTest) -> None:
    at = _run(app)
    spec = json.loads(_chart_specs(at)[0])
    assert "Nguồn dữ liệu" in json.dumps(spec, ensure_ascii=False)
    assert ["Thật", "Mô phỏng"] in _scale_domains(spec)
    assert "dữ liệu mô phỏng" in _texts(at, "alert").lower() or "mô phỏng" in _texts(at, "info")


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


def test_hiding_synthetic_data_changes_the_output(app: AppTest) -> None:
    at = _run(app)
    with_synthetic = _metrics(at)
    assert "mô phỏng" in _texts(at, "info")

    at.toggle(key="synth").set_value(False)
    _run(at)
    real_only = _metrics(at)
    assert real_only != with_synthetic
    assert int(real_only["Sự kiện"]) < int(with_synthetic["Sự kiện"])
    assert "Chỉ hiển thị dữ kiện từ nguồn thật" in _texts(at, "success")


def test_english_switches_every_label(app: AppTest) -> None:
    at = _run(app)
    at.radio(key="lang").set_value("en")
    _run(at)
    assert [e.value for e in at.title] == ["Overview"]
    assert "Clusters/blocks" in _metrics(at)
    assert at.slider(key="years").label == "Results years"
    assert at.toggle(key="synth").label == "Show synthetic data"
    assert "Facts from real sources" in [e.value for e in at.subheader]
    assert "Mô phỏng" not in "".join(_chart_specs(at))


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
    share = _metrics(at)["Tỷ lệ dữ liệu thật"]
    assert re.fullmatch(r"\d{1,3},\d%", share), share


def test_a_new_publish_shows_without_restart(
    published_home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = Home(tmp_path / "home")
    copy_warehouse(published_home, home.published_db)
    monkeypatch.setenv("THIDUA_HOME", str(home.root))
    at = _run(AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S))
    events_before = int(_metrics(at)["Sự kiện"])
    assert at.slider(key="years").value == (2015, 2025)

    # The publisher builds elsewhere and swaps the file in (os.replace), as `thidua build` does.
    staged = copy_warehouse(published_home, tmp_path / "build" / "thidua.duckdb")
    con = duckdb.connect(str(staged))
    con.execute("delete from marts.fct_events where is_synthetic and results_year = 2015")
    con.execute(
        "insert into marts.fct_events (event_id, organizer_id, cluster_id, results_year, "
        "event_type, is_synthetic) values ('e-new', 'th-ubnd', 'th-ubnd:cum-08', 2026, "
        "'covenant_signing', true)"
    )
    con.execute("insert into meta.publish_log values (now(), '9.9.9', 1.0, 1, 0)")
    con.close()
    staged.replace(home.published_db)

    _run(at)  # the next interaction, same session, same process
    assert int(_metrics(at)["Sự kiện"]) < events_before
    assert at.slider(key="years").value == (2015, 2026)  # "all years" grows with the data
    assert "9.9.9" in _texts(at, "caption")


# --- empty and error states ----------------------------------------------------------------------


def test_missing_warehouse_says_what_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    at = _run(AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S))
    warning = _texts(at, "warning")
    assert "make run" in warning
    assert "thidua demo --no-serve" in warning
    assert str(tmp_path / "thidua.duckdb") in warning
    assert not at.metric

    at.switch_page("pages/sql.py")
    _run(at)
    assert "make run" in _texts(at, "warning")


def test_unreadable_warehouse_shows_an_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    duckdb.connect(str(tmp_path / "thidua.duckdb")).close()  # a valid file without any table
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    at = _run(AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S))
    assert "thidua build" in _texts(at, "error")


# --- SQL page ------------------------------------------------------------------------------------


def _sql_page(app: AppTest) -> AppTest:
    at = _run(app)
    at.switch_page("pages/sql.py")
    return _run(at)


def test_sql_page_runs_a_query_and_offers_csv(app: AppTest) -> None:
    at = _sql_page(app)
    assert [e.value for e in at.title] == ["Truy vấn SQL"]
    at.text_area(key="sql_text").set_value(
        "select unit_name, role from marts.fct_memberships "
        "where cluster_id = 'th-ubnd:cum-08' and results_year = 2021 and not is_synthetic"
    )
    at.button(key="sql_run").click()
    _run(at)
    result = at.dataframe[0].value
    assert len(result) == 8
    assert "Sở Ngoại vụ" in set(result["unit_name"])
    assert "8 dòng" in _texts(at, "caption")
    assert at.get("download_button")
    assert not at.error


def test_sql_page_refuses_copy_to(app: AppTest, tmp_path: Path) -> None:
    target = tmp_path / "leak.csv"
    at = _sql_page(app)
    at.text_area(key="sql_text").set_value(f"copy (select * from marts.dim_unit) to '{target}'")
    at.button(key="sql_run").click()
    _run(at)
    error = _texts(at, "error")
    assert "Truy vấn không được chạy" in error
    assert "COPY" in error
    assert not target.exists()


def test_sql_example_fills_the_editor(app: AppTest) -> None:
    at = _sql_page(app)
    at.selectbox(key="sql_example").set_value("sql.ex.members")
    _run(at)
    assert "th-ubnd:cum-08" in (at.text_area(key="sql_text").value or "")
    at.button(key="sql_run").click()
    _run(at)
    assert len(at.dataframe[0].value) > 0


# --- strings and formats -------------------------------------------------------------------------


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    field = re.compile(r"{(\w*)}")
    for key in i18n.message_keys():
        vi, en = i18n.t(key, "vi"), i18n.t(key, "en")
        assert vi.strip() and en.strip(), key
        assert sorted(field.findall(vi)) == sorted(field.findall(en)), key


def test_vietnamese_labels_carry_their_diacritics() -> None:
    assert i18n.t("overview.title") == "Tổng quan"
    assert i18n.t("real.title") == "Dữ kiện từ nguồn thật"
    assert i18n.t("filter.synthetic") == "Hiện dữ liệu mô phỏng"
    assert i18n.term("event_type", "year_end_review") == "Tổng kết năm"
    assert i18n.term("event_type", "not_a_code_yet") == "not_a_code_yet"
    with pytest.raises(KeyError):
        i18n.t("no.such.key")


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


def test_csv_download_keeps_vietnamese_and_flattens_lists(app_module: ModuleType) -> None:
    frame = pl.DataFrame({"đơn vị": ["Sở Tư pháp"], "năm": [[2021, 2022]]})
    data: bytes = app_module.csv_bytes(frame)
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    text = data.decode("utf-8-sig")
    assert "Sở Tư pháp" in text
    assert "[2021, 2022]" in text
