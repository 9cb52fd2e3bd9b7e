{#-
    Generic test: fails for every non-null value outside [min_value, max_value], bounds inclusive
    unless inclusive=false. Either bound may be left out. Nulls are not_null's job.
-#}
{% macro test_accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
{%- set below = "<" if inclusive else "<=" -%}
{%- set above = ">" if inclusive else ">=" -%}
{%- set too_low = (column_name ~ " " ~ below ~ " " ~ min_value) if min_value is not none else "false" -%}
{%- set too_high = (column_name ~ " " ~ above ~ " " ~ max_value) if max_value is not none else "false" -%}

select *
from {{ model }}
where
    {{ column_name }} is not null
    and ({{ too_low }} or {{ too_high }})

{% endmacro %}
