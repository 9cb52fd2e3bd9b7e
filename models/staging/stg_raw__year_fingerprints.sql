{#-
    The build's change detector, not a rename model: one row per raw record table x results year
    with the number of raw rows, the latest load_id and an order-free hash of the rows (every
    load, restatements included). A yearly fact stores the fingerprint of the years it was built
    from and an incremental build rebuilds the years whose fingerprint changed (macro
    years_to_build). One scan of each raw table per build. The small tables are hashed whole
    (the table alias is the row); the scores hash covers the columns staging reads.
    Only rows of loads in force count (macros/corrections.sql): withdrawing or restoring a load
    changes the fingerprint of its years, so an incremental build rebuilds them.
-#}
{{ config(materialized='table') }}

with

memberships as (

    select
        'memberships' as input_name,
        results_year,
        count(*) as n_rows,
        max(load_id) as max_load_id,
        bit_xor(hash(memberships)) as content_hash

    from {{ source('raw', 'memberships') }} as memberships  -- noqa: AL05
    where load_id in (select loads.load_id from {{ loads_in_force() }} as loads)
    group by results_year

),

scores as (

    select
        'scores' as input_name,
        results_year,
        count(*) as n_rows,
        max(load_id) as max_load_id,
        bit_xor(
            hash(
                organizer_id, cluster_id, unit_id, criterion, scorer_id, points, max_points, bonus,
                criterion_group, load_id, source_row, is_synthetic, source_kind, source_ref, note,
                unit_raw, scorer_raw, cluster_raw
            )
        ) as content_hash

    from {{ source('raw', 'scores') }}
    where load_id in (select loads.load_id from {{ loads_in_force() }} as loads)
    group by results_year

),

rankings as (

    select
        'rankings' as input_name,
        results_year,
        count(*) as n_rows,
        max(load_id) as max_load_id,
        bit_xor(hash(rankings)) as content_hash

    from {{ source('raw', 'rankings') }} as rankings  -- noqa: AL05
    where load_id in (select loads.load_id from {{ loads_in_force() }} as loads)
    group by results_year

),

awards as (

    select
        'awards' as input_name,
        results_year,
        count(*) as n_rows,
        max(load_id) as max_load_id,
        bit_xor(hash(awards)) as content_hash

    from {{ source('raw', 'awards') }} as awards  -- noqa: AL05
    where load_id in (select loads.load_id from {{ loads_in_force() }} as loads)
    group by results_year

),

events as (

    select
        'events' as input_name,
        results_year,
        count(*) as n_rows,
        max(load_id) as max_load_id,
        bit_xor(hash(events)) as content_hash

    from {{ source('raw', 'events') }} as events  -- noqa: AL05
    where load_id in (select loads.load_id from {{ loads_in_force() }} as loads)
    group by results_year

),

leadership as (

    select
        'leadership' as input_name,
        results_year,
        count(*) as n_rows,
        max(load_id) as max_load_id,
        bit_xor(hash(leadership)) as content_hash

    from {{ source('raw', 'leadership') }} as leadership  -- noqa: AL05
    where load_id in (select loads.load_id from {{ loads_in_force() }} as loads)
    group by results_year

),

unioned as (

    select * from memberships
    union all
    select * from scores
    union all
    select * from rankings
    union all
    select * from awards
    union all
    select * from events
    union all
    select * from leadership

),

final as (

    select
        cast(input_name as varchar) as input_name,
        cast(results_year as integer) as results_year,
        cast(n_rows as bigint) as n_rows,
        cast(max_load_id as integer) as max_load_id,
        cast(content_hash as ubigint) as content_hash

    from unioned
    where results_year is not null

)

select * from final
