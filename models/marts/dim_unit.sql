with

units as (

    select * from {{ ref('units') }}

),

lineage as (

    select * from {{ ref('int_unit_lineage_resolved') }}

),

raw_units as (

    select * from {{ ref('stg_raw__units') }}

),

unit_references as (

    select * from {{ ref('int_unit_references_unioned') }}

),

-- the units seed, then unit reference records loaded as raw files (the seed wins for an id it
-- knows), then any unit id a raw record uses that neither knows
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
        true as is_in_reference,
        'seed' as reference_source,
        cast(null as varchar) as same_as_unit_id

    from units

    union all

    select
        raw_units.unit_id,
        raw_units.unit_name,
        raw_units.short_name,
        raw_units.unit_type,
        raw_units.organizer_id,
        raw_units.valid_from,
        raw_units.valid_to,
        cast(null as varchar) as source_url,
        coalesce(raw_units.note, 'unit reference record ' || raw_units.source_file) as source_note,
        true as is_in_reference,
        'loaded' as reference_source,
        raw_units.same_as_unit_id

    from raw_units
    left join units
        on raw_units.unit_id = units.unit_id
    where units.unit_id is null

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
        'not in the units seed nor in loaded unit records: id seen in raw records' as source_note,
        false as is_in_reference,
        'mentioned' as reference_source,
        cast(null as varchar) as same_as_unit_id

    from unit_references
    left join units
        on unit_references.unit_id = units.unit_id
    left join raw_units
        on unit_references.unit_id = raw_units.unit_id
    where units.unit_id is null and raw_units.unit_id is null

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
        all_units.is_in_reference,
        all_units.reference_source,
        all_units.same_as_unit_id,
        -- one entity across organisers' systems: the unit a reference record declares this one
        -- the same as, else the unit itself (so both ids of the entity share this value)
        coalesce(all_units.same_as_unit_id, all_units.unit_id) as entity_unit_id

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
    cast(is_in_reference as boolean) as is_in_reference,
    cast(reference_source as varchar) as reference_source,
    cast(same_as_unit_id as varchar) as same_as_unit_id,
    cast(entity_unit_id as varchar) as entity_unit_id
from final
