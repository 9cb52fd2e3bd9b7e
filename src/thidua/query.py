"""The one way to read the published warehouse.

Why the file is attached afresh for every query: inside one process `duckdb.connect(path)` hands
back the instance already open for that path, so after the publisher swaps the file (`os.replace`)
such a connection keeps showing the old data and holds a lock a build may trip over. An in-memory
database that ATTACHes the file READ_ONLY for one query, and DETACHes it after, always sees the file
that is there now and leaves nothing open. The in-memory databases themselves are reused (starting
one costs more than the attach).

Three entry points:

- `read_query` for trusted SQL written in this code base (the dashboard's data-access module);
- `run_untrusted` for SQL typed by a user (the dashboard's SQL page): a locked-down sandbox with
  statement-type checks, a row cap, a time limit and a memory limit;
- `publish_stamp`, a cheap fingerprint of the published file used as a cache key, so a new publish
  shows without restarting the dashboard.
"""

from __future__ import annotations

import os
import queue
import re
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb
import polars as pl
import pyarrow as pa

__all__ = [
    "QueryError",
    "QueryRefused",
    "RefusalReason",
    "UntrustedResult",
    "WarehouseMissing",
    "publish_stamp",
    "read_query",
    "run_untrusted",
]

Params = Sequence[object] | Mapping[str, object] | None

# Extensions can neither be downloaded here nor should a query make the process try.
_CONNECT_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


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


RefusalReason = Literal[
    "empty",  # nothing to run
    "syntax",  # DuckDB could not parse it
    "multiple",  # more than one statement
    "not_read_only",  # a statement type other than a query
    "permission",  # the sandbox blocked an operation (files, settings, extensions)
    "timeout",  # ran longer than allowed
    "memory",  # needed more memory than allowed
    "invalid",  # parsed but failed: unknown table or column, type error...
]


class QueryRefused(QueryError):
    """Untrusted SQL that the sandbox would not run or that failed; never carries a traceback."""

    def __init__(
        self, reason: RefusalReason, message_vi: str, message_en: str, detail: str = ""
    ) -> None:
        super().__init__(message_vi, message_en)
        self.reason: RefusalReason = reason
        # DuckDB's own wording, shown under the human message for those who want it.
        self.detail = detail


@dataclass(frozen=True)
class UntrustedResult:
    frame: pl.DataFrame
    truncated: bool
    elapsed_s: float


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
        # The path goes in as a quoted literal: ATTACH does not accept a prepared parameter.
        literal = str(path).replace("'", "''")
        con.execute(f"ATTACH '{literal}' AS wh (READ_ONLY)")
    except duckdb.IOException as exc:
        # The file vanished between the check and the ATTACH (a publish mid-swap or a reset).
        if not path.is_file():
            raise WarehouseMissing(path) from exc
        raise
    con.execute("USE wh")


