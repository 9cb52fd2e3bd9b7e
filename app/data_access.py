"""All SQL of the dashboard, and nothing else.

Every reader goes through `thidua.query.read` (a fresh read-only attach per query, so a new publish
is seen and a build is never blocked). Cached readers take the publish stamp as an argument: it is
part of the cache key, so a publish (a new file) makes every cached answer stale at once without a
restart or a TTL.

Each query is built by a `q_*` function that returns a `Query` (name, SQL, parameters); the cached
reader of the same name runs it. `page_queries()` lists, per page, the queries that page runs with
representative parameters, so `make bench` can time every page's SQL at the national tier without
Streamlit (tests/test_app.py checks that the list matches what each page really runs).

Rules every query here keeps, because the national tier has tens of millions of criterion-score
rows and millions of unit-years:

- filter first (results years, organiser, cluster, unit) and aggregate in SQL;
- return only what one visual shows (a few hundred rows at most, or a capped detail table);
- one query per visual, never a whole fact table into Python.

The filters are applied the same way everywhere: results years, organiser, cluster kind (through
`dim_cluster`, left-joined because an award may have no cluster) and, where it makes sense, the
"show synthetic data" switch. Switched off, it hides every generated value with two rules:
`_visible` drops the rows whose values are all generated (`is_synthetic`), and `_shown` blanks
each generated value of the rows that remain, by its own group's flag (`is_score_synthetic`,
`is_rank_synthetic`...), so aggregates over it see NULL. Provenance is read per value group too
(`_value_source`): a value is never labelled with its row's source.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import ParamSpec, TypeVar

import polars as pl
import streamlit as st

from thidua.query.read import read_query
from thidua.query.sandbox import UntrustedResult, run_untrusted

SQL_ROW_CAP = 10_000
SQL_TIMEOUT_S = 10.0
SQL_MEMORY_LIMIT = "512MB"
FALLBACK_YEARS = (2015, 2025)
# Detail tables (every award, every quarantined row...) stop here; the page says so and points to
# the SQL page for the rest. Charts never need detail rows: they read aggregates.
DETAIL_ROW_CAP = 5_000
COMPARE_MAX = 6


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


@dataclass(frozen=True)
class Query:
    """One SQL statement with its parameters: what a reader runs and what the benchmark times."""

    name: str
    sql: str
    params: dict[str, object] = field(default_factory=dict)


def run(db: str, query: Query) -> pl.DataFrame:
    return read_query(db, query.sql, query.params or None)


def _scope(fact: str, cluster: str) -> str:
    """The WHERE fragment shared by every filtered query (without the synthetic switch)."""
    return (
        f"{fact}.results_year between $year_from and $year_to"
        f" and ($organizer_id is null or {fact}.organizer_id = $organizer_id)"
        f" and ($cluster_kind is null or {cluster}.cluster_kind = $cluster_kind)"
    )


def _visible(fact: str) -> str:
    return f"($include_synthetic or not {fact}.is_synthetic)"


def _shown(fact: str, column: str, flag: str, alias: str | None = None) -> str:
    """One value of a row, blanked (NULL) when it is generated and generated values are hidden.

    `flag` is the value group's `is_<group>_synthetic` column (true when any record behind the
    value is generated). A row can be real while some of its values are generated (a real
    membership with generated scores): `_visible` drops rows that are generated through and
    through, `_shown` blanks the generated values of the rows that remain. Every page uses this
    one rule, so a hidden value is hidden everywhere, and aggregates over it see NULL.
    """
    return (
        f"case when $include_synthetic or not coalesce({fact}.{flag}, false)"
        f" then {fact}.{column} end as {alias or column}"
    )


def _shown_mix(fact: str) -> str:
    """The row's `source_mix` as shown: with generated values hidden, what remains is real."""
    return f"case when $include_synthetic then {fact}.source_mix else 'real' end as source_mix"


def _value_source(
    fact: str, group: str, *, url: bool = False, file_row: bool = False, as_group: str = ""
) -> str:
    """The provenance columns of one value group: flag, source kind, reference, title, link.

    Output columns are named after the group (`is_score_synthetic`, `score_source_kind`,
    `score_source_ref`, `score_source_title`, `score_source_publisher`, `score_source_url`,
    and with `file_row` `score_source_file/_sheet/_row`); `as_group` renames them. Needs
    `_value_source_join(fact, group)`. The flag is left as it is (not blanked): a table says
    where a hidden value came from, and the presenters label it.
    """
    out = as_group or group
    src = f"src_{group}"
    link = f"coalesce({fact}.{group}_source_url, {src}.url)" if url else f"{src}.url"
    columns = [
        f"{fact}.is_{group}_synthetic as is_{out}_synthetic",
        f"{fact}.{group}_source_kind as {out}_source_kind",
        f"{fact}.{group}_source_ref as {out}_source_ref",
        f"coalesce({src}.title, {fact}.{group}_source_ref) as {out}_source_title",
        f"{src}.publisher as {out}_source_publisher",
        f"{link} as {out}_source_url",
    ]
    if file_row:
        columns += [
            f"{fact}.{group}_source_{part} as {out}_source_{part}"
            for part in ("file", "sheet", "row")
        ]
    return ", ".join(columns)


def _value_source_join(fact: str, group: str) -> str:
    return (
        f"left join marts.dim_source as src_{group}"
        f" on src_{group}.source_id = {fact}.{group}_source_ref"
    )


def _params(f: Filters, *, synthetic: bool = True, **more: object) -> dict[str, object]:
    # DuckDB refuses unused named parameters: a query without the switch passes synthetic=False.
    params: dict[str, object] = {
        "year_from": f.years[0],
        "year_to": f.years[1],
        "organizer_id": f.organizer_id,
        "cluster_kind": f.cluster_kind,
    }
    if synthetic:
        params["include_synthetic"] = f.include_synthetic
    params.update(more)
    return params


def _provenance(fact: str) -> str:
    """The provenance columns every detail table shows: origin, source title and link, file, row.

    Needs `left join marts.dim_source as src on src.source_id = <fact>.source_ref`.
    """
    return (
        f"{fact}.is_synthetic, {fact}.source_kind, {fact}.source_ref,"
        f" coalesce(src.title, {fact}.source_ref) as source_title,"
        f" src.publisher as source_publisher,"
        f" coalesce({fact}.source_url, src.url) as source_url,"
        f" {fact}.source_file, {fact}.source_sheet, {fact}.source_row"
    )


def _source_join(fact: str) -> str:
    return f"left join marts.dim_source as src on src.source_id = {fact}.source_ref"


P = ParamSpec("P")
R = TypeVar("R")


if not st.runtime.exists():
    # Imported outside a Streamlit server (the benchmark, plain scripts): every cached reader would
    # log "No runtime found, using MemoryCacheStorageManager". Harmless there; keep it quiet.
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)


def _cached(func: Callable[P, R]) -> Callable[P, R]:
    """st.cache_data with the settings every reader here shares."""
    return st.cache_data(show_spinner=False, max_entries=64)(func)


# --- sidebar -------------------------------------------------------------------------------------


