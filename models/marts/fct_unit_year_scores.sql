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

memberships as (

    select * from {{ ref('int_memberships_resolved') }}
    where {{ in_years('results_year', years) }}

),

unit_scores as (

    select * from {{ ref('int_units_ranked') }}
    where {{ in_years('results_year', years) }}

),

rankings as (

    select * from {{ ref('stg_raw__rankings') }}
    where {{ in_years('results_year', years) }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

sources as (

    select * from {{ ref('int_sources_registered') }}

),

stamps as (

    select * from {{ year_stamps(years) }}

),

-- every unit-year with a membership, a score or a declared rank
spine as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id
    from memberships

    union

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id
    from unit_scores

    union

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id
    from rankings

),

spine_counted as (

    select
        *,
        count(*) over (partition by organizer_id, cluster_id, results_year) as member_count

    from spine

),

-- provenance of a unit-year: the declared rank's record, else the membership's, else a score row;
-- a real record always wins over a synthetic one
provenance_candidates as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        1 as priority,
        is_synthetic,
        source_kind,
        source_ref,
        source_file,
        source_sheet,
        source_row
    from rankings

    union all

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        2 as priority,
        is_synthetic,
        source_kind,
        source_ref,
        source_file,
        source_sheet,
        source_row
    from memberships

    union all

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        3 as priority,
        is_synthetic,
        source_kind,
        source_ref,
        source_file,
        source_sheet,
        source_row
    from unit_scores

),

provenance as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        bool_and(is_synthetic) as is_all_synthetic,
        arg_min(
            struct_pack(source_kind, source_ref, source_file, source_sheet, source_row),
            (is_synthetic, priority)
        ) as record

    from provenance_candidates
    group by organizer_id, cluster_id, results_year, unit_id

),

joined as (

    select
        spine_counted.organizer_id,
        spine_counted.cluster_id,
        spine_counted.results_year,
        spine_counted.unit_id,
        units.unit_name,
        memberships.role,
        unit_scores.self_score,
        unit_scores.peer_score,
        unit_scores.agreed_score,
        unit_scores.final_score,
        unit_scores.max_score,
        unit_scores.bonus,
        unit_scores.share_of_max,
        rankings.declared_rank,
        unit_scores.rank_by_score,
        case
            when rankings.declared_rank is not null and unit_scores.rank_by_score is not null
                then rankings.declared_rank <> unit_scores.rank_by_score
        end as is_rank_mismatch,
        rankings.classification,
        spine_counted.member_count,
        provenance.is_all_synthetic as is_synthetic,
        provenance.record.source_kind,
        provenance.record.source_ref,
        sources.url as source_url,
        provenance.record.source_file,
        provenance.record.source_row,
        provenance.record.source_sheet,
        unit_scores.score_basis,
        unit_scores.base_score,
        unit_scores.n_peers,
        unit_scores.n_criteria,
        unit_scores.n_units_scored,
        unit_scores.peer_score_combination,
        unit_scores.includes_synthetic as is_score_synthetic,
        {{ value_source_kind(
            'unit_scores.is_synthetic', 'unit_scores.includes_synthetic', 'unit_scores.source_kind'
        ) }} as score_source_kind,
        unit_scores.source_ref as score_source_ref,
        score_sources.url as score_source_url,
        unit_scores.source_file as score_source_file,
        unit_scores.source_sheet as score_source_sheet,
        unit_scores.source_row as score_source_row,
        unit_scores.is_rank_by_score_synthetic,
        memberships.is_synthetic as is_membership_synthetic,
        memberships.source_kind as membership_source_kind,
        memberships.source_ref as membership_source_ref,
        membership_sources.url as membership_source_url,
        memberships.source_file as membership_source_file,
        memberships.source_sheet as membership_source_sheet,
        memberships.source_row as membership_source_row,
        -- member_count counts every unit-year of the cluster-year: generated as soon as one of
        -- them stands on generated records only
        bool_or(provenance.is_all_synthetic) over (
            partition by spine_counted.organizer_id, spine_counted.cluster_id, spine_counted.results_year
        ) as is_member_count_synthetic,
        rankings.rank_method,
        rankings.is_synthetic as is_rank_synthetic,
        memberships.membership_id is not null as has_membership,
        coalesce(units.successor_unit_id, spine_counted.unit_id) as successor_unit_id,
        -- the rank that counts: the declared ranking when the cluster-year declared one (even if
        -- only the first place was published), else the ranking by score
        bool_or(rankings.declared_rank is not null) over (
            partition by spine_counted.organizer_id, spine_counted.cluster_id, spine_counted.results_year
        ) as has_declared_ranking,
        -- the declared rank's own record (the row's provenance above may be another record's)
        rankings.source_kind as rank_source_kind,
        rankings.source_ref as rank_source_ref,
        rank_sources.url as rank_source_url,
        rankings.source_file as rank_source_file,
        rankings.source_sheet as rank_source_sheet,
        rankings.source_row as rank_source_row,
        stamps.year_max_load_id,
        stamps.year_inputs_hash,
        stamps.built_at

    from spine_counted
    inner join stamps
        on spine_counted.results_year = stamps.results_year
    inner join provenance
        on
            spine_counted.organizer_id = provenance.organizer_id
            and spine_counted.cluster_id = provenance.cluster_id
            and spine_counted.results_year = provenance.results_year
            and spine_counted.unit_id = provenance.unit_id
    left join memberships
        on
            spine_counted.organizer_id = memberships.organizer_id
            and spine_counted.cluster_id = memberships.cluster_id
            and spine_counted.results_year = memberships.results_year
            and spine_counted.unit_id = memberships.unit_id
    left join unit_scores
        on
            spine_counted.organizer_id = unit_scores.organizer_id
            and spine_counted.cluster_id = unit_scores.cluster_id
            and spine_counted.results_year = unit_scores.results_year
            and spine_counted.unit_id = unit_scores.unit_id
    left join rankings
        on
            spine_counted.organizer_id = rankings.organizer_id
            and spine_counted.cluster_id = rankings.cluster_id
            and spine_counted.results_year = rankings.results_year
            and spine_counted.unit_id = rankings.unit_id
    left join units
        on spine_counted.unit_id = units.unit_id
    left join sources
        on provenance.record.source_ref = sources.source_id
    left join sources as rank_sources
        on rankings.source_ref = rank_sources.source_id
    left join sources as score_sources
        on unit_scores.source_ref = score_sources.source_id
    left join sources as membership_sources
        on memberships.source_ref = membership_sources.source_id

)

