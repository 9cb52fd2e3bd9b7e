"""thidua.query.read: trusted reads of the published warehouse, publish stamps, a missing
warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest
from tests.conftest import copy_warehouse

from thidua.paths import Home
from thidua.query.read import WarehouseMissing, publish_stamp, read_query


def test_read_query_returns_a_polars_frame_of_marts_rows(published_home: Home) -> None:
    frame = read_query(
        published_home.published_db,
        "select unit_name, role, source_ref from marts.fct_memberships "
        "where cluster_id = 'th-ubnd:cum-08' and results_year = 2021 and not is_synthetic",
    )
    assert isinstance(frame, pl.DataFrame)
    # article:002 lists eight members of Cụm thi đua số 8 for 2021, led by Sở Ngoại vụ.
    assert frame.height == 8
    leaders = frame.filter(pl.col("role") == "leader")["unit_name"].to_list()
    assert leaders == ["Sở Ngoại vụ"]
    assert set(frame["source_ref"]) == {"article:002"}


def test_read_query_binds_parameters(published_home: Home) -> None:
    frame = read_query(
        published_home.published_db,
        "select count(*) as n from marts.fct_cluster_year where cluster_id = $cluster",
        {"cluster": "th-ubnd:cum-08"},
    )
    assert frame["n"][0] > 0
    positional = read_query(published_home.published_db, "select ? + ? as s", [1, 2])
    assert positional["s"][0] == 3


def test_read_query_sees_every_schema_of_the_contract(published_home: Home) -> None:
    frame = read_query(
        published_home.published_db,
        "select distinct table_schema from information_schema.tables where table_catalog = 'wh'",
    )
    assert {"marts", "quality", "meta"} <= set(frame["table_schema"])


def test_missing_warehouse_says_what_to_run(tmp_path: Path) -> None:
    missing = tmp_path / "thidua.duckdb"
    with pytest.raises(WarehouseMissing) as info:
        read_query(missing, "select 1")
    for message in (info.value.message_vi, info.value.message_en, str(info.value)):
        assert str(missing) in message
        assert "make run" in message
        assert "thidua demo --no-serve" in message
    assert info.value.message("en") == info.value.message_en


def test_reads_leave_no_lock_behind(published_home: Home, tmp_path: Path) -> None:
    db = tmp_path / "thidua.duckdb"
    db.write_bytes(published_home.published_db.read_bytes())
    read_query(db, "select count(*) from marts.fct_events")
    with pytest.raises(duckdb.Error):  # a failed read lets go of the file too
        read_query(db, "select * from marts.no_such_table")
    # A writer (the publisher, dbt) can open the file right after a dashboard read.
    con = duckdb.connect(str(db))
    con.execute("create table meta.touched as select 1 as x")
    con.close()


def test_a_new_publish_is_seen_without_restart(published_home: Home, tmp_path: Path) -> None:
    live = copy_warehouse(published_home, tmp_path / "live" / "thidua.duckdb")
    before = publish_stamp(live)
    count_sql = "select count(*) as n from meta.publish_log"
    assert read_query(live, count_sql)["n"][0] == 1

    # The publisher builds a copy elsewhere and swaps it in with os.replace.
    staged = copy_warehouse(published_home, tmp_path / "build" / "thidua.duckdb")
    con = duckdb.connect(str(staged))
    con.execute("insert into meta.publish_log values (now(), '0.2.0', 1.0, 1, 0)")
    con.close()
    staged.replace(live)  # os.replace: atomic on the same file system

    assert publish_stamp(live) != before
    assert read_query(live, count_sql)["n"][0] == 2


def test_publish_stamp_of_a_missing_file(tmp_path: Path) -> None:
    assert publish_stamp(tmp_path / "nothing.duckdb") == "missing"
