with

quarantine as (

    select * from {{ ref('stg_raw__quarantine') }}

),

final as (

    select
        load_id,
        record_type,
        source_file,
        source_sheet,
        source_row,
        column_name,
        value,
        rule,
        message_vi,
        message_en,
        candidates,
        row_json

    from quarantine

)

select * from final
