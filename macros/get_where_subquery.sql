{#-
    A test's `where:` may say `__latest_build__`: only the rows of the tested yearly incremental
    model written by its latest (re)build, i.e. the results years this build rebuilt. Row-level
    tests of the tens-of-millions-row table (stg_raw__scores) use it, so an
    incremental build tests the year it wrote instead of every year again. Sound because a build
    rewrites whole results years (see macros/yearly_incremental.sql) and every key includes the
    results year. Any other `where:` works as in dbt.
-#}
{% macro duckdb__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- set where = where | replace(
            '__latest_build__', 'built_at = (select max(built_at) from ' ~ relation ~ ')'
        ) -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ where }}) as dbt_subquery
        {%- endset -%}
        {{- return(filtered) -}}
    {%- else -%}
        {{- return(relation) -}}
    {%- endif -%}
{%- endmacro %}
