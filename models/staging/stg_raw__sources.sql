with

source as (

    -- rows of withdrawn loads left out (macros/corrections.sql)
    select * from {{ rows_in_force(source('raw', 'sources')) }}

),

renamed as (

    select
        -- keys
        cast(source_id as varchar) as source_id,

        -- attributes
        cast(source_kind as varchar) as source_kind,
        cast(title as varchar) as title,
        cast(publisher as varchar) as publisher,
        cast(published_date as date) as published_on,
        cast(url as varchar) as url,
        cast(document_no as varchar) as document_no,

        -- provenance
        cast(load_id as integer) as load_id,
        cast(source_file as varchar) as source_file,
        cast(source_sheet as varchar) as source_sheet,
        cast(source_row as integer) as source_row,
        coalesce(is_synthetic, source_kind = 'synthetic', false) as is_synthetic,
        cast(note as varchar) as note

    from source

    -- the latest restatement of each natural key wins
    {{ latest_restatement('source_id') }}

)

select * from renamed
