"""A build's data tests, run as one batch of dbt's own compiled SQL.

dbt runs each data test as a node of its own: compiling it, opening a cursor, logging its start
and end, writing its result. On the province sample that costs ~18 ms a test over two threads
while DuckDB answers most of them in a few, so a corrected roster's build spent more time on the
~280 tests it selects than on the ~40 models they check, and a whole build (a new alias, new
reference data) ~20 s of its ~45 s at the national tier × 0.1 on its 461 tests. Once a build has
run every test through dbt, the builds after it let dbt build the models and run the same tests
here, in one DuckDB database on the build copy (two queries at a time): the SQL dbt compiled for
each test in that build (kept by `keep`, with the project fingerprint it belongs to), judged the
way dbt's test materialisation judges it (the count of rows the query returns; an error-severity
test fails above zero, a warn-severity one warns).
Which tests run is dbt's own rule for `dbt build --select`: every test with a parent among the
nodes the build ran ("eager" indirect selection); in a whole build, every test.

Results are written into dbt's run_results.json beside the models' (thread_id "batched"), so a
failing test is reported, sampled and stored exactly as one dbt ran. Whenever the kept SQL cannot
stand for dbt's (no full build yet in this home, another project fingerprint, a test with
settings this runner does not judge: a `limit`, other thresholds, stored failures), dbt runs the
tests itself. `thidua build --full-refresh`, the first build of a home or of a new project
version, and `dbt build` in CI run every test through dbt.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from thidua.paths import BUILD_MEMORY_LIMIT
from thidua.warehouse.failing_rows import quoted_path

KEPT_FILE = "compiled-tests.json"
THREAD = "batched"
_WORKERS = 2
# dbt's defaults for a data test: anything else is judged by dbt itself
_DEFAULTS = {"fail_calc": "count(*)", "warn_if": "!= 0", "error_if": "!= 0", "limit": None}
_SEVERITIES = {"error", "warn"}


@dataclass(frozen=True)
class KeptTest:
    unique_id: str
    sql: str
    parents: tuple[str, ...]
    severity: str  # error | warn


def _batchable(node: dict[str, Any]) -> bool:
    config = node.get("config") or {}
    return (
        bool(node.get("compiled_code"))
        and str(config.get("severity", "error")).lower() in _SEVERITIES
        and all(config.get(key) == value for key, value in _DEFAULTS.items())
        and not config.get("store_failures")
    )


def keep(manifest: Path, kept: Path, fingerprint: str) -> None:
    """After a full build: keep each data test's compiled SQL for the narrowed builds to come.
    Nothing is kept (and an older file is removed) when a test cannot be judged here."""
    kept.unlink(missing_ok=True)
    try:
        nodes = json.loads(manifest.read_text(encoding="utf-8"))["nodes"]
    except (OSError, ValueError, KeyError):
        return
    tests = [n for n in nodes.values() if n.get("resource_type") == "test"]
    if not tests or not all(_batchable(n) for n in tests):
        return
    kept.write_text(
        json.dumps(
            {
                "fingerprint": fingerprint,
                "tests": [
                    {
                        "unique_id": n["unique_id"],
                        "sql": n["compiled_code"],
                        "parents": n.get("depends_on", {}).get("nodes", []),
                        "severity": str(n["config"].get("severity", "error")).lower(),
                    }
                    for n in tests
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def kept_tests(kept: Path, fingerprint: str) -> list[KeptTest] | None:
    """The tests kept for this project fingerprint; None when there are none to trust."""
    try:
        data = json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("fingerprint") != fingerprint:
        return None
    return [
        KeptTest(t["unique_id"], t["sql"], tuple(t["parents"]), t["severity"])
        for t in data.get("tests", [])
    ]


def selected(tests: Iterable[KeptTest], ran: set[str]) -> list[KeptTest]:
    """dbt's eager indirect selection: a test runs when any of its parents did."""
    return [t for t in tests if any(parent in ran for parent in t.parents)]


def run(
    tests: list[KeptTest],
    con: duckdb.DuckDBPyConnection,
    raw_db: Path,
    progress: Callable[[str], None] | None = None,
) -> list[dict[str, Any]]:
    """Each test's result, in run_results.json's shape. `con`: the build copy, which dbt has
    left; the landing database is attached as `raw` (the staging views read it), as in dbt's
    profile, under the same memory limit."""
    con.execute(f"set memory_limit = '{BUILD_MEMORY_LIMIT}'")
    con.execute(f"attach if not exists '{quoted_path(raw_db)}' as raw (read_only)")
    try:
        results = _judge_all(con, tests)
    finally:
        con.execute("detach raw")
    if progress:
        passed = sum(1 for r in results if r["status"] == "pass")
        progress(
            f"kiểm thử dữ liệu theo lô: {passed}/{len(results)} đạt"
            f" / batched data tests: {passed} of {len(results)} passed"
        )
    return results


def _judge_all(con: duckdb.DuckDBPyConnection, tests: list[KeptTest]) -> list[dict[str, Any]]:
    """Every test's result, in the order given, judged _WORKERS at a time (a cursor each).

    Most tests are queries too small for DuckDB's own threads, and DuckDB gives Python's lock
    back while a query runs, so two at a time take ~30 % less on two cores than one after the
    other (the national sample's 463 tests: 2.0-2.5 s instead of 3.0-3.2 s). A worker stops at its
    next test once the caller is interrupted (Ctrl-C)."""
    stop = threading.Event()

    def judge_chunk(chunk: list[tuple[int, KeptTest]]) -> list[tuple[int, dict[str, Any]]]:
        cursor = con.cursor()
        try:
            judged = []
            for index, test in chunk:
                if stop.is_set():
                    break
                judged.append((index, _judge(cursor, test)))
            return judged
        finally:
            cursor.close()

    numbered = list(enumerate(tests))
    with ThreadPoolExecutor(_WORKERS) as pool:
        futures = [pool.submit(judge_chunk, numbered[i::_WORKERS]) for i in range(_WORKERS)]
        try:
            judged = [pair for future in futures for pair in future.result()]
        except BaseException:
            stop.set()
            raise
    return [result for _, result in sorted(judged, key=lambda pair: pair[0])]


def _judge(con: duckdb.DuckDBPyConnection, test: KeptTest) -> dict[str, Any]:
    started = time.perf_counter()
    failures: int | None = None
    message: str | None = None
    try:
        # the SQL ends with dbt's comments at times: the closing parenthesis on a line of its own
        row = con.execute(f"select count(*) from ({test.sql}\n) as dbt_internal_test").fetchone()
        failures = int(row[0]) if row else 0
    except duckdb.Error as exc:
        status, message = "error", str(exc)
    else:
        status = "pass" if failures == 0 else ("fail" if test.severity == "error" else "warn")
        if failures:
            plural = "s" if failures != 1 else ""
            message = f"Got {failures} result{plural}, configured to {status} if != 0"
    return {
        "unique_id": test.unique_id,
        "status": status,
        "message": message,
        "failures": failures,
        "execution_time": time.perf_counter() - started,
        "thread_id": THREAD,
        "timing": [],
        "adapter_response": {},
        "compiled": True,
        "compiled_code": test.sql,
        "relation_name": None,
        "batch_results": None,
    }


def add_to_run_results(run_results: Path, results: list[dict[str, Any]]) -> None:
    """Append the batch's results to dbt's run_results.json of the same build."""
    data = json.loads(run_results.read_text(encoding="utf-8"))
    data.setdefault("results", []).extend(results)
    run_results.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
