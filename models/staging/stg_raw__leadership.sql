{#-
    Leadership as elected (a `leadership` record): who leads and deputises a cluster in a results
    year, apart from the roster. The latest restatement of each unit's role in a cluster-year.
-#}
with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'leadership')) }}

),

renamed as (

    select
        -- keys
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,
        cast(results_year as integer) as results_year,
        cast(unit_id as varchar) as unit_id,

        -- attributes
        cast(role as varchar) as role,  -- noqa: RF04
        cast(role_order as integer) as role_order,
        cast(elected_on as date) as elected_on,
        cast(elected_on_period as varchar) as elected_on_period,

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,
        cast(cluster_raw as varchar) as cluster_name_raw,
        cast(unit_raw as varchar) as unit_name_raw,
        cast(results_year_raw as varchar) as results_year_raw,

        -- provenance
        {{ staged_provenance() }}

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement('organizer_id, cluster_id, results_year, unit_id') }}

)

select * from renamed
