with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'events')) }}

),

renamed as (

    select
        -- keys
        {{ surrogate_key(
            ['organizer_id', 'cluster_id', 'results_year', 'event_type', 'event_date_period']
        ) }} as event_id,
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,
        cast(results_year as integer) as results_year,
        cast(event_type as varchar) as event_type,
        -- the known part of the day held: "2023-03-14", "2023-03" or "2023"; null when undated
        cast(event_date_period as varchar) as event_period,

        -- attributes
        cast(event_date as date) as event_date,  -- only when the day is known
        cast(
            case length(event_date_period) when 10 then 'day' when 7 then 'month' when 4 then 'year' end
            as varchar
        ) as event_date_precision,
        cast(document_no as varchar) as document_no,
        cast(end_date as date) as end_date,
        cast(part_of_day as varchar) as part_of_day,
        cast(host_id as varchar) as host_unit_id,

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,
        cast(cluster_raw as varchar) as cluster_name_raw,
        cast(host_raw as varchar) as host_name_raw,
        cast(event_date_raw as varchar) as event_date_raw,
        cast(results_year_raw as varchar) as results_year_raw,

        -- provenance
        {{ staged_provenance() }}

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement('organizer_id, cluster_id, results_year, event_type, event_date_period') }}

)

select * from renamed
