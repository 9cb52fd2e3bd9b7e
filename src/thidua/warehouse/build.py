"""`thidua build`: dbt build into a separate file, then publish it with an atomic rename.

The published warehouse is never opened for writing: dbt writes `build/thidua.duckdb` (a copy of
the published file, so incremental models keep their state), its tests run there, and only when
everything passed does `os.replace` swap it onto the published path. Readers that are mid-query
keep their snapshot of the old file; the next query sees the new one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import duckdb

from thidua import work_lock
from thidua.child_process import die_with_parent
from thidua.errors import UserError
from thidua.ingest.landing import open_raw
from thidua.logs import event
from thidua.paths import PROJECT_ROOT, Home
from thidua.warehouse import (
    batched_tests,
    build_failures,
    build_scope,
    failing_rows,
    warm_dbt,
)
from thidua.warehouse.dbt_environment import dbt_environment

# Failing tests whose first rows are read back (the others are still said in words).
ROWS_FOR_FIRST_FAILURES = 10
DBT_OUTPUT_KEPT = 15
_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # dbt colours its console lines


class BuildFailed(UserError):
    """dbt build or its tests failed: the published warehouse was left as it was.

    `str()` is the headline, then every failure in words with its first offending rows.
    """

    def __init__(
        self,
        message_vi: str,
        message_en: str,
        failures: list[build_failures.Failure] | None = None,
        details: list[str] | None = None,
    ) -> None:
        super().__init__(message_vi, message_en)
        self.failures = failures or []
        self.details = details or []

    def __str__(self) -> str:
        return "\n".join([super().__str__(), *self.details])


_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NodeResult:
    unique_id: str
    resource_type: str
    name: str
    status: str
    message: str | None
    execution_seconds: float


@dataclass(frozen=True)
class BuildResult:
    published_db: Path
    dbt_seconds: float
    nodes: list[NodeResult]
    dbt_peak_mb: float = 0.0
    # copying the published file in (incremental state) and stamping + swapping it back out
    copy_seconds: float = 0.0
    publish_seconds: float = 0.0
    # a narrowed build (thidua.warehouse.build_scope) ran part of the nodes; narrowed_to: the
    # record types it redid (none when only the load bookkeeping changed)
    narrowed: bool = False
    narrowed_to: tuple[str, ...] = ()
    # dbt ran in the home's waiting process, parsed ahead (warm_dbt)
    dbt_warm: bool = False
    # nothing was new since the published build: dbt did not run and nothing was published
    up_to_date: bool = False
    # the unit tests (the models' SQL on fixed inputs) did not run: they passed at this home's
    # last build through dbt, on the same project (a narrowed build never runs them)
    unit_tests_passed_before: bool = False

    @property
    def tests_passed(self) -> int:
        return sum(
            1 for n in self.nodes if n.resource_type in ("test", "unit_test") and n.status == "pass"
        )

    @property
    def tests_failed(self) -> int:
        return sum(
            1
            for n in self.nodes
            if n.resource_type in ("test", "unit_test") and n.status in ("fail", "error")
        )


@dataclass(frozen=True)
class DbtRun:
    code: int
    nodes: list[NodeResult]
    peak_mb: float  # the dbt process's peak resident memory (DuckDB runs inside it)
    # dbt's last lines: all there is to say when it stopped before writing its results
    output_tail: tuple[str, ...] = ()
    # run by the home's waiting dbt process (warm_dbt), not by a dbt command
    warm: bool = False


def run_dbt(
    home: Home,
    args: list[str],
    progress: Callable[[str], None] | None = None,
    *,
    project: str | None = None,
) -> DbtRun:
    """Run one dbt command in the project: its exit code, per-node results and peak memory.
    With `project` (the project fingerprint), the home's waiting dbt process runs it when it
    parsed that project (thidua.warehouse.warm_dbt)."""
    results_file = home.dbt_target_dir / "run_results.json"
    results_file.unlink(missing_ok=True)
    if project is not None:
        warm = warm_dbt.run(home, args, project, progress, DBT_OUTPUT_KEPT)
        if warm is not None:
            nodes = _node_results(results_file)
            return DbtRun(warm.code, nodes, warm.peak_mb, warm.output_tail, warm=True)
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt), *args, "--project-dir", str(PROJECT_ROOT)]
    with subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=dbt_environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=die_with_parent,  # one prctl call in the child, nothing else
    ) as process:
        assert process.stdout is not None
        tail: deque[str] = deque(maxlen=DBT_OUTPUT_KEPT)
        for line in process.stdout:
            tail.append(line.rstrip("\n"))
            if progress:
                progress(line.rstrip("\n"))
        # wait4 reaps the child and reports its own peak (the process-wide RUSAGE_CHILDREN only
        # keeps the largest child ever, whichever it was).
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    return DbtRun(
        process.returncode, _node_results(results_file), usage.ru_maxrss / 1024, tuple(tail)
    )


def _node_results(results_file: Path) -> list[NodeResult]:
    if not results_file.exists():
        return []
    data = json.loads(results_file.read_text(encoding="utf-8"))
    nodes = []
    for item in data.get("results", []):
        unique_id = item["unique_id"]
        nodes.append(
            NodeResult(
                unique_id=unique_id,
                resource_type=unique_id.split(".", 1)[0],
                name=unique_id.rsplit(".", 1)[-1],
                status=str(item.get("status")),
                message=item.get("message"),
                execution_seconds=float(item.get("execution_time") or 0.0),
            )
        )
    return nodes


def _run_batched_tests(
    home: Home,
    batch: list[batched_tests.KeptTest],
    nodes: list[NodeResult],
    progress: Callable[[str], None] | None,
    *,
    every_test: bool,
    views: tuple[str, ...] = (),
) -> list[NodeResult]:
    """The data tests of the nodes dbt ran and of the selection's `views` dbt left out (see
    build_scope.Scope), judged in one batch and added to its results (`every_test`: all of
    them, the build was whole)."""
    ran = {n.unique_id for n in nodes if n.resource_type in ("model", "seed", "snapshot")}
    ran |= set(views)
    chosen = batch if every_test else batched_tests.selected(batch, ran)
    con = _connect_when_released(home.build_db)
    try:
        results = batched_tests.run(chosen, con, home.raw_db, progress)
    finally:
        con.close()
    results_file = home.dbt_target_dir / "run_results.json"
    batched_tests.add_to_run_results(results_file, results)
    return _node_results(results_file)


def _connect_when_released(path: Path, attempts: int = 50) -> duckdb.DuckDBPyConnection:
    """dbt's process has exited, but the OS can take a moment to drop its file lock."""
    for _ in range(attempts - 1):
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            time.sleep(0.2)
    return duckdb.connect(str(path))


