"""thidua.query.sandbox.run_untrusted: user SQL can read the warehouse and do nothing else.

Every escape attempt must be refused with a human message in Vietnamese and English (no traceback),
write nothing, and leave the sandbox answering the next ordinary query.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from thidua.paths import Home
from thidua.query.sandbox import MAX_SQL_CHARS, QueryRefused, run_untrusted
from thidua.query.sandbox_worker import sandboxed_connection


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real files next to the test, so a refusal is the sandbox's doing and not a missing file."""
    folder = tmp_path_factory.mktemp("sandbox-files")
    (folder / "secret.csv").write_text("name,value\nsecret,42\n", encoding="utf-8")
    con = duckdb.connect()
    con.execute(f"copy (select 42 as answer) to '{folder / 'secret.parquet'}' (format parquet)")
    con.close()
    return folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_sandbox_answers(db: Path) -> None:
    result = run_untrusted(db, "select count(*) as n from marts.dim_cluster")
    assert result.frame["n"][0] > 0
    assert not result.truncated


# (test id, SQL with {dir} = a scratch folder holding secret.csv and secret.parquet)
ESCAPES: list[tuple[str, str]] = [
    ("read_csv_etc_passwd", "select * from read_csv('/etc/passwd')"),
    ("read_csv_list", "select * from read_csv(['/etc/passwd'])"),
    ("read_csv_in_cte", "with x as (select * from read_csv('/etc/passwd')) select * from x"),
    ("read_csv_local_file", "select * from read_csv('{dir}/secret.csv')"),
    ("read_text", "select * from read_text('{dir}/secret.csv')"),
    ("read_blob", "select * from read_blob('/etc/hostname')"),
    ("read_parquet", "select * from read_parquet('{dir}/secret.parquet')"),
    ("replacement_scan", "select * from '{dir}/secret.csv'"),
    ("glob", "select * from glob('/*')"),
    ("sniff_csv", "select * from sniff_csv('/etc/passwd')"),
    ("extensions_dir", "select * from duckdb_extensions()"),
    ("copy_to", "copy (select * from marts.dim_unit) to '{dir}/out.csv'"),
    ("copy_table_to", "copy marts.dim_unit to '{dir}/out.parquet' (format parquet)"),
    ("copy_from", "copy marts.dim_unit from '{dir}/secret.csv'"),
    ("export_database", "export database '{dir}/export'"),
    ("explain_analyze_copy", "explain analyze copy (select 1) to '{dir}/out.csv'"),
    ("query_function_copy", "select * from query('copy (select 1) to ''{dir}/out.csv''')"),
    ("attach_file", "attach '{dir}/other.duckdb' as other"),
    ("attach_memory", "attach ':memory:' as scratch"),
    ("detach", "detach wh"),
    ("use_memory", "use memory"),
    ("install", "install httpfs"),
    ("load", "load json"),
    ("set_memory_limit", "set memory_limit = '100GB'"),
    ("set_external_access", "set enable_external_access = true"),
    ("set_unlock", "set lock_configuration = false"),
    ("reset_all", "reset all"),
    ("reset_one", "reset memory_limit"),
    ("reset_external_access", "reset enable_external_access"),
    ("set_variable", "set variable x = 1"),
    ("set_log_query_path", "set log_query_path = '{dir}/queries.log'"),
    ("set_profiling", "set enable_profiling = 'json'"),
    ("set_profiling_output", "set profiling_output = '{dir}/profile.json'"),
    ("pragma_profiling", "pragma enable_profiling"),
    ("pragma_profile_output", "pragma profile_output = '{dir}/profile.json'"),
    ("pragma_memory_limit", "pragma memory_limit = '100GB'"),
    ("create_table", "create table marts.evil as select 1 as x"),
    ("create_table_memory", "create table memory.main.evil (x integer)"),
    ("create_temp_table", "create temp table evil as select 1 as x"),
    ("create_view", "create view marts.evil as select 1 as x"),
    ("create_macro", "create macro evil(x) as x + 1"),
    ("create_secret", "create secret evil (type s3, key_id 'a', secret 'b')"),
    ("create_persistent_secret", "create persistent secret evil (type s3, key_id 'a')"),
    ("insert", "insert into marts.dim_cluster (cluster_id) values ('evil')"),
    ("update", "update marts.fct_awards set status = 'decided'"),
    ("delete", "delete from marts.fct_awards"),
    ("drop", "drop table marts.fct_awards"),
    ("alter", "alter table marts.fct_awards add column evil integer"),
    ("multi_statement", "select 1; drop table marts.fct_awards"),
    ("multi_statement_select", "select 1; select 2"),
    ("call_read_csv", "call read_csv('/etc/passwd')"),
    ("call_checkpoint", "call checkpoint()"),
    ("checkpoint", "checkpoint"),
    ("vacuum", "vacuum"),
    ("begin", "begin transaction"),
    ("prepare", "prepare p as select 1"),
    ("getenv", "select getenv('HOME')"),
    ("syntax_error", "selec 1"),
    ("empty", "  -- nothing but a comment\n"),
]


