{#-
    Generic test: dbt's relationships test over a key of several columns. Fails for every
    combination of `columns` that no row of `to` holds in `to_columns` (the same order); a
    combination with an empty column is not checked (as relationships skips an empty key).
-#}
{% macro test_keys_exist_in(model, to, columns, to_columns) -%}
    {%- set joined = [] -%}
    {%- for column in columns -%}
        {%- do joined.append('child.' ~ column ~ ' = parent.' ~ to_columns[loop.index0]) -%}
    {%- endfor -%}

    select distinct child.{{ columns | join(', child.') }}
    from (select * from {{ model }}) as child  -- the model may come filtered, already aliased
    anti join {{ to }} as parent
        on {{ joined | join(' and ') }}
    where child.{{ columns | join(' is not null and child.') }} is not null

{%- endmacro %}