_PUBLISH_LOG_COLUMNS = "published_at, thidua_version, dbt_seconds, tests_passed, tests_failed"


def _earlier_publishes(published: Path) -> list[tuple[object, ...]]:
    """The publish log of the warehouse about to be replaced. A full rebuild starts from an empty
    file; the history of publishes must outlive it."""
    if not published.exists():
        return []
    con = duckdb.connect(str(published), read_only=True)
    try:
        return con.execute(f"select {_PUBLISH_LOG_COLUMNS} from meta.publish_log").fetchall()
    except duckdb.CatalogException:
        return []  # published before builds kept a log
    finally:
        con.close()


def _record_publish(
    build_db: Path, result: BuildResult, inputs: build_scope.BuildInputs, published: Path
) -> None:
    """Stamp the build with what was built and how its tests went (the dashboard shows it), and
    with what it was built from (the next build reads it to narrow itself)."""
    con = _connect_when_released(build_db)
    try:
        build_scope.record_inputs(con, inputs)
        con.execute("create schema if not exists meta")
        con.execute(
            """
            create table if not exists meta.publish_log (
                published_at timestamp, thidua_version varchar, dbt_seconds double,
                tests_passed integer, tests_failed integer
            )
            """
        )
        # a narrowed or incremental build started from the published copy and has its log; a
        # full rebuild's file starts empty
        logged = con.execute("select count(*) from meta.publish_log").fetchone()
        earlier = _earlier_publishes(published) if logged is not None and logged[0] == 0 else []
        if earlier:
            con.executemany(
                f"insert into meta.publish_log ({_PUBLISH_LOG_COLUMNS}) values (?, ?, ?, ?, ?)",
                earlier,
            )
        con.execute(
            f"insert into meta.publish_log ({_PUBLISH_LOG_COLUMNS}) values (?, ?, ?, ?, ?)",
            [
                dt.datetime.now(),
                version("thidua"),
                result.dbt_seconds,
                result.tests_passed,
                result.tests_failed,
            ],
        )
        # A narrowed build ran part of the nodes, a whole one on an unchanged project may leave
        # out the unit tests: the others' last results still stand.
        partial = result.narrowed or result.unit_tests_passed_before
        create = "create table if not exists" if partial else "create or replace table"
        con.execute(
            f"""
            {create} meta.dbt_results (
                unique_id varchar, resource_type varchar, name varchar, status varchar,
                message varchar, execution_seconds double
            )
            """
        )
        con.execute(
            "delete from meta.dbt_results where unique_id in (select unnest($ids))",
            {"ids": [n.unique_id for n in result.nodes]},
        )
        con.executemany(
            "insert into meta.dbt_results values (?, ?, ?, ?, ?, ?)",
            [
                [n.unique_id, n.resource_type, n.name, n.status, n.message, n.execution_seconds]
                for n in result.nodes
            ],
        )
        con.execute("checkpoint")
    finally:
        con.close()


