{#-
    Every unit id a raw record refers to (as member, scored unit, scorer, ranked unit, awarded unit
    or event host), aggregated before joining: one row per unit id, with the organiser and the
    name as last written, so the unit dimension can cover ids the units seed does not know.
    Score mentions come pre-aggregated per results year (int_score_mentions_aggregated).
-#}
with

memberships as (

    select * from {{ ref('stg_raw__memberships') }}

),

score_mentions as (

    select * from {{ ref('int_score_mentions_aggregated') }}

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
        (load_id, source_row) as written_at,
        is_synthetic,
        1 as n_rows
    from memberships

    union all

    select
        unit_id,
        organizer_id,
        last_name_raw as name_raw,
        results_year,
        last_row as written_at,
        is_synthetic,
        n_rows
    from score_mentions

    union all

    select
        unit_id,
        organizer_id,
        unit_name_raw as name_raw,
        results_year,
        (load_id, source_row) as written_at,
        is_synthetic,
        1 as n_rows
    from rankings

    union all

    select
        unit_id,
        organizer_id,
        unit_name_raw as name_raw,
        results_year,
        (load_id, source_row) as written_at,
        is_synthetic,
        1 as n_rows
    from awards
    where unit_id is not null

    union all

    select
        host_unit_id as unit_id,
        organizer_id,
        host_name_raw as name_raw,
        results_year,
        (load_id, source_row) as written_at,
        is_synthetic,
        1 as n_rows
    from events
    where host_unit_id is not null

),

aggregated as (

    select
        unit_id,
        -- the latest record wins; ties (one row naming the unit twice) by name, so it is stable
        arg_max(organizer_id, (written_at, name_raw)) as organizer_id,
        arg_max(name_raw, (written_at, name_raw)) as last_name_raw,
        min(results_year) as first_year,
        max(results_year) as last_year,
        bool_and(is_synthetic) as is_synthetic,
        sum(n_rows) as n_mentions

    from mentions
    where unit_id is not null
    group by unit_id

)

select * from aggregated
