"""The state of the loads in the landing database, as corrections leave it.

Nothing in raw.duckdb is edited away by a correction; what is in force is worked out from the
records of what happened:
- a load is withdrawn when its latest entry in `load_actions` is a withdrawal;
- a retry (`retry_of_load_id`) lands rows of an earlier load, and its rows take that load's place
  in time (`base_load_id`), so a retry never outranks a file loaded after the one it came from;
- the current load of a file's content (and sheet) is its latest full load still in force; rows it
  or its retries quarantined are open until a retry takes them over (`retried_in_load_id`).

The dbt staging models apply the same rules (macros/corrections.sql); the SQL here is for the
loader and the CLI, which read raw.duckdb directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

WITHDRAWN_LOADS = """
    select load_id
    from (
        select
            load_id,
            action,
            row_number() over (partition by load_id order by action_id desc) as nth
        from load_actions
    )
    where nth = 1 and action = 'withdraw'
"""

ACTIVE_LOADS = f"""
    select load_id, coalesce(retry_of_load_id, load_id) as base_load_id
    from load_ledger
    where status = 'loaded' and load_id not in ({WITHDRAWN_LOADS})
"""

CURRENT_FULL_LOADS = f"""
    select max(load_id) as load_id
    from load_ledger
    where status = 'loaded' and retry_of_load_id is null
        and load_id not in ({WITHDRAWN_LOADS})
    group by content_hash, coalesce(sheet, '')
"""

OPEN_QUARANTINE = f"""
    select quarantine.*, active.base_load_id
    from quarantine
    inner join ({ACTIVE_LOADS}) as active using (load_id)
    where quarantine.retried_in_load_id is null
        and active.base_load_id in ({CURRENT_FULL_LOADS})
"""


@dataclass(frozen=True)
class LedgerRow:
    """One load as the ledger records it (the columns a correction needs)."""

    load_id: int
    file_path: str
    file_name: str
    sheet: str | None
    content_hash: str
    record_type: str | None
    status: str
    rows_quarantined: int
    resolver_fingerprint: str | None
    retry_of_load_id: int | None
    default_source_kind: str | None
    complete_roster: bool

    @property
    def base_load_id(self) -> int:
        return self.retry_of_load_id or self.load_id

    @property
    def label(self) -> str:
        return self.file_name if self.sheet is None else f"{self.file_name} [{self.sheet}]"


_LEDGER_COLUMNS = (
    "load_id, file_path, file_name, sheet, content_hash, record_type, status, rows_quarantined,"
    " resolver_fingerprint, retry_of_load_id, default_source_kind,"
    " coalesce(complete_roster, false)"
)


def _ledger_rows(
    con: duckdb.DuckDBPyConnection, where: str, params: list[object]
) -> list[LedgerRow]:
    rows = con.execute(
        f"select {_LEDGER_COLUMNS} from load_ledger where {where} order by load_id", params
    ).fetchall()
    return [LedgerRow(*row) for row in rows]


def ledger_row(con: duckdb.DuckDBPyConnection, load_id: int) -> LedgerRow | None:
    rows = _ledger_rows(con, "load_id = ?", [load_id])
    return rows[0] if rows else None


def current_full_load(
    con: duckdb.DuckDBPyConnection, content_hash: str, sheet: str | None
) -> LedgerRow | None:
    """The latest full load of this exact content (file bytes + sheet) still in force."""
    rows = _ledger_rows(
        con,
        f"load_id in ({CURRENT_FULL_LOADS}) and content_hash = ? "
        "and coalesce(sheet, '') = coalesce(?, '')",
        [content_hash, sheet],
    )
    return rows[-1] if rows else None


def content_in_force(con: duckdb.DuckDBPyConnection, content_hash: str) -> bool:
    """Whether any sheet of this exact content has a full load still in force (a file loaded
    before, unchanged)."""
    found = con.execute(
        f"select 1 from load_ledger where load_id in ({CURRENT_FULL_LOADS}) and content_hash = ?"
        " limit 1",
        [content_hash],
    ).fetchall()
    return bool(found)


def loads_of_family(con: duckdb.DuckDBPyConnection, base_load_id: int) -> list[LedgerRow]:
    """A load and every retry of its quarantined rows: withdrawn and restored together."""
    return _ledger_rows(
        con, "coalesce(retry_of_load_id, load_id) = ? and status = 'loaded'", [base_load_id]
    )


def loads_of_file(con: duckdb.DuckDBPyConnection, file_name: str) -> list[LedgerRow]:
    """The loads (that landed rows) of every file of this name, wherever it was loaded from."""
    return _ledger_rows(con, "status = 'loaded' and file_name = ?", [file_name])


def withdrawn_load_ids(con: duckdb.DuckDBPyConnection) -> set[int]:
    return {row[0] for row in con.execute(WITHDRAWN_LOADS).fetchall()}


def open_quarantine(
    con: duckdb.DuckDBPyConnection, base_load_id: int | None = None
) -> pl.DataFrame:
    """Quarantined rows still open (one row per finding), of one load family or of every load."""
    where = "where base_load_id = ?" if base_load_id is not None else ""
    params = [base_load_id] if base_load_id is not None else []
    frame: pl.DataFrame = con.sql(
        f"select * from ({OPEN_QUARANTINE}) {where} order by load_id, source_row", params=params
    ).pl()
    return frame
