with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'units')) }}

),

renamed as (

    select
        -- keys
        cast(unit_id as varchar) as unit_id,
        cast(organizer_id as varchar) as organizer_id,

        -- attributes
        cast(name as varchar) as unit_name,
        cast(short_name as varchar) as short_name,
        cast(unit_type as varchar) as unit_type,
        -- the same unit in another organiser's system (a provincial trade union in the
        -- province's cluster and in the federation's)
        cast(same_as as varchar) as same_as_unit_id,
        cast(valid_from as date) as valid_from,
        cast(valid_to as date) as valid_to,

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,

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
        partition by unit_id
        order by base_load_id desc, load_id desc nulls last, source_row desc nulls last
    ) = 1

)

select * from renamed
