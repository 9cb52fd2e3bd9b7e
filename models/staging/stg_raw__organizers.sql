with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'organizers')) }}

),

renamed as (

    select
        -- keys
        cast(organizer_id as varchar) as organizer_id,

        -- attributes
        cast(name as varchar) as organizer_name,
        cast(name_en as varchar) as organizer_name_en,
        cast(short_name as varchar) as short_name,
        cast(level as varchar) as level,  -- noqa: RF04
        cast(province as varchar) as province,
        cast(award_system as varchar) as award_system,

        -- provenance
        cast(load_id as integer) as load_id,
        cast(source_file as varchar) as source_file,
        cast(source_sheet as varchar) as source_sheet,
        cast(source_row as integer) as source_row,
        coalesce(is_synthetic, source_kind = 'synthetic', false) as is_synthetic,
        cast(source_kind as varchar) as source_kind,
        cast(source_ref as varchar) as source_ref,
        cast(note as varchar) as note

    from source

    -- the latest restatement of each natural key wins
    qualify row_number() over (
        partition by organizer_id
        order by base_load_id desc, load_id desc nulls last, source_row desc nulls last
    ) = 1

)

select * from renamed
