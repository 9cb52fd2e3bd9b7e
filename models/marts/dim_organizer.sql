with

organizers as (

    select * from {{ ref('organizers') }}

),

raw_organizers as (

    select * from {{ ref('stg_raw__organizers') }}

),

cluster_references as (

    select * from {{ ref('int_cluster_references_unioned') }}

),

-- organisers a raw record names that the reference data does not know (kept, never dropped)
unknown_organizers as (

    select distinct cluster_references.organizer_id

    from cluster_references
    left join organizers
        on cluster_references.organizer_id = organizers.organizer_id
    left join raw_organizers
        on cluster_references.organizer_id = raw_organizers.organizer_id
    where
        cluster_references.organizer_id is not null
        and organizers.organizer_id is null
        and raw_organizers.organizer_id is null

),

final as (

    select
        organizer_id,
        name_vi as organizer_name,
        name_en as organizer_name_en,
        short_name,
        level,
        province,
        source_url,
        source_note,
        true as is_in_reference,
        'seed' as reference_source,
        award_system

    from organizers

    union all

    -- organiser reference records loaded as raw files (the seed wins for an id it knows)
    select
        raw_organizers.organizer_id,
        raw_organizers.organizer_name,
        raw_organizers.organizer_name_en,
        raw_organizers.short_name,
        raw_organizers.level,
        raw_organizers.province,
        cast(null as varchar) as source_url,
        coalesce(raw_organizers.note, 'organiser reference record ' || raw_organizers.source_file) as source_note,
        true as is_in_reference,
        'loaded' as reference_source,
        raw_organizers.award_system

    from raw_organizers
    left join organizers
        on raw_organizers.organizer_id = organizers.organizer_id
    where organizers.organizer_id is null

    union all

    select
        organizer_id,
        organizer_id as organizer_name,
        cast(null as varchar) as organizer_name_en,
        cast(null as varchar) as short_name,
        cast(null as varchar) as level,  -- noqa: RF04
        cast(null as varchar) as province,
        cast(null as varchar) as source_url,
        'not in the organizers seed nor in loaded organiser records: id seen in raw records' as source_note,
        false as is_in_reference,
        'mentioned' as reference_source,
        cast(null as varchar) as award_system

    from unknown_organizers

)

select
    cast(organizer_id as varchar) as organizer_id,
    cast(organizer_name as varchar) as organizer_name,
    cast(organizer_name_en as varchar) as organizer_name_en,
    cast(short_name as varchar) as short_name,
    cast(level as varchar) as level,  -- noqa: RF04
    cast(province as varchar) as province,
    cast(source_note as varchar) as source_note,
    cast(source_url as varchar) as source_url,
    cast(is_in_reference as boolean) as is_in_reference,
    cast(reference_source as varchar) as reference_source,
    cast(award_system as varchar) as award_system
from final