@pytest.mark.parametrize(("sql"), [sql for _, sql in ESCAPES], ids=[name for name, _ in ESCAPES])
def test_escape_is_refused(published_home: Home, files: Path, sql: str) -> None:
    db = published_home.published_db
    before = _digest(db)
    scratch = sorted(p.name for p in files.iterdir())

    with pytest.raises(QueryRefused) as info:
        run_untrusted(db, sql.format(dir=files), timeout_s=5.0)

    refused = info.value
    assert refused.message_vi.strip() and refused.message_en.strip()
    assert refused.message_vi != refused.message_en  # really two languages
    assert "Traceback" not in refused.message_vi + refused.message_en
    assert str(refused) == refused.message_en
    assert sorted(p.name for p in files.iterdir()) == scratch, "the sandbox wrote a file"
    assert _digest(db) == before, "the warehouse changed"
    _assert_sandbox_answers(db)


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("select * from read_csv('/etc/passwd')", "permission"),
        ("copy (select 1) to '/tmp/x.csv'", "not_read_only"),
        ("select 1; select 2", "multiple"),
        ("selec 1", "syntax"),
        ("", "empty"),
        ("select * from marts.no_such_table", "invalid"),
    ],
)
def test_refusals_say_why(published_home: Home, sql: str, reason: str) -> None:
    with pytest.raises(QueryRefused) as info:
        run_untrusted(published_home.published_db, sql)
    assert info.value.reason == reason


def test_never_ending_recursive_cte_times_out(published_home: Home) -> None:
    db = published_home.published_db
    endless = (
        "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r"
    )
    with pytest.raises(QueryRefused) as info:
        run_untrusted(db, endless, timeout_s=1.0)
    assert info.value.reason == "timeout"
    assert "1 giây" in info.value.message_vi
    assert "1 s" in info.value.message_en
    _assert_sandbox_answers(db)


def test_huge_cross_join_is_stopped(published_home: Home) -> None:
    bomb = "select count(*) from range(1000000000) as a, range(1000000000) as b"
    with pytest.raises(QueryRefused) as info:
        run_untrusted(published_home.published_db, bomb, timeout_s=1.0)
    # DuckDB may run out of its memory allowance before the clock runs out: either is a refusal.
    assert info.value.reason in {"memory", "timeout"}
    _assert_sandbox_answers(published_home.published_db)


@pytest.mark.parametrize(
    "bomb",
    [
        "select length(string_agg(repeat('x', 1000), '')) from range(10000000)",
        "select len(list(range)) from range(200000000)",
    ],
    ids=["string_agg", "huge_list"],
)
def test_memory_bomb_is_stopped(published_home: Home, bomb: str) -> None:
    with pytest.raises(QueryRefused) as info:
        run_untrusted(published_home.published_db, bomb, timeout_s=20.0, memory_limit="64MB")
    # Whichever limit trips first; both are refusals with a message.
    assert info.value.reason in {"memory", "timeout"}
    _assert_sandbox_answers(published_home.published_db)


