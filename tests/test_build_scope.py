"""What a build must redo (thidua.warehouse.build_scope): only what the newest fact loads feed,
or everything when anything else may have changed. A narrowed build that should have been full
would publish a warehouse that disagrees with its landing database, so every doubt builds all."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from thidua.ingest.landing import LedgerEntry, open_raw, record_load
from thidua.warehouse.build_scope import (
    BuildInputs,
    Scope,
    bookkeeping_models,
    current_inputs,
    manifest_nodes,
    narrowed,
    project_fingerprint,
    published_inputs,
    record_inputs,
    up_to_date,
)


@pytest.fixture
def raw(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_raw(tmp_path / "raw.duckdb") as con:
        yield con


def _model(
    name: str, *sources: str, refs: tuple[str, ...] = (), materialized: str = "view"
) -> dict[str, object]:
    """A model as dbt's manifest.json describes it (the fields the scope reads)."""
    needs = [f"source.thidua.raw.{s}" for s in sources] + [f"model.thidua.{r}" for r in refs]
    return {
        "resource_type": "model",
        "name": name,
        "depends_on": {"nodes": needs},
        "config": {"materialized": materialized},
    }


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    """A manifest with the shapes of the real graph: a record type's staging reads its table
    and the ledger and withdrawals; the bookkeeping's own staging reads only its table."""
    nodes = {
        "model.thidua.stg_raw__memberships": _model(
            "stg_raw__memberships", "memberships", "load_ledger", "load_actions"
        ),
        "model.thidua.stg_raw__rankings": _model(
            "stg_raw__rankings", "rankings", "load_ledger", "load_actions"
        ),
        "model.thidua.stg_raw__load_ledger": _model("stg_raw__load_ledger", "load_ledger"),
        "model.thidua.stg_raw__quarantine": _model("stg_raw__quarantine", "quarantine"),
        "model.thidua.load_ledger": _model(
            "load_ledger", refs=("stg_raw__load_ledger",), materialized="table"
        ),
        # a table built from a record type's staging, and a view on that table
        "model.thidua.int_memberships": _model(
            "int_memberships", refs=("stg_raw__memberships",), materialized="incremental"
        ),
        "model.thidua.int_members_named": _model("int_members_named", refs=("int_memberships",)),
        "model.thidua.stg_raw__units": _model("stg_raw__units", "units"),
        "seed.thidua.units": {"resource_type": "seed", "name": "units", "depends_on": {}},
        "test.thidua.not_null_x": {"resource_type": "test", "name": "not_null_x"},
    }
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({"nodes": nodes}), encoding="utf-8")
    return path


def _load(
    con: duckdb.DuckDBPyConnection, load_id: int, record_type: str, status: str = "loaded"
) -> None:
    entry = LedgerEntry(
        file_path=f"/data/{record_type}_{load_id}.csv",
        file_name=f"{record_type}_{load_id}.csv",
        sheet=None,
        content_hash=f"hash-{load_id}",
        record_type=record_type,
        status=status,
        rows_read=3,
        rows_loaded=3 if status == "loaded" else 0,
        rows_quarantined=0,
        message=None,
        loader_version="test",
    )
    record_load(con, load_id, entry, None, [])


def _withdraw(con: duckdb.DuckDBPyConnection, action_id: int, load_id: int) -> None:
    con.execute(
        "insert into load_actions values (?, ?, 'withdraw', ?, 'analyst', null)",
        [action_id, load_id, dt.datetime(2024, 1, 14)],
    )


def _published(load: int, action: int = 0, aliases: str = "0:", project: str = "p") -> BuildInputs:
    return BuildInputs(load, action, aliases, project)


def _now(raw: duckdb.DuckDBPyConnection) -> BuildInputs:
    current = current_inputs(raw)
    return BuildInputs(current.last_load_id, current.last_action_id, current.aliases, "p")


def test_new_fact_loads_narrow_the_build_to_their_record_types(
    raw: duckdb.DuckDBPyConnection, manifest: Path
) -> None:
    _load(raw, 1, "clusters")
    _load(raw, 2, "memberships")
    _load(raw, 3, "rankings")
    _load(raw, 4, "memberships")
    scope = narrowed(raw, _published(2), _now(raw), manifest)
    assert scope is not None
    assert scope.record_types == ("memberships", "rankings")
    # every model that reads a changed landing table, and what the bookkeeping alone feeds
    assert scope.select == (
        "source:raw.memberships+",
        "source:raw.rankings+",
        "stg_raw__load_ledger+",
        "stg_raw__quarantine+",
    )


