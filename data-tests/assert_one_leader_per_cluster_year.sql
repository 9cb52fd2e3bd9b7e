-- A cluster (or block) has at most one leader (cụm/khối trưởng) in a results year.
-- Returns every cluster-year with more than one, real or synthetic, with the file and row of
-- each leader's record (what to withdraw or correct).

select
    organizer_id,
    cluster_id,
    results_year,
    count(*) as n_leaders,
    string_agg(unit_id, ', ' order by unit_id) as leader_unit_ids,
    string_agg(
        unit_id || ' (' || coalesce(source_file, '?')
        || coalesce(' [' || source_sheet || ']', '')
        || ', row ' || coalesce(cast(source_row as varchar), '?') || ')',
        '; ' order by unit_id
    ) as leader_records

from {{ ref('fct_memberships') }}
where role = 'leader'
group by organizer_id, cluster_id, results_year
having count(*) > 1