@pytest.mark.parametrize(
    "sql",
    [
        "select cluster_id, results_year, mean_share_of_max from marts.fct_cluster_year",
        "with real as (select * from marts.fct_events where not is_synthetic) select * from real",
        "from marts.fct_memberships select unit_name where results_year = 2021",
        "show all tables",
        "describe marts.fct_awards",
        "summarize marts.fct_unit_year_scores",
        "explain select * from marts.fct_awards",
        "explain analyze select count(*) from marts.fct_awards",
        "select * from marts.dim_unit;",
        "-- a comment first\nselect 1 as one",
    ],
)
def test_read_queries_run(published_home: Home, sql: str) -> None:
    result = run_untrusted(published_home.published_db, sql)
    assert result.frame.height > 0
    assert not result.truncated
    assert result.elapsed_s >= 0


def test_normal_query_over_marts_returns_rows(published_home: Home) -> None:
    result = run_untrusted(
        published_home.published_db,
        "select unit_name, role, source_ref from marts.fct_memberships "
        "where cluster_id = 'th-ubnd:cum-08' and results_year = 2021 and not is_synthetic",
    )
    assert result.frame.height == 8
    assert "Sở Tư pháp" in result.frame["unit_name"].to_list()


@pytest.mark.parametrize(
    ("rows", "cap", "truncated"),
    [(100, 10, True), (10, 10, False), (11, 10, True), (5000, 4097, True), (0, 10, False)],
)
def test_row_cap(published_home: Home, rows: int, cap: int, truncated: bool) -> None:
    result = run_untrusted(
        published_home.published_db, f"select range as i from range({rows})", row_cap=cap
    )
    assert result.frame.height == min(rows, cap)
    assert result.truncated is truncated
    assert result.frame["i"].to_list() == list(range(min(rows, cap)))


def test_duplicate_column_names_still_display(published_home: Home) -> None:
    result = run_untrusted(published_home.published_db, "select 1 as a, 2 as a, 3 as a")
    assert result.frame.columns == ["a", "a_1", "a_2"]


@pytest.mark.parametrize(
    "sql", ["select getenv('THIDUA_TEST_SECRET')", "select * from read_text('/proc/self/environ')"]
)
def test_the_sandbox_cannot_see_the_process_environment(
    published_home: Home, monkeypatch: pytest.MonkeyPatch, sql: str
) -> None:
    monkeypatch.setenv("THIDUA_TEST_SECRET", "do-not-leak")
    with pytest.raises(QueryRefused):
        run_untrusted(published_home.published_db, sql)


@pytest.mark.parametrize(
    "sql",
    [
        "set enable_external_access = true",
        "set lock_configuration = false",
        "set memory_limit = '100GB'",
        "reset enable_external_access",
        "copy (select 1) to '{dir}/second-line.csv'",
        "attach '{dir}/second-line.duckdb' as other",
        "select * from read_csv('{dir}/secret.csv')",
        "install httpfs",
        "set log_query_path = '{dir}/second-line.log'",
        "create table marts.evil as select 1 as x",
    ],
)
def test_locked_configuration_holds_without_the_statement_check(
    published_home: Home, files: Path, sql: str
) -> None:
    """Second line of defence: the sandboxed connection itself refuses, even if a statement
    slipped past the statement-type check."""
    before = sorted(p.name for p in files.iterdir())
    con = sandboxed_connection(str(published_home.published_db), "256MB")
    try:
        with pytest.raises(duckdb.Error):
            con.execute(sql.format(dir=files))
        setting = con.sql("select current_setting('enable_external_access')").fetchall()
        assert setting == [(False,)]
    finally:
        con.close()
    assert sorted(p.name for p in files.iterdir()) == before


