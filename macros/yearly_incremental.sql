{#-
    Yearly incremental facts: rebuild only the results years whose inputs changed.

    Every yearly model is `incremental` with `delete+insert` on `results_year` and carries, per
    results year, a fingerprint of everything the year was built from (`year_inputs_hash`), the
    latest raw load folded into it (`year_max_load_id`) and when it was written (`built_at`). A
    build compares the current fingerprint of every year with the one stored in the model and
    rebuilds exactly the years that differ. What a model was built from is read from the dbt
    graph, never listed by hand, so a new `ref` or `source` in a model counts at once:

      - the raw tables it reads (the walk upstream from the model, through every model that is
        not a dimension): each one's rows of the year in force (row count, latest load_id and a
        hash of the loads that wrote them, from stg_raw__year_fingerprints), so a new load, a
        restatement or a withdrawal changes it; a reference table (units, clusters,
        sources...) has one fingerprint for every year, so a restated unit rebuilds every year;
      - the dimensions it reads (the dim_* models where the walk stops): each one's rows over
        every column but those its YAML marks `meta: {summarises_years: true}` (a cluster's first
        and last attested year), which every new year moves. A dimension's column derived from the
        records of all years (a unit known only from the records takes its last written name)
        thus rebuilds every year when it changes; a model built by results year is walked
        through, not fingerprinted whole;
      - the code: the checksum of the model and of every model and seed upstream of it (a changed
        seed is a changed file), and the var peer_score_combination. A changed model rebuilds all
        years (on_schema_change = append_new_columns adds a new column first; contracts forbid
        removing one).

    The rule this rests on: a model between a yearly model and its raw tables is either built per
    results year or a row-by-row view; whatever sums up several years is read through a dimension.
    Not covered: a changed macro (run `thidua build --full-refresh`).
    The years to rebuild are rendered as literals (`results_year in (2026)`), so DuckDB pushes the
    filter through the staging views into the raw scans.
-#}

{#- Per results year: year_max_load_id and year_inputs_hash of what the calling model reads,
    found in the dbt graph (yearly_inputs, yearly_dimensions). -#}
{% macro year_fingerprints() -%}
    {%- set inputs = yearly_inputs() -%}
    {#- no inputs found: dbt is parsing, or running a unit test on fixtures -#}
    {%- set input_filter = "input_name in ('" ~ (inputs | join("', '")) ~ "')" if inputs else 'true' -%}
    {%- set global_parts = [
        "'" ~ upstream_checksum() ~ "'",
        "'" ~ var('peer_score_combination', 'mean') ~ "'"
    ] -%}
    {%- for dimension in yearly_dimensions() -%}
        {%- do global_parts.append(dim_fingerprint(dimension.relation, dimension.columns)) -%}
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
            where {{ input_filter }}
            group by results_year
        ) as per_year
        cross join (
            select hash({{ global_parts | join(', ') }}) as fingerprint
        ) as global_fingerprint
    )
{%- endmacro %}


