"""Everything loaded can be corrected: retries of quarantined rows, withdrawals, complete rosters,
forced reloads and aliases kept as a file, each walked end to end through the real loader, GX,
DuckDB and dbt, and checked where an analyst would look (the CLI's words, the published
warehouse)."""

from __future__ import annotations

import getpass
import io
from collections.abc import Iterator, Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pytest

from thidua.cli import main
from thidua.contract.raw_schema import BOOKKEEPING_DDL
from thidua.ingest.aliases import os_user
from thidua.ingest.landing import member_counts, open_raw
from thidua.ingest.loader import build_context
from thidua.normalize import parse_cluster_ref
from thidua.paths import SAMPLE_DIR, SEEDS_DIR, Home
from thidua.query.read import read_query
from thidua.warehouse.build import build_and_publish

REAL = SAMPLE_DIR / "real"
Row = tuple[Any, ...]

MEMBERS_2023 = (
    "Cụm/Khối,Năm,Đơn vị,Vai trò\n"
    "Cụm thi đua số 3,2023,Sở Y tế,Cụm trưởng\n"
    "Cụm thi đua số 3,2023,Sở Tài chính,Thành viên\n"
    "Cụm thi đua số 3,2023,Sở KHCN tỉnh TH,Thành viên\n"
    "Cụm thi đua số 3,2023,Sở Xây dựng,Thành viên\n"
)
RANKS_2023 = (
    "Cụm/Khối,Năm,Đơn vị,Xếp hạng\n"
    "Cụm thi đua số 3,2023,Sở Y tế,Nhất\n"
    "Cụm thi đua số 3,2023,Sở Tài chính,Nhì\n"
)
# The same cluster-year restated as a complete roster: Sở Xây dựng is no longer in it.
ROSTER_2023 = (
    "Cụm/Khối,Năm,Đơn vị,Vai trò,Danh sách đầy đủ\n"
    "Cụm thi đua số 3,2023,Sở Y tế,Cụm trưởng,có\n"
    "Cụm thi đua số 3,2023,Sở Tài chính,Thành viên,có\n"
    "Cụm thi đua số 3,2023,Sở KHCN tỉnh TH,Thành viên,có\n"
)
MEMBERS_2024 = (
    "Cụm/Khối,Năm,Đơn vị\nCụm thi đua số 3,2024,Sở Y tế\nCụm thi đua số 3,2024,Sở GTVT TH\n"
)
CUM_3 = "th-ubnd:cum-03"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Said:
    code: int
    out: str
    err: str


