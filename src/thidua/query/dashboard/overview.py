"""Tổng quan (overview): the key figures, the clusters' scores, events and awards over the
years, and every fact of the selection that comes from a real source."""

from __future__ import annotations

from thidua.query.dashboard.common import (
    DETAIL_ROW_CAP,
    MAX_CLUSTER_LINES,
    Filters,
    Query,
    filter_params,
    filters_where,
    kind_filter,
    provenance_columns,
    shown_value,
    source_join,
    value_source_join,
    visible_rows,
    years_and_organizer,
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
                count(distinct cluster_id) filter (where {visible_rows("y")}) as clusters,
                count(distinct cluster_id) filter (where not y.is_synthetic) as clusters_real
            from marts.fct_cluster_year as y
            where {filters_where("y", "y")}
        ),
        unit_rows as (
            select s.unit_id, bool_or(not s.is_synthetic) as any_real, count(*) as n,
                count(*) filter (where not s.is_synthetic) as n_real
            from marts.fct_unit_year_scores as s
            where {years_and_organizer("s")} and {kind_filter("s")}
            group by s.unit_id
        ),
        memberships as (
            select count(*) as n, count(*) filter (where not m.is_synthetic) as n_real
            from marts.fct_memberships as m
            where {years_and_organizer("m")} and {kind_filter("m")}
        ),
        events as (
            select count(*) as n, count(*) filter (where not e.is_synthetic) as n_real
            from marts.fct_events as e
            where {years_and_organizer("e")} and {kind_filter("e")}
        ),
        awards as (
            select count(*) as n, count(*) filter (where not a.is_synthetic) as n_real
            from marts.fct_awards as a
            where {years_and_organizer("a")} and {kind_filter("a")}
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
        filter_params(f),
    )


def q_cluster_trend(f: Filters) -> Query:
    return Query(
        "cluster_trend",
        f"""
        with shown as (
            select
                y.cluster_id, y.cluster_name, y.results_year,
                {shown_value("y", "mean_share_of_max", "is_score_synthetic")},
                coalesce(y.is_score_synthetic, false) as is_score_synthetic,
                y.score_source_kind, y.score_source_ref,
                coalesce(src_score.title, y.score_source_ref) as score_source_title,
                src_score.publisher as score_source_publisher
            from marts.fct_cluster_year as y
            {value_source_join("y", "score")}
            where {filters_where("y", "y")} and {visible_rows("y")}
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
        filter_params(f, max_lines=MAX_CLUSTER_LINES),
    )


def q_events_by_year(f: Filters) -> Query:
    return Query(
        "events_by_year",
        f"""
        select e.results_year, e.event_type, e.is_synthetic, e.source_kind, count(*) as n
        from marts.fct_events as e
        left join marts.dim_cluster as c using (cluster_id)
        where {filters_where("e", "c")} and {visible_rows("e")}
        group by all
        order by all
        """,
        filter_params(f),
    )


def q_events_coverage(f: Filters) -> Query:
    return Query(
        "events_coverage",
        f"""
        with shown as (
            select
                y.cluster_id, y.cluster_name, y.results_year,
                {shown_value("y", "events_held", "is_events_synthetic")},
                {shown_value("y", "has_covenant_signing", "is_events_synthetic")},
                {shown_value("y", "has_mid_year_review", "is_events_synthetic")},
                {shown_value("y", "has_year_end_review", "is_events_synthetic")},
                coalesce(y.is_events_synthetic, false) as is_events_synthetic,
                y.events_source_kind
            from marts.fct_cluster_year as y
            where {filters_where("y", "y")} and {visible_rows("y")}
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
        filter_params(f, max_lines=MAX_CLUSTER_LINES),
    )


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
        where {filters_where("a", "c")} and {visible_rows("a")}
        group by all
        order by rank_order, a.status, a.is_synthetic
        """,
        filter_params(f),
    )


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
            x.award_name_vi, x.award_name_en, {provenance_columns("x")}
        from facts as x
        left join marts.dim_cluster as c using (cluster_id)
        {source_join("x")}
        where {filters_where("x", "c")}
        order by
            x.results_year, cluster_name, x.fact_order, x.declared_rank nulls last,
            x.fact_date nulls last, x.unit_name
        limit {DETAIL_ROW_CAP + 1}
        """,
        filter_params(f, synthetic=False),
    )
