{#-
    Every unit id a raw record refers to (as member, scored unit, scorer, ranked unit, awarded unit
    or event host), aggregated before joining: one row per unit id, with the organiser and the
    name as last written, so the unit dimension can cover ids the units seed does not know.
-#}
with

memberships as (

    select * from {{ ref('stg_raw__memberships') }}

),

scores as (

    select * from {{ ref('stg_raw__scores') }}

),

rankings as (

    select * from {{ ref('stg_raw__rankings') }}

),

awards as (

    select * from {{ ref('stg_raw__awards') }}

),

events as (

    select * from {{ ref('stg_raw__events') }}

),

mentions as (

    select
        unit_id,
        organizer_id,
        unit_name_raw as name_raw,
        results_year,
        load_id,
        is_synthetic
    from memberships

    union all

    select
        unit_id,
        organizer_id,
        unit_name_raw as name_raw,
        results_year,
        load_id,
        is_synthetic
    from scores

    union all

    select
        scorer_id as unit_id,
        organizer_id,
        scorer_name_raw as name_raw,
        results_year,
        load_id,
        is_synthetic
    from scores
    where scorer_id is not null

    union all

    select
        unit_id,
        organizer_id,
        unit_name_raw as name_raw,
        results_year,
        load_id,
        is_synthetic
    from rankings

    union all

    select
        unit_id,
        organizer_id,
        unit_name_raw as name_raw,
        results_year,
        load_id,
        is_synthetic
    from awards
    where unit_id is not null

    union all

    select
        host_unit_id as unit_id,
        organizer_id,
        host_name_raw as name_raw,
        results_year,
        load_id,
        is_synthetic
    from events
    where host_unit_id is not null

),

aggregated as (

    select
        unit_id,
        arg_max(organizer_id, load_id) as organizer_id,
        arg_max(name_raw, load_id) as last_name_raw,
        min(results_year) as first_year,
        max(results_year) as last_year,
        bool_and(is_synthetic) as is_synthetic,
        count(*) as n_mentions

    from mentions
    where unit_id is not null
    group by unit_id

)

select * from aggregated
