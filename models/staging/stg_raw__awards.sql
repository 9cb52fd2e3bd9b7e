with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'awards')) }}

),

renamed as (

    select
        -- keys: an award whose unit the source does not name keys on the empty unit
        {{ surrogate_key(['organizer_id', 'cluster_id', 'results_year', "coalesce(unit_id, '')", 'award_type']) }}
            as award_id,
        cast(organizer_id as varchar) as organizer_id,
        cast(cluster_id as varchar) as cluster_id,
        cast(results_year as integer) as results_year,
        cast(unit_id as varchar) as unit_id,
        cast(coalesce(unit_id, '') as varchar) as unit_key,
        cast(award_type as varchar) as award_type_code,

        -- attributes
        cast(issuer as varchar) as issuer,
        cast(status as varchar) as status,
        cast(decision_no as varchar) as decision_no,
        cast(decision_date as date) as decision_date,

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,
        cast(cluster_raw as varchar) as cluster_name_raw,
        cast(unit_raw as varchar) as unit_name_raw,
        -- the unit cell said "các đơn vị còn lại": int_awards_expanded lists those units
        coalesce(is_remaining_units, false) as is_remaining_units,

        -- provenance
        {{ staged_provenance() }}

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement("organizer_id, cluster_id, results_year, coalesce(unit_id, ''), award_type") }}

)

select * from renamed
