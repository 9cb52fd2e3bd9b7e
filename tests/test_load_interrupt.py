"""A load killed (SIGKILL) or interrupted (Ctrl-C, SIGINT) in the middle of a file leaves the
landing database exactly as it was before that file: no partial rows, the ledger balanced.

`thidua load` runs in a subprocess on an earlier small file and then a large generated workbook.
The workbook's first sheet is big enough (more than one DuckDB row group) that its rows are written
into the database file while the file's transaction is still open; a dozen small sheets follow, so
the transaction stays open while they are checked. The test waits until the earlier file has been
committed (the WAL exists) and the workbook's rows have reached the database file (it grew), then
signals the process: that is a load stopped after it started writing that file, before its commit.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
import xlsxwriter

from thidua.cli import main
from thidua.ingest.landing import file_transaction, open_raw
from thidua.paths import Home

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
THIDUA = Path(sys.executable).with_name("thidua")
EARLIER = CORPUS / "memberships_utf8_bom.csv"  # loaded before the run, in a finished load
SAME_RUN = (
    CORPUS / "events_date_formats.csv"
)  # loaded by the run that is stopped, before the big file
TABLES = ("clusters", "memberships", "scores", "rankings", "awards", "events", "quarantine")
# DuckDB writes a transaction's rows to the database file before commit once a row group fills
# (122,880 rows); below that they stay in memory and nothing could be seen from outside.
BIG_SHEET_ROWS = 130_000
SMALL_SHEETS = 12
# Only there so a broken test cannot hang CI; no assertion depends on how long anything takes.
GIVE_UP_AFTER_S = 600.0

UNITS = (
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Ngoại vụ",
    "Thanh tra tỉnh",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Công Thương",
    "Văn phòng UBND tỉnh",
)


@pytest.fixture(scope="module")
def big_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One roster sheet of BIG_SHEET_ROWS rows, then SMALL_SHEETS sheets of one event each."""
    path = tmp_path_factory.mktemp("interrupt") / "tong_hop_thi_dua.xlsx"
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    roster = book.add_worksheet("Thành viên")
    roster.write_row(0, 0, ["Cụm/Khối", "Năm", "Đơn vị"])
    row = 1
    cluster = 0
    while row <= BIG_SHEET_ROWS:
        cluster += 1
        for year in range(2015, 2025):
            for unit in UNITS:
                roster.write_row(row, 0, [f"Cụm thi đua số {cluster}", year, unit])
                row += 1
    for number in range(1, SMALL_SHEETS + 1):
        events = book.add_worksheet(f"Sự kiện {number}")
        events.write_row(0, 0, ["Cụm thi đua", "Năm", "Sự kiện", "Ngày tổ chức"])
        events.write_row(1, 0, [f"Cụm thi đua số {number}", 2023, "Tổng kết", "15/12/2023"])
    book.close()
    return path


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Home]:
    where = Home(tmp_path / "home")
    assert main(["--home", str(where.root), "load", "--quiet", str(EARLIER)]) == 0
    yield where