def _cli(home: Home, *args: str) -> Said:
    """One `thidua` command as a user runs it: exit code and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--home", str(home.root), *args])
    return Said(code, out.getvalue(), err.getvalue())


def _raw(home: Home, sql: str, params: Sequence[object] = ()) -> list[Row]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        return [tuple(r) for r in con.execute(sql, list(params)).fetchall()]
    finally:
        con.close()


def _published(home: Home, sql: str) -> list[Row]:
    return [tuple(r) for r in read_query(home.published_db, sql).rows()]


def _build(home: Home) -> None:
    build_and_publish(home, progress=None)


def _ledger_balances(home: Home) -> None:
    """Every ledger row, in raw and published, says rows read = loaded + quarantined."""
    for rows in (
        _raw(home, "select rows_read, rows_loaded, rows_quarantined from load_ledger"),
        _published(
            home, "select rows_read, rows_loaded, rows_quarantined from quality.load_ledger"
        ),
    ):
        assert rows and all(read == loaded + quarantined for read, loaded, quarantined in rows)


def _members(home: Home, cluster_id: str, year: int) -> list[str]:
    return [
        str(unit)
        for (unit,) in _published(
            home,
            f"select unit_id from marts.fct_memberships where cluster_id = '{cluster_id}' "
            f"and results_year = {year} order by unit_id",
        )
    ]


def _load_id(home: Home, file_name: str, retry_of: int | None = None) -> int:
    condition = "retry_of_load_id is null" if retry_of is None else f"retry_of_load_id = {retry_of}"
    rows = _raw(
        home,
        f"select max(load_id) from load_ledger where file_name = ? and {condition}",
        [file_name],
    )
    assert rows[0][0] is not None, f"no load of {file_name}"
    return int(rows[0][0])


# ---------------------------------------------------------------------------------------------
# One home walked through every correction, built three times.


@dataclass
class Walk:
    home: Home
    files: dict[str, Path]
    said: dict[str, Said] = field(default_factory=dict)
    snapshots: dict[str, Any] = field(default_factory=dict)


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walk]:
    folder = tmp_path_factory.mktemp("corrections-files")
    home = Home(tmp_path_factory.mktemp("corrections-home"))
    files = {
        "members": _write(folder / "thanh_vien_cum_3_2023.csv", MEMBERS_2023),
        "ranks": _write(folder / "xep_hang_cum_3_2023.csv", RANKS_2023),
        "roster": _write(folder / "thanh_vien_cum_3_2023_day_du.csv", ROSTER_2023),
        "members_2024": _write(folder / "thanh_vien_cum_3_2024.csv", MEMBERS_2024),
    }
    w = Walk(home, files)
    s, snap = w.said, w.snapshots

    # 1. A file with a name the loader does not know; the same file again, nothing changed.
    s["first"] = _cli(home, "load", str(REAL), str(files["members"]), str(files["ranks"]))
    snap["ledger_before_again"] = _raw(home, "select count(*) from load_ledger")
    s["again"] = _cli(home, "load", str(files["members"]))
    snap["ledger_after_again"] = _raw(home, "select count(*) from load_ledger")
    s["list_open"] = _cli(home, "aliases", "list")

    # 2. The alias the loader asked for, then the same file again: its quarantined row retried.
    s["alias"] = _cli(
        home, "aliases", "add", "Sở KHCN tỉnh TH", "th-so-khcn", "--cluster", "Cụm thi đua số 3"
    )
    s["retry"] = _cli(home, "load", str(files["members"]))
    s["once_more"] = _cli(home, "load", str(files["members"]))
    s["list_closed"] = _cli(home, "aliases", "list")
    _build(home)
    snap["members_built"] = _members(home, CUM_3, 2023)
    snap["ledger_built"] = _published(
        home,
        "select load_id, retry_of_load_id, rows_read, rows_loaded, rows_quarantined, "
        "rows_still_quarantined, load_state from quality.load_ledger "
        "where file_name = 'thanh_vien_cum_3_2023.csv' order by load_id",
    )
    snap["open_quarantine_built"] = _published(
        home, "select count(*) from quality.quarantine where source_file like 'thanh_vien_cum_3%'"
    )[0][0]
    _ledger_balances(home)

    # 3. The rankings file withdrawn, by its name.
    s["withdraw"] = _cli(
        home, "withdraw", files["ranks"].name, "--reason", "Sai thứ hạng, chờ văn bản chính thức"
    )
    _build(home)
    snap["ranks_withdrawn"] = _published(
        home,
        f"select unit_id, declared_rank from marts.fct_unit_year_scores "
        f"where cluster_id = '{CUM_3}' and results_year = 2023 and declared_rank is not null",
    )
    snap["ledger_withdrawn"] = _published(
        home,
        "select load_state, is_withdrawn, last_action, last_action_by, last_action_reason, "
        "last_action_at is not null from quality.load_ledger "
        "where file_name = 'xep_hang_cum_3_2023.csv'",
    )

    # 4. Undone; the roster restated complete (then loaded again with --force); a name of 2024
    #    fixed with an alias and `--retry-quarantine`.
    ranks_load = _load_id(home, files["ranks"].name)
    s["undo"] = _cli(home, "withdraw", "--undo", str(ranks_load))
    with open_raw(home.raw_db) as con:
        snap["counts_before_roster"] = _cluster_size(con, CUM_3, 2023)
    s["roster"] = _cli(home, "load", str(files["roster"]))
    with open_raw(home.raw_db) as con:
        snap["counts_after_roster"] = _cluster_size(con, CUM_3, 2023)
    s["force"] = _cli(home, "load", "--force", str(files["roster"]))
    s["members_2024"] = _cli(home, "load", str(files["members_2024"]))
    s["alias_2024"] = _cli(
        home,
        "aliases",
        "add",
        "Sở GTVT TH",
        "th-so-gtvt",
        "--organizer",
        "UBND tỉnh Thanh Hóa",
    )
    s["retry_all"] = _cli(home, "load", "--retry-quarantine")
    _build(home)
    snap["ranks_restored"] = _published(
        home,
        f"select unit_id, declared_rank from marts.fct_unit_year_scores "
        f"where cluster_id = '{CUM_3}' and results_year = 2023 and declared_rank is not null "
        "order by declared_rank",
    )
    snap["ledger_restored"] = _published(
        home,
        "select load_state, last_action, last_action_by from quality.load_ledger "
        "where file_name = 'xep_hang_cum_3_2023.csv'",
    )
    snap["members_complete"] = _published(
        home,
        f"select unit_id, load_id from marts.fct_memberships where cluster_id = '{CUM_3}' "
        "and results_year = 2023 order by unit_id",
    )
    snap["members_2024"] = _members(home, CUM_3, 2024)
    snap["forced_ledger"] = _published(
        home,
        "select load_id, is_forced, message from quality.load_ledger "
        "where file_name = 'thanh_vien_cum_3_2023_day_du.csv' order by load_id",
    )
    snap["open_after_all"] = _published(home, "select count(*) from quality.quarantine")[0][0]
    _ledger_balances(home)
    yield w


def _cluster_size(con: duckdb.DuckDBPyConnection, cluster_id: str, year: int) -> int:
    """The number of units the loader bounds the cluster-year's ranks by."""
    counts = member_counts(con)
    size = counts.filter((counts["cluster_id"] == cluster_id) & (counts["results_year"] == year))
    return int(size["members"][0]) if size.height else 0


