with

source as (

    select * from {{ source('raw', 'load_actions') }}

),

renamed as (

    select
        cast(action_id as integer) as action_id,
        cast(load_id as integer) as load_id,
        cast(action as varchar) as action,  -- noqa: RF04
        cast(acted_at as timestamp) as acted_at,
        cast(acted_by as varchar) as acted_by,
        cast(reason as varchar) as reason

    from source

)

select * from renamed
