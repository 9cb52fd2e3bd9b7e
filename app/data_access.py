"""All SQL of the dashboard, and nothing else.

Every reader goes through `thidua.query` (a fresh read-only attach per query, so a new publish is
seen and a build is never blocked). Cached readers take the publish stamp as an argument: it is
part of the cache key, so a publish (a new file) makes every cached answer stale at once without a
restart or a TTL.

The filters are applied the same way everywhere: results years, organiser, cluster kind (through
`dim_cluster`, left-joined because an award may have no cluster) and, where it makes sense, the
"show synthetic data" switch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ParamSpec, TypeVar

import polars as pl
import streamlit as st

from thidua.query import UntrustedResult, read_query, run_untrusted

SQL_ROW_CAP = 10_000
SQL_TIMEOUT_S = 10.0
SQL_MEMORY_LIMIT = "512MB"
FALLBACK_YEARS = (2015, 2025)


@dataclass(frozen=True)
class Filters:
    """The global filters from the sidebar (all of them live in the URL)."""

    years: tuple[int, int]
    organizer_id: str | None = None
    cluster_kind: str | None = None  # 'cum' | 'khoi' | None for both
    include_synthetic: bool = True


@dataclass(frozen=True)
class PublishInfo:
    published_at: datetime | None
    version: str | None


def _scope(fact: str, cluster: str) -> str:
    """The WHERE fragment shared by every filtered query (without the synthetic switch)."""
    return (
        f"{fact}.results_year between $year_from and $year_to"
        f" and ($organizer_id is null or {fact}.organizer_id = $organizer_id)"
        f" and ($cluster_kind is null or {cluster}.cluster_kind = $cluster_kind)"
    )


def _visible(fact: str) -> str:
    return f"($include_synthetic or not {fact}.is_synthetic)"


def _params(f: Filters, *, synthetic: bool = True) -> dict[str, object]:
    # DuckDB refuses unused named parameters: a query without the switch passes synthetic=False.
    params: dict[str, object] = {
        "year_from": f.years[0],
        "year_to": f.years[1],
        "organizer_id": f.organizer_id,
        "cluster_kind": f.cluster_kind,
    }
    if synthetic:
        params["include_synthetic"] = f.include_synthetic
    return params


P = ParamSpec("P")
R = TypeVar("R")


def _cached(func: Callable[P, R]) -> Callable[P, R]:
    """st.cache_data with the settings every reader here shares."""
    return st.cache_data(show_spinner=False, max_entries=64)(func)


# --- sidebar -------------------------------------------------------------------------------------


@_cached
def year_bounds(db: str, stamp: str) -> tuple[int, int]:
    """First and last results year with any fact; a fallback range when there are none."""
    frame = read_query(
        db,
        """
        select min(results_year) as first_year, max(results_year) as last_year
        from (
            select results_year from marts.fct_cluster_year
            union all select results_year from marts.fct_memberships
            union all select results_year from marts.fct_events
            union all select results_year from marts.fct_awards
        )
        """,
    )
    first, last = frame.row(0)
    if first is None or last is None:
        return FALLBACK_YEARS
    return int(first), int(last)


@_cached
def organizers(db: str, stamp: str) -> pl.DataFrame:
    return read_query(
        db,
        """
        select organizer_id, organizer_name, organizer_name_en
        from marts.dim_organizer
        order by organizer_name
        """,
    )


@_cached
def last_publish(db: str, stamp: str) -> PublishInfo:
    frame = read_query(
        db,
        """
        select published_at, thidua_version
        from meta.publish_log
        order by published_at desc
        limit 1
        """,
    )
    if frame.is_empty():
        return PublishInfo(None, None)
    published_at, version = frame.row(0)
    return PublishInfo(published_at, version)


# --- overview ------------------------------------------------------------------------------------

_FACT_ROWS = """
    select 'membership' as fact, cluster_id, unit_id, organizer_id, results_year, is_synthetic
    from marts.fct_memberships
    union all
    select 'score', cluster_id, unit_id, organizer_id, results_year, is_synthetic
    from marts.fct_unit_year_scores
    union all
    select 'event', cluster_id, null, organizer_id, results_year, is_synthetic
    from marts.fct_events
    union all
    select 'award', cluster_id, unit_id, organizer_id, results_year, is_synthetic
    from marts.fct_awards
"""


@_cached
def key_figures(db: str, stamp: str, f: Filters) -> dict[str, int]:
    """Counts for the metric tiles: each visible count and its part from real sources.

    `rows_real` / `rows_total` ignore the synthetic switch on purpose: they measure how much of
    the selection is real, which is what the analyst needs to judge the charts.
    """
    frame = read_query(
        db,
        f"""
        with facts as ({_FACT_ROWS}),
        scoped as (
            select x.*, {_visible("x")} as visible
            from facts as x
            left join marts.dim_cluster as c using (cluster_id)
            where {_scope("x", "c")}
        )
        select
            count(distinct cluster_id) filter (where visible) as clusters,
            count(distinct cluster_id) filter (where not is_synthetic) as clusters_real,
            count(distinct unit_id) filter (where visible) as units,
            count(distinct unit_id) filter (where not is_synthetic) as units_real,
            count(*) filter (where visible and fact = 'event') as events,
            count(*) filter (where not is_synthetic and fact = 'event') as events_real,
            count(*) filter (where visible and fact = 'award') as awards,
            count(*) filter (where not is_synthetic and fact = 'award') as awards_real,
            count(*) as rows_total,
            count(*) filter (where not is_synthetic) as rows_real
        from scoped
        """,
        _params(f),
    )
    return {name: int(value or 0) for name, value in frame.row(0, named=True).items()}


@_cached
def cluster_trend(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Mean share of the maximum score per cluster and results year (cluster-years with scores)."""
    return read_query(
        db,
        f"""
        select y.cluster_id, y.cluster_name, y.results_year, y.mean_share_of_max, y.is_synthetic
        from marts.fct_cluster_year as y
        where {_scope("y", "y")} and {_visible("y")} and y.mean_share_of_max is not null
        order by y.cluster_name, y.results_year
        """,
        _params(f),
    )


