{#-
    The ledger as written at load time (rows read = loaded + quarantined, for every load), with
    each load's state now: withdrawn or in force (its latest action, by whom, when and why), and
    how many of its rows are still quarantined (a retry takes rows over: see quarantine.sql).
-#}
with

load_ledger as (

    select * from {{ ref('stg_raw__load_ledger') }}

),

load_actions as (

    select * from {{ ref('stg_raw__load_actions') }}

),

open_quarantine as (

    select * from {{ ref('quarantine') }}

),

latest_actions as (

    select *

    from load_actions
    qualify row_number() over (partition by load_id order by action_id desc) = 1

),

still_quarantined as (

    select
        load_id,
        count(distinct source_row) as rows_still_quarantined

    from open_quarantine
    group by load_id

),

final as (

    select
        load_ledger.load_id,
        load_ledger.file_path,
        load_ledger.file_name,
        load_ledger.source_sheet,
        load_ledger.content_hash,
        load_ledger.record_type,
        load_ledger.status,
        load_ledger.rows_read,
        load_ledger.rows_loaded,
        load_ledger.rows_quarantined,
        load_ledger.message,
        load_ledger.loaded_at,
        load_ledger.loader_version,
        load_ledger.resolver_fingerprint,
        load_ledger.retry_of_load_id,
        load_ledger.default_source_kind,
        load_ledger.is_complete_roster,
        load_ledger.is_forced,
        case
            when load_ledger.status <> 'loaded' then load_ledger.status
            when latest_actions.action = 'withdraw' then 'withdrawn'
            else 'in_force'
        end as load_state,
        coalesce(latest_actions.action = 'withdraw', false) as is_withdrawn,
        latest_actions.action as last_action,
        latest_actions.acted_at as last_action_at,
        latest_actions.acted_by as last_action_by,
        latest_actions.reason as last_action_reason,
        coalesce(still_quarantined.rows_still_quarantined, 0) as rows_still_quarantined

    from load_ledger
    left join latest_actions
        on load_ledger.load_id = latest_actions.load_id
    left join still_quarantined
        on load_ledger.load_id = still_quarantined.load_id

)

select * from final
