with

sources as (

    select * from {{ ref('sources') }}

),

final as (

    select
        cast(source_id as varchar) as source_id,
        cast(source_kind as varchar) as source_kind,
        cast(publisher as varchar) as publisher,
        cast(title as varchar) as title,
        cast(published_on as date) as published_on,
        cast(url as varchar) as url,
        cast(article_file as varchar) as article_file,
        cast(note as varchar) as note

    from sources

)

select * from final
