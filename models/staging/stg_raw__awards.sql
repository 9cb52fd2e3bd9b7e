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
        partition by organizer_id, cluster_id, results_year, coalesce(unit_id, ''), award_type
        order by base_load_id desc, load_id desc nulls last, source_row desc nulls last
    ) = 1

)

select * from renamed