@pytest.mark.integration
def test_loading_the_same_file_again_checks_its_quarantined_rows_and_never_says_skipped(
    walk: Walk,
) -> None:
    first, again = walk.said["first"], walk.said["again"]
    assert first.code == 0
    assert "Sở KHCN tỉnh TH" in first.out and "unresolved_name" in first.out
    # Nothing changed: said truthfully, in both languages, and nothing written.
    assert again.code == 0
    assert "skipped" not in again.out and "bỏ qua" not in again.out
    assert "1 dòng vẫn bị cách ly" in again.out
    assert "1 row(s) still quarantined" in again.out
    assert "no alias or reference record changed since" in again.out
    assert "`thidua aliases list`" in again.out
    assert walk.snapshots["ledger_after_again"] == walk.snapshots["ledger_before_again"]
    assert "Sở KHCN tỉnh TH" in walk.said["list_open"].out


@pytest.mark.integration
def test_an_alias_then_the_same_file_again_lands_the_row_under_a_retry_load(walk: Walk) -> None:
    home = walk.home
    base = _load_id(home, "thanh_vien_cum_3_2023.csv")
    retry = _load_id(home, "thanh_vien_cum_3_2023.csv", retry_of=base)
    assert walk.said["alias"].code == 0 and "th-ubnd:cum-03" in walk.said["alias"].out
    assert f"retry of 1 quarantined row(s) of load {base}" in walk.said["retry"].out
    # The ledger: the file's load as it happened, and the retry of its quarantined row.
    assert _raw(
        home,
        "select load_id, rows_read, rows_loaded, rows_quarantined, retry_of_load_id "
        "from load_ledger where file_name = 'thanh_vien_cum_3_2023.csv' order by load_id",
    ) == [(base, 4, 3, 1, None), (retry, 1, 1, 0, base)]
    # The quarantined row is kept, marked as taken over by the retry; it landed there.
    assert _raw(
        home,
        "select load_id, source_row, rule, retried_in_load_id from quarantine "
        "where source_file = 'thanh_vien_cum_3_2023.csv'",
    ) == [(base, 4, "unresolved_name", retry)]
    assert _raw(
        home,
        "select load_id, source_row, unit_id from memberships where unit_raw = ? "
        "and source_file = 'thanh_vien_cum_3_2023.csv'",
        ["Sở KHCN tỉnh TH"],
    ) == [(retry, 4, "th-so-khcn")]
    # Nothing left open: loading it again is a plain no-op, and the name list is empty.
    assert f"already loaded (load {base}), skipped" in walk.said["once_more"].out
    assert "no unresolved names" in walk.said["list_closed"].out


@pytest.mark.integration
def test_the_published_warehouse_shows_the_retried_row_and_a_balanced_ledger(walk: Walk) -> None:
    home = walk.home
    base = _load_id(home, "thanh_vien_cum_3_2023.csv")
    retry = _load_id(home, "thanh_vien_cum_3_2023.csv", retry_of=base)
    assert walk.snapshots["members_built"] == [
        "th-so-khcn",
        "th-so-tai-chinh",
        "th-so-xay-dung",
        "th-so-yte",
    ]
    assert walk.snapshots["ledger_built"] == [
        (base, None, 4, 3, 1, 0, "in_force"),
        (retry, base, 1, 1, 0, 0, "in_force"),
    ]
    assert walk.snapshots["open_quarantine_built"] == 0


