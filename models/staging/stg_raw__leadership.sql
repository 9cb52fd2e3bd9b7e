{#-
    Leadership as elected (a `leadership` record): who leads and deputises a cluster in a results
    year, apart from the roster. The latest restatement of each unit's role in a cluster-year.
-#}
with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'leadership')) }}

),

renamed as (

    select
        -- keys
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,
        cast(results_year as integer) as results_year,
        cast(unit_id as varchar) as unit_id,

        -- attributes
        cast(role as varchar) as role,  -- noqa: RF04
        cast(role_order as integer) as role_order,
        cast(elected_on as date) as elected_on,
        cast(elected_on_period as varchar) as elected_on_period,

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,
        cast(cluster_raw as varchar) as cluster_name_raw,
        cast(unit_raw as varchar) as unit_name_raw,
        cast(results_year_raw as varchar) as results_year_raw,

        -- provenance
        cast(load_id as integer) as load_id,
        cast(source_file as varchar) as source_file,
        cast(source_sheet as varchar) as source_sheet,
        cast(source_row as integer) as source_row,
        coalesce(is_synthetic, source_kind = 'synthetic', false) as is_synthetic,
        cast(source_kind as varchar) as source_kind,
        cast(source_ref as varchar) as source_ref,
        cast(note as varchar) as note

    from source

    -- the latest restatement of each natural key wins
    qualify row_number() over (
        partition by organizer_id, cluster_id, results_year, unit_id
        order by base_load_id desc, load_id desc nulls last, source_row desc nulls last
    ) = 1

)

select * from renamed
