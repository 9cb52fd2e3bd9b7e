"""The dbt warehouse on the bundled sample: award rules found both ways, the new marts, the five
example queries, offline docs, and incremental builds that equal a full refresh.

Runs the real pipeline (generator, loader, GX, dbt) through the session fixture `published_home`;
the incremental test builds twice more in its own homes.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from thidua.generate import manifest_path
from thidua.ingest.loader import load_files
from thidua.paths import PROJECT_ROOT, Home
from thidua.query.read import read_query
from thidua.warehouse.build import BuildResult, build_and_publish, run_dbt

pytestmark = pytest.mark.integration

EXAMPLE_QUERIES = PROJECT_ROOT / "analyses" / "example_queries.sql"
FINDING_KEY = ["rule_code", "cluster_id", "results_year", "unit_id", "award_type"]
# The yearly incremental models (delete+insert by results_year) and their schemas
# (marts.fct_criterion_scores is a view over the staging one).
YEARLY = {
    "staging": ["stg_raw__scores"],
    "intermediate": ["int_score_mentions_aggregated", "int_unit_year_scores_aggregated"],
    "marts": [
        "dim_criterion",
        "fct_unit_year_scores",
        "fct_awards",
        "fct_events",
        "fct_cluster_year",
    ],
}
NEW_YEAR = 2026


def _frame(home: Home, sql: str) -> pl.DataFrame:
    return read_query(home.published_db, sql)


def _generated(home: Home) -> Path:
    return home.generated_dir / "province-seed1"


# --- award rules, both ways -----------------------------------------------------------------


def _findings_key(frame: pl.DataFrame) -> set[tuple[object, ...]]:
    return {tuple(row) for row in frame.select(FINDING_KEY).fill_null("").iter_rows()}


def test_synthetic_findings_are_exactly_the_planted_breaks(published_home: Home) -> None:
    """Nothing planted is missed and nothing else is found (the generator's manifest)."""
    planted = (
        pl.read_csv(manifest_path(_generated(published_home)), infer_schema=False)
        .fill_null("")
        .with_columns(pl.col("results_year").cast(pl.Int32))
    )
    found = _frame(
        published_home,
        """
        select rule_code, cluster_id, results_year, unit_id, award_type_code as award_type
        from marts.mart_award_compliance
        where is_synthetic
        """,
    )
    assert planted.height >= 20
    assert _findings_key(found) == _findings_key(planted)
    assert found.height == planted.height  # one finding per record, no duplicates
    rules = set(planted["rule_code"].to_list())
    assert {
        "GOV_FLAG_NOT_LEADING_UNIT",
        "GOV_FLAG_OVER_QUOTA",
        "GOV_FLAG_WITHOUT_PRIOR_FLAG",
        "PROV_FLAG_MORE_THAN_ONE",
        "PROV_FLAG_NOT_FIRST",
        "LEADER_NOT_MEMBER",
        "NO_YEAR_END_REVIEW",
        "RANK_CONTRADICTS_SCORES",
    } == rules


def test_real_rows_have_only_the_documented_findings(published_home: Home) -> None:
    """The real records break no rule. The only real findings: Cụm 7's two 2016 flag
    proposals (article:004) cannot be checked because the article does not name the units."""
    real = _frame(
        published_home,
        """
        select rule_code, severity, cluster_id, results_year, unit_id, award_type_code,
            award_status, regime_id, source_ref, source_file, source_row
        from marts.mart_award_compliance
        where not is_synthetic
        order by award_type_code
        """,
    )
    assert real.select(
        "rule_code", "severity", "cluster_id", "results_year", "unit_id", "award_type_code"
    ).rows() == [
        ("AWARD_UNIT_NOT_NAMED", "info", "th-ubnd:cum-07", 2016, None, "GOV_FLAG"),
        ("AWARD_UNIT_NOT_NAMED", "info", "th-ubnd:cum-07", 2016, None, "PROV_FLAG"),
    ]
    assert set(real["regime_id"]) == {"law2003"}
    assert set(real["source_ref"]) == {"article:004"}
    assert set(real["source_file"]) == {"awards.csv"} and real["source_row"].null_count() == 0


def test_every_finding_names_its_rule_record_regime_and_source(published_home: Home) -> None:
    findings = _frame(
        published_home,
        """
        select f.*, r.regime_id as regime_of_year, c.rule_code as seeded_rule
        from marts.mart_award_compliance as f
        left join marts.dim_year as r using (results_year)
        left join reference.compliance_rules as c using (rule_code)
        """,
    )
    assert findings.height > 20
    assert (findings["regime_id"] == findings["regime_of_year"]).all()
    assert findings["seeded_rule"].null_count() == 0
    for column in ("rule_name_vi", "rule_name_en", "severity", "detail", "detail_vi", "source_ref"):
        assert findings[column].null_count() == 0, column
    by_grain = {g: f for (g,), f in findings.group_by("record_grain")}
    assert by_grain["award"]["award_id"].null_count() == 0
    assert (
        by_grain["organizer_year"]["cluster_id"].null_count() == by_grain["organizer_year"].height
    )
    assert by_grain["cluster_year"]["cluster_id"].null_count() == 0
    assert by_grain["unit_year"]["unit_id"].null_count() == 0
    # a synthetic finding cites a generated file and row
    synthetic = findings.filter(pl.col("is_synthetic"))
    assert synthetic["source_file"].null_count() == 0 and synthetic["source_row"].null_count() == 0


def test_the_regime_in_force_decides_which_government_flag_rule_applies(
    published_home: Home,
) -> None:
    by_rule = _frame(
        published_home,
        """
        select rule_code, min(results_year) as first, max(results_year) as last,
            list(distinct regime_id order by regime_id) as regimes
        from marts.mart_award_compliance
        where rule_code like 'GOV_FLAG%'
        group by rule_code
        """,
    )
    spans = {r: (f, t, g) for r, f, t, g in by_rule.iter_rows()}
    assert spans["GOV_FLAG_WITHOUT_PRIOR_FLAG"][1] <= 2017
    assert spans["GOV_FLAG_WITHOUT_PRIOR_FLAG"][2] == ["law2003"]
    assert spans["GOV_FLAG_OVER_QUOTA"][0] >= 2018 and spans["GOV_FLAG_OVER_QUOTA"][1] <= 2023
    assert spans["GOV_FLAG_NOT_LEADING_UNIT"][0] >= 2024
    assert spans["GOV_FLAG_NOT_LEADING_UNIT"][2] == ["law2022"]


# --- the new marts --------------------------------------------------------------------------


def test_cluster_year_hosts_dates_and_top_three(published_home: Home) -> None:
    rows = _frame(
        published_home,
        """
        select cluster_id, results_year, first_year_end_date, year_end_host_name,
            year_end_host_unit_id, top_three_names, top_three_unit_ids, first_mid_year_date,
            is_score_synthetic
        from marts.fct_cluster_year
        where (cluster_id, results_year) in (('th-ubnd:cum-07', 2016), ('th-ubnd:cum-08', 2021),
            ('th-ubnd:cum-05', 2022))
        order by cluster_id
        """,
    ).rows(named=True)
    cum5, cum7, cum8 = rows
    # article:004: the 2016 year-end review, 14/12/2016, at the provincial trade union
    assert str(cum7["first_year_end_date"]) == "2016-12-14"
    assert cum7["year_end_host_unit_id"] == "th-ldld"
    # the article publishes no ranking: the top three come from the (synthetic) scores
    assert len(cum7["top_three_names"].split("; ")) == 3 and cum7["is_score_synthetic"]
    # article:002: the 2021 ranking, declared
    assert cum8["top_three_unit_ids"] == "th-ban-dan-toc; th-so-tu-phap; th-so-noi-vu"
    assert cum8["top_three_names"] == "Ban Dân tộc tỉnh Thanh Hóa; Sở Tư pháp; Sở Nội vụ"
    assert str(cum8["first_year_end_date"]) == "2022-01-14"
    # article:000: the 2022 mid-year review, 15/7/2022
    assert str(cum5["first_mid_year_date"]) == "2022-07-15"


def test_awards_know_where_the_unit_led_and_ranked(published_home: Home) -> None:
    awards = _frame(
        published_home,
        """
        select a.award_type_code, a.unit_id, a.cluster_id, a.ranked_cluster_id,
            a.rank_in_ranked_cluster, a.led_cluster_id, s.effective_rank, s.role
        from marts.fct_awards as a
        left join marts.fct_unit_year_scores as s
            on s.cluster_id = a.cluster_id and s.results_year = a.results_year
            and s.unit_id = a.unit_id
        where a.unit_id is not null
        """,
    )
    assert awards.height > 500
    ranked = awards.filter(pl.col("ranked_cluster_id").is_not_null())
    assert ranked.height == awards.height  # every named synthetic awardee has a rank
    assert (ranked["ranked_cluster_id"] == ranked["cluster_id"]).all()
    assert (ranked["rank_in_ranked_cluster"] == ranked["effective_rank"]).all()
    led = awards.filter(pl.col("led_cluster_id").is_not_null())
    here = led.filter(pl.col("led_cluster_id") == pl.col("cluster_id"))
    assert here.height > 50 and (here["role"] == "leader").all()
    # a unit that led another cluster (the planted leaders that are not members)
    elsewhere = led.filter(pl.col("led_cluster_id") != pl.col("cluster_id"))
    assert (elsewhere["role"] != "leader").all()


def test_leadership_deputy_to_leader_is_one_query(published_home: Home) -> None:
    # article:002: Ban Dân tộc was deputy of Cụm 8 in 2021 and leads it in 2022
    real = _frame(
        published_home,
        """
        select unit_id, next_year_leader_unit_id
        from marts.fct_leadership
        where role = 'deputy' and is_leader_next_year
            and not is_synthetic and not is_next_year_synthetic
        """,
    )
    assert real.rows() == [("th-ban-dan-toc", "th-ban-dan-toc")]
    rate = _frame(
        published_home,
        """
        select avg(is_leader_next_year::int) as rate from marts.fct_leadership
        where role = 'deputy' and is_leader_next_year is not null
        """,
    ).item()
    assert 0.3 < rate < 0.8  # a tendency, not a rule


def test_unit_history_follows_a_unit_across_the_2025_merge(published_home: Home) -> None:
    history = _frame(
        published_home,
        """
        select results_year, unit_id, current_unit_name, is_current_unit
        from marts.unit_history where current_unit_id = 'th-so-nnmt'
        """,
    )
    assert set(history["unit_id"]) == {"th-so-tnmt", "th-so-nnptnt", "th-so-nnmt"}
    assert (
        history.filter(pl.col("results_year") < 2025)["unit_id"]
        .is_in(["th-so-tnmt", "th-so-nnptnt"])
        .all()
    )
    assert history.filter(pl.col("results_year") == 2025)["unit_id"].to_list() == ["th-so-nnmt"]
    assert set(history["current_unit_name"]) == {"Sở Nông nghiệp và Môi trường"}


def test_criterion_scores_and_their_dimension(published_home: Home) -> None:
    criteria = _frame(
        published_home,
        """
        select count(*) as n, count(distinct table_max_points) as scales,
            bool_and(criterion_name <> criterion_code) as named,
            bool_and(sort_order between 1 and 12) as ordered
        from marts.dim_criterion
        """,
    ).row(0, named=True)
    assert criteria["n"] > 1000 and criteria["scales"] == 2
    assert criteria["named"] and criteria["ordered"]
    kinds = _frame(
        published_home,
        """
        select scorer_kind, count(*) as n, count(unit_name) as named,
            count(criterion_id) as with_criterion
        from marts.fct_criterion_scores group by all
        """,
    )
    # every score names its unit and its criterion (the view joins them to the stored scores)
    assert kinds["n"].to_list() == kinds["named"].to_list() == kinds["with_criterion"].to_list()
    counts = dict(kinds.select("scorer_kind", "n").iter_rows())
    assert set(counts) == {"self", "peer"} and counts["peer"] > 5 * counts["self"]
    raw_rows = duckdb.connect(str(published_home.raw_db), read_only=True)
    try:
        raw = raw_rows.execute("select count(*) from scores").fetchall()[0][0]
    finally:
        raw_rows.close()
    assert sum(counts.values()) == raw  # no restatements in the sample: one row per raw row


def test_dim_year_school_years_and_regimes(published_home: Home) -> None:
    years = _frame(
        published_home,
        "select results_year, school_year, school_year_starting, regime_id from marts.dim_year "
        "order by results_year",
    )
    assert years["results_year"].to_list() == list(range(2015, 2026))
    row = years.filter(pl.col("results_year") == 2022).row(0, named=True)
    assert row["school_year"] == "2021-2022" and row["school_year_starting"] == "2022-2023"
    regimes = dict(years.select("results_year", "regime_id").iter_rows())
    assert (regimes[2017], regimes[2018], regimes[2023], regimes[2024]) == (
        "law2003",
        "decree91",
        "decree91",
        "law2022",
    )


# --- the five example queries ---------------------------------------------------------------


def _example_queries() -> dict[str, str]:
    text = EXAMPLE_QUERIES.read_text(encoding="utf-8")
    parts = re.split(r"^-- name: (\w+)\n", text, flags=re.MULTILINE)[1:]
    return {
        name: body.strip().rstrip(";").strip()
        for name, body in zip(parts[::2], parts[1::2], strict=True)
    }


def test_the_five_example_queries_answer_on_the_sample(published_home: Home) -> None:
    queries = _example_queries()
    assert list(queries) == [
        "who_led_each_cluster_since_2015",
        "units_ranked_first_three_years_running",
        "award_proposals_breaking_the_rule_in_force",
        "deputies_who_became_leader_next_year",
        "one_unit_across_the_2025_merge",
    ]
    answers = {name: _frame(published_home, sql) for name, sql in queries.items()}
    assert all(frame.height > 0 for frame in answers.values())

    leaders = answers["who_led_each_cluster_since_2015"]
    cum8 = leaders.filter(pl.col("cluster_name") == "Cụm thi đua số 8")
    assert dict(cum8.select("results_year", "leader_name").iter_rows())[2021] == "Sở Ngoại vụ"
    assert leaders["results_year"].min() == 2015 and leaders["cluster_name"].n_unique() >= 19

    streaks = answers["units_ranked_first_three_years_running"]
    assert (streaks["years_first"] >= 3).all()
    assert (streaks["last_year"] - streaks["first_year"] + 1 == streaks["years_first"]).all()

    breaking = answers["award_proposals_breaking_the_rule_in_force"]
    assert set(breaking["regime_id"]) == {"law2003", "decree91", "law2022"}
    assert breaking["is_synthetic"].all()  # the real proposals break no rule

    deputies = answers["deputies_who_became_leader_next_year"]
    real = deputies.filter(~pl.col("is_synthetic"))
    assert real.select("deputy_year", "deputy").rows() == [(2021, "Ban Dân tộc tỉnh Thanh Hóa")]
    assert (deputies["deputy"] == deputies["leader_next_year"]).all()

    merged = answers["one_unit_across_the_2025_merge"]
    names = set(merged["unit_name"])
    assert {"Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"} <= names
    assert merged["results_year"].min() == 2015 and merged["results_year"].max() == 2025


# --- docs -----------------------------------------------------------------------------------


def test_docs_generate_offline_and_every_mart_column_is_described(
    published_home: Home, tmp_path: Path
) -> None:
    home = Home(tmp_path / "docs")
    home.build_dir.mkdir(parents=True)
    shutil.copyfile(published_home.raw_db, home.raw_db)
    shutil.copyfile(published_home.published_db, home.build_db)
    code = run_dbt(home, ["docs", "generate", "--static"]).code
    assert code == 0
    assert (home.dbt_target_dir / "static_index.html").stat().st_size > 100_000
    manifest = json.loads((home.dbt_target_dir / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((home.dbt_target_dir / "catalog.json").read_text(encoding="utf-8"))
    marts = {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["schema"] == "marts"
    }
    assert len(marts) >= 15
    for uid, node in marts.items():
        assert node["description"].strip(), uid
        built = set(catalog["nodes"][uid]["columns"])
        documented = {c for c, spec in node["columns"].items() if spec["description"].strip()}
        assert built <= documented, (uid, sorted(built - documented))
    exposures = {e["label"]: e for e in manifest["exposures"].values()}
    assert len(exposures) == 8  # one per page but the intake page, which reads no mart
    assert all(e["url"].startswith("http://localhost:8501/") for e in exposures.values())


# --- incremental builds ---------------------------------------------------------------------


def _next_year_files(generated: Path, target: Path) -> int:
    """The generated sample's last results year, relabelled NEW_YEAR (dates shifted a year):
    one new year of records of the same shape."""
    target.mkdir(parents=True)
    rows = 0
    for name in ("memberships", "scores", "rankings", "awards", "events"):
        frame = pl.read_csv(generated / f"{name}.csv", infer_schema=False)
        year = frame.filter(pl.col("results_year") == str(NEW_YEAR - 1)).with_columns(
            pl.lit(str(NEW_YEAR)).alias("results_year")
        )
        for column in ("event_date", "end_date", "decision_date"):
            if column in year.columns:
                year = year.with_columns(
                    pl.col(column).str.to_date(strict=False).dt.offset_by("1y").alias(column)
                )
        year.write_csv(target / f"{name}.csv")
        rows += year.height
    return rows


def _build_times(db: Path) -> dict[str, dict[int, object]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            f"{schema}.{table}": dict(
                con.execute(
                    f"select results_year, max(built_at) from {schema}.{table} group by all"
                ).fetchall()
            )
            for schema, tables in YEARLY.items()
            for table in tables
        }
    finally:
        con.close()


def _tables_differ(con: duckdb.DuckDBPyConnection, name: str) -> tuple[int, int, int]:
    """Rows only in the incremental build, only in the full one, and the row count."""
    columns = con.execute(
        """
        select column_name, data_type from duckdb_columns()
        where database_name = 'fresh' and schema_name || '.' || table_name = ?
            and column_name <> 'built_at'
        order by column_index
        """,
        [name],
    ).fetchall()
    # doubles to 1e-9: parallel aggregation does not fix the order of a floating-point sum
    select = ", ".join(
        f'round("{c}", 9) as "{c}"' if kind == "DOUBLE" else f'"{c}"' for c, kind in columns
    )
    only_incremental, only_full, total = con.execute(
        f"""
        select
            (select count(*) from (select {select} from inc.{name}
                except all select {select} from fresh.{name})),
            (select count(*) from (select {select} from fresh.{name}
                except all select {select} from inc.{name})),
            (select count(*) from fresh.{name})
        """
    ).fetchall()[0]
    return int(only_incremental), int(only_full), int(total)


def test_an_incremental_build_of_a_new_year_equals_a_full_refresh(
    published_home: Home, tmp_path: Path
) -> None:
    # The published sample plus one new results year, built incrementally on the published copy.
    incremental = Home(tmp_path / "incremental")
    incremental.root.mkdir()
    shutil.copyfile(published_home.raw_db, incremental.raw_db)
    shutil.copyfile(published_home.published_db, incremental.published_db)
    new_rows = _next_year_files(_generated(published_home), tmp_path / f"year-{NEW_YEAR}")
    report = load_files([tmp_path / f"year-{NEW_YEAR}"], incremental)
    assert not report.rejected and report.quarantined_rows == 0
    assert report.loaded_rows == new_rows > 5_000

    before = _build_times(incremental.published_db)
    built = build_and_publish(incremental)
    after = _build_times(incremental.published_db)
    # only facts arrived: the build redid what those record types feed
    # (thidua.warehouse.build_scope)
    assert built.narrowed_to == ("awards", "events", "memberships", "rankings", "scores")

    # Only the new year was (re)built in every yearly model; every earlier year kept its rows.
    for table, years in after.items():
        rebuilt = {y for y, stamp in years.items() if before[table].get(y) != stamp}
        assert rebuilt == {NEW_YEAR}, (table, sorted(rebuilt))
        assert set(years) == set(before[table]) | {NEW_YEAR}, table

    # A full refresh of the same landing database gives the same warehouse.
    fresh = Home(tmp_path / "full")
    fresh.root.mkdir()
    shutil.copyfile(incremental.raw_db, fresh.raw_db)
    full = build_and_publish(fresh, full_refresh=True)

    _assert_same_warehouse(incremental, fresh)

    # Timings for the report (a one-year build is no full build on a tiny sample: start-up and
    # tests dominate; the benchmark measures it at scale).
    print(
        f"\nfull refresh {full.dbt_seconds:.1f}s, incremental {built.dbt_seconds:.1f}s "
        f"({built.dbt_seconds / full.dbt_seconds:.0%}); yearly models "
        f"{_model_seconds(full)} vs {_model_seconds(built)}"
    )

    # Every load of the new year withdrawn: the year leaves every yearly model again (no row of it
    # is left behind by a build that finds nothing to insert for it), the rest is untouched.
    from thidua.ingest.withdraw import WITHDRAW, act

    for batch in report.batches:
        assert batch.load_id is not None
        act(incremental, str(batch.load_id), WITHDRAW, "nhầm năm")
    withdrawn = build_and_publish(incremental)
    assert withdrawn.narrowed and withdrawn.tests_failed == 0
    gone = _build_times(incremental.published_db)
    for table, years in gone.items():
        assert set(years) == set(before[table]), table
        assert all(years[y] == after[table][y] for y in years), table
    _assert_same_warehouse(incremental, _full_refresh_of(incremental, tmp_path / "full-withdrawn"))


def _assert_same_warehouse(incremental: Home, fresh: Home) -> None:
    """Every staging, intermediate and mart table of the two published warehouses holds the same
    rows (build stamps aside)."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{incremental.published_db}' as inc (read_only)")
        con.execute(f"attach '{fresh.published_db}' as fresh (read_only)")
        tables = [
            f"{schema}.{table}"
            for schema, table in con.execute(
                """
                select schema_name, table_name from duckdb_tables()
                where database_name = 'fresh'
                    and schema_name in ('staging', 'intermediate', 'marts')
                order by all
                """
            ).fetchall()
        ]
        assert {f"{s}.{t}" for s, ts in YEARLY.items() for t in ts} <= set(tables)
        for name in tables:
            only_incremental, only_full, total = _tables_differ(con, name)
            assert (only_incremental, only_full) == (0, 0), name
            assert total > 0, name
    finally:
        con.close()


def _views(home: Home) -> set[tuple[str, str, str]]:
    """The published warehouse's views: schema, name and SQL."""
    con = duckdb.connect(str(home.published_db), read_only=True)
    try:
        rows = con.execute(
            "select schema_name, view_name, sql from duckdb_views() where not internal"
        ).fetchall()
    finally:
        con.close()
    return {(str(a), str(b), str(c)) for a, b, c in rows}


def _full_refresh_of(home: Home, where: Path) -> Home:
    fresh = Home(where)
    fresh.root.mkdir()
    shutil.copyfile(home.raw_db, fresh.raw_db)
    build_and_publish(fresh, full_refresh=True)
    return fresh


def test_a_corrected_roster_then_its_withdrawal_build_only_what_they_feed(
    published_home: Home, tmp_path: Path
) -> None:
    """The analyst's loop: a restated cluster-year (one memberships file) and then the withdrawal
    of that load each rebuild only what memberships feed, and each time the warehouse is the one
    a full refresh gives; a new unit (a dimension) rebuilds everything."""
    from thidua.ingest.withdraw import WITHDRAW, act

    home = Home(tmp_path / "loop")
    home.root.mkdir()
    shutil.copyfile(published_home.raw_db, home.raw_db)
    shutil.copyfile(published_home.published_db, home.published_db)
    roster = pl.read_csv(_generated(published_home) / "memberships.csv", infer_schema=False)
    last = roster.filter(
        (pl.col("results_year") == pl.col("results_year").last())
        & (pl.col("cluster") == pl.col("cluster").last())
    )
    assert last.height > 2
    restated = last.with_columns(pl.lit("member").alias("role"))  # the leader made a member
    correction = tmp_path / "thanh_vien_sua.csv"
    restated.write_csv(correction)
    report = load_files([correction], home)
    assert report.loaded_rows == restated.height and not report.rejected

    corrected = build_and_publish(home)
    assert corrected.narrowed_to == ("memberships",)
    assert not any(n.resource_type == "unit_test" for n in corrected.nodes)
    assert corrected.tests_failed == 0
    _assert_same_warehouse(home, _full_refresh_of(home, tmp_path / "full-1"))
    # the tests a narrowed build did not run keep their last results on the quality page
    results = _frame(home, "select resource_type, count(*) as n from meta.dbt_results group by 1")
    assert dict(results.iter_rows()).get("unit_test", 0) > 0

    load_id = report.batches[0].load_id
    assert load_id is not None
    act(home, str(load_id), WITHDRAW, "sai vai trò")
    withdrawn = build_and_publish(home)
    assert withdrawn.narrowed_to == ("memberships",)
    # the first build of this copied home had no dbt manifest and took every model reading the
    # ledger; this one reads the graph and leaves out the other record types' staging
    built = {n.name for n in withdrawn.nodes if n.resource_type == "model"}
    assert "stg_raw__units" not in built and "stg_raw__organizers" not in built
    assert "stg_raw__load_actions" in built and "stg_raw__memberships" in built
    assert len(withdrawn.nodes) < len(corrected.nodes)
    _assert_same_warehouse(home, _full_refresh_of(home, tmp_path / "full-2"))

    # A file thidua cannot read as any record type is rejected: only the bookkeeping is new, and
    # the build redoes the data-quality tables alone, which then list the rejected file.
    stray = tmp_path / "ghi_chu.csv"
    stray.write_text("ghi chú,ngày\nhọp cụm,01/02/2024\n", encoding="utf-8")
    assert load_files([stray], home).rejected
    rejected = build_and_publish(home)
    assert rejected.narrowed and rejected.narrowed_to == ()
    built = {n.name for n in rejected.nodes if n.resource_type == "model"}
    assert "load_ledger" in built and "stg_raw__memberships" not in built
    assert not any(name.startswith(("fct_", "dim_", "mart_")) for name in built)
    ledger = _frame(home, "select file_name, status from quality.load_ledger")
    assert ("ghi_chu.csv", "rejected") in set(ledger.iter_rows())
    _assert_same_warehouse(home, _full_refresh_of(home, tmp_path / "full-3"))

    units = tmp_path / "don_vi.csv"
    units.write_text(
        "unit_id,name,unit_type,organizer\n"
        "th-test-moi,Sở Thử nghiệm,department,UBND tỉnh Thanh Hóa\n",
        encoding="utf-8",
    )
    assert load_files([units], home).loaded_rows == 1
    assert build_and_publish(home).narrowed_to == ()


def _restated_roster(published_home: Home, folder: Path, which: str) -> tuple[Path, int]:
    """One cluster-year's roster (the sample's first or last), every role restated as member:
    a corrected roster file, and its row count."""
    roster = pl.read_csv(_generated(published_home) / "memberships.csv", infer_schema=False)
    pick = pl.col("results_year").first(), pl.col("cluster").first()
    if which == "last":
        pick = pl.col("results_year").last(), pl.col("cluster").last()
    chosen = roster.filter((pl.col("results_year") == pick[0]) & (pl.col("cluster") == pick[1]))
    correction = folder / "thanh_vien_sua.csv"
    chosen.with_columns(pl.lit("member").alias("role")).write_csv(correction)
    return correction, chosen.height


def test_a_narrowed_build_judges_the_tests_dbt_would_run_in_one_batch(
    published_home: Home, tmp_path: Path
) -> None:
    """After a full build, a corrected roster's build lets dbt build the models and judges their
    data tests itself, from the SQL dbt compiled: the same tests, with the same results, as when
    dbt runs them (a twin home without the kept SQL), and the same warehouse."""
    from thidua.warehouse.batched_tests import KEPT_FILE, THREAD

    home = Home(tmp_path / "batched")
    home.root.mkdir()
    shutil.copyfile(published_home.raw_db, home.raw_db)
    build_and_publish(home, full_refresh=True)
    assert (home.build_dir / KEPT_FILE).exists()

    correction, rows = _restated_roster(published_home, tmp_path, "first")
    assert load_files([correction], home).loaded_rows == rows

    twin = Home(tmp_path / "dbt-runs-the-tests")
    shutil.copytree(home.root, twin.root)
    (twin.build_dir / KEPT_FILE).unlink()

    batched = build_and_publish(home)
    by_dbt = build_and_publish(twin)
    assert batched.narrowed_to == by_dbt.narrowed_to == ("memberships",)

    def tests(result: BuildResult) -> set[tuple[str, str]]:
        return {(n.unique_id, n.status) for n in result.nodes if n.resource_type == "test"}

    def models(result: BuildResult) -> set[str]:
        return {n.unique_id for n in result.nodes if n.resource_type == "model"}

    assert len(tests(batched)) > 100
    # the same tests, those of the views included, though dbt left the views out: their SQL is
    # the published copy's, and only the rows under them changed
    assert tests(batched) == tests(by_dbt)
    views = {"model.thidua.stg_raw__memberships", "model.thidua.stg_raw__load_ledger"}
    assert views <= models(by_dbt) and not views & models(batched)
    assert models(batched) < models(by_dbt)
    assert _views(home) == _views(twin) and len(_views(home)) > 10
    assert batched.tests_passed == by_dbt.tests_passed and batched.tests_failed == 0
    ran = json.loads((home.dbt_target_dir / "run_results.json").read_text(encoding="utf-8"))
    threads = {r["thread_id"] for r in ran["results"] if r["unique_id"].startswith("test.")}
    assert threads == {THREAD}
    _assert_same_warehouse(home, twin)
    # the quality page's record of the build lists the batched tests as dbt's
    stored = _frame(home, "select count(*) as n from meta.dbt_results where status = 'pass'")
    assert stored.item() >= batched.tests_passed


def test_a_whole_build_after_one_through_dbt_judges_the_tests_in_one_batch(
    published_home: Home, tmp_path: Path
) -> None:
    """A new alias builds every model (build_scope), on the project whose every test dbt ran and
    passed at the home's last build: the data tests are judged in one batch with dbt's results,
    the unit tests are not run again (the result says so), and the warehouse is the one a twin
    home gets from dbt running everything. `--full-refresh` runs everything through dbt again."""
    from thidua.ingest.aliases import add_alias
    from thidua.ingest.landing import open_raw
    from thidua.warehouse.batched_tests import KEPT_FILE, THREAD

    home = Home(tmp_path / "whole")
    home.root.mkdir()
    shutil.copyfile(published_home.raw_db, home.raw_db)
    build_and_publish(home, full_refresh=True)
    with open_raw(home.raw_db) as raw:
        add_alias(raw, "Sở GD thử nghiệm", "th-so-gddt", None, None, None, None, "thử")

    twin = Home(tmp_path / "dbt-runs-everything")
    shutil.copytree(home.root, twin.root)
    (twin.build_dir / KEPT_FILE).unlink()

    batched = build_and_publish(home)
    by_dbt = build_and_publish(twin)
    assert not batched.narrowed and not by_dbt.narrowed

    def of_type(result: BuildResult, kind: str) -> set[tuple[str, str]]:
        return {(n.unique_id, n.status) for n in result.nodes if n.resource_type == kind}

    assert len(of_type(batched, "test")) > 400
    assert of_type(batched, "test") == of_type(by_dbt, "test")
    assert of_type(batched, "model") == of_type(by_dbt, "model")
    assert batched.unit_tests_passed_before and not of_type(batched, "unit_test")
    assert not by_dbt.unit_tests_passed_before and of_type(by_dbt, "unit_test")
    ran = json.loads((home.dbt_target_dir / "run_results.json").read_text(encoding="utf-8"))
    threads = {r["thread_id"] for r in ran["results"] if r["unique_id"].startswith("test.")}
    assert threads == {THREAD}
    _assert_same_warehouse(home, twin)
    aliases = _frame(home, "select alias from marts.dim_unit_alias where unit_id = 'th-so-gddt'")
    assert "Sở GD thử nghiệm" in aliases["alias"].to_list()
    # the quality page still lists the unit tests, with the results of the build that ran them
    stored = _frame(
        home, "select count(*) as n from meta.dbt_results where resource_type = 'unit_test'"
    )
    assert stored.item() == len(of_type(by_dbt, "unit_test"))

    refreshed = build_and_publish(home, full_refresh=True)
    assert of_type(refreshed, "unit_test") and not refreshed.unit_tests_passed_before
    assert of_type(refreshed, "test") == of_type(by_dbt, "test")


def test_a_renamed_unit_rebuilds_every_year_of_the_models_that_read_units_and_no_other(
    published_home: Home, tmp_path: Path
) -> None:
    """A dimension changed by a load: a unit reference record restated with a new name. Every
    results year of the yearly models that read units is rebuilt, the models of scores alone
    (which do not read them) keep their years, and the warehouse is the one a full refresh gives;
    so is the one before, where the unit first joined a cluster of an early year."""
    home = Home(tmp_path / "dimension")
    home.root.mkdir()
    shutil.copyfile(published_home.raw_db, home.raw_db)
    shutil.copyfile(published_home.published_db, home.published_db)
    first_year = int(_frame(home, "select min(results_year) from marts.fct_cluster_year").item())

    def units_record(name: str) -> Path:
        path = tmp_path / f"don_vi_{len(name)}.csv"
        path.write_text(
            "unit_id,name,unit_type,organizer\n"
            f"th-test-moi,{name},department,UBND tỉnh Thanh Hóa\n",
            encoding="utf-8",
        )
        return path

    roster = tmp_path / "thanh_vien_moi.csv"
    roster.write_text(
        "organizer,cluster,results_year,unit,role,source_kind,source_ref\n"
        f"UBND tỉnh Thanh Hóa,Cụm thi đua số 1,{first_year},Sở Thử nghiệm,member,"
        "official,bien-ban-bo-sung\n",
        encoding="utf-8",
    )
    assert load_files([units_record("Sở Thử nghiệm")], home).loaded_rows == 1
    joined = load_files([roster], home)
    assert joined.loaded_rows == 1 and joined.quarantined_rows == 0, joined.batches
    build_and_publish(home)
    _assert_same_warehouse(home, _full_refresh_of(home, tmp_path / "full-1"))

    before = _build_times(home.published_db)
    assert load_files([units_record("Sở Thử nghiệm Khoa học")], home).loaded_rows == 1
    build_and_publish(home)
    after = _build_times(home.published_db)
    # the staging of scores and the two aggregates of scores read no unit reference
    reads_scores_only = {
        "staging.stg_raw__scores",
        "intermediate.int_score_mentions_aggregated",
        "intermediate.int_unit_year_scores_aggregated",
    }
    for table, years in after.items():
        rebuilt = {y for y, stamp in years.items() if before[table].get(y) != stamp}
        expected = set() if table in reads_scores_only else set(before[table])
        assert rebuilt == expected, (table, sorted(rebuilt ^ expected))
    named = _frame(
        home,
        "select distinct unit_name from marts.fct_unit_year_scores where unit_id = 'th-test-moi'",
    )
    assert named["unit_name"].to_list() == ["Sở Thử nghiệm Khoa học"]
    _assert_same_warehouse(home, _full_refresh_of(home, tmp_path / "full-2"))


def _model_seconds(result: object) -> str:
    names = {t for tables in YEARLY.values() for t in tables}
    nodes = getattr(result, "nodes", [])
    total = sum(n.execution_seconds for n in nodes if n.name in names)
    return f"{total:.2f}s"


def _exited(pid: int, within: float) -> bool:
    """Whether the process ended within `within` seconds (a zombie this process has not reaped
    yet has ended)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def test_a_build_runs_in_the_dbt_process_the_build_before_left_waiting(
    published_home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a build, a dbt process waits for the home with the project parsed; the next build
    runs in it (and gives the warehouse a dbt command gives), which then leaves and starts the
    next one. One started with other settings stands aside for a dbt command; one whose home is
    gone leaves."""
    from thidua.warehouse import warm_dbt

    monkeypatch.setenv(warm_dbt.SWITCH, "1")
    home = Home(tmp_path / "warm")
    home.root.mkdir()
    shutil.copyfile(published_home.raw_db, home.raw_db)
    shutil.copyfile(published_home.published_db, home.published_db)
    try:
        assert not build_and_publish(home, full_refresh=True).dbt_warm
        first = warm_dbt.wait_ready(home, 120)
        assert first is not None

        correction, rows = _restated_roster(published_home, tmp_path, "last")
        assert load_files([correction], home).loaded_rows == rows
        cold = Home(tmp_path / "cold")
        shutil.copytree(home.root, cold.root)

        said: list[str] = []
        warm = build_and_publish(home, progress=said.append)
        assert warm.dbt_warm and warm_dbt.READY_LINE in said
        assert warm.narrowed_to == ("memberships",) and warm.tests_failed == 0
        assert any("Completed successfully" in line for line in said)  # dbt's own output
        monkeypatch.setenv(warm_dbt.SWITCH, "0")
        by_command = build_and_publish(cold)
        monkeypatch.setenv(warm_dbt.SWITCH, "1")
        assert not by_command.dbt_warm
        assert {(n.unique_id, n.status) for n in warm.nodes} == {
            (n.unique_id, n.status) for n in by_command.nodes
        }
        _assert_same_warehouse(home, cold)
        assert _exited(first, 30)  # it served one build

        # started with dbt's file log at info; a build that asks for debug gets a dbt command
        second = warm_dbt.wait_ready(home, 120)
        assert second is not None and second != first
        assert load_files([correction], home, force=True).loaded_rows == rows
        monkeypatch.setenv("DBT_LOG_LEVEL_FILE", "debug")
        refused = build_and_publish(home)
        assert not refused.dbt_warm and refused.tests_failed == 0
        assert _exited(second, 30)

        third = warm_dbt.wait_ready(home, 120)
        assert third is not None
        shutil.rmtree(home.root)
        assert _exited(third, 60)
    finally:
        warm_dbt.stop(home)