def _build_failed(home: Home, run: DbtRun) -> BuildFailed:
    """The failed run in words: each failing test or node, its first offending rows (read from
    the build copy, which is never published), and where dbt's own log is."""
    summary = build_failures.read_run(home.dbt_target_dir)
    samples: dict[str, failing_rows.Sample] = {}
    with failing_rows.build_reader(home.build_db, home.raw_db) as con:
        for failure in summary.failures:
            if failure.compiled_sql and len(samples) < ROWS_FOR_FIRST_FAILURES:
                samples[failure.unique_id] = failing_rows.sample(con, failure.compiled_sql)
    details = build_failures.report_lines(summary, samples)
    if not summary.failures:
        details += ["dbt:", *(f"  {_ANSI.sub('', line)}" for line in run.output_tail)]
    details.append(f"Nhật ký dbt / dbt log: {home.dbt_log_dir}")
    message_vi, message_en = build_failures.headline(summary, run.code)
    return BuildFailed(message_vi, message_en, summary.failures, details)


def build_and_publish(
    home: Home,
    *,
    full_refresh: bool = False,
    progress: Callable[[str], None] | None = None,
    lock_wait: float | None = None,
) -> BuildResult:
    """dbt build into the build copy, then publish it. Holds the home's work lock (one load or
    build at a time), waiting for another holder up to `lock_wait` seconds (work_lock.held)."""
    if not home.raw_db.exists():
        raise UserError(
            f"chưa có dữ liệu nạp ({home.raw_db}): "
            "chạy `thidua load <tệp>` hoặc `thidua demo` trước",
            f"nothing loaded yet ({home.raw_db}): run `thidua load <files>` or `thidua demo` first",
        )
    with work_lock.held(home, "build", lock_wait):
        return _build_and_publish(home, full_refresh, progress)


