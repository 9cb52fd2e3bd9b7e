{#-
    A stable surrogate key: md5 of the natural-key columns, each cast to text, nulls spelled out
    (so null and the empty string differ), joined with a separator that names do not contain.
    Usage: {{ surrogate_key(['organizer_id', 'cluster_id', 'results_year']) }}
-#}
{% macro surrogate_key(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("coalesce(cast(" ~ column ~ " as varchar), '<null>')") -%}
    {%- endfor -%}
    md5(concat_ws('||', {{ parts | join(', ') }}))
{%- endmacro %}
