{#-
    How each cluster moved between two of its results years (base < end): the change in its mean
    share of the maximum, in its place among its organiser's clusters of its kind by that share
    (fct_cluster_year.share_of_max_rank), and how much its units' ranks moved in between (the
    mean absolute change of the rank that counts, over the units ranked in both years:
    mart_unit_changes). Consecutive years (end = base + 1) give the year-to-year rank stability.
    The dashboard picks base and end and sorts.
-#}
with

cluster_years as (

    select * from {{ ref('fct_cluster_year') }}

),

unit_changes as (

    select * from {{ ref('mart_unit_changes') }}

),

-- the units' rank moves of each cluster and pair of years, aggregated before the join
rank_moves as (

    select
        organizer_id,
        cluster_id,
        base_year,
        end_year,
        count(rank_change) as units_compared,
        avg(abs(rank_change)) as mean_abs_rank_change,
        bool_or(is_rank_change_synthetic) as is_rank_stability_synthetic

    from unit_changes
    where rank_change is not null
    group by organizer_id, cluster_id, base_year, end_year

),

pairs as (

    select
        base.organizer_id,
        base.cluster_id,
        base.cluster_name,
        base.cluster_kind,
        base.results_year as base_year,
        later.results_year as end_year,
        base.mean_share_of_max as base_share_of_max,
        later.mean_share_of_max as end_share_of_max,
        base.share_of_max_rank as base_share_rank,
        later.share_of_max_rank as end_share_rank,
        base.clusters_ranked_by_share as base_clusters_ranked,
        later.clusters_ranked_by_share as end_clusters_ranked,
        base.is_score_synthetic as is_base_score_synthetic,
        later.is_score_synthetic as is_end_score_synthetic,
        base.is_share_of_max_rank_synthetic as is_base_share_rank_synthetic,
        later.is_share_of_max_rank_synthetic as is_end_share_rank_synthetic,
        base.is_synthetic and later.is_synthetic as is_synthetic

    from cluster_years as base
    inner join cluster_years as later
        on
            base.organizer_id = later.organizer_id
            and base.cluster_id = later.cluster_id
            and base.results_year < later.results_year

)

select
    cast(pairs.organizer_id as varchar) as organizer_id,
    cast(pairs.cluster_id as varchar) as cluster_id,
    cast(pairs.cluster_name as varchar) as cluster_name,
    cast(pairs.cluster_kind as varchar) as cluster_kind,
    cast(pairs.base_year as integer) as base_year,
    cast(pairs.end_year as integer) as end_year,
    cast(pairs.base_share_of_max as double) as base_share_of_max,
    cast(pairs.end_share_of_max as double) as end_share_of_max,
    cast(pairs.end_share_of_max - pairs.base_share_of_max as double) as share_of_max_change,
    cast(pairs.base_share_rank as integer) as base_share_rank,
    cast(pairs.end_share_rank as integer) as end_share_rank,
    -- places gained among the organiser's clusters: from 5th to 2nd is +3
    cast(pairs.base_share_rank - pairs.end_share_rank as integer) as share_rank_change,
    cast(pairs.base_clusters_ranked as integer) as base_clusters_ranked,
    cast(pairs.end_clusters_ranked as integer) as end_clusters_ranked,
    cast(coalesce(rank_moves.units_compared, 0) as integer) as units_compared,
    cast(rank_moves.mean_abs_rank_change as double) as mean_abs_rank_change,
    cast(
        case
            when pairs.base_share_of_max is not null and pairs.end_share_of_max is not null
                then coalesce(pairs.is_base_score_synthetic, false) or coalesce(pairs.is_end_score_synthetic, false)
        end as boolean
    ) as is_share_change_synthetic,
    cast(
        case
            when pairs.base_share_rank is not null and pairs.end_share_rank is not null
                then
                    coalesce(pairs.is_base_share_rank_synthetic, false)
                    or coalesce(pairs.is_end_share_rank_synthetic, false)
        end as boolean
    ) as is_share_rank_change_synthetic,
    cast(rank_moves.is_rank_stability_synthetic as boolean) as is_rank_stability_synthetic,
    cast(pairs.is_synthetic as boolean) as is_synthetic
from pairs
left join rank_moves
    on
        pairs.organizer_id = rank_moves.organizer_id
        and pairs.cluster_id = rank_moves.cluster_id
        and pairs.base_year = rank_moves.base_year
        and pairs.end_year = rank_moves.end_year
