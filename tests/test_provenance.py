"""Every value knows its own source: the marts' per-value provenance on the bundled sample, and
the dbt tests that guard it, shown to catch a generated value dressed as a real one.

Runs on the session warehouse (`published_home`: the real generator, loader, GX and dbt).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from thidua.paths import Home
from thidua.query.read import read_query

pytestmark = pytest.mark.integration

GUARDS = ("assert_generated_values_labelled_generated", "assert_article_values_are_stated")


def _unit_year(home: Home, cluster_id: str, year: int, unit_id: str) -> dict[str, object]:
    frame = read_query(
        home.published_db,
        """
        select * from marts.fct_unit_year_scores
        where cluster_id = $cluster and results_year = $year and unit_id = $unit
        """,
        {"cluster": cluster_id, "year": year, "unit": unit_id},
    )
    assert frame.height == 1
    return frame.row(0, named=True)


def test_a_real_row_with_generated_scores_says_so_value_by_value(published_home: Home) -> None:
    # article:002 names Sở Tư pháp a member of Cụm 8 in 2021, ranked second; its score is generated
    row = _unit_year(published_home, "th-ubnd:cum-08", 2021, "th-so-tu-phap")
    assert row["is_synthetic"] is False
    assert row["source_mix"] == "mixed"
    assert row["membership_source_kind"] == "article"
    assert row["membership_source_ref"] == "article:002"
    assert row["declared_rank"] == 2
    assert row["is_rank_synthetic"] is False
    assert row["rank_source_ref"] == "article:002"
    assert row["final_score"] is not None
    assert row["is_score_synthetic"] is True
    assert row["score_source_kind"] == "synthetic"
    assert str(row["score_source_ref"]).startswith("synthetic:")
    # the declared ranking counts, and it is the article's
    assert row["effective_rank"] == 2
    assert row["is_effective_rank_synthetic"] is False
    assert row["is_rank_by_score_synthetic"] is True


def test_no_real_labelled_score_rests_on_a_generated_row(published_home: Home) -> None:
    counts = read_query(
        published_home.published_db,
        """
        select
            count(*) filter (where final_score is not null and not is_score_synthetic
                and score_source_kind = 'synthetic') as real_flag_generated_kind,
            count(*) filter (where is_score_synthetic and score_source_kind not in
                ('synthetic', 'mixed')) as generated_flag_real_kind,
            count(*) filter (where not is_synthetic and source_mix = 'synthetic') as bad_mix,
            count(*) filter (where not is_synthetic and is_score_synthetic) as mixed_rows
        from marts.fct_unit_year_scores
        """,
    ).row(0, named=True)
    assert counts["real_flag_generated_kind"] == 0
    assert counts["generated_flag_real_kind"] == 0
    assert counts["bad_mix"] == 0
    # the sample has real rows with generated scores (the case the columns exist for)
    assert counts["mixed_rows"] > 0


def test_a_cluster_year_labels_leader_scores_and_events_apart(published_home: Home) -> None:
    row = read_query(
        published_home.published_db,
        """
        select * from marts.fct_cluster_year
        where cluster_id = 'th-ubnd:cum-08' and results_year = 2021
        """,
    ).row(0, named=True)
    assert row["leader_unit_id"] == "th-so-ngoai-vu"
    assert (row["is_leader_synthetic"], row["leader_source_ref"]) == (False, "article:002")
    assert (row["top_unit_id"], row["top_unit_source_ref"]) == ("th-ban-dan-toc", "article:002")
    assert row["is_top_unit_synthetic"] is False
    assert row["is_score_synthetic"] is True
    assert row["score_source_kind"] == "synthetic"
    assert row["source_mix"] == "mixed"


def _guard_sql(home: Home, name: str) -> str:
    compiled = home.dbt_target_dir / "compiled" / "thidua" / "data-tests" / f"{name}.sql"
    return compiled.read_text(encoding="utf-8")


def _problems(home: Home, db: Path, sql: str) -> pl.DataFrame:
    """The guard's compiled SQL on `db`; staging views read the landing database as `raw`."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute(f"attach '{home.raw_db}' as raw (read_only)")
        problems: pl.DataFrame = con.sql(sql).pl()
        return problems
    finally:
        con.close()


