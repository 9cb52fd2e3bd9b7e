"""Table downloads for people and for tools: the XLSX, the CSV Vietnamese Excel opens as it is,
the plain CSV, and the generator's reference in words.

Plain frames in, files out, read back with openpyxl and polars: no warehouse needed. The files a
page offers are checked in test_downloads_pages.py.
"""

from __future__ import annotations

import io
import os
from datetime import date
from types import ModuleType

import openpyxl
import polars as pl
import pytest

from thidua.paths import APP_ENTRY

GENERATOR_REF = "synthetic:province:seed=1"
BASE = "http://thidua.example.vn:8501/"


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """app/downloads.py, imported as Streamlit imports the app's modules (app/ on sys.path)."""
    monkeypatch.syspath_prepend(str(APP_ENTRY.parent))
    import downloads

    return downloads


def _results(downloads: ModuleType) -> tuple[pl.DataFrame, dict[str, object]]:
    """A results table as the cluster page exports it: headers translated, kinds from its Cols."""
    frame = pl.DataFrame(
        {
            "Năm thi đua": [2015, 2021],
            "Đơn vị": ["Ban Dân tộc tỉnh Thanh Hóa", "Sở Tư pháp"],
            "Điểm": [97.785714, None],
            "Điểm tối đa": [100.0, 1000.0],
            "Tỷ lệ điểm tối đa": [0.977857, 0.9],
            "Số thành viên": [8, 1234],
            "Ngày": [date(2022, 1, 14), None],
            "Nguồn điểm": [f"Bộ sinh dữ liệu mô phỏng ({GENERATOR_REF})", None],
            "Mã nguồn điểm": [GENERATOR_REF, f"article:002; {GENERATOR_REF}"],
            "Liên kết nguồn": ["https://baothanhhoa.vn/bai-viet", None],
            "Trang đơn vị": ["don-vi?unit=th-ban-dan-toc&synth=0", None],
        }
    )
    file_column = downloads.FileColumn
    columns = {
        "Năm thi đua": file_column("year"),
        "Điểm": file_column("number", 1),
        "Điểm tối đa": file_column("number", 0),
        "Tỷ lệ điểm tối đa": file_column("percent", 1),
        "Số thành viên": file_column("int"),
        "Ngày": file_column("date"),
        "Liên kết nguồn": file_column("link"),
        "Trang đơn vị": file_column("page"),
    }
    return frame, columns


def _sheet(data: bytes) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(io.BytesIO(data)).active


def _column(sheet: openpyxl.worksheet.worksheet.Worksheet, header: str) -> list[openpyxl.cell.Cell]:
    headers = [c.value for c in sheet[1]]
    index = headers.index(header) + 1
    return [row[0] for row in sheet.iter_rows(min_row=2, min_col=index, max_col=index)]


def test_xlsx_writes_years_plain_scores_rounded_and_shares_as_percent(
    downloads: ModuleType,
) -> None:
    frame, columns = _results(downloads)
    sheet = _sheet(downloads.xlsx_bytes(frame, columns, sheet="kết quả: cụm 8", base_url=BASE))
    years = _column(sheet, "Năm thi đua")
    assert [c.value for c in years] == [2015, 2021]
    assert all(isinstance(c.value, int) and c.number_format == "0" for c in years)  # not 2,015
    score = _column(sheet, "Điểm")
    assert score[0].value == 97.79 and score[0].number_format == "#,##0.00"
    assert score[1].value is None  # unknown stays blank, never 0
    assert _column(sheet, "Điểm tối đa")[0].number_format == "#,##0"  # whole maxima: 100, 1.000
    share = _column(sheet, "Tỷ lệ điểm tối đa")
    assert share[0].value == pytest.approx(0.9779) and share[0].number_format == "0.0%"
    assert _column(sheet, "Số thành viên")[1].number_format == "#,##0"  # counts group thousands
    day = _column(sheet, "Ngày")[0]
    assert day.value.date() == date(2022, 1, 14) and day.number_format == "dd/mm/yyyy"


def test_xlsx_has_a_filter_a_frozen_header_and_readable_widths(downloads: ModuleType) -> None:
    frame, columns = _results(downloads)
    sheet = _sheet(downloads.xlsx_bytes(frame, columns, sheet="kết quả: cụm 8", base_url=BASE))
    assert sheet.title == "kết quả  cụm 8"  # Excel refuses ":" in a sheet name
    assert sheet.auto_filter.ref == "A1:K3"
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    assert 6 <= widths["A"] <= 12  # a year column is narrow
    assert all(6 <= width <= 63 for width in widths.values())  # a long title does not sprawl


def test_xlsx_links_are_whole_addresses_that_open(downloads: ModuleType) -> None:
    frame, columns = _results(downloads)
    sheet = _sheet(downloads.xlsx_bytes(frame, columns, base_url=BASE))
    page = _column(sheet, "Trang đơn vị")[0]
    assert page.value == BASE + "don-vi?unit=th-ban-dan-toc&synth=0"
    assert page.hyperlink is not None and page.hyperlink.target == page.value
    source = _column(sheet, "Liên kết nguồn")[0]
    assert (
        source.hyperlink is not None
        and source.hyperlink.target == "https://baothanhhoa.vn/bai-viet"
    )


