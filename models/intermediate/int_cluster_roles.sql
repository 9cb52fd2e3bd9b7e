{#-
    Who leads and deputises each cluster-year, one row per unit x role: the leadership records
    (as elected, often a year ahead, apart from the roster) and the roles on the roster. For a
    cluster-year and role that a leadership record names, the leadership records say who (they
    are the explicit statement); otherwise the roster's roles do. Each row carries the unit's
    current successor and the consecutive years it held the role (gaps and islands).
-#}
with

roster_roles as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        role,
        role_order,
        unit_name_raw,
        successor_unit_id,
        'memberships' as record_type,
        is_synthetic,
        source_kind,
        source_ref,
        source_file,
        source_sheet,
        source_row,
        load_id

    from {{ ref('int_memberships_resolved') }}
    where role in ('leader', 'deputy')

),

elected as (

    select
        leadership.organizer_id,
        leadership.cluster_id,
        leadership.results_year,
        leadership.unit_id,
        leadership.role,
        leadership.role_order,
        leadership.unit_name_raw,
        coalesce(lineage.successor_unit_id, leadership.unit_id) as successor_unit_id,
        'leadership' as record_type,
        leadership.is_synthetic,
        leadership.source_kind,
        leadership.source_ref,
        leadership.source_file,
        leadership.source_sheet,
        leadership.source_row,
        leadership.load_id

    from {{ ref('stg_raw__leadership') }} as leadership
    left join {{ ref('int_unit_lineage_resolved') }} as lineage
        on leadership.unit_id = lineage.unit_id
    where leadership.unit_id is not null

),

elected_slots as (

    select distinct
        organizer_id,
        cluster_id,
        results_year,
        role

    from elected

),

unioned as (

    select * from elected

    union all

    select roster_roles.*
    from roster_roles
    anti join elected_slots
        on
            roster_roles.organizer_id = elected_slots.organizer_id
            and roster_roles.cluster_id = elected_slots.cluster_id
            and roster_roles.results_year = elected_slots.results_year
            and roster_roles.role = elected_slots.role

),

intervals as (

    select
        *,
        min(results_year) over (
            partition by organizer_id, cluster_id, unit_id, role, role_island
        ) as role_from_year,
        max(results_year) over (
            partition by organizer_id, cluster_id, unit_id, role, role_island
        ) as role_to_year

    from (
        select
            *,
            results_year - dense_rank() over (
                partition by organizer_id, cluster_id, unit_id, role
                order by results_year
            ) as role_island
        from unioned
    ) as islands

)

select * exclude (role_island) from intervals
