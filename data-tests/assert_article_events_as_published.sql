-- The events the seed articles report are present as real events with their dates, the part of
-- the day, host and end date where the article states them, and their source.
-- Returns one row per missing or altered event.

{{ config(tags=['article_facts'], severity=var('article_facts_severity', 'error')) }}

with

expected (cluster_id, results_year, event_type, event_date, end_date, part_of_day, host_unit_id, source_ref) as (

    {{ article_facts_events() }}

),

actual as (

    select * from {{ ref('fct_events') }}
    where not is_synthetic

),

compared as (

    select
        expected.cluster_id,
        expected.results_year,
        expected.event_type,
        expected.event_date,
        actual.event_id,
        case
            when actual.event_id is null then 'published event missing (or its date altered)'
            when
                expected.part_of_day is not null
                and (actual.part_of_day is distinct from expected.part_of_day)
                then 'part of day altered'
            when
                expected.host_unit_id is not null
                and (actual.host_unit_id is distinct from expected.host_unit_id)
                then 'host altered'
            when
                expected.end_date is not null
                and (actual.end_date is distinct from expected.end_date)
                then 'end date altered'
            when (actual.source_ref is distinct from expected.source_ref) then 'source_ref altered'
        end as problem

    from expected
    left join actual
        on
            expected.cluster_id = actual.cluster_id
            and expected.results_year = actual.results_year
            and expected.event_type = actual.event_type
            and expected.event_date = actual.event_date

)

select * from compared
where problem is not null and {{ sample_in_warehouse() }}
