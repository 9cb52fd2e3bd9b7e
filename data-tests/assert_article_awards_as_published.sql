-- article:004: Cụm thi đua số 7 scored its units for 2016 and proposed some for the Government
-- flag and some for the provincial flag, without naming them. The real awards of that
-- cluster-year are exactly these two proposals, unit unknown (never invented), with their source.
-- Returns one row per problem.

{{ config(tags=['article_facts'], severity=var('article_facts_severity', 'error')) }}

with

expected (cluster_id, results_year, award_type_code, expected_status, expected_source_ref) as (

    {{ article_facts_awards() }}

),

actual as (

    select * from {{ ref('fct_awards') }}
    where
        cluster_id = 'th-ubnd:cum-07'
        and results_year = 2016
        and not is_synthetic

),

compared as (

    select
        coalesce(expected.award_type_code, actual.award_type_code) as award_type_code,
        actual.unit_id,
        actual.status,
        actual.source_ref,
        case
            when actual.award_id is null then 'published proposal missing'
            when expected.award_type_code is null then 'real award the article does not report'
            when actual.unit_id is not null or actual.is_unit_known
                then 'unit filled in although the article does not name it'
            when (actual.status is distinct from expected.expected_status) then 'status altered'
            when (actual.source_ref is distinct from expected.expected_source_ref) then 'source_ref altered'
        end as problem

    from expected
    full outer join actual
        on
            expected.cluster_id = actual.cluster_id
            and expected.results_year = actual.results_year
            and expected.award_type_code = actual.award_type_code

)

select * from compared
where problem is not null and {{ sample_in_warehouse() }}
