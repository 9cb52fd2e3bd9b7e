"""What the pages offer to download, driven headless with streamlit.testing.v1.AppTest: the
table files (XLSX, Excel CSV) and the Word reports of the cluster and unit pages.

The buttons make their files on click (a deferred callable); the `download` fixture asks
Streamlit's media file manager to run it, as the server does when a browser asks for the file.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import docx
import openpyxl
import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from thidua.paths import APP_ENTRY, Home

pytestmark = pytest.mark.integration

RUN_TIMEOUT_S = 120
CLUSTERS = "views/clusters.py"
UNITS = "views/units.py"
CUM_8 = "th-ubnd:cum-08"
LOCAL = "http://localhost:8501/"  # where a file's links point when no public address is set

Download = Callable[[AppTest, str], bytes]


@pytest.fixture
def app(published_home: Home, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("THIDUA_HOME", str(published_home.root))
    monkeypatch.delenv("THIDUA_PUBLIC_URL", raising=False)
    return AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S)


@pytest.fixture
def download(monkeypatch: pytest.MonkeyPatch) -> Download:
    """The file a click on the download button `key` gives, from the last run."""
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


def _open(at: AppTest, page: str, **params: str) -> AppTest:
    at.run()
    at.switch_page(page)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _labels(at: AppTest) -> list[str]:
    return [e.proto.label for e in at.get("download_button")]


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text]


def _links(data: bytes) -> list[str]:
    part = docx.Document(io.BytesIO(data)).part
    return [rel.target_ref for rel in part.rels.values() if rel.is_external]


def test_every_table_offers_csv_xlsx_and_the_excel_csv(app: AppTest) -> None:
    at = _open(app, CLUSTERS, cluster=CUM_8)
    labels = _labels(at)
    assert labels.count("Tải CSV") == labels.count("Tải Excel (XLSX)") >= 1
    assert labels.count("Tải CSV cho Excel tiếng Việt") == labels.count("Tải CSV")


def test_the_roster_xlsx_has_plain_years_whole_links_and_sources_in_words(
    app: AppTest, download: Download
) -> None:
    at = _open(app, CLUSTERS, cluster=CUM_8)
    sheet = openpyxl.load_workbook(io.BytesIO(download(at, "roster_xlsx"))).active
    headers = [c.value for c in sheet[1]]
    rows = [dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert sheet.auto_filter.ref and sheet.freeze_panes == "A2"
    years = [row["Năm thi đua"] for row in rows]
    assert all(isinstance(c.value, int) and c.number_format == "0" for c in years)
    pages = [row["Trang đơn vị"] for row in rows]
    assert all(str(c.value).startswith(LOCAL + "don-vi?") for c in pages)
    assert all(c.hyperlink is not None for c in pages)
    text = [str(c.value) for row in rows for c in row.values() if c.value is not None]
    assert not any("synthetic:" in cell for cell in text)
    generated = [row for row in rows if row["Nguồn dữ liệu"].value == "Mô phỏng"]
    assert generated and all(
        "Bộ sinh dữ liệu mô phỏng (" in row["Nguồn"].value for row in generated
    )


def test_the_roster_excel_csv_reads_the_vietnamese_way(app: AppTest, download: Download) -> None:
    at = _open(app, CLUSTERS, cluster=CUM_8)
    data = download(at, "roster_excel_csv")
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].split(";")[:3] == ["Năm thi đua", "Đơn vị", "Vai trò"]
    assert any(line.startswith("2021;Sở Ngoại vụ;") for line in lines)


def test_the_cluster_page_offers_the_year_report(app: AppTest, download: Download) -> None:
    at = _open(app, CLUSTERS, cluster=CUM_8, year="2021")
    assert "Tải báo cáo năm (Word)" in _labels(at)
    assert at.selectbox(key="report_year").value == 2021  # the year the link names
    data = download(at, "cluster_report_docx")
    text = _paragraphs(data)
    assert text[:2] == ["BÁO CÁO KẾT QUẢ THI ĐUA", "Cụm thi đua số 8 — năm 2021"]
    assert any(p.startswith("Trưởng cụm/khối: Sở Ngoại vụ") for p in text)
    assert any(
        link.startswith(LOCAL + "cum-khoi?") and "year=2021" in link for link in _links(data)
    )
    at.selectbox(key="report_year").set_value(2022).run()
    assert not at.exception
    assert _paragraphs(download(at, "cluster_report_docx"))[1] == "Cụm thi đua số 8 — năm 2022"


def test_the_report_speaks_the_page_language(app: AppTest, download: Download) -> None:
    at = _open(app, CLUSTERS, cluster=CUM_8, year="2021")
    at.radio(key="lang").set_value("en").run()
    assert "Download the year's report (Word)" in _labels(at)
    assert _paragraphs(download(at, "cluster_report_docx"))[0] == "EMULATION RESULTS REPORT"


def test_the_unit_page_offers_the_units_record(app: AppTest, download: Download) -> None:
    at = _open(app, UNITS, unit="th-so-tu-phap")
    assert "Tải quá trình thi đua (Word)" in _labels(at)
    text = _paragraphs(download(at, "unit_report_docx"))
    assert text[:2] == ["QUÁ TRÌNH THI ĐUA CỦA ĐƠN VỊ", "Sở Tư pháp"]
