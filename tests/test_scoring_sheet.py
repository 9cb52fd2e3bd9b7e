"""The year-end scoring sheet as analysts keep it (title, units × criteria, a row of maximum
points, total, bonus, rank, signatures) loads as criterion scores and stated ranks: real .xlsx
files, a real landing database, and for the marts a real dbt build."""

from __future__ import annotations

from pathlib import Path

import duckdb
import openpyxl
import pytest

from thidua.cli import main
from thidua.ingest.loader import LoadReport, load_files
from thidua.paths import Home

ORGANISER_FILES = {
    "to_chuc.csv": (
        "Mã tổ chức,Tên,Tên tiếng Anh,Tên viết tắt,Cấp\n"
        "bo-tu-phap,Bộ Tư pháp,Ministry of Justice,BTP,ministry\n"
    ),
    "don_vi.csv": (
        "Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại,Cơ quan tổ chức\n"
        "btp-stp-nam-dinh,Sở Tư pháp tỉnh Nam Định,STP Nam Định,department,Bộ Tư pháp\n"
        "btp-stp-ninh-binh,Sở Tư pháp tỉnh Ninh Bình,STP Ninh Bình,department,Bộ Tư pháp\n"
        "btp-stp-hoa-binh,Sở Tư pháp tỉnh Hòa Bình,STP Hòa Bình,department,Bộ Tư pháp\n"
    ),
    "cum.csv": (
        "Cơ quan tổ chức,Cụm,Tên,Từ năm\n"
        "Bộ Tư pháp,Cụm thi đua số 3,Cụm thi đua số 3 các Sở Tư pháp,2020\n"
    ),
}

HEADER = [
    "STT",
    "Tên đơn vị",
    "Tiêu chí 1",
    "II. Công tác hoà giải cơ sở",
    "TC3",
    "Điểm thưởng",
    "Tổng điểm",
    "Xếp hạng",
]


