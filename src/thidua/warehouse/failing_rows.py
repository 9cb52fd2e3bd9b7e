"""The first offending rows of failing dbt tests, read from the build copy the tests ran on.

Why run the compiled test query again rather than `dbt build --store-failures`: storing failures
makes dbt write one table per test on every build (hundreds of tables, on passing builds too, and
all of every failing test's rows, millions on a national warehouse), and those tables would have
to be dropped before publishing. The compiled query (run_results.json) is exactly what the test
ran; re-running only the failing ones with a LIMIT costs nothing when the build passes, and reads
the same build file the test judged, read-only, after dbt has exited.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from thidua.paths import BUILD_MEMORY_LIMIT

ROWS_PER_TEST = 5
QUERY_SECONDS = 30.0  # a failing test over a huge table must not hold the error message hostage
MAX_VALUE_CHARS = 80


@dataclass(frozen=True)
class Sample:
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[object, ...]] = field(default_factory=list)
    error: str | None = None  # why the rows could not be read (the sentence still stands)


@contextmanager
def build_reader(build_db: Path, raw_db: Path) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """A read-only view of the build copy as dbt saw it (the landing database attached as `raw`,
    which the staging views read); None when the file cannot be opened."""
    try:
        con = duckdb.connect(
            str(build_db),
            read_only=True,
            config={
                "memory_limit": BUILD_MEMORY_LIMIT,
                "autoinstall_known_extensions": "false",
                "autoload_known_extensions": "false",
            },
        )
    except duckdb.Error:
        yield None
        return
    try:
        # tests on the marts still answer without the landing database (e.g. a loader holds it)
        with suppress(duckdb.Error):
            con.execute(f"attach '{quoted_path(raw_db)}' as raw (read_only)")
        yield con
    finally:
        con.close()


def sample(
    con: duckdb.DuckDBPyConnection | None, compiled_sql: str, limit: int = ROWS_PER_TEST
) -> Sample:
    """The first `limit` rows the test's own query returns."""
    if con is None:
        return Sample(error="the build copy could not be opened")
    body = compiled_sql.strip().rstrip(";")
    # the newline keeps a trailing `-- comment` of the test from swallowing the parenthesis
    query = f"select * from (\n{body}\n) as failing limit {int(limit)}"
    timer = threading.Timer(QUERY_SECONDS, con.interrupt)
    timer.start()
    try:
        relation = con.sql(query)
        columns = list(relation.columns)
        rows = relation.fetchall()
    except duckdb.Error as exc:
        return Sample(error=str(exc).splitlines()[0])
    finally:
        timer.cancel()
    return Sample(columns, rows)


def format_row(columns: list[str], row: tuple[object, ...]) -> str:
    """`column=value | column=value`, each value short enough to read on one line."""
    return " | ".join(f"{name}={_display(value)}" for name, value in zip(columns, row, strict=True))


def _display(value: object) -> str:
    if value is None:
        return "∅"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def quoted_path(path: Path) -> str:
    """A file path as the text of a SQL string literal (ATTACH takes no parameter)."""
    return str(path).replace("'", "''")
