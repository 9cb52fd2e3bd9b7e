"""The child process that runs one untrusted query for `thidua.query.sandbox`.

Why a process of its own: DuckDB's memory limit and its interrupt hold while a query executes,
not while it is parsed and planned (a 20,000-branch UNION ALL reached 9 GB before it ran, a
million-item IN list took 39 s). Only a process can be stopped at any point and have its memory
counted: the parent kills this one when the time or the memory runs out, whatever it is doing.

Protocol: the request is one JSON object on stdin; the answer on stdout is one JSON line (the
outcome), followed, when the query answered, by the rows as an Arrow IPC stream.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import duckdb
import pyarrow as pa

from thidua.query.connection import attach_read_only, in_memory

# Statement types a read query may have. MULTI is how DuckDB runs a PIVOT whose columns it must
# first find (it is accepted only when the text starts like a query, see _check_multi).
_ALLOWED_TYPES = frozenset(
    {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN, duckdb.StatementType.MULTI}
)
_EXPLAIN_PREFIX = re.compile(r"^\s*explain\s+(?:analy[sz]e\s+)?(?P<rest>.*)$", re.I | re.S)
_LEADING_COMMENTS = re.compile(r"^(?:\s+|--[^\n]*\n?|/\*.*?\*/)*", re.S)
_QUERY_START = re.compile(r"^(?:pivot|unpivot|with|select|from|\()\b", re.I)
# Catalog functions that would tell a user where the server keeps its files (or who it runs as):
# the warehouse's path, the allowed paths, the extension and secret folders.
_REVEALING_FUNCTIONS = (
    "duckdb_databases",
    "duckdb_settings",
    "duckdb_extensions",
    "duckdb_secrets",
    "duckdb_temporary_files",
    "pragma_database_list",
    "current_setting",
    "which_secret",
)
_REVEALING = re.compile(r"\b(" + "|".join(_REVEALING_FUNCTIONS) + r")\b", re.I)
# Schemas a user may name without their prefix, first match wins: the marts are what users query.
SEARCH_PATH = "wh.marts,wh.main,wh.reference,wh.quality,wh.meta,wh.staging,wh.intermediate"
# Column types that reach a frame as they are; every other type (dates and timestamps, which may
# be 'infinity', intervals, blobs, lists, structs, maps, unions, enums...) is sent as DuckDB's own
# text for it, so every format prints it the way DuckDB does.
_PLAIN_TYPES = frozenset(
    {
        "BOOLEAN",
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "BIGINT",
        "HUGEINT",
        "UTINYINT",
        "USMALLINT",
        "UINTEGER",
        "UBIGINT",
        "UHUGEINT",
        "FLOAT",
        "DOUBLE",
        "VARCHAR",
    }
)
_FETCH_BATCH = 2048
# Written to stderr once the connection is open: the query's clock starts there.
READY = b"thidua-sandbox-ready"


@dataclass(frozen=True)
class Request:
    db_path: str
    sql: str
    row_cap: int
    timeout_s: float
    memory_limit: str
    threads: int


class Refusal(Exception):
    """Why the query did not answer: a reason code, DuckDB's own words and what they concern."""

    def __init__(self, reason: str, detail: str = "", subject: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail
        self.subject = subject


def sandbox_settings(memory_limit: str, threads: int) -> list[str]:
    return [
        # Spilling to disk would write files; with no temp space a memory bomb fails fast instead
        # (and no temp folder appears in the working directory).
        "SET temp_directory=''",
        "SET max_temp_directory_size='0B'",
        "SET enable_external_access=false",
        "SET autoinstall_known_extensions=false",
        "SET autoload_known_extensions=false",
        "SET allow_community_extensions=false",
        "SET allow_persistent_secrets=false",
        # Settings a query could read that name folders of the server's user.
        "SET secret_directory=''",
        "SET extension_directory=''",
        "SET home_directory=''",
        f"SET memory_limit='{memory_limit}'",
        f"SET threads={threads}",
        "SET enable_progress_bar=false",
        f"SET search_path='{SEARCH_PATH}'",
        # Last: from here on no statement can undo the settings above.
        "SET lock_configuration=true",
    ]


def sandboxed_connection(
    db_path: str, memory_limit: str, threads: int = 2
) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the warehouse attached read-only as `wh`, locked down."""
    con = in_memory()
    try:
        attach_read_only(con, Path(db_path))
        for statement in sandbox_settings(memory_limit, threads):
            con.execute(statement)
    except BaseException:
        con.close()
        raise
    return con


def _first_word(sql: str) -> str:
    text = _LEADING_COMMENTS.sub("", sql)
    return (text.split(None, 1) or ["?"])[0].upper()


def checked_statement(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The one read statement in `sql`, or a Refusal saying why not."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise Refusal("syntax", str(exc)) from None
    if not statements:
        raise Refusal("empty")
    if len(statements) > 1:
        raise Refusal("multiple", subject=str(len(statements)))
    statement = statements[0]
    try:
        kind = statement.type
    except ValueError:
        # A statement type this DuckDB's Python API has no name for (e.g. UPDATE EXTENSIONS).
        raise Refusal("not_read_only", subject=_first_word(statement.query)) from None
    if kind not in _ALLOWED_TYPES:
        raise Refusal("not_read_only", subject=kind.name)
    if kind == duckdb.StatementType.EXPLAIN:
        match = _EXPLAIN_PREFIX.match(statement.query)
        inner = con.extract_statements(match.group("rest")) if match else []
        if len(inner) != 1 or inner[0].type not in (
            duckdb.StatementType.SELECT,
            duckdb.StatementType.MULTI,
        ):
            raise Refusal(
                "not_read_only",
                subject="EXPLAIN " + (inner[0].type.name if len(inner) == 1 else "?"),
            )
    if kind == duckdb.StatementType.MULTI and not _QUERY_START.match(
        _LEADING_COMMENTS.sub("", statement.query)
    ):
        raise Refusal("not_read_only", subject=_first_word(statement.query))
    revealing = _REVEALING.search(statement.query)
    if revealing:
        raise Refusal("revealing", subject=revealing.group(1).lower())
    return statement.query


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


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _displayable(rel: duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    """The relation with distinct column names and every non-plain type as DuckDB's text."""
    names = _unique_names(list(rel.columns))
    types = [str(t) for t in rel.dtypes]
    plain = [t in _PLAIN_TYPES or t.startswith("DECIMAL") for t in types]
    if names == list(rel.columns) and all(plain):
        return rel
    select = ", ".join(
        _quoted(name) if keep else f"cast({_quoted(name)} as varchar) as {_quoted(name)}"
        for name, keep in zip(names, plain, strict=True)
    )
    aliases = ", ".join(_quoted(name) for name in names)
    shown = rel.query("user_query", f"select {select} from user_query as q({aliases})")
    assert shown is not None  # a SELECT always gives a relation
    return shown


def _classify(exc: duckdb.Error, interrupted: bool) -> Refusal:
    detail = str(exc)
    if isinstance(exc, duckdb.InterruptException) or interrupted:
        return Refusal("timeout", detail)
    if isinstance(exc, duckdb.OutOfMemoryException):
        return Refusal("memory", detail)
    if isinstance(exc, duckdb.PermissionException) or "configuration has been locked" in detail:
        return Refusal("permission", detail)
    if isinstance(exc, duckdb.ParserException):
        return Refusal("syntax", detail)
    return Refusal("invalid", detail)


def run(request: Request, out: BinaryIO) -> None:
    """Answer the request on `out`: the outcome line, then the rows (if any)."""
    con = sandboxed_connection(request.db_path, request.memory_limit, request.threads)
    sys.stderr.buffer.write(READY + b"\n")
    sys.stderr.buffer.flush()
    fired = threading.Event()

    def stop() -> None:
        fired.set()
        con.interrupt()

    timer = threading.Timer(request.timeout_s, stop)
    timer.daemon = True
    timer.start()
    try:
        statement = checked_statement(con, request.sql)
        rel = con.sql(statement)
        if rel is None:  # every allowed statement type returns rows; belt and braces
            raise Refusal("not_read_only", subject=_first_word(statement))
        rel = _displayable(rel)
        # Stream and stop after row_cap + 1 rows, so a huge result never lands in memory.
        reader = rel.to_arrow_reader(min(_FETCH_BATCH, request.row_cap + 1))
        batches: list[pa.RecordBatch] = []
        rows = 0
        try:
            for batch in reader:
                batches.append(batch)
                rows += batch.num_rows
                if rows > request.row_cap:
                    break
        finally:
            reader.close()
        table = pa.Table.from_batches(batches, schema=reader.schema).slice(0, request.row_cap)
    except duckdb.Error as exc:
        raise _classify(exc, fired.is_set()) from None
    finally:
        timer.cancel()
    out.write(json.dumps({"ok": True, "truncated": rows > request.row_cap}).encode() + b"\n")
    writer = pa.ipc.new_stream(out, table.schema)
    writer.write_table(table)
    writer.close()


def _answer_refusal(out: BinaryIO, refusal: Refusal) -> None:
    answer = {
        "ok": False,
        "reason": refusal.reason,
        "detail": refusal.detail,
        "subject": refusal.subject,
    }
    out.write(json.dumps(answer).encode() + b"\n")


def main() -> int:
    raw = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    request = Request(**raw)
    out = sys.stdout.buffer
    try:
        run(request, out)
    except Refusal as refusal:
        _answer_refusal(out, refusal)
    except Exception as exc:  # any other failure is still an answer, never a traceback
        _answer_refusal(out, Refusal("invalid", f"{type(exc).__name__}: {exc}"))
    out.flush()
    # Leave without interpreter teardown: nothing is left to clean up, and DuckDB objects held by
    # the relation would print "leaked instance" noise on the way out.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