@pytest.mark.integration
def test_a_withdrawn_load_leaves_the_warehouse_and_the_ledger_says_who_and_why(
    walk: Walk,
) -> None:
    home = walk.home
    ranks_load = _load_id(home, "xep_hang_cum_3_2023.csv")
    withdraw = walk.said["withdraw"]
    assert withdraw.code == 0
    assert f"withdrew load(s) {ranks_load} (xep_hang_cum_3_2023.csv)" in withdraw.out
    assert f"đã rút lần nạp {ranks_load}" in withdraw.out
    assert walk.snapshots["ranks_withdrawn"] == []
    assert walk.snapshots["ledger_withdrawn"] == [
        ("withdrawn", True, "withdraw", os_user(), "Sai thứ hạng, chờ văn bản chính thức", True)
    ]
    # History kept: the rows are still in raw, the actions are recorded in order.
    assert _raw(home, "select count(*) from rankings where load_id = ?", [ranks_load]) == [(2,)]
    assert _raw(
        home, "select action from load_actions where load_id = ? order by action_id", [ranks_load]
    ) == [("withdraw",), ("restore",)]


@pytest.mark.integration
def test_undoing_a_withdrawal_puts_the_rows_back(walk: Walk) -> None:
    ranks_load = _load_id(walk.home, "xep_hang_cum_3_2023.csv")
    assert f"restored load(s) {ranks_load}" in walk.said["undo"].out
    assert walk.snapshots["ranks_restored"] == [("th-so-yte", 1), ("th-so-tai-chinh", 2)]
    assert walk.snapshots["ledger_restored"] == [("in_force", "restore", os_user())]


@pytest.mark.integration
def test_a_complete_roster_drops_the_units_it_no_longer_lists(walk: Walk) -> None:
    home = walk.home
    assert walk.said["roster"].code == 0
    # The rank bound at load follows the roster as staging keeps it.
    assert walk.snapshots["counts_before_roster"] == 4
    assert walk.snapshots["counts_after_roster"] == 3
    forced = _load_id(home, "thanh_vien_cum_3_2023_day_du.csv")
    assert walk.snapshots["members_complete"] == [
        ("th-so-khcn", forced),
        ("th-so-tai-chinh", forced),
        ("th-so-yte", forced),
    ]
    # History stays: the unit left out is still in raw, with the load that listed it.
    assert _raw(
        home,
        "select count(*) from memberships where unit_id = 'th-so-xay-dung' and cluster_id = ?",
        [CUM_3],
    ) == [(1,)]
    assert _raw(
        home,
        "select distinct roster_complete from memberships where source_file = ?",
        ["thanh_vien_cum_3_2023_day_du.csv"],
    ) == [("yes",)]


@pytest.mark.integration
def test_force_loads_content_already_loaded_again_and_restates_it(walk: Walk) -> None:
    home = walk.home
    first = _raw(
        home,
        "select min(load_id) from load_ledger where file_name = 'thanh_vien_cum_3_2023_day_du.csv'",
    )[0][0]
    force = walk.said["force"]
    assert force.code == 0 and "đọc 3, nạp 3" in force.out
    assert f"loaded again (--force), restating load {first}" in force.out
    ledger = walk.snapshots["forced_ledger"]
    assert [(load_id, is_forced) for load_id, is_forced, _ in ledger] == [
        (first, False),
        (_load_id(home, "thanh_vien_cum_3_2023_day_du.csv"), True),
    ]


@pytest.mark.integration
def test_retry_quarantine_needs_no_file_and_an_alias_can_name_its_organiser(walk: Walk) -> None:
    home = walk.home
    assert "Sở GTVT TH" in walk.said["members_2024"].out
    assert "th-ubnd" in walk.said["alias_2024"].out
    retry_all = walk.said["retry_all"]
    base = _load_id(home, "thanh_vien_cum_3_2024.csv")
    assert retry_all.code == 0
    assert f"retry of 1 quarantined row(s) of load {base}" in retry_all.out
    assert _raw(
        home,
        "select rows_read, rows_loaded, rows_quarantined from load_ledger "
        "where retry_of_load_id = ?",
        [base],
    ) == [(1, 1, 0)]
    assert walk.snapshots["members_2024"] == ["th-so-gtvt", "th-so-yte"]
    assert walk.snapshots["open_after_all"] == 0
    # Nothing open any more: said so.
    again = _cli(home, "load", "--retry-quarantine")
    assert again.code == 0 and "no quarantined rows are open" in again.out


# ---------------------------------------------------------------------------------------------
# Aliases as versionable data: a new home rebuilt from the same files plus the exported CSV.

