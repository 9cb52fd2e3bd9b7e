{#-
    The validated value of var('peer_score_combination'): how peer scorers' totals combine into a
    unit's peer score. mean | median | trimmed_mean (drops the highest and the lowest total when
    at least 3 peers scored). Anything else stops the build at compile time.
-#}
{% macro peer_score_combination() -%}
    {%- set combination = var('peer_score_combination', 'mean') -%}
    {%- set allowed = ['mean', 'median', 'trimmed_mean'] -%}
    {%- if combination not in allowed and execute -%}
        {%- do exceptions.raise_compiler_error(
            "var('peer_score_combination') must be one of " ~ allowed | join(', ') ~ "; got '" ~ combination ~ "'"
        ) -%}
    {%- endif -%}
    {{- return(combination) -}}
{%- endmacro %}
