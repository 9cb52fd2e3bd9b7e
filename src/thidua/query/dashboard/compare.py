"""So sánh (compare): a few clusters side by side, year by year."""

from __future__ import annotations

from thidua.query.dashboard.common import (
    Filters,
    Query,
    shown_mix,
    shown_value,
    value_source_columns,
    value_source_join,
    visible_rows,
)

# The most clusters the page sets side by side (the picker stops there).
COMPARE_MAX = 6


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
                {shown_value("y", "member_count", "is_member_count_synthetic")},
                {shown_value("y", "mean_share_of_max", "is_score_synthetic")},
                {shown_value("y", "stddev_share_of_max", "is_score_synthetic")},
                {shown_value("y", "units_scored", "is_score_synthetic")},
                {shown_value("y", "awards_proposed", "is_awards_synthetic")},
                {shown_value("y", "awards_decided", "is_awards_synthetic")},
                {shown_value("y", "top_unit_name", "is_top_unit_synthetic")},
                {shown_value("y", "leader_name", "is_leader_synthetic")},
                {shown_value("y", "award_rate", "is_award_rate_synthetic")},
                y.is_synthetic, {shown_mix("y")}, y.is_member_count_synthetic,
                y.is_leader_synthetic, y.is_award_rate_synthetic,
                {value_source_columns("y", "score")}, {value_source_columns("y", "awards")},
                {value_source_columns("y", "top_unit")}
            from marts.fct_cluster_year as y
            {value_source_join("y", "score")}
            {value_source_join("y", "awards")}
            {value_source_join("y", "top_unit")}
            where {_in_clusters("y")} and {visible_rows("y")}
        )
        select *
        from y
        order by cluster_name, results_year
        """,
        _compare_params(f, cluster_ids),
    )


def q_compare_rank_changes(f: Filters, cluster_ids: tuple[str, ...]) -> Query:
    return Query(
        "compare_rank_changes",
        f"""
        select
            x.cluster_id, x.end_year as results_year,
            {shown_value("x", "mean_abs_rank_change", "is_rank_stability_synthetic")},
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
