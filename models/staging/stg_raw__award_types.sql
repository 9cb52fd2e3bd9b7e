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
        {{ staged_provenance() }}

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement('award_type_code') }}

)

select * from renamed
