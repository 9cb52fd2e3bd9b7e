with

load_actions as (

    select * from {{ ref('stg_raw__load_actions') }}

),

final as (

    select
        action_id,
        load_id,
        action,
        acted_at,
        acted_by,
        reason

    from load_actions

)

select * from final
