with

unit_years as (

    select * from {{ ref('fct_unit_year_scores') }}

),

awards as (

    select
        awards.*,
        award_types.award_family

    from {{ ref('fct_awards') }} as awards
    left join {{ ref('dim_award_type') }} as award_types
        on awards.award_type_code = award_types.award_type_code
    where awards.unit_id is not null

),

units as (

    select
        unit_id,
        unit_name,
        lineage_path

    from {{ ref('dim_unit') }}

),

-- a unit's awards of the year through the cluster (or, for an award without a cluster, the
-- cluster it ranked in), aggregated before the join
award_summary as (

    select
        organizer_id,
        coalesce(cluster_id, ranked_cluster_id) as cluster_id,
        results_year,
        unit_id,
        count(*) as awards_count,
        count(*) filter (where status = 'decided') as awards_decided,
        -- every award system's Cờ thi đua (Government, ministry, province, Front, Party, trade
        -- union), so a ministry's or the Front's units count theirs; a cluster's rotating flag
        -- is a token of its ranking, not a flag awarded
        count(*) filter (where award_family = 'emulation_flag') as flags_count,
        string_agg(award_name_vi, '; ' order by award_type_code) as award_names,
        {{ summarise_provenance('awards') }}

    from awards
    group by organizer_id, coalesce(cluster_id, ranked_cluster_id), results_year, unit_id

),

final as (

    select
        unit_years.successor_unit_id as current_unit_id,
        current_units.unit_name as current_unit_name,
        unit_years.unit_id,
        unit_years.unit_name,
        unit_years.unit_id = unit_years.successor_unit_id as is_current_unit,
        units.lineage_path,
        unit_years.organizer_id,
        unit_years.cluster_id,
        unit_years.results_year,
        unit_years.role,
        unit_years.member_count,
        unit_years.final_score,
        unit_years.max_score,
        unit_years.share_of_max,
        unit_years.declared_rank,
        unit_years.rank_by_score,
        unit_years.effective_rank,
        unit_years.effective_rank_basis,
        coalesce(award_summary.awards_count, 0) as awards_count,
        coalesce(award_summary.awards_decided, 0) as awards_decided,
        coalesce(award_summary.flags_count, 0) as flags_count,
        award_summary.award_names,
        unit_years.is_membership_synthetic,
        unit_years.membership_source_kind,
        unit_years.membership_source_ref,
        unit_years.is_member_count_synthetic,
        unit_years.is_score_synthetic,
        unit_years.score_source_kind,
        unit_years.score_source_ref,
        unit_years.is_rank_synthetic,
        unit_years.rank_source_kind,
        unit_years.rank_source_ref,
        unit_years.is_rank_by_score_synthetic,
        unit_years.is_effective_rank_synthetic,
        award_summary.is_awards_synthetic,
        award_summary.awards_source_kind,
        award_summary.awards_source_ref,
        case
            when
                unit_years.is_synthetic
                and coalesce(award_summary.awards_source_kind = 'synthetic', true)
                then 'synthetic'
            when
                unit_years.source_mix = 'real'
                and not coalesce(award_summary.is_awards_synthetic, false)
                then 'real'
            else 'mixed'
        end as source_mix,
        unit_years.is_synthetic,
        unit_years.source_kind,
        unit_years.source_ref,
        unit_years.source_url,
        unit_years.source_file,
        unit_years.source_sheet,
        unit_years.source_row

    from unit_years
    left join units
        on unit_years.unit_id = units.unit_id
    left join units as current_units
        on unit_years.successor_unit_id = current_units.unit_id
    left join award_summary
        on
            unit_years.organizer_id = award_summary.organizer_id
            and unit_years.cluster_id = award_summary.cluster_id
            and unit_years.results_year = award_summary.results_year
            and unit_years.unit_id = award_summary.unit_id

)

select
    cast(current_unit_id as varchar) as current_unit_id,
    cast(current_unit_name as varchar) as current_unit_name,
    cast(unit_id as varchar) as unit_id,
    cast(unit_name as varchar) as unit_name,
    cast(is_current_unit as boolean) as is_current_unit,
    cast(lineage_path as varchar) as lineage_path,
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_id as varchar) as cluster_id,
    cast(results_year as integer) as results_year,
    cast(role as varchar) as role,  -- noqa: RF04
    cast(member_count as integer) as member_count,
    cast(final_score as double) as final_score,
    cast(max_score as double) as max_score,
    cast(share_of_max as double) as share_of_max,
    cast(declared_rank as integer) as declared_rank,
    cast(rank_by_score as integer) as rank_by_score,
    cast(effective_rank as integer) as effective_rank,
    cast(effective_rank_basis as varchar) as effective_rank_basis,
    cast(awards_count as integer) as awards_count,
    cast(awards_decided as integer) as awards_decided,
    cast(flags_count as integer) as flags_count,
    cast(award_names as varchar) as award_names,
    cast(is_membership_synthetic as boolean) as is_membership_synthetic,
    cast(membership_source_kind as varchar) as membership_source_kind,
    cast(membership_source_ref as varchar) as membership_source_ref,
    cast(is_member_count_synthetic as boolean) as is_member_count_synthetic,
    cast(is_score_synthetic as boolean) as is_score_synthetic,
    cast(score_source_kind as varchar) as score_source_kind,
    cast(score_source_ref as varchar) as score_source_ref,
    cast(is_rank_synthetic as boolean) as is_rank_synthetic,
    cast(rank_source_kind as varchar) as rank_source_kind,
    cast(rank_source_ref as varchar) as rank_source_ref,
    cast(is_rank_by_score_synthetic as boolean) as is_rank_by_score_synthetic,
    cast(is_effective_rank_synthetic as boolean) as is_effective_rank_synthetic,
    cast(is_awards_synthetic as boolean) as is_awards_synthetic,
    cast(awards_source_kind as varchar) as awards_source_kind,
    cast(awards_source_ref as varchar) as awards_source_ref,
    cast(source_mix as varchar) as source_mix,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_sheet as varchar) as source_sheet,
    cast(source_row as integer) as source_row
from final
