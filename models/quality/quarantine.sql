{#-
    The quarantined rows still open, i.e. someone's to fix: rows of loads in force, of the current
    load of their file's content (a later full load of the same content supersedes an earlier
    one), that no retry has taken over yet (a retry lands them or quarantines them again under its
    own load). Every quarantined row ever written stays in raw.duckdb (quarantine).
-#}
with

quarantine as (

    select * from {{ ref('stg_raw__quarantine') }}

),

load_ledger as (

    select * from {{ ref('stg_raw__load_ledger') }}

),

loads_in_force as (

    select * from {{ loads_in_force(ref('stg_raw__load_ledger'), ref('stg_raw__load_actions')) }}

),

current_full_loads as (

    select max(load_ledger.load_id) as load_id

    from load_ledger
    inner join loads_in_force
        on load_ledger.load_id = loads_in_force.load_id
    where load_ledger.retry_of_load_id is null
    group by load_ledger.content_hash, coalesce(load_ledger.source_sheet, '')

),

open_rows as (

    select quarantine.*

    from quarantine
    inner join loads_in_force
        on quarantine.load_id = loads_in_force.load_id
    inner join current_full_loads
        on loads_in_force.base_load_id = current_full_loads.load_id
    where quarantine.retried_in_load_id is null

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

    from open_rows

)

select * from final
