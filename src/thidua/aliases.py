"""Aliases analysts add for names the loader could not resolve (`thidua aliases`)."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

_COLUMNS = ["alias", "unit_id", "organizer_id", "cluster_id", "valid_from_year", "valid_to_year"]


def user_aliases(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Aliases added so far, as text columns in the seed's shape."""
    frame: pl.DataFrame = con.sql(f"select {', '.join(_COLUMNS)} from user_aliases").pl()
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
