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

events as (

    select * from {{ ref('stg_raw__events') }}
    where {{ in_years('results_year', years) }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

sources as (

    select * from {{ ref('int_sources_registered') }}

),

stamps as (

    select * from {{ year_stamps(years) }}

),

final as (

    select
        events.event_id,
        events.organizer_id,
        events.cluster_id,
        events.results_year,
        events.event_type,
        events.event_date,
        events.event_period,
        events.event_date_precision,
        events.event_date_raw,
        events.document_no,
        events.end_date,
        events.part_of_day,
        events.host_unit_id,
        units.unit_name as host_name,
        events.host_name_raw,
        events.is_synthetic,
        events.source_kind,
        events.source_ref,
        sources.url as source_url,
        events.source_file,
        events.source_row,
        events.source_sheet,
        events.load_id,
        events.note,
        stamps.year_max_load_id,
        stamps.year_inputs_hash,
        stamps.built_at

    from events
    inner join stamps
        on events.results_year = stamps.results_year
    left join units
        on events.host_unit_id = units.unit_id
    left join sources
        on events.source_ref = sources.source_id

)

select
    cast(event_id as varchar) as event_id,
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_id as varchar) as cluster_id,
    cast(results_year as integer) as results_year,
    cast(event_type as varchar) as event_type,
    cast(event_date as date) as event_date,
    cast(event_period as varchar) as event_period,
    cast(event_date_precision as varchar) as event_date_precision,
    cast(event_date_raw as varchar) as event_date_raw,
    cast(document_no as varchar) as document_no,
    cast(end_date as date) as end_date,
    cast(part_of_day as varchar) as part_of_day,
    cast(host_unit_id as varchar) as host_unit_id,
    cast(host_name as varchar) as host_name,
    cast(host_name_raw as varchar) as host_name_raw,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_row as integer) as source_row,
    cast(source_sheet as varchar) as source_sheet,
    cast(load_id as integer) as load_id,
    cast(note as varchar) as note,
    cast(year_max_load_id as integer) as year_max_load_id,
    cast(year_inputs_hash as ubigint) as year_inputs_hash,
    cast(built_at as timestamp) as built_at
from final
