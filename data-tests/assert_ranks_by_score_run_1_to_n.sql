-- Ranks by score run 1..n within every cluster-year without gaps, except where units tie: the
-- standard competition ranking ("1224") gives tied units one rank and skips as many places as
-- there were ties, so each rank is the previous rank plus the number of units that held it.
-- Returns every cluster-year rank that breaks the run.

with

ranks as (

    select
        organizer_id,
        cluster_id,
        results_year,
        rank_by_score as rank_value,
        count(*) as n_units

    from {{ ref('fct_unit_year_scores') }}
    where rank_by_score is not null
    group by organizer_id, cluster_id, results_year, rank_by_score

),

runs as (

    select
        *,
        lag(rank_value) over cluster_year as previous_rank,
        lag(n_units) over cluster_year as previous_units

    from ranks
    window cluster_year as (partition by organizer_id, cluster_id, results_year order by rank_value)

)

select * from runs
where
    (previous_rank is null and rank_value <> 1)
    or (previous_rank is not null and rank_value <> previous_rank + previous_units)
