{#-
    Besides the latest restatement of each natural key, a complete roster: when a load declared a
    cluster-year's roster complete (roster_complete = 'yes' on any of its rows for it, or
    `thidua load --complete-roster`), the latest such load L is the roster, and rows of earlier
    loads for units L does not list leave it (later loads may still add units). History stays in
    raw. The loader bounds ranks by the same roster (src/thidua/ingest/landing.py, member_counts).
-#}
with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'memberships')) }}

),

complete_rosters as (

    select
        organizer_id,
        cluster_id,
        results_year,
        max(base_load_id) as roster_load_id

    from source
    where roster_complete = 'yes'
    group by organizer_id, cluster_id, results_year

),

roster_units as (

    select distinct
        source.organizer_id,
        source.cluster_id,
        source.results_year,
        source.unit_id

    from source
    inner join complete_rosters
        on
            source.organizer_id = complete_rosters.organizer_id
            and source.cluster_id = complete_rosters.cluster_id
            and source.results_year = complete_rosters.results_year
            and source.base_load_id = complete_rosters.roster_load_id

),

on_roster as (

    select source.*

    from source
    left join complete_rosters
        on
            source.organizer_id = complete_rosters.organizer_id
            and source.cluster_id = complete_rosters.cluster_id
            and source.results_year = complete_rosters.results_year
    left join roster_units
        on
            source.organizer_id = roster_units.organizer_id
            and source.cluster_id = roster_units.cluster_id
            and source.results_year = roster_units.results_year
            and source.unit_id = roster_units.unit_id

    where
        complete_rosters.roster_load_id is null
        or source.base_load_id >= complete_rosters.roster_load_id
        or roster_units.unit_id is not null

),

renamed as (

    select
        -- keys
        {{ surrogate_key(['organizer_id', 'cluster_id', 'results_year', 'unit_id']) }} as membership_id,
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,
        cast(results_year as integer) as results_year,
        cast(unit_id as varchar) as unit_id,

        -- attributes
        cast(role as varchar) as role,  -- noqa: RF04
        cast(role_order as integer) as role_order,
        cast(stated_member_count as integer) as stated_member_count,

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,
        cast(cluster_raw as varchar) as cluster_name_raw,
        cast(unit_raw as varchar) as unit_name_raw,
        cast(results_year_raw as varchar) as results_year_raw,

        -- provenance
        {{ staged_provenance() }}

    from on_roster

    -- the latest restatement of each natural key wins
    {{ latest_restatement('organizer_id, cluster_id, results_year, unit_id') }}

)

select * from renamed
