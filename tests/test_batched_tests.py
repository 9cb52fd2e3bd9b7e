"""thidua.warehouse.batched_tests: a narrowed build's data tests judged in one DuckDB session.

Here the pieces on their own: what is kept after a full build (and when nothing may be), dbt's
eager selection, and the judging of each test against a real DuckDB file, as dbt's test
materialisation judges it. That a narrowed build runs exactly the tests dbt would, with the same
results, is tested on the real pipeline in tests/test_warehouse.py; a failing test reported in
words through this path, in tests/test_build_failures.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from thidua.warehouse import batched_tests
from thidua.warehouse.batched_tests import KeptTest


def _test_node(uid: str, sql: str, parents: list[str], **config: Any) -> dict[str, Any]:
    base = {
        "severity": "ERROR",
        "fail_calc": "count(*)",
        "warn_if": "!= 0",
        "error_if": "!= 0",
        "limit": None,
        "store_failures": None,
    }
    return {
        "unique_id": uid,
        "resource_type": "test",
        "compiled_code": sql,
        "depends_on": {"nodes": parents},
        "config": {**base, **config},
    }


def _manifest(tmp_path: Path, *tests: dict[str, Any]) -> Path:
    model = {"unique_id": "model.p.m", "resource_type": "model", "config": {}}
    nodes = {"model.p.m": model, **{t["unique_id"]: t for t in tests}}
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({"nodes": nodes}), encoding="utf-8")
    return path


def test_a_full_builds_tests_are_kept_for_its_project_fingerprint(tmp_path: Path) -> None:
    manifest = _manifest(
        tmp_path,
        _test_node("test.p.a", "select 1 where false", ["model.p.m"]),
        _test_node("test.p.b", "select 2", ["model.p.m", "model.p.n"], severity="warn"),
    )
    kept = tmp_path / batched_tests.KEPT_FILE
    batched_tests.keep(manifest, kept, "fp-1")
    tests = batched_tests.kept_tests(kept, "fp-1")
    assert tests == [
        KeptTest("test.p.a", "select 1 where false", ("model.p.m",), "error"),
        KeptTest("test.p.b", "select 2", ("model.p.m", "model.p.n"), "warn"),
    ]
    # another project (a model or test edited since): the kept SQL says nothing about it
    assert batched_tests.kept_tests(kept, "fp-2") is None
    assert batched_tests.kept_tests(tmp_path / "none.json", "fp-1") is None


@pytest.mark.parametrize(
    "config",
    [
        {"limit": 10},
        {"store_failures": True},
        {"error_if": "> 5"},
        {"warn_if": "> 1"},
        {"fail_calc": "sum(n)"},
        {"severity": "info"},
    ],
)
def test_nothing_is_kept_when_a_test_needs_dbt_to_judge_it(
    tmp_path: Path, config: dict[str, Any]
) -> None:
    """One test with settings judged otherwise than by its row count: dbt runs every test."""
    kept = tmp_path / batched_tests.KEPT_FILE
    kept.write_text('{"fingerprint": "fp", "tests": []}', encoding="utf-8")  # an older file
    manifest = _manifest(
        tmp_path,
        _test_node("test.p.a", "select 1 where false", ["model.p.m"]),
        _test_node("test.p.b", "select 1 where false", ["model.p.m"], **config),
    )
    batched_tests.keep(manifest, kept, "fp")
    assert not kept.exists()
    assert batched_tests.kept_tests(kept, "fp") is None


def test_a_test_not_compiled_by_the_full_build_keeps_nothing(tmp_path: Path) -> None:
    test = _test_node("test.p.a", "", ["model.p.m"])
    kept = tmp_path / batched_tests.KEPT_FILE
    batched_tests.keep(_manifest(tmp_path, test), kept, "fp")
    assert not kept.exists()


def test_a_test_runs_when_any_of_its_parents_ran() -> None:
    """dbt's eager indirect selection: a relationships test from a rebuilt fact to an untouched
    dimension runs; a test on untouched models alone does not."""
    fact_to_dim = KeptTest("test.p.rel", "select 1", ("model.p.fct", "model.p.dim"), "error")
    dim_only = KeptTest("test.p.dim", "select 1", ("model.p.dim",), "error")
    assert batched_tests.selected([fact_to_dim, dim_only], {"model.p.fct"}) == [fact_to_dim]
    assert batched_tests.selected([fact_to_dim, dim_only], set()) == []


@pytest.fixture
def build_copy(tmp_path: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, Path]]:
    """A build file with one mart, and a landing database its staging reads as `raw`."""
    raw = tmp_path / "raw.duckdb"
    with duckdb.connect(str(raw)) as con:
        con.execute("create table memberships as select * from (values ('a'), (null)) t(unit)")
    con = duckdb.connect(str(tmp_path / "thidua.duckdb"))
    con.execute("create schema marts")
    con.execute(
        "create table marts.f as select * from (values (1, 'x'), (2, 'y'), (3, null)) t(k, v)"
    )
    yield con, raw
    con.close()


def test_each_test_is_judged_by_the_rows_its_query_returns(
    build_copy: tuple[duckdb.DuckDBPyConnection, Path],
) -> None:
    con, raw = build_copy
    tests = [
        KeptTest("test.p.pass", "select * from marts.f where k > 10", (), "error"),
        KeptTest(
            "test.p.fail", "select * from marts.f where k >= 2\n-- dbt's comment", (), "error"
        ),
        KeptTest("test.p.one", "select v from marts.f where v is null", (), "error"),
        KeptTest("test.p.warn", "select * from marts.f", (), "warn"),
        KeptTest(
            "test.p.raw", "select * from raw.main.memberships where unit is null", (), "error"
        ),
        KeptTest("test.p.error", "select * from marts.missing", (), "error"),
    ]
    lines: list[str] = []
    ran = batched_tests.run(tests, con, raw, lines.append)
    # judged two at a time, reported in the order given
    assert [r["unique_id"] for r in ran] == [t.unique_id for t in tests]
    results = {r["unique_id"]: r for r in ran}
    judged = {uid: (r["status"], r["failures"], r["message"]) for uid, r in results.items()}
    assert judged["test.p.pass"] == ("pass", 0, None)
    assert judged["test.p.fail"] == ("fail", 2, "Got 2 results, configured to fail if != 0")
    assert judged["test.p.one"] == ("fail", 1, "Got 1 result, configured to fail if != 0")
    assert judged["test.p.warn"] == ("warn", 3, "Got 3 results, configured to warn if != 0")
    assert judged["test.p.raw"][:2] == ("fail", 1)  # the landing database is attached as raw
    status, failures, message = judged["test.p.error"]
    assert (status, failures) == ("error", None) and "missing" in str(message)
    # each result carries what the failure report reads: the SQL, the thread, the time
    assert results["test.p.fail"]["compiled_code"] == tests[1].sql
    assert {r["thread_id"] for r in results.values()} == {batched_tests.THREAD}
    assert lines == ["kiểm thử dữ liệu theo lô: 1/6 đạt / batched data tests: 1 of 6 passed"]
    # the landing database is detached again: the build file is left as dbt left it
    assert con.execute(
        "select count(*) from duckdb_databases() where database_name = 'raw'"
    ).fetchone() == (0,)


def test_the_batch_is_added_to_dbts_run_results(tmp_path: Path) -> None:
    results_file = tmp_path / "run_results.json"
    results_file.write_text(
        json.dumps(
            {"results": [{"unique_id": "model.p.m", "status": "success"}], "elapsed_time": 1}
        ),
        encoding="utf-8",
    )
    batched_tests.add_to_run_results(results_file, [{"unique_id": "test.p.a", "status": "pass"}])
    data = json.loads(results_file.read_text(encoding="utf-8"))
    assert [r["unique_id"] for r in data["results"]] == ["model.p.m", "test.p.a"]
    assert data["elapsed_time"] == 1
