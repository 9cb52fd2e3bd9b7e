-- The yearly incremental models rebuild whole results years (delete+insert by results_year): all
-- rows of a year carry one fingerprint and one build time. Two would mean a year half rebuilt.
-- Returns every model-year with more than one.

{%- set yearly = [
    'stg_raw__scores', 'int_score_mentions_aggregated', 'int_unit_year_scores_aggregated',
    'dim_criterion', 'fct_unit_year_scores', 'fct_awards', 'fct_events',
    'fct_cluster_year'
] %}

with

stamps as (

    {% for name in yearly -%}
        select
            '{{ name }}' as model_name,
            results_year,
            count(distinct year_inputs_hash) as n_fingerprints,
            count(distinct built_at) as n_build_times
        from {{ ref(name) }}
        group by results_year
        {% if not loop.last -%}
            union all
        {% endif -%}
    {% endfor %}

)

select * from stamps
where n_fingerprints > 1 or n_build_times > 1
