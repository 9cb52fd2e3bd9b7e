"""The whole pipeline on the bundled sample: generate → load → GX → dbt build → publish.

These tests run the real parts (DuckDB, Great Expectations, dbt) into a temporary home and check
the published marts against what the five seed articles state.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest
from tests.conftest import ARTICLES_DIR

from thidua.demo import run_demo
from thidua.normalize import match_key
from thidua.paths import Home
from thidua.query.read import read_query
from thidua.warehouse.build import build_and_publish

pytestmark = pytest.mark.integration

MART_TABLES = (
    "dim_organizer",
    "dim_cluster",
    "dim_unit",
    "dim_award_type",
    "fct_memberships",
    "fct_unit_year_scores",
    "fct_awards",
    "fct_events",
    "fct_cluster_year",
)


def _rows(home: Home, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in read_query(home.published_db, sql).rows()]


def test_cluster_8_ranking_of_2021_is_the_articles(published_home: Home) -> None:
    rows = _rows(
        published_home,
        """
        select unit_name, declared_rank, source_ref, is_synthetic
        from marts.fct_unit_year_scores
        where cluster_id = 'th-ubnd:cum-08' and results_year = 2021 and declared_rank is not null
        order by declared_rank
        """,
    )
    assert rows == [
        ("Ban Dân tộc tỉnh Thanh Hóa", 1, "article:002", False),
        ("Sở Tư pháp", 2, "article:002", False),
        ("Sở Nội vụ", 3, "article:002", False),
    ]


def test_leaders_and_deputies_the_articles_state(published_home: Home) -> None:
    rows = _rows(
        published_home,
        """
        select cluster_id, results_year, role, unit_id
        from marts.fct_memberships
        where not is_synthetic and role in ('leader', 'deputy')
        order by cluster_id, results_year, role desc
        """,
    )
    assert rows == [
        ("th-ubnd:cum-05", 2022, "leader", "th-so-gddt"),
        ("th-ubnd:cum-08", 2021, "leader", "th-so-ngoai-vu"),
        ("th-ubnd:cum-08", 2021, "deputy", "th-ban-dan-toc"),
        ("th-ubnd:cum-08", 2022, "leader", "th-ban-dan-toc"),
        ("th-ubnd:cum-08", 2022, "deputy", "th-so-tu-phap"),
    ]


def test_rosters_by_year(published_home: Home) -> None:
    counts = {
        (str(c), int(str(y))): int(str(n))
        for c, y, n in _rows(
            published_home,
            """
            select cluster_id, results_year, count(*) from marts.fct_memberships
            where not is_synthetic group by all
            """,
        )
    }
    assert counts == {
        ("th-ubnd:cum-05", 2022): 8,
        ("th-ubnd:cum-05", 2024): 8,
        ("th-ubnd:cum-07", 2016): 6,
        ("th-ubnd:cum-08", 2021): 8,
        ("th-ubnd:cum-08", 2022): 8,
    }


def test_events_and_their_dates(published_home: Home) -> None:
    rows = _rows(
        published_home,
        """
        select cluster_id, results_year, event_type, strftime(event_date, '%d/%m/%Y'), host_unit_id
        from marts.fct_events where not is_synthetic order by event_date, event_type
        """,
    )
    assert rows == [
        ("th-ubnd:cum-07", 2016, "year_end_review", "14/12/2016", "th-ldld"),
        ("th-ubnd:cum-08", 2022, "covenant_signing", "14/01/2022", None),
        ("th-ubnd:cum-08", 2021, "year_end_review", "14/01/2022", None),
        ("th-ubnd:khoi-cac-co-quan-dang-tinh", 2022, "mid_year_review", "30/06/2022", None),
        ("th-ubnd:khoi-cac-co-quan-dang-tinh", 2022, "campaign_launch", "01/07/2022", None),
        ("th-ubnd:cum-05", 2022, "mid_year_review", "15/07/2022", None),
        ("th-ubnd:cum-05", 2024, "mid_year_review", "30/07/2024", None),
    ]


def test_cluster_7_flag_proposals_keep_the_unit_unknown(published_home: Home) -> None:
    rows = _rows(
        published_home,
        """
        select award_type_code, status, unit_id, is_unit_known
        from marts.fct_awards where cluster_id = 'th-ubnd:cum-07' and results_year = 2016
        order by award_type_code
        """,
    )
    assert rows == [("GOV_FLAG", "proposed", None, False), ("PROV_FLAG", "proposed", None, False)]


def test_every_real_name_is_written_in_its_source_article(published_home: Home) -> None:
    """Provenance that can be checked: the name as stored appears in the article it cites."""
    articles = {
        f"article:{path.name[:3]}": match_key(path.read_text(encoding="utf-8"))
        for path in ARTICLES_DIR.glob("*.txt")
    }
    assert len(articles) == 5
    names = _rows(
        published_home,
        """
        select source_ref, unit_name_raw from marts.fct_memberships where not is_synthetic
        union all
        select source_ref, host_name_raw from marts.fct_events
        where not is_synthetic and host_name_raw is not null
        """,
    )
    assert names
    for source_ref, written in names:
        key = match_key(str(written))
        # the LĐLĐ host is written "Liên đoàn Lao động (LĐLĐ) tỉnh" in the article
        in_article = key in articles[str(source_ref)] or key == match_key("LĐLĐ tỉnh")
        assert in_article, (source_ref, written)


def test_real_and_synthetic_are_told_apart(published_home: Home) -> None:
    rows = {
        bool(flag): int(str(n))
        for flag, n in _rows(
            published_home, "select is_synthetic, count(*) from marts.fct_memberships group by all"
        )
    }
    assert rows[False] == 38
    assert rows[True] > 1000
    sources = _rows(
        published_home,
        """
        select distinct source_kind from marts.fct_memberships where is_synthetic
        union all
        select distinct source_kind from marts.fct_memberships where not is_synthetic
        """,
    )
    assert sorted(str(s) for (s,) in sources) == ["article", "synthetic"]


def test_publish_records_its_tests(published_home: Home) -> None:
    ((passed, failed),) = _rows(
        published_home, "select tests_passed, tests_failed from meta.publish_log"
    )
    assert int(str(passed)) > 100 and failed == 0


def _table_counts(home: Home) -> dict[str, int]:
    return {
        table: int(str(_rows(home, f"select count(*) from marts.{table}")[0][0]))
        for table in MART_TABLES
    }


def test_a_second_run_duplicates_nothing_and_readers_never_block_it(tmp_path: Path) -> None:
    home = Home(tmp_path / "home")
    run_demo(home, seed=1, progress=lambda _line: None, quiet_dbt=True)
    before = _table_counts(home)
    raw_before = duckdb.connect(str(home.raw_db), read_only=True)
    ledger_before = raw_before.execute("select count(*) from load_ledger").fetchall()[0][0]
    raw_before.close()

    published_before = home.published_db.stat().st_mtime_ns

    # The same content again: no new ledger rows, so nothing to build and nothing published.
    said: list[str] = []
    run_demo(home, seed=1, progress=said.append, quiet_dbt=True)
    raw_after = duckdb.connect(str(home.raw_db), read_only=True)
    ledger_after = raw_after.execute("select count(*) from load_ledger").fetchall()[0][0]
    raw_after.close()
    assert ledger_after == ledger_before, "re-loading the same content adds no ledger rows"
    assert home.published_db.stat().st_mtime_ns == published_before
    assert any("nothing new, the published warehouse stands" in line for line in said), said

    # A reader holds the published file open (as the dashboard or a SQL client would) during a
    # whole rebuild; publishing must neither wait for it nor break it.
    reader = duckdb.connect()
    reader.execute(f"attach '{home.published_db}' as wh (read_only)")
    build_and_publish(home, full_refresh=True)
    assert (
        reader.execute("select count(*) from wh.marts.fct_memberships").fetchall()[0][0]
        == (before["fct_memberships"])
    )
    reader.close()

    assert _table_counts(home) == before
    # the publish log is a history: one row per publish, data rows unchanged
    assert _rows(home, "select count(*) from meta.publish_log") == [(2,)]


def test_a_failed_build_leaves_the_published_warehouse(
    published_home: Home, tmp_path: Path
) -> None:
    home = Home(tmp_path)
    home.root.mkdir(exist_ok=True)
    # A copy of the published sample, with a landing database whose facts break an article test.
    (home.published_db).write_bytes(published_home.published_db.read_bytes())
    home.raw_db.write_bytes(published_home.raw_db.read_bytes())
    con = duckdb.connect(str(home.raw_db))
    con.execute(
        "update rankings set rank = 5 where unit_id = 'th-so-tu-phap' and results_year = 2021"
    )
    con.close()
    stamp = home.published_db.stat().st_mtime_ns
    from thidua.warehouse.build import BuildFailed

    # the landing database was edited by hand, not through a load: only a full build sees it
    assert build_and_publish(home).up_to_date
    with pytest.raises(BuildFailed):
        build_and_publish(home, full_refresh=True)
    assert home.published_db.stat().st_mtime_ns == stamp
    assert _rows(
        home,
        "select declared_rank from marts.fct_unit_year_scores "
        "where unit_id = 'th-so-tu-phap' and results_year = 2021 "
        "and cluster_id = 'th-ubnd:cum-08'",
    ) == [(2,)]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_sql_answers_while_the_dashboard_runs(published_home: Home) -> None:
    port = _free_port()
    thidua = str(Path(sys.executable).with_name("thidua"))
    env = dict(os.environ, THIDUA_HOME=str(published_home.root))
    server = subprocess.Popen(
        [thidua, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health") as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        result = subprocess.run(
            [
                thidua,
                "sql",
                "select leader_name from marts.fct_cluster_year "
                "where cluster_id = 'th-ubnd:cum-05' and results_year = 2022",
                "--format",
                "csv",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == ["leader_name", "Sở Giáo dục và Đào tạo"]
    finally:
        server.terminate()
        server.wait(timeout=30)
