with

source as (

    select * from {{ source('raw', 'user_aliases') }}

),

renamed as (

    select
        -- keys
        cast(alias as varchar) as alias,  -- noqa: RF04
        cast(unit_id as varchar) as unit_id,
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,
        cast(valid_from_year as integer) as valid_from_year,
        cast(valid_to_year as integer) as valid_to_year,

        -- attributes
        cast(added_at as timestamp) as added_at,
        cast(added_by as varchar) as added_by,
        cast(note as varchar) as note

    from source

    -- the same alias added again with the same scope is one alias: the latest addition
    qualify row_number() over (
        partition by alias, unit_id, organizer_id, cluster_id, valid_from_year, valid_to_year
        order by added_at desc
    ) = 1

)

select * from renamed
