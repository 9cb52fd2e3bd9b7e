with

validation_results as (

    select * from {{ ref('stg_raw__validation_results') }}

),

final as (

    select
        load_id,
        record_type,
        suite_name,
        expectation,
        column_name,
        is_success,
        element_count,
        unexpected_count,
        details_json,
        validated_at

    from validation_results

)

select * from final
