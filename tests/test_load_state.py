"""Which loads are in force (thidua.ingest.load_state): a withdrawal takes a load out until it is
restored, a retry of quarantined rows stands in for the load it came from, and a file's current
load is its latest full load still in force. `thidua withdraw`, `thidua restore`, `thidua
quarantine` and the loader read these answers from the landing database directly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest

from thidua.ingest.landing import LedgerEntry, open_raw, record_load
from thidua.ingest.load_state import (
    current_full_load,
    ledger_row,
    loads_of_family,
    loads_of_file,
    open_quarantine,
    withdrawn_load_ids,
)

ROSTER = "Cụm thi đua số 5 - thành viên.xlsx"


@pytest.fixture
def raw(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_raw(tmp_path / "raw.duckdb") as con:
        yield con


def _load(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    content_hash: str,
    *,
    file_name: str = ROSTER,
    sheet: str | None = "Thành viên",
    status: str = "loaded",
    retry_of: int | None = None,
    quarantined_rows: tuple[int, ...] = (),
) -> None:
    """A ledger row as the loader writes it, with its quarantined rows."""
    quarantine = pl.DataFrame(
        {
            "record_type": ["memberships"] * len(quarantined_rows),
            "source_file": [file_name] * len(quarantined_rows),
            "source_sheet": [sheet] * len(quarantined_rows),
            "source_row": list(quarantined_rows),
            "column_name": ["unit"] * len(quarantined_rows),
            "value": ["Sở GD&DDT"] * len(quarantined_rows),
            "rule": ["unknown_unit"] * len(quarantined_rows),
            "message_vi": ["không nhận ra đơn vị"] * len(quarantined_rows),
            "message_en": ["unknown unit"] * len(quarantined_rows),
            "candidates": ["Sở Giáo dục và Đào tạo"] * len(quarantined_rows),
            "row_json": ["{}"] * len(quarantined_rows),
        },
        schema_overrides={"source_sheet": pl.Utf8, "source_row": pl.Int64},
    )
    entry = LedgerEntry(
        file_path=f"/data/{file_name}",
        file_name=file_name,
        sheet=sheet,
        content_hash=content_hash,
        record_type="memberships",
        status=status,
        rows_read=10,
        rows_loaded=10 - len(quarantined_rows) if status == "loaded" else 0,
        rows_quarantined=len(quarantined_rows),
        message=None,
        loader_version="test",
        retry_of_load_id=retry_of,
    )
    record_load(con, load_id, entry, quarantine, [])


def _act(con: duckdb.DuckDBPyConnection, action_id: int, load_id: int, action: str) -> None:
    con.execute(
        "insert into load_actions values (?, ?, ?, ?, 'analyst', 'nhập nhầm tệp')",
        [action_id, load_id, action, dt.datetime(2024, 7, 30, 8, action_id)],
    )


def test_a_load_is_withdrawn_until_a_later_restore(raw: duckdb.DuckDBPyConnection) -> None:
    _load(raw, 1, "a")
    _load(raw, 2, "b")
    _act(raw, 1, 1, "withdraw")
    _act(raw, 2, 2, "withdraw")
    _act(raw, 3, 2, "restore")
    assert withdrawn_load_ids(raw) == {1}
    # withdrawn again after its restoration: the latest action decides
    _act(raw, 4, 2, "withdraw")
    assert withdrawn_load_ids(raw) == {1, 2}


def test_no_action_withdraws_nothing(raw: duckdb.DuckDBPyConnection) -> None:
    _load(raw, 1, "a")
    assert withdrawn_load_ids(raw) == set()


def test_the_current_load_of_a_content_is_its_latest_in_force(
    raw: duckdb.DuckDBPyConnection,
) -> None:
    """Loading the same bytes twice and withdrawing the second leaves the first in force: that
    is the load `thidua quarantine` and a re-load compare against."""
    _load(raw, 1, "same")
    _load(raw, 2, "same")
    current = current_full_load(raw, "same", "Thành viên")
    assert current is not None and current.load_id == 2
    _act(raw, 1, 2, "withdraw")
    current = current_full_load(raw, "same", "Thành viên")
    assert current is not None and current.load_id == 1
    _act(raw, 2, 1, "withdraw")
    assert current_full_load(raw, "same", "Thành viên") is None


def test_the_current_load_is_of_the_same_sheet_and_never_a_rejected_or_retry_load(
    raw: duckdb.DuckDBPyConnection,
) -> None:
    _load(raw, 1, "book", sheet="Thành viên")
    _load(raw, 2, "book", sheet="Xếp hạng")
    _load(raw, 3, "book", sheet=None)
    _load(raw, 4, "book", sheet="Thành viên", status="rejected")
    _load(raw, 5, "book", sheet="Thành viên", retry_of=1)
    found = current_full_load(raw, "book", "Thành viên")
    assert found is not None and found.load_id == 1
    sheetless = current_full_load(raw, "book", None)
    assert sheetless is not None and sheetless.load_id == 3
    assert current_full_load(raw, "other bytes", "Thành viên") is None


def test_a_load_family_is_the_load_and_its_retries_that_landed(
    raw: duckdb.DuckDBPyConnection,
) -> None:
    """Withdrawing a load withdraws the rows its retries landed too."""
    _load(raw, 1, "a", quarantined_rows=(4, 7))
    _load(raw, 2, "b")
    _load(raw, 3, "a-fixed", retry_of=1)
    _load(raw, 4, "a-fixed-again", retry_of=1, status="rejected")
    assert [r.load_id for r in loads_of_family(raw, 1)] == [1, 3]
    assert [r.base_load_id for r in loads_of_family(raw, 1)] == [1, 1]
    assert [r.load_id for r in loads_of_family(raw, 2)] == [2]


def test_the_loads_of_a_file_are_those_that_landed_rows_wherever_it_came_from(
    raw: duckdb.DuckDBPyConnection,
) -> None:
    _load(raw, 1, "a")
    _load(raw, 2, "b", status="rejected")
    _load(raw, 3, "c", sheet=None)
    _load(raw, 4, "d", file_name="Khối thi đua các cơ quan Đảng tỉnh.csv", sheet=None)
    assert [r.load_id for r in loads_of_file(raw, ROSTER)] == [1, 3]
    assert loads_of_file(raw, "không có.csv") == []


def test_a_ledger_row_names_its_file_and_sheet(raw: duckdb.DuckDBPyConnection) -> None:
    _load(raw, 1, "a")
    _load(raw, 2, "b", sheet=None, retry_of=1)
    first, retry = ledger_row(raw, 1), ledger_row(raw, 2)
    assert first is not None and retry is not None
    assert first.label == f"{ROSTER} [Thành viên]"
    assert retry.label == ROSTER
    assert (first.base_load_id, retry.base_load_id) == (1, 1)
    assert first.complete_roster is False
    assert ledger_row(raw, 99) is None


def test_quarantined_rows_stay_open_until_a_retry_takes_them_over(
    raw: duckdb.DuckDBPyConnection,
) -> None:
    _load(raw, 1, "a", quarantined_rows=(4, 7))
    _load(raw, 2, "b", file_name="xep_hang.csv", sheet=None, quarantined_rows=(2,))
    assert open_quarantine(raw)["source_row"].to_list() == [4, 7, 2]
    assert open_quarantine(raw, 1)["source_row"].to_list() == [4, 7]

    # a retry lands row 4 and quarantines row 7 again
    _load(raw, 3, "a-retry", retry_of=1, quarantined_rows=(7,))
    raw.execute("update quarantine set retried_in_load_id = 3 where load_id = 1")
    still = open_quarantine(raw, 1)
    assert still["load_id"].to_list() == [3]
    assert still["source_row"].to_list() == [7]
    assert still["base_load_id"].to_list() == [1]


def test_a_withdrawn_or_replaced_load_has_no_open_quarantine(
    raw: duckdb.DuckDBPyConnection,
) -> None:
    """Rows of a withdrawn load are nobody's to fix; nor are those of a load the same content was
    loaded over again (the newer load's rows are the ones to fix)."""
    _load(raw, 1, "a", quarantined_rows=(4,))
    _load(raw, 2, "b", file_name="xep_hang.csv", sheet=None, quarantined_rows=(2,))
    _act(raw, 1, 2, "withdraw")
    assert open_quarantine(raw)["load_id"].to_list() == [1]
    _load(raw, 3, "a", quarantined_rows=(4,))
    assert open_quarantine(raw)["load_id"].to_list() == [3]
    _act(raw, 2, 2, "restore")
    assert open_quarantine(raw)["load_id"].to_list() == [2, 3]
