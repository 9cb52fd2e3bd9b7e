{#- Plain schema names (staging, marts, …) instead of dbt's "<target>_<custom>": power users
    write `select * from marts.fct_awards`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
