{#-
    The units and clusters the criterion scores mention, aggregated per results year before
    anything joins them: one row per organiser x cluster x results year x unit id x mention
    (scored unit or scorer) x real/synthetic. The reference models read this instead of the
    tens of millions of score rows; yearly incremental like the scores it comes from.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='results_year',
        on_schema_change='append_new_columns',
        pre_hook='{{ delete_years_to_build() }}'
    )
}}

{%- set years = years_to_build() %}

with

-- Not materialised: read twice (the scored unit, the scorer), each read streams the stored
-- staging table's columns it needs; DuckDB would otherwise buffer every score row whole first.
scores as not materialized (

    select * from {{ ref('stg_raw__scores') }}
    where {{ in_years('results_year', years) }}

),

stamps as (

    select * from {{ year_stamps(years) }}

),

mentions as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        'scored' as mention,
        is_synthetic,
        unit_name_raw as name_raw,
        cluster_name_raw,
        source_ref,
        load_id,
        source_row

    from scores

    union all

    select
        organizer_id,
        cluster_id,
        results_year,
        scorer_id as unit_id,
        'scorer' as mention,
        is_synthetic,
        scorer_name_raw as name_raw,
        cluster_name_raw,
        source_ref,
        load_id,
        source_row

    from scores
    where scorer_id is not null

),

aggregated as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        mention,
        is_synthetic,
        arg_max(name_raw, {{ recency_key() }}) as last_name_raw,
        arg_max(cluster_name_raw, {{ recency_key() }}) as last_cluster_name_raw,
        -- the struct at the largest integer key: the struct's own max, without comparing structs
        arg_max((load_id, source_row), {{ recency_key() }}) as last_row,
        min(source_ref) as first_source_ref,
        max(load_id) as last_load_id,
        count(*) as n_rows

    from mentions
    group by organizer_id, cluster_id, results_year, unit_id, mention, is_synthetic

),

final as (

    select
        aggregated.*,
        stamps.year_max_load_id,
        stamps.year_inputs_hash,
        stamps.built_at

    from aggregated
    inner join stamps
        on aggregated.results_year = stamps.results_year

)

select * from final