@pytest.fixture
def tampered_copy(published_home: Home, tmp_path: Path) -> Path:
    """A copy of the warehouse (same file name: compiled SQL names the catalog `thidua`)."""
    copy = tmp_path / published_home.published_db.name
    shutil.copyfile(published_home.published_db, copy)
    return copy


@pytest.mark.parametrize("guard", GUARDS)
def test_the_guards_pass_on_the_published_warehouse(
    published_home: Home, tampered_copy: Path, guard: str
) -> None:
    assert _problems(published_home, tampered_copy, _guard_sql(published_home, guard)).height == 0


def test_a_generated_score_labelled_as_the_article_is_caught(
    published_home: Home, tampered_copy: Path
) -> None:
    con = duckdb.connect(str(tampered_copy))
    con.execute(
        """
        update marts.fct_unit_year_scores
        set is_score_synthetic = false, score_source_kind = 'article',
            score_source_ref = 'article:002'
        where cluster_id = 'th-ubnd:cum-08' and results_year = 2021
            and unit_id = 'th-so-tu-phap'
        """
    )
    con.close()
    generated = _problems(
        published_home,
        tampered_copy,
        _guard_sql(published_home, "assert_generated_values_labelled_generated"),
    )
    assert ("fct_unit_year_scores", "score", "th-so-tu-phap") in {
        (r["mart"], r["value_group"], r["unit_id"]) for r in generated.iter_rows(named=True)
    }
    stated = _problems(
        published_home,
        tampered_copy,
        _guard_sql(published_home, "assert_article_values_are_stated"),
    )
    assert "fct_unit_year_scores.score" in stated["cited_value"].to_list()


def test_a_generated_criterion_score_labelled_real_is_caught(
    published_home: Home, tampered_copy: Path
) -> None:
    # the criterion scores are a view over staging: a view that dropped the generated flag of one
    # unit-year's rows (its source kind read as official) must fail the guard, naming the unit
    con = duckdb.connect(str(tampered_copy))
    con.execute("alter view marts.fct_criterion_scores rename to fct_criterion_scores_as_built")
    con.execute(
        """
        create view marts.fct_criterion_scores as
        select * replace (
            is_synthetic and not tampered as is_synthetic,
            case when tampered then 'official' else source_kind end as source_kind
        )
        from (
            select
                *,
                cluster_id = 'th-ubnd:cum-08' and results_year = 2021
                    and unit_id = 'th-so-tu-phap' as tampered
            from marts.fct_criterion_scores_as_built
        )
        """
    )
    con.close()
    generated = _problems(
        published_home,
        tampered_copy,
        _guard_sql(published_home, "assert_generated_values_labelled_generated"),
    )
    rows = [r for r in generated.iter_rows(named=True) if r["mart"] == "fct_criterion_scores"]
    assert [(r["cluster_id"], r["results_year"], r["unit_id"]) for r in rows] == [
        ("th-ubnd:cum-08", 2021, "th-so-tu-phap")
    ]
    assert rows[0]["labelled_kind"].startswith("0 of ")


def test_an_article_cited_for_a_rank_it_does_not_state_is_caught(
    published_home: Home, tampered_copy: Path
) -> None:
    con = duckdb.connect(str(tampered_copy))
    # article:002 ranks Sở Tư pháp second in 2021; claim it said first
    con.execute(
        """
        update marts.fct_unit_year_scores set declared_rank = 1
        where cluster_id = 'th-ubnd:cum-08' and results_year = 2021
            and unit_id = 'th-so-tu-phap'
        """
    )
    con.close()
    stated = _problems(
        published_home,
        tampered_copy,
        _guard_sql(published_home, "assert_article_values_are_stated"),
    )
    assert stated.filter(pl.col("cited_value") == "fct_unit_year_scores.declared_rank").height == 1
