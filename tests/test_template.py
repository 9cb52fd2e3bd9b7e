"""`thidua template`: a workbook the reader takes back as it is, with Vietnamese sheet names and
headers, a hint row it skips, and dropdowns offering only spellings the loader accepts."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from thidua.cli import main
from thidua.contract.display_names import column_header, sheet_name
from thidua.contract.records import RECORD_TYPES, REFERENCE_TYPES
from thidua.contract.template import coded_values, template_types
from thidua.contract.vocabulary import has_vocabulary, to_code
from thidua.ingest.loader import load_files
from thidua.ingest.readers import HEADERS, LISTS_SHEET, type_from_name
from thidua.normalize import fold
from thidua.paths import Home

REFERENCE = {
    "to_chuc.csv": "Mã tổ chức,Tên,Tên viết tắt,Cấp\nbo-tu-phap,Bộ Tư pháp,BTP,ministry\n",
    "don_vi.csv": (
        "Mã đơn vị,Tên đơn vị,Tên viết tắt,Cơ quan tổ chức\n"
        "btp-stp-nam-dinh,Sở Tư pháp tỉnh Nam Định,STP Nam Định,Bộ Tư pháp\n"
        "btp-stp-hoa-binh,Sở Tư pháp tỉnh Hòa Bình,STP Hòa Bình,Bộ Tư pháp\n"
    ),
}


# Columns the contract gives only English spellings: nothing Vietnamese to write.
ENGLISH_ONLY = {("award_types", "issuer_en")}


def test_every_column_and_sheet_has_a_vietnamese_spelling_the_reader_maps_back() -> None:
    for record_type in RECORD_TYPES.values():
        name = sheet_name(record_type)
        assert not name.isascii(), record_type.name
        assert type_from_name(name) is record_type, name
        for column in record_type.columns:
            header = column_header(column)
            if (record_type.name, column.name) not in ENGLISH_ONLY:
                assert not header.isascii(), (record_type.name, column.name, header)
            assert HEADERS[record_type.name][fold(header + " *")] == column.name


def test_dropdowns_offer_vietnamese_spellings_the_loader_accepts() -> None:
    role = RECORD_TYPES["memberships"].column("role")
    assert coded_values(role) == ("Cụm trưởng", "Cụm phó", "Thành viên")
    status = RECORD_TYPES["awards"].column("status")
    assert coded_values(status) == ("Đề nghị", "Xét duyệt", "Quyết định")
    awards = coded_values(RECORD_TYPES["awards"].column("award_type"))
    assert "Cờ thi đua của Chính phủ" in awards
    for record_type in RECORD_TYPES.values():
        for column in record_type.columns:
            for value in coded_values(column):
                code = to_code(column.name, value) if has_vocabulary(column.name) else value
                assert code in column.allowed or column.name == "award_type", (column.name, value)


def _validations(sheet: Worksheet, lists: Worksheet) -> dict[str, list[str]]:
    """header text → the values its dropdown offers (read from the hidden lists sheet)."""
    headers = {cell.column_letter: str(cell.value) for cell in sheet[1] if cell.value}
    header_row = 1
    if not any(v.startswith(("STT",)) for v in headers.values()) and sheet["A3"].value:
        header_row = 3
        headers = {c.column_letter: str(c.value) for c in sheet[3] if c.value}
    found = {}
    for validation in sheet.data_validations.dataValidation:
        reference = str(validation.formula1).split("!")[1].replace("$", "")
        start, end = reference.split(":")
        values = [str(c[0].value) for c in lists[f"{start}:{end}"]]
        letter = str(validation.sqref).split(":")[0].rstrip("0123456789")
        found[headers[letter]] = values
    assert header_row in (1, 3)
    return found


def test_a_filled_template_loads_with_nothing_quarantined(tmp_path: Path) -> None:
    folder = tmp_path / "reference"
    folder.mkdir()
    for name, text in REFERENCE.items():
        (folder / name).write_text(text, encoding="utf-8")
    home = Home(tmp_path / "home")
    assert load_files([folder], home).quarantined_rows == 0

    out = tmp_path / "mau.xlsx"
    code = main(
        [
            "--home",
            str(home.root),
            "template",
            "memberships",
            "khen thuong",
            "--organizer",
            "Bộ Tư pháp",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Thành viên", "Khen thưởng", LISTS_SHEET]
    assert workbook[LISTS_SHEET].sheet_state == "hidden"
    members, awards = workbook["Thành viên"], workbook["Khen thưởng"]
    assert members["A1"].value == "Cơ quan tổ chức: Bộ Tư pháp"
    header = [c.value for c in members[3]]
    assert header[:5] == ["Cơ quan tổ chức", "Cụm *", "Năm *", "Đơn vị *", "Vai trò"]
    assert members["B3"].font.bold and not members["E3"].font.bold
    assert str(members["A4"].value).startswith("↳ ")  # the hint row
    lists = workbook[LISTS_SHEET]
    offered = _validations(members, lists)
    assert offered["Vai trò"] == ["Cụm trưởng", "Cụm phó", "Thành viên"]
    assert offered["Đơn vị *"] == ["Sở Tư pháp tỉnh Hòa Bình", "Sở Tư pháp tỉnh Nam Định"]
    assert offered["Cơ quan tổ chức"] == ["Bộ Tư pháp"]
    award_lists = _validations(awards, lists)
    assert award_lists["Trạng thái *"] == ["Đề nghị", "Xét duyệt", "Quyết định"]
    assert "Cờ thi đua của Chính phủ" in award_lists["Hình thức khen thưởng *"]

    # fill it in the way an analyst would: organiser left to the line above the header
    columns = {str(c.value): c.column for c in members[3] if c.value}
    for row, (unit, role) in enumerate(
        zip(offered["Đơn vị *"], offered["Vai trò"], strict=False), start=5
    ):
        members.cell(row, columns["Cụm *"], "Cụm thi đua số 3")
        members.cell(row, columns["Năm *"], 2023)
        members.cell(row, columns["Đơn vị *"], unit)
        members.cell(row, columns["Vai trò"], role)
    columns = {str(c.value): c.column for c in awards[3] if c.value}
    awards.cell(5, columns["Năm *"], 2023)
    awards.cell(5, columns["Đơn vị"], offered["Đơn vị *"][0])
    awards.cell(5, columns["Hình thức khen thưởng *"], award_lists["Hình thức khen thưởng *"][0])
    awards.cell(5, columns["Trạng thái *"], award_lists["Trạng thái *"][0])
    workbook.save(out)

    report = load_files([out], home)
    assert [
        (b.label, b.record_type, b.rows_loaded, b.rows_quarantined) for b in report.batches
    ] == [
        ("mau.xlsx [Thành viên]", "memberships", 2, 0),
        ("mau.xlsx [Khen thưởng]", "awards", 1, 0),
    ]


def test_the_default_template_holds_every_type_reference_first(tmp_path: Path) -> None:
    types = [t.name for t in template_types([])]
    assert sorted(types) == sorted(RECORD_TYPES)
    assert types[: len(REFERENCE_TYPES)] == list(REFERENCE_TYPES)
    out = tmp_path / "all.xlsx"
    assert main(["--home", str(tmp_path / "home"), "template", "--out", str(out)]) == 0
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames[:-1] == [sheet_name(RECORD_TYPES[t]) for t in types]
    # an empty template loads as nothing, not as quarantined hint rows
    report = load_files([out], Home(tmp_path / "home"))
    assert report.quarantined_rows == 0 and report.rejected == []


def test_an_unknown_type_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--home", str(tmp_path), "template", "thanh-vien-x", "--out", str(tmp_path / "t.xlsx")]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert "unknown record type: thanh-vien-x (choose from: organizers, units" in err
    assert "loại bản ghi không hợp lệ" in err
    assert not (tmp_path / "t.xlsx").exists()
