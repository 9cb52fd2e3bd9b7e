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

scores as (

    select * from {{ ref('stg_raw__scores') }}
    where {{ in_years('results_year', years) }}

),

stamps as (

    select * from {{ year_stamps(years) }}

),

-- a criteria table is a cluster's for a year: aggregate its score rows to one row per criterion
criteria as (

    select
        organizer_id,
        cluster_id,
        results_year,
        criterion as criterion_code,
        -- the criterion's wording travels in the score rows' note (the generator, most sheets);
        -- a real row's wording wins, then the latest loaded
        arg_max(note, {{ recency_key(real_first=true) }}) filter (where note is not null) as criterion_name,
        arg_max(criterion_group, {{ recency_key(real_first=true) }}) filter (
            where criterion_group is not null
        ) as criterion_group,
        max(max_points) as max_points,
        min(max_points) < max(max_points) as has_conflicting_max_points,
        count(distinct unit_id) as units_scored,
        count(*) as n_score_rows,
        -- where the criterion first appears in its sheet: the table's own order
        min({{ recency_key() }}) as first_row,
        bool_and(is_synthetic) as is_synthetic,
        arg_max(
            struct_pack(source_kind, source_ref, source_file, source_sheet, source_row),
            {{ recency_key(real_first=true) }}
        ) as provenance

    from scores
    group by organizer_id, cluster_id, results_year, criterion

),

tables as (

    select
        *,
        row_number() over (
            partition by organizer_id, cluster_id, results_year
            order by first_row, criterion_code
        ) as sort_order,
        sum(max_points) over (
            partition by organizer_id, cluster_id, results_year, criterion_group
        ) as group_max_points,
        sum(max_points) over (
            partition by organizer_id, cluster_id, results_year
        ) as table_max_points

    from criteria

),

sources as (

    select * from {{ ref('int_sources_registered') }}

),

final as (

    select
        tables.cluster_id || ':' || tables.results_year || ':' || tables.criterion_code as criterion_id,
        tables.organizer_id,
        tables.cluster_id,
        tables.results_year,
        tables.criterion_code,
        coalesce(tables.criterion_name, tables.criterion_code) as criterion_name,
        tables.criterion_group,
        tables.max_points,
        tables.group_max_points,
        tables.table_max_points,
        tables.sort_order,
        tables.has_conflicting_max_points,
        tables.units_scored,
        tables.n_score_rows,
        tables.is_synthetic,
        tables.provenance.source_kind,
        tables.provenance.source_ref,
        sources.url as source_url,
        tables.provenance.source_file,
        tables.provenance.source_sheet,
        tables.provenance.source_row,
        stamps.year_max_load_id,
        stamps.year_inputs_hash,
        stamps.built_at

    from tables
    inner join stamps
        on tables.results_year = stamps.results_year
    left join sources
        on tables.provenance.source_ref = sources.source_id

)

select
    cast(criterion_id as varchar) as criterion_id,
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_id as varchar) as cluster_id,
    cast(results_year as integer) as results_year,
    cast(criterion_code as varchar) as criterion_code,
    cast(criterion_name as varchar) as criterion_name,
    cast(criterion_group as varchar) as criterion_group,
    cast(max_points as double) as max_points,
    cast(group_max_points as double) as group_max_points,
    cast(table_max_points as double) as table_max_points,
    cast(sort_order as integer) as sort_order,
    cast(has_conflicting_max_points as boolean) as has_conflicting_max_points,
    cast(units_scored as integer) as units_scored,
    cast(n_score_rows as integer) as n_score_rows,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_sheet as varchar) as source_sheet,
    cast(source_row as integer) as source_row,
    cast(year_max_load_id as integer) as year_max_load_id,
    cast(year_inputs_hash as ubigint) as year_inputs_hash,
    cast(built_at as timestamp) as built_at
from final
