{#-
    Every award type an award record may name: the award_types seed, then the award types
    analysts loaded as reference records (the seed wins for a code it knows). A loaded type is a
    flag or a certificate by its family and never the flag that qualifies for the Government
    flag (that stays in the reviewed seed). rank_order is the position in the prestige order:
    a loaded type without one comes after the known types.
-#}
with

seed_types as (

    select * from {{ ref('award_types') }}

),

loaded_types as (

    select * from {{ ref('stg_raw__award_types') }}

),

unioned as (

    select
        award_type_code,
        name_vi as award_name_vi,
        name_en as award_name_en,
        level,  -- noqa: RF04
        issuer_kind,
        award_family,
        issuer_vi,
        issuer_en,
        is_flag,
        is_certificate,
        qualifies_for_gov_flag,
        rank_order as stated_rank_order,
        source_note,
        'seed' as reference_source

    from seed_types

    union all

    select
        loaded_types.award_type_code,
        loaded_types.award_name_vi,
        coalesce(loaded_types.award_name_en, loaded_types.award_name_vi) as award_name_en,
        loaded_types.level,
        loaded_types.issuer_kind,
        loaded_types.award_family,
        loaded_types.issuer_vi,
        loaded_types.issuer_en,
        loaded_types.award_family in ('emulation_flag', 'rotating_flag') as is_flag,
        loaded_types.award_family = 'certificate_of_merit' as is_certificate,
        false as qualifies_for_gov_flag,
        loaded_types.rank_order as stated_rank_order,
        coalesce(loaded_types.note, 'award type reference record ' || loaded_types.source_file) as source_note,
        'loaded' as reference_source

    from loaded_types
    left join seed_types
        on loaded_types.award_type_code = seed_types.award_type_code
    where seed_types.award_type_code is null

),

final as (

    select
        *,
        row_number() over (
            order by stated_rank_order nulls last, reference_source = 'loaded', award_type_code
        ) as rank_order

    from unioned

)

select * from final