def _attach(db_path: str | os.PathLike[str]) -> duckdb.DuckDBPyConnection:
    """A new in-memory connection of its own with the warehouse attached (the sandbox's)."""
    path = Path(db_path)
    if not path.is_file():
        raise WarehouseMissing(path)
    con = duckdb.connect(":memory:", config=_CONNECT_CONFIG)
    try:
        _attach_to(con, path)
    except BaseException:
        con.close()
        raise
    return con


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
        con = duckdb.connect(":memory:", config=_CONNECT_CONFIG)
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

    Only for SQL written in this code base; user SQL goes through `run_untrusted`.
    """
    with _reader(db_path) as con:
        rel = con.sql(sql, params=params)
        if rel is None:
            raise ValueError("read_query runs queries that return rows, not commands")
        frame: pl.DataFrame = rel.pl()
        return frame


# --- the sandbox for untrusted SQL ---------------------------------------------------------------

_ALLOWED_TYPES = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
# EXPLAIN ANALYZE runs its statement, so what follows EXPLAIN must itself be a query.
_EXPLAIN_PREFIX = re.compile(r"^\s*explain\s+(?:analy[sz]e\s+)?(?P<rest>.*)$", re.I | re.S)
_FETCH_BATCH = 2048
_MEMORY_LIMIT = re.compile(r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")


def _sandbox_settings(memory_limit: str) -> list[str]:
    threads = max(1, min(2, os.cpu_count() or 1))
    return [
        # Spilling to disk would write files; with no temp space a memory bomb fails fast instead.
        "SET max_temp_directory_size='0B'",
        "SET enable_external_access=false",
        "SET autoinstall_known_extensions=false",
        "SET autoload_known_extensions=false",
        "SET allow_community_extensions=false",
        "SET allow_persistent_secrets=false",
        f"SET memory_limit='{memory_limit}'",
        f"SET threads={threads}",
        "SET enable_progress_bar=false",
        # Last: from here on no statement can undo the settings above.
        "SET lock_configuration=true",
    ]


def _sandbox(db_path: str | os.PathLike[str], memory_limit: str) -> duckdb.DuckDBPyConnection:
    con = _attach(db_path)
    try:
        for stmt in _sandbox_settings(memory_limit):
            con.execute(stmt)
    except BaseException:
        con.close()
        raise
    return con


def _refuse_type(kind: str) -> QueryRefused:
    return QueryRefused(
        "not_read_only",
        f"Chỉ cho phép câu truy vấn đọc dữ liệu (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN); "
        f"câu lệnh loại {kind} bị từ chối.",
        f"Only read queries are allowed (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN); "
        f"a {kind} statement is refused.",
    )


def _single_statement(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """Return the one statement in `sql` if it is a read query, else raise QueryRefused."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(
            "syntax",
            "Câu SQL có lỗi cú pháp, hãy kiểm tra lại.",
            "The SQL has a syntax error; please check it.",
            str(exc),
        ) from None
    if not statements:
        raise QueryRefused("empty", "Chưa có câu SQL nào để chạy.", "There is no SQL to run.")
    if len(statements) > 1:
        raise QueryRefused(
            "multiple",
            f"Mỗi lần chỉ chạy một câu lệnh; đã nhận {len(statements)} câu.",
            f"Run one statement at a time; got {len(statements)}.",
        )
    statement = statements[0]
    if statement.type not in _ALLOWED_TYPES:
        raise _refuse_type(statement.type.name)
    if statement.type == duckdb.StatementType.EXPLAIN:
        match = _EXPLAIN_PREFIX.match(statement.query)
        inner = con.extract_statements(match.group("rest")) if match else []
        if len(inner) != 1 or inner[0].type != duckdb.StatementType.SELECT:
            raise _refuse_type("EXPLAIN " + (inner[0].type.name if len(inner) == 1 else "?"))
    return statement.query


def _classify(
    exc: duckdb.Error, timed_out: bool, timeout_s: float, memory_limit: str
) -> QueryRefused:
    detail = str(exc)
    if isinstance(exc, duckdb.InterruptException) or timed_out:
        return QueryRefused(
            "timeout",
            f"Truy vấn chạy quá {timeout_s:g} giây nên đã bị dừng; hãy thu hẹp điều kiện hoặc "
            "thêm LIMIT.",
            f"The query ran longer than {timeout_s:g} s and was stopped; narrow it or add LIMIT.",
            detail,
        )
    if isinstance(exc, duckdb.OutOfMemoryException):
        return QueryRefused(
            "memory",
            f"Truy vấn cần nhiều bộ nhớ hơn mức cho phép ({memory_limit}); hãy thu hẹp truy vấn.",
            f"The query needs more memory than allowed ({memory_limit}); make it smaller.",
            detail,
        )
    if isinstance(exc, duckdb.PermissionException) or "configuration has been locked" in detail:
        return QueryRefused(
            "permission",
            "Truy vấn chỉ được đọc các bảng của kho dữ liệu: không được đọc/ghi tệp, gắn cơ sở "
            "dữ liệu khác, cài tiện ích mở rộng hay đổi cấu hình.",
            "A query may only read the warehouse tables: no file access, no other "
            "databases, no extensions, no setting changes.",
            detail,
        )
    if isinstance(exc, duckdb.ParserException):
        return QueryRefused(
            "syntax",
            "Câu SQL có lỗi cú pháp, hãy kiểm tra lại.",
            "The SQL has a syntax error; please check it.",
            detail,
        )
    return QueryRefused(
        "invalid",
        "Không chạy được truy vấn: kiểm tra tên bảng, tên cột và kiểu dữ liệu "
        "(xem danh sách bảng bằng `SHOW ALL TABLES`).",
        "The query failed: check table names, column names and types "
        "(list the tables with `SHOW ALL TABLES`).",
        detail,
    )


