with

award_types as (

    select * from {{ ref('award_types') }}

),

final as (

    select
        cast(award_type_code as varchar) as award_type_code,
        cast(name_vi as varchar) as award_name_vi,
        cast(name_en as varchar) as award_name_en,
        cast(level as varchar) as level,  -- noqa: RF04
        cast(issuer_vi as varchar) as issuer_vi,
        cast(issuer_en as varchar) as issuer_en,
        cast(is_flag as boolean) as is_flag,
        cast(is_certificate as boolean) as is_certificate,
        cast(rank_order as integer) as rank_order,
        cast(source_note as varchar) as source_note

    from award_types

)

select * from final
