"""The minimal floor: the headline facts straight from the record files, in one DuckDB session.

What an analyst fluent in SQL would write instead of thidua: read the generated files, and in a
handful of queries compute the unit-year scores (self score, peers' mean, final score, maximum,
share of maximum, rank by score), the cluster-year leader and top three, and the awards counted
by status. No normalisation, no name resolution, no quality gate, no tests, no history, no
publishing: the least work that yields the numbers the dashboard leads with. Every stage of the
pipeline is reported against it, so a ratio says how much thidua costs over the bare answer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

# The organiser is part of every key: "Cụm thi đua số 1" exists in every province.
_CLUSTER_YEAR = "organizer, cluster, results_year"
_KEY = f"{_CLUSTER_YEAR}, unit"


@dataclass(frozen=True)
class MinimalFloor:
    seconds: float
    unit_years: int
    cluster_years: int
    award_rows: int


def _source(folder: Path, name: str) -> str | None:
    """A DuckDB table function over every file of a record type (scores may be split per year,
    and the national tier keeps Thanh Hóa in a subfolder)."""
    parquet = sorted(str(p) for p in folder.rglob(f"{name}*.parquet"))
    csv = sorted(str(p) for p in folder.rglob(f"{name}*.csv"))
    parts = []
    if parquet:
        parts.append(f"select * from read_parquet({parquet!r}, union_by_name = true)")
    if csv:
        parts.append(f"select * from read_csv({csv!r}, union_by_name = true, all_varchar = true)")
    if not parts:
        return None
    return " union all by name ".join(f"({part})" for part in parts)


def _facts_sql(scores: str, memberships: str, awards: str) -> list[str]:
    """The three headline tables, each one statement."""
    unit_year = f"""
        create table unit_year as
        with typed as (
            select {_KEY}, criterion, scorer,
                cast(points as double) + coalesce(cast(bonus as double), 0) as total,
                cast(max_points as double) as max_points
            from ({scores})
        ),
        self_score as (
            select {_KEY}, sum(total) as self_score from typed where scorer = unit group by all
        ),
        per_scorer as (
            select {_KEY}, scorer, sum(total) as total
            from typed where scorer is not null and scorer <> unit group by all
        ),
        peer_score as (select {_KEY}, avg(total) as peer_score from per_scorer group by all),
        maximum as (
            select {_KEY}, sum(max_points) as max_score
            from (select distinct {_KEY}, criterion, max_points from typed) group by all
        )
        select m.*, s.self_score, p.peer_score,
            coalesce(p.peer_score, s.self_score) as final_score,
            coalesce(p.peer_score, s.self_score) / m.max_score as share_of_max,
            rank() over (
                partition by m.organizer, m.cluster, m.results_year
                order by coalesce(p.peer_score, s.self_score) desc
            ) as rank_by_score
        from maximum as m
        left join self_score as s using ({_KEY})
        left join peer_score as p using ({_KEY})
    """
    cluster_year = f"""
        create table cluster_year as
        select {_CLUSTER_YEAR},
            count(*) as member_count,
            max(unit) filter (where role = 'leader') as leader,
            (select list(u.unit order by u.rank_by_score) from unit_year as u
             where u.organizer = ms.organizer and u.cluster = ms.cluster
               and u.results_year = ms.results_year and u.rank_by_score <= 3) as top_three,
            (select avg(u.share_of_max) from unit_year as u
             where u.organizer = ms.organizer and u.cluster = ms.cluster
               and u.results_year = ms.results_year) as mean_share_of_max
        from ({memberships}) as ms
        group by all
    """
    awards_by_status = f"""
        create table awards_by_status as
        select {_CLUSTER_YEAR}, award_type, status, count(*) as awards
        from ({awards}) group by all
    """
    return [unit_year, cluster_year, awards_by_status]


def build_headline_facts(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Create the tables unit_year, cluster_year and awards_by_status in `con` from the record
    files under `folder`."""
    scores = _source(folder, "scores")
    memberships = _source(folder, "memberships")
    awards = _source(folder, "awards")
    if scores is None or memberships is None or awards is None:
        raise FileNotFoundError(f"{folder}: scores, memberships and awards files are needed")
    for statement in _facts_sql(scores, memberships, awards):
        con.execute(statement)


def run_minimal_floor(folder: Path) -> MinimalFloor:
    """Compute the headline facts from the files under `folder`, timing it all (reading the
    files included: they are read by the queries themselves)."""
    started = time.perf_counter()
    con = duckdb.connect()
    try:
        build_headline_facts(con, folder)
        counts = [_count(con, t) for t in ("unit_year", "cluster_year", "awards_by_status")]
    finally:
        con.close()
    return MinimalFloor(time.perf_counter() - started, *counts)


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"select count(*) from {table}").fetchone()
    return int(row[0]) if row else 0