select
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_id as varchar) as cluster_id,
    cast(results_year as integer) as results_year,
    cast(unit_id as varchar) as unit_id,
    cast(unit_name as varchar) as unit_name,
    cast(role as varchar) as role,  -- noqa: RF04
    cast(self_score as double) as self_score,
    cast(peer_score as double) as peer_score,
    cast(agreed_score as double) as agreed_score,
    cast(final_score as double) as final_score,
    cast(max_score as double) as max_score,
    cast(bonus as double) as bonus,
    cast(share_of_max as double) as share_of_max,
    cast(declared_rank as integer) as declared_rank,
    cast(rank_by_score as integer) as rank_by_score,
    cast(is_rank_mismatch as boolean) as is_rank_mismatch,
    cast(classification as varchar) as classification,
    cast(member_count as integer) as member_count,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_row as integer) as source_row,
    cast(source_sheet as varchar) as source_sheet,
    cast(score_basis as varchar) as score_basis,
    cast(base_score as double) as base_score,
    cast(n_peers as integer) as n_peers,
    cast(n_criteria as integer) as n_criteria,
    cast(n_units_scored as integer) as n_units_scored,
    cast(peer_score_combination as varchar) as peer_score_combination,
    cast(is_score_synthetic as boolean) as is_score_synthetic,
    cast(rank_method as varchar) as rank_method,
    cast(is_rank_synthetic as boolean) as is_rank_synthetic,
    cast(has_membership as boolean) as has_membership,
    cast(successor_unit_id as varchar) as successor_unit_id,
    cast(case when has_declared_ranking then declared_rank else rank_by_score end as integer) as effective_rank,
    cast(
        case
            when has_declared_ranking and declared_rank is not null then 'declared_rank'
            when not has_declared_ranking and rank_by_score is not null then 'score'
        end as varchar
    ) as effective_rank_basis,
    cast(rank_source_kind as varchar) as rank_source_kind,
    cast(rank_source_ref as varchar) as rank_source_ref,
    cast(rank_source_url as varchar) as rank_source_url,
    cast(rank_source_file as varchar) as rank_source_file,
    cast(rank_source_sheet as varchar) as rank_source_sheet,
    cast(rank_source_row as integer) as rank_source_row,
    cast(score_source_kind as varchar) as score_source_kind,
    cast(score_source_ref as varchar) as score_source_ref,
    cast(score_source_url as varchar) as score_source_url,
    cast(score_source_file as varchar) as score_source_file,
    cast(score_source_sheet as varchar) as score_source_sheet,
    cast(score_source_row as integer) as score_source_row,
    cast(is_rank_by_score_synthetic as boolean) as is_rank_by_score_synthetic,
    cast(
        case
            when has_declared_ranking then is_rank_synthetic
            else is_rank_by_score_synthetic
        end as boolean
    ) as is_effective_rank_synthetic,
    cast(is_membership_synthetic as boolean) as is_membership_synthetic,
    cast(membership_source_kind as varchar) as membership_source_kind,
    cast(membership_source_ref as varchar) as membership_source_ref,
    cast(membership_source_url as varchar) as membership_source_url,
    cast(membership_source_file as varchar) as membership_source_file,
    cast(membership_source_sheet as varchar) as membership_source_sheet,
    cast(membership_source_row as integer) as membership_source_row,
    cast(is_member_count_synthetic as boolean) as is_member_count_synthetic,
    cast(
        case
            when is_synthetic then 'synthetic'
            when
                coalesce(is_membership_synthetic, false)
                or coalesce(is_score_synthetic, false)
                or coalesce(is_rank_synthetic, false)
                then 'mixed'
            else 'real'
        end as varchar
    ) as source_mix,
    cast(year_max_load_id as integer) as year_max_load_id,
    cast(year_inputs_hash as ubigint) as year_inputs_hash,
    cast(built_at as timestamp) as built_at
from joined
