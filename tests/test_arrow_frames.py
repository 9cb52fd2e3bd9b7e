"""Polars frames handed to DuckDB (thidua.ingest.arrow_frames): visible as a view inside the
block, gone after it, and a failed statement inside the block reported as itself, never hidden
behind the clean-up DuckDB refuses in an aborted transaction (a Ctrl-C mid-insert once ended as
a TransactionException traceback instead of "interrupted")."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from thidua.ingest.arrow_frames import registered


def _frame() -> pl.DataFrame:
    return pl.DataFrame({"unit": ["Sở Tư pháp", "Sở Y tế"], "points": [95.5, 90.0]})


def test_the_frame_is_a_view_inside_the_block_and_gone_after() -> None:
    con = duckdb.connect()
    with registered(con, "incoming", _frame()) as name:
        assert con.execute(f"select unit from {name} order by points").fetchall() == [
            ("Sở Y tế",),
            ("Sở Tư pháp",),
        ]
    with pytest.raises(duckdb.CatalogException):
        con.execute("select * from incoming")


def test_a_statement_failing_in_a_transaction_is_reported_as_itself() -> None:
    con = duckdb.connect()
    con.execute("create table landed (unit varchar, points integer)")
    con.execute("begin transaction")
    # the text cannot become an integer: the statement fails and aborts the transaction, after
    # which DuckDB refuses the unregister too
    with pytest.raises(duckdb.ConversionException), registered(con, "incoming", _frame()):
        con.execute("insert into landed select unit, unit from incoming")
    con.execute("rollback")
    assert con.execute("select count(*) from landed").fetchall() == [(0,)]
