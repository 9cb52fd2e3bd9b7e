{#-
    Memberships as one row per unit x cluster x results year, each row carrying the two intervals
    its year belongs to (gaps and islands: consecutive years collapse into one interval):
      - membership_from_year / membership_to_year: consecutive years of the unit in the cluster;
      - role_from_year / role_to_year: consecutive years of the unit in the cluster in the same role
        (an unstated role is its own value, so "unknown" years never join a leader's term).
    Plus the unit's current successor (lineage), so a roster can follow a unit across reorganisations.
-#}
with

memberships as (

    select * from {{ ref('stg_raw__memberships') }}

),

lineage as (

    select * from {{ ref('int_unit_lineage_resolved') }}

),

islands as (

    select
        *,
        results_year - dense_rank() over (
            partition by organizer_id, cluster_id, unit_id
            order by results_year
        ) as membership_island,
        results_year - dense_rank() over (
            partition by organizer_id, cluster_id, unit_id, role
            order by results_year
        ) as role_island

    from memberships

),

intervals as (

    select
        *,
        min(results_year) over (
            partition by organizer_id, cluster_id, unit_id, membership_island
        ) as membership_from_year,
        max(results_year) over (
            partition by organizer_id, cluster_id, unit_id, membership_island
        ) as membership_to_year,
        min(results_year) over (
            partition by organizer_id, cluster_id, unit_id, role, role_island
        ) as role_from_year,
        max(results_year) over (
            partition by organizer_id, cluster_id, unit_id, role, role_island
        ) as role_to_year

    from islands

),

final as (

    select
        intervals.membership_id,
        intervals.organizer_id,
        intervals.cluster_id,
        intervals.results_year,
        intervals.unit_id,
        intervals.role,
        intervals.role_order,
        intervals.stated_member_count,
        intervals.membership_from_year,
        intervals.membership_to_year,
        intervals.role_from_year,
        intervals.role_to_year,
        coalesce(lineage.successor_unit_id, intervals.unit_id) as successor_unit_id,
        intervals.organizer_name_raw,
        intervals.cluster_name_raw,
        intervals.unit_name_raw,
        intervals.load_id,
        intervals.source_file,
        intervals.source_sheet,
        intervals.source_row,
        intervals.is_synthetic,
        intervals.source_kind,
        intervals.source_ref,
        intervals.note

    from intervals
    left join lineage
        on intervals.unit_id = lineage.unit_id

)

select * from final