def _reference(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ORGANISER_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")


def _sheet(
    path: Path,
    *,
    title: bool = True,
    sheet_name: str = "Tổng hợp",
    wrong_total: bool = False,
) -> Path:
    """The sheet as an analyst keeps it: organiser, title merged across the table, a blank row,
    the header, the max row, units (one abbreviated, one in the other tone-mark style), a blank
    row, signatures."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_name
    if title:
        sheet.append(["BỘ TƯ PHÁP"])
        sheet.append(["BẢNG TỔNG HỢP ĐIỂM CHẤM THI ĐUA NĂM 2023"])
        sheet.merge_cells("A2:H2")
        sheet.append(["CỤM THI ĐUA SỐ III - CÁC SỞ TƯ PHÁP"])
        sheet.merge_cells("A3:H3")
        sheet.append([])
    sheet.append(HEADER)
    sheet.append(["Điểm tối đa", None, 30, 40, 30, 5, 105, None])
    sheet.append([1, "STP Nam Định", 28, 38.5, 29, 2, 97.5, "Nhất"])
    sheet.append([2, "Sở Tư pháp tỉnh Hoà Bình", 27, "36,5", None, None, 63.5, 2])
    sheet.append([3, "Sở Tư pháp tỉnh Ninh Bình", 25, 35, 27, 1, 90 if wrong_total else 88, "Ba"])
    sheet.append([])
    sheet.append([None, "NGƯỜI LẬP BIỂU", None, None, None, "TM. CỤM TRƯỞNG"])
    sheet.append([None, None, None, None, None, "Nam Định, ngày 15 tháng 12 năm 2023"])
    sheet.append([None, "Nguyễn Văn An", None, None, None, "Trần Thị Bình"])
    workbook.save(path)
    return path


def _load(tmp_path: Path, sheet: Path, **options: object) -> tuple[Home, LoadReport]:
    folder = tmp_path / "reference"
    _reference(folder)
    home = Home(tmp_path / "home")
    reference = load_files([folder], home)
    assert reference.quarantined_rows == 0
    return home, load_files([sheet], home, **options)  # type: ignore[arg-type]


def _raw(home: Home, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(home.raw_db), read_only=True) as con:
        return con.sql(sql).fetchall()


@pytest.mark.integration
def test_a_scoring_sheet_loads_as_criterion_scores_and_stated_ranks(tmp_path: Path) -> None:
    from thidua.query.read import read_query
    from thidua.warehouse.build import build_and_publish

    home, report = _load(tmp_path, _sheet(tmp_path / "bang_diem.xlsx"))
    assert report.rejected == []
    assert report.quarantined_rows == 0
    by_label = {b.label: b for b in report.batches}
    # one batch per criterion column (named like an Excel column reference) and the ranks
    assert list(by_label) == [
        "bang_diem.xlsx [Tổng hợp!C:C]",
        "bang_diem.xlsx [Tổng hợp!D:D]",
        "bang_diem.xlsx [Tổng hợp!E:E]",
        "bang_diem.xlsx [Tổng hợp!H:H]",
    ]
    assert [by_label[label].record_type for label in by_label] == [
        "scores",
        "scores",
        "scores",
        "rankings",
    ]
    first = by_label["bang_diem.xlsx [Tổng hợp!C:C]"].message or ""
    assert "Cụm thi đua số III" in first and "2023" in first
    assert "skipped 3 title row(s), 3 signature/footnote row(s)" in first
    # the blank TC3 cell of row 8 is left out and said so, never read as 0
    third = by_label["bang_diem.xlsx [Tổng hợp!E:E]"]
    assert third.rows_read == 2
    assert "blank cells not loaded (not counted as 0): row(s) 8" in (third.message or "")

    # title and signature rows are not records: only the three units' rows landed
    rows = _raw(home, "select distinct source_row from scores order by 1")
    assert rows == [(7,), (8,), (9,)]
    provenance = _raw(home, "select distinct source_kind, source_ref from scores")
    assert provenance == [("official", None)]
    assert _raw(home, "select count(*) from quarantine") == [(0,)]

    built = build_and_publish(home)
    assert built.tests_failed == 0
    criteria = read_query(
        home.published_db,
        "select unit_id, criterion_name, points, max_points from marts.fct_criterion_scores"
        " order by unit_id, criterion_name",
    ).rows()
    assert criteria == [
        ("btp-stp-hoa-binh", "II. Công tác hoà giải cơ sở", 36.5, 40.0),
        ("btp-stp-hoa-binh", "Tiêu chí 1", 27.0, 30.0),
        ("btp-stp-nam-dinh", "II. Công tác hoà giải cơ sở", 38.5, 40.0),
        ("btp-stp-nam-dinh", "TC3", 29.0, 30.0),
        ("btp-stp-nam-dinh", "Tiêu chí 1", 28.0, 30.0),
        ("btp-stp-ninh-binh", "II. Công tác hoà giải cơ sở", 35.0, 40.0),
        ("btp-stp-ninh-binh", "TC3", 27.0, 30.0),
        ("btp-stp-ninh-binh", "Tiêu chí 1", 25.0, 30.0),
    ]
    totals = read_query(
        home.published_db,
        "select unit_id, cluster_id, results_year, final_score, bonus, declared_rank"
        " from marts.fct_unit_year_scores order by unit_id",
    ).rows()
    # the sheet's own totals: 97.5, 63.5 and 88 (criteria + bonus)
    assert totals == [
        ("btp-stp-hoa-binh", "bo-tu-phap:cum-03", 2023, 63.5, None, 2),
        ("btp-stp-nam-dinh", "bo-tu-phap:cum-03", 2023, 97.5, 2.0, 1),
        ("btp-stp-ninh-binh", "bo-tu-phap:cum-03", 2023, 88.0, 1.0, 3),
    ]


def test_a_stated_total_that_is_not_the_sum_is_named(tmp_path: Path) -> None:
    home, report = _load(tmp_path, _sheet(tmp_path / "bang_diem.xlsx", wrong_total=True))
    findings = _raw(
        home,
        "select distinct source_file, source_sheet, source_row, column_name, rule, message_vi,"
        " message_en from quarantine",
    )
    assert {f[1] for f in findings} == {"Tổng hợp!C:C", "Tổng hợp!D:D", "Tổng hợp!E:E"}
    file, _, row, column, rule, message_vi, message_en = findings[0]
    assert (file, row, column, rule) == ("bang_diem.xlsx", 9, "Tổng điểm (G)", "total_mismatch")
    assert "‘90’" in str(message_vi) and "88" in str(message_vi)
    assert "the stated total ‘90’ is not the sum of the criteria and bonus (88)" in str(message_en)
    # the unit's scores are held back together; its stated rank still lands
    assert _raw(home, "select count(*) from scores where source_row = 9") == [(0,)]
    assert _raw(home, "select rank from rankings where source_row = 9") == [(3,)]
    assert report.quarantined_rows == 3


def test_cluster_and_year_come_from_the_options_or_the_sheet_name(tmp_path: Path) -> None:
    untitled = _sheet(tmp_path / "untitled.xlsx", title=False, sheet_name="Bảng điểm")
    home, report = _load(
        tmp_path, untitled, cluster="Cụm thi đua số 3", year=2023, organizer="Bộ Tư pháp"
    )
    assert report.rejected == [] and report.quarantined_rows == 0
    assert _raw(home, "select distinct organizer_id, cluster_id, results_year from scores") == [
        ("bo-tu-phap", "bo-tu-phap:cum-03", 2023)
    ]
    # header on row 1: the units are rows 3 to 5
    assert _raw(home, "select distinct source_row from rankings order by 1") == [(3,), (4,), (5,)]

    named = _sheet(tmp_path / "named.xlsx", title=False, sheet_name="Cụm 3 - năm 2022")
    report = load_files([named], home, organizer="bo-tu-phap")
    assert report.rejected == [] and report.quarantined_rows == 0
    assert _raw(home, "select distinct results_year from scores order by 1") == [(2022,), (2023,)]


def test_a_sheet_that_says_neither_cluster_nor_year_is_rejected_naming_the_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    untitled = _sheet(tmp_path / "untitled.xlsx", title=False, sheet_name="Bảng điểm")
    home = Home(tmp_path / "home")
    code = main(["--home", str(home.root), "load", str(untitled)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert "--cluster" in err and "--year" in err
    assert "không ghi cụm/khối (--cluster) và năm (--year)" in err
    assert "does not give its cluster (--cluster) and year (--year)" in err


def test_record_files_are_not_taken_for_scoring_sheets(tmp_path: Path) -> None:
    """A one-record-per-row scores file with a max-points column stays what it is."""
    path = tmp_path / "diem.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Cơ quan tổ chức", "Cụm", "Năm", "Đơn vị", "Tiêu chí", "Điểm", "Điểm tối đa"])
    sheet.append(["Bộ Tư pháp", "Cụm thi đua số 3", 2023, "STP Nam Định", "TC1", 28, 30])
    workbook.save(path)
    _, report = _load(tmp_path, path)
    assert [(b.label, b.record_type, b.rows_loaded) for b in report.batches] == [
        ("diem.xlsx [Sheet]", "scores", 1)
    ]
