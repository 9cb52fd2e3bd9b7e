{#-
    Yearly incremental facts: rebuild only the results years whose inputs changed.

    Every yearly fact is `incremental` with `delete+insert` on `results_year` and carries, per
    results year, a fingerprint of everything the year was built from (`year_inputs_hash`), the
    latest raw load folded into it (`year_max_load_id`) and when it was written (`built_at`). A
    build compares the current fingerprint of every year with the one stored in the fact and
    rebuilds exactly the years that differ:

      - the raw rows of that year in each raw record table the fact reads (row count, latest
        load_id and a hash of the rows, from stg_raw__year_fingerprints): a new load, a
        restatement, even a row edited in place changes it;
      - the rows of the dimensions the fact joins (dim_unit, dim_cluster, ...), whole or only the
        columns it reads (`dim_fingerprint(ref('dim_cluster'), [...])`): a unit renamed in the
        seeds or a cluster renamed by a raw clusters record rebuilds every year, a cluster's last
        attested year does not;
      - the code: the checksum of the model and of every model and seed upstream of it, and the
        var peer_score_combination. A changed model rebuilds all years (on_schema_change =
        append_new_columns adds a new column first; contracts forbid removing one).

    Not covered: a changed macro (run `thidua build --full-refresh`).
    The years to rebuild are rendered as literals (`results_year in (2026)`), so DuckDB pushes the
    filter through the staging views into the raw scans.
-#}

{#- Per results year: year_max_load_id and year_inputs_hash of the given raw inputs and dimensions
    (a dimension is a relation, hashed whole, or dim_fingerprint(relation, [columns])). -#}
{% macro year_fingerprints(inputs, dims=[]) -%}
    {%- set global_parts = [
        "'" ~ upstream_checksum() ~ "'",
        "'" ~ var('peer_score_combination', 'mean') ~ "'"
    ] -%}
    {%- for dim in dims -%}
        {%- do global_parts.append(dim if dim is string else dim_fingerprint(dim)) -%}
    {%- endfor -%}
    (
        select
            per_year.results_year,
            per_year.year_max_load_id,
            hash(per_year.input_fingerprints, global_fingerprint.fingerprint) as year_inputs_hash
        from (
            select
                results_year,
                max(max_load_id) as year_max_load_id,
                list(
                    struct_pack(input_name, n_rows, max_load_id, content_hash) order by input_name
                ) as input_fingerprints
            from {{ ref('stg_raw__year_fingerprints') }}
            where input_name in ({{ "'" ~ (inputs | join("', '")) ~ "'" }})
            group by results_year
        ) as per_year
        cross join (
            select hash({{ global_parts | join(', ') }}) as fingerprint
        ) as global_fingerprint
    )
{%- endmacro %}


{#- An order-free hash of a dimension's rows (or of the given columns only), as a scalar subquery. -#}
{% macro dim_fingerprint(relation, columns=none) -%}
    {%- set hashed = 'hash(' ~ (columns | join(', ')) ~ ')' if columns else 'hash(dim_rows)' -%}
    {{- return('(select bit_xor(' ~ hashed ~ ') from ' ~ relation ~ ' as dim_rows)') -}}
{%- endmacro %}


{#- The years an incremental run must (re)build, as a list of integers; none = every year (a full
    build). Years whose stored fingerprint differs from the current one, or that are new. -#}
{% macro years_to_build(inputs, dims=[]) -%}
    {%- if not is_incremental() -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- if not execute -%}
        {{- return([]) -}}
    {%- endif -%}
    {%- set query -%}
        with

        current_years as (
            select * from {{ year_fingerprints(inputs, dims) }}
        ),

        built_years as (
            select distinct
                results_year,
                year_inputs_hash
            from {{ this }}
        )

        select current_years.results_year
        from current_years
        left join built_years
            on
                current_years.results_year = built_years.results_year
                and current_years.year_inputs_hash = built_years.year_inputs_hash
        where built_years.results_year is null
        order by current_years.results_year
    {%- endset -%}
    {%- set years = [] -%}
    {%- for value in run_query(query).columns[0].values() -%}
        {%- do years.append(value | int) -%}
    {%- endfor -%}
    {{- log(this.identifier ~ ": results years to build " ~ years, info=false) -}}
    {{- return(years) -}}
{%- endmacro %}


{#- A WHERE fragment: every row in a full build, the given years in an incremental one. -#}
{% macro in_years(column, years) -%}
    {%- if years is none -%}
        true
    {%- elif years | length == 0 -%}
        false
    {%- else -%}
        {{ column }} in ({{ years | join(', ') }})
    {%- endif -%}
{%- endmacro %}


{#- The build stamp columns of a yearly fact, to select from year_stamps(). -#}
{% macro year_stamps(inputs, dims=[], years=none) -%}
    (
        select
            fingerprints.results_year,
            fingerprints.year_max_load_id,
            fingerprints.year_inputs_hash,
            cast(now() as timestamp) as built_at
        from {{ year_fingerprints(inputs, dims) }} as fingerprints
        where {{ in_years('fingerprints.results_year', years) }}
    )
{%- endmacro %}


{#- md5 of the checksums of the calling model and of every model and seed upstream of it. -#}
{% macro upstream_checksum() -%}
    {%- if not execute or model is not mapping or model.unique_id not in graph.nodes -%}
        {{- return('') -}}
    {%- endif -%}
    {%- set seen = [model.unique_id] -%}
    {%- do _collect_upstream(model.unique_id, seen) -%}
    {%- set checksums = [] -%}
    {%- for unique_id in seen | sort -%}
        {%- do checksums.append(unique_id ~ '=' ~ graph.nodes[unique_id].checksum.checksum) -%}
    {%- endfor -%}
    {{- return(local_md5(checksums | join(';'))) -}}
{%- endmacro %}


{% macro _collect_upstream(unique_id, seen) -%}
    {%- for parent in graph.nodes[unique_id].depends_on.nodes -%}
        {%- if parent in graph.nodes and parent not in seen -%}
            {%- do seen.append(parent) -%}
            {%- do _collect_upstream(parent, seen) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}