def _build_and_publish(
    home: Home, full_refresh: bool, progress: Callable[[str], None] | None
) -> BuildResult:
    # A landing database an earlier version wrote gets the tables and columns the models read.
    with open_raw(home.raw_db) as raw:
        inputs = build_scope.current_inputs(raw)
        published = None if full_refresh else build_scope.published_inputs(home.published_db)
        if not full_refresh and build_scope.up_to_date(published, inputs):
            event(_log, "build.up_to_date", published_db=home.published_db)
            return BuildResult(home.published_db, 0.0, [], up_to_date=True)
        scope = (
            None
            if full_refresh
            else build_scope.narrowed(raw, published, inputs, home.dbt_target_dir / "manifest.json")
        )
    home.build_dir.mkdir(parents=True, exist_ok=True)
    for stale in (home.build_db, home.build_db.with_name(home.build_db.name + ".wal")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    if home.published_db.exists() and not full_refresh:
        # Incremental models need their previous state: start from the published copy.
        shutil.copyfile(home.published_db, home.build_db)
    copy_seconds = time.perf_counter() - started
    kept_tests = home.build_dir / batched_tests.KEPT_FILE
    # The data tests run here in one batch when this home's last build that ran them through dbt
    # left their compiled SQL for this very project (batched_tests); dbt builds the models. A
    # whole build (new reference data or aliases) then leaves out the unit tests as well: they
    # check the models' SQL on fixed inputs, and passed in that build on the same SQL.
    # `--full-refresh` runs every model and test through dbt, as CI does.
    batch = None if full_refresh else batched_tests.kept_tests(kept_tests, inputs.project)
    args = ["build"] + (["--full-refresh"] if full_refresh else [])
    if scope:
        args += scope.dbt_args(tests_batched=batch is not None)
    elif batch is not None:
        args += build_scope.left_out(tests_batched=True)
    event(
        _log,
        "build.started",
        full_refresh=full_refresh,
        narrowed_to=(",".join(scope.record_types) or "bookkeeping") if scope else "everything",
        tests_batched=batch is not None,
        build_db=home.build_db,
    )
    started = time.perf_counter()
    try:
        run = run_dbt(home, args, progress, project=inputs.project)
    finally:
        # the next build finds dbt imported and the project parsed (warm_dbt)
        warm_dbt.start(home)
    code, nodes = run.code, run.nodes
    if code == 0 and batch is not None and not any(n.status in ("fail", "error") for n in nodes):
        nodes = _run_batched_tests(
            home,
            batch,
            nodes,
            progress,
            every_test=scope is None,
            views=scope.views if scope else (),
        )
    elapsed = time.perf_counter() - started
    failed = [n for n in nodes if n.status in ("fail", "error")]
    if code != 0 or failed:
        event(
            _log,
            "build.failed",
            logging.ERROR,
            dbt_exit_code=code,
            failed=",".join(sorted(n.name for n in failed)),
            dbt_seconds=round(elapsed, 3),
        )
        raise _build_failed(home, run)
    if scope is None and batch is None:
        # every test ran through dbt, and passed: keep their compiled SQL for the builds to come
        batched_tests.keep(home.dbt_target_dir / "manifest.json", kept_tests, inputs.project)
    result = BuildResult(
        home.published_db,
        elapsed,
        nodes,
        run.peak_mb,
        copy_seconds,
        narrowed=scope is not None,
        narrowed_to=scope.record_types if scope else (),
        dbt_warm=run.warm,
        unit_tests_passed_before=batch is not None,
    )
    started = time.perf_counter()
    _record_publish(home.build_db, result, inputs, home.published_db)
    # Atomic on one file system: readers see the old file or the new one, never a mix.
    home.build_db.replace(home.published_db)
    result = dataclasses.replace(result, publish_seconds=time.perf_counter() - started)
    event(
        _log,
        "build.published",
        published_db=home.published_db,
        nodes=len(nodes),
        tests_failed=result.tests_failed,
        dbt_seconds=round(elapsed, 3),
        copy_seconds=round(copy_seconds, 3),
        publish_seconds=round(result.publish_seconds, 3),
        peak_mb=run.peak_mb,
        dbt_warm=run.warm,
    )
    return result
