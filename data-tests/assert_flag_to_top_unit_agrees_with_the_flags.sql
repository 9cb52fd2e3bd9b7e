-- fct_cluster_year.is_flag_to_top_unit agrees with the flags and ranks it is about. It is true
-- only when every leading-unit flag of the cluster-year names a unit ranked first there; false
-- only when one names a unit that is not; and every PROV_FLAG_NOT_FIRST finding of
-- mart_award_compliance about a flag ranked in its own cluster is a cluster-year answered false.
-- Returns every cluster-year that breaks one of these.

with

cluster_years as (

    select * from {{ ref('fct_cluster_year') }}

),

flags as (

    select
        awards.organizer_id,
        coalesce(awards.cluster_id, awards.ranked_cluster_id) as cluster_id,
        awards.results_year,
        awards.unit_id,
        unit_years.effective_rank

    from {{ ref('fct_awards') }} as awards
    left join {{ ref('fct_unit_year_scores') }} as unit_years
        on
            awards.organizer_id = unit_years.organizer_id
            and coalesce(awards.cluster_id, awards.ranked_cluster_id) = unit_years.cluster_id
            and awards.results_year = unit_years.results_year
            and awards.unit_id = unit_years.unit_id
    where awards.is_leading_unit_flag

),

per_cluster_year as (

    select
        organizer_id,
        cluster_id,
        results_year,
        bool_and(effective_rank = 1) as all_to_first,
        bool_or(unit_id is not null and coalesce(effective_rank, 0) <> 1) as any_to_other

    from flags
    group by organizer_id, cluster_id, results_year

),

answers as (

    select
        cluster_years.organizer_id,
        cluster_years.cluster_id,
        cluster_years.results_year,
        cluster_years.is_flag_to_top_unit,
        cluster_years.flag_to_top_unit_reason,
        per_cluster_year.all_to_first,
        per_cluster_year.any_to_other

    from cluster_years
    left join per_cluster_year
        on
            cluster_years.organizer_id = per_cluster_year.organizer_id
            and cluster_years.cluster_id = per_cluster_year.cluster_id
            and cluster_years.results_year = per_cluster_year.results_year

),

broken_rule as (

    select
        organizer_id,
        cluster_id,
        results_year,
        'answer contradicts the flags' as problem

    from answers
    where
        (is_flag_to_top_unit and not coalesce(all_to_first, false))
        or (not is_flag_to_top_unit and not coalesce(any_to_other, false))
        or (flag_to_top_unit_reason = 'no_flag_recorded' and all_to_first is not null)

),

not_first_findings as (

    select
        findings.organizer_id,
        findings.cluster_id,
        findings.results_year,
        'PROV_FLAG_NOT_FIRST in a cluster-year not answered false' as problem

    from {{ ref('mart_award_compliance') }} as findings
    inner join {{ ref('fct_awards') }} as awards
        on findings.award_id = awards.award_id
    left join cluster_years
        on
            findings.organizer_id = cluster_years.organizer_id
            and findings.cluster_id = cluster_years.cluster_id
            and findings.results_year = cluster_years.results_year
    where
        findings.rule_code = 'PROV_FLAG_NOT_FIRST'
        and awards.ranked_cluster_id = findings.cluster_id
        and awards.is_leading_unit_flag
        and cluster_years.is_flag_to_top_unit is distinct from false

)

select * from broken_rule
union all
select * from not_first_findings
