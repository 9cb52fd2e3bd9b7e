-- "Leader not a member" has one definition (fct_cluster_year.is_leader_not_member) and every
-- reader agrees with it. Checked against the unit-years themselves: a leader found not a member
-- has neither a score nor a declared rank in the cluster-year while every other unit it names
-- has one; a leader found a member has one; and mart_award_compliance reports LEADER_NOT_MEMBER
-- for exactly the cluster-years found so. Returns every cluster-year that breaks one of these.

with

cluster_years as (

    select * from {{ ref('fct_cluster_year') }}

),

unit_years as (

    select * from {{ ref('fct_unit_year_scores') }}

),

findings as (

    select distinct
        organizer_id,
        cluster_id,
        results_year,
        unit_id

    from {{ ref('mart_award_compliance') }}
    where rule_code = 'LEADER_NOT_MEMBER'

),

not_members as (

    select * from cluster_years
    where is_leader_not_member

),

results as (

    select
        cluster_years.organizer_id,
        cluster_years.cluster_id,
        cluster_years.results_year,
        cluster_years.leader_unit_id,
        cluster_years.is_leader_not_member,
        bool_or(
            unit_years.unit_id = cluster_years.leader_unit_id
            and (unit_years.final_score is not null or unit_years.declared_rank is not null)
        ) as leader_has_result,
        bool_and(
            unit_years.unit_id = cluster_years.leader_unit_id
            or unit_years.final_score is not null
            or unit_years.declared_rank is not null
        ) as others_have_results

    from cluster_years
    left join unit_years
        on
            cluster_years.organizer_id = unit_years.organizer_id
            and cluster_years.cluster_id = unit_years.cluster_id
            and cluster_years.results_year = unit_years.results_year
    where cluster_years.is_leader_not_member is not null
    group by all

),

broken_rule as (

    select
        organizer_id,
        cluster_id,
        results_year,
        leader_unit_id,
        'answer contradicts the unit-years' as problem

    from results
    where
        (is_leader_not_member and (coalesce(leader_has_result, false) or not coalesce(others_have_results, false)))
        or (not is_leader_not_member and not coalesce(leader_has_result, false))

),

compliance_disagrees as (

    select
        coalesce(cluster_years.organizer_id, findings.organizer_id) as organizer_id,
        coalesce(cluster_years.cluster_id, findings.cluster_id) as cluster_id,
        coalesce(cluster_years.results_year, findings.results_year) as results_year,
        coalesce(cluster_years.leader_unit_id, findings.unit_id) as leader_unit_id,
        'mart_award_compliance disagrees' as problem

    from not_members as cluster_years
    full outer join findings
        on
            cluster_years.organizer_id = findings.organizer_id
            and cluster_years.cluster_id = findings.cluster_id
            and cluster_years.results_year = findings.results_year
            and cluster_years.leader_unit_id = findings.unit_id
    where cluster_years.cluster_id is null or findings.cluster_id is null

)

select * from broken_rule
union all
select * from compliance_disagrees
