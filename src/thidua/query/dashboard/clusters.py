"""Cụm / Khối (one cluster): the picker's choices, and one cluster's profile, years, roster,
results, leadership, criterion scores, events and awards."""

from __future__ import annotations

from thidua.query.dashboard.common import (
    Filters,
    Query,
    filter_params,
    filters_where,
    provenance_columns,
    shown_mix,
    shown_value,
    source_join,
    value_source_columns,
    value_source_join,
    visible_rows,
)


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
            where {filters_where("y", "c")} and ({visible_rows("c")})
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
        filter_params(f, pinned=list(pinned)),
    )


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


def q_cluster_years(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_years",
        f"""
        select
            y.results_year,
            {shown_value("y", "member_count", "is_member_count_synthetic")},
            {shown_value("y", "leader_unit_id", "is_leader_synthetic")},
            {shown_value("y", "leader_name", "is_leader_synthetic")},
            {shown_value("y", "deputy_names", "is_deputy_synthetic")},
            {shown_value("y", "deputy_unit_ids", "is_deputy_synthetic")},
            {shown_value("y", "top_unit_id", "is_top_unit_synthetic")},
            {shown_value("y", "top_unit_name", "is_top_unit_synthetic")},
            {shown_value("y", "top_unit_basis", "is_top_unit_synthetic")},
            {shown_value("y", "mean_share_of_max", "is_score_synthetic")},
            {shown_value("y", "stddev_share_of_max", "is_score_synthetic")},
            {shown_value("y", "units_scored", "is_score_synthetic")},
            {shown_value("y", "rank_mismatches", "is_score_synthetic")},
            {shown_value("y", "events_held", "is_events_synthetic")},
            {shown_value("y", "has_covenant_signing", "is_events_synthetic")},
            {shown_value("y", "has_mid_year_review", "is_events_synthetic")},
            {shown_value("y", "has_year_end_review", "is_events_synthetic")},
            {shown_value("y", "awards_proposed", "is_awards_synthetic")},
            {shown_value("y", "awards_approved", "is_awards_synthetic")},
            {shown_value("y", "awards_decided", "is_awards_synthetic")},
            {shown_value("y", "is_leader_not_member", "is_leader_check_synthetic")},
            {shown_value("y", "leader_not_member_reason", "is_leader_check_synthetic")},
            {shown_value("y", "is_flag_to_top_unit", "is_flag_to_top_unit_synthetic")},
            {shown_value("y", "flag_to_top_unit_reason", "is_flag_to_top_unit_synthetic")},
            {shown_value("y", "flag_unit_names", "is_flag_synthetic")},
            y.is_leader_check_synthetic, y.is_flag_to_top_unit_synthetic, y.is_flag_synthetic,
            y.is_synthetic, {shown_mix("y")}, y.is_member_count_synthetic,
            {value_source_columns("y", "leader")}, {value_source_columns("y", "deputy")},
            {value_source_columns("y", "top_unit")}, {value_source_columns("y", "score")},
            {value_source_columns("y", "events")}, {value_source_columns("y", "awards")},
            d.school_year
        from marts.fct_cluster_year as y
        left join marts.dim_year as d on d.results_year = y.results_year
        {value_source_join("y", "leader")}
        {value_source_join("y", "deputy")}
        {value_source_join("y", "top_unit")}
        {value_source_join("y", "score")}
        {value_source_join("y", "events")}
        {value_source_join("y", "awards")}
        where {_in_cluster("y")} and {visible_rows("y")}
        order by y.results_year
        """,
        _cluster_params(f, cluster_id),
    )


def q_cluster_roster(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_roster",
        f"""
        select
            m.results_year, m.unit_id, m.unit_name, m.unit_name_raw, m.role,
            m.membership_from_year, m.membership_to_year, {provenance_columns("m")}
        from marts.fct_memberships as m
        {source_join("m")}
        where {_in_cluster("m")} and {visible_rows("m")}
        order by m.results_year, m.unit_name
        """,
        _cluster_params(f, cluster_id),
    )


