{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='results_year',
        on_schema_change='append_new_columns',
        pre_hook='{{ delete_years_to_build() }}'
    )
}}

{%- set years = years_to_build() %}

with

-- "các đơn vị còn lại" already written out as one row per unit it stands for
awards as (

    select * from {{ ref('int_awards_expanded') }}
    where {{ in_years('results_year', years) }}

),

unit_years as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        role,
        effective_rank,
        effective_rank_basis

    from {{ ref('fct_unit_year_scores') }}
    where {{ in_years('results_year', years) }}

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

    select * from {{ ref('int_sources_registered') }}

),

stamps as (

    select * from {{ year_stamps(years) }}

),

-- where the awarded unit sat that year (same organiser): each of its unit-years, the award's
-- own cluster first
placements as (

    select
        awards.award_id,
        unit_years.cluster_id,
        unit_years.role,
        unit_years.effective_rank,
        unit_years.effective_rank_basis,
        coalesce(unit_years.cluster_id = awards.cluster_id, false) as is_award_cluster

    from awards
    inner join unit_years
        on
            awards.organizer_id = unit_years.organizer_id
            and awards.results_year = unit_years.results_year
            and awards.unit_id = unit_years.unit_id

),

placed as (

    select
        award_id,
        -- the cluster the unit led: the award's own cluster if it led it, else the first by id
        arg_min(cluster_id, (not is_award_cluster, cluster_id)) filter (where role = 'leader') as led_cluster_id,
        -- the cluster the unit was ranked in: the award's own cluster if it was ranked there,
        -- else the cluster where it ranked best
        arg_min(
            struct_pack(cluster_id, effective_rank, effective_rank_basis),
            (not is_award_cluster, effective_rank, cluster_id)
        ) filter (where effective_rank is not null) as ranked

    from placements
    group by award_id

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
        awards.note,
        placed.led_cluster_id,
        placed.ranked.cluster_id as ranked_cluster_id,
        placed.ranked.effective_rank as rank_in_ranked_cluster,
        placed.ranked.effective_rank_basis as ranked_cluster_rank_basis,
        awards.is_expanded_from_remaining,
        award_types.issuer_kind as award_issuer_kind,
        coalesce(award_types.is_leading_unit_flag, false) as is_leading_unit_flag,
        stamps.year_max_load_id,
        stamps.year_inputs_hash,
        stamps.built_at

    from awards
    inner join stamps
        on awards.results_year = stamps.results_year
    left join placed
        on awards.award_id = placed.award_id
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
    cast(note as varchar) as note,
    cast(led_cluster_id as varchar) as led_cluster_id,
    cast(ranked_cluster_id as varchar) as ranked_cluster_id,
    cast(rank_in_ranked_cluster as integer) as rank_in_ranked_cluster,
    cast(ranked_cluster_rank_basis as varchar) as ranked_cluster_rank_basis,
    cast(year_max_load_id as integer) as year_max_load_id,
    cast(year_inputs_hash as ubigint) as year_inputs_hash,
    cast(built_at as timestamp) as built_at,
    cast(is_expanded_from_remaining as boolean) as is_expanded_from_remaining,
    cast(award_issuer_kind as varchar) as award_issuer_kind,
    cast(is_leading_unit_flag as boolean) as is_leading_unit_flag
from final
