"""Shape of the landing database (raw.duckdb): one table per record type plus the load bookkeeping.

A raw table keeps every input column typed and normalised, the original string beside every
resolved name (`unit_raw` next to `unit_id`), and where the row came from (load, file, sheet, row).
"""

from __future__ import annotations

from thidua.contract.records import RECORD_TYPES, Column, RecordType

PROVENANCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("load_id", "INTEGER"),
    ("source_file", "VARCHAR"),
    ("source_sheet", "VARCHAR"),
    ("source_row", "INTEGER"),
    ("is_synthetic", "BOOLEAN"),
)

_SQL_TYPES = {"text": "VARCHAR", "int": "INTEGER", "float": "DOUBLE", "date": "DATE"}


def landed_columns(column: Column) -> list[tuple[str, str]]:
    """The raw-table columns one input column becomes."""
    if column.kind in ("unit", "organizer", "cluster"):
        return [(f"{column.name}_raw", "VARCHAR"), (f"{column.name}_id", "VARCHAR")]
    if column.kind == "name":
        return [(f"{column.name}_raw", "VARCHAR"), (column.name, "VARCHAR")]
    if column.kind == "year":
        # "2021-2022" counts as 2022: what was written stays beside it
        return [(column.name, "INTEGER"), (f"{column.name}_raw", "VARCHAR")]
    if column.kind == "partial_date":
        return [
            (column.name, "DATE"),
            (f"{column.name}_period", "VARCHAR"),
            (f"{column.name}_raw", "VARCHAR"),
        ]
    return [(column.name, _SQL_TYPES[column.kind])]


def raw_table_columns(record_type: RecordType) -> list[tuple[str, str]]:
    columns: list[tuple[str, str]] = list(PROVENANCE_COLUMNS)
    for column in record_type.columns:
        columns.extend(landed_columns(column))
    if record_type.name == "clusters":
        # Parsed from the cluster reference so a cluster needs no separate code list.
        columns.extend([("cluster_kind", "VARCHAR"), ("cluster_number", "INTEGER")])
    if record_type.name == "awards":
        # the unit cell said “các đơn vị còn lại”: dbt expands the row (int_awards_expanded)
        columns.append(("is_remaining_units", "BOOLEAN"))
    return columns


BOOKKEEPING_DDL = """
create sequence if not exists load_id_seq start 1;

create table if not exists load_ledger (
    load_id integer primary key,
    file_path varchar not null,
    file_name varchar not null,
    sheet varchar,
    content_hash varchar not null,
    record_type varchar,
    status varchar not null,            -- loaded | rejected (a no-op re-load writes no row)
    rows_read integer not null,
    rows_loaded integer not null,
    rows_quarantined integer not null,
    message varchar,
    loaded_at timestamp not null,
    loader_version varchar not null,
    -- which names could be resolved when this file landed (aliases, units, organisers)
    resolver_fingerprint varchar
);

create table if not exists quarantine (
    load_id integer not null,
    record_type varchar not null,
    source_file varchar not null,
    source_sheet varchar,
    source_row integer not null,
    column_name varchar,
    value varchar,
    rule varchar not null,
    message_vi varchar not null,
    message_en varchar not null,
    candidates varchar,
    row_json varchar not null
);

-- Aliases added by analysts (`thidua aliases add`): used by every later load.
create table if not exists user_aliases (
    alias varchar not null,
    unit_id varchar not null,
    organizer_id varchar,
    cluster_id varchar,
    valid_from_year integer,
    valid_to_year integer,
    added_at timestamp not null,
    note varchar
);

-- Withdrawals and restorations of loads (`thidua withdraw`, `thidua restore`): append-only. A
-- load's state is its latest action; the rows of a withdrawn load stay in their raw table and
-- staging leaves them out.
create sequence if not exists load_action_id_seq start 1;

create table if not exists load_actions (
    action_id integer not null,
    load_id integer not null,
    action varchar not null,            -- withdraw | restore
    acted_at timestamp not null,
    acted_by varchar not null,          -- the operating-system user
    reason varchar
);

create table if not exists validation_results (
    load_id integer not null,
    record_type varchar not null,
    suite_name varchar not null,
    expectation varchar not null,
    column_name varchar,
    success boolean not null,
    element_count integer,
    unexpected_count integer,
    details_json varchar,
    validated_at timestamp not null
);
"""


# Columns added after a landing database may already exist: added in place on open (`create
# table if not exists` leaves an existing table as it is). Record tables get theirs from
# `raw_table_columns`.
BOOKKEEPING_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "load_ledger": (
        # a retry of the quarantined rows of an earlier load names that load
        ("retry_of_load_id", "INTEGER"),
        # what the load was run with, so a retry of its rows reads them the same way
        ("default_source_kind", "VARCHAR"),
        ("complete_roster", "BOOLEAN"),
        ("forced", "BOOLEAN"),
    ),
    # the retry load that took the row over: it landed there, or is quarantined there again
    "quarantine": (("retried_in_load_id", "INTEGER"),),
    "user_aliases": (("added_by", "VARCHAR"),),
}


def missing_columns_ddl(existing: dict[str, set[str]]) -> str:
    """`alter table … add column` for every column the code knows and the database lacks.

    `existing` maps each table already in the database to its column names.
    """
    wanted: dict[str, list[tuple[str, str]]] = {
        name: list(columns) for name, columns in BOOKKEEPING_COLUMNS.items()
    }
    for record_type in RECORD_TYPES.values():
        wanted[record_type.name] = raw_table_columns(record_type)
    statements = [
        f"alter table {table} add column {name} {sql_type};"
        for table, columns in wanted.items()
        if table in existing
        for name, sql_type in columns
        if name not in existing[table]
    ]
    return "\n".join(statements)


def raw_tables_ddl() -> str:
    statements = []
    for record_type in RECORD_TYPES.values():
        cols = ",\n    ".join(
            f"{name} {sql_type}" for name, sql_type in raw_table_columns(record_type)
        )
        statements.append(f"create table if not exists {record_type.name} (\n    {cols}\n);")
    return BOOKKEEPING_DDL + "\n".join(statements)
