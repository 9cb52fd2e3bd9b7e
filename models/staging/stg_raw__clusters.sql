with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'clusters')) }}

),

renamed as (

    select
        -- keys
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,

        -- attributes
        cast(cluster_kind as varchar) as cluster_kind,
        cast(cluster_number as integer) as cluster_number,
        cast(name as varchar) as cluster_name,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,
        cast(cycle as varchar) as cluster_cycle,  -- noqa: RF04

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,
        cast(cluster_raw as varchar) as cluster_name_raw,

        -- provenance
        {{ staged_provenance() }}

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement('organizer_id, cluster_id') }}

)

select * from renamed
