-- Declared ranks run 1..n within every cluster-year without gaps (ties allowed, as for ranks by
-- score); a published ranking may stop early (only the first three), never skip a place. A gap
-- is a data problem to look at, not a reason to withhold the warehouse: severity warn.
-- Returns every cluster-year rank that breaks the run.

{{ config(severity='warn') }}

with

ranks as (

    select
        organizer_id,
        cluster_id,
        results_year,
        declared_rank as rank_value,
        count(*) as n_units

    from {{ ref('fct_unit_year_scores') }}
    where declared_rank is not null
    group by organizer_id, cluster_id, results_year, declared_rank

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
