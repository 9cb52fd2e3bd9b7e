with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'rankings')) }}

),

renamed as (

    select
        -- keys
        {{ surrogate_key(['organizer_id', 'cluster_id', 'results_year', 'unit_id']) }} as ranking_id,
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,
        cast(results_year as integer) as results_year,
        cast(unit_id as varchar) as unit_id,

        -- attributes
        cast(rank as integer) as declared_rank,
        cast(method as varchar) as rank_method,
        cast(classification as varchar) as classification,

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,
        cast(cluster_raw as varchar) as cluster_name_raw,
        cast(unit_raw as varchar) as unit_name_raw,

        -- provenance
        {{ staged_provenance() }}

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement('organizer_id, cluster_id, results_year, unit_id') }}

)

select * from renamed
