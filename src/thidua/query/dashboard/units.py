"""Đơn vị (one unit): the picker's choices, the unit's family across the reorganisations, and
its history and awards."""

from __future__ import annotations

from thidua.query.dashboard.common import (
    Filters,
    Query,
    filter_params,
    filters_where,
    kind_filter,
    provenance_columns,
    shown_mix,
    shown_value,
    source_join,
    value_source_columns,
    value_source_join,
    visible_rows,
    years_and_organizer,
)

UNIT_OPTION_CAP = 5_000


def q_unit_options(f: Filters, found: tuple[str, ...] | None, unit_id: str | None) -> Query:
    return Query(
        "unit_options",
        f"""
        with seen as (
            select m.unit_id, count(*) as years, bool_and(m.is_synthetic) as is_synthetic
            from marts.fct_memberships as m
            where {years_and_organizer("m")} and {kind_filter("m")} and {visible_rows("m")}
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
        filter_params(f, found=None if found is None else list(found), unit_id=unit_id),
    )


# The successors of every unit that is the same entity as the selected one: a unit followed
# across the reorganisations (successor_unit_id) and across organisers' systems (entity_unit_id:
# the provincial trade union in the province's clusters and in the federation's).
SAME_ENTITY_SUCCESSORS = """
    select successor_unit_id from marts.dim_unit
    where entity_unit_id = (select entity_unit_id from marts.dim_unit where unit_id = $unit_id)
"""


def q_unit_family(unit_id: str) -> Query:
    return Query(
        "unit_family",
        f"""
        with me as ({SAME_ENTITY_SUCCESSORS})
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


def q_unit_history(f: Filters, unit_id: str) -> Query:
    return Query(
        "unit_history",
        f"""
        select
            h.results_year, h.unit_id, h.unit_name, h.current_unit_id, h.current_unit_name,
            h.is_current_unit, h.organizer_id, h.cluster_id, c.cluster_name,
            {shown_value("h", "role", "is_membership_synthetic")},
            {shown_value("h", "final_score", "is_score_synthetic")},
            {shown_value("h", "max_score", "is_score_synthetic")},
            {shown_value("h", "share_of_max", "is_score_synthetic")},
            {shown_value("h", "declared_rank", "is_rank_synthetic")},
            {shown_value("h", "rank_by_score", "is_rank_by_score_synthetic")},
            {shown_value("h", "effective_rank", "is_effective_rank_synthetic", "rank")},
            {shown_value("h", "effective_rank_basis", "is_effective_rank_synthetic", "rank_basis")},
            {shown_value("h", "member_count", "is_member_count_synthetic")},
            {shown_value("h", "awards_count", "is_awards_synthetic")},
            {shown_value("h", "awards_decided", "is_awards_synthetic")},
            {shown_value("h", "award_names", "is_awards_synthetic")},
            h.is_rank_by_score_synthetic, h.is_effective_rank_synthetic,
            h.is_member_count_synthetic,
            {value_source_columns("h", "membership", as_group="role")},
            {value_source_columns("h", "score")},
            {value_source_columns("h", "rank")}, {value_source_columns("h", "awards")},
            h.is_synthetic, {shown_mix("h")}
        from marts.unit_history as h
        left join marts.dim_cluster as c using (cluster_id)
        {value_source_join("h", "membership")}
        {value_source_join("h", "score")}
        {value_source_join("h", "rank")}
        {value_source_join("h", "awards")}
        where h.current_unit_id in ({SAME_ENTITY_SUCCESSORS})
            and {filters_where("h", "c")} and {visible_rows("h")}
        order by h.results_year, c.cluster_name
        """,
        filter_params(f, unit_id=unit_id),
    )


def q_unit_awards(f: Filters, unit_id: str) -> Query:
    return Query(
        "unit_awards",
        f"""
        with family as (
            select unit_id from marts.dim_unit
            where successor_unit_id in ({SAME_ENTITY_SUCCESSORS})
        )
        select
            a.results_year, a.unit_id, a.unit_name, c.cluster_name, a.award_type_code,
            a.award_name_vi, a.award_name_en, a.issuer, a.status, a.decision_no,
            a.decision_date, coalesce(t.rank_order, 99) as rank_order, {provenance_columns("a")}
        from marts.fct_awards as a
        left join marts.dim_cluster as c using (cluster_id)
        left join marts.dim_award_type as t using (award_type_code)
        {source_join("a")}
        where a.unit_id in (select unit_id from family)
            and {filters_where("a", "c")} and {visible_rows("a")}
        order by a.results_year, rank_order
        """,
        filter_params(f, unit_id=unit_id),
    )
