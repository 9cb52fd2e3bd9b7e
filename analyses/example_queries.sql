-- Five questions an analyst of the provincial emulation board asks, each answered by one short
-- query over the published marts. Run any of them with `thidua sql "<query>"`, in the dashboard's
-- SQL page or in any DuckDB client opened read-only on warehouse/thidua.duckdb.
-- tests/test_warehouse.py runs each one on the bundled sample (blocks are split on "-- name:").

-- name: who_led_each_cluster_since_2015
-- Who led each cluster and block of Thanh Hóa since 2015, with the deputies.
select
    cluster_name,
    results_year,
    leader_name,
    deputy_names,
    is_leader_synthetic
from marts.fct_cluster_year
where organizer_id = 'th-ubnd' and results_year >= 2015 and leader_unit_id is not null
order by cluster_name, results_year
;

-- name: units_ranked_first_three_years_running
-- Units ranked first in their cluster at least three years running (by the current successor,
-- so a run survives a merger; rank = declared, else by score).
with firsts as (
    select
        current_unit_id,
        current_unit_name,
        cluster_id,
        results_year,
        results_year - row_number() over (
            partition by current_unit_id, cluster_id order by results_year
        ) as run_key
    from marts.unit_history
    where effective_rank = 1
)

select
    current_unit_name,
    cluster_id,
    min(results_year) as first_year,
    max(results_year) as last_year,
    count(*) as years_first
from firsts
group by current_unit_id, current_unit_name, cluster_id, run_key
having count(*) >= 3
order by years_first desc, first_year asc, current_unit_name asc
;

-- name: award_proposals_breaking_the_rule_in_force
-- Award proposals that break a legal rule of the regime in force for their results year.
select
    results_year,
    regime_id,
    rule_name_en,
    cluster_id,
    unit_name,
    award_status,
    detail,
    source_ref,
    is_synthetic
from marts.mart_award_compliance
where rule_kind = 'legal'
order by results_year, rule_code, cluster_id, unit_name
;

-- name: deputies_who_became_leader_next_year
-- Deputies (phó) who led the same cluster the following year.
select
    cluster_name,
    results_year as deputy_year,
    unit_name as deputy,
    next_year_leader_name as leader_next_year,
    is_synthetic or is_next_year_synthetic as is_synthetic
from marts.fct_leadership
where role = 'deputy' and is_leader_next_year
order by cluster_name, deputy_year
;

-- name: one_unit_across_the_2025_merge
-- Sở Nông nghiệp và Môi trường (formed in 2025 from Sở Tài nguyên và Môi trường and Sở Nông
-- nghiệp và PTNT) across all its years, under the names it had.
select
    results_year,
    unit_name,
    cluster_id,
    role,
    round(share_of_max, 3) as share_of_max,
    effective_rank,
    award_names
from marts.unit_history
where current_unit_id = 'th-so-nnmt'
order by results_year, unit_name
;
