"""Polars frames handed to DuckDB through Arrow, without a copy of their text.

DuckDB scans a registered polars frame by converting it to Arrow's classic string layout, which
copies every string (about a second per million score rows). Polars keeps text as Arrow string
views, which DuckDB reads as they are: exported at the newest compatibility level, the hand-over
costs next to nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

import duckdb
import polars as pl


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> Iterator[str]:
    """`frame` visible to `con` as the view `name` for the duration of the block."""
    con.register(name, frame.to_arrow(compat_level=pl.CompatLevel.newest()))
    try:
        yield name
    except BaseException:
        # A statement that failed or was interrupted (Ctrl-C) aborted the transaction, and DuckDB
        # then refuses even the unregister: that refusal must not hide why the block ended. The
        # view goes with the rolled-back transaction's connection state anyway.
        with suppress(duckdb.Error):
            con.unregister(name)
        raise
    con.unregister(name)
