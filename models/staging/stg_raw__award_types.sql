with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'award_types')) }}

),

renamed as (

    select
        -- keys
        cast(award_type_code as varchar) as award_type_code,

        -- attributes
        cast(name_vi as varchar) as award_name_vi,
        cast(name_en as varchar) as award_name_en,
        cast(level as varchar) as level,  -- noqa: RF04
        cast(issuer_kind as varchar) as issuer_kind,
        cast(award_family as varchar) as award_family,
        cast(issuer_vi as varchar) as issuer_vi,
        cast(issuer_en as varchar) as issuer_en,
        cast(rank_order as integer) as rank_order,

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
        partition by award_type_code
        order by base_load_id desc, load_id desc nulls last, source_row desc nulls last
    ) = 1

)

select * from renamed
