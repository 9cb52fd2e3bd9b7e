with

load_ledger as (

    select * from {{ ref('stg_raw__load_ledger') }}

),

final as (

    select
        load_id,
        file_path,
        file_name,
        source_sheet,
        content_hash,
        record_type,
        status,
        rows_read,
        rows_loaded,
        rows_quarantined,
        message,
        loaded_at,
        loader_version,
        resolver_fingerprint

    from load_ledger

)

select * from final
