with

units as (

    select * from {{ ref('units') }}

),

lineage as (

    select * from {{ ref('int_unit_lineage_resolved') }}

),

unit_references as (

    select * from {{ ref('int_unit_references_unioned') }}

),

-- the units seed, plus any unit id a raw record uses that the seed does not know
all_units as (

    select
        unit_id,
        name_vi as unit_name,
        short_name,
        unit_type,
        organizer_id,
        valid_from,
        valid_to,
        source_url,
        source_note,
        true as is_in_reference

    from units

    union all

    select
        unit_references.unit_id,
        coalesce(unit_references.last_name_raw, unit_references.unit_id) as unit_name,
        cast(null as varchar) as short_name,
        cast(null as varchar) as unit_type,
        unit_references.organizer_id,
        cast(null as date) as valid_from,
        cast(null as date) as valid_to,
        cast(null as varchar) as source_url,
        'not in the units seed: id seen in raw records' as source_note,
        false as is_in_reference

    from unit_references
    left join units
        on unit_references.unit_id = units.unit_id
    where units.unit_id is null

),

final as (

    select
        all_units.unit_id,
        all_units.unit_name,
        all_units.short_name,
        all_units.unit_type,
        all_units.organizer_id,
        all_units.valid_from,
        all_units.valid_to,
        coalesce(lineage.successor_unit_id, all_units.unit_id) as successor_unit_id,
        successors.unit_name as successor_unit_name,
        coalesce(lineage.lineage_path, all_units.unit_id) as lineage_path,
        coalesce(lineage.hop_count, 0) = 0 and all_units.valid_to is null as is_current,
        lineage.first_relation as successor_relation,
        lineage.successor_effective_date,
        all_units.source_note,
        all_units.source_url,
        all_units.is_in_reference

    from all_units
    left join lineage
        on all_units.unit_id = lineage.unit_id
    left join all_units as successors
        on coalesce(lineage.successor_unit_id, all_units.unit_id) = successors.unit_id

)

select
    cast(unit_id as varchar) as unit_id,
    cast(unit_name as varchar) as unit_name,
    cast(short_name as varchar) as short_name,
    cast(unit_type as varchar) as unit_type,
    cast(organizer_id as varchar) as organizer_id,
    cast(valid_from as date) as valid_from,
    cast(valid_to as date) as valid_to,
    cast(successor_unit_id as varchar) as successor_unit_id,
    cast(successor_unit_name as varchar) as successor_unit_name,
    cast(lineage_path as varchar) as lineage_path,
    cast(is_current as boolean) as is_current,
    cast(source_note as varchar) as source_note,
    cast(successor_relation as varchar) as successor_relation,
    cast(successor_effective_date as date) as successor_effective_date,
    cast(source_url as varchar) as source_url,
    cast(is_in_reference as boolean) as is_in_reference
from final
