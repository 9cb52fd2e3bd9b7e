"""Aliases analysts add for names the loader could not resolve (`thidua aliases`)."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from thidua.paths import Home

_COLUMNS = ["alias", "unit_id", "organizer_id", "cluster_id", "valid_from_year", "valid_to_year"]


def user_aliases(home: Home) -> pl.DataFrame:
    """Aliases added so far, as text columns in the seed's shape (empty before the first load)."""
    empty = pl.DataFrame(schema=dict.fromkeys(_COLUMNS, pl.Utf8))
    if not home.raw_db.exists():
        return empty
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        exists = con.execute(
            "select count(*) from information_schema.tables where table_name = 'user_aliases'"
        ).fetchall()[0][0]
        if not exists:
            return empty
        frame: pl.DataFrame = con.sql(f"select {', '.join(_COLUMNS)} from user_aliases").pl()
    finally:
        con.close()
    return frame.with_columns(pl.all().cast(pl.Utf8))


def add_alias(
    con: duckdb.DuckDBPyConnection,
    alias: str,
    unit_id: str,
    organizer_id: str | None,
    cluster_id: str | None,
    valid_from_year: int | None,
    valid_to_year: int | None,
    note: str | None,
) -> None:
    con.execute(
        "insert into user_aliases values (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            alias,
            unit_id,
            organizer_id,
            cluster_id,
            valid_from_year,
            valid_to_year,
            dt.datetime.now(),
            note,
        ],
    )