ORGANIZERS_ND = (
    "organizer_id,name,short_name,level\n"
    "nd-ubnd,Ủy ban nhân dân tỉnh Nam Định,UBND tỉnh Nam Định,province\n"
)
UNITS_ND = (
    "unit_id,name,short_name,unit_type,organizer\n"
    "nd-so-tu-phap,Sở Tư pháp tỉnh Nam Định,,department,nd-ubnd\n"
    "nd-so-noi-vu,Sở Nội vụ tỉnh Nam Định,,department,nd-ubnd\n"
)
MEMBERS_ND = (
    "Cơ quan tổ chức,Cụm/Khối,Năm,Đơn vị,Vai trò\n"
    "UBND tỉnh Nam Định,Cụm thi đua số 1,2023,Sở Nội vụ tỉnh Nam Định,Cụm trưởng\n"
    "UBND tỉnh Nam Định,Cụm thi đua số 1,2023,Sở TP Nam Định,Thành viên\n"
)
CUM_1_ND = "nd-ubnd:cum-01"


@pytest.mark.integration
def test_exported_aliases_rebuild_the_same_warehouse_in_a_new_home(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("alias-files")
    files = [
        _write(folder / "organizers.csv", ORGANIZERS_ND),
        _write(folder / "units.csv", UNITS_ND),
        _write(folder / "thanh_vien_nam_dinh.csv", MEMBERS_ND),
        _write(folder / "thanh_vien_cum_3_2023.csv", MEMBERS_2023),
    ]
    first = Home(tmp_path_factory.mktemp("alias-home-a"))
    loaded = _cli(first, "load", str(REAL), *map(str, files))
    assert loaded.code == 0 and "Sở TP Nam Định" in loaded.out and "Sở KHCN tỉnh TH" in loaded.out
    # An alias of another organiser's cluster, and one of Thanh Hóa's.
    added = _cli(
        first,
        "aliases",
        "add",
        "Sở TP Nam Định",
        "nd-so-tu-phap",
        "--organizer",
        "UBND tỉnh Nam Định",
        "--cluster",
        "Cụm thi đua số 1",
        "--note",
        "viết tắt trong báo cáo cụm",
    )
    assert added.code == 0 and CUM_1_ND in added.out
    assert _cli(first, "aliases", "add", "Sở KHCN tỉnh TH", "th-so-khcn").code == 0
    assert _cli(first, "load", "--retry-quarantine").code == 0
    assert _raw(first, "select count(*) from quarantine where retried_in_load_id is null") == [(0,)]

    exported = tmp_path_factory.mktemp("versioned") / "unit_aliases.csv"
    said = _cli(first, "aliases", "export", "--out", str(exported))
    assert said.code == 0 and "wrote 2 alias(es)" in said.out
    lines = exported.read_text(encoding="utf-8").splitlines()
    seed_header = (SEEDS_DIR / "unit_aliases.csv").read_text(encoding="utf-8").splitlines()[0]
    assert lines[0] == seed_header + ",note"
    assert lines[1].startswith(f"Sở TP Nam Định,nd-so-tu-phap,nd-ubnd,{CUM_1_ND},,,,")
    assert lines[1].endswith(",viết tắt trong báo cáo cụm")
    assert lines[2].startswith("Sở KHCN tỉnh TH,th-so-khcn,th-ubnd,,,,,")

    # A new home: the same files plus the exported aliases, in one load, in any order.
    second = Home(tmp_path_factory.mktemp("alias-home-b"))
    reloaded = _cli(second, "load", *map(str, reversed(files)), str(exported), str(REAL))
    assert reloaded.code == 0
    assert "unit_aliases" in reloaded.out
    assert _raw(second, "select count(*) from quarantine") == [(0,)]
    # The same aliases: the resolver's fingerprint covers every name, scope and year range.
    with open_raw(first.raw_db) as con:
        fingerprint_first = build_context(con, "official").fingerprint
    with open_raw(second.raw_db) as con:
        fingerprint_second = build_context(con, "official").fingerprint
    assert fingerprint_first == fingerprint_second

    for home in (first, second):
        _build(home)
    resolved = (
        "select cluster_id, results_year, unit_id, unit_name_raw from marts.fct_memberships "
        f"where cluster_id in ('{CUM_1_ND}', '{CUM_3}') order by all"
    )
    assert _published(first, resolved) == _published(second, resolved)
    assert ("nd-ubnd:cum-01", 2023, "nd-so-tu-phap", "Sở TP Nam Định") in _published(
        second, resolved
    )
    # In the new home they are records of a loaded file, kept with where they came from.
    assert _raw(
        second, "select alias, unit_id, cluster_id, source_file from unit_aliases order by 1"
    ) == [
        ("Sở KHCN tỉnh TH", "th-so-khcn", None, "unit_aliases.csv"),
        ("Sở TP Nam Định", "nd-so-tu-phap", CUM_1_ND, "unit_aliases.csv"),
    ]


# ---------------------------------------------------------------------------------------------
# The rules on their own, on the landing database (no build).


@pytest.mark.parametrize(
    "cluster_id", ["th-ubnd:cum-08", "th-ubnd:khoi-cac-co-quan-dang-tinh", "nd-ubnd:cum-01"]
)
def test_a_cluster_id_reads_as_the_cluster_it_names(cluster_id: str) -> None:
    """`thidua aliases export` writes cluster ids; loading them back reads the same clusters."""
    organizer_id = cluster_id.split(":")[0]
    ref = parse_cluster_ref(cluster_id)
    assert ref is not None and ref.cluster_id(organizer_id) == cluster_id


def test_a_colon_in_a_cluster_written_by_hand_is_read_as_written() -> None:
    ref = parse_cluster_ref("Cụm thi đua: số 5")
    assert ref is not None and ref.cluster_id("th-ubnd") == "th-ubnd:cum-05"


@pytest.mark.integration
def test_a_workbook_whose_units_sheet_comes_last_resolves_on_the_first_load(
    fresh_home: Home, tmp_path: Path
) -> None:
    import xlsxwriter

    path = tmp_path / "cum_8.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    for sheet, rows in (
        (
            "Thành viên",
            [["Cụm/Khối", "Năm", "Đơn vị"], ["Cụm thi đua số 8", "2023", "Sở Mới Lập"]],
        ),
        (
            "Đơn vị",
            [["Mã đơn vị", "Tên chuẩn", "Cơ quan tổ chức"], ["th-so-moi", "Sở Mới Lập", "th-ubnd"]],
        ),
    ):
        worksheet = workbook.add_worksheet(sheet)
        for number, row in enumerate(rows):
            worksheet.write_row(number, 0, row)
    workbook.close()
    said = _cli(fresh_home, "load", str(path))
    assert said.code == 0
    assert _raw(fresh_home, "select count(*) from quarantine") == [(0,)]
    assert _raw(fresh_home, "select unit_id from memberships") == [("th-so-moi",)]