def _dump(home: Home) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every landing table, in a stable order."""
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        dump = {t: con.execute(f"select * from {t} order by all").fetchall() for t in TABLES}
        dump["load_ledger"] = con.execute("select * from load_ledger order by load_id").fetchall()
        dump["validation_results"] = con.execute(
            "select * from validation_results order by all"
        ).fetchall()
        return dump
    finally:
        con.close()


def _start_and_stop_midway(home: Home, workbook: Path, stop: signal.Signals) -> tuple[int, str]:
    """Run `thidua load SAME_RUN workbook`, send `stop` once the workbook's rows are being written;
    the exit code and stderr."""
    wal = home.raw_db.with_name(home.raw_db.name + ".wal")
    size_before = home.raw_db.stat().st_size
    assert not wal.exists()
    process = subprocess.Popen(
        [str(THIDUA), "--home", str(home.root), "load", "--quiet", str(SAME_RUN), str(workbook)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        give_up = time.monotonic() + GIVE_UP_AFTER_S
        while not (wal.exists() and home.raw_db.stat().st_size > size_before):
            assert process.poll() is None, "the load ended before it was stopped midway"
            assert time.monotonic() < give_up, "the load never started writing the workbook"
            time.sleep(0.005)
        process.send_signal(stop)
        _, err = process.communicate(timeout=GIVE_UP_AFTER_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, err.decode()


def _assert_as_before_the_workbook(home: Home, before: dict[str, list[tuple[Any, ...]]]) -> None:
    after = _dump(home)
    ledger = after["load_ledger"]
    assert [entry[2] for entry in ledger] == [EARLIER.name, SAME_RUN.name]  # not the workbook
    assert ledger[0] == before["load_ledger"][0]
    # rows_read = rows_loaded + rows_quarantined for every load
    assert all(entry[7] == entry[8] + entry[9] for entry in ledger)
    earlier, same_run = ledger[0][0], ledger[1][0]
    for table in (*TABLES, "validation_results"):
        # load_id is every table's first column: what was there is untouched, and no row
        # belongs to a load the ledger does not have (the workbook's)
        assert [row for row in after[table] if row[0] == earlier] == before[table]
        assert {row[0] for row in after[table]} <= {earlier, same_run}
    assert len(after["events"]) == ledger[1][8]  # the run's earlier file landed whole


@pytest.mark.slow
@pytest.mark.integration
def test_sigkill_midway_leaves_the_database_as_before_the_file(
    home: Home, big_workbook: Path
) -> None:
    before = _dump(home)
    code, _ = _start_and_stop_midway(home, big_workbook, signal.SIGKILL)
    assert code == -signal.SIGKILL
    _assert_as_before_the_workbook(home, before)

    # Nothing is lost either: loading again after the crash lands the whole workbook, once.
    assert main(["--home", str(home.root), "load", "--quiet", str(big_workbook)]) == 0
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        sheets = con.execute(
            "select count(*), sum(rows_read) from load_ledger where file_name = ?",
            [big_workbook.name],
        ).fetchall()
        roster = con.execute("select count(*) from memberships").fetchall()
    finally:
        con.close()
    assert sheets == [(1 + SMALL_SHEETS, BIG_SHEET_ROWS + SMALL_SHEETS)]
    assert roster == [(len(before["memberships"]) + BIG_SHEET_ROWS,)]


@pytest.mark.slow
@pytest.mark.integration
def test_ctrl_c_midway_rolls_the_file_back_and_says_so(home: Home, big_workbook: Path) -> None:
    before = _dump(home)
    code, err = _start_and_stop_midway(home, big_workbook, signal.SIGINT)
    assert code == 130, err
    assert "interrupted" in err and "Traceback" not in err
    _assert_as_before_the_workbook(home, before)


_LONG_QUERY = "select count(*) from range(10000000000) as t(i) where i % 7 = 3"
_ADD_ALIAS = (
    "insert into user_aliases (alias, unit_id, added_at) values ('Văn phòng', 'th-vp-ubnd', now())"
)


def _aliases(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return con.execute("select count(*) from user_aliases").fetchall()


def test_a_statement_interrupted_mid_file_rolls_back_and_ends_the_load_as_ctrl_c(
    tmp_path: Path,
) -> None:
    with open_raw(tmp_path / "raw.duckdb") as con:
        stop = threading.Event()

        def keep_interrupting() -> None:
            # interrupt() only stops a running statement: repeat until the long one has stopped.
            while not stop.is_set():
                con.interrupt()
                stop.wait(0.01)

        with pytest.raises(KeyboardInterrupt) as raised, file_transaction(con):
            con.execute(_ADD_ALIAS)
            worker = threading.Thread(target=keep_interrupting)
            worker.start()
            try:
                con.execute(_LONG_QUERY).fetchall()
            finally:
                stop.set()
                worker.join()
        assert isinstance(raised.value.__cause__, duckdb.InterruptException)
        assert _aliases(con) == [(0,)]


@pytest.mark.parametrize(
    ("error", "reported_as"),
    [
        # what DuckDB raises when SIGINT arrives during a statement
        (RuntimeError("Query interrupted"), KeyboardInterrupt),
        (KeyboardInterrupt(), KeyboardInterrupt),
        (RuntimeError("expectation could not run"), RuntimeError),
    ],
)
def test_any_failure_mid_file_rolls_back_and_only_interruptions_become_ctrl_c(
    tmp_path: Path, error: BaseException, reported_as: type[BaseException]
) -> None:
    with open_raw(tmp_path / "raw.duckdb") as con:
        with pytest.raises(reported_as), file_transaction(con):
            con.execute(_ADD_ALIAS)
            raise error
        assert _aliases(con) == [(0,)]
