with

seed_aliases as (

    select * from {{ ref('unit_aliases') }}

),

loaded_aliases as (

    select * from {{ ref('stg_raw__unit_aliases') }}

),

added_aliases as (

    select * from {{ ref('stg_raw__user_aliases') }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

-- the seed's spellings, those loaded as unit_aliases records (an alias sheet, a file written by
-- `thidua aliases export`) and those added with `thidua aliases add` or on the intake page: the
-- loader resolves names against all three, so the warehouse publishes all three
all_aliases as (

    select
        alias,
        unit_id,
        organizer_id,
        cluster_id,
        valid_from_year,
        valid_to_year,
        source_note,
        'seed' as alias_source,
        cast(null as integer) as load_id,
        1 as source_order

    from seed_aliases

    union all

    select
        alias,
        unit_id,
        organizer_id,
        cluster_id,
        valid_from_year,
        valid_to_year,
        source_note,
        'loaded' as alias_source,
        load_id,
        2 as source_order

    from loaded_aliases

    union all

    select
        alias,
        unit_id,
        organizer_id,
        cluster_id,
        valid_from_year,
        valid_to_year,
        note as source_note,
        'added' as alias_source,
        cast(null as integer) as load_id,
        3 as source_order

    from added_aliases

),

-- a spelling held twice with the same scope and unit is one spelling: the seed's, else the loaded
deduplicated as (

    select * from all_aliases
    qualify row_number() over (
        partition by alias, unit_id, organizer_id, cluster_id, valid_from_year, valid_to_year
        order by source_order asc, load_id desc nulls last
    ) = 1

),

final as (

    select
        deduplicated.alias,
        deduplicated.unit_id,
        units.unit_name,
        deduplicated.organizer_id,
        deduplicated.cluster_id,
        deduplicated.valid_from_year,
        deduplicated.valid_to_year,
        deduplicated.alias_source,
        deduplicated.load_id,
        deduplicated.source_note

    from deduplicated
    inner join units
        on deduplicated.unit_id = units.unit_id

)

select
    cast(alias as varchar) as alias,  -- noqa: RF04
    cast(unit_id as varchar) as unit_id,
    cast(unit_name as varchar) as unit_name,
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_id as varchar) as cluster_id,
    cast(valid_from_year as integer) as valid_from_year,
    cast(valid_to_year as integer) as valid_to_year,
    cast(alias_source as varchar) as alias_source,
    cast(load_id as integer) as load_id,
    cast(source_note as varchar) as source_note
from final