@_cached
def events_by_year(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    return read_query(
        db,
        f"""
        select e.results_year, e.event_type, e.is_synthetic, count(*) as n
        from marts.fct_events as e
        left join marts.dim_cluster as c using (cluster_id)
        where {_scope("e", "c")} and {_visible("e")}
        group by all
        order by all
        """,
        _params(f),
    )


@_cached
def awards_by_type(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    return read_query(
        db,
        f"""
        select
            a.award_type_code,
            coalesce(t.award_name_vi, a.award_name_vi, a.award_type_code) as award_name_vi,
            coalesce(t.award_name_en, a.award_name_en, a.award_type_code) as award_name_en,
            coalesce(t.rank_order, 99) as rank_order,
            a.status,
            a.is_synthetic,
            count(*) as n
        from marts.fct_awards as a
        left join marts.dim_cluster as c using (cluster_id)
        left join marts.dim_award_type as t using (award_type_code)
        where {_scope("a", "c")} and {_visible("a")}
        group by all
        order by rank_order, a.status, a.is_synthetic
        """,
        _params(f),
    )


@_cached
def real_facts(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Every fact from a real source (is_synthetic = false) in the selection, with its source.

    One row per membership, declared rank, event and award; `code` holds the role, event type or
    award status for the presentation layer to translate. Unknown values stay null.
    """
    return read_query(
        db,
        f"""
        with facts as (
            select
                1 as fact_order, 'membership' as fact_kind, organizer_id, cluster_id,
                results_year, unit_name, role as code, null::integer as declared_rank,
                null::date as fact_date, null::varchar as part_of_day,
                null::varchar as award_name_vi, null::varchar as award_name_en,
                source_ref, source_url, is_synthetic
            from marts.fct_memberships
            union all
            select
                2, 'ranking', organizer_id, cluster_id, results_year, unit_name, null,
                declared_rank, null, null, null, null, source_ref, source_url, is_synthetic
            from marts.fct_unit_year_scores
            where declared_rank is not null
            union all
            select
                3, 'event', organizer_id, cluster_id, results_year, host_name, event_type, null,
                event_date, part_of_day, null, null, source_ref, source_url, is_synthetic
            from marts.fct_events
            union all
            select
                4, 'award', organizer_id, cluster_id, results_year, unit_name, status, null,
                decision_date, null, award_name_vi, award_name_en, source_ref, source_url,
                is_synthetic
            from marts.fct_awards
        )
        select
            x.fact_kind, x.results_year, coalesce(c.cluster_name, x.cluster_id) as cluster_name,
            x.unit_name, x.code, x.declared_rank, x.fact_date, x.part_of_day,
            x.award_name_vi, x.award_name_en, x.source_ref, x.source_url
        from facts as x
        left join marts.dim_cluster as c using (cluster_id)
        where {_scope("x", "c")} and not x.is_synthetic
        order by
            x.results_year, cluster_name, x.fact_order, x.declared_rank nulls last,
            x.fact_date nulls last, x.unit_name
        """,
        _params(f, synthetic=False),
    )


# --- SQL page ------------------------------------------------------------------------------------

# Example queries for the SQL page, keyed by the i18n id of their title.
EXAMPLE_QUERIES: dict[str, str] = {
    "sql.ex.members": """\
select unit_name, role, source_ref, source_url
from marts.fct_memberships
where cluster_id = 'th-ubnd:cum-08' and results_year = 2021
order by role nulls last, unit_name""",
    "sql.ex.real_facts": """\
select results_year, cluster_id, event_type, event_date, host_name, source_ref, source_url
from marts.fct_events
where not is_synthetic
order by event_date""",
    "sql.ex.trend": """\
select cluster_name, results_year, round(mean_share_of_max, 3) as mean_share, is_synthetic
from marts.fct_cluster_year
order by cluster_name, results_year""",
    "sql.ex.awards": """\
select award_name_vi, status, is_synthetic, count(*) as n
from marts.fct_awards
group by all
order by all""",
    "sql.ex.tables": "show all tables",
}


@_cached
def table_catalog(db: str, stamp: str) -> pl.DataFrame:
    """The tables a user can query, with their columns in order."""
    return read_query(
        db,
        """
        select
            table_schema || '.' || table_name as table_name,
            string_agg(column_name, ', ' order by ordinal_position) as columns
        from information_schema.columns
        where table_catalog = 'wh' and table_schema in ('marts', 'quality', 'reference', 'meta')
        group by all
        order by 1
        """,
    )


def run_user_sql(db: str, sql: str) -> UntrustedResult:
    """A user's own query, in the sandbox. Not cached: it is cheap to rerun and may be anything."""
    return run_untrusted(
        db,
        sql,
        row_cap=SQL_ROW_CAP,
        timeout_s=SQL_TIMEOUT_S,
        memory_limit=SQL_MEMORY_LIMIT,
    )