def run_untrusted(
    db_path: str | os.PathLike[str],
    sql: str,
    *,
    row_cap: int = 10_000,
    timeout_s: float = 10.0,
    memory_limit: str = "512MB",
) -> UntrustedResult:
    """Run one user-typed read query in a locked-down, read-only sandbox.

    Raises `QueryRefused` (with Vietnamese and English messages) for anything that is not a single
    read query, that touches files, settings or extensions, that runs longer than `timeout_s` or
    needs more than `memory_limit`; raises `WarehouseMissing` when there is nothing published.
    At most `row_cap` rows come back; `truncated` says whether there were more.
    """
    # The limits come from code, not from the user; still, they end up inside SQL text.
    if not _MEMORY_LIMIT.match(memory_limit):
        raise ValueError(f"memory_limit must look like '512MB', not {memory_limit!r}")
    if row_cap < 0 or timeout_s <= 0:
        raise ValueError("row_cap must be >= 0 and timeout_s > 0")
    con = _sandbox(db_path, memory_limit)
    fired = threading.Event()

    def _stop() -> None:
        fired.set()
        con.interrupt()

    timer = threading.Timer(timeout_s, _stop)
    timer.daemon = True
    started = time.perf_counter()
    try:
        statement = _single_statement(con, sql)
        timer.start()
        rel = con.sql(statement)
        if rel is None:  # every allowed statement type returns rows; this is belt and braces
            raise _refuse_type("?")
        # Stream and stop after row_cap + 1 rows so a huge result never lands in memory.
        reader = rel.to_arrow_reader(min(_FETCH_BATCH, row_cap + 1))
        batches: list[pa.RecordBatch] = []
        rows = 0
        try:
            for batch in reader:
                batches.append(batch)
                rows += batch.num_rows
                if rows > row_cap:
                    break
        finally:
            reader.close()
        frame = _to_frame(batches, reader.schema)
    except duckdb.Error as exc:
        raise _classify(exc, fired.is_set(), timeout_s, memory_limit) from None
    finally:
        timer.cancel()
        con.close()
    elapsed = time.perf_counter() - started
    truncated = frame.height > row_cap
    return UntrustedResult(frame.head(row_cap), truncated, elapsed)


def _unique_names(names: list[str]) -> list[str]:
    """`select 1 as a, 2 as a` is valid SQL but a frame needs distinct names: a, a_1 (as DuckDB)."""
    seen: set[str] = set()
    unique = []
    for name in names:
        candidate, n = name, 0
        while candidate in seen:
            n += 1
            candidate = f"{name}_{n}"
        seen.add(candidate)
        unique.append(candidate)
    return unique


def _to_frame(batches: list[pa.RecordBatch], schema: pa.Schema) -> pl.DataFrame:
    try:
        table = pa.Table.from_batches(batches, schema=schema)
        frame = pl.from_arrow(table.rename_columns(_unique_names(table.column_names)))
    except (pa.ArrowException, pl.exceptions.PolarsError) as exc:
        raise QueryRefused(
            "invalid",
            "Có cột kiểu dữ liệu không hiển thị được; hãy chuyển sang chuỗi "
            "(CAST(... AS VARCHAR)).",
            "A column has a type that cannot be shown; cast it to text (CAST(... AS VARCHAR)).",
            str(exc),
        ) from None
    assert isinstance(frame, pl.DataFrame)  # a Table always converts to a DataFrame
    return frame
