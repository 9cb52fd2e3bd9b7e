with

roles as (

    select * from {{ ref('int_cluster_roles') }}

),

units as (

    select
        unit_id,
        unit_name

    from {{ ref('dim_unit') }}

),

sources as (

    select
        source_id,
        url

    from {{ ref('int_sources_registered') }}

),

clusters as (

    select
        cluster_id,
        cluster_name

    from {{ ref('dim_cluster') }}

),

leadership as (

    select
        roles.*,
        units.unit_name,
        sources.url as source_url

    from roles
    left join units
        on roles.unit_id = units.unit_id
    left join sources
        on roles.source_ref = sources.source_id

),

-- who led and who deputised in each cluster-year, by current successor so that a unit is
-- followed across a reorganisation (a deputy merged into the unit that leads next year counts)
cluster_year_roles as (

    select
        organizer_id,
        cluster_id,
        results_year,
        list(distinct successor_unit_id) filter (where role = 'leader') as leader_successor_ids,
        list(distinct successor_unit_id) filter (where role = 'deputy') as deputy_successor_ids,
        min(unit_id) filter (where role = 'leader') as leader_unit_id,
        min(unit_name) filter (where role = 'leader') as leader_name,
        bool_and(is_synthetic) as is_synthetic

    from leadership
    group by organizer_id, cluster_id, results_year

),

final as (

    select
        leadership.organizer_id,
        leadership.cluster_id,
        clusters.cluster_name,
        leadership.results_year,
        leadership.role,
        leadership.role_order,
        leadership.record_type,
        leadership.unit_id,
        leadership.unit_name,
        leadership.unit_name_raw,
        leadership.successor_unit_id,
        -- null when the neighbouring year records no leader (resp. no deputy): unknown, not "no"
        list_contains(previous_year.deputy_successor_ids, leadership.successor_unit_id) as was_deputy_previous_year,
        list_contains(previous_year.leader_successor_ids, leadership.successor_unit_id) as was_leader_previous_year,
        list_contains(next_year.leader_successor_ids, leadership.successor_unit_id) as is_leader_next_year,
        list_contains(next_year.deputy_successor_ids, leadership.successor_unit_id) as is_deputy_next_year,
        previous_year.leader_unit_id as previous_year_leader_unit_id,
        previous_year.leader_name as previous_year_leader_name,
        next_year.leader_unit_id as next_year_leader_unit_id,
        next_year.leader_name as next_year_leader_name,
        previous_year.is_synthetic as is_previous_year_synthetic,
        next_year.is_synthetic as is_next_year_synthetic,
        leadership.role_from_year,
        leadership.role_to_year,
        leadership.is_synthetic,
        leadership.source_kind,
        leadership.source_ref,
        leadership.source_url,
        leadership.source_file,
        leadership.source_sheet,
        leadership.source_row

    from leadership
    left join clusters
        on leadership.cluster_id = clusters.cluster_id
    left join cluster_year_roles as previous_year
        on
            leadership.organizer_id = previous_year.organizer_id
            and leadership.cluster_id = previous_year.cluster_id
            and leadership.results_year - 1 = previous_year.results_year
    left join cluster_year_roles as next_year
        on
            leadership.organizer_id = next_year.organizer_id
            and leadership.cluster_id = next_year.cluster_id
            and leadership.results_year + 1 = next_year.results_year

)

select
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_id as varchar) as cluster_id,
    cast(cluster_name as varchar) as cluster_name,
    cast(results_year as integer) as results_year,
    cast(role as varchar) as role,  -- noqa: RF04
    cast(unit_id as varchar) as unit_id,
    cast(role_order as integer) as role_order,
    cast(record_type as varchar) as record_type,
    cast(unit_name as varchar) as unit_name,
    cast(unit_name_raw as varchar) as unit_name_raw,
    cast(successor_unit_id as varchar) as successor_unit_id,
    cast(was_deputy_previous_year as boolean) as was_deputy_previous_year,
    cast(was_leader_previous_year as boolean) as was_leader_previous_year,
    cast(is_leader_next_year as boolean) as is_leader_next_year,
    cast(is_deputy_next_year as boolean) as is_deputy_next_year,
    cast(previous_year_leader_unit_id as varchar) as previous_year_leader_unit_id,
    cast(previous_year_leader_name as varchar) as previous_year_leader_name,
    cast(next_year_leader_unit_id as varchar) as next_year_leader_unit_id,
    cast(next_year_leader_name as varchar) as next_year_leader_name,
    cast(is_previous_year_synthetic as boolean) as is_previous_year_synthetic,
    cast(is_next_year_synthetic as boolean) as is_next_year_synthetic,
    cast(role_from_year as integer) as role_from_year,
    cast(role_to_year as integer) as role_to_year,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_sheet as varchar) as source_sheet,
    cast(source_row as integer) as source_row
from final
