"""thidua.ingest.load_report: the lines `thidua load` prints and the intake page shows.

Built from real loader reports (thidua.ingest.loader.BatchReport / LoadReport, a rejected file's
message from thidua.errors.FileRejected as the loader words it): a loaded batch says what was
read, loaded and quarantined in Vietnamese then English, with ✓ when nothing was quarantined and
! when something was; its findings follow grouped by rule, then the `thidua quarantine --load N`
command (left out of a dry run); a rejected file is one problem line with its reason; a batch
loaded before says so (= or ! when rows are still quarantined); the total adds every batch up.
"""

from __future__ import annotations

import polars as pl

from thidua.errors import FileRejected
from thidua.ingest.load_report import Line, batch_lines, total_line
from thidua.ingest.loader import BatchReport, LoadReport


def _findings(rows: list[tuple[int, str, str, str, str | None, str, str]]) -> pl.DataFrame:
    """(row, rule, column, value, candidates, message_vi, message_en), organiser th-ubnd."""
    return pl.DataFrame(
        {
            "_row": [r[0] for r in rows],
            "rule": [r[1] for r in rows],
            "column_name": [r[2] for r in rows],
            "value": [r[3] for r in rows],
            "candidates": [r[4] for r in rows],
            "message_vi": [r[5] for r in rows],
            "message_en": [r[6] for r in rows],
            "organizer_id": ["th-ubnd" for _ in rows],
        },
        schema={
            "_row": pl.Int64,
            "rule": pl.String,
            "column_name": pl.String,
            "value": pl.String,
            "candidates": pl.String,
            "message_vi": pl.String,
            "message_en": pl.String,
            "organizer_id": pl.String,
        },
    )


def _quarantined_batch(load_id: int = 7) -> BatchReport:
    """A rankings file with an unknown unit name on two rows and a score out of range on one."""
    findings = _findings(
        [
            (4, "unresolved_name", "unit", "Sở GD&DT", "Sở GD&ĐT → th-so-gddt", "", ""),
            (5, "unresolved_name", "unit", "Sở GD&DT", None, "", ""),
            (9, "score_out_of_range", "score", "150", None, "điểm 150 > 100", "score 150 > 100"),
        ]
    )
    return BatchReport(
        "xep_hang_2023.csv",
        "rankings",
        "loaded",
        rows_read=20,
        rows_loaded=17,
        rows_quarantined=3,
        findings=findings,
        load_id=load_id,
    )


def _rejected_batch() -> BatchReport:
    """As loader._reject reports a sheet that lacks a required column."""
    exc = FileRejected(
        "thanh_vien.xlsx", "Cụm 8", "thiếu cột bắt buộc: unit", "missing required column: unit"
    )
    return BatchReport("thanh_vien.xlsx [Cụm 8]", None, "rejected", message=str(exc))


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


# --- one batch -------------------------------------------------------------------------------


def test_a_clean_loaded_batch_is_one_ticked_line_in_both_languages() -> None:
    report = BatchReport(
        "thanh_vien_2023.csv", "memberships", "loaded", rows_read=12, rows_loaded=12, load_id=3
    )
    assert batch_lines(report) == [
        Line(
            "✓ thanh_vien_2023.csv (memberships): đọc 12, nạp 12, cách ly 0 / "
            "read 12, loaded 12, quarantined 0"
        )
    ]


def test_a_clean_batch_with_an_empty_findings_frame_prints_no_quarantine_command() -> None:
    report = BatchReport(
        "a.csv",
        "rankings",
        "loaded",
        rows_read=2,
        rows_loaded=2,
        findings=_findings([]),
        load_id=4,
    )
    texts = _texts(batch_lines(report))
    assert len(texts) == 1
    assert texts[0].startswith("✓ a.csv (rankings)")
    assert not any("thidua quarantine" in text for text in texts)


def test_quarantined_rows_are_counted_and_marked_with_an_exclamation() -> None:
    lines = batch_lines(_quarantined_batch())
    assert lines[0] == Line(
        "! xep_hang_2023.csv (rankings): đọc 20, nạp 17, cách ly 3 / "
        "read 20, loaded 17, quarantined 3"
    )
    assert not any(line.problem for line in lines)  # quarantined rows are not a rejected file


def test_the_findings_follow_grouped_by_rule_with_the_most_rows_first() -> None:
    texts = _texts(batch_lines(_quarantined_batch()))
    blocks = [text for text in texts if text.startswith("    ✗ ")]
    assert len(blocks) == 2
    assert blocks[0].startswith("    ✗ 2 dòng: ")
    assert blocks[0].endswith("[unresolved_name]")
    assert " / 2 rows: " in blocks[0]
    assert blocks[1].startswith("    ✗ 1 dòng: ")
    assert blocks[1].endswith("[score_out_of_range]")
    assert "        cột/column unit, dòng/rows 4–5" in texts
    assert "        dòng/row 9: điểm 150 > 100 / score 150 > 100" in texts


