"""Aliases analysts add for names the loader could not resolve (`thidua aliases`)."""

from __future__ import annotations

import datetime as dt
import getpass
import os

import duckdb
import polars as pl

_COLUMNS = ["alias", "unit_id", "organizer_id", "cluster_id", "valid_from_year", "valid_to_year"]
# seeds/unit_aliases.csv, then the note every record may carry: what `aliases export` writes and
# what a `unit_aliases` file loads.
EXPORT_COLUMNS = [*_COLUMNS, "source_url", "source_note", "note"]


def os_user() -> str:
    """Who is acting, as the operating system knows them (recorded with aliases and corrections)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, as in some containers
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


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
        """
        insert into user_aliases (
            alias, unit_id, organizer_id, cluster_id, valid_from_year, valid_to_year, added_at,
            note, added_by
        )
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
            alias,
            unit_id,
            organizer_id,
            cluster_id,
            valid_from_year,
            valid_to_year,
            dt.datetime.now(),
            note,
            os_user(),
        ],
    )


def exported_aliases(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The aliases added with `thidua aliases add`, one row per distinct alias and scope, in the
    seed's columns plus `note`: a file `thidua load` reads back as `unit_aliases` records."""
    frame: pl.DataFrame = con.sql(
        """
        select
            alias,
            unit_id,
            organizer_id,
            cluster_id,
            cast(valid_from_year as varchar) as valid_from_year,
            cast(valid_to_year as varchar) as valid_to_year,
            cast(null as varchar) as source_url,
            'thidua aliases add, ' || strftime(added_at, '%Y-%m-%d')
                || coalesce(', ' || added_by, '') as source_note,
            note
        from user_aliases
        qualify row_number() over (
            partition by alias, unit_id, organizer_id, cluster_id, valid_from_year, valid_to_year
            order by added_at
        ) = 1
        order by added_at, alias
        """
    ).pl()
    return frame.select(EXPORT_COLUMNS)
