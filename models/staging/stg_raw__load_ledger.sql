with

source as (

    select * from {{ source('raw', 'load_ledger') }}

),

renamed as (

    select
        cast(load_id as integer) as load_id,
        cast(file_path as varchar) as file_path,
        cast(file_name as varchar) as file_name,
        cast(sheet as varchar) as source_sheet,
        cast(content_hash as varchar) as content_hash,
        cast(record_type as varchar) as record_type,
        cast(status as varchar) as status,
        cast(rows_read as integer) as rows_read,
        cast(rows_loaded as integer) as rows_loaded,
        cast(rows_quarantined as integer) as rows_quarantined,
        cast(message as varchar) as message,
        cast(loaded_at as timestamp) as loaded_at,
        cast(loader_version as varchar) as loader_version,
        cast(resolver_fingerprint as varchar) as resolver_fingerprint,
        cast(retry_of_load_id as integer) as retry_of_load_id,
        cast(default_source_kind as varchar) as default_source_kind,
        coalesce(complete_roster, false) as is_complete_roster,
        coalesce(forced, false) as is_forced

    from source

)

select * from renamed