@pytest.mark.integration
def test_an_alias_of_another_organisers_unit_applies_to_that_organiser(
    fresh_home: Home, tmp_path: Path
) -> None:
    """Without --organizer the alias takes the unit's own organiser, not Thanh Hóa's."""
    files = [
        _write(tmp_path / "organizers.csv", ORGANIZERS_ND),
        _write(tmp_path / "units.csv", UNITS_ND),
        _write(tmp_path / "thanh_vien.csv", MEMBERS_ND),
    ]
    assert _cli(fresh_home, "load", *map(str, files)).code == 0
    added = _cli(fresh_home, "aliases", "add", "Sở TP Nam Định", "nd-so-tu-phap")
    assert "within nd-ubnd" in added.out
    again = _cli(fresh_home, "load", str(files[2]))
    assert "retry of 1 quarantined row(s)" in again.out
    assert _raw(fresh_home, "select unit_id from memberships order by 1") == [
        ("nd-so-noi-vu",),
        ("nd-so-tu-phap",),
    ]
    unknown = _cli(fresh_home, "aliases", "add", "X", "nd-so-noi-vu", "--organizer", "Không có")
    assert unknown.code == 1
    assert "không nhận ra cơ quan tổ chức ‘Không có’" in unknown.err
    assert "unknown organiser ‘Không có’" in unknown.err


@pytest.mark.integration
def test_a_retried_ranking_counts_the_units_the_rest_of_its_file_named(
    fresh_home: Home, tmp_path: Path
) -> None:
    """No memberships loaded: the rank bound is the units the ranking file names. A retry of its
    one quarantined row still counts the rows of the file that landed."""
    ranks = _write(
        tmp_path / "xep_hang.csv",
        "Cụm/Khối,Năm,Đơn vị,Xếp hạng\n"
        "Cụm thi đua số 4,2023,Sở Y tế,1\n"
        "Cụm thi đua số 4,2023,Sở Tài chính,2\n"
        "Cụm thi đua số 4,2023,Sở Nôi vụ TH,3\n",
    )
    assert _cli(fresh_home, "load", str(ranks)).code == 0
    assert _raw(fresh_home, "select source_row, rule from quarantine") == [(4, "unresolved_name")]
    assert _cli(fresh_home, "aliases", "add", "Sở Nôi vụ TH", "th-so-noi-vu").code == 0
    retried = _cli(fresh_home, "load", "--retry-quarantine")
    assert retried.code == 0 and "đọc 1, nạp 1, cách ly 0" in retried.out
    assert _raw(fresh_home, "select unit_id, rank from rankings order by rank") == [
        ("th-so-yte", 1),
        ("th-so-tai-chinh", 2),
        ("th-so-noi-vu", 3),
    ]


