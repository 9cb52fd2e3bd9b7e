"""The corpus: awkward and broken input files as analysts really send them, each with its outcome.

Every file in tests/data/corpus/ has a case below (one file has two), written by hand from what the
file holds, never computed by the code under test: the status of each batch (a file, or a sheet of
a workbook), rows read / loaded / quarantined, the row number, column and rule of every quarantined
finding, the exit code, and the resolved ids of the rows that landed. A case loads its file with
`thidua load` into a fresh landing database and reads the outcome back from that database (ledger,
quarantine, raw tables, validation results) and from what the command printed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pytest

from thidua.cli import main
from thidua.paths import Home

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"

NOT_NULL = "expect_column_values_to_not_be_null"
IN_SET = "expect_column_values_to_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
PAIR = "expect_column_pair_values_a_to_be_greater_than_b"
UNIQUE = "expect_column_values_to_be_unique"  # on the derived natural_key column
UNRESOLVED = "unresolved_name"
AMBIGUOUS = "ambiguous_name"
NO_HEADER = "(ngoài tiêu đề / no header)"
SCORE_KEY = "organizer, cluster, results_year, unit, criterion, scorer"
CLUSTER_KEY = "organizer, cluster"
KHOI_DANG = "th-ubnd:khoi-cac-co-quan-dang-tinh"

Finding = tuple[int, str, str]  # (row as the analyst sees it, input column, rule)
Row = tuple[Any, ...]


@dataclass(frozen=True)
class Batch:
    """The expected outcome of one batch: a whole file, or one sheet of a workbook."""

    status: str  # loaded | rejected
    record_type: str | None = None
    read: int = 0
    loaded: int = 0
    quarantined: int = 0
    findings: tuple[Finding, ...] = ()
    sheet: str | None = None
    message: str | None = None  # part of the ledger message (English half), e.g. the error


def loaded(
    record_type: str,
    read: int,
    loaded: int,
    quarantined: int,
    *findings: Finding,
    sheet: str | None = None,
    message: str | None = None,
) -> Batch:
    return Batch("loaded", record_type, read, loaded, quarantined, findings, sheet, message)


def rejected(message: str, sheet: str | None = None) -> Batch:
    return Batch("rejected", sheet=sheet, message=message)


@dataclass(frozen=True)
class Case:
    file: str
    batches: tuple[Batch, ...]
    landed: tuple[str, list[Row]] | None = None  # (query on the raw db, its rows)
    candidates: dict[int, str] = field(default_factory=dict)  # row → an id among the candidates
    aliases: tuple[tuple[str, ...], ...] = ()  # `thidua aliases add …` run before the load
    preload: tuple[str, ...] = ()  # corpus files loaded before this one
    id: str | None = None


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


D = dt.date

CASES = [
    # --- encodings and separators ---------------------------------------------------------
    Case(
        "memberships_utf8_bom.csv",  # UTF-8 with BOM and CRLF (Excel "CSV UTF-8"), VN headers
        (loaded("memberships", 8, 8, 0),),
        (
            "select source_row, cluster_id, unit_id, role from memberships order by 1",
            [
                (2, "th-ubnd:cum-05", "th-so-gddt", "leader"),
                (3, "th-ubnd:cum-05", "th-so-vhttdl", "member"),
                (4, "th-ubnd:cum-05", "th-so-ldtbxh", "member"),
                (5, "th-ubnd:cum-05", "th-so-yte", "member"),
                (6, "th-ubnd:cum-05", "th-so-khcn", "member"),
                (7, "th-ubnd:cum-05", "th-so-tttt", "member"),
                (8, "th-ubnd:cum-05", "th-dai-ptth", "member"),
                (9, "th-ubnd:cum-05", "th-bao-thanh-hoa", "member"),
            ],
        ),
    ),
    Case(
        "memberships_windows1258.csv",  # Windows-1258 bytes: never guessed, rejected whole
        (rejected("cannot decode line 1: save the file as CSV UTF-8"),),
    ),
    Case(
        "scores_cp1252.csv",  # ASCII until a cp1252 curly quote and dash on line 3
        (rejected("cannot decode line 3"),),
    ),
    Case(
        "rankings_excel_unicode_text.txt",  # Excel "Unicode Text": UTF-16 LE + BOM, tabs, CRLF
        (loaded("rankings", 3, 3, 0),),
        (
            "select source_row, unit_id, rank, method from rankings order by 1",
            [
                (2, "th-ban-dan-toc", 1, "score_and_vote"),
                (3, "th-so-tu-phap", 2, "score_and_vote"),
                (4, "th-so-noi-vu", 3, "score_and_vote"),
            ],
        ),
    ),
    Case(
        "scores_semicolon_decimal_comma.csv",  # `;` separator, "9,5" decimal commas
        (loaded("scores", 3, 3, 0),),
        (
            "select source_row, unit_id, points, max_points, bonus from scores order by 1",
            [
                (2, "th-so-noi-vu", 9.5, 10.0, 0.5),
                (3, "th-so-tu-phap", 8.25, 10.0, None),
                (4, "th-thanh-tra", 10.0, 10.0, 1.0),
            ],
        ),
    ),
    Case(
        "thanh_vien_khong_dau.csv",  # headers and roles without diacritics; one name too
        (loaded("memberships", 4, 3, 1, (4, "unit", UNRESOLVED)),),
        (
            "select source_row, unit_id, role from memberships order by 1",
            [
                (2, "th-ban-dan-toc", "leader"),
                (3, "th-so-tu-phap", "deputy"),
                (5, "th-thanh-tra", "member"),
            ],
        ),
        candidates={4: "th-so-noi-vu"},
    ),
    Case(
        "memberships_english_headers.csv",  # English headers, an unknown organiser, a bad source
        (
            loaded(
                "memberships",
                5,
                3,
                2,
                (4, "organizer", "unknown_organizer"),
                (6, "source_kind", IN_SET),
            ),
        ),
        (
            "select source_row, organizer_id, unit_id, source_kind, note"
            " from memberships order by 1",
            [
                (2, "th-ubnd", "th-ubmttq", "article", None),
                (3, "th-ubnd", "th-ldld", "article", "hosted the review"),
                (5, "th-ubnd", "th-hoi-ccb", "article", None),  # "bài báo" → article
            ],
        ),
    ),
    Case(
        "memberships_nfd.csv",  # every character decomposed (NFD), headers included
        (loaded("memberships", 4, 4, 0),),
        (
            "select source_row, unit_raw, unit_id, role from memberships order by 1",
            [
                (2, nfd("Sở Ngoại vụ"), "th-so-ngoai-vu", "leader"),  # the original is kept
                (3, nfd("Ban Dân tộc tỉnh"), "th-ban-dan-toc", "deputy"),
                (
                    4,
                    nfd("Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh"),
                    "th-dang-uy-khoi-cqdn",
                    "member",
                ),
                (5, nfd("Văn phòng UBND tỉnh"), "th-vp-ubnd", "member"),
            ],
        ),
    ),
    Case(
        "memberships_tone_marks.csv",  # "Hoá"/"Hòa", "Uỷ"/"Ủy", typographic apostrophes
        (loaded("memberships", 4, 4, 0),),
        (
            "select source_row, cluster_id, unit_id, note from memberships order by 1",
            [
                (2, "th-ubnd:cum-05", "th-bao-thanh-hoa", "“Báo Thanh Hoá” as printed"),
                (3, "th-ubnd:cum-05", "th-so-vhttdl", None),
                (4, "th-ubnd:cum-05", "th-dai-ptth", None),
                (5, "th-ubnd:cum-07", "th-ubmttq", "Ea H'leo style apostrophe '"),
            ],
        ),
    ),
    Case(
        "memberships_gddt_variants.csv",  # Sở GD&ĐT / GD-ĐT / và / capitals / typo, "Ð", nbsp
        (loaded("memberships", 8, 8, 0),),
        (
            "select source_row, results_year, unit_raw, unit_id from memberships order by 1",
            [
                (2, 2019, "Sở GD&ĐT", "th-so-gddt"),
                (3, 2020, "Sở Giáo dục và Đào tạo", "th-so-gddt"),
                (4, 2021, "Sở GD-ĐT", "th-so-gddt"),
                (5, 2022, "Sở GD và ĐT", "th-so-gddt"),
                (6, 2023, "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "th-so-gddt"),
                (7, 2024, "Sở GD&DDT", "th-so-gddt"),
                (8, 2022, "\u00d0ài PT&TH", "th-dai-ptth"),
                (9, 2022, "\u00a0Sở  Y\u00a0tế\u200b ", "th-so-yte"),
            ],
        ),
    ),
    # --- empty, partial and broken files --------------------------------------------------
    Case("empty.csv", (rejected("the file is empty"),)),
    Case("memberships_header_only.csv", (loaded("memberships", 0, 0, 0),)),
    Case(
        "memberships_blank_lines_multiline_cells.csv",  # a quoted line break, blank lines
        (loaded("memberships", 3, 2, 1, (7, "unit", UNRESOLVED)),),  # row = the editor's line
        (
            "select source_row, unit_id, role, note from memberships order by 1",
            [
                (2, "th-ban-dan-toc", "leader", "elected leader (continued on a second line)"),
                (5, "th-so-tu-phap", "deputy", None),
            ],
        ),
        candidates={7: "th-so-tu-phap"},
    ),
    Case(
        "memberships_truncated.csv",  # cut in the middle of a quoted field
        (rejected("the CSV file ends mid-record or has an unclosed quote"),),
    ),
    Case("binary_named.csv", (rejected("not a text CSV file (binary content)"),)),
    Case("picture_named.xlsx", (rejected("not an .xlsx workbook"),)),  # a PNG
    Case(
        "memberships_missing_year.csv",
        (rejected("required column(s) missing: results_year (Memberships records)"),),
    ),
    Case(
        "memberships_extra_columns.csv",  # STT, phone, address: not loaded, and the ledger says so
        (
            loaded(
                "memberships",
                2,
                2,
                0,
                message="columns not used: STT, Số điện thoại, Địa chỉ",
            ),
        ),
        (
            "select source_row, unit_id, role from memberships order by 1",
            [(2, "th-so-noi-vu", "member"), (3, "th-thanh-tra", "member")],
        ),
    ),
    Case(
        "rankings_rows_longer_than_header.csv",  # a cell under no header; trailing empties are fine
        (loaded("rankings", 4, 3, 1, (3, NO_HEADER, "value_without_header")),),
        (
            "select source_row, unit_id, rank from rankings order by 1",
            [(2, "th-ban-dan-toc", 1), (4, "th-so-noi-vu", 3), (5, "th-thanh-tra", None)],
        ),
    ),
    Case(
        "xep_hang_cum_8_co_tieu_de.csv",  # a title line and a blank line above the header
        (loaded("rankings", 3, 3, 0),),
        (
            "select source_row, unit_id, rank, method from rankings order by 1",
            [
                (4, "th-ban-dan-toc", 1, "score_and_vote"),
                (5, "th-so-tu-phap", 2, "score_and_vote"),
                (6, "th-so-noi-vu", 3, "score_and_vote"),
            ],
        ),
    ),
    # --- the gate ---------------------------------------------------------------------------
    Case(
        "scores_duplicate_rows.csv",  # an exact duplicate, and "Tư Pháp"/"Tư pháp" on one key
        (
            loaded(
                "scores",
                5,
                1,
                4,
                (2, SCORE_KEY, UNIQUE),
                (3, SCORE_KEY, UNIQUE),
                (5, SCORE_KEY, UNIQUE),
                (6, SCORE_KEY, UNIQUE),
            ),
        ),
        (
            "select source_row, unit_id, criterion, points from scores",
            [(4, "th-so-tu-phap", "TC1", 8.0)],
        ),
    ),
    Case(
        "scores_out_of_range.csv",
        (
            loaded(
                "scores",
                9,
                2,
                7,
                (3, "points", PAIR),  # 12 of 10
                (4, "points", BETWEEN),  # -1
                (5, "max_points", BETWEEN),  # 0
                (6, "max_points", BETWEEN),  # 1500
                (7, "bonus", BETWEEN),  # -2
                (8, "points", "not_a_number"),  # "mười"
                (9, "criterion", NOT_NULL),
            ),
        ),
        (
            "select source_row, criterion, points, max_points, bonus from scores order by 1",
            [(2, "TC1", 10.0, 10.0, None), (10, "TC9", 955.0, 1000.0, 5.0)],
        ),
    ),
    Case(
        "rankings_bad_ranks.csv",  # 6 units named, no memberships loaded: 6 units in the cluster
        (
            loaded(
                "rankings",
                6,
                3,
                3,
                (3, "rank", BETWEEN),  # 0
                (4, "rank", BETWEEN),  # -1
                (5, "rank", PAIR),  # 7 > 6 units
            ),
        ),
        (
            # ranks in words ("Nhất") and "bình chọn" (a vote) are understood
            "select source_row, unit_id, rank, method from rankings order by source_row",
            [
                (2, "th-ban-dan-toc", 1, "vote"),
                (6, "th-so-ngoai-vu", 1, "vote"),
                (7, "th-vp-ubnd", 4, "vote"),
            ],
        ),
    ),
    Case(
        "rankings_leading_units_only.csv",  # 4 units named, none loaded before: rank 6 > 4
        (loaded("rankings", 4, 3, 1, (5, "rank", PAIR)),),
        (
            "select source_row, unit_id, rank from rankings order by 1",
            [(2, "th-ban-dan-toc", 1), (3, "th-so-tu-phap", 2), (4, "th-so-noi-vu", 3)],
        ),
        id="rankings_leading_units_only.csv-alone",
    ),
    Case(
        "rankings_leading_units_only.csv",  # the same after a roster of 8 units was loaded
        (loaded("rankings", 4, 4, 0),),
        (
            "select source_row, unit_id, rank from rankings"
            " where source_file like '%rankings_leading_units_only.csv' order by 1",
            [
                (2, "th-ban-dan-toc", 1),
                (3, "th-so-tu-phap", 2),
                (4, "th-so-noi-vu", 3),
                (5, "th-thanh-tra", 6),
            ],
        ),
        preload=("memberships_then_rankings.xlsx",),
        id="rankings_leading_units_only.csv-after-roster",
    ),
    Case(
        "memberships_then_rankings.xlsx",  # the ranking sheet sees the roster sheet before it
        (
            loaded("memberships", 8, 8, 0, sheet="Thành viên"),
            loaded("rankings", 5, 4, 1, (6, "rank", PAIR), sheet="Xếp hạng"),  # 9 > 8 units
        ),
        (
            "select source_sheet, source_row, unit_id, rank from rankings order by 2",
            [
                ("Xếp hạng", 2, "th-ban-dan-toc", 1),
                ("Xếp hạng", 3, "th-so-tu-phap", 2),
                ("Xếp hạng", 4, "th-so-noi-vu", 3),
                ("Xếp hạng", 5, "th-thanh-tra", 8),  # 5 named here, 8 in the roster
            ],
        ),
    ),
    Case(
        "events_implausible_years.csv",
        (
            loaded(
                "events",
                6,
                2,
                4,
                (3, "results_year", BETWEEN),  # 2099
                (3, "event_date", BETWEEN),  # 2100
                (4, "results_year", BETWEEN),  # 1999
                (5, "event_date", BETWEEN),  # 1999
                (6, "event_date", BETWEEN),  # 2099
            ),
        ),
        (
            "select source_row, results_year, results_year_raw, event_date from events order by 1",
            [(2, 2021, "2021", D(2022, 1, 14)), (7, 2022, "năm 2022", D(2023, 1, 14))],
        ),
    ),
    Case(
        "events_date_formats.csv",  # d/m/yyyy, d-m-yyyy, d.m.yyyy, ISO, ISO with a time
        (loaded("events", 6, 6, 0),),
        (
            "select source_row, cluster_id, event_date from events order by 1",
            [
                (2, "th-ubnd:cum-05", D(2022, 1, 14)),
                (3, "th-ubnd:cum-06", D(2022, 1, 14)),
                (4, "th-ubnd:cum-07", D(2022, 1, 14)),
                (5, "th-ubnd:cum-08", D(2022, 1, 14)),
                (6, "th-ubnd:cum-09", D(2022, 1, 14)),
                (7, "th-ubnd:cum-10", D(2022, 1, 14)),
            ],
        ),
    ),
    Case(
        "events_impossible_dates.csv",
        (
            loaded(
                "events",
                8,
                2,
                6,
                (2, "event_date", "not_a_date"),  # 31/02/2022
                (3, "event_date", "not_a_date"),  # 29/02/2023
                (4, "event_date", "not_a_date"),  # 14/13/2022
                (5, "event_date", "not_a_date"),  # 01/14/2022 (month first)
                (6, "event_date", "not_a_date"),  # "hôm qua"
                (7, "event_date", PAIR),  # ends before it starts
            ),
        ),
        (
            "select source_row, cluster_id, event_date, event_date_period, end_date from events"
            " order by 1",
            [
                (8, KHOI_DANG, None, None, None),  # the source gives no date: undated, not lost
                (9, KHOI_DANG, D(2024, 2, 29), "2024-02-29", D(2024, 12, 31)),  # a leap day
            ],
        ),
    ),
    Case(
        "events_vietnamese_codes.csv",  # "Tổng kết", "Sơ kết 6 tháng", "Chiều", host by name
        (
            loaded(
                "events",
                6,
                4,
                2,
                (6, "event_type", IN_SET),  # "Hội thảo chuyên đề"
                (7, "part_of_day", IN_SET),  # "ban đêm"
            ),
        ),
        (
            "select source_row, cluster_id, event_type, event_date, part_of_day, host_id"
            " from events order by 1",
            [
                (2, "th-ubnd:cum-07", "year_end_review", D(2016, 12, 14), "afternoon", "th-ldld"),
                (3, "th-ubnd:cum-08", "covenant_signing", D(2022, 1, 14), "morning", None),
                (4, "th-ubnd:cum-05", "mid_year_review", D(2022, 7, 15), "afternoon", "th-so-gddt"),
                (5, KHOI_DANG, "campaign_launch", D(2022, 7, 1), None, None),
            ],
        ),
    ),
    Case(
        "awards_vietnamese_codes.csv",  # "Cờ thi đua của UBND tỉnh", "Đề nghị", "Đã quyết định"
        (loaded("awards", 5, 5, 0),),
        (
            "select source_row, unit_id, award_type, status, decision_no, decision_date"
            " from awards order by 1",
            [
                (2, "th-ban-dan-toc", "PROV_FLAG", "proposed", None, None),
                (3, "th-so-tu-phap", "PROV_MERIT", "proposed", None, None),
                (4, None, "GOV_FLAG", "proposed", None, None),  # the unit is not named
                (5, "th-so-ngoai-vu", "PROV_FLAG", "decided", "123/QĐ-UBND", D(2022, 3, 15)),
                (
                    6,
                    "th-so-noi-vu",
                    "EXCELLENT_COLLECTIVE",
                    "decided",
                    "124/QĐ-UBND",
                    D(2022, 3, 15),
                ),
            ],
        ),
    ),
    Case(
        "awards_unknown_type.csv",
        (
            loaded(
                "awards",
                6,
                2,
                4,
                (2, "award_type", IN_SET),  # "Huân chương Lao động hạng Ba"
                (4, "status", IN_SET),  # "Đang xét"
                (5, "decision_date", BETWEEN),  # 2099
                (6, "award_type", NOT_NULL),
            ),
        ),
        (
            "select source_row, unit_id, award_type, status, decision_date from awards order by 1",
            [
                # "Cờ thi đua" of the (default) province's organiser: that province's flag
                (3, "th-so-noi-vu", "PROV_FLAG", "proposed", None),
                (7, "th-vp-ubnd", "PROV_MERIT", "decided", D(2022, 3, 20)),  # "prov_merit"
            ],
        ),
    ),
    # --- names and references -------------------------------------------------------------
    Case(
        "memberships_cluster_numbers.csv",  # Roman, zero-padded, upper case, named blocks
        (
            loaded(
                "memberships",
                8,
                6,
                2,
                (8, "cluster", "unparseable_cluster"),  # "Nhóm 3"
                (9, "cluster", "unparseable_cluster"),  # "Cụm thi đua số 0"
            ),
        ),
        (
            "select source_row, cluster_raw, cluster_id from memberships order by 1",
            [
                (2, "Cụm thi đua số V", "th-ubnd:cum-05"),
                (3, "Cụm 05", "th-ubnd:cum-05"),
                (4, "cụm thi đua số 05", "th-ubnd:cum-05"),
                (5, "Khối IV", "th-ubnd:khoi-04"),
                (6, "KHỐI THI ĐUA SỐ VIII", "th-ubnd:khoi-08"),
                (7, "Khối thi đua các cơ quan Đảng tỉnh", KHOI_DANG),
            ],
        ),
    ),
    Case(
        "memberships_unknown_units.csv",
        (
            loaded(
                "memberships",
                5,
                1,
                4,
                (3, "unit", UNRESOLVED),  # "Sở Tư phap"
                (4, "unit", UNRESOLVED),  # "Sở Du lịch"
                (5, "unit", UNRESOLVED),  # "Phòng Văn hóa huyện Xa Xôi"
                (6, "unit", NOT_NULL),
            ),
        ),
        ("select source_row, unit_id from memberships", [(2, "th-so-noi-vu")]),
        candidates={3: "th-so-tu-phap", 4: "th-so-vhttdl"},
    ),
    Case(
        "memberships_year_dependent_names.csv",  # "Sở Nông nghiệp" changes meaning in 2025
        (
            loaded(
                "memberships",
                7,
                5,
                2,
                (6, "unit", UNRESOLVED),  # "Sở NN-PTNT" in 2026: the department no longer exists
                (8, "unit", UNRESOLVED),  # "Sở LĐ-TB&XH" in 2026: likewise
            ),
        ),
        (
            "select source_row, results_year, unit_id from memberships order by 1",
            [
                (2, 2023, "th-so-nnptnt"),
                (3, 2024, "th-so-nnptnt"),
                (4, 2025, "th-so-nnmt"),
                (5, 2026, "th-so-nnmt"),
                (7, 2024, "th-so-ldtbxh"),
            ],
        ),
        candidates={6: "th-so-nnptnt", 8: "th-so-ldtbxh"},
    ),
    Case(
        "memberships_ambiguous_names.csv",  # "Văn phòng": two offices, one alias scoped to Cụm 8
        (loaded("memberships", 2, 1, 1, (3, "unit", AMBIGUOUS)),),
        (
            "select source_row, cluster_id, unit_id from memberships",
            [(2, "th-ubnd:cum-08", "th-vp-ubnd")],
        ),
        candidates={3: "th-vp-doan-dbqh-hdnd"},
        aliases=(
            ("Văn phòng", "th-vp-ubnd"),
            ("Văn phòng", "th-vp-doan-dbqh-hdnd"),
            ("Văn phòng", "th-vp-ubnd", "--cluster", "Cụm thi đua số 8"),
        ),
    ),
    Case(
        "memberships_bad_roles.csv",  # "Khối trưởng", "Phó khối 2", "THÀNH VIÊN" are known
        (loaded("memberships", 4, 3, 1, (4, "role", IN_SET)),),  # "Chủ tịch cụm" is not
        (
            "select source_row, role from memberships order by 1",
            [(2, "leader"), (3, "deputy"), (5, "member")],
        ),
    ),
    Case(
        "clusters_english.csv",
        (
            loaded(
                "clusters",
                5,
                1,
                4,
                (2, CLUSTER_KEY, UNIQUE),  # Cụm 5 twice
                (4, "valid_from_year", PAIR),  # valid 2022 to 2021
                (5, "valid_from_year", BETWEEN),  # 1995
                (6, CLUSTER_KEY, UNIQUE),
            ),
        ),
        (
            "select source_row, cluster_id, cluster_kind, valid_from_year, valid_to_year"
            " from clusters",
            [(3, KHOI_DANG, "khoi", 2022, None)],
        ),
    ),
    # --- JSON and Parquet -----------------------------------------------------------------
    Case(
        "awards_array.json",  # a JSON array, Vietnamese keys, numbers and nulls
        (loaded("awards", 3, 2, 1, (4, "decision_date", "not_a_date")),),
        (
            "select source_row, cluster_id, unit_id, award_type, status from awards order by 1",
            [
                (2, "th-ubnd:cum-07", None, "GOV_FLAG", "proposed"),
                (3, "th-ubnd:cum-07", None, "PROV_FLAG", "proposed"),
            ],
        ),
    ),
    Case(
        "events_wrapped.json",  # {"events": [...]} as portals export
        (loaded("events", 2, 2, 0),),
        (
            "select source_row, results_year, event_date, part_of_day from events order by 1",
            [(2, 2022, D(2022, 7, 15), "afternoon"), (3, 2024, D(2024, 7, 30), "morning")],
        ),
    ),
    Case(
        "memberships.jsonl",  # JSON Lines with a blank line: rows are the editor's lines
        (loaded("memberships", 4, 3, 1, (4, "role", IN_SET)),),
        (
            "select source_row, unit_id, role from memberships order by 1",
            [
                (1, "th-ban-dan-toc", "leader"),
                (2, "th-so-tu-phap", "deputy"),
                (5, "th-thanh-tra", None),
            ],
        ),
    ),
    Case("memberships_broken_line.jsonl", (rejected("invalid JSON at line 3"),)),
    Case("events_broken.json", (rejected("invalid JSON at line 3"),)),
    Case(
        "scores.parquet",  # typed columns (Int16 year, float points with a null), English names
        (loaded("scores", 4, 2, 2, (4, "points", PAIR), (5, "points", NOT_NULL)),),
        (
            "select source_row, unit_id, points, max_points from scores order by 1",
            [(2, "th-so-noi-vu", 9.5, 10.0), (3, "th-so-tu-phap", 10.0, 10.0)],
        ),
    ),
    Case(
        "events.parquet",  # a real date column
        (loaded("events", 2, 2, 0),),
        (
            "select source_row, results_year, event_type, event_date from events order by 1",
            [
                (2, 2021, "year_end_review", D(2022, 1, 14)),
                (3, 2022, "covenant_signing", D(2022, 1, 14)),
            ],
        ),
    ),
    # --- workbooks --------------------------------------------------------------------------
    Case(
        # merged title cells on rows 1-2, header on row 4, sheet "Sheet1"; the file name says
        # "cum" (clusters) but the headers are a roster: headers win over the name
        "danh_sach_cum_5_nam_2024.xlsx",
        (loaded("memberships", 8, 7, 1, (9, "unit", UNRESOLVED), sheet="Sheet1"),),  # "Sở Y tê"
        (
            "select source_sheet, source_row, unit_id, role from memberships order by 2",
            [
                ("Sheet1", 5, "th-so-tttt", "member"),
                ("Sheet1", 6, "th-so-gddt", "leader"),
                ("Sheet1", 7, "th-so-vhttdl", "member"),
                ("Sheet1", 8, "th-so-ldtbxh", "member"),
                ("Sheet1", 10, "th-so-khcn", "member"),
                ("Sheet1", 11, "th-dai-ptth", "member"),
                ("Sheet1", 12, "th-bao-thanh-hoa", "member"),
            ],
        ),
        candidates={9: "th-so-yte"},
    ),
    Case(
        "workbook_unrecognisable_sheet.xlsx",  # a free-text sheet between two record sheets
        (
            loaded("memberships", 3, 3, 0, sheet="Thành viên"),
            rejected("no header row with the required columns", sheet="Ghi chú"),
            loaded("events", 2, 2, 0, sheet="Sự kiện"),
        ),
        (
            "select source_sheet, source_row, event_type, event_date, part_of_day"
            " from events order by 2",
            [
                ("Sự kiện", 2, "year_end_review", D(2022, 1, 14), None),  # an Excel date cell
                ("Sự kiện", 3, "covenant_signing", D(2022, 1, 14), "morning"),
            ],
        ),
    ),
    # --- hostile files: each once let a wrong row in, lost a right one, or raised a traceback
    Case(
        "memberships_hidden_draft_sheet.xlsx",  # a hidden draft names a second leader
        (
            loaded("memberships", 2, 2, 0, sheet="Thành viên"),
            rejected("the sheet is hidden, so it is not loaded", sheet="Nháp"),
            rejected("the sheet is hidden, so it is not loaded", sheet="Danh mục"),
        ),
        (
            "select unit_id, role from memberships order by 1",
            [("th-ban-dan-toc", "leader"), ("th-so-tu-phap", "deputy")],
        ),
    ),
    Case(
        "scores_spreadsheet_errors.xlsx",  # #N/A scorer, #DIV/0! points, #REF! bonus, a formula
        (  # saved without its value: never loaded as an empty (= agreed) score
            loaded(
                "scores",
                5,
                1,
                4,
                (3, "scorer", "spreadsheet_error"),
                (4, "points", "spreadsheet_error"),
                (5, "bonus", "spreadsheet_error"),
                (6, "points", "spreadsheet_error"),
                sheet="Điểm",
            ),
        ),
        (
            "select source_row, unit_id, scorer_id, points from scores",
            [(2, "th-so-noi-vu", None, 9.0)],
        ),
    ),
    Case(
        "memberships_soft_hyphen_header.csv",  # U+00AD inside "Đơn vị" and "Vai trò"
        (loaded("memberships", 2, 2, 0),),
        (
            "select unit_id, role from memberships order by 1",
            [("th-ban-dan-toc", "leader"), ("th-so-tu-phap", "deputy")],
        ),
    ),
    Case(
        "memberships_soft_hyphen_english.csv",  # "ro\u00adle" prints as "role"
        (loaded("memberships", 1, 1, 0),),
        ("select unit_id, role from memberships", [("th-ban-dan-toc", "leader")]),
    ),
    Case(
        "memberships_two_unit_columns.csv",  # "Đơn vị" and "Tên đơn vị": agree, differ, one blank
        (loaded("memberships", 3, 2, 1, (3, "unit", "conflicting_columns")),),
        (
            "select source_row, unit_id, role from memberships order by 1",
            [(2, "th-ban-dan-toc", "leader"), (4, "th-thanh-tra", "member")],
        ),
    ),
    Case(
        "rankings_header_at_row_36.csv",  # an official form: title, notes, header on line 36
        (loaded("rankings", 2, 2, 0),),
        (
            "select source_row, unit_id, rank from rankings order by 1",
            [(37, "th-ban-dan-toc", 1), (38, "th-so-tu-phap", 2)],
        ),
    ),
    Case(
        "memberships_mojibake_headers.csv",  # UTF-8 opened as Windows-1252, then saved again
        (rejected("the headers look garbled (UTF-8 text opened as Windows-1252)"),),
    ),
    Case("old_format_renamed.xlsx", (rejected("Excel 97-2003 (.xls) workbook named .xlsx"),)),
    Case("zero_bytes.xlsx", (rejected("the file is empty (0 bytes)"),)),
    Case("awards_old_format.xls", (rejected(".xls workbooks cannot be read"),)),
    Case(
        "memberships_columns_as_arrays.json",  # {"unit": [...], "cluster": [...], ...}
        (rejected("the JSON is an object of 3 lists"),),
    ),
    Case(
        "memberships_array_line.jsonl",  # line 3 is a list, not a record
        (rejected("line 3 is not a JSON record"),),
    ),
    Case("deeply_nested.json", (rejected("JSON nested too deeply"),)),  # 100,000 levels
    Case("scores_list_column.parquet", (rejected("column ‘points’ holds lists"),)),
    Case(
        "memberships_binary_column.parquet",  # bytes that are not UTF-8
        (rejected("column ‘unit’ holds binary data that is not UTF-8 text"),),
    ),
    Case(
        "memberships_two_leaders.csv",  # two leaders for one cluster-year: neither is guessed
        (
            loaded(
                "memberships",
                3,
                1,
                2,
                (2, "role", "expect_column_values_to_be_null"),
                (3, "role", "expect_column_values_to_be_null"),
            ),
        ),
        ("select unit_id, role from memberships", [("th-so-tu-phap", "deputy")]),
    ),
    Case(
        "scores_fifty_negative_points.csv",  # more failing rows than GX lists (20): all stopped
        (
            loaded(
                "scores",
                50,
                0,
                50,
                *((row, "points", BETWEEN) for row in range(2, 52)),
            ),
        ),
        ("select count(*) from scores", [(0,)]),
    ),
    Case(
        "events_excel_dates.xlsx",  # date cells formatted dd/mm/yyyy, and a typed 31/02
        (loaded("events", 3, 2, 1, (4, "event_date", "not_a_date"), sheet="Sheet1"),),
        (
            "select source_row, event_type, event_date, end_date from events order by 1",
            [
                (2, "mid_year_review", D(2022, 6, 30), None),
                (3, "campaign_launch", D(2022, 7, 1), D(2022, 12, 31)),
            ],
        ),
    ),
]


def _query(home: Home, sql: str, params: list[object] | None = None) -> list[Row]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _cli(home: Home, *args: str) -> int:
    return main(["--home", str(home.root), *args])


def _expected_exit_code(case: Case) -> int:
    return 1 if any(b.status == "rejected" for b in case.batches) else 0


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return Home(tmp_path / "home")


def test_every_corpus_file_has_a_case() -> None:
    files = {p.name for p in CORPUS.iterdir()}
    assert len(files) >= 30
    assert files == {case.file for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.id or c.file for c in CASES])
def test_corpus_file(case: Case, home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    for alias in case.aliases:
        assert _cli(home, "aliases", "add", *alias) == 0
    for earlier in case.preload:
        _cli(home, "load", str(CORPUS / earlier))
    capsys.readouterr()

    assert _cli(home, "load", str(CORPUS / case.file)) == _expected_exit_code(case)
    printed = capsys.readouterr()

    ledger = _query(
        home,
        "select load_id, sheet, status, record_type, rows_read, rows_loaded, rows_quarantined,"
        " message from load_ledger where file_name = ? order by load_id",
        [case.file],
    )
    assert len(ledger) == len(case.batches)
    for entry, batch in zip(ledger, case.batches, strict=True):
        load_id, sheet, status, record_type, read, loaded_, quarantined, message = entry
        assert (sheet, status, record_type) == (batch.sheet, batch.status, batch.record_type)
        assert (read, loaded_, quarantined) == (batch.read, batch.loaded, batch.quarantined)
        assert read == loaded_ + quarantined
        if batch.message:
            assert batch.message in str(message)
        if batch.status == "rejected":
            # One clear line naming the file (and the sheet), never a traceback.
            where = case.file if batch.sheet is None else f"{case.file} [{batch.sheet}]"
            assert batch.message and batch.message in printed.err
            assert f"{where}: " in printed.err
            assert "Traceback" not in printed.err
            continue
        _assert_findings(home, case, batch, load_id, printed.out)
    if case.landed is not None:
        sql, rows = case.landed
        assert _query(home, sql) == rows


def _assert_findings(home: Home, case: Case, batch: Batch, load_id: int, out: str) -> None:
    stored = _query(
        home,
        "select source_sheet, source_row, column_name, rule, candidates, message_en"
        " from quarantine where load_id = ?",
        [load_id],
    )
    assert sorted((row, column, rule) for _, row, column, rule, _, _ in stored) == sorted(
        batch.findings
    )
    assert len({row for row, _, _ in batch.findings}) == batch.quarantined
    assert all(sheet == batch.sheet for sheet, *_ in stored)
    # What the analyst reads after the load: one block per rule and column, its row count, the
    # column and the rows (every finding in full is in the quarantine table).
    by_rule: dict[tuple[str, str], set[int]] = {}
    for _, row, column, rule, _, _ in stored:
        by_rule.setdefault((rule, column), set()).add(row)
    for (rule, column), rows in by_rule.items():
        count = f"{len(rows)} row" if len(rows) == 1 else f"{len(rows)} rows"
        assert re.search(rf"✗ {len(rows)} dòng: .* / {count}: .* \[{re.escape(rule)}\]", out)
        rows_said = f"dòng/row {min(rows)}" if len(rows) == 1 else f"dòng/rows {min(rows)}"
        assert f"cột/column {column}, {rows_said}" in out
    for _, row, _, rule, candidates, _ in stored:
        if row in case.candidates and rule in (UNRESOLVED, AMBIGUOUS):
            assert case.candidates[row] in str(candidates)
    # Every failed expectation of the gate is stored with the load's validation results.
    failed = {
        r
        for (r,) in _query(
            home,
            "select expectation from validation_results where load_id = ? and not success",
            [load_id],
        )
    }
    assert failed == {rule for _, _, rule in batch.findings if rule.startswith("expect_")}


def test_the_whole_corpus_folder_loads_in_one_run_then_again_as_a_no_op(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(home, "load", str(CORPUS)) == 1  # some files are rejected
    ledger = _query(
        home, "select status, rows_read, rows_loaded, rows_quarantined from load_ledger"
    )
    # a ".txt" file is read only when named: in a folder it is more often a README than records
    expected_batches = [
        b
        for case in CASES
        if not case.preload and not case.file.endswith(".txt")
        for b in case.batches
    ]
    assert len(ledger) == len(expected_batches)
    assert sum(status == "rejected" for status, *_ in ledger) == sum(
        b.status == "rejected" for b in expected_batches
    )
    assert all(read == loaded_ + quarantined for _, read, loaded_, quarantined in ledger)
    counts = _raw_counts(home)
    capsys.readouterr()

    assert _cli(home, "load", str(CORPUS)) == 1  # the rejected files are still rejected
    out = capsys.readouterr().out
    assert _raw_counts(home) == counts  # nothing doubled
    loaded_batches = sum(status == "loaded" for status, *_ in ledger)
    assert out.count("already loaded") == loaded_batches
    assert _query(home, "select count(*) from load_ledger where status = 'loaded'") == [
        (loaded_batches,)
    ]


def _raw_counts(home: Home) -> list[Row]:
    tables = ("clusters", "memberships", "scores", "rankings", "awards", "events", "quarantine")
    return _query(home, " union all ".join(f"select '{t}', count(*) from {t}" for t in tables))


def test_strict_fails_on_a_quarantined_row_and_passes_a_clean_file(home: Home) -> None:
    assert _cli(home, "load", "--strict", str(CORPUS / "memberships_utf8_bom.csv")) == 0
    assert _cli(home, "load", "--strict", str(CORPUS / "memberships_unknown_units.csv")) == 1


def test_an_alias_added_for_a_quarantined_name_resolves_it_on_the_next_load(
    home: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    file = CORPUS / "thanh_vien_khong_dau.csv"
    assert _cli(home, "load", str(file)) == 0
    capsys.readouterr()
    assert _cli(home, "aliases", "list") == 0
    listed = capsys.readouterr().out
    assert "So Noi vu" in listed and "th-so-noi-vu" in listed

    assert _cli(home, "aliases", "add", "So Noi vu", "th-so-noi-vu") == 0
    assert _cli(home, "load", str(file)) == 0
    # The file's quarantined row is read again (a retry of load 1), not the whole file.
    assert _query(
        home,
        "select rows_read, rows_loaded, rows_quarantined, retry_of_load_id from load_ledger"
        " order by load_id",
    ) == [(4, 3, 1, None), (1, 1, 0, 1)]
    assert _query(
        home, "select load_id, unit_id from memberships where unit_raw = 'So Noi vu'"
    ) == [(2, "th-so-noi-vu")]
    capsys.readouterr()
    assert _cli(home, "aliases", "list") == 0
    assert "So Noi vu" not in capsys.readouterr().out


def test_a_later_file_restates_the_earlier_rows_and_history_stays(
    home: Home, tmp_path: Path
) -> None:
    header = "cluster,results_year,unit,role\n"
    first = tmp_path / "thanh_vien_v1.csv"
    first.write_text(header + "Cụm thi đua số 8,2022,Sở Nội vụ,member\n", encoding="utf-8")
    second = tmp_path / "thanh_vien_v2.csv"
    second.write_text(header + "Cụm thi đua số 8,2022,Sở Nội vụ,Cụm phó\n", encoding="utf-8")
    assert _cli(home, "load", str(first)) == 0
    assert _cli(home, "load", str(second)) == 0
    history = _query(
        home,
        "select m.role, l.file_name from memberships m join load_ledger l using (load_id)"
        " where m.unit_id = 'th-so-noi-vu' order by m.load_id",
    )
    # Both versions are kept; the later load (dbt staging picks it) says deputy.
    assert history == [("member", "thanh_vien_v1.csv"), ("deputy", "thanh_vien_v2.csv")]
