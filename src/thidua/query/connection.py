"""An in-memory DuckDB with the published warehouse attached read-only: what every reader opens.

Kept apart from `thidua.query.read` (which also loads polars) so the SQL sandbox's child process can
use it without paying for imports it does not need.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

# Extensions can neither be downloaded here nor should a query make the process try.
CONNECT_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


def in_memory() -> duckdb.DuckDBPyConnection:
    return duckdb.connect(":memory:", config=CONNECT_CONFIG)


def attach_read_only(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Attach the warehouse file read-only as `wh` and make it the default database."""
    # The path goes in as a quoted literal: ATTACH does not accept a prepared parameter.
    literal = str(path).replace("'", "''")
    con.execute(f"ATTACH '{literal}' AS wh (READ_ONLY)")
    con.execute("USE wh")