@pytest.mark.integration
def test_withdrawn_loads_and_complete_rosters_bound_the_ranks_at_load(
    fresh_home: Home, tmp_path: Path
) -> None:
    members = _write(
        tmp_path / "thanh_vien.csv",
        "Cụm/Khối,Năm,Đơn vị\n"
        "Cụm thi đua số 3,2023,Sở Y tế\n"
        "Cụm thi đua số 3,2023,Sở Tài chính\n"
        "Cụm thi đua số 3,2023,Sở Xây dựng\n",
    )
    roster = _write(
        tmp_path / "thanh_vien_day_du.csv",
        "Cụm/Khối,Năm,Đơn vị,roster_complete\n"
        "Cụm thi đua số 3,2023,Sở Y tế,x\n"
        "Cụm thi đua số 3,2023,Sở Tài chính,\n",
    )
    rank_3 = _write(
        tmp_path / "xep_hang.csv", "Cụm/Khối,Năm,Đơn vị,Xếp hạng\nCụm thi đua số 3,2023,Sở Y tế,3\n"
    )
    assert _cli(fresh_home, "load", str(members)).code == 0
    with open_raw(fresh_home.raw_db) as con:
        assert _cluster_size(con, CUM_3, 2023) == 3
    # One "x" declares the cluster-year's roster complete: Sở Xây dựng leaves it.
    assert _cli(fresh_home, "load", str(roster)).code == 0
    with open_raw(fresh_home.raw_db) as con:
        assert _cluster_size(con, CUM_3, 2023) == 2
    # Rank 3 in a roster of two units is quarantined.
    said = _cli(fresh_home, "load", str(rank_3))
    assert "đọc 1, nạp 0, cách ly 1" in said.out
    assert "rank 3 is greater than the number of units of the cluster in that year (2)" in said.out
    # The complete roster withdrawn: the earlier roster (three units) is back.
    roster_load = _load_id(fresh_home, roster.name)
    assert _cli(fresh_home, "withdraw", str(roster_load), "--reason", "nhầm tệp").code == 0
    with open_raw(fresh_home.raw_db) as con:
        assert _cluster_size(con, CUM_3, 2023) == 3
    # The rank now fits, and the same file loaded again retries its quarantined row.
    again = _cli(fresh_home, "load", str(rank_3))
    assert "đọc 1, nạp 1, cách ly 0" in again.out
    assert _raw(fresh_home, "select unit_id, rank from rankings") == [("th-so-yte", 3)]


@pytest.mark.integration
def test_roster_complete_is_read_in_vietnamese_and_a_wrong_value_is_quarantined(
    fresh_home: Home, tmp_path: Path
) -> None:
    members = _write(
        tmp_path / "thanh_vien.csv",
        "Cụm/Khối,Năm,Đơn vị,Danh sách đầy đủ\n"
        "Cụm thi đua số 3,2023,Sở Y tế,Có\n"
        "Cụm thi đua số 3,2023,Sở Tài chính,không\n"
        "Cụm thi đua số 3,2023,Sở Xây dựng,\n"
        "Cụm thi đua số 3,2023,Sở Nội vụ,có lẽ\n",
    )
    said = _cli(fresh_home, "load", str(members))
    # the load prints the rule once with the allowed values, then each value it turned away
    assert "not allowed in column roster_complete — use one of: yes, no" in said.out
    assert "dùng một trong: Có (yes), Không (no)" in said.out
    assert "‘có lẽ’ (dòng/row 5)" in said.out
    assert _raw(fresh_home, "select unit_id, roster_complete from memberships order by 1") == [
        ("th-so-tai-chinh", "no"),
        ("th-so-xay-dung", None),
        ("th-so-yte", "yes"),
    ]
    # --complete-roster: blank cells declare the roster complete; a row's own "no" stands. The
    # same content read with another declaration is another load, not "already loaded".
    flagged = _cli(fresh_home, "load", "--complete-roster", str(members))
    assert "đọc 4, nạp 3" in flagged.out
    assert _raw(
        fresh_home,
        "select unit_id, roster_complete from memberships where load_id = "
        "(select max(load_id) from load_ledger) order by 1",
    ) == [("th-so-tai-chinh", "no"), ("th-so-xay-dung", "yes"), ("th-so-yte", "yes")]


