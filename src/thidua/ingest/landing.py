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

from thidua import ctrl_c
from thidua.contract.raw_schema import missing_columns_ddl, raw_table_columns, raw_tables_ddl
from thidua.contract.records import RECORD_TYPES
from thidua.errors import UserError
from thidua.gate.expectations import ExpectationOutcome
from thidua.ingest.arrow_frames import registered
from thidua.ingest.load_state import ACTIVE_LOADS


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
    retry_of_load_id: int | None = None
    default_source_kind: str | None = None
    complete_roster: bool = False
    forced: bool = False


@contextmanager
def open_raw(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the landing database, created on first use."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise UserError(
                f"không mở được cơ sở dữ liệu nạp {path}: đang có tiến trình khác ghi vào "
                "(chờ lệnh kia xong rồi chạy lại)",
                f"cannot open the landing database {path}: another process is writing to it "
                "(wait for it to finish, then run again)",
            ) from None
        raise UserError(
            f"không mở được cơ sở dữ liệu nạp {path} để ghi ({exc}); hãy kiểm tra thư mục "
            "dữ liệu ghi được và còn chỗ trống, hoặc chọn --home khác",
            f"cannot open the landing database {path} for writing ({exc}); check that the data "
            "folder is writable and has free space, or choose another --home",
        ) from None
    try:
        con.execute(raw_tables_ddl())
        _add_missing_columns(con)
        yield con
    finally:
        con.close()


def _add_missing_columns(con: duckdb.DuckDBPyConnection) -> None:
    """A landing database written by an earlier version gets the columns added since."""
    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
        """
        select table_name, column_name from duckdb_columns()
        where database_name = current_database() and schema_name = 'main'
        """
    ).fetchall():
        existing.setdefault(table, set()).add(column)
    ddl = missing_columns_ddl(existing)
    if ddl:
        con.execute(ddl)


# The roster of each cluster-year as staging keeps it (models/staging/stg_raw__memberships.sql):
# rows of withdrawn loads left out, and once a load declared a cluster-year's roster complete,
# the units listed only by earlier loads left out too (a retry's rows count as rows of the load
# they came from).
MEMBERSHIPS_IN_FORCE = f"""
    with

    listed as (
        select m.organizer_id, m.cluster_id, m.results_year, m.unit_id, m.roster_complete,
            m.role, m.unit_raw, m.source_file, m.source_sheet, m.source_row,
            m.stated_member_count, active.base_load_id
        from memberships as m
        inner join ({ACTIVE_LOADS}) as active using (load_id)
        where m.unit_id is not null
    ),

    complete_rosters as (
        select organizer_id, cluster_id, results_year, max(base_load_id) as roster_load_id
        from listed
        where roster_complete = 'yes'
        group by all
    ),

    on_complete_roster as (
        select distinct listed.organizer_id, listed.cluster_id, listed.results_year, listed.unit_id
        from listed
        inner join complete_rosters
            on listed.organizer_id = complete_rosters.organizer_id
            and listed.cluster_id = complete_rosters.cluster_id
            and listed.results_year = complete_rosters.results_year
            and listed.base_load_id = complete_rosters.roster_load_id
    )

    select listed.*
    from listed
    left join complete_rosters
        on listed.organizer_id = complete_rosters.organizer_id
        and listed.cluster_id = complete_rosters.cluster_id
        and listed.results_year = complete_rosters.results_year
    where complete_rosters.roster_load_id is null
        or listed.base_load_id >= complete_rosters.roster_load_id
        or (listed.organizer_id, listed.cluster_id, listed.results_year, listed.unit_id)
            in (select * from on_complete_roster)
"""


def landed_leaders(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The leader of each cluster-year as the memberships in force say (the latest restatement of
    each unit's row), with where that row came from."""
    leaders: pl.DataFrame = con.sql(
        f"""
        select organizer_id, cluster_id, results_year, unit_id, unit_raw, source_file,
            source_sheet, source_row
        from ({MEMBERSHIPS_IN_FORCE})
        qualify row_number() over (
            partition by organizer_id, cluster_id, results_year, unit_id
            order by base_load_id desc, source_row desc
        ) = 1 and role = 'leader'
        """
    ).pl()
    return leaders


def member_counts(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Units per cluster and year in the raw memberships in force: every load not withdrawn, and
    for a cluster-year whose roster a load declared complete, only the units that roster lists
    (plus any a later load adds); or the member count a source states, when it is larger (a
    report may name five of a cluster's six members)."""
    counts: pl.DataFrame = con.sql(
        f"""
        select organizer_id, cluster_id, results_year,
            greatest(count(distinct unit_id), coalesce(max(stated_member_count), 0)) as members
        from ({MEMBERSHIPS_IN_FORCE})
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
        ctrl_c.raise_if_pressed()  # pressed during the file, swallowed by a library: roll back
    except BaseException as exc:
        con.execute("rollback")
        if _interrupted(exc) or ctrl_c.was_pressed():
            # also when the interrupt surfaced as another error (a statement after the
            # interrupted one refusing the aborted transaction)
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


def next_load_id(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("select nextval('load_id_seq')").fetchall()[0][0])


def insert_rows(
    con: duckdb.DuckDBPyConnection, record_type: str, load_id: int, rows: pl.DataFrame
) -> None:
    """A batch's rows (already in the landed shape, see raw_schema) into its raw table."""
    if not rows.height:
        return
    columns = [name for name, _ in raw_table_columns(RECORD_TYPES[record_type])]
    incoming = rows.with_columns(pl.lit(load_id, dtype=pl.Int32).alias("load_id"))
    select_list = ", ".join(columns)
    with registered(con, "incoming_rows", incoming):
        con.execute(
            f"insert into {record_type} ({select_list}) select {select_list} from incoming_rows"
        )


def record_load(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    entry: LedgerEntry,
    quarantine: pl.DataFrame | None,
    outcomes: list[ExpectationOutcome],
) -> None:
    """The ledger row of a batch, its quarantined rows and its validation results."""
    now = dt.datetime.now()
    con.execute(
        """
        insert into load_ledger (
            load_id, file_path, file_name, sheet, content_hash, record_type, status, rows_read,
            rows_loaded, rows_quarantined, message, loaded_at, loader_version,
            resolver_fingerprint, retry_of_load_id, default_source_kind, complete_roster, forced
        )
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
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
            entry.retry_of_load_id,
            entry.default_source_kind,
            entry.complete_roster,
            entry.forced,
        ],
    )
    if quarantine is not None and quarantine.height:
        incoming = quarantine.with_columns(pl.lit(load_id).alias("load_id"))
        with registered(con, "incoming_quarantine", incoming):
            con.execute(
                """
                insert into quarantine (
                    load_id, record_type, source_file, source_sheet, source_row, column_name,
                    value, rule, message_vi, message_en, candidates, row_json
                )
                select load_id, record_type, source_file, source_sheet, source_row, column_name,
                       value, rule, message_vi, message_en, candidates, row_json
                from incoming_quarantine
                """
            )
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


def land(con: duckdb.DuckDBPyConnection, entry: LedgerEntry) -> int:
    """A ledger row with nothing else (a rejected file or sheet); returns its load id.

    Call it, like every write here, inside `file_transaction`.
    """
    load_id = next_load_id(con)
    record_load(con, load_id, entry, None, [])
    return load_id
