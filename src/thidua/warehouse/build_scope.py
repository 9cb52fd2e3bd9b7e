"""Which part of the warehouse a build must redo: everything, or what the newest loads feed.

A published warehouse remembers what it was built from (meta.build_inputs): the last load and the
last withdrawal it includes, the analysts' aliases and a fingerprint of the project's models,
macros, seeds and tests. A build compares that with the landing database. With no news at all
the published warehouse is already what a build would make, and nothing runs. When the only news is
rows of some record types (a corrected roster, one new event file), dbt builds every model that
reads those landing tables and everything downstream of them, with their data tests; the other
models and tests keep the state they were published with, which nothing new can have changed.
When the only news is bookkeeping (a file rejected, a load whose every row was quarantined), only
the models of the load ledger, quarantine and gate results are built. When the data tests run
apart (thidua.warehouse.batched_tests), the views of the selection are left out too: the copy of
the published warehouse a build starts from holds them as dbt would write them again.
Anything else (new project code, a new alias, reference data such as units or organisers, an
older warehouse without the record) builds everything, as CI always does.

Unit tests check the models' SQL on fixed inputs, not the data: a narrowed build leaves them out,
since the project code they test is unchanged (a changed fingerprint builds everything), and so
does a whole build once a build of the same fingerprint ran them (thidua.warehouse.build).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import duckdb

from thidua.contract.records import RECORD_TYPES, REFERENCE_TYPES
from thidua.paths import PROJECT_ROOT

# What the dbt project is made of: a change to any of these may change any model or test.
_PROJECT_PARTS = ("models", "macros", "seeds", "data-tests", "analyses")
_PROJECT_FILES = ("dbt_project.yml",)
_COMPILERS = ("thidua", "dbt-core", "dbt-duckdb", "duckdb")
# Record types the facts are resolved against, and clusters: news there builds everything.
_BUILD_ALL_TYPES = frozenset({*REFERENCE_TYPES, "clusters"})
# The landing database's bookkeeping, new with every load (ledger, withdrawals, quarantine, gate
# results). The models that read nothing else (the quality pages' tables) are always rebuilt. The
# staging model of each record type reads the ledger and the withdrawals too, but only to keep
# the rows of loads in force: a load or a withdrawal changes that for its own record type alone,
# which is already in the scope.
_BOOKKEEPING = ("load_ledger", "load_actions", "quarantine", "validation_results")


@dataclass(frozen=True)
class BuildInputs:
    """What a build was made from, stored beside what it published."""

    last_load_id: int
    last_action_id: int
    aliases: str
    project: str


@dataclass(frozen=True)
class Scope:
    """dbt's selection for a narrowed build, and why it is narrowed."""

    select: tuple[str, ...]
    record_types: tuple[str, ...]  # empty: only the bookkeeping changed
    # The views among the selected models (dbt unique ids). A view holds no rows, only its SQL,
    # which the project fingerprint fixes: the copy of the published warehouse a build starts
    # from already has it as dbt would write it again. When the data tests run apart
    # (batched_tests), dbt leaves the views out, and their tests are judged as if they had run.
    views: tuple[str, ...] = ()

    def dbt_args(self, *, tests_batched: bool = False) -> list[str]:
        """dbt's arguments; `tests_batched`: the data tests run apart (batched_tests), so dbt
        leaves them out too, and the views."""
        # a model's unique id is model.<project>.<name>; dbt selects it by name
        views = [unique_id.split(".", 2)[2] for unique_id in self.views] if tests_batched else []
        return [
            "--select",
            *self.select,
            *(["--exclude", *views] if views else []),
            *left_out(tests_batched=tests_batched),
        ]


def left_out(*, tests_batched: bool) -> list[str]:
    """dbt's arguments leaving out what a build on an unchanged project need not run through dbt:
    the unit tests, and the data tests when batched_tests judges them."""
    return ["--exclude-resource-type", "unit_test", *(["test"] if tests_batched else [])]


def project_fingerprint(root: Path = PROJECT_ROOT) -> str:
    """A hash of the dbt project's files and of the versions that compile and run them (thidua,
    dbt, its DuckDB adapter, DuckDB): what the SQL of every model and test, and so the result of
    every unit test, follows from."""
    digest = hashlib.sha256()
    for package in _COMPILERS:
        digest.update(f"{package}={version(package)};".encode())
    files = [root / name for name in _PROJECT_FILES]
    for part in _PROJECT_PARTS:
        files += sorted(p for p in (root / part).rglob("*") if p.is_file())
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def current_inputs(raw: duckdb.DuckDBPyConnection) -> BuildInputs:
    """What a build started now is made from."""
    load = raw.execute("select coalesce(max(load_id), 0) from load_ledger").fetchone()
    action = raw.execute("select coalesce(max(action_id), 0) from load_actions").fetchone()
    aliases = raw.execute(
        "select count(*) || ':' || coalesce(cast(max(added_at) as varchar), '') from user_aliases"
    ).fetchone()
    return BuildInputs(
        int(load[0]) if load else 0,
        int(action[0]) if action else 0,
        str(aliases[0]) if aliases else "",
        project_fingerprint(),
    )


