"""The landing database (thidua.ingest.landing): one file lands whole or not at all, an older
landing database gains the columns added since, a second writer is told so in words, and the rosters
in force (withdrawn loads out, complete rosters replacing earlier lists) count members as staging
does.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import polars as pl
import pytest

from thidua.contract.raw_schema import raw_table_columns
from thidua.contract.records import RECORD_TYPES
from thidua.errors import UserError
from thidua.ingest.landing import (
    LedgerEntry,
    file_transaction,
    insert_rows,
    land,
    landed_leaders,
    member_counts,
    next_load_id,
    open_raw,
    record_load,
)

HANG_GUARD_S = 120


def _entry(name: str, *, complete_roster: bool = False, status: str = "loaded") -> LedgerEntry:
    return LedgerEntry(
        file_path=f"/data/{name}",
        file_name=name,
        sheet=None,
        content_hash=f"hash-{name}",
        record_type="memberships",
        status=status,
        rows_read=0,
        rows_loaded=0,
        rows_quarantined=0,
        message=None,
        loader_version="test",
        complete_roster=complete_roster,
    )


def _roster(
    units: list[tuple[str, str]], *, complete: bool = False, stated: int | None = None
) -> pl.DataFrame:
    """Membership rows of one cluster-year in the landed shape: (unit_id, role) per row."""
    columns = dict(raw_table_columns(RECORD_TYPES["memberships"]))
    rows = [
        {
            "source_file": "roster.csv",
            "source_sheet": None,
            "source_row": i + 2,
            "is_synthetic": False,
            "organizer_raw": "UBND tỉnh Quảng Ninh",
            "organizer_id": "qn-ubnd",
            "cluster_raw": "Cụm I",
            "cluster_id": "qn-ubnd:cum-01",
            "results_year": 2024,
            "results_year_raw": "2024",
            "unit_raw": unit,
            "unit_id": unit,
            "role": role,
            "role_order": None,
            "stated_member_count": stated,
            "roster_complete": "yes" if complete else None,
            "source_kind": "official",
            "source_ref": None,
            "note": None,
        }
        for i, (unit, role) in enumerate(units)
    ]
    dtypes = {"INTEGER": pl.Int32, "VARCHAR": pl.Utf8, "BOOLEAN": pl.Boolean}
    schema = {name: dtypes[kind] for name, kind in columns.items() if name != "load_id"}
    return pl.DataFrame(rows, schema=schema)


def _load(
    con: duckdb.DuckDBPyConnection, name: str, rows: pl.DataFrame, *, complete_roster: bool = False
) -> int:
    with file_transaction(con):
        load_id = next_load_id(con)
        record_load(con, load_id, _entry(name, complete_roster=complete_roster), None, [])
        insert_rows(con, "memberships", load_id, rows)
    return load_id


def _members(con: duckdb.DuckDBPyConnection) -> int:
    counts = member_counts(con)
    assert counts.height == 1
    return int(counts["members"][0])


def test_a_failed_file_leaves_nothing_behind_and_a_good_one_stays(tmp_path: Path) -> None:
    with open_raw(tmp_path / "raw.duckdb") as con:
        with pytest.raises(ValueError, match="gate"), file_transaction(con):
            load_id = next_load_id(con)
            record_load(con, load_id, _entry("bad.csv"), None, [])
            insert_rows(con, "memberships", load_id, _roster([("qn-so-tp", "member")]))
            raise ValueError("the gate refused the file")
        assert con.sql("select count(*) from load_ledger").fetchall() == [(0,)]
        assert con.sql("select count(*) from memberships").fetchall() == [(0,)]

        _load(con, "good.csv", _roster([("qn-so-tp", "member")]))
        assert con.sql("select count(*) from memberships").fetchall() == [(1,)]


def test_ctrl_c_inside_duckdb_ends_the_file_as_an_interrupt(tmp_path: Path) -> None:
    """DuckDB reports a SIGINT during a statement as RuntimeError("Query interrupted"): the load
    must stop as Ctrl-C (exit 130), with the file rolled back, not crash."""
    with open_raw(tmp_path / "raw.duckdb") as con:
        with pytest.raises(KeyboardInterrupt), file_transaction(con):
            land(con, _entry("half.csv"))
            raise RuntimeError("Query interrupted")
        assert con.sql("select count(*) from load_ledger").fetchall() == [(0,)]
        # any other RuntimeError stays what it is
        with pytest.raises(RuntimeError, match="disk"), file_transaction(con):
            raise RuntimeError("disk full")


def test_a_landing_database_from_an_earlier_version_gains_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "raw.duckdb"
    with open_raw(path) as con:
        _load(con, "old.csv", _roster([("qn-so-tp", "leader")]))
    old = duckdb.connect(str(path))
    old.execute("alter table memberships drop column roster_complete")
    old.execute("alter table load_ledger drop column forced")
    old.close()

    with open_raw(path) as con:
        columns = {
            (table, column)
            for table, column in con.sql(
                "select table_name, column_name from duckdb_columns() where schema_name = 'main'"
            ).fetchall()
        }
        assert ("memberships", "roster_complete") in columns
        assert ("load_ledger", "forced") in columns
        # the rows already landed are still there
        assert con.sql("select unit_id from memberships").fetchall() == [("qn-so-tp",)]


def test_a_second_writer_is_told_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "raw.duckdb"
    with open_raw(path):
        pass
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import duckdb, sys, time
                con = duckdb.connect({str(path)!r})
                print("holding", flush=True)
                time.sleep({HANG_GUARD_S})
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(UserError) as caught, open_raw(path):
            pass
        assert "đang có tiến trình khác ghi vào" in caught.value.message_vi
        assert "another process is writing to it" in caught.value.message_en
    finally:
        holder.kill()
        holder.wait(timeout=HANG_GUARD_S)
        if holder.stdout is not None:  # an open pipe left to the collector warns in a later test
            holder.stdout.close()


def test_a_complete_roster_replaces_the_earlier_list_and_a_withdrawal_takes_it_back(
    tmp_path: Path,
) -> None:
    with open_raw(tmp_path / "raw.duckdb") as con:
        _load(con, "first.csv", _roster([("a", "leader"), ("b", "member"), ("c", "member")]))
        assert _members(con) == 3

        complete = _load(
            con,
            "corrected.csv",
            _roster([("a", "member"), ("b", "leader")], complete=True),
            complete_roster=True,
        )
        assert _members(con) == 2  # c was listed only by the earlier roster
        leaders = landed_leaders(con)
        assert leaders["unit_id"].to_list() == ["b"]
        assert leaders["source_file"].to_list() == ["roster.csv"]

        con.execute(
            "insert into load_actions values (1, ?, 'withdraw', now(), 'analyst', 'wrong file')",
            [complete],
        )
        assert _members(con) == 3
        assert landed_leaders(con)["unit_id"].to_list() == ["a"]


def test_a_stated_member_count_larger_than_the_list_is_the_count(tmp_path: Path) -> None:
    """A report may name five of a cluster's six members and say it has six."""
    with open_raw(tmp_path / "raw.duckdb") as con:
        _load(con, "report.csv", _roster([("a", "leader"), ("b", "member")], stated=6))
        assert _members(con) == 6


def test_a_rejected_file_has_a_ledger_row_and_no_rows_in_force(tmp_path: Path) -> None:
    with open_raw(tmp_path / "raw.duckdb") as con:
        with file_transaction(con):
            rejected = land(con, _entry("empty.xlsx", status="rejected"))
        assert con.sql("select load_id, status from load_ledger").fetchall() == [
            (rejected, "rejected")
        ]
        assert member_counts(con).height == 0