@pytest.mark.parametrize(
    "limits",
    [
        {"memory_limit": "1GB'; set enable_external_access=true; --"},
        {"row_cap": -1},
        {"timeout_s": 0},
    ],
)
def test_limits_are_checked(published_home: Home, limits: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        run_untrusted(published_home.published_db, "select 1", **limits)  # type: ignore[arg-type]


# --- hostile shapes, special values and what DuckDB says -----------------------------------------


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        # a query too long to be typed: parsing it alone took gigabytes
        (" union all ".join(["select 1 as x"] * 20_000), "too_large"),
        ("select 1 where 1 in (" + ",".join(map(str, range(1_000_000))) + ")", "too_large"),
        ("update extensions", "not_read_only"),
        ("select 1 \udcff", "encoding"),
        ("select * from duckdb_settings()", "revealing"),
        ("select current_setting('secret_directory')", "revealing"),
        ("select database_name, path from duckdb_databases()", "revealing"),
        ("from pragma_database_list", "revealing"),
    ],
    ids=[
        "union_20000",
        "in_list_1e6",
        "update_extensions",
        "non_utf8",
        "settings",
        "secret_directory",
        "databases",
        "database_list",
    ],
)
def test_hostile_queries_are_refused_in_words(published_home: Home, sql: str, reason: str) -> None:
    with pytest.raises(QueryRefused) as info:
        run_untrusted(published_home.published_db, sql, timeout_s=5.0)
    refused = info.value
    assert refused.reason == reason
    assert refused.message_vi != refused.message_en
    text = refused.message_vi + refused.message_en + refused.detail
    assert "Traceback" not in text
    assert str(published_home.root) not in text, "a server path leaked"
    _assert_sandbox_answers(published_home.published_db)


def test_a_query_near_the_size_cap_is_bounded_while_it_plans(published_home: Home) -> None:
    # ~100,000 characters of UNION ALL: DuckDB plans for seconds before it runs anything, which
    # its own interrupt does not reach; the child process is stopped all the same.
    branches = MAX_SQL_CHARS // len("select 1 as x union all ") - 10
    sql = " union all ".join(["select 1 as x"] * branches)
    assert len(sql) <= MAX_SQL_CHARS
    with pytest.raises(QueryRefused) as info:
        run_untrusted(published_home.published_db, sql, timeout_s=0.5)
    assert info.value.reason in {"timeout", "memory"}
    _assert_sandbox_answers(published_home.published_db)


def test_a_trillion_rows_stop_at_the_time_limit(published_home: Home) -> None:
    with pytest.raises(QueryRefused) as info:
        run_untrusted(
            published_home.published_db, "select count(*) from range(1e12::bigint)", timeout_s=1.0
        )
    assert info.value.reason == "timeout"


def test_special_and_nested_values_come_back_as_duckdb_writes_them(published_home: Home) -> None:
    result = run_untrusted(
        published_home.published_db,
        "select 'infinity'::timestamp as t, date '294000-01-01' as d, [1, 2] as l,"
        " {'a': 1} as s, '\\xAB'::blob as b, interval 3 day as i, 7 as n",
    )
    row = result.frame.row(0, named=True)
    assert row == {
        "t": "infinity",
        "d": "294000-01-01",
        "l": "[1, 2]",
        "s": "{'a': 1}",
        "b": "\\xAB",
        "i": "3 days",
        "n": 7,
    }
    # and every output format of the CLI can write them
    assert result.frame.write_csv().count("\n") == 2
    assert result.frame.write_json()


@pytest.mark.parametrize(
    "sql",
    [
        "explain analyze select count(*) from marts.fct_unit_year_scores",
        "pivot (select cluster_kind, results_year, member_count from marts.fct_cluster_year)"
        " on results_year using sum(member_count)",
        "select count(*) as n from dim_unit",
        "select count(*) as n from fct_cluster_year where results_year = 2021",
    ],
    ids=["explain_analyze", "pivot", "unqualified_dim", "unqualified_fct"],
)
def test_legitimate_sql_answers(published_home: Home, sql: str) -> None:
    result = run_untrusted(published_home.published_db, sql)
    assert result.frame.height > 0


@pytest.mark.parametrize(
    ("sql", "said"),
    [
        ("select unit_nme from marts.dim_unit", 'Referenced column "unit_nme" not found'),
        ("select * from marts.dim_unti", 'Did you mean "'),
    ],
)
def test_duckdbs_own_explanation_is_shown(published_home: Home, sql: str, said: str) -> None:
    with pytest.raises(QueryRefused) as info:
        run_untrusted(published_home.published_db, sql)
    assert info.value.reason == "invalid"
    assert said in info.value.message_vi
    assert said in info.value.message_en
