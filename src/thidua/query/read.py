"""The one way to read the published warehouse.

Why the file is attached afresh for every query: inside one process `duckdb.connect(path)` hands
back the instance already open for that path, so after the publisher swaps the file (`os.replace`)
such a connection keeps showing the old data and holds a lock a build may trip over. An in-memory
database that ATTACHes the file READ_ONLY for one query, and DETACHes it after, always sees the file
that is there now and leaves nothing open. The in-memory databases themselves are reused (starting
one costs more than the attach).

Two entry points:

- `read_query` for trusted SQL written in this code base (the dashboard's data-access module);
- `publish_stamp`, a cheap fingerprint of the published file used as a cache key, so a new publish
  shows without restarting the dashboard.

SQL typed by a user goes through `thidua.query.sandbox` instead.
"""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from thidua.query.connection import attach_read_only, in_memory

__all__ = ["QueryError", "WarehouseMissing", "publish_stamp", "read_query"]

Params = Sequence[object] | Mapping[str, object] | None


class QueryError(Exception):
    """An error with a message fit for an analyst, in Vietnamese and English."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_vi = message_vi
        self.message_en = message_en

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang == "en" else self.message_vi


class WarehouseMissing(QueryError):
    """The published warehouse file does not exist (yet)."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.db_path = Path(db_path)
        super().__init__(
            f"Chưa có kho dữ liệu tại {self.db_path}. Hãy chạy `make run` hoặc "
            "`thidua demo --no-serve` (dữ liệu mẫu), hoặc `thidua build` sau khi nạp dữ liệu.",
            f"No warehouse at {self.db_path}. Run `make run` or `thidua demo --no-serve` "
            "(bundled sample), or `thidua build` after loading your files.",
        )


def publish_stamp(db_path: str | os.PathLike[str]) -> str:
    """A fingerprint of the published file that changes on every publish.

    The publisher replaces the file with `os.replace`, which gives a new inode, and the new file
    nearly always has a new mtime and size too; all three together make a reliable cache key.
    """
    try:
        st = Path(db_path).stat()
    except FileNotFoundError:
        return "missing"
    return f"{st.st_mtime_ns}-{st.st_size}-{st.st_ino}"


def _attach_to(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Attach the warehouse file read-only as `wh` and make it the default database."""
    try:
        attach_read_only(con, path)
    except duckdb.IOException as exc:
        # The file vanished between the check and the ATTACH (a publish mid-swap or a reset).
        if not path.is_file():
            raise WarehouseMissing(path) from exc
        raise


# In-memory DuckDB instances kept between trusted queries. Starting an instance costs ~20 ms and
# closing one ~6 ms, while attaching the file costs ~5 ms: a dashboard page runs a dozen queries.
# The file itself is still attached afresh for every query (and detached after it), so each query
# sees the file that is there now and no read leaves the file open.
_idle_readers: queue.SimpleQueue[duckdb.DuckDBPyConnection] = queue.SimpleQueue()


@contextmanager
def _reader(db_path: str | os.PathLike[str]) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory connection with the warehouse attached read-only as `wh` for one query."""
    path = Path(db_path)
    if not path.is_file():
        raise WarehouseMissing(path)
    try:
        con = _idle_readers.get_nowait()
    except queue.Empty:
        con = in_memory()
    reusable = False
    try:
        _attach_to(con, path)
        try:
            yield con
        finally:
            con.execute("USE memory")
            con.execute("DETACH wh")
        reusable = True
    finally:
        # A connection whose query failed is not trusted with another one.
        if reusable:
            _idle_readers.put(con)
        else:
            con.close()


def read_query(db_path: str | os.PathLike[str], sql: str, params: Params = None) -> pl.DataFrame:
    """Run one trusted SELECT against the published warehouse and return a polars frame.

    Only for SQL written in this code base; user SQL goes through `thidua.query.sandbox`.
    """
    with _reader(db_path) as con:
        rel = con.sql(sql, params=params)
        if rel is None:
            raise ValueError("read_query runs queries that return rows, not commands")
        frame: pl.DataFrame = rel.pl()
        return frame
