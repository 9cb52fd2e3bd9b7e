with

source as (

    select * from {{ source('raw', 'validation_results') }}

),

renamed as (

    select
        cast(load_id as integer) as load_id,
        cast(record_type as varchar) as record_type,
        cast(suite_name as varchar) as suite_name,
        cast(expectation as varchar) as expectation,
        cast(column_name as varchar) as column_name,
        cast(success as boolean) as is_success,
        cast(element_count as integer) as element_count,
        cast(unexpected_count as integer) as unexpected_count,
        cast(details_json as varchar) as details_json,
        cast(validated_at as timestamp) as validated_at

    from source

)

select * from renamed