def test_a_withdrawal_of_an_old_load_narrows_the_build_to_its_record_type(
    raw: duckdb.DuckDBPyConnection, manifest: Path
) -> None:
    """A roster withdrawn after publishing changes what memberships hold, though no load is new."""
    _load(raw, 1, "memberships")
    _load(raw, 2, "awards")
    _withdraw(raw, 1, 1)
    scope = narrowed(raw, _published(2), _now(raw), manifest)
    assert scope is not None and scope.record_types == ("memberships",)


@pytest.mark.parametrize(
    "record_type", ["clusters", "organizers", "units", "sources", "unit_aliases", "award_types"]
)
def test_news_in_reference_data_or_clusters_builds_everything(
    raw: duckdb.DuckDBPyConnection, manifest: Path, record_type: str
) -> None:
    """Facts are resolved against units, aliases, organisers and clusters: a new one may change
    the resolution of rows loaded long ago."""
    _load(raw, 1, "scores")
    _load(raw, 2, "scores")
    _load(raw, 3, record_type)
    assert narrowed(raw, _published(1), _now(raw), manifest) is None


def test_a_rejected_load_changes_nothing_to_narrow_to(
    raw: duckdb.DuckDBPyConnection, manifest: Path
) -> None:
    _load(raw, 1, "events")
    _load(raw, 2, "units", status="rejected")
    _load(raw, 3, "events")
    scope = narrowed(raw, _published(1), _now(raw), manifest)
    assert scope is not None and scope.record_types == ("events",)


def test_nothing_new_is_up_to_date_and_never_narrowed(
    raw: duckdb.DuckDBPyConnection, manifest: Path
) -> None:
    _load(raw, 1, "events")
    assert up_to_date(_published(1), _now(raw))
    assert narrowed(raw, _published(1), _now(raw), manifest) is None
    _load(raw, 2, "events")
    assert not up_to_date(_published(1), _now(raw))
    assert not up_to_date(None, _now(raw))  # a warehouse that does not say what it was built from


