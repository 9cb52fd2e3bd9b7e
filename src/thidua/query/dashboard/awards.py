"""Khen thưởng (awards): the proposed -> approved -> decided funnel, the awards themselves, and
the compliance findings with the rules and the legal regimes they are checked against."""

from __future__ import annotations

from thidua.query.dashboard.common import (
    DETAIL_ROW_CAP,
    MAX_CLUSTER_LINES,
    Filters,
    Query,
    filter_params,
    filters_where,
    provenance_columns,
    source_join,
    visible_rows,
)


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
            where {filters_where("a", "c")} and {visible_rows("a")}
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
        filter_params(f, max_lines=MAX_CLUSTER_LINES),
    )


def q_award_list(f: Filters, status: str | None, award_type: str | None) -> Query:
    return Query(
        "award_list",
        f"""
        select
            a.results_year, c.cluster_name, a.unit_id, a.unit_name, a.award_type_code,
            a.award_name_vi, a.award_name_en, a.issuer, a.status, a.decision_no,
            a.decision_date, a.regime_id, {provenance_columns("a")}
        from marts.fct_awards as a
        left join marts.dim_cluster as c using (cluster_id)
        {source_join("a")}
        where {filters_where("a", "c")} and {visible_rows("a")}
            and ($status is null or a.status = $status)
            and ($award_type is null or a.award_type_code = $award_type)
        order by a.results_year desc, c.cluster_name, a.unit_name nulls last
        limit {DETAIL_ROW_CAP + 1}
        """,
        filter_params(f, status=status, award_type=award_type),
    )


def q_award_types() -> Query:
    return Query(
        "award_types",
        """
        select award_type_code, award_name_vi, award_name_en, rank_order
        from marts.dim_award_type
        order by rank_order
        """,
    )


def q_compliance(f: Filters, year: int | None = None, cluster_id: str | None = None) -> Query:
    return Query(
        "compliance",
        f"""
        select
            x.results_year, x.regime_id, x.regime_basis_vi as basis_vi,
            x.regime_basis_en as basis_en, x.rule_code, x.rule_name_vi, x.rule_name_en,
            x.rule_kind, x.severity, x.cluster_id, c.cluster_name, x.unit_id, x.unit_name,
            x.award_id, x.award_type_code, x.award_status, x.observed_value, x.allowed_value,
            x.detail, x.detail_vi, {provenance_columns("x")}
        from marts.mart_award_compliance as x
        left join marts.dim_cluster as c using (cluster_id)
        {source_join("x")}
        where x.results_year between $year_from and $year_to
            and ($organizer_id is null or x.organizer_id = $organizer_id)
            -- organiser-level findings (a quota) have no cluster: they stay under any kind
            and ($cluster_kind is null or c.cluster_kind = $cluster_kind or x.cluster_id is null)
            and {visible_rows("x")}
            and ($year is null or x.results_year = $year)
            and ($cluster_id is null or x.cluster_id = $cluster_id)
        order by
            list_position(['error', 'warning', 'info'], x.severity), x.results_year desc,
            x.rule_code, c.cluster_name, x.unit_name
        limit {DETAIL_ROW_CAP + 1}
        """,
        filter_params(f, year=year, cluster_id=cluster_id),
    )


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
            and {visible_rows("x")}
        group by all
        order by all
        """,
        filter_params(f),
    )


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