def test_xlsx_says_generated_in_words_never_with_the_generator_code(downloads: ModuleType) -> None:
    frame, columns = _results(downloads)
    for lang, words in (("vi", "Bộ sinh dữ liệu mô phỏng"), ("en", "Synthetic data generator")):
        # the source column as the presenters label it in the page's language
        labelled = frame.with_columns(pl.lit(f"{words} ({GENERATOR_REF})").alias("Nguồn điểm"))
        sheet = _sheet(downloads.xlsx_bytes(labelled, columns, lang=lang, base_url=BASE))
        cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        assert not any("synthetic:" in cell for cell in cells), lang
        source = _column(sheet, "Nguồn điểm")[0].value
        ref = _column(sheet, "Mã nguồn điểm")[1].value
        assert source.startswith(words) and source.count(words) == 1  # said once, not twice
        assert ref.startswith("article:002; ") and words in ref  # the real reference stays
    assert _column(sheet, "Mã nguồn điểm")[0].value == (
        "Synthetic data generator (province data set, seed 1)"
    )


def test_xlsx_text_stays_text(downloads: ModuleType) -> None:
    frame = pl.DataFrame({"Ghi chú": ["=1+1", "0912345678", "http://not-a-link-column.vn"]})
    sheet = _sheet(downloads.xlsx_bytes(frame))
    cells = _column(sheet, "Ghi chú")
    assert [c.value for c in cells] == ["=1+1", "0912345678", "http://not-a-link-column.vn"]
    assert all(c.data_type == "s" and c.hyperlink is None for c in cells)


def test_excel_csv_opens_in_vietnamese_excel(downloads: ModuleType) -> None:
    frame, columns = _results(downloads)
    data = downloads.excel_csv_bytes(frame, columns, base_url=BASE)
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only after the BOM
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0].split(";")[:3] == ["Năm thi đua", "Đơn vị", "Điểm"]
    first = lines[1].split(";")
    assert first[0] == "2015"  # a year, not 2.015
    assert first[2] == "97,79"  # rounded, decimal comma
    assert first[4] == "97,79%"  # Excel reads a percentage back as the number 0,9779
    assert first[6] == "14/01/2022"
    assert "synthetic:" not in text and "Bộ sinh dữ liệu mô phỏng" in text
    assert BASE + "don-vi?unit=th-ban-dan-toc&synth=0" in text
    back = pl.read_csv(io.BytesIO(data), separator=";", decimal_comma=True, infer_schema=False)
    assert back.columns == frame.columns
    assert back.height == frame.height


def test_plain_csv_rounds_numbers_and_keeps_codes_for_tools(downloads: ModuleType) -> None:
    frame, columns = _results(downloads)
    data = downloads.csv_bytes(frame, columns, base_url=BASE)
    assert data.startswith("\ufeff".encode())
    back = pl.read_csv(io.BytesIO(data))
    assert back["Năm thi đua"].to_list() == [2015, 2021]
    assert back["Điểm"].to_list() == [97.79, None]
    assert back["Tỷ lệ điểm tối đa"].to_list() == [0.9779, 0.9]
    assert back["Mã nguồn điểm"][0] == GENERATOR_REF  # the id other tools join dim_source on
    assert back["Trang đơn vị"][0] == BASE + "don-vi?unit=th-ban-dan-toc&synth=0"


def test_unknown_columns_are_written_safely(downloads: ModuleType) -> None:
    """A frame without column kinds (a user's SQL result): integers plain, floats rounded."""
    frame = pl.DataFrame({"nam": [2019], "diem": [1 / 3], "ds": [[1, 2]]})
    sheet = _sheet(downloads.xlsx_bytes(frame))
    assert sheet["A2"].value == 2019 and sheet["A2"].number_format == "0"
    assert sheet["B2"].value == 0.33
    assert sheet["C2"].value == "[1, 2]"
    assert "0.33" in downloads.csv_bytes(frame).decode("utf-8-sig")


def test_generator_references_read_as_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(APP_ENTRY.parent))
    import source_words

    words = "Bộ sinh dữ liệu mô phỏng (bộ dữ liệu cấp tỉnh, giá trị khởi tạo 1)"
    assert source_words.refs_in_words(GENERATOR_REF, "vi") == words
    assert source_words.refs_in_words(f"Bộ sinh dữ liệu mô phỏng ({GENERATOR_REF})", "vi") == words
    assert source_words.refs_in_words("article:002", "vi") == "article:002"
    national = source_words.refs_in_words("synthetic:national:seed=7", "en")
    assert national == "Synthetic data generator (national data set, seed 7)"
    assert source_words.is_generator_ref(GENERATOR_REF)
    assert not source_words.is_generator_ref("article:002")


def test_the_public_address_can_be_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(APP_ENTRY.parent))
    import public_url

    monkeypatch.setenv(public_url.PUBLIC_URL_ENV, "https://thidua.example.vn/bang-dieu-khien")
    base = public_url.base_url()
    assert base == "https://thidua.example.vn/bang-dieu-khien/"
    assert public_url.absolute("cum-khoi?cluster=th-ubnd:cum-08", base) == (
        "https://thidua.example.vn/bang-dieu-khien/cum-khoi?cluster=th-ubnd:cum-08"
    )
    monkeypatch.delenv(public_url.PUBLIC_URL_ENV)
    assert os.environ.get(public_url.PUBLIC_URL_ENV) is None
    assert public_url.base_url() == "http://localhost:8501/"  # outside a browser session
