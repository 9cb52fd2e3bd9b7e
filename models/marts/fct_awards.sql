with

awards as (

    select * from {{ ref('stg_raw__awards') }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

award_types as (

    select * from {{ ref('dim_award_type') }}

),

regimes as (

    select * from {{ ref('legal_regimes') }}

),

sources as (

    select * from {{ ref('sources') }}

),

final as (

    select
        awards.award_id,
        awards.organizer_id,
        awards.results_year,
        awards.unit_id,
        units.unit_name,
        awards.unit_name_raw,
        awards.unit_id is not null as is_unit_known,
        awards.cluster_id,
        awards.award_type_code,
        award_types.award_name_vi,
        award_types.award_name_en,
        -- as the source states it, else the issuer the award type implies
        coalesce(awards.issuer, award_types.issuer_vi) as issuer,
        awards.status,
        awards.decision_no,
        awards.decision_date,
        awards.is_synthetic,
        awards.source_kind,
        awards.source_ref,
        sources.url as source_url,
        awards.source_file,
        awards.source_row,
        awards.source_sheet,
        awards.issuer as issuer_as_stated,
        regimes.regime_id,
        awards.load_id,
        awards.note

    from awards
    left join units
        on awards.unit_id = units.unit_id
    left join award_types
        on awards.award_type_code = award_types.award_type_code
    left join regimes
        on
            awards.results_year >= regimes.from_year
            and (regimes.to_year is null or awards.results_year <= regimes.to_year)
    left join sources
        on awards.source_ref = sources.source_id

)

select
    cast(award_id as varchar) as award_id,
    cast(organizer_id as varchar) as organizer_id,
    cast(results_year as integer) as results_year,
    cast(unit_id as varchar) as unit_id,
    cast(unit_name as varchar) as unit_name,
    cast(unit_name_raw as varchar) as unit_name_raw,
    cast(is_unit_known as boolean) as is_unit_known,
    cast(cluster_id as varchar) as cluster_id,
    cast(award_type_code as varchar) as award_type_code,
    cast(award_name_vi as varchar) as award_name_vi,
    cast(award_name_en as varchar) as award_name_en,
    cast(issuer as varchar) as issuer,
    cast(status as varchar) as status,
    cast(decision_no as varchar) as decision_no,
    cast(decision_date as date) as decision_date,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_row as integer) as source_row,
    cast(source_sheet as varchar) as source_sheet,
    cast(issuer_as_stated as varchar) as issuer_as_stated,
    cast(regime_id as varchar) as regime_id,
    cast(load_id as integer) as load_id,
    cast(note as varchar) as note
from final
