with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'unit_aliases')) }}

),

renamed as (

    select
        -- keys
        cast(alias as varchar) as alias,  -- noqa: RF04
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,

        -- attributes
        cast(unit_id as varchar) as unit_id,
        cast(source_note as varchar) as source_note,

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,
        cast(cluster_raw as varchar) as cluster_name_raw,

        -- provenance
        {{ staged_provenance() }}

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement('alias, organizer_id, cluster_id, valid_from_year, valid_to_year') }}

)

select * from renamed
