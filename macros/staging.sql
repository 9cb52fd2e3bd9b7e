{#-
    What every staging model of a raw record table repeats: the provenance columns a landed row
    carries, and the rule that the latest restatement of a natural key wins (the latest load in
    force; a retry's rows count as rows of the load they came from, base_load_id; then the last
    row of the file).
-#}

{% macro staged_provenance() -%}
    cast(load_id as integer) as load_id,
    cast(source_file as varchar) as source_file,
    cast(source_sheet as varchar) as source_sheet,
    cast(source_row as integer) as source_row,
    coalesce(is_synthetic, source_kind = 'synthetic', false) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(note as varchar) as note
{%- endmacro %}


{% macro latest_restatement(natural_key) -%}
    qualify row_number() over (
        partition by {{ natural_key }}
        order by base_load_id desc, load_id desc nulls last, source_row desc nulls last
    ) = 1
{%- endmacro %}
