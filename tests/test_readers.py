"""The readers on their own: a file as an analyst saved it → batches of text cells, or words.

Each test writes a small file in a temporary folder and reads it with the real reader: where the
header is (below title rows, an organiser line, a template's hint row), which record type the
headers say when the file name says another, the row numbers the analyst sees (Excel's rows, a
text editor's lines), CSVs in UTF-8 with a BOM, UTF-16 and Windows-1258, hidden sheets, JSON
records that do not all share their keys, and which files a folder holds. Whole files loaded
into the landing database, with their ledger and quarantine, are in test_corpus.py.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from thidua.errors import FileRejected
from thidua.ingest.readers import (
    LISTS_SHEET,
    ROW,
    RawBatch,
    iter_input_files,
    read_file,
    type_from_name,
)

RANKINGS_TEXT = (
    "Cụm;Năm;Đơn vị;Xếp hạng\n"
    "Cụm thi đua số 8;2023;Sở Nội vụ;Nhất\n"
    " ; ;  ; \n"  # a line of separators and spaces: not a record
    "Cụm thi đua số 8;2023;Sở Tư pháp;9,5\n"
)


def _only_batch(path: Path) -> RawBatch:
    batches = read_file(path)
    assert len(batches) == 1
    (batch,) = batches
    assert isinstance(batch, RawBatch), batch
    return batch


def test_a_header_under_a_title_block_keeps_excel_row_numbers_and_skips_the_hint_row(
    tmp_path: Path,
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Thành viên"
    sheet["A1"] = "DANH SÁCH THÀNH VIÊN CỤM THI ĐUA SỐ 8 NĂM 2023"
    sheet["A2"] = "(kèm theo Quyết định số 12/QĐ-UBND)"
    # row 3 left empty
    for column, header in enumerate(["STT", "Cụm", "Năm", "Đơn vị", "Vai trò"], start=1):
        sheet.cell(4, column, header)
    sheet.cell(5, 2, "↳ ví dụ: Cụm thi đua số 5")  # a template's hint row
    sheet.append([1, "Cụm 8", 2023, "Sở Nội vụ", "Cụm trưởng"])  # row 6
    sheet.append([2, "Cụm 8", 2023, "Sở Tư pháp", None])  # row 7
    sheet.append([])  # row 8: blank between blocks
    sheet.append([3, "Cụm 8", "2023", "Thanh tra tỉnh", "Thành viên"])  # row 9
    path = tmp_path / "danh_sach.xlsx"
    workbook.save(path)

    batch = _only_batch(path)
    assert batch.record_type.name == "memberships"
    assert batch.label == "danh_sach.xlsx [Thành viên]"
    assert batch.frame.select(ROW, "unit", "role", "results_year").rows() == [
        (6, "Sở Nội vụ", "Cụm trưởng", "2023"),
        (7, "Sở Tư pháp", None, "2023"),
        (9, "Thanh tra tỉnh", "Thành viên", "2023"),
    ]
    assert batch.ignored_columns == ["STT"]


def test_the_organiser_line_above_the_header_fills_only_the_blank_organiser_cells(
    tmp_path: Path,
) -> None:
    path = tmp_path / "thanh_vien.csv"
    path.write_text(
        "BÁO CÁO THÀNH VIÊN CỤM,,,\n"
        "Cơ quan tổ chức: Bộ Tư pháp,,,\n"
        "Cơ quan tổ chức,Cụm,Năm,Đơn vị\n"
        ",Cụm thi đua số III,2023,Sở Tư pháp tỉnh Nam Định\n"
        "UBND tỉnh Thanh Hóa,Cụm thi đua số 8,2023,Sở Nội vụ\n",
        encoding="utf-8",
    )
    batch = _only_batch(path)
    assert batch.frame.select(ROW, "organizer", "unit").rows() == [
        (4, "Bộ Tư pháp", "Sở Tư pháp tỉnh Nam Định"),
        (5, "UBND tỉnh Thanh Hóa", "Sở Nội vụ"),
    ]


def _bom_utf16_le(text: str) -> bytes:
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def _bom_utf16_be(text: str) -> bytes:
    return codecs.BOM_UTF16_BE + text.encode("utf-16-be")


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: text.encode("utf-8-sig"),  # Excel's "CSV UTF-8"
        _bom_utf16_le,  # Excel's "Unicode Text"
        _bom_utf16_be,
        lambda text: text.replace("\n", "\r\n").encode("utf-8-sig"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-8-bom-crlf"],
)
def test_semicolon_csvs_in_each_unicode_encoding_read_the_same_cells(
    tmp_path: Path, encode: Callable[[str], bytes]
) -> None:
    path = tmp_path / "xep_hang.csv"
    path.write_bytes(encode(RANKINGS_TEXT))
    batch = _only_batch(path)
    assert batch.record_type.name == "rankings"
    # the BOM is not part of the first header; the blank line is dropped, its number skipped;
    # "9,5" stays text with its comma (reading numbers is coercion's job)
    assert batch.frame.select(ROW, "cluster", "unit", "rank").rows() == [
        (2, "Cụm thi đua số 8", "Sở Nội vụ", "Nhất"),
        (4, "Cụm thi đua số 8", "Sở Tư pháp", "9,5"),
    ]


def test_a_windows_1258_csv_is_rejected_naming_the_line_to_save_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "scores.csv"
    # Windows-1258 writes the tone marks as combining characters after the letter
    cp1258_line = "Cu\u0323m 8,2023,Sơ\u0309 Tư pha\u0301p\n".encode("cp1258")
    path.write_bytes(b"cluster,results_year,unit\nCum 8,2023,So Noi vu\n" + cp1258_line)
    with pytest.raises(FileRejected) as rejected:
        read_file(path)
    assert rejected.value.file == "scores.csv"
    assert (
        rejected.value.message_en == "scores.csv: cannot decode line 3: save the file as CSV UTF-8"
    )
    assert rejected.value.message_vi == (
        "scores.csv: không đọc được mã hóa ở dòng 3: hãy lưu tệp dạng CSV UTF-8"
    )


def test_headers_holding_a_types_required_columns_beat_a_misleading_file_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "diem.csv"  # "điểm": scores, by its name
    path.write_text("Cụm,Năm,Đơn vị,Vai trò\nCụm 8,2023,Sở Nội vụ,Thành viên\n", encoding="utf-8")
    assert _only_batch(path).record_type.name == "memberships"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("thanh_vien_cum_8", "memberships"),  # "thành viên cụm", not "cụm" (clusters)
        ("Cum 5 - diem", "scores"),
        ("Xếp hạng 2023", "rankings"),
        ("khen_thuong_2024", "awards"),
        ("ghi chu", None),
    ],
)
def test_a_file_or_sheet_name_suggests_the_type_its_longest_synonym_names(
    name: str, expected: str | None
) -> None:
    found = type_from_name(name)
    assert (found.name if found else None) == expected


def test_hidden_sheets_are_named_not_loaded_and_the_templates_lists_are_skipped(
    tmp_path: Path,
) -> None:
    workbook = openpyxl.Workbook()
    visible = workbook.active
    assert visible is not None
    visible.title = "Thành viên"
    visible.append(["Cụm", "Năm", "Đơn vị"])
    visible.append(["Cụm 8", 2023, "Sở Nội vụ"])
    for name, state in (("Nháp", "hidden"), ("Cũ", "veryHidden"), (LISTS_SHEET, "hidden")):
        sheet = workbook.create_sheet(name)
        sheet.append(["Cụm", "Năm", "Đơn vị"])
        sheet.append(["Cụm 8", 2023, "Sở Tư pháp"])
        sheet.sheet_state = state
    path = tmp_path / "cum_8.xlsx"
    workbook.save(path)

    loaded, *hidden = read_file(path)
    assert isinstance(loaded, RawBatch)
    assert loaded.frame["unit"].to_list() == ["Sở Nội vụ"]
    assert all(isinstance(h, FileRejected) for h in hidden)
    assert [h.sheet for h in hidden if isinstance(h, FileRejected)] == ["Nháp", "Cũ"]
    assert "the sheet is hidden, so it is not loaded" in str(hidden[0])
    assert "trang tính đang ẩn" in str(hidden[0])


def test_json_records_that_do_not_share_their_keys_are_read_under_one_header(
    tmp_path: Path,
) -> None:
    records = [
        {"Cụm": "Cụm 8", "Năm": 2023, "Đơn vị": "Sở Nội vụ", "Xếp hạng": 1},
        {"Cụm": "Cụm 8", "Năm": 2023, "Đơn vị": "Sở Tư pháp", "Ghi chú": "đồng hạng"},
        {"Cụm": "Cụm 8", "Năm": 2023, "Đơn vị": "Thanh tra tỉnh", "Xếp hạng": None},
    ]
    path = tmp_path / "xep_hang.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    batch = _only_batch(path)
    assert batch.record_type.name == "rankings"
    assert batch.frame.select(ROW, "unit", "rank", "note").rows() == [
        (2, "Sở Nội vụ", "1", None),
        (3, "Sở Tư pháp", None, "đồng hạng"),
        (4, "Thanh tra tỉnh", None, None),
    ]


def test_a_folder_yields_its_record_files_sorted_without_lock_hidden_or_text_files(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "nhan"
    (folder / "2024").mkdir(parents=True)
    names = [
        "b.csv",
        "a.XLSX",
        "~$a.xlsx",  # Excel's lock file while a.xlsx is open
        ".thanh_vien.csv",  # hidden
        "README.txt",  # read when named, never picked up from a folder
        "bao_cao.docx",
        "cu.xls",  # unreadable, but listed so the analyst is told to save it as .xlsx
        "2024/c.jsonl",
        "2024/d.parquet",
    ]
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")
    named = tmp_path / "ghi_chu.txt"
    named.write_text("x", encoding="utf-8")

    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([folder, named])]
    assert found == [
        "nhan/2024/c.jsonl",
        "nhan/2024/d.parquet",
        "nhan/a.XLSX",
        "nhan/b.csv",
        "nhan/cu.xls",
        "ghi_chu.txt",
    ]


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("bao_cao.docx", "unsupported format (.docx); use CSV, XLSX, JSON or Parquet"),
        ("thanh_vien", "unsupported format (no extension); use CSV, XLSX, JSON or Parquet"),
        ("thanh_vien.ods", ".ods workbooks cannot be read: open it in Excel"),
    ],
)
def test_a_format_that_cannot_be_read_is_rejected_saying_what_to_use(
    tmp_path: Path, name: str, said: str
) -> None:
    path = tmp_path / name
    path.write_text("Cụm,Năm,Đơn vị\nCụm 8,2023,Sở Nội vụ\n", encoding="utf-8")
    with pytest.raises(FileRejected) as rejected:
        read_file(path)
    assert rejected.value.message_en.startswith(f"{name}: {said}")
    assert rejected.value.message_vi.startswith(f"{name}: ")
    assert rejected.value.message_vi != rejected.value.message_en