def test_an_unknown_name_gets_the_alias_command_for_its_closest_unit() -> None:
    texts = _texts(batch_lines(_quarantined_batch()))
    assert (
        "        ‘Sở GD&DT’ (dòng/rows 4–5): "
        'thidua aliases add "Sở GD&DT" th-so-gddt --organizer th-ubnd'
    ) in texts


def test_a_batch_with_findings_ends_with_the_command_showing_every_row() -> None:
    texts = _texts(batch_lines(_quarantined_batch(load_id=42)))
    assert texts[-1] == (
        "    chi tiết từng dòng / every row in detail: thidua quarantine --load 42"
    )


def test_a_dry_run_leaves_out_the_quarantine_command_but_keeps_the_findings() -> None:
    full = _texts(batch_lines(_quarantined_batch()))
    dry = _texts(batch_lines(_quarantined_batch(), quarantine_hint=False))
    assert not any("thidua quarantine" in text for text in dry)
    assert dry == full[:-1]


def test_a_rejected_file_is_one_problem_line_with_its_reason_in_both_languages() -> None:
    assert batch_lines(_rejected_batch()) == [
        Line(
            "✗ thanh_vien.xlsx [Cụm 8]: thiếu cột bắt buộc: unit / "
            "thanh_vien.xlsx [Cụm 8]: missing required column: unit",
            problem=True,
        )
    ]


def test_a_batch_loaded_before_says_already_loaded_with_an_equals_sign() -> None:
    report = BatchReport(
        "thanh_vien_2023.csv",
        "memberships",
        "unchanged",
        rows_read=12,
        message="đã nạp trước đó (lần nạp 3), bỏ qua / already loaded (load 3), skipped",
        load_id=3,
    )
    assert batch_lines(report) == [
        Line(
            "= thanh_vien_2023.csv: đã nạp trước đó (lần nạp 3), bỏ qua / "
            "already loaded (load 3), skipped"
        )
    ]


def test_a_batch_loaded_before_with_rows_still_quarantined_is_marked_with_an_exclamation() -> None:
    message = (
        "đã nạp trước đó (lần nạp 5); 2 dòng vẫn bị cách ly: … / "
        "already loaded (load 5); 2 row(s) still quarantined: …"
    )
    report = BatchReport(
        "xep_hang_2023.csv",
        "rankings",
        "unchanged",
        rows_read=2,
        rows_quarantined=2,
        message=message,
        load_id=5,
    )
    assert batch_lines(report) == [Line(f"! xep_hang_2023.csv: {message}")]


def test_a_retried_batch_shows_its_message_before_its_counts() -> None:
    report = BatchReport(
        "xep_hang_2023.csv",
        "rankings",
        "retried",
        rows_read=3,
        rows_loaded=3,
        message="các dòng bị cách ly đã nạp / quarantined rows loaded",
        load_id=8,
    )
    assert _texts(batch_lines(report)) == [
        "  xep_hang_2023.csv: các dòng bị cách ly đã nạp / quarantined rows loaded",
        "✓ xep_hang_2023.csv (rankings): đọc 3, nạp 3, cách ly 0 / read 3, loaded 3, quarantined 0",
    ]


# --- the total -------------------------------------------------------------------------------


def test_the_total_adds_loaded_and_quarantined_rows_and_counts_rejected_files() -> None:
    clean = BatchReport("a.csv", "memberships", "loaded", rows_read=12, rows_loaded=12)
    unchanged = BatchReport("b.csv", "memberships", "unchanged", rows_read=5, message="…")
    report = LoadReport([clean, _quarantined_batch(), _rejected_batch(), unchanged])
    assert total_line(report) == (
        "tổng / total: nạp 29 dòng, cách ly 3, 1 tệp bị từ chối / "
        "29 rows loaded, 3 quarantined, 1 file(s) rejected"
    )


def test_the_total_of_an_empty_load_is_all_zeros() -> None:
    assert total_line(LoadReport()) == (
        "tổng / total: nạp 0 dòng, cách ly 0, 0 tệp bị từ chối / "
        "0 rows loaded, 0 quarantined, 0 file(s) rejected"
    )


def test_the_total_counts_every_rejected_file() -> None:
    other = BatchReport("x.pdf", None, "rejected", message="x.pdf: không đọc được / unreadable")
    text = total_line(LoadReport([_rejected_batch(), other]))
    assert "2 tệp bị từ chối" in text
    assert "2 file(s) rejected" in text
