with

source as (

    select * from {{ source('raw', 'quarantine') }}

),

renamed as (

    select
        cast(load_id as integer) as load_id,
        cast(record_type as varchar) as record_type,
        cast(source_file as varchar) as source_file,
        cast(source_sheet as varchar) as source_sheet,
        cast(source_row as integer) as source_row,
        cast(column_name as varchar) as column_name,
        cast(value as varchar) as value,  -- noqa: RF04
        cast(rule as varchar) as rule,  -- noqa: RF04
        cast(message_vi as varchar) as message_vi,
        cast(message_en as varchar) as message_en,
        cast(candidates as varchar) as candidates,
        cast(row_json as varchar) as row_json,
        cast(retried_in_load_id as integer) as retried_in_load_id

    from source

)

select * from renamed
