{#-
    How each unit moved between two results years of the same cluster: the change in its share
    of the maximum and in the rank that counts (effective_rank), for every pair of years base <
    end in which it has a unit-year. A unit is followed through the reorganisations: its end-year
    row is its own, else its current successor's (Sở KH&ĐT in 2020 against Sở Tài chính in 2025).
    Ranks are compared only within one cluster, where they rank the same field of units; shares
    of the maximum compare across clusters too, but stay paired by cluster here so a unit that sat
    in two clusters has one change per cluster. The dashboard picks base and end and sorts.
-#}
with

unit_years as (

    select * from {{ ref('unit_history') }}

),

-- Each unit-year against every later year of the same cluster. The end-year row is the unit's
-- own when it is still there, else its current successor's (before a merge the unit and its
-- successor can both sit in the cluster: the own row wins). A filter instead of a window picking
-- one row of each pair: at the national tier × 1 (2 M pairs) the window cost DuckDB a grouping by
-- five keys carrying every column.
pairs as (

    select
        base.organizer_id,
        base.cluster_id,
        base.results_year as base_year,
        later.results_year as end_year,
        base.unit_id,
        base.unit_name,
        later.unit_id as end_unit_id,
        later.unit_name as end_unit_name,
        base.current_unit_id,
        base.current_unit_name,
        base.share_of_max as base_share_of_max,
        later.share_of_max as end_share_of_max,
        base.effective_rank as base_rank,
        later.effective_rank as end_rank,
        base.member_count as base_member_count,
        later.member_count as end_member_count,
        base.is_score_synthetic as is_base_score_synthetic,
        later.is_score_synthetic as is_end_score_synthetic,
        base.is_effective_rank_synthetic as is_base_rank_synthetic,
        later.is_effective_rank_synthetic as is_end_rank_synthetic,
        base.is_synthetic and later.is_synthetic as is_synthetic

    from unit_years as base
    inner join unit_years as later
        on
            base.organizer_id = later.organizer_id
            and base.cluster_id = later.cluster_id
            and base.current_unit_id = later.current_unit_id
            and base.results_year < later.results_year
            and later.unit_id in (base.unit_id, base.current_unit_id)
    where
        later.unit_id = base.unit_id
        or not exists (
            select 1
            from unit_years as own
            where
                own.organizer_id = base.organizer_id
                and own.cluster_id = base.cluster_id
                and own.unit_id = base.unit_id
                and own.results_year = later.results_year
        )

)

select
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_id as varchar) as cluster_id,
    cast(base_year as integer) as base_year,
    cast(end_year as integer) as end_year,
    cast(unit_id as varchar) as unit_id,
    cast(unit_name as varchar) as unit_name,
    cast(end_unit_id as varchar) as end_unit_id,
    cast(end_unit_name as varchar) as end_unit_name,
    cast(current_unit_id as varchar) as current_unit_id,
    cast(current_unit_name as varchar) as current_unit_name,
    cast(base_share_of_max as double) as base_share_of_max,
    cast(end_share_of_max as double) as end_share_of_max,
    cast(end_share_of_max - base_share_of_max as double) as share_of_max_change,
    cast(base_rank as integer) as base_rank,
    cast(end_rank as integer) as end_rank,
    -- places gained: from 5th to 2nd is +3
    cast(base_rank - end_rank as integer) as rank_change,
    cast(base_member_count as integer) as base_member_count,
    cast(end_member_count as integer) as end_member_count,
    cast(
        case
            when base_share_of_max is not null and end_share_of_max is not null
                then coalesce(is_base_score_synthetic, false) or coalesce(is_end_score_synthetic, false)
        end as boolean
    ) as is_share_change_synthetic,
    cast(
        case
            when base_rank is not null and end_rank is not null
                then coalesce(is_base_rank_synthetic, false) or coalesce(is_end_rank_synthetic, false)
        end as boolean
    ) as is_rank_change_synthetic,
    cast(is_synthetic as boolean) as is_synthetic
from pairs
