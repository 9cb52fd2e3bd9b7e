-- The cluster-year summary shows the leadership and the leading unit the seed articles report:
-- Cụm 8 2021 led by Sở Ngoại vụ with Ban Dân tộc tỉnh as deputy and first; Cụm 8 2022 led by
-- Ban Dân tộc tỉnh with Sở Tư pháp as deputy (article:002); Cụm 5 2022 led by Sở GD&ĐT
-- (article:000). Returns one row per problem.

{{ config(tags=['article_facts'], severity=var('article_facts_severity', 'error')) }}

with

expected (cluster_id, results_year, leader_unit_id, deputy_unit_id, top_unit_id) as (

    {{ article_facts_leadership() }}

),

actual as (

    select * from {{ ref('fct_cluster_year') }}
    where not is_synthetic

),

compared as (

    select
        expected.cluster_id,
        expected.results_year,
        actual.leader_unit_id,
        actual.deputy_unit_ids,
        actual.top_unit_id,
        case
            when actual.cluster_id is null then 'cluster-year missing'
            when (actual.leader_unit_id is distinct from expected.leader_unit_id) then 'leader altered'
            when
                expected.deputy_unit_id is not null
                and not coalesce(
                    list_contains(string_split(actual.deputy_unit_ids, '; '), expected.deputy_unit_id), false
                )
                then 'deputy missing'
            when
                expected.top_unit_id is not null
                and (actual.top_unit_id is distinct from expected.top_unit_id)
                then 'leading unit altered'
        end as problem

    from expected
    left join actual
        on
            expected.cluster_id = actual.cluster_id
            and expected.results_year = actual.results_year

)

select * from compared
where problem is not null and {{ sample_in_warehouse() }}
