with

memberships as (

    select * from {{ ref('int_memberships_resolved') }}

),

unit_scores as (

    select * from {{ ref('int_units_ranked') }}

),

rankings as (

    select * from {{ ref('stg_raw__rankings') }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

sources as (

    select * from {{ ref('sources') }}

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
        *,
        bool_and(is_synthetic) over (
            partition by organizer_id, cluster_id, results_year, unit_id
        ) as is_all_synthetic

    from provenance_candidates
    qualify row_number() over (
        partition by organizer_id, cluster_id, results_year, unit_id
        order by is_synthetic, priority
    ) = 1

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
        provenance.source_kind,
        provenance.source_ref,
        sources.url as source_url,
        provenance.source_file,
        provenance.source_row,
        provenance.source_sheet,
        unit_scores.score_basis,
        unit_scores.base_score,
        unit_scores.n_peers,
        unit_scores.n_criteria,
        unit_scores.n_units_scored,
        unit_scores.peer_score_combination,
        unit_scores.is_synthetic as is_score_synthetic,
        rankings.rank_method,
        rankings.is_synthetic as is_rank_synthetic,
        memberships.membership_id is not null as has_membership,
        coalesce(units.successor_unit_id, spine_counted.unit_id) as successor_unit_id

    from spine_counted
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
        on provenance.source_ref = sources.source_id

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
    cast(successor_unit_id as varchar) as successor_unit_id
from joined