def q_cluster_results(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_results",
        f"""
        select
            s.results_year, s.unit_id, s.unit_name,
            {shown_value("s", "role", "is_membership_synthetic")},
            {shown_value("s", "has_membership", "is_membership_synthetic")},
            {shown_value("s", "self_score", "is_score_synthetic")},
            {shown_value("s", "peer_score", "is_score_synthetic")},
            {shown_value("s", "agreed_score", "is_score_synthetic")},
            {shown_value("s", "final_score", "is_score_synthetic")},
            {shown_value("s", "max_score", "is_score_synthetic")},
            {shown_value("s", "share_of_max", "is_score_synthetic")},
            {shown_value("s", "score_basis", "is_score_synthetic")},
            {shown_value("s", "declared_rank", "is_rank_synthetic")},
            {shown_value("s", "classification", "is_rank_synthetic")},
            {shown_value("s", "rank_by_score", "is_rank_by_score_synthetic")},
            {shown_value("s", "effective_rank", "is_effective_rank_synthetic", "rank")},
            {shown_value("s", "effective_rank_basis", "is_effective_rank_synthetic", "rank_basis")},
            case
                when $include_synthetic
                    or not (coalesce(s.is_rank_synthetic, false)
                        or coalesce(s.is_rank_by_score_synthetic, false))
                    then s.is_rank_mismatch
            end as is_rank_mismatch,
            {shown_value("s", "member_count", "is_member_count_synthetic")},
            s.is_rank_by_score_synthetic, s.is_effective_rank_synthetic,
            {value_source_columns("s", "membership", url=True, file_row=True, as_group="role")},
            {value_source_columns("s", "score", url=True, file_row=True)},
            {value_source_columns("s", "rank", url=True, file_row=True)},
            s.is_synthetic, {shown_mix("s")}
        from marts.fct_unit_year_scores as s
        {value_source_join("s", "membership")}
        {value_source_join("s", "score")}
        {value_source_join("s", "rank")}
        where {_in_cluster("s")} and {visible_rows("s")}
        order by s.results_year, rank nulls last, s.unit_name
        """,
        _cluster_params(f, cluster_id),
    )


def q_cluster_leadership(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_leadership",
        f"""
        select
            l.results_year, l.role, l.unit_id, l.unit_name,
            {shown_value("l", "was_deputy_previous_year", "is_previous_year_synthetic")},
            {shown_value("l", "is_leader_next_year", "is_next_year_synthetic")},
            {provenance_columns("l")}
        from marts.fct_leadership as l
        {source_join("l")}
        where {_in_cluster("l")} and {visible_rows("l")}
        order by l.results_year, l.role desc, l.unit_name
        """,
        _cluster_params(f, cluster_id),
    )


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


def q_cluster_events(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_events",
        f"""
        select
            e.results_year, e.event_type, e.event_date, e.end_date, e.part_of_day,
            e.host_unit_id, e.host_name, {provenance_columns("e")}
        from marts.fct_events as e
        {source_join("e")}
        where {_in_cluster("e")} and {visible_rows("e")}
        order by e.event_date
        """,
        _cluster_params(f, cluster_id),
    )


def q_cluster_awards(f: Filters, cluster_id: str) -> Query:
    return Query(
        "cluster_awards",
        f"""
        select
            a.results_year, a.unit_id, a.unit_name, a.award_type_code, a.award_name_vi,
            a.award_name_en, a.issuer, a.status, a.decision_no, a.decision_date,
            coalesce(t.rank_order, 99) as rank_order, {provenance_columns("a")}
        from marts.fct_awards as a
        left join marts.dim_award_type as t using (award_type_code)
        {source_join("a")}
        where {_in_cluster("a")} and {visible_rows("a")}
        order by a.results_year, rank_order, a.unit_name nulls last
        """,
        _cluster_params(f, cluster_id),
    )
