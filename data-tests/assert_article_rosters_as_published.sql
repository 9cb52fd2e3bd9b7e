-- The real (is_synthetic = false) rosters of the cluster-years the seed articles report are
-- exactly the published ones: no unit missing, no unexpected real member, every role the
-- article states (leader / deputy) kept, each fact tied to its article. A role the article does
-- not state is not checked (a later real source may state it).
-- Returns one row per problem.

{{ config(tags=['article_facts'], severity=var('article_facts_severity', 'error')) }}

with

expected (cluster_id, results_year, unit_id, expected_role, expected_source_ref) as (

    {{ article_facts_rosters() }}

),

reported_cluster_years as (

    select distinct
        cluster_id,
        results_year
    from expected

),

actual as (

    select
        memberships.cluster_id,
        memberships.results_year,
        memberships.unit_id,
        memberships.role,
        memberships.source_ref

    from {{ ref('fct_memberships') }} as memberships
    inner join reported_cluster_years
        on
            memberships.cluster_id = reported_cluster_years.cluster_id
            and memberships.results_year = reported_cluster_years.results_year
    where not memberships.is_synthetic

),

compared as (

    select
        coalesce(expected.cluster_id, actual.cluster_id) as cluster_id,
        coalesce(expected.results_year, actual.results_year) as results_year,
        coalesce(expected.unit_id, actual.unit_id) as unit_id,
        expected.expected_role,
        actual.role as actual_role,
        expected.expected_source_ref,
        actual.source_ref as actual_source_ref,
        case
            when actual.unit_id is null then 'published member missing'
            when expected.unit_id is null then 'real member the article does not list'
            when
                expected.expected_role is not null
                and (actual.role is distinct from expected.expected_role)
                then 'role altered'
            when (actual.source_ref is distinct from expected.expected_source_ref) then 'source_ref altered'
        end as problem

    from expected
    full outer join actual
        on
            expected.cluster_id = actual.cluster_id
            and expected.results_year = actual.results_year
            and expected.unit_id = actual.unit_id

)

select * from compared
where problem is not null and {{ sample_in_warehouse() }}
