"""The landing database (raw.duckdb): the loader is its only writer.

One file or sheet lands in one transaction (ledger row, raw rows, quarantine, validation results),
so a crash or Ctrl-C part-way leaves the database exactly as it was before that file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from thidua.errors import UserError
from thidua.gate import ExpectationOutcome
from thidua.raw_schema import raw_table_columns, raw_tables_ddl
from thidua.records import RECORD_TYPES


@dataclass(frozen=True)
class LedgerEntry:
    file_path: str
    file_name: str
    sheet: str | None
    content_hash: str
    record_type: str | None
    status: str  # loaded | rejected
    rows_read: int
    rows_loaded: int
    rows_quarantined: int
    message: str | None
    loader_version: str
    resolver_fingerprint: str | None = None


@contextmanager
def open_raw(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the landing database, created on first use."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as exc:
        raise UserError(
            f"không mở được cơ sở dữ liệu nạp {path}: đang có tiến trình khác ghi vào ({exc})",
            f"cannot open the landing database {path}: another process is writing to it ({exc})",
        ) from None
    try:
        con.execute(raw_tables_ddl())
        yield con
    finally:
        con.close()


def already_loaded(
    con: duckdb.DuckDBPyConnection, content_hash: str, sheet: str | None, resolver_fingerprint: str
) -> int | None:
    """The load that already landed this exact content (file bytes + sheet), if loading it again
    could change nothing: it quarantined no row, or the names known to the resolver are the same."""
    row = con.execute(
        """
        select max(load_id) from load_ledger
        where content_hash = ? and coalesce(sheet, '') = coalesce(?, '') and status = 'loaded'
          and (rows_quarantined = 0 or resolver_fingerprint = ?)
        """,
        [content_hash, sheet, resolver_fingerprint],
    ).fetchall()
    return row[0][0] if row and row[0][0] is not None else None


def member_counts(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Units per cluster and year in the raw memberships loaded so far (every restatement counts:
    a unit once listed stays a member of that cluster-year)."""
    counts: pl.DataFrame = con.sql(
        """
        select organizer_id, cluster_id, results_year, count(distinct unit_id) as members
        from memberships
        where unit_id is not null
        group by all
        """
    ).pl()
    return counts


@contextmanager
def file_transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One input file's writes: committed together, or rolled back on any exception.

    KeyboardInterrupt included (it is a BaseException): Ctrl-C mid-file leaves the database as it
    was before the file. A SIGKILL needs no handler: DuckDB never makes uncommitted work durable.
    """
    con.execute("begin transaction")
    try:
        yield
    except BaseException as exc:
        con.execute("rollback")
        if _interrupted(exc):
            raise KeyboardInterrupt from exc
        raise
    con.execute("commit")


def _interrupted(exc: BaseException) -> bool:
    """Ctrl-C that arrived while DuckDB ran a statement: DuckDB reports it as its own error
    (RuntimeError "Query interrupted" for SIGINT, InterruptException for `interrupt()`), which
    must end the load like any Ctrl-C (exit 130, "interrupted"), not as a crash."""
    return isinstance(exc, duckdb.InterruptException) or (
        type(exc) is RuntimeError and str(exc) == "Query interrupted"
    )


def land(
    con: duckdb.DuckDBPyConnection,
    entry: LedgerEntry,
    rows: pl.DataFrame | None,
    quarantine: pl.DataFrame | None,
    outcomes: list[ExpectationOutcome],
) -> int:
    """Write one batch (ledger row, raw rows, quarantine, validation results); returns its load id.

    Call it inside `file_transaction`: the file's batches then land together or not at all.
    """
    now = dt.datetime.now()
    load_id = con.execute("select nextval('load_id_seq')").fetchall()[0][0]
    con.execute(
        "insert into load_ledger values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            load_id,
            entry.file_path,
            entry.file_name,
            entry.sheet,
            entry.content_hash,
            entry.record_type,
            entry.status,
            entry.rows_read,
            entry.rows_loaded,
            entry.rows_quarantined,
            entry.message,
            now,
            entry.loader_version,
            entry.resolver_fingerprint,
        ],
    )
    if rows is not None and rows.height and entry.record_type:
        columns = [name for name, _ in raw_table_columns(RECORD_TYPES[entry.record_type])]
        incoming = rows.with_columns(pl.lit(load_id, dtype=pl.Int32).alias("load_id"))
        con.register("incoming_rows", incoming)
        select_list = ", ".join(columns)
        con.execute(
            f"insert into {entry.record_type} ({select_list}) "
            f"select {select_list} from incoming_rows"
        )
        con.unregister("incoming_rows")
    if quarantine is not None and quarantine.height:
        con.register(
            "incoming_quarantine", quarantine.with_columns(pl.lit(load_id).alias("load_id"))
        )
        con.execute(
            """
            insert into quarantine
            select load_id, record_type, source_file, source_sheet, source_row, column_name,
                   value, rule, message_vi, message_en, candidates, row_json
            from incoming_quarantine
            """
        )
        con.unregister("incoming_quarantine")
    for outcome in outcomes:
        con.execute(
            "insert into validation_results values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                load_id,
                entry.record_type,
                outcome.suite_name,
                outcome.expectation,
                outcome.column_name,
                outcome.success,
                outcome.element_count,
                outcome.unexpected_count,
                outcome.details_json,
                now,
            ],
        )
    return int(load_id)