def test_without_dbts_graph_a_build_rebuilds_all_that_reads_the_bookkeeping(
    raw: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    """A home whose warehouse was copied in has no manifest yet (nor one cut short by a killed
    dbt): the build is still narrowed to the record type, and takes every model reading the
    ledger or the withdrawals, which gives the same warehouse with more nodes."""
    _load(raw, 1, "events")
    _load(raw, 2, "events")
    broken = tmp_path / "manifest.json"
    broken.write_text('{"nodes": ', encoding="utf-8")
    for manifest in (tmp_path / "no-target" / "manifest.json", broken):
        scope = narrowed(raw, _published(1), _now(raw), manifest)
        assert scope is not None and scope.record_types == ("events",)
        assert scope.select == (
            "source:raw.events+",
            "source:raw.load_ledger+",
            "source:raw.load_actions+",
            "source:raw.quarantine+",
            "source:raw.validation_results+",
        )


def test_the_bookkeeping_models_are_read_from_dbts_graph(manifest: Path) -> None:
    """Models reading only the ledger, withdrawals, quarantine or gate results; not the staging
    of a record type (it reads the ledger too), not a model reading them through another."""
    nodes = manifest_nodes(manifest)
    assert nodes is not None
    assert bookkeeping_models(nodes) == ("stg_raw__load_ledger", "stg_raw__quarantine")


@pytest.mark.parametrize(
    "published",
    [
        None,  # a warehouse built before builds recorded their inputs
        _published(1, project="older project"),  # new models, macros, seeds or tests
        _published(1, aliases="1:2024-07-30 08:15:00"),  # an alias added or removed since
        _published(9),  # the landing database is older than the warehouse (a restored backup)
        _published(1, action=5),
    ],
    ids=["unknown", "project", "aliases", "older-loads", "older-actions"],
)
def test_anything_but_new_fact_rows_builds_everything(
    raw: duckdb.DuckDBPyConnection, manifest: Path, published: BuildInputs | None
) -> None:
    _load(raw, 1, "events")
    _load(raw, 2, "events")
    assert narrowed(raw, published, _now(raw), manifest) is None


def test_a_narrowed_build_knows_the_views_of_its_selection(
    raw: duckdb.DuckDBPyConnection, manifest: Path
) -> None:
    _load(raw, 1, "memberships")
    _load(raw, 2, "memberships")
    scope = narrowed(raw, _published(1), _now(raw), manifest)
    assert scope is not None
    # the changed type's staging, a view downstream of a table, the bookkeeping's staging; not
    # another record type's staging, nor a view nothing changed feeds, nor a table
    assert scope.views == (
        "model.thidua.int_members_named",
        "model.thidua.stg_raw__load_ledger",
        "model.thidua.stg_raw__memberships",
        "model.thidua.stg_raw__quarantine",
    )


def test_the_views_are_left_to_dbt_unless_the_tests_run_apart() -> None:
    """Their tests must run: through dbt, only when dbt selects the views themselves."""
    scope = Scope(("source:raw.events+",), ("events",), ("model.thidua.stg_raw__events",))
    assert "--exclude" not in scope.dbt_args()
    assert scope.dbt_args(tests_batched=True) == [
        "--select",
        "source:raw.events+",
        "--exclude",
        "stg_raw__events",
        "--exclude-resource-type",
        "unit_test",
        "test",
    ]


def test_without_a_manifest_no_view_is_left_out(
    raw: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    _load(raw, 1, "memberships")
    _load(raw, 2, "memberships")
    scope = narrowed(raw, _published(1), _now(raw), tmp_path / "no-manifest.json")
    assert scope is not None and scope.views == ()


def test_a_narrowed_build_leaves_out_the_unit_tests() -> None:
    scope = Scope(("source:raw.events+",), ("events",))
    assert scope.dbt_args() == [
        "--select",
        "source:raw.events+",
        "--exclude-resource-type",
        "unit_test",
    ]


def test_current_inputs_count_loads_withdrawals_and_aliases(
    raw: duckdb.DuckDBPyConnection, manifest: Path
) -> None:
    empty = current_inputs(raw)
    assert (empty.last_load_id, empty.last_action_id) == (0, 0)
    _load(raw, 1, "memberships")
    _load(raw, 2, "memberships")
    _withdraw(raw, 1, 2)
    raw.execute(
        "insert into user_aliases (alias, unit_id, added_at) values (?, ?, ?)",
        ["Sở GD&ĐT", "th-so-gddt", dt.datetime(2024, 7, 30, 8, 15)],
    )
    inputs = current_inputs(raw)
    assert (inputs.last_load_id, inputs.last_action_id) == (2, 1)
    assert inputs.aliases != empty.aliases
    assert inputs.project == empty.project == project_fingerprint()


def test_a_warehouse_remembers_the_inputs_it_was_built_from(tmp_path: Path) -> None:
    path = tmp_path / "thidua.duckdb"
    assert published_inputs(path) is None
    duckdb.connect(str(path)).close()
    assert published_inputs(path) is None  # built before builds recorded their inputs
    inputs = BuildInputs(12, 3, "2:2024-07-30 08:15:00", "abc")
    with duckdb.connect(str(path)) as con:
        record_inputs(con, inputs)
        record_inputs(con, inputs)  # a rebuild of the same copy keeps one record
    assert published_inputs(path) == inputs


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "models" / "staging").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "dbt_project.yml").write_text("name: thidua\n", encoding="utf-8")
    (root / "models" / "staging" / "stg_raw__events.sql").write_text(
        "select 1 as x\n", encoding="utf-8"
    )
    (root / "seeds" / "units.csv").write_text("unit_id,name\nth-so-gddt,Sở GD&ĐT\n", "utf-8")
    return root


def test_the_project_fingerprint_changes_with_any_model_seed_or_setting(project: Path) -> None:
    before = project_fingerprint(project)
    assert project_fingerprint(project) == before
    seed = project / "seeds" / "units.csv"
    seed.write_text(seed.read_text("utf-8") + "th-so-yte,Sở Y tế\n", "utf-8")
    after_seed = project_fingerprint(project)
    assert after_seed != before
    (project / "models" / "staging" / "stg_raw__events.sql").rename(
        project / "models" / "staging" / "stg_raw__event.sql"
    )
    after_rename = project_fingerprint(project)
    assert after_rename != after_seed
    (project / "data-tests").mkdir()
    (project / "data-tests" / "leader_is_member.sql").write_text("select 1\n", "utf-8")
    assert project_fingerprint(project) != after_rename


def test_files_outside_the_dbt_project_leave_the_fingerprint_alone(project: Path) -> None:
    before = project_fingerprint(project)
    (project / "README.md").write_text("# thidua\n", "utf-8")
    (project / "tests").mkdir()
    (project / "tests" / "test_x.py").write_text("x = 1\n", "utf-8")
    assert project_fingerprint(project) == before
