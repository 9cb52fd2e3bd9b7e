{#-
    The build's change detector, not a rename model: per results year, one row for each raw table
    the yearly models may read, with the number of its rows in force, the latest load_id and an
    order-free hash of those rows (every load, restatements included). A yearly model stores the
    fingerprint of the years it was built from and an incremental build rebuilds the years whose
    fingerprint changed (macros/yearly_incremental.sql); which of these rows a model's fingerprint
    takes, the graph says (the raw tables the model reads).

    - Yearly record tables: a row per results year they hold.
    - Reference record tables (organisers, units, clusters, sources, award types, aliases): no
      results year, so their one fingerprint is repeated under every year: a unit renamed or a
      source catalogued by a load rebuilds every year of the models that read it. Their
      max_load_id stays empty: year_max_load_id is the latest load of the year's own records.

    Only rows of loads in force count (macros/corrections.sql): withdrawing or restoring a load
    changes the fingerprint of its years. One scan of each raw table per build.
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
            raw_rows.results_year,
            count(*) as n_rows,
            max(raw_rows.load_id) as max_load_id,
            bit_xor(hash(raw_rows)) as content_hash

        from {{ source('raw', name) }} as raw_rows  -- noqa: AL05
        where raw_rows.load_id in (select loads.load_id from loads)
        group by raw_rows.results_year
        {% if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

reference as (

    {%- for name in reference_tables %}

        select
            '{{ name }}' as input_name,
            count(*) as n_rows,
            coalesce(bit_xor(hash(raw_rows)), 0) as content_hash  -- an empty table hashes to 0

        from {{ source('raw', name) }} as raw_rows  -- noqa: AL05
        where raw_rows.load_id in (select loads.load_id from loads)
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
