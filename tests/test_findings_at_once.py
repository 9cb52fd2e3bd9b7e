"""One load names every problem of every row: coercion findings (names, numbers) and the quality
gate's (allowed values, ranges, keys) together, and prints them grouped by rule with what to do.

The files are typed the way an analyst types them: Vietnamese headers, another organiser than
the province (a ministry, set up with its own reference files), "Hoà" next to "Hòa", a short
name instead of the full one.
"""

from __future__ import annotations

import io
import re
import shlex
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

from thidua.cli import main
from thidua.ingest.findings_report import allowed_values, report_lines, row_ranges
from thidua.ingest.loader import load_files
from thidua.ingest.resolve import load_alias_index
from thidua.paths import Home

pytestmark = pytest.mark.integration

IN_SET = "expect_column_values_to_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
NOT_NULL = "expect_column_values_to_not_be_null"
UNIQUE = "expect_column_values_to_be_unique"
UNRESOLVED = "unresolved_name"

REFERENCE = {
    "to_chuc.csv": (
        "Mã tổ chức,Tên,Tên tiếng Anh,Tên viết tắt,Cấp\n"
        "bo-tu-phap,Bộ Tư pháp,Ministry of Justice,BTP,ministry\n"
    ),
    "don_vi.csv": (
        "Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại,Cơ quan tổ chức\n"
        "btp-stp-nam-dinh,Sở Tư pháp tỉnh Nam Định,STP Nam Định,department,Bộ Tư pháp\n"
        "btp-stp-ninh-binh,Sở Tư pháp tỉnh Ninh Bình,STP Ninh Bình,department,Bộ Tư pháp\n"
        "btp-stp-hoa-binh,Sở Tư pháp tỉnh Hòa Bình,STP Hòa Bình,department,Bộ Tư pháp\n"
        "btp-stp-thai-binh,Sở Tư pháp tỉnh Thái Bình,STP Thái Bình,department,Bộ Tư pháp\n"
    ),
}
# Row numbers as Excel shows them (the header is row 1).
MEMBERS = (
    "Cơ quan tổ chức,Cụm,Năm,Đơn vị,Vai trò\n"
    "Bộ Tư pháp,Cụm thi đua số III,2023,STP Nam Định,Cụm trưởng\n"  # 2: a short name
    "Bộ Tư pháp,Cụm thi đua số III,2023,Sở Tư pháp tỉnh Hoà Bình,Cụm phó\n"  # 3: "Hoà"
    "Bộ Tư pháp,Cụm thi đua số III,2023,Sở TP Ninh Binh,Trưởng ban\n"  # 4: name and role
    "Bộ Tư pháp,Cụm thi đua số III,1999,Sở Tư pháp tỉnh Thái Bình,Thành viên\n"  # 5: year
    "Bộ Tư pháp,Cụm thi đua số III,2023,Sở Tư pháp tỉnh Thái Bình,thành viên\n"  # 6
    "Bộ Tư pháp,Cụm thi đua số III,2022,Sở TP Ninh Binh,Thành viên\n"  # 7: the name only
)
NAME = "Sở TP Ninh Binh"
COMMAND = f'thidua aliases add "{NAME}" btp-stp-ninh-binh --organizer bo-tu-phap'


@dataclass
class Said:
    code: int
    out: str
    err: str


def _cli(home: Home, *args: str) -> Said:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--home", str(home.root), *args])
    return Said(code, out.getvalue(), err.getvalue())


