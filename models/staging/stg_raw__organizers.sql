with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'organizers')) }}

),

renamed as (

    select
        -- keys
        cast(organizer_id as varchar) as organizer_id,

        -- attributes
        cast(name as varchar) as organizer_name,
        cast(name_en as varchar) as organizer_name_en,
        cast(short_name as varchar) as short_name,
        cast(level as varchar) as level,  -- noqa: RF04
        cast(province as varchar) as province,
        cast(award_system as varchar) as award_system,

        -- provenance
        {{ staged_provenance() }}

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement('organizer_id') }}

)

select * from renamed
