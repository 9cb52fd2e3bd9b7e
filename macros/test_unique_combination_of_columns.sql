{#-
    Generic test: fails for every combination of the given columns that occurs more than once.
    Nulls count as values (two rows with the same nulls are duplicates).
-#}
{% macro test_unique_combination_of_columns(model, combination_of_columns) %}

select
    {{ combination_of_columns | join(', ') }},
    count(*) as n_rows
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1

{% endmacro %}
