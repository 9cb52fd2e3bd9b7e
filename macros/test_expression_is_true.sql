{#-
    Generic test: fails for every row where the SQL expression is not true (false or null).
    Scope it with the test's `where:` config when the rule applies to some rows only.
-#}
{% macro test_expression_is_true(model, expression) %}

select *
from {{ model }}
where not coalesce({{ expression }}, false)

{% endmacro %}
