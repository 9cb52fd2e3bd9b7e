with

memberships as (

    select * from {{ ref('int_memberships_resolved') }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

sources as (

    select * from {{ ref('int_sources_registered') }}

),

final as (

    select
        memberships.membership_id,
        memberships.organizer_id,
        memberships.cluster_id,
        memberships.results_year,
        memberships.unit_id,
        units.unit_name,
        memberships.unit_name_raw,
        memberships.role,
        memberships.role_order,
        memberships.stated_member_count,
        memberships.is_synthetic,
        memberships.source_kind,
        memberships.source_ref,
        sources.url as source_url,
        memberships.source_file,
        memberships.source_sheet,
        memberships.source_row,
        memberships.successor_unit_id,
        memberships.membership_from_year,
        memberships.membership_to_year,
        memberships.role_from_year,
        memberships.role_to_year,
        memberships.load_id,
        memberships.note

    from memberships
    left join units
        on memberships.unit_id = units.unit_id
    left join sources
        on memberships.source_ref = sources.source_id

)

select
    cast(membership_id as varchar) as membership_id,
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_id as varchar) as cluster_id,
    cast(results_year as integer) as results_year,
    cast(unit_id as varchar) as unit_id,
    cast(unit_name as varchar) as unit_name,
    cast(unit_name_raw as varchar) as unit_name_raw,
    cast(role as varchar) as role,  -- noqa: RF04
    cast(role_order as integer) as role_order,
    cast(stated_member_count as integer) as stated_member_count,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_sheet as varchar) as source_sheet,
    cast(source_row as integer) as source_row,
    cast(successor_unit_id as varchar) as successor_unit_id,
    cast(membership_from_year as integer) as membership_from_year,
    cast(membership_to_year as integer) as membership_to_year,
    cast(role_from_year as integer) as role_from_year,
    cast(role_to_year as integer) as role_to_year,
    cast(load_id as integer) as load_id,
    cast(note as varchar) as note
from final