def published_inputs(published: Path) -> BuildInputs | None:
    """What the published warehouse was built from; None when it does not say."""
    if not published.exists():
        return None
    con = duckdb.connect(str(published), read_only=True)
    try:
        row = con.execute(
            "select last_load_id, last_action_id, aliases, project from meta.build_inputs"
        ).fetchone()
    except duckdb.CatalogException:
        return None  # built before builds recorded their inputs
    finally:
        con.close()
    return BuildInputs(int(row[0]), int(row[1]), str(row[2]), str(row[3])) if row else None


def up_to_date(then: BuildInputs | None, now: BuildInputs) -> bool:
    """Whether the published warehouse was built from exactly what the landing database holds
    now (no load, withdrawal, alias or project change since): a build would remake it as it is.

    The landing database is changed only through thidua's own commands, each of which leaves a
    trace here; a hand edit of it needs `thidua build --full-refresh`."""
    return then == now


def manifest_nodes(manifest: Path) -> dict[str, Any] | None:
    """The nodes of the manifest dbt wrote at its last run; None when there is none readable."""
    try:
        nodes: dict[str, Any] = json.loads(manifest.read_text(encoding="utf-8"))["nodes"]
    except (OSError, ValueError, KeyError):
        return None
    return nodes


def bookkeeping_models(nodes: dict[str, Any]) -> tuple[str, ...]:
    """The models that read the landing database's bookkeeping and no record table, from the
    nodes of dbt's manifest (dbt's own graph, not a list kept by hand)."""
    bookkeeping = {f"source.thidua.raw.{table}" for table in _BOOKKEEPING}
    models = []
    for node in nodes.values():
        if node.get("resource_type") != "model":
            continue
        needs = node.get("depends_on", {}).get("nodes", [])
        sources = {d for d in needs if d.startswith("source.")}
        if sources and sources <= bookkeeping:
            models.append(str(node["name"]))
    return tuple(sorted(models))


def narrowed(
    raw: duckdb.DuckDBPyConnection, then: BuildInputs | None, now: BuildInputs, manifest: Path
) -> Scope | None:
    """The narrowed build's scope, or None when everything must be built. `manifest`: dbt's
    manifest.json of the home's last run (its graph of sources and models)."""
    if then is None or then.project != now.project or then.aliases != now.aliases:
        return None
    if now.last_load_id < then.last_load_id or now.last_action_id < then.last_action_id:
        return None  # the landing database is not the one the warehouse was built from
    changed = {
        str(row[0])
        for row in raw.execute(
            """
            select record_type from load_ledger
            where load_id > $load and status = 'loaded' and record_type is not null
            union
            select l.record_type from load_actions as a join load_ledger as l using (load_id)
            where a.action_id > $action and l.record_type is not null
            """,
            {"load": then.last_load_id, "action": then.last_action_id},
        ).fetchall()
    }
    if changed & _BUILD_ALL_TYPES or not changed <= set(RECORD_TYPES):
        return None
    if now == then:
        return None  # nothing new at all: a build asked for anyway (up_to_date says so) is whole
    types = tuple(sorted(changed))
    # Every model reading a changed landing table, whatever its layer, and all that depends on
    # it, and what the bookkeeping alone feeds: dbt's own graph, not a list kept by hand. Without
    # a manifest (a home whose warehouse was copied in), all that reads the bookkeeping: more
    # nodes, the same result. No changed type at all (files rejected, or every row quarantined):
    # the bookkeeping's models alone.
    nodes = manifest_nodes(manifest)
    models = bookkeeping_models(nodes) if nodes is not None else ()
    bookkeeping = models or tuple(f"source:raw.{t}" for t in _BOOKKEEPING)
    select = (*(f"source:raw.{table}+" for table in types), *(f"{m}+" for m in bookkeeping))
    starts = {f"source.thidua.raw.{table}" for table in types}
    # no manifest, no views known: dbt builds them, as it would anyway
    views = (
        _views_downstream(nodes, starts | {f"model.thidua.{m}" for m in models})
        if nodes is not None
        else ()
    )
    return Scope(select, types, views)


def _views_downstream(nodes: dict[str, Any], starts: set[str]) -> tuple[str, ...]:
    """The views among `starts` (unique ids of sources and models) and every model downstream
    of them in the manifest's graph: the views of the selection `<start>+`."""
    children: dict[str, list[str]] = {}
    for unique_id, node in nodes.items():
        for parent in node.get("depends_on", {}).get("nodes", []):
            children.setdefault(parent, []).append(unique_id)
    reached, todo = set(starts), list(starts)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in reached:
                reached.add(child)
                todo.append(child)
    return tuple(
        sorted(
            unique_id
            for unique_id in reached
            if nodes.get(unique_id, {}).get("resource_type") == "model"
            and nodes[unique_id].get("config", {}).get("materialized") == "view"
        )
    )


def record_inputs(build: duckdb.DuckDBPyConnection, inputs: BuildInputs) -> None:
    """Stamp the build with what it was made from (read by the next build)."""
    build.execute("create schema if not exists meta")
    build.execute(
        """
        create or replace table meta.build_inputs (
            last_load_id integer, last_action_id integer, aliases varchar, project varchar
        )
        """
    )
    build.execute(
        "insert into meta.build_inputs values (?, ?, ?, ?)",
        [inputs.last_load_id, inputs.last_action_id, inputs.aliases, inputs.project],
    )
