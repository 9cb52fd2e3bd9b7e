"""The five seed articles end to end, as an analyst would run them from a shell: `thidua extract`
→ mark every row accepted → `thidua load` → `thidua build`. The warehouse then holds the facts
the articles state, cited to them, and the dbt article tests (data-tests/assert_article_*) pass:
no fact missing, none altered, none the articles do not state.
"""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import duckdb
import pytest

from thidua.cli import main
from thidua.paths import PROJECT_ROOT, Home

pytestmark = pytest.mark.integration

ARTICLES = PROJECT_ROOT.parent / "shared" / "articles"


def _cli(home: Home, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--home", str(home.root), *args])
    return code, out.getvalue() + err.getvalue()


def _accept_all(folder: Path) -> int:
    """What a reviewer does after reading every row: mark it accepted (x)."""
    accepted = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            row["accept"] = "x"
        accepted += len(rows)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return accepted


def test_the_seed_articles_extract_load_and_build_into_their_facts(tmp_path: Path) -> None:
    home = Home(tmp_path / "home")
    out = tmp_path / "review"
    code, said = _cli(
        home, "extract", str(ARTICLES), "--out", str(out), "--organizer", "UBND tỉnh Thanh Hóa"
    )
    assert code == 0, said
    # the articles are catalogued sources (seeds/sources.csv): no sources.csv to review; the
    # leaders elected for 2022 sit in the 2022 roster the covenant carries, not in leadership
    assert {p.name for p in out.glob("*.csv")} == {
        "events.csv",
        "memberships.csv",
        "rankings.csv",
        "awards.csv",
    }

    # Nothing loads unreviewed: the folder as written proposes, it does not load.
    code, said = _cli(home, "load", str(out))
    assert code == 0, said
    with duckdb.connect(str(home.raw_db), read_only=True) as con:
        assert con.execute("select count(*) from memberships").fetchall() == [(0,)]

    assert _accept_all(out) > 40
    code, said = _cli(home, "load", str(out))
    assert code == 0, said
    assert "cách ly 0" in said and "tệp bị từ chối" in said, said
    code, said = _cli(home, "build")
    assert code == 0, said  # the article tests are build gates: they passed

    with duckdb.connect(str(home.published_db), read_only=True) as con:
        members = con.execute(
            "select cluster_id, results_year, count(*), count(role) from marts.fct_memberships "
            "group by all order by all"
        ).fetchall()
        ranks = con.execute(
            "select unit_id, declared_rank, rank_source_ref from marts.fct_unit_year_scores "
            "where declared_rank is not null order by declared_rank"
        ).fetchall()
    assert members == [
        ("th-ubnd:cum-05", 2022, 8, 1),
        ("th-ubnd:cum-05", 2024, 8, 0),
        ("th-ubnd:cum-07", 2016, 6, 0),
        ("th-ubnd:cum-08", 2021, 8, 2),
        ("th-ubnd:cum-08", 2022, 8, 2),
    ]
    assert ranks == [
        ("th-ban-dan-toc", 1, "article:002"),
        ("th-so-tu-phap", 2, "article:002"),
        ("th-so-noi-vu", 3, "article:002"),
    ]