def q_year_bounds() -> Query:
    return Query(
        "year_bounds",
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


@_cached
def year_bounds(db: str, stamp: str) -> tuple[int, int]:
    """First and last results year with any fact; a fallback range when there are none."""
    first, last = run(db, q_year_bounds()).row(0)
    if first is None or last is None:
        return FALLBACK_YEARS
    return int(first), int(last)


def q_organizers() -> Query:
    return Query(
        "organizers",
        """
        select organizer_id, organizer_name, organizer_name_en
        from marts.dim_organizer
        order by organizer_name
        """,
    )


@_cached
def organizers(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_organizers())


def q_last_publish() -> Query:
    return Query(
        "last_publish",
        """
        select published_at, thidua_version
        from meta.publish_log
        order by published_at desc
        limit 1
        """,
    )


@_cached
def last_publish(db: str, stamp: str) -> PublishInfo:
    frame = run(db, q_last_publish())
    if frame.is_empty():
        return PublishInfo(None, None)
    published_at, version = frame.row(0)
    return PublishInfo(published_at, version)


# --- overview ------------------------------------------------------------------------------------


def _kind_filter(fact: str) -> str:
    """The cluster-kind filter for a fact without the kind column, as a semi-join (cheap)."""
    return (
        f"($cluster_kind is null or {fact}.cluster_id in"
        " (select cluster_id from marts.dim_cluster where cluster_kind = $cluster_kind))"
    )


def _years_org(fact: str) -> str:
    return (
        f"{fact}.results_year between $year_from and $year_to"
        f" and ($organizer_id is null or {fact}.organizer_id = $organizer_id)"
    )


def q_key_figures(f: Filters) -> Query:
    # Each fact table is scanned once and reduced before anything is combined: at the national
    # tier a union of every fact row followed by count(distinct) took close to a second.
    # Units are counted from fct_unit_year_scores, which has a row for every unit-year with a
    # membership, a score or a rank (a unit named only by an award is not counted).
    return Query(
        "key_figures",
        f"""
        with cluster_years as (
            select
                count(distinct cluster_id) filter (where {_visible("y")}) as clusters,
                count(distinct cluster_id) filter (where not y.is_synthetic) as clusters_real
            from marts.fct_cluster_year as y
            where {_scope("y", "y")}
        ),
        unit_rows as (
            select s.unit_id, bool_or(not s.is_synthetic) as any_real, count(*) as n,
                count(*) filter (where not s.is_synthetic) as n_real
            from marts.fct_unit_year_scores as s
            where {_years_org("s")} and {_kind_filter("s")}
            group by s.unit_id
        ),
        memberships as (
            select count(*) as n, count(*) filter (where not m.is_synthetic) as n_real
            from marts.fct_memberships as m
            where {_years_org("m")} and {_kind_filter("m")}
        ),
        events as (
            select count(*) as n, count(*) filter (where not e.is_synthetic) as n_real
            from marts.fct_events as e
            where {_years_org("e")} and {_kind_filter("e")}
        ),
        awards as (
            select count(*) as n, count(*) filter (where not a.is_synthetic) as n_real
            from marts.fct_awards as a
            where {_years_org("a")} and {_kind_filter("a")}
        )
        select
            (select clusters from cluster_years) as clusters,
            (select clusters_real from cluster_years) as clusters_real,
            (select count(*) filter (where $include_synthetic or any_real) from unit_rows)
                as units,
            (select count(*) filter (where any_real) from unit_rows) as units_real,
            (select if($include_synthetic, n, n_real) from events) as events,
            (select n_real from events) as events_real,
            (select if($include_synthetic, n, n_real) from awards) as awards,
            (select n_real from awards) as awards_real,
            (select n from memberships) + (select coalesce(sum(n), 0) from unit_rows)
                + (select n from events) + (select n from awards) as rows_total,
            (select n_real from memberships) + (select coalesce(sum(n_real), 0) from unit_rows)
                + (select n_real from events) + (select n_real from awards) as rows_real
        """,
        _params(f),
    )


@_cached
def key_figures(db: str, stamp: str, f: Filters) -> dict[str, int]:
    """Counts for the metric tiles: each visible count and its part from real sources.

    `rows_real` / `rows_total` ignore the synthetic switch on purpose: they measure how much of
    the selection is real, which is what the analyst needs to judge the charts.
    """
    frame = run(db, q_key_figures(f))
    return {name: int(value or 0) for name, value in frame.row(0, named=True).items()}


# Above this many clusters a chart of one line (or one row) per cluster is unreadable: the overview
# then shows the spread across clusters per year, and says how to get back to single clusters.
MAX_CLUSTER_LINES = 30


def q_cluster_trend(f: Filters) -> Query:
    return Query(
        "cluster_trend",
        f"""
        with shown as (
            select
                y.cluster_id, y.cluster_name, y.results_year,
                {_shown("y", "mean_share_of_max", "is_score_synthetic")},
                coalesce(y.is_score_synthetic, false) as is_score_synthetic,
                y.score_source_kind, y.score_source_ref,
                coalesce(src_score.title, y.score_source_ref) as score_source_title,
                src_score.publisher as score_source_publisher
            from marts.fct_cluster_year as y
            {_value_source_join("y", "score")}
            where {_scope("y", "y")} and {_visible("y")}
        ),
        y as (select * from shown where mean_share_of_max is not null),
        n as (select count(distinct cluster_id) as clusters from y)
        select
            'cluster' as mode, cluster_id, cluster_name, results_year, mean_share_of_max,
            is_score_synthetic, score_source_kind, score_source_ref, score_source_title,
            score_source_publisher, null::double as p10, null::double as p25,
            null::double as p75, null::double as p90, 1 as clusters
        from y
        where (select clusters from n) <= $max_lines
        union all
        select
            'band', null, null, results_year, median(mean_share_of_max),
            bool_or(is_score_synthetic),
            case
                when bool_and(score_source_kind = 'synthetic') then 'synthetic'
                when bool_or(is_score_synthetic) then 'mixed'
                when count(distinct score_source_kind) > 1 then 'mixed'
                else any_value(score_source_kind)
            end,
            null, null, null,
            quantile_cont(mean_share_of_max, 0.1), quantile_cont(mean_share_of_max, 0.25),
            quantile_cont(mean_share_of_max, 0.75), quantile_cont(mean_share_of_max, 0.9),
            count(*)
        from y
        where (select clusters from n) > $max_lines
        group by results_year
        order by cluster_name nulls first, results_year
        """,
        _params(f, max_lines=MAX_CLUSTER_LINES),
    )


@_cached
def cluster_trend(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Mean share of the maximum per cluster and results year (cluster-years with scores).

    `mode` = 'cluster': one row per cluster-year; 'band' (more than MAX_CLUSTER_LINES clusters):
    one row per year with the median (mean_share_of_max) and the 10/25/75/90 % quantiles.
    The share is a score value: its flag and source are the score group's (a real cluster-year
    with generated scores is a generated point, and is left out when generated values are hidden).
    """
    return run(db, q_cluster_trend(f))


def q_events_by_year(f: Filters) -> Query:
    return Query(
        "events_by_year",
        f"""
        select e.results_year, e.event_type, e.is_synthetic, e.source_kind, count(*) as n
        from marts.fct_events as e
        left join marts.dim_cluster as c using (cluster_id)
        where {_scope("e", "c")} and {_visible("e")}
        group by all
        order by all
        """,
        _params(f),
    )


@_cached
def events_by_year(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    return run(db, q_events_by_year(f))


def q_events_coverage(f: Filters) -> Query:
    return Query(
        "events_coverage",
        f"""
        with shown as (
            select
                y.cluster_id, y.cluster_name, y.results_year,
                {_shown("y", "events_held", "is_events_synthetic")},
                {_shown("y", "has_covenant_signing", "is_events_synthetic")},
                {_shown("y", "has_mid_year_review", "is_events_synthetic")},
                {_shown("y", "has_year_end_review", "is_events_synthetic")},
                coalesce(y.is_events_synthetic, false) as is_events_synthetic,
                y.events_source_kind
            from marts.fct_cluster_year as y
            where {_scope("y", "y")} and {_visible("y")}
        ),
        y as (select * from shown where events_held is not null),
        n as (select count(distinct cluster_id) as clusters from y)
        select 'cluster' as mode, *, 1 as clusters
        from y
        where (select clusters from n) <= $max_lines
        union all
        select
            'share', null, null, results_year, null,
            avg(has_covenant_signing::int), avg(has_mid_year_review::int),
            avg(has_year_end_review::int), bool_or(is_events_synthetic), null, count(*)
        from y
        where (select clusters from n) > $max_lines
        group by results_year
        order by cluster_name nulls first, results_year
        """,
        _params(f, max_lines=MAX_CLUSTER_LINES),
    )


@_cached
def events_coverage(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Which clusters held which events in which results year.

    `mode` = 'cluster': one row per cluster-year with booleans; 'share' (many clusters): one row per
    year with the share of cluster-years that held each kind of event (in the has_* columns).
    The counts are the events group's values: a cluster-year whose events are partly generated is
    a generated cell, left out when generated values are hidden.
    """
    return run(db, q_events_coverage(f))


def q_awards_by_type(f: Filters) -> Query:
    return Query(
        "awards_by_type",
        f"""
        select
            a.award_type_code,
            coalesce(t.award_name_vi, a.award_name_vi, a.award_type_code) as award_name_vi,
            coalesce(t.award_name_en, a.award_name_en, a.award_type_code) as award_name_en,
            coalesce(t.rank_order, 99) as rank_order,
            a.status,
            a.is_synthetic,
            a.source_kind,
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
def awards_by_type(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    return run(db, q_awards_by_type(f))


def q_real_facts(f: Filters) -> Query:
    return Query(
        "real_facts",
        f"""
        with facts as (
            select
                1 as fact_order, 'membership' as fact_kind, organizer_id, cluster_id,
                results_year, unit_name, role as code, null::integer as declared_rank,
                null::date as fact_date, null::varchar as part_of_day,
                null::varchar as award_name_vi, null::varchar as award_name_en,
                is_synthetic, source_kind, source_ref, source_url, source_file, source_sheet,
                source_row
            from marts.fct_memberships
            where not is_synthetic
            union all
            select
                2, 'ranking', organizer_id, cluster_id, results_year, unit_name, null,
                declared_rank, null, null, null, null, is_rank_synthetic, rank_source_kind,
                rank_source_ref, rank_source_url, rank_source_file, rank_source_sheet,
                rank_source_row
            from marts.fct_unit_year_scores
            where declared_rank is not null and not coalesce(is_rank_synthetic, true)
            union all
            select
                3, 'event', organizer_id, cluster_id, results_year, host_name, event_type, null,
                event_date, part_of_day, null, null, is_synthetic, source_kind, source_ref,
                source_url, source_file, source_sheet, source_row
            from marts.fct_events
            where not is_synthetic
            union all
            select
                4, 'award', organizer_id, cluster_id, results_year, unit_name, status, null,
                decision_date, null, award_name_vi, award_name_en, is_synthetic, source_kind,
                source_ref, source_url, source_file, source_sheet, source_row
            from marts.fct_awards
            where not is_synthetic
        )
        select
            x.fact_kind, x.results_year, coalesce(c.cluster_name, x.cluster_id) as cluster_name,
            x.unit_name, x.code, x.declared_rank, x.fact_date, x.part_of_day,
            x.award_name_vi, x.award_name_en, {_provenance("x")}
        from facts as x
        left join marts.dim_cluster as c using (cluster_id)
        {_source_join("x")}
        where {_scope("x", "c")}
        order by
            x.results_year, cluster_name, x.fact_order, x.declared_rank nulls last,
            x.fact_date nulls last, x.unit_name
        limit {DETAIL_ROW_CAP + 1}
        """,
        _params(f, synthetic=False),
    )


@_cached
def real_facts(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Every fact from a real source in the selection, with its source.

    One row per membership, declared rank, event and award; `code` holds the role, event type or
    award status for the presentation layer to translate. Unknown values stay null. A declared rank
    counts as real only when the ranking record itself is real (`is_rank_synthetic`), and is cited
    with the ranking's own source (`rank_source_*`), never the row's.
    """
    return run(db, q_real_facts(f))


# --- one cluster (Cụm / Khối) --------------------------------------------------------------------


def _in_cluster(fact: str) -> str:
    """One cluster's rows in the selected years.

    The organiser and kind filters are not repeated: the cluster pickers offer only clusters that
    pass them, and a cluster belongs to one organiser and has one kind.
    """
    return (
        f"{fact}.cluster_id = $cluster_id and {fact}.results_year between $year_from and $year_to"
    )


def _cluster_params(f: Filters, cluster_id: str, **more: object) -> dict[str, object]:
    return {
        "cluster_id": cluster_id,
        "year_from": f.years[0],
        "year_to": f.years[1],
        "include_synthetic": f.include_synthetic,
        **more,
    }


CLUSTER_OPTION_CAP = 2_000


def q_cluster_options(f: Filters, pinned: tuple[str, ...] = ()) -> Query:
    return Query(
        "cluster_options",
        f"""
        with options as (
            select
                c.cluster_id, c.cluster_name, c.cluster_kind, c.cluster_number, c.is_synthetic,
                count(*) as years,
                min(y.results_year) as first_year, max(y.results_year) as last_year
            from marts.fct_cluster_year as y
            inner join marts.dim_cluster as c using (cluster_id)
            where {_scope("y", "c")} and ({_visible("c")})
            group by all
        )
        select *
        from options
        -- clusters a link names come first, so a capped list still holds them; then real ones
        order by
            list_contains($pinned::varchar[], cluster_id) desc, is_synthetic, cluster_kind,
            cluster_number nulls last, cluster_name
        limit {CLUSTER_OPTION_CAP + 1}
        """,
        _params(f, pinned=list(pinned)),
    )


@_cached
def cluster_options(db: str, stamp: str, f: Filters, pinned: tuple[str, ...] = ()) -> pl.DataFrame:
    """Clusters with any record in the selection: the choices of the cluster pickers.

    A hidden synthetic cluster is one no real source attests (dim_cluster.is_synthetic). At most
    CLUSTER_OPTION_CAP + 1 rows (one more tells the page to ask for a narrower filter); the
    `pinned` clusters (those in the URL) come first.
    """
    return run(db, q_cluster_options(f, pinned))


def q_cluster_profile(cluster_id: str) -> Query:
    return Query(
        "cluster_profile",
        """
        select
            c.cluster_id, c.cluster_name, c.cluster_kind, c.cluster_number, c.first_year,
            c.last_year, c.is_synthetic, c.source_ref, c.source_note,
            o.organizer_name, o.organizer_name_en,
            coalesce(src.title, c.source_ref) as source_title,
            coalesce(c.source_url, src.url) as source_url
        from marts.dim_cluster as c
        left join marts.dim_organizer as o using (organizer_id)
        left join marts.dim_source as src on src.source_id = c.source_ref
        where c.cluster_id = $cluster_id
        """,
        {"cluster_id": cluster_id},
    )


@_cached
def cluster_profile(db: str, stamp: str, cluster_id: str) -> pl.DataFrame:
    return run(db, q_cluster_profile(cluster_id))


def q_cluster_years(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_years",
        f"""
        select
            y.results_year,
            {_shown("y", "member_count", "is_member_count_synthetic")},
            {_shown("y", "leader_unit_id", "is_leader_synthetic")},
            {_shown("y", "leader_name", "is_leader_synthetic")},
            {_shown("y", "deputy_names", "is_deputy_synthetic")},
            {_shown("y", "deputy_unit_ids", "is_deputy_synthetic")},
            {_shown("y", "top_unit_id", "is_top_unit_synthetic")},
            {_shown("y", "top_unit_name", "is_top_unit_synthetic")},
            {_shown("y", "top_unit_basis", "is_top_unit_synthetic")},
            {_shown("y", "mean_share_of_max", "is_score_synthetic")},
            {_shown("y", "stddev_share_of_max", "is_score_synthetic")},
            {_shown("y", "units_scored", "is_score_synthetic")},
            {_shown("y", "rank_mismatches", "is_score_synthetic")},
            {_shown("y", "events_held", "is_events_synthetic")},
            {_shown("y", "has_covenant_signing", "is_events_synthetic")},
            {_shown("y", "has_mid_year_review", "is_events_synthetic")},
            {_shown("y", "has_year_end_review", "is_events_synthetic")},
            {_shown("y", "awards_proposed", "is_awards_synthetic")},
            {_shown("y", "awards_approved", "is_awards_synthetic")},
            {_shown("y", "awards_decided", "is_awards_synthetic")},
            {_shown("y", "is_leader_not_member", "is_leader_check_synthetic")},
            {_shown("y", "leader_not_member_reason", "is_leader_check_synthetic")},
            {_shown("y", "is_flag_to_top_unit", "is_flag_to_top_unit_synthetic")},
            {_shown("y", "flag_to_top_unit_reason", "is_flag_to_top_unit_synthetic")},
            {_shown("y", "flag_unit_names", "is_flag_synthetic")},
            y.is_leader_check_synthetic, y.is_flag_to_top_unit_synthetic, y.is_flag_synthetic,
            y.is_synthetic, {_shown_mix("y")}, y.is_member_count_synthetic,
            {_value_source("y", "leader")}, {_value_source("y", "deputy")},
            {_value_source("y", "top_unit")}, {_value_source("y", "score")},
            {_value_source("y", "events")}, {_value_source("y", "awards")},
            d.school_year
        from marts.fct_cluster_year as y
        left join marts.dim_year as d on d.results_year = y.results_year
        {_value_source_join("y", "leader")}
        {_value_source_join("y", "deputy")}
        {_value_source_join("y", "top_unit")}
        {_value_source_join("y", "score")}
        {_value_source_join("y", "events")}
        {_value_source_join("y", "awards")}
        where {_in_cluster("y")} and {_visible("y")}
        order by y.results_year
        """,
        _cluster_params(f, cluster_id),
    )


@_cached
def cluster_years(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    """One row per results year of one cluster: roster size, leadership, leading unit, events.

    Each value group (leader, deputies, leading unit, scores, events, awards, member count) carries
    its own flag and source; with generated values hidden, a generated one is NULL. The mart's
    answers come as they are: whether the leader is not a member (`is_leader_not_member`) and
    whether the flag went to the unit ranked first (`is_flag_to_top_unit`), each with its reason.
    """
    return run(db, q_cluster_years(f, cluster_id))


def q_cluster_roster(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_roster",
        f"""
        select
            m.results_year, m.unit_id, m.unit_name, m.unit_name_raw, m.role,
            m.membership_from_year, m.membership_to_year, {_provenance("m")}
        from marts.fct_memberships as m
        {_source_join("m")}
        where {_in_cluster("m")} and {_visible("m")}
        order by m.results_year, m.unit_name
        """,
        _cluster_params(f, cluster_id),
    )


@_cached
def cluster_roster(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    """Members of one cluster per results year, with their role and the source of each row."""
    return run(db, q_cluster_roster(f, cluster_id))


def q_cluster_results(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_results",
        f"""
        select
            s.results_year, s.unit_id, s.unit_name,
            {_shown("s", "role", "is_membership_synthetic")},
            {_shown("s", "has_membership", "is_membership_synthetic")},
            {_shown("s", "self_score", "is_score_synthetic")},
            {_shown("s", "peer_score", "is_score_synthetic")},
            {_shown("s", "agreed_score", "is_score_synthetic")},
            {_shown("s", "final_score", "is_score_synthetic")},
            {_shown("s", "max_score", "is_score_synthetic")},
            {_shown("s", "share_of_max", "is_score_synthetic")},
            {_shown("s", "score_basis", "is_score_synthetic")},
            {_shown("s", "declared_rank", "is_rank_synthetic")},
            {_shown("s", "classification", "is_rank_synthetic")},
            {_shown("s", "rank_by_score", "is_rank_by_score_synthetic")},
            {_shown("s", "effective_rank", "is_effective_rank_synthetic", "rank")},
            {_shown("s", "effective_rank_basis", "is_effective_rank_synthetic", "rank_basis")},
            case
                when $include_synthetic
                    or not (coalesce(s.is_rank_synthetic, false)
                        or coalesce(s.is_rank_by_score_synthetic, false))
                    then s.is_rank_mismatch
            end as is_rank_mismatch,
            {_shown("s", "member_count", "is_member_count_synthetic")},
            s.is_rank_by_score_synthetic, s.is_effective_rank_synthetic,
            {_value_source("s", "membership", url=True, file_row=True, as_group="role")},
            {_value_source("s", "score", url=True, file_row=True)},
            {_value_source("s", "rank", url=True, file_row=True)},
            s.is_synthetic, {_shown_mix("s")}
        from marts.fct_unit_year_scores as s
        {_value_source_join("s", "membership")}
        {_value_source_join("s", "score")}
        {_value_source_join("s", "rank")}
        where {_in_cluster("s")} and {_visible("s")}
        order by s.results_year, rank nulls last, s.unit_name
        """,
        _cluster_params(f, cluster_id),
    )


@_cached
def cluster_results(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    """Scores and ranks of every unit-year of one cluster (bump chart, spread, checks).

    `rank` is the mart's effective rank (declared where published, else by score). Every value
    group (membership, scores, declared rank, rank by score, effective rank) carries its own flag;
    the membership, score and declared-rank groups their source too. With generated values
    hidden, a generated value is NULL while the row's real values stay.
    """
    return run(db, q_cluster_results(f, cluster_id))


def q_cluster_leadership(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_leadership",
        f"""
        select
            l.results_year, l.role, l.unit_id, l.unit_name,
            {_shown("l", "was_deputy_previous_year", "is_previous_year_synthetic")},
            {_shown("l", "is_leader_next_year", "is_next_year_synthetic")},
            {_provenance("l")}
        from marts.fct_leadership as l
        {_source_join("l")}
        where {_in_cluster("l")} and {_visible("l")}
        order by l.results_year, l.role desc, l.unit_name
        """,
        _cluster_params(f, cluster_id),
    )


@_cached
def cluster_leadership(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    """Leader and deputies per results year, and whether the deputy went on to lead."""
    return run(db, q_cluster_leadership(f, cluster_id))


def q_cluster_criteria(f: Filters, cluster_id: str, year: int) -> Query:
    return Query(
        "cluster_criteria",
        """
        select
            s.unit_id, any_value(s.unit_name) as unit_name, s.criterion_id,
            any_value(s.criterion_code) as criterion_code,
            any_value(coalesce(s.criterion_name, s.criterion_code)) as criterion_name,
            any_value(s.criterion_group) as criterion_group,
            min(d.sort_order) as sort_order,
            s.scorer_kind,
            sum(s.points) as points, sum(s.max_points) as max_points,
            sum(s.points) / nullif(sum(s.max_points), 0) as share_of_max,
            count(distinct s.scorer_unit_id) as scorers,
            -- a sum of real and generated points is not a real sum
            bool_or(s.is_synthetic) as is_synthetic,
            case
                when bool_and(s.is_synthetic) then 'synthetic'
                when bool_or(s.is_synthetic) then 'mixed'
                when count(distinct s.source_kind) > 1 then 'mixed'
                else any_value(s.source_kind)
            end as source_kind,
            string_agg(distinct s.source_ref, '; ' order by s.source_ref) as source_ref,
            -- the scores the unit's final score is built on (fct_unit_year_scores.score_basis)
            coalesce(any_value(u.score_basis) = s.scorer_kind, false) as is_final_basis
        from marts.fct_criterion_scores as s
        left join marts.dim_criterion as d
            on d.criterion_id = s.criterion_id
            and d.cluster_id = $cluster_id and d.results_year = $year
        left join marts.fct_unit_year_scores as u
            on u.organizer_id = s.organizer_id and u.cluster_id = s.cluster_id
            and u.results_year = s.results_year and u.unit_id = s.unit_id
        where s.cluster_id = $cluster_id and s.results_year = $year
            and ($include_synthetic or not s.is_synthetic)
        group by s.unit_id, s.criterion_id, s.scorer_kind
        order by sort_order nulls last, criterion_name, unit_name, s.scorer_kind
        """,
        {"cluster_id": cluster_id, "year": year, "include_synthetic": f.include_synthetic},
    )


@_cached
def cluster_criteria(db: str, stamp: str, f: Filters, cluster_id: str, year: int) -> pl.DataFrame:
    """One cluster-year's criterion scores per unit, criterion and scorer kind (self/peer/agreed).

    Aggregated in SQL: the national tier holds tens of millions of criterion-score rows.
    `is_final_basis` marks the scorer kind the unit's final score is built on (the mart's
    score_basis: agreed, else peer, else self).
    """
    return run(db, q_cluster_criteria(f, cluster_id, year))


def q_cluster_events(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_events",
        f"""
        select
            e.results_year, e.event_type, e.event_date, e.end_date, e.part_of_day,
            e.host_unit_id, e.host_name, {_provenance("e")}
        from marts.fct_events as e
        {_source_join("e")}
        where {_in_cluster("e")} and {_visible("e")}
        order by e.event_date
        """,
        _cluster_params(f, cluster_id),
    )


@_cached
def cluster_events(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    return run(db, q_cluster_events(f, cluster_id))


def q_cluster_awards(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_awards",
        f"""
        select
            a.results_year, a.unit_id, a.unit_name, a.award_type_code, a.award_name_vi,
            a.award_name_en, a.issuer, a.status, a.decision_no, a.decision_date,
            coalesce(t.rank_order, 99) as rank_order, {_provenance("a")}
        from marts.fct_awards as a
        left join marts.dim_award_type as t using (award_type_code)
        {_source_join("a")}
        where {_in_cluster("a")} and {_visible("a")}
        order by a.results_year, rank_order, a.unit_name nulls last
        """,
        _cluster_params(f, cluster_id),
    )


@_cached
def cluster_awards(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    return run(db, q_cluster_awards(f, cluster_id))


# --- one unit (Đơn vị) ---------------------------------------------------------------------------

UNIT_OPTION_CAP = 5_000


def q_unit_options(f: Filters, found: tuple[str, ...] | None, unit_id: str | None) -> Query:
    return Query(
        "unit_options",
        f"""
        with seen as (
            select m.unit_id, count(*) as years, bool_and(m.is_synthetic) as is_synthetic
            from marts.fct_memberships as m
            where {_years_org("m")} and {_kind_filter("m")} and {_visible("m")}
            group by m.unit_id
        )
        select
            u.unit_id, u.unit_name, u.short_name, u.successor_unit_id, u.successor_unit_name,
            u.is_current, seen.years, seen.is_synthetic
        from seen
        inner join marts.dim_unit as u using (unit_id)
        where $found::varchar[] is null or list_contains($found::varchar[], u.unit_id)
        -- the unit a link names comes first, so a capped list still holds it; then the search's
        -- order (best match first)
        order by
            u.unit_id = $unit_id desc, list_position($found::varchar[], u.unit_id) nulls last,
            u.unit_name
        limit {UNIT_OPTION_CAP + 1}
        """,
        _params(f, found=None if found is None else list(found), unit_id=unit_id),
    )


@_cached
def unit_options(
    db: str, stamp: str, f: Filters, found: tuple[str, ...] | None, unit_id: str | None
) -> pl.DataFrame:
    """Units with a membership in the selection, the one in the URL first; with `found` (the
    units a name search found, best first: search_box.find), only those, in that order.

    At most UNIT_OPTION_CAP + 1 rows: one more than the cap tells the page to ask for a search.
    """
    return run(db, q_unit_options(f, found, unit_id))


# The successors of every unit that is the same entity as the selected one: a unit followed
# across the reorganisations (successor_unit_id) and across organisers' systems (entity_unit_id:
# the provincial trade union in the province's clusters and in the federation's).
_SAME_ENTITY_SUCCESSORS = """
    select successor_unit_id from marts.dim_unit
    where entity_unit_id = (select entity_unit_id from marts.dim_unit where unit_id = $unit_id)
"""


def q_unit_family(unit_id: str) -> Query:
    return Query(
        "unit_family",
        f"""
        with me as ({_SAME_ENTITY_SUCCESSORS})
        select
            u.unit_id, u.unit_name, u.short_name, u.unit_type, u.valid_from, u.valid_to,
            u.successor_unit_id, u.successor_unit_name, u.lineage_path, u.successor_relation,
            u.successor_effective_date, u.is_current, u.source_note, u.source_url,
            u.unit_id = $unit_id as is_selected, o.organizer_name, o.organizer_name_en
        from marts.dim_unit as u
        left join marts.dim_organizer as o using (organizer_id)
        where u.successor_unit_id in (select successor_unit_id from me)
            or u.unit_id in (select successor_unit_id from me)
        order by u.is_current, u.valid_to nulls last, u.unit_name
        """,
        {"unit_id": unit_id},
    )


@_cached
def unit_family(db: str, stamp: str, unit_id: str) -> pl.DataFrame:
    """The unit, its current successor and every unit that ends in the same successor.

    That family is what a trend follows across the 2025 merges (dim_unit.successor_unit_id).
    """
    return run(db, q_unit_family(unit_id))


def q_unit_lineage(unit_id: str) -> Query:
    return Query(
        "unit_lineage",
        """
        with me as (select successor_unit_id from marts.dim_unit where unit_id = $unit_id),
        family as (
            select unit_id from marts.dim_unit
            where successor_unit_id = (select successor_unit_id from me)
        )
        select
            e.effective_date, e.from_unit_id, f.unit_name as from_unit_name, e.relation,
            e.to_unit_id, t.unit_name as to_unit_name, e.is_primary_successor, e.source_note,
            e.source_url
        from reference.unit_lineage as e
        left join marts.dim_unit as f on f.unit_id = e.from_unit_id
        left join marts.dim_unit as t on t.unit_id = e.to_unit_id
        where e.from_unit_id in (select unit_id from family)
            or e.to_unit_id in (select unit_id from family)
        order by e.effective_date, e.from_unit_id, e.to_unit_id
        """,
        {"unit_id": unit_id},
    )


@_cached
def unit_lineage(db: str, stamp: str, unit_id: str) -> pl.DataFrame:
    """The reorganisation edges (merged_into, split_into, renamed_to) around the unit's family."""
    return run(db, q_unit_lineage(unit_id))


def q_unit_history(f: Filters, unit_id: str) -> Query:
    return Query(
        "unit_history",
        f"""
        select
            h.results_year, h.unit_id, h.unit_name, h.current_unit_id, h.current_unit_name,
            h.is_current_unit, h.organizer_id, h.cluster_id, c.cluster_name,
            {_shown("h", "role", "is_membership_synthetic")},
            {_shown("h", "final_score", "is_score_synthetic")},
            {_shown("h", "max_score", "is_score_synthetic")},
            {_shown("h", "share_of_max", "is_score_synthetic")},
            {_shown("h", "declared_rank", "is_rank_synthetic")},
            {_shown("h", "rank_by_score", "is_rank_by_score_synthetic")},
            {_shown("h", "effective_rank", "is_effective_rank_synthetic", "rank")},
            {_shown("h", "effective_rank_basis", "is_effective_rank_synthetic", "rank_basis")},
            {_shown("h", "member_count", "is_member_count_synthetic")},
            {_shown("h", "awards_count", "is_awards_synthetic")},
            {_shown("h", "awards_decided", "is_awards_synthetic")},
            {_shown("h", "award_names", "is_awards_synthetic")},
            h.is_rank_by_score_synthetic, h.is_effective_rank_synthetic,
            h.is_member_count_synthetic,
            {_value_source("h", "membership", as_group="role")}, {_value_source("h", "score")},
            {_value_source("h", "rank")}, {_value_source("h", "awards")},
            h.is_synthetic, {_shown_mix("h")}
        from marts.unit_history as h
        left join marts.dim_cluster as c using (cluster_id)
        {_value_source_join("h", "membership")}
        {_value_source_join("h", "score")}
        {_value_source_join("h", "rank")}
        {_value_source_join("h", "awards")}
        where h.current_unit_id in ({_SAME_ENTITY_SUCCESSORS})
            and {_scope("h", "c")} and {_visible("h")}
        order by h.results_year, c.cluster_name
        """,
        _params(f, unit_id=unit_id),
    )


@_cached
def unit_history(db: str, stamp: str, f: Filters, unit_id: str) -> pl.DataFrame:
    """Every unit-year of the unit's family, lined up by the current successor.

    Role, scores, declared rank, effective rank and awards each carry their own flag and source
    (the row-level source describes the record that puts the unit-year in the table).
    """
    return run(db, q_unit_history(f, unit_id))


def q_unit_awards(f: Filters, unit_id: str) -> Query:
    return Query(
        "unit_awards",
        f"""
        with family as (
            select unit_id from marts.dim_unit
            where successor_unit_id in ({_SAME_ENTITY_SUCCESSORS})
        )
        select
            a.results_year, a.unit_id, a.unit_name, c.cluster_name, a.award_type_code,
            a.award_name_vi, a.award_name_en, a.issuer, a.status, a.decision_no,
            a.decision_date, coalesce(t.rank_order, 99) as rank_order, {_provenance("a")}
        from marts.fct_awards as a
        left join marts.dim_cluster as c using (cluster_id)
        left join marts.dim_award_type as t using (award_type_code)
        {_source_join("a")}
        where a.unit_id in (select unit_id from family)
            and {_scope("a", "c")} and {_visible("a")}
        order by a.results_year, rank_order
        """,
        _params(f, unit_id=unit_id),
    )


@_cached
def unit_awards(db: str, stamp: str, f: Filters, unit_id: str) -> pl.DataFrame:
    return run(db, q_unit_awards(f, unit_id))


# --- search (the box on every page) --------------------------------------------------------------


def q_search_names(f: Filters) -> Query:
    """Every spelling of every unit and cluster the search box can find under the filters.

    One row per (unit or cluster, spelling): a unit's canonical name, short name, id and its
    aliases (marts.dim_unit_alias: the seed's and those loaded with `thidua aliases add`); a
    cluster's name and id. Units with a membership and clusters with a cluster-year under the
    organiser (and, for clusters, kind) filter and the synthetic switch; not narrowed by years,
    so a name is found whatever years are selected (the page it opens says when they hold
    nothing).

    The candidates are ranked in Python by thidua.query.name_search (its docstring has the details),
    not in SQL: names are compared by the project's match_key and fold, which DuckDB does not
    have. Best first: (0) the same name as a spelling, or a cluster named by kind and number,
    Arabic or Roman; (1) every typed word accounted for by a spelling's words or their initials
    ("STP"); (2) the typed text, without diacritics, part of a spelling; (3) only when nothing
    else matched, a close spelling (typos). A province at the end of the text is also tried
    without it, among that province's names only.
    """
    return Query(
        "search_names",
        f"""
        with units as (
            select u.unit_id, u.unit_name, u.short_name, u.organizer_id
            from marts.dim_unit as u
            where u.unit_id in (
                select m.unit_id
                from marts.fct_memberships as m
                where ($organizer_id is null or m.organizer_id = $organizer_id)
                    and {_visible("m")}
            )
        ),
        unit_names as (
            select unit_id, unit_name, unit_name as spelling, organizer_id from units
            union
            select unit_id, unit_name, short_name, organizer_id
            from units where short_name is not null
            union
            select unit_id, unit_name, unit_id, organizer_id from units
            union
            select units.unit_id, units.unit_name, a.alias, units.organizer_id
            from marts.dim_unit_alias as a
            inner join units using (unit_id)
        ),
        clusters as (
            select c.cluster_id, c.cluster_name, c.cluster_kind, c.cluster_number, c.organizer_id
            from marts.dim_cluster as c
            where ($organizer_id is null or c.organizer_id = $organizer_id)
                and ($cluster_kind is null or c.cluster_kind = $cluster_kind)
                and {_visible("c")}
                and c.cluster_id in (select cluster_id from marts.fct_cluster_year)
        ),
        cluster_names as (
            select cluster_id, cluster_name, cluster_name as spelling, cluster_kind, cluster_number,
                organizer_id
            from clusters
            union
            select cluster_id, cluster_name, cluster_id, cluster_kind, cluster_number, organizer_id
            from clusters
        )
        select
            'unit' as kind, n.unit_id as target_id, n.unit_name as label, n.spelling, o.province,
            null::varchar as cluster_kind, null::integer as cluster_number
        from unit_names as n
        left join marts.dim_organizer as o using (organizer_id)
        union all
        select
            'cluster' as kind, n.cluster_id as target_id, n.cluster_name as label, n.spelling,
            o.province, n.cluster_kind, n.cluster_number
        from cluster_names as n
        left join marts.dim_organizer as o using (organizer_id)
        order by kind desc, target_id, spelling
        """,
        {
            "organizer_id": f.organizer_id,
            "cluster_kind": f.cluster_kind,
            "include_synthetic": f.include_synthetic,
        },
    )


@_cached
def search_names(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """The spellings the search box looks in (q_search_names): a few per unit and cluster."""
    return run(db, q_search_names(f))


# --- awards (Khen thưởng) ------------------------------------------------------------------------


def q_award_funnel(f: Filters) -> Query:
    return Query(
        "award_funnel",
        f"""
        with grouped as (
            select
                case
                    when grouping(a.results_year) = 0 then 'year'
                    when grouping(a.award_type_code) = 0 then 'type'
                    else 'cluster'
                end as dimension,
                a.results_year, a.award_type_code,
                any_value(coalesce(t.award_name_vi, a.award_name_vi)) as award_name_vi,
                any_value(coalesce(t.award_name_en, a.award_name_en)) as award_name_en,
                min(coalesce(t.rank_order, 99)) as rank_order,
                a.cluster_id, any_value(c.cluster_name) as cluster_name,
                count(*) as proposed,
                count(*) filter (where a.status in ('approved', 'decided')) as approved,
                count(*) filter (where a.status = 'decided') as decided,
                count(*) filter (where not a.is_synthetic) as real_rows,
                count(*) filter (
                    where a.status in ('approved', 'decided') and not a.is_synthetic
                ) as approved_real,
                count(*) filter (where a.status = 'decided' and not a.is_synthetic)
                    as decided_real,
                -- the legal regime in force (dim_year), meaningful on the by-year rows
                any_value(d.regime_basis_vi) as regime_vi,
                any_value(d.regime_basis_en) as regime_en
            from marts.fct_awards as a
            left join marts.dim_cluster as c using (cluster_id)
            left join marts.dim_award_type as t using (award_type_code)
            left join marts.dim_year as d on d.results_year = a.results_year
            where {_scope("a", "c")} and {_visible("a")}
            group by grouping sets ((a.results_year), (a.award_type_code), (a.cluster_id))
        )
        select *
        from grouped
        -- a chart of every cluster of the country is unreadable: the busiest ones
        qualify dimension <> 'cluster'
            or row_number() over (partition by dimension order by proposed desc, cluster_name)
                <= $max_lines
        order by dimension, results_year, rank_order, cluster_name
        """,
        _params(f, max_lines=MAX_CLUSTER_LINES),
    )


@_cached
def award_funnel(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Proposed -> approved -> decided counts by year, by award type and by cluster, in one pass.

    The cluster grouping keeps the MAX_CLUSTER_LINES clusters with the most proposals.

    Every award was proposed first; `approved` counts those whose latest status is approved or
    decided (fct_cluster_year uses the same rule).
    """
    return run(db, q_award_funnel(f))


def q_award_list(f: Filters, status: str | None, award_type: str | None) -> Query:
    return Query(
        "award_list",
        f"""
        select
            a.results_year, c.cluster_name, a.unit_id, a.unit_name, a.award_type_code,
            a.award_name_vi, a.award_name_en, a.issuer, a.status, a.decision_no,
            a.decision_date, a.regime_id, {_provenance("a")}
        from marts.fct_awards as a
        left join marts.dim_cluster as c using (cluster_id)
        {_source_join("a")}
        where {_scope("a", "c")} and {_visible("a")}
            and ($status is null or a.status = $status)
            and ($award_type is null or a.award_type_code = $award_type)
        order by a.results_year desc, c.cluster_name, a.unit_name nulls last
        limit {DETAIL_ROW_CAP + 1}
        """,
        _params(f, status=status, award_type=award_type),
    )


@_cached
def award_list(
    db: str, stamp: str, f: Filters, status: str | None, award_type: str | None
) -> pl.DataFrame:
    """The awards themselves, newest first; one row past the cap tells the page it was cut."""
    return run(db, q_award_list(f, status, award_type))


def q_award_types() -> Query:
    return Query(
        "award_types",
        """
        select award_type_code, award_name_vi, award_name_en, rank_order
        from marts.dim_award_type
        order by rank_order
        """,
    )


@_cached
def award_types(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_award_types())


def q_compliance(f: Filters, year: int | None = None, cluster_id: str | None = None) -> Query:
    return Query(
        "compliance",
        f"""
        select
            x.results_year, x.regime_id, x.regime_basis_vi as basis_vi,
            x.regime_basis_en as basis_en, x.rule_code, x.rule_name_vi, x.rule_name_en,
            x.rule_kind, x.severity, x.cluster_id, c.cluster_name, x.unit_id, x.unit_name,
            x.award_id, x.award_type_code, x.award_status, x.observed_value, x.allowed_value,
            x.detail, x.detail_vi, {_provenance("x")}
        from marts.mart_award_compliance as x
        left join marts.dim_cluster as c using (cluster_id)
        {_source_join("x")}
        where x.results_year between $year_from and $year_to
            and ($organizer_id is null or x.organizer_id = $organizer_id)
            -- organiser-level findings (a quota) have no cluster: they stay under any kind
            and ($cluster_kind is null or c.cluster_kind = $cluster_kind or x.cluster_id is null)
            and {_visible("x")}
            and ($year is null or x.results_year = $year)
            and ($cluster_id is null or x.cluster_id = $cluster_id)
        order by
            list_position(['error', 'warning', 'info'], x.severity), x.results_year desc,
            x.rule_code, c.cluster_name, x.unit_name
        limit {DETAIL_ROW_CAP + 1}
        """,
        _params(f, year=year, cluster_id=cluster_id),
    )


@_cached
def compliance(
    db: str, stamp: str, f: Filters, year: int | None = None, cluster_id: str | None = None
) -> pl.DataFrame:
    """Award compliance findings (one per rule break) with the legal regime in force.

    `year` and `cluster_id` narrow the sidebar's selection to one results year or one cluster
    (the compliance tab's own filters); None keeps every one.
    """
    return run(db, q_compliance(f, year, cluster_id))


def q_compliance_scope(f: Filters) -> Query:
    return Query(
        "compliance_scope",
        f"""
        select x.results_year, x.cluster_id, any_value(c.cluster_name) as cluster_name,
            count(*) as findings
        from marts.mart_award_compliance as x
        left join marts.dim_cluster as c using (cluster_id)
        where x.results_year between $year_from and $year_to
            and ($organizer_id is null or x.organizer_id = $organizer_id)
            and ($cluster_kind is null or c.cluster_kind = $cluster_kind or x.cluster_id is null)
            and {_visible("x")}
        group by all
        order by all
        """,
        _params(f),
    )


@_cached
def compliance_scope(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Findings per results year and cluster in the selection: the choices of the compliance
    tab's year and cluster filters (a cluster-less finding, an organiser's quota, has none)."""
    return run(db, q_compliance_scope(f))


def q_legal_regimes() -> Query:
    return Query(
        "legal_regimes",
        """
        select
            regime_id, from_year, to_year, basis_vi, basis_en,
            gov_flag_requires_prior_provincial_flag, gov_flag_max_share_of_eligible,
            gov_flag_requires_leading_unit, provincial_flags_per_leading_unit, source_note
        from reference.legal_regimes
        order by from_year
        """,
    )


@_cached
def legal_regimes(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_legal_regimes())


def q_compliance_rules() -> Query:
    return Query(
        "compliance_rules",
        """
        select rule_code, name_vi, name_en, description, rule_kind, severity, applicability,
            source_note
        from reference.compliance_rules
        where is_enabled
        order by list_position(['error', 'warning', 'info'], severity), rule_code
        """,
    )


@_cached
def compliance_rules(db: str, stamp: str) -> pl.DataFrame:
    """The rules the compliance mart checks and where they apply (seed compliance_rules)."""
    return run(db, q_compliance_rules())


# --- compare (So sánh) ---------------------------------------------------------------------------


def _in_clusters(fact: str) -> str:
    return (
        f"{fact}.cluster_id in (select unnest($cluster_ids::varchar[]))"
        f" and {fact}.results_year between $year_from and $year_to"
    )


def _compare_params(f: Filters, cluster_ids: tuple[str, ...]) -> dict[str, object]:
    return {
        "cluster_ids": list(cluster_ids),
        "year_from": f.years[0],
        "year_to": f.years[1],
        "include_synthetic": f.include_synthetic,
    }


def q_compare_years(f: Filters, cluster_ids: tuple[str, ...]) -> Query:
    return Query(
        "compare_years",
        f"""
        with y as (
            select
                y.cluster_id, y.cluster_name, y.results_year,
                {_shown("y", "member_count", "is_member_count_synthetic")},
                {_shown("y", "mean_share_of_max", "is_score_synthetic")},
                {_shown("y", "stddev_share_of_max", "is_score_synthetic")},
                {_shown("y", "units_scored", "is_score_synthetic")},
                {_shown("y", "awards_proposed", "is_awards_synthetic")},
                {_shown("y", "awards_decided", "is_awards_synthetic")},
                {_shown("y", "top_unit_name", "is_top_unit_synthetic")},
                {_shown("y", "leader_name", "is_leader_synthetic")},
                {_shown("y", "award_rate", "is_award_rate_synthetic")},
                y.is_synthetic, {_shown_mix("y")}, y.is_member_count_synthetic,
                y.is_leader_synthetic, y.is_award_rate_synthetic,
                {_value_source("y", "score")}, {_value_source("y", "awards")},
                {_value_source("y", "top_unit")}
            from marts.fct_cluster_year as y
            {_value_source_join("y", "score")}
            {_value_source_join("y", "awards")}
            {_value_source_join("y", "top_unit")}
            where {_in_clusters("y")} and {_visible("y")}
        )
        select *
        from y
        order by cluster_name, results_year
        """,
        _compare_params(f, cluster_ids),
    )


@_cached
def compare_years(db: str, stamp: str, f: Filters, cluster_ids: tuple[str, ...]) -> pl.DataFrame:
    """Share of maximum and award rate (the mart's decided awards per member) per cluster-year.

    Each value follows its own group's flag (scores, awards, member count, leading unit, award
    rate: generated when its awards or its member count are).
    """
    return run(db, q_compare_years(f, cluster_ids))


def q_compare_rank_changes(f: Filters, cluster_ids: tuple[str, ...]) -> Query:
    return Query(
        "compare_rank_changes",
        f"""
        select
            x.cluster_id, x.end_year as results_year,
            {_shown("x", "mean_abs_rank_change", "is_rank_stability_synthetic")},
            x.units_compared,
            coalesce(x.is_rank_stability_synthetic, false) as is_synthetic
        from marts.mart_cluster_changes as x
        where x.cluster_id in (select unnest($cluster_ids::varchar[]))
            and x.base_year >= $year_from and x.end_year <= $year_to
            and x.end_year = x.base_year + 1
            and x.units_compared > 0
        order by all
        """,
        _compare_params(f, cluster_ids),
    )


@_cached
def compare_rank_changes(
    db: str, stamp: str, f: Filters, cluster_ids: tuple[str, ...]
) -> pl.DataFrame:
    """Rank stability per cluster-year: the mean absolute change of the units' rank from the
    year before (mart_cluster_changes of consecutive years, where the measure is defined: the
    rank that counts, units followed through the reorganisations, only units ranked both years).
    Blank when its ranks are generated and generated values are hidden.
    """
    return run(db, q_compare_rank_changes(f, cluster_ids))


# --- changes (Thay đổi) --------------------------------------------------------------------------

# What the changes page can sort by: the change in share of the maximum, or in rank.
CHANGE_SORTS = ("share", "rank")


def q_change_years(f: Filters) -> Query:
    return Query(
        "change_years",
        f"""
        select distinct y.results_year
        from marts.fct_cluster_year as y
        where {_scope("y", "y")} and {_visible("y")}
        order by y.results_year
        """,
        _params(f),
    )


@_cached
def change_years(db: str, stamp: str, f: Filters) -> list[int]:
    """Results years with a cluster-year in the selection: the base and end years to pick from."""
    return [int(y) for y in run(db, q_change_years(f))["results_year"].to_list()]


def _change_params(f: Filters, base: int, end: int, sort: str) -> dict[str, object]:
    return {
        "base": base,
        "end": end,
        "sort": sort,
        "organizer_id": f.organizer_id,
        "cluster_kind": f.cluster_kind,
        "include_synthetic": f.include_synthetic,
    }


def q_cluster_changes(f: Filters, base: int, end: int, sort: str) -> Query:
    return Query(
        "cluster_changes",
        f"""
        with shown as (
            select
                x.cluster_id, x.cluster_name, x.cluster_kind, x.base_year, x.end_year,
                {_shown("x", "base_share_of_max", "is_share_change_synthetic")},
                {_shown("x", "end_share_of_max", "is_share_change_synthetic")},
                {_shown("x", "share_of_max_change", "is_share_change_synthetic")},
                {_shown("x", "base_share_rank", "is_share_rank_change_synthetic")},
                {_shown("x", "end_share_rank", "is_share_rank_change_synthetic")},
                {_shown("x", "share_rank_change", "is_share_rank_change_synthetic")},
                x.base_clusters_ranked, x.end_clusters_ranked,
                {_shown("x", "mean_abs_rank_change", "is_rank_stability_synthetic")},
                x.units_compared, x.is_share_change_synthetic, x.is_share_rank_change_synthetic,
                x.is_rank_stability_synthetic, x.is_synthetic
            from marts.mart_cluster_changes as x
            where x.base_year = $base and x.end_year = $end
                and ($organizer_id is null or x.organizer_id = $organizer_id)
                and ($cluster_kind is null or x.cluster_kind = $cluster_kind)
                and {_visible("x")}
        )
        select *
        from shown
        order by
            case when $sort = 'rank' then share_rank_change end desc nulls last,
            share_of_max_change desc nulls last, share_rank_change desc nulls last, cluster_name
        limit {DETAIL_ROW_CAP + 1}
        """,
        _change_params(f, base, end, sort),
    )


@_cached
def cluster_changes(
    db: str, stamp: str, f: Filters, base: int, end: int, sort: str
) -> pl.DataFrame:
    """Every cluster of the selection with a row in both years, most improved first.

    The measures are mart_cluster_changes' (change in mean share of the maximum, places gained
    among the organiser's clusters of the kind, the units' rank stability); the page only picks
    the years and the order (`sort`: 'share' or 'rank'). A change resting on a generated value
    is blank when generated values are hidden, and sorts last.
    """
    return run(db, q_cluster_changes(f, base, end, sort))


def q_unit_changes(f: Filters, base: int, end: int, sort: str) -> Query:
    return Query(
        "unit_changes",
        f"""
        with shown as (
            select
                x.unit_id, x.unit_name, x.end_unit_id, x.end_unit_name, x.current_unit_id,
                x.cluster_id, c.cluster_name, x.base_year, x.end_year,
                {_shown("x", "base_share_of_max", "is_share_change_synthetic")},
                {_shown("x", "end_share_of_max", "is_share_change_synthetic")},
                {_shown("x", "share_of_max_change", "is_share_change_synthetic")},
                {_shown("x", "base_rank", "is_rank_change_synthetic")},
                {_shown("x", "end_rank", "is_rank_change_synthetic")},
                {_shown("x", "rank_change", "is_rank_change_synthetic")},
                x.base_member_count, x.end_member_count, x.is_share_change_synthetic,
                x.is_rank_change_synthetic, x.is_synthetic
            from marts.mart_unit_changes as x
            inner join marts.dim_cluster as c using (cluster_id)
            where x.base_year = $base and x.end_year = $end
                and ($organizer_id is null or x.organizer_id = $organizer_id)
                and ($cluster_kind is null or c.cluster_kind = $cluster_kind)
                and {_visible("x")}
        )
        select *
        from shown
        order by
            case when $sort = 'rank' then rank_change end desc nulls last,
            share_of_max_change desc nulls last, rank_change desc nulls last, unit_name
        limit {DETAIL_ROW_CAP + 1}
        """,
        _change_params(f, base, end, sort),
    )


@_cached
def unit_changes(db: str, stamp: str, f: Filters, base: int, end: int, sort: str) -> pl.DataFrame:
    """Every unit of the selection in the same cluster in both years, most improved first.

    The measures are mart_unit_changes' (change in share of the maximum, places gained in the
    cluster, the unit followed to its successor); the page only picks the years and the order.
    """
    return run(db, q_unit_changes(f, base, end, sort))


# --- data quality (Chất lượng dữ liệu) -----------------------------------------------------------


def q_publish_history() -> Query:
    return Query(
        "publish_history",
        """
        select published_at, thidua_version, dbt_seconds, tests_passed, tests_failed
        from meta.publish_log
        order by published_at desc
        limit 200
        """,
    )


@_cached
def publish_history(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_publish_history())


def q_dbt_results() -> Query:
    return Query(
        "dbt_results",
        f"""
        select
            resource_type, name, status, message, execution_seconds, unique_id,
            status in ('fail', 'error', 'warn', 'runtime error', 'skipped') as is_problem
        from meta.dbt_results
        order by is_problem desc, resource_type, name
        limit {DETAIL_ROW_CAP}
        """,
    )


@_cached
def dbt_results(db: str, stamp: str) -> pl.DataFrame:
    """Every node of the published build (seeds, models, tests) with its status; problems first."""
    return run(db, q_dbt_results())


def q_load_ledger() -> Query:
    return Query(
        "load_ledger",
        f"""
        select
            load_id, loaded_at, file_name, source_sheet, record_type, status, rows_read,
            rows_loaded, rows_quarantined, rows_read = rows_loaded + rows_quarantined as balances,
            message, file_path, loader_version
        from quality.load_ledger
        order by load_id desc
        limit {DETAIL_ROW_CAP}
        """,
    )


@_cached
def load_ledger(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_load_ledger())


# The latest validation of each file (a re-load of the same content supersedes the older one).
_LATEST_VALIDATIONS = """
    latest as (
        select l.record_type, l.file_name, coalesce(l.source_sheet, '') as sheet_key,
            max(v.load_id) as load_id
        from quality.validation_results as v
        inner join quality.load_ledger as l using (load_id)
        group by all
    )
"""


def q_gx_summary() -> Query:
    return Query(
        "gx_summary",
        f"""
        with {_LATEST_VALIDATIONS}
        select
            v.record_type,
            count(distinct v.load_id) as files,
            count(*) as expectations,
            count(*) filter (where not v.is_success) as failed,
            max(v.element_count) as max_rows_checked,
            sum(v.unexpected_count) as unexpected_rows,
            max(v.validated_at) as last_validated_at
        from quality.validation_results as v
        inner join latest using (load_id)
        group by all
        order by failed desc, v.record_type
        """,
    )


@_cached
def gx_summary(db: str, stamp: str) -> pl.DataFrame:
    """Great Expectations results per record type, over the latest validation of each file."""
    return run(db, q_gx_summary())


def q_gx_latest() -> Query:
    return Query(
        "gx_latest",
        f"""
        with {_LATEST_VALIDATIONS}
        select
            v.record_type, latest.file_name, v.expectation, v.column_name, v.is_success,
            v.element_count, v.unexpected_count, v.validated_at, v.suite_name
        from quality.validation_results as v
        inner join latest using (load_id)
        order by v.is_success, v.record_type, latest.file_name, v.expectation, v.column_name
        limit {DETAIL_ROW_CAP}
        """,
    )


@_cached
def gx_latest(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_gx_latest())


def q_quarantine() -> Query:
    return Query(
        "quarantine",
        f"""
        select
            q.load_id, q.record_type, q.source_file, q.source_sheet, q.source_row,
            q.column_name, q.value, q.rule, q.message_vi, q.message_en, q.candidates
        from quality.quarantine as q
        order by q.load_id desc, q.source_file, q.source_row
        limit {DETAIL_ROW_CAP + 1}
        """,
    )


@_cached
def quarantine(db: str, stamp: str) -> pl.DataFrame:
    """Quarantined rows with the rule they broke, newest load first (capped)."""
    return run(db, q_quarantine())


def q_quarantine_by_rule() -> Query:
    return Query(
        "quarantine_by_rule",
        """
        select record_type, rule, count(*) as n
        from quality.quarantine
        group by all
        order by n desc, record_type, rule
        """,
    )


@_cached
def quarantine_by_rule(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_quarantine_by_rule())


def q_unresolved_names() -> Query:
    return Query(
        "unresolved_names",
        """
        with latest as (
            select content_hash, coalesce(source_sheet, '') as sheet_key, max(load_id) as load_id
            from quality.load_ledger
            where status = 'loaded'
            group by all
        )
        select
            q.value as name, q.rule, q.column_name, any_value(q.candidates) as candidates,
            count(*) as rows, string_agg(distinct q.source_file, ', ') as files
        from quality.quarantine as q
        inner join latest using (load_id)
        where q.rule in ('unresolved_name', 'ambiguous_name')
        group by all
        order by rows desc, name
        """,
    )


@_cached
def unresolved_names(db: str, stamp: str) -> pl.DataFrame:
    """Names the loader could not resolve in the latest load of each file, with candidates.

    The same list as `thidua aliases list`, read from the published copy of the ledger.
    """
    return run(db, q_unresolved_names())


# --- SQL page ------------------------------------------------------------------------------------

BROWSABLE_SCHEMAS = ("marts", "quality", "meta", "reference")

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
select cluster_name, results_year, round(mean_share_of_max, 3) as mean_share,
       is_score_synthetic, score_source_kind
from marts.fct_cluster_year
order by cluster_name, results_year""",
    "sql.ex.leaders": """\
select results_year, cluster_name, leader_name, deputy_names, top_unit_name
from marts.fct_cluster_year
where cluster_id = 'th-ubnd:cum-08'
order by results_year""",
    "sql.ex.mismatch": """\
select results_year, cluster_id, unit_name, declared_rank, rank_by_score, share_of_max
from marts.fct_unit_year_scores
where is_rank_mismatch
order by results_year desc, cluster_id, declared_rank""",
    "sql.ex.awards": """\
select award_name_vi, status, is_synthetic, count(*) as n
from marts.fct_awards
group by all
order by all""",
    "sql.ex.sources": """\
select s.title, s.publisher, s.published_on, s.url, count(*) as facts
from marts.fct_memberships as m
join marts.dim_source as s on s.source_id = m.source_ref
group by all
order by s.published_on""",
    "sql.ex.tables": "show all tables",
}


def q_schema_tables() -> Query:
    return Query(
        "schema_tables",
        """
        select
            schema_name, table_name, schema_name || '.' || table_name as qualified_name,
            comment, estimated_size, column_count
        from duckdb_tables()
        where database_name = 'wh' and schema_name in ('marts', 'quality', 'meta', 'reference')
        order by
            list_position(['marts', 'quality', 'meta', 'reference'], schema_name), table_name
        """,
    )


@_cached
def schema_tables(db: str, stamp: str) -> pl.DataFrame:
    """The tables a user can query, with the description the build stored (if any)."""
    return run(db, q_schema_tables())


def q_schema_columns() -> Query:
    return Query(
        "schema_columns",
        """
        select
            schema_name, table_name, schema_name || '.' || table_name as qualified_name,
            column_name, data_type, comment, column_index
        from duckdb_columns()
        where database_name = 'wh' and schema_name in ('marts', 'quality', 'meta', 'reference')
        order by qualified_name, column_index
        """,
    )


@_cached
def schema_columns(db: str, stamp: str) -> pl.DataFrame:
    """Every column of the browsable tables with its type and stored description (if any)."""
    return run(db, q_schema_columns())


def run_user_sql(db: str, sql: str) -> UntrustedResult:
    """A user's own query, in the sandbox. Not cached: it is cheap to rerun and may be anything."""
    return run_untrusted(
        db,
        sql,
        row_cap=SQL_ROW_CAP,
        timeout_s=SQL_TIMEOUT_S,
        memory_limit=SQL_MEMORY_LIMIT,
    )


# --- the benchmark's view: the queries each page runs --------------------------------------------


@dataclass(frozen=True)
class Representative:
    """Parameters a typical analyst would pick, taken from the warehouse itself."""

    filters: Filters
    cluster_id: str
    year: int
    unit_id: str
    cluster_ids: tuple[str, ...]


def q_representative() -> Query:
    return Query(
        "representative",
        """
        with busiest_clusters as (
            select cluster_id, count(*) as n, max(results_year) as last_year
            from marts.fct_unit_year_scores
            group by all
            order by n desc, cluster_id
            limit 4
        ),
        busiest_unit as (
            select successor_unit_id as unit_id, count(*) as n
            from marts.fct_unit_year_scores
            group by all
            order by n desc, unit_id
            limit 1
        )
        select
            (select min(results_year) from marts.fct_cluster_year) as first_year,
            (select max(results_year) from marts.fct_cluster_year) as last_year,
            (select list(cluster_id order by n desc, cluster_id) from busiest_clusters)
                as cluster_ids,
            (select max(last_year) from busiest_clusters) as year,
            (select unit_id from busiest_unit) as unit_id
        """,
    )


def representative(db: str) -> Representative:
    first, last, cluster_ids, year, unit_id = run(db, q_representative()).row(0)
    clusters = tuple(cluster_ids or ())
    return Representative(
        filters=Filters(years=(int(first or FALLBACK_YEARS[0]), int(last or FALLBACK_YEARS[1]))),
        cluster_id=clusters[0] if clusters else "",
        year=int(year or last or FALLBACK_YEARS[1]),
        unit_id=str(unit_id or ""),
        cluster_ids=clusters,
    )


def page_queries(db: str, rep: Representative | None = None) -> dict[str, list[Query]]:
    """Page -> the queries that page runs on a first visit, with representative parameters.

    Keys are the pages' URL paths. The sidebar's queries run on every page and are listed once
    under "sidebar". The SQL page's user query is not listed (it is whatever the user types).
    Usage from the benchmark: `for q in page_queries(db)[page]: read_query(db, q.sql, q.params)`.
    """
    r = rep or representative(db)
    f = r.filters
    return {
        "sidebar": [q_year_bounds(), q_organizers(), q_last_publish()],
        "tong-quan": [
            q_key_figures(f),
            q_cluster_trend(f),
            q_events_by_year(f),
            q_events_coverage(f),
            q_awards_by_type(f),
            q_real_facts(f),
        ],
        "cum-khoi": [
            q_cluster_options(f, (r.cluster_id,)),
            q_cluster_profile(r.cluster_id),
            q_cluster_years(f, r.cluster_id),
            q_cluster_roster(f, r.cluster_id),
            q_cluster_leadership(f, r.cluster_id),
            q_cluster_results(f, r.cluster_id),
            q_cluster_criteria(f, r.cluster_id, r.year),
            q_cluster_events(f, r.cluster_id),
            q_cluster_awards(f, r.cluster_id),
        ],
        "don-vi": [
            q_unit_options(f, None, r.unit_id),
            q_unit_family(r.unit_id),
            q_unit_lineage(r.unit_id),
            q_unit_history(f, r.unit_id),
            q_unit_awards(f, r.unit_id),
        ],
        "khen-thuong": [
            q_award_types(),
            q_award_funnel(f),
            q_compliance_scope(f),
            q_compliance(f),
            q_legal_regimes(),
            q_compliance_rules(),
            q_award_list(f, None, None),
        ],
        "so-sanh": [
            q_cluster_options(f, r.cluster_ids),
            q_compare_years(f, r.cluster_ids),
            q_compare_rank_changes(f, r.cluster_ids),
        ],
        "thay-doi": [
            q_change_years(f),
            q_cluster_changes(f, f.years[0], f.years[1], CHANGE_SORTS[0]),
            q_unit_changes(f, f.years[0], f.years[1], CHANGE_SORTS[0]),
        ],
        "chat-luong": [
            q_publish_history(),
            q_dbt_results(),
            q_load_ledger(),
            q_gx_summary(),
            q_gx_latest(),
            q_quarantine_by_rule(),
            q_quarantine(),
            q_unresolved_names(),
        ],
        "sql": [q_schema_tables(), q_schema_columns()],
    }