{#- An order-free hash of a relation's rows (or of the given columns only), as a scalar subquery. -#}
{% macro dim_fingerprint(relation, columns=none) -%}
    {%- set hashed = 'hash(' ~ (columns | join(', ')) ~ ')' if columns else 'hash(dim_rows)' -%}
    {{- return('(select bit_xor(' ~ hashed ~ ') from ' ~ relation ~ ' as dim_rows)') -}}
{%- endmacro %}


{#- The raw tables the change detector watches (stg_raw__year_fingerprints' sources) that the
    calling model reads, found by walking the graph upstream from it. The walk does not enter the
    detector itself (every yearly model reads it) and stops at dimensions, whose own inputs count
    through their fingerprint (yearly_dimensions). Empty while dbt parses. -#}
{% macro yearly_inputs() -%}
    {%- set walk = _yearly_walk() -%}
    {%- set names = [] -%}
    {%- for unique_id in walk.sources if unique_id in walk.watched -%}
        {%- do names.append(graph.sources[unique_id].name) -%}
    {%- endfor -%}
    {{- return(names | sort) -}}
{%- endmacro %}


{#- The dimensions the calling model reads (the dim_* models met on the walk upstream that are not
    yearly themselves), each with the columns its fingerprint covers: all of them but those its
    YAML marks `meta: {summarises_years: true}` (first or last year attested...), which every new
    year moves and which no yearly fact may read. -#}
{% macro yearly_dimensions() -%}
    {%- set dimensions = [] -%}
    {%- for unique_id in _yearly_walk().dimensions -%}
        {%- set node = graph.nodes[unique_id] -%}
        {%- set columns = [] -%}
        {%- for name, column in node.columns.items() -%}
            {%- if not (column.meta or {}).get('summarises_years', false) -%}
                {%- do columns.append(adapter.quote(name)) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do dimensions.append({'relation': node.relation_name, 'columns': columns}) -%}
    {%- endfor -%}
    {{- return(dimensions) -}}
{%- endmacro %}


{#- Walk the graph upstream from the calling model: the sources reached, the dimensions where the
    walk stopped, and the sources the change detector watches. -#}
{% macro _yearly_walk() -%}
    {%- set found = {'sources': [], 'dimensions': [], 'watched': []} -%}
    {%- if not execute or model is not mapping or model.unique_id not in graph.nodes -%}
        {{- return(found) -}}
    {%- endif -%}
    {%- set detector = 'model.' ~ project_name ~ '.stg_raw__year_fingerprints' -%}
    {%- for parent in graph.nodes[detector].depends_on.nodes if parent.startswith('source.') -%}
        {%- do found.watched.append(parent) -%}
    {%- endfor -%}
    {%- set seen = [model.unique_id, detector] -%}
    {%- set pending = [model.unique_id] -%}
    {#- breadth first, with a list as the queue: Jinja has no while loop, so it loops over the
        queue as it grows -#}
    {%- for unique_id in pending -%}
        {%- for parent in graph.nodes[unique_id].depends_on.nodes if parent not in seen -%}
            {%- do seen.append(parent) -%}
            {%- if parent.startswith('source.') -%}
                {%- do found.sources.append(parent) -%}
            {%- elif parent in graph.nodes and _is_dimension(graph.nodes[parent]) -%}
                {%- do found.dimensions.append(parent) -%}
            {%- elif parent in graph.nodes -%}
                {%- do pending.append(parent) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{- return(found) -}}
{%- endmacro %}


{#- A dimension: a dim_* model that is not rebuilt by results year. -#}
{% macro _is_dimension(node) -%}
    {{- return(
        node.resource_type == 'model'
        and node.name.startswith('dim_')
        and node.config.get('unique_key') != 'results_year'
    ) -}}
{%- endmacro %}


{#- The years an incremental run must (re)build, as a list of integers; none = every year (a full
    build). Years whose stored fingerprint differs from the current one, or that are new. -#}
{% macro years_to_build() -%}
    {%- if not is_incremental() -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- if not execute -%}
        {{- return([]) -}}
    {%- endif -%}
    {%- set query -%}
        with

        current_years as (
            select * from {{ year_fingerprints() }}
        ),

        built_years as (
            select distinct
                results_year,
                year_inputs_hash
            from {{ this }}
        )

        -- a year whose fingerprint changed, a new year, and a year the model holds that has no
        -- rows in force any more (every load of it withdrawn): rebuilt, i.e. deleted
        select distinct coalesce(current_years.results_year, built_years.results_year) as results_year
        from current_years
        full join built_years
            on
                current_years.results_year = built_years.results_year
                and current_years.year_inputs_hash = built_years.year_inputs_hash
        where current_years.results_year is null or built_years.results_year is null
        order by results_year
    {%- endset -%}
    {%- set years = [] -%}
    {%- for value in run_query(query).columns[0].values() -%}
        {%- do years.append(value | int) -%}
    {%- endfor -%}
    {{- log(this.identifier ~ ": results years to build " ~ years, info=false) -}}
    {{- return(years) -}}
{%- endmacro %}


{#- A yearly model's pre-hook: delete the results years this build rebuilds before it inserts
    them. delete+insert deletes only the years the new rows hold, so a year that now yields no row
    (its loads withdrawn) would otherwise keep its old rows. Run before the model's own statement,
    so years_to_build() still sees the stored fingerprints. -#}
{% macro delete_years_to_build() -%}
    {%- if is_incremental() and execute -%}
        {%- set years = years_to_build() -%}
        {%- if years -%}
            delete from {{ this }} where results_year in ({{ years | join(', ') }})
        {%- endif -%}
    {%- endif -%}
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
{% macro year_stamps(years=none) -%}
    (
        select
            fingerprints.results_year,
            fingerprints.year_max_load_id,
            fingerprints.year_inputs_hash,
            cast(now() as timestamp) as built_at
        from {{ year_fingerprints() }} as fingerprints
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