def _raw(home: Home, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        return [tuple(row) for row in con.execute(sql).fetchall()]
    finally:
        con.close()


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _findings(home: Home) -> list[tuple[int, str, str]]:
    return _raw(
        home,
        "select source_row, column_name, rule from quarantine where retried_in_load_id is null"
        " and load_id = (select max(load_id) from load_ledger) order by all",
    )


def test_one_load_reports_every_problem_of_every_row(tmp_path: Path) -> None:
    home = Home(tmp_path / "home")
    folder = _folder(tmp_path, {**REFERENCE, "thanh_vien.csv": MEMBERS})

    report = load_files([folder], home)
    members = report.batches[-1]
    assert (members.label, members.rows_read, members.rows_loaded, members.rows_quarantined) == (
        "thanh_vien.csv",
        6,
        3,
        3,
    )
    # The unknown name and the role of row 4 in the same pass; the empty unit id that follows
    # from the unknown name is not reported again as a missing value.
    assert _findings(home) == [
        (4, "role", IN_SET),
        (4, "unit", UNRESOLVED),
        (5, "results_year", BETWEEN),
        (7, "unit", UNRESOLVED),
    ]
    # None of the bad rows landed (rows 4 and 7 passed the gate's other checks, and were never
    # in the raw table); all the good ones did, "Hoà" and the short name resolved.
    assert _raw(home, "select source_row, unit_id, role from memberships order by 1") == [
        (2, "btp-stp-nam-dinh", "leader"),
        (3, "btp-stp-hoa-binh", "deputy"),
        (6, "btp-stp-thai-binh", "member"),
    ]
    # The gate's results count only what it found of its own.
    failed = _raw(
        home,
        "select expectation, column_name, unexpected_count from validation_results"
        " where not success and load_id = (select max(load_id) from load_ledger) order by 1",
    )
    assert failed == [(BETWEEN, "results_year", 1), (IN_SET, "role", 1)]


def test_the_printed_report_groups_by_rule_and_says_what_to_do(tmp_path: Path) -> None:
    home = Home(tmp_path / "home")
    folder = _folder(tmp_path, {**REFERENCE, "thanh_vien.csv": MEMBERS})

    said = _cli(home, "load", str(folder))
    assert said.code == 0, said.err
    out = said.out
    assert "Traceback" not in out + said.err
    # one summary line per rule, with its count, in Vietnamese then English
    assert (
        '2 dòng: không nhận ra tên đơn vị ở cột unit — chạy `thidua aliases add "<tên>"'
        " <mã đơn vị> --organizer <mã tổ chức>`"
    ) in out
    assert "2 rows: unit name not known in column unit — run `thidua aliases add" in out
    assert re.search(r"1 dòng: giá trị không được phép ở cột role .* / 1 row: ", out)
    assert re.search(r"1 dòng: giá trị ngoài khoảng cho phép ở cột results_year", out)
    # the allowed values in both languages
    assert "Cụm trưởng (leader), Cụm phó (deputy), Thành viên (member)" in out
    assert "use one of: leader, deputy, member" in out
    # the affected rows compactly, the value as written, and the exact command for the name:
    # the row's own organiser, and its closest unit among that organiser's
    assert "cột/column unit, dòng/rows 4, 7" in out
    assert f"‘{NAME}’ (dòng/rows 4, 7): {COMMAND}" in out
    assert "‘Trưởng ban’ (dòng/row 4)" in out
    assert "closest (check the unit first): STP Ninh Bình → btp-stp-ninh-binh" in out
    assert "năm ‘1999’" in out
    # the unit id left empty by the unknown name is not a rule of its own
    assert NOT_NULL not in out
    # every row in detail is one command away
    load_id = _raw(home, "select max(load_id) from load_ledger")[0][0]
    assert f"thidua quarantine --load {load_id}" in out
    detail = _cli(home, "quarantine", "--load", str(load_id))
    assert detail.code == 0
    assert "thanh_vien.csv dòng/row 4, cột/column role: ‘Trưởng ban’" in detail.out
    assert "thanh_vien.csv dòng/row 7, cột/column unit:" in detail.out
    assert "3 row(s) quarantined, 4 finding(s)" in detail.out

    # The printed command, then a retry: the rows the name held back land (row 7); row 4 stays
    # for its role alone, row 5 for its year.
    printed = re.search(r"thidua aliases add \"Sở.*? --organizer \S+", out)
    assert printed is not None and printed.group(0) == COMMAND
    added = _cli(home, *shlex.split(printed.group(0))[1:])  # as a shell reads it
    assert added.code == 0, added.err
    retried = _cli(home, "load", "--retry-quarantine")
    assert retried.code == 0, retried.err
    assert "đọc 3, nạp 1, cách ly 2 / read 3, loaded 1, quarantined 2" in retried.out
    assert _raw(home, "select source_row, unit_id from memberships where source_row = 7") == [
        (7, "btp-stp-ninh-binh")
    ]
    assert _findings(home) == [(4, "role", IN_SET), (5, "results_year", BETWEEN)]
    assert UNRESOLVED not in retried.out


def test_rows_with_findings_never_land_and_keys_compare_names_as_written(
    tmp_path: Path,
) -> None:
    """A score whose scorer is not known is not an agreed score (blank scorer) of the same unit:
    no duplicate key; two rows naming the same unknown unit are a duplicate; two spreadsheet
    errors are not (their text stands for no value)."""
    home = Home(tmp_path / "home")
    scores = tmp_path / "diem.csv"
    scores.write_text(
        "Cụm,Năm,Đơn vị,Tiêu chí,Điểm,Điểm tối đa,Đơn vị chấm\n"
        "Cụm thi đua số 8,2023,Sở Nội vụ,TC1,9,10,\n"  # 2: agreed score, lands
        "Cụm thi đua số 8,2023,Sở Nội vụ,TC1,8,10,Sở Không Có\n"  # 3: unknown scorer
        "Cụm thi đua số 8,2023,Sở Chưa Biết,TC1,7,10,\n"  # 4: unknown unit
        "Cụm thi đua số 8,2023,Sở Chưa Biết,TC1,12,10,\n"  # 5: same + points over max
        "Cụm thi đua số 8,2023,#N/A,TC1,6,10,\n"  # 6: spreadsheet error
        "Cụm thi đua số 8,2023,#N/A,TC1,5,10,\n"  # 7: spreadsheet error
        "Cụm thi đua số 8,2023,Sở Tư pháp,TC1,abc,10,\n",  # 8: points not a number
        encoding="utf-8",
    )
    (batch,) = load_files([scores], home).batches
    assert (batch.rows_read, batch.rows_loaded, batch.rows_quarantined) == (7, 1, 6)
    key = "organizer, cluster, results_year, unit, criterion, scorer"
    assert _findings(home) == [
        (3, "scorer", UNRESOLVED),
        (4, key, UNIQUE),
        (4, "unit", UNRESOLVED),
        (5, key, UNIQUE),
        (5, "points", "expect_column_pair_values_a_to_be_greater_than_b"),
        (5, "unit", UNRESOLVED),
        (6, "unit", "spreadsheet_error"),
        (7, "unit", "spreadsheet_error"),
        (8, "points", "not_a_number"),
    ]
    assert _raw(home, "select source_row, unit_id, points from scores") == [
        (2, "th-so-noi-vu", 9.0)
    ]


def test_suggestions_come_from_the_rows_organiser_first() -> None:
    index = load_alias_index()
    index.add("Sở Tư pháp tỉnh Ninh Bình", "btp-stp-ninh-binh", "bo-tu-phap")
    index.add("Sở Tư pháp tỉnh Nam Định", "btp-stp-nam-dinh", "bo-tu-phap")
    mine = index.resolve("Sở Tư pháp", "bo-tu-phap")
    assert mine.unit_id is None
    # the ministry's departments first, though Thanh Hóa's "Sở Tư pháp" is the closer text
    assert {c.rsplit(" → ", 1)[1] for c in mine.candidates[:2]} == {
        "btp-stp-nam-dinh",
        "btp-stp-ninh-binh",
    }
    # the province's own rows are offered the province's unit first
    theirs = index.resolve("Sở Tư pháp tỉnh", "th-ubnd")
    assert theirs.candidates[0].endswith("→ th-so-tu-phap")
    # an organiser with no close unit still gets the closest of all
    assert index.candidates("Sở Tư pháp tỉnh Ninh Bình", "no-such-organiser")[0].endswith(
        "→ btp-stp-ninh-binh"
    )


def test_row_lists_are_compact_and_say_how_many_more() -> None:
    assert row_ranges([12, 4, 7, 9, 10, 11]) == "4, 7, 9–12"
    long = row_ranges(list(range(2, 200, 2)), limit=3)
    assert long == "2, 4, 6 … (+96 dòng nữa / 96 more rows)"


def test_allowed_values_read_in_both_languages() -> None:
    assert allowed_values("memberships", "role", "vi") == (
        "Cụm trưởng (leader), Cụm phó (deputy), Thành viên (member)"
    )
    assert allowed_values("memberships", "role", "en") == "leader, deputy, member"
    assert allowed_values("rankings", "method", "en") == (
        "score, vote, score and vote (score_and_vote)"
    )
    assert allowed_values("memberships", "unit", "vi") is None


def _printed_command(name: str, candidates: str) -> str:
    findings = pl.DataFrame(
        {
            "_row": [2],
            "rule": [UNRESOLVED],
            "column_name": ["unit"],
            "value": [name],
            "organizer_id": ["bo-tu-phap"],
            "candidates": [candidates],
            "message_vi": [""],
            "message_en": [""],
        }
    )
    lines = report_lines(findings, "memberships")
    # the line of the name itself: ‘name’ (dòng/row 2): the command
    return next(line.split("): ", 1)[1] for line in lines if line.strip().startswith("‘"))


def test_the_printed_command_names_a_unit_only_when_the_name_accounts_for_it() -> None:
    """The command is copied and run as shown, so it names a unit only when the name's every word
    is that unit's (or the initials of its words); otherwise the analyst fills it in."""
    ninh_binh = "Sở Tư pháp tỉnh Ninh Bình → btp-stp-ninh-binh; STP Ninh Bình → btp-stp-ninh-binh"
    assert _printed_command("Sở TP Ninh Binh", ninh_binh) == COMMAND
    # similar text, another unit: "Lạ" is no word of "Sở LĐ-TB&XH"
    similar = _printed_command("Sở Lạ", "Sở LĐ-TB&XH → th-so-ldtbxh")
    assert "th-so-ldtbxh" not in similar and "<mã đơn vị / unit id>" in similar
    # a name every province's department shares names none of them
    shared = _printed_command(
        "Sở Tư pháp",
        "Sở Tư pháp tỉnh Nam Định → btp-stp-nam-dinh; "
        "Sở Tư pháp tỉnh Ninh Bình → btp-stp-ninh-binh",
    )
    assert "<mã đơn vị / unit id>" in shared and "btp-stp" not in shared.split("--")[0]
