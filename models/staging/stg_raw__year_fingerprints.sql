{#-
    The build's change detector, not a rename model: per results year, one row for each raw table
    the yearly models may read, with the number of its rows in force, the latest load_id and an
    order-free hash of which loads wrote those rows and how many each (restatements included).
    The landing tables are append-only (thidua never rewrites a record row: a correction is a new
    load or a withdrawal), so that pins the rows down without hashing them: two integer columns
    read instead of every column (at the national tier × 1, 3.7-5.1 s of every build). A row
    edited by hand in the landing database is not seen: that needs `thidua build --full-refresh`.
    A yearly model stores the fingerprint of the years it was built from and an incremental build
    rebuilds the years whose fingerprint changed (macros/yearly_incremental.sql); which of these
    rows a model's fingerprint takes, the graph says (the raw tables the model reads).

    - Yearly record tables: a row per results year they hold.
    - Reference record tables (organisers, units, clusters, sources, award types, aliases): no
      results year, so their one fingerprint is repeated under every year: a unit renamed or a
      source catalogued by a load rebuilds every year of the models that read it. Their
      max_load_id stays empty: year_max_load_id is the latest load of the year's own records.

    Only rows of loads in force count (macros/corrections.sql): withdrawing or restoring a load
    changes the fingerprint of its years. One scan of two columns of each raw table per build.
-#}
{{ config(materialized='table') }}

{%- set yearly_tables = ['memberships', 'scores', 'rankings', 'awards', 'events', 'leadership'] %}
{%- set reference_tables = ['organizers', 'units', 'clusters', 'sources', 'award_types', 'unit_aliases'] %}

with

loads as (

    select loads_in_force.load_id
    from {{ loads_in_force() }} as loads_in_force

),

yearly as (

    {%- for name in yearly_tables %}

        select
            '{{ name }}' as input_name,
            per_load.results_year,
            sum(per_load.n_rows) as n_rows,
            max(per_load.load_id) as max_load_id,
            bit_xor(hash(per_load.load_id, per_load.n_rows)) as content_hash

        from (
            select
                raw_rows.results_year,
                raw_rows.load_id,
                count(*) as n_rows
            from {{ source('raw', name) }} as raw_rows
            where raw_rows.load_id in (select loads.load_id from loads)
            group by raw_rows.results_year, raw_rows.load_id
        ) as per_load
        group by per_load.results_year
        {% if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

reference as (

    {%- for name in reference_tables %}

        select
            '{{ name }}' as input_name,
            coalesce(sum(per_load.n_rows), 0) as n_rows,
            coalesce(bit_xor(hash(per_load.load_id, per_load.n_rows)), 0) as content_hash  -- empty: 0

        from (
            select
                raw_rows.load_id,
                count(*) as n_rows
            from {{ source('raw', name) }} as raw_rows
            where raw_rows.load_id in (select loads.load_id from loads)
            group by raw_rows.load_id
        ) as per_load
        {% if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

years as (

    select distinct results_year
    from yearly
    where results_year is not null

),

unioned as (

    select
        input_name,
        results_year,
        n_rows,
        max_load_id,
        content_hash
    from yearly

    union all

    select
        reference.input_name,
        years.results_year,
        reference.n_rows,
        null as max_load_id,
        reference.content_hash
    from reference
    cross join years

),

final as (

    select
        cast(input_name as varchar) as input_name,
        cast(results_year as integer) as results_year,
        cast(n_rows as bigint) as n_rows,
        cast(max_load_id as integer) as max_load_id,
        cast(content_hash as ubigint) as content_hash

    from unioned
    where results_year is not null

)

select * from final
