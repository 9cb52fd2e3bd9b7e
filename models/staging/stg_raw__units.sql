with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'units')) }}

),

renamed as (

    select
        -- keys
        cast(unit_id as varchar) as unit_id,
        cast(organizer_id as varchar) as organizer_id,

        -- attributes
        cast(name as varchar) as unit_name,
        cast(short_name as varchar) as short_name,
        cast(unit_type as varchar) as unit_type,
        -- the same unit in another organiser's system (a provincial trade union in the
        -- province's cluster and in the federation's)
        cast(same_as as varchar) as same_as_unit_id,
        cast(valid_from as date) as valid_from,
        cast(valid_to as date) as valid_to,

        -- as written in the source
        cast(organizer_raw as varchar) as organizer_name_raw,

        -- provenance
        {{ staged_provenance() }}

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement('unit_id') }}

)

select * from renamed
