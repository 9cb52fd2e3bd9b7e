"""The build floor: what dbt built, replayed as plain SQL in one DuckDB session.

The compiled SQL of every seed, model and test comes from dbt's own manifest (after a full
build), so the floor runs exactly the transformations dbt ran, without dbt: no start-up, parsing,
adapter round trips, contract checks or incremental bookkeeping. The ratio of `dbt build` to this
is dbt's overhead.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

import duckdb

from thidua.paths import BUILD_MEMORY_LIMIT, PROJECT_ROOT, WAREHOUSE_FILE_NAME


@dataclass(frozen=True)
class FloorResult:
    models_seconds: float
    tests_seconds: float
    models: int
    tests: int
    failing_tests: int

    @property
    def total_seconds(self) -> float:
        return self.models_seconds + self.tests_seconds


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _seed_sql(node: dict[str, Any]) -> str:
    path = (PROJECT_ROOT / node["original_file_path"]).as_posix()
    types = node["config"].get("column_types") or {}
    type_list = ", ".join(f"'{c}': '{t}'" for c, t in types.items())
    options = f", types = {{{type_list}}}" if types else ""
    return f"select * from read_csv('{path}', header = true{options})"


def run_floor(manifest_path: Path, raw_db: Path, workdir: Path) -> FloorResult:
    """Replay seeds and models (in dependency order) and then tests, timing models and tests."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    nodes: dict[str, dict[str, Any]] = {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] in ("seed", "model", "test")
    }
    buildable = {uid for uid, n in nodes.items() if n["resource_type"] in ("seed", "model")}
    order = TopologicalSorter(
        {
            uid: [d for d in nodes[uid].get("depends_on", {}).get("nodes", []) if d in buildable]
            for uid in buildable
        }
    ).static_order()

    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / WAREHOUSE_FILE_NAME  # compiled SQL names the database "thidua"
    database.unlink(missing_ok=True)
    # the same memory as dbt's builds get: the floor must not win by using more of the machine
    con = duckdb.connect(str(database), config={"memory_limit": BUILD_MEMORY_LIMIT})
    try:
        con.execute(f"attach '{raw_db}' as raw (read_only)")
        started = time.perf_counter()
        for uid in order:
            node = nodes[uid]
            con.execute(f"create schema if not exists {_quote(node['schema'])}")
            if node["resource_type"] == "seed":
                sql = _seed_sql(node)
                kind = "table"
            else:
                sql = node["compiled_code"]
                kind = "view" if node["config"]["materialized"] == "view" else "table"
            con.execute(f"create or replace {kind} {node['relation_name']} as {sql}")
        models_seconds = time.perf_counter() - started

        tests = [
            n for n in nodes.values() if n["resource_type"] == "test" and n.get("compiled_code")
        ]
        failing = 0
        started = time.perf_counter()
        for test in tests:
            count = con.execute(f"select count(*) from ({test['compiled_code']}) as t").fetchall()
            failing += 1 if count[0][0] else 0
        tests_seconds = time.perf_counter() - started
    finally:
        con.close()
    return FloorResult(models_seconds, tests_seconds, len(buildable), len(tests), failing)