@pytest.mark.integration
def test_withdrawing_a_retry_withdraws_the_load_it_completes(
    fresh_home: Home, tmp_path: Path
) -> None:
    members = _write(tmp_path / "thanh_vien_cum_3_2023.csv", MEMBERS_2023)
    assert _cli(fresh_home, "load", str(members)).code == 0
    assert _cli(fresh_home, "aliases", "add", "Sở KHCN tỉnh TH", "th-so-khcn").code == 0
    assert _cli(fresh_home, "load", str(members)).code == 0
    base = _load_id(fresh_home, members.name)
    retry = _load_id(fresh_home, members.name, retry_of=base)
    said = _cli(fresh_home, "withdraw", str(retry), "--reason", "tệp sai cụm")
    assert said.code == 0 and f"withdrew load(s) {base}, {retry}" in said.out
    # A withdrawn load's quarantine is nobody's to fix; the same file loads again anew.
    reloaded = _cli(fresh_home, "load", str(members))
    assert "đọc 4, nạp 4, cách ly 0" in reloaded.out
    restored = _cli(fresh_home, "restore", members.name)
    assert restored.code == 0 and f"restored load(s) {base}, {retry}" in restored.out


@pytest.mark.integration
def test_corrections_a_user_gets_wrong_are_one_clear_line(fresh_home: Home, tmp_path: Path) -> None:
    members = _write(tmp_path / "thanh_vien.csv", MEMBERS_2023)
    other = tmp_path / "other"
    other.mkdir()
    same_name = _write(other / "thanh_vien.csv", MEMBERS_2023.replace("2023", "2022"))
    rejected = _write(tmp_path / "rong.csv", "")
    assert _cli(fresh_home, "load", str(members), str(same_name)).code == 0
    _cli(fresh_home, "load", str(rejected))
    rejected_load = _raw(fresh_home, "select load_id from load_ledger where status = 'rejected'")
    cases = {
        ("withdraw", "1"): ("hãy ghi lý do rút", "say why the load is withdrawn"),
        ("withdraw", "99", "--reason", "x"): ("không có lần nạp 99", "no load 99"),
        ("withdraw", str(rejected_load[0][0]), "--reason", "x"): (
            "bị từ chối",
            "was rejected: it landed no rows",
        ),
        ("withdraw", "khong_co.csv", "--reason", "x"): (
            "chưa nạp tệp nào tên khong_co.csv",
            "no file khong_co.csv was loaded",
        ),
        ("withdraw", "thanh_vien.csv", "--reason", "x"): (
            "nhiều tệp tên thanh_vien.csv",
            "give the path or the load id",
        ),
        ("restore", "1"): ("chưa bị rút", "not withdrawn: nothing to restore"),
        ("load", "--retry-quarantine", str(members)): (
            "không cần tệp",
            "takes no files",
        ),
        ("load",): ("hãy chỉ ra tệp", "name the files or folders to load"),
    }
    for args, (vi, en) in cases.items():
        said = _cli(fresh_home, *args)
        assert said.code == 1, args
        assert vi in said.err and en in said.err, (args, said.err)
        assert "Traceback" not in said.err and said.err.count("\n") == 1
    # The path tells the two files apart; withdrawing twice says so.
    assert _cli(fresh_home, "withdraw", str(same_name), "--reason", "năm sai").code == 0
    twice = _cli(fresh_home, "withdraw", str(same_name), "--reason", "năm sai")
    assert twice.code == 1 and "already withdrawn" in twice.err


def test_a_landing_database_of_an_earlier_version_gets_the_new_tables_and_columns(
    tmp_path: Path,
) -> None:
    raw = tmp_path / "raw.duckdb"
    con = duckdb.connect(str(raw))
    old_ledger = BOOKKEEPING_DDL.split("create table if not exists quarantine")[0]
    con.execute(old_ledger.replace("create sequence if not exists load_id_seq start 1;", ""))
    con.execute("create table memberships (load_id integer, unit_id varchar)")
    con.execute(
        "insert into load_ledger (load_id, file_path, file_name, content_hash, status, rows_read,"
        " rows_loaded, rows_quarantined, loaded_at, loader_version) values"
        " (1, 'a.csv', 'a.csv', 'h', 'loaded', 1, 1, 0, now(), 'old')"
    )
    con.close()
    with open_raw(raw) as con:
        columns = {
            (table, column)
            for table, column in con.execute(
                "select table_name, column_name from duckdb_columns() where schema_name = 'main'"
            ).fetchall()
        }
        assert {
            ("load_ledger", "retry_of_load_id"),
            ("load_ledger", "complete_roster"),
            ("memberships", "roster_complete"),
            ("quarantine", "retried_in_load_id"),
            ("load_actions", "acted_by"),
        } <= columns
        assert con.execute("select load_id, retry_of_load_id from load_ledger").fetchall() == [
            (1, None)
        ]


def test_the_acting_user_is_the_operating_systems() -> None:
    assert os_user() == getpass.getuser()
