-- article:002: Cụm thi đua số 8 ranked its 2021 results: 1 Ban Dân tộc tỉnh, 2 Sở Tư pháp,
-- 3 Sở Nội vụ. The real declared ranks of that cluster-year are exactly these, with their source.
-- Returns one row per problem.

{{ config(tags=['article_facts'], severity=var('article_facts_severity', 'error')) }}

with

expected (cluster_id, results_year, unit_id, expected_rank, expected_source_ref) as (

    {{ article_facts_ranking() }}

),

actual as (

    select
        cluster_id,
        results_year,
        unit_id,
        declared_rank,
        source_ref

    from {{ ref('fct_unit_year_scores') }}
    where
        cluster_id = 'th-ubnd:cum-08'
        and results_year = 2021
        and declared_rank is not null
        and not is_rank_synthetic

),

compared as (

    select
        coalesce(expected.cluster_id, actual.cluster_id) as cluster_id,
        coalesce(expected.results_year, actual.results_year) as results_year,
        coalesce(expected.unit_id, actual.unit_id) as unit_id,
        expected.expected_rank,
        actual.declared_rank,
        actual.source_ref,
        case
            when actual.unit_id is null then 'published rank missing'
            when expected.unit_id is null then 'real rank the article does not publish'
            when (actual.declared_rank is distinct from expected.expected_rank) then 'rank altered'
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
