"""Thay đổi (changes): clusters and units between a base year and an end year, most improved
first."""

from __future__ import annotations

from thidua.query.dashboard.common import (
    DETAIL_ROW_CAP,
    Filters,
    Query,
    filter_params,
    filters_where,
    shown_value,
    visible_rows,
)

# What the changes page can sort by: the change in share of the maximum, or in rank.
CHANGE_SORTS = ("share", "rank")


def q_change_years(f: Filters) -> Query:
    return Query(
        "change_years",
        f"""
        select distinct y.results_year
        from marts.fct_cluster_year as y
        where {filters_where("y", "y")} and {visible_rows("y")}
        order by y.results_year
        """,
        filter_params(f),
    )


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
                {shown_value("x", "base_share_of_max", "is_share_change_synthetic")},
                {shown_value("x", "end_share_of_max", "is_share_change_synthetic")},
                {shown_value("x", "share_of_max_change", "is_share_change_synthetic")},
                {shown_value("x", "base_share_rank", "is_share_rank_change_synthetic")},
                {shown_value("x", "end_share_rank", "is_share_rank_change_synthetic")},
                {shown_value("x", "share_rank_change", "is_share_rank_change_synthetic")},
                x.base_clusters_ranked, x.end_clusters_ranked,
                {shown_value("x", "mean_abs_rank_change", "is_rank_stability_synthetic")},
                x.units_compared, x.is_share_change_synthetic, x.is_share_rank_change_synthetic,
                x.is_rank_stability_synthetic, x.is_synthetic
            from marts.mart_cluster_changes as x
            where x.base_year = $base and x.end_year = $end
                and ($organizer_id is null or x.organizer_id = $organizer_id)
                and ($cluster_kind is null or x.cluster_kind = $cluster_kind)
                and {visible_rows("x")}
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


def q_unit_changes(f: Filters, base: int, end: int, sort: str) -> Query:
    return Query(
        "unit_changes",
        f"""
        with shown as (
            select
                x.unit_id, x.unit_name, x.end_unit_id, x.end_unit_name, x.current_unit_id,
                x.cluster_id, c.cluster_name, x.base_year, x.end_year,
                {shown_value("x", "base_share_of_max", "is_share_change_synthetic")},
                {shown_value("x", "end_share_of_max", "is_share_change_synthetic")},
                {shown_value("x", "share_of_max_change", "is_share_change_synthetic")},
                {shown_value("x", "base_rank", "is_rank_change_synthetic")},
                {shown_value("x", "end_rank", "is_rank_change_synthetic")},
                {shown_value("x", "rank_change", "is_rank_change_synthetic")},
                x.base_member_count, x.end_member_count, x.is_share_change_synthetic,
                x.is_rank_change_synthetic, x.is_synthetic
            from marts.mart_unit_changes as x
            inner join marts.dim_cluster as c using (cluster_id)
            where x.base_year = $base and x.end_year = $end
                and ($organizer_id is null or x.organizer_id = $organizer_id)
                and ($cluster_kind is null or c.cluster_kind = $cluster_kind)
                and {visible_rows("x")}
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
