"""The loader on real files: the ledger balances, nothing is lost, nothing is doubled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from thidua.cli import main
from thidua.ingest.loader import load_files
from thidua.paths import SAMPLE_DIR, Home

REAL = SAMPLE_DIR / "real"


def _query(home: Home, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_real_sample_loads_whole_and_the_ledger_balances(fresh_home: Home) -> None:
    report = load_files([REAL], fresh_home)
    assert not report.rejected
    assert report.quarantined_rows == 0
    ledger = _query(fresh_home, "select rows_read, rows_loaded, rows_quarantined from load_ledger")
    assert ledger, "every file is in the ledger"
    assert all(read == loaded + quarantined for read, loaded, quarantined in ledger)
    # Cụm 8's 2021 ranking as the article states it, with the original strings kept.
    ranks = _query(
        fresh_home,
        "select unit_raw, unit_id, rank from rankings "
        "where cluster_id = 'th-ubnd:cum-08' order by rank",
    )
    assert ranks == [
        ("Ban Dân tộc tỉnh", "th-ban-dan-toc", 1),
        ("Sở Tư pháp", "th-so-tu-phap", 2),
        ("Sở Nội vụ", "th-so-noi-vu", 3),
    ]
    # "Dân tộc tỉnh" (as the article writes it) resolves only because the alias is scoped to Cụm 8.
    deputy = _query(
        fresh_home,
        "select unit_id from memberships where unit_raw = 'Dân tộc tỉnh' and results_year = 2021",
    )
    assert deputy == [("th-ban-dan-toc",)]


def test_loading_the_same_content_again_is_a_no_op(fresh_home: Home) -> None:
    load_files([REAL], fresh_home)
    before = _query(fresh_home, "select count(*) from memberships")[0][0]
    again = load_files([REAL], fresh_home)
    assert {b.status for b in again.batches} == {"unchanged"}
    assert _query(fresh_home, "select count(*) from memberships")[0][0] == before


def test_the_xlsx_workbook_gives_one_batch_per_sheet_with_excel_row_numbers(
    fresh_home: Home,
) -> None:
    report = load_files([REAL / "cum_thi_dua_so_5.xlsx"], fresh_home)
    assert sorted(b.record_type or "" for b in report.batches) == [
        "clusters",
        "events",
        "memberships",
    ]
    rows = _query(
        fresh_home,
        "select source_sheet, min(source_row), max(source_row), count(*) "
        "from memberships group by 1",
    )
    assert rows == [("Thành viên", 2, 17, 16)]


def test_unknown_names_are_quarantined_with_candidates_then_resolved_by_an_alias(
    fresh_home: Home, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _write(
        tmp_path / "thanh_vien.csv",
        "Cụm/Khối,Năm,Đơn vị,Vai trò\nCụm thi đua số 8,2023,Sở Tư phap tinh,Cụm trưởng\n"
        "Cụm thi đua số 8,2023,Sở Nội vụ,Thành viên\n",
    )
    assert main(["load", str(bad)]) == 0
    out = capsys.readouterr().out
    assert "dòng/row 2" in out and "unresolved_name" in out and "th-so-tu-phap" in out
    assert _query(fresh_home, "select count(*) from memberships")[0][0] == 1
    quarantined = _query(fresh_home, "select source_row, column_name, value, rule from quarantine")
    assert quarantined == [(2, "unit", "Sở Tư phap tinh", "unresolved_name")]

    assert main(["aliases", "add", "Sở Tư phap tinh", "th-so-tu-phap", "--cluster", "Cụm 8"]) == 0
    assert main(["load", str(bad)]) == 0
    leaders = _query(
        fresh_home,
        "select unit_raw, unit_id from memberships where role = 'leader' and results_year = 2023",
    )
    assert leaders == [("Sở Tư phap tinh", "th-so-tu-phap")]


def test_gate_quarantines_rule_breaks_and_keeps_good_rows(fresh_home: Home, tmp_path: Path) -> None:
    scores = _write(
        tmp_path / "diem.csv",
        "cluster;results_year;unit;criterion;points;max_points\n"
        "Cụm thi đua số 8;2023;Sở Nội vụ;TC1;9,5;10\n"
        "Cụm thi đua số 8;2023;Sở Tư pháp;TC1;12;10\n"
        "Cụm thi đua số 8;2023;Sở Tư pháp;TC2;-1;10\n"
        "Cụm thi đua số 8;2023;Thanh tra tỉnh;TC1;abc;10\n",
    )
    report = load_files([scores], fresh_home)
    (batch,) = report.batches
    assert (batch.rows_read, batch.rows_loaded, batch.rows_quarantined) == (4, 1, 3)
    rules = _query(fresh_home, "select source_row, rule from quarantine order by source_row")
    assert rules == [
        (3, "expect_column_pair_values_a_to_be_greater_than_b"),
        (4, "expect_column_values_to_be_between"),
        (5, "not_a_number"),
    ]
    assert _query(fresh_home, "select points from scores") == [(9.5,)]
    results = _query(
        fresh_home, "select count(*), count(*) filter (where not success) from validation_results"
    )
    assert results[0][0] > 0 and results[0][1] == 2
    # Every expectation saw the four rows, the one coercion could not read too (so all of a
    # row's problems come in one load); a passing one found no unexpected row, a failing one
    # names how many it found. Row 5's empty points restate its not_a_number finding: the
    # not-null expectation does not count it.
    counts = _query(
        fresh_home,
        "select expectation, success, element_count, unexpected_count from validation_results",
    )
    assert {elements for _, _, elements, _ in counts} == {4}
    assert all(unexpected == 0 for _, success, _, unexpected in counts if success)
    assert sorted((rule, unexpected) for rule, success, _, unexpected in counts if not success) == [
        ("expect_column_pair_values_a_to_be_greater_than_b", 1),
        ("expect_column_values_to_be_between", 1),
    ]


def test_a_file_without_required_columns_is_rejected_whole(
    fresh_home: Home, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incomplete = _write(tmp_path / "memberships.csv", "cluster,unit\nCụm thi đua số 8,Sở Nội vụ\n")
    assert main(["load", str(incomplete)]) == 1
    err = capsys.readouterr().err
    assert "memberships.csv" in err and "results_year" in err
    assert "Traceback" not in err
    assert _query(fresh_home, "select status, rows_read from load_ledger") == [("rejected", 0)]


def test_strict_fails_the_run_when_a_row_is_quarantined(fresh_home: Home, tmp_path: Path) -> None:
    bad = _write(
        tmp_path / "rankings.csv", "cluster,results_year,unit,rank\nCụm 8,2021,Sở Nội vụ,0\n"
    )
    assert main(["load", "--strict", str(bad)]) == 1


def test_missing_path_is_one_clear_line(
    fresh_home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", "/no/such/file.csv"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/no/such/file.csv" in err


def test_numbers_written_with_thousands_separators(fresh_home: Home, tmp_path: Path) -> None:
    scores = _write(
        tmp_path / "scores.csv",
        "cluster;results_year;unit;criterion;points;max_points\n"
        "Cụm 8;2023;Sở Nội vụ;TC1;1.000;1000\n"  # one thousand, or one: never guessed
        "Cụm 8;2023;Sở Tư pháp;TC1;950,5;1.000,0\n"  # thousands dot with a decimal comma
        "Cụm 8;2023;Thanh tra tỉnh;TC1;1,000;1000\n",  # English thousands, or Vietnamese one
    )
    load_files([scores], fresh_home)
    assert _query(fresh_home, "select source_row, rule from quarantine order by 1") == [
        (2, "ambiguous_number"),
        (4, "ambiguous_number"),
    ]
    assert _query(fresh_home, "select points, max_points from scores") == [(950.5, 1000.0)]


def test_reference_records_extend_the_seeds_for_the_files_that_follow(
    fresh_home: Home, tmp_path: Path
) -> None:
    """Organisers and units beyond the seeds (another province) load first, whatever the folder
    order, and the records that name them resolve; loading everything again changes nothing.
    (Each file is read and coerced while the one before it lands, against the names known
    then: the units and memberships must be coerced again once the organisers have landed.)"""
    folder = tmp_path / "ninh_binh"
    folder.mkdir()
    _write(
        folder / "a_memberships.csv",
        "organizer,cluster,results_year,unit,role\n"
        "UBND tỉnh Ninh Bình,Cụm thi đua số 1,2024,Sở GD&ĐT Ninh Bình,leader\n"
        "UBND tỉnh Ninh Bình,Cụm thi đua số 1,2024,Sở Y tế tỉnh Ninh Bình,\n",
    )
    _write(
        folder / "units.csv",
        "unit_id,name,short_name,unit_type,organizer\n"
        "nb-so-gddt,Sở Giáo dục và Đào tạo tỉnh Ninh Bình,Sở GD&ĐT Ninh Bình,department,nb-ubnd\n"
        "nb-so-yte,Sở Y tế tỉnh Ninh Bình,,department,UBND tỉnh Ninh Bình\n"
        "nb-bad,Đơn vị lỗi,,department,Không rõ\n",
    )
    _write(
        folder / "organizers.csv",
        "organizer_id,name,short_name,level\n"
        "nb-ubnd,Ủy ban nhân dân tỉnh Ninh Bình,UBND tỉnh Ninh Bình,province\n",
    )
    report = load_files([folder], fresh_home)
    assert [b.record_type for b in report.batches] == ["organizers", "units", "memberships"]
    assert _query(fresh_home, "select source_row, rule from quarantine") == [
        (4, "unknown_organizer")
    ]
    assert _query(
        fresh_home, "select organizer_id, cluster_id, unit_id, role from memberships order by 3"
    ) == [
        ("nb-ubnd", "nb-ubnd:cum-01", "nb-so-gddt", "leader"),
        ("nb-ubnd", "nb-ubnd:cum-01", "nb-so-yte", None),
    ]
    again = load_files([folder], fresh_home)
    assert {b.status for b in again.batches} == {"unchanged"}
