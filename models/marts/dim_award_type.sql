with

award_types as (

    select * from {{ ref('int_award_types_unioned') }}

),

final as (

    select
        cast(award_type_code as varchar) as award_type_code,
        cast(award_name_vi as varchar) as award_name_vi,
        cast(award_name_en as varchar) as award_name_en,
        cast(level as varchar) as level,  -- noqa: RF04
        cast(issuer_vi as varchar) as issuer_vi,
        cast(issuer_en as varchar) as issuer_en,
        cast(is_flag as boolean) as is_flag,
        cast(is_certificate as boolean) as is_certificate,
        cast(rank_order as integer) as rank_order,
        cast(source_note as varchar) as source_note,
        cast(issuer_kind as varchar) as issuer_kind,
        cast(award_family as varchar) as award_family,
        cast(qualifies_for_gov_flag as boolean) as qualifies_for_gov_flag,
        cast(reference_source as varchar) as reference_source,
        -- the flag a cluster gives its leading unit: the State system's lower flag (the
        -- provincial flag in a province's clusters, a ministry's flag in a ministry's), as the
        -- practice rules PROV_FLAG_* of mart_award_compliance read it (domain brief section 3)
        cast(qualifies_for_gov_flag and issuer_kind in ('province', 'ministry') as boolean) as is_leading_unit_flag

    from award_types

)

select * from final
