with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'clusters')) }}

),

renamed as (

    select
        -- keys
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,

        -- attributes
        cast(cluster_kind as varchar) as cluster_kind,
        cast(cluster_number as integer) as cluster_number,
        cast(name as varchar) as cluster_name,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,
        cast(cycle as varchar) as cluster_cycle,  -- noqa: RF04

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,
        cast(cluster_raw as varchar) as cluster_name_raw,

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
        partition by organizer_id, cluster_id
        order by base_load_id desc, load_id desc nulls last, source_row desc nulls last
    ) = 1

)

select * from renamed
