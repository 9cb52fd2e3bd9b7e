{#-
    Provenance of a value group: the helpers every mart uses to say where a value came from.

    A value is generated ("synthetic") as soon as any record behind it is: a total of real and
    generated criterion scores is not a real total. `<group>_source_kind` then reads 'mixed' when
    real and generated records meet, so a label never claims more than its records state.
-#}

{#- The source kind of a value built from records whose flags are given:
    every record generated -> 'synthetic'; some -> 'mixed'; none -> the real record's kind. #}
{% macro value_source_kind(all_synthetic, any_synthetic, real_kind) -%}
    case
        when {{ all_synthetic }} then 'synthetic'
        when {{ any_synthetic }} then 'mixed'
        else {{ real_kind }}
    end
{%- endmacro %}

{#- Aggregate form, for a value summarised over many records (counts, means, top units):
    the flag (any record generated), the kind, and the references of the real records behind it
    (the generated ones' when there is no real one), as columns named after the group. #}
{% macro summarise_provenance(group, is_synthetic='is_synthetic', source_kind='source_kind',
                              source_ref='source_ref', condition='true') -%}
    bool_or({{ is_synthetic }}) filter (where {{ condition }}) as is_{{ group }}_synthetic,
    case
        when count(*) filter (where {{ condition }}) = 0 then null
        when bool_and({{ is_synthetic }}) filter (where {{ condition }}) then 'synthetic'
        when bool_or({{ is_synthetic }}) filter (where {{ condition }}) then 'mixed'
        when count(distinct {{ source_kind }}) filter (where {{ condition }}) > 1 then 'mixed'
        else any_value({{ source_kind }}) filter (where {{ condition }})
    end as {{ group }}_source_kind,
    coalesce(
        array_to_string(
            list_sort(list(distinct {{ source_ref }}) filter (
                where {{ condition }} and not {{ is_synthetic }}
            )),
            '; '
        ),
        array_to_string(
            list_sort(list(distinct {{ source_ref }}) filter (where {{ condition }})), '; '
        )
    ) as {{ group }}_source_ref
{%- endmacro %}


{#- Which record of a group speaks for it, as one integer to take arg_max/max of: with `real_first`
    a real record before a generated one, then the latest load, then the latest row of that load.
    The order of the struct (not is_synthetic, load_id, source_row), where DuckDB ranks a missing
    field above any value, but about twice as fast to aggregate over the tens of millions of
    criterion scores at the national tier (one bigint compare instead of a struct's). Exact while
    load_id and source_row stay below 2^31 - 1 (both are integer columns); staging never leaves
    is_synthetic or load_id empty (a missing flag would count as real). -#}
{% macro recency_key(real_first=false) -%}
    {%- set real = 'coalesce(not is_synthetic, true)::bigint * 4611686018427387904 + ' -%}
    ({{ real if real_first }}coalesce(load_id, 2147483647)::bigint * 2147483648
    + coalesce(source_row, 2147483647))
{%- endmacro %}
