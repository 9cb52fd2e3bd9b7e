{#-
    Corrections recorded in the landing database, as every staging model of raw records applies
    them (the loader and the CLI apply the same rules to raw.duckdb: src/thidua/ingest/load_state.py):
      - a load whose latest action in load_actions is a withdrawal is left out, all its rows;
      - a retry of an earlier load's quarantined rows (load_ledger.retry_of_load_id) takes that
        load's place in time (base_load_id): restatements order by base_load_id, then load_id,
        so a retry never outranks a file loaded after the one its rows came from.
    Nothing is deleted from raw: withdrawing and restoring are rows of load_actions.
-#}

{#- The loads in force, as a relation of (load_id, base_load_id). Staging reads the raw tables
    (the default); the quality models pass their staging copies. -#}
{% macro loads_in_force(ledger=none, actions=none) -%}
    {%- set ledger = ledger if ledger is not none else source('raw', 'load_ledger') -%}
    {%- set actions = actions if actions is not none else source('raw', 'load_actions') -%}
    (
        select
            ledger.load_id,
            coalesce(ledger.retry_of_load_id, ledger.load_id) as base_load_id
        from {{ ledger }} as ledger
        where
            ledger.status = 'loaded'
            and ledger.load_id not in (
                select actions.load_id
                from {{ actions }} as actions
                qualify
                    row_number() over (partition by actions.load_id order by actions.action_id desc) = 1
                    and actions.action = 'withdraw'
            )
    )
{%- endmacro %}


{#- The rows of a raw record table that are in force, each with its base_load_id. -#}
{% macro rows_in_force(relation, where='true') -%}
    (
        select
            raw_rows.*,
            loads.base_load_id
        from {{ relation }} as raw_rows
        inner join {{ loads_in_force() }} as loads
            on raw_rows.load_id = loads.load_id
        where {{ where }}
    )
{%- endmacro %}
