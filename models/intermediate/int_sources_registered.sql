{#-
    Every source a fact can cite, one row per source id: the sources seed (the five news
    articles), then source reference records loaded as raw files (the seed wins for an id it
    knows), then every other reference a raw record writes in source_ref - a URL or a document
    number registers itself, so a fact may cite one before anyone catalogues it.

    A reference written like a catalogue id (`article:002`: letters, a colon, digits) is not
    registered: it names a catalogued source, and one missing from the catalogue is a typo the
    relationships tests on source_ref must report, not a new source.
-#}
with

seed_sources as (

    select * from {{ ref('sources') }}

),

loaded_sources as (

    select * from {{ ref('stg_raw__sources') }}

),

clusters as (

    select * from {{ ref('stg_raw__clusters') }}

),

memberships as (

    select * from {{ ref('stg_raw__memberships') }}

),

scores as (

    select * from {{ ref('stg_raw__scores') }}

),

rankings as (

    select * from {{ ref('stg_raw__rankings') }}

),

awards as (

    select * from {{ ref('stg_raw__awards') }}

),

events as (

    select * from {{ ref('stg_raw__events') }}

),

organizers as (

    select * from {{ ref('stg_raw__organizers') }}

),

units as (

    select * from {{ ref('stg_raw__units') }}

),

-- one row per record type x reference x kind, aggregated before the union (scores are millions)
citations as (

    select
        source_ref,
        source_kind,
        count(*) as n_records
    from clusters
    group by source_ref, source_kind

    union all

    select
        source_ref,
        source_kind,
        count(*) as n_records
    from memberships
    group by source_ref, source_kind

    union all

    select
        source_ref,
        source_kind,
        count(*) as n_records
    from scores
    group by source_ref, source_kind

    union all

    select
        source_ref,
        source_kind,
        count(*) as n_records
    from rankings
    group by source_ref, source_kind

    union all

    select
        source_ref,
        source_kind,
        count(*) as n_records
    from awards
    group by source_ref, source_kind

    union all

    select
        source_ref,
        source_kind,
        count(*) as n_records
    from events
    group by source_ref, source_kind

    union all

    select
        source_ref,
        source_kind,
        count(*) as n_records
    from organizers
    group by source_ref, source_kind

    union all

    select
        source_ref,
        source_kind,
        count(*) as n_records
    from units
    group by source_ref, source_kind

),

cited as (

    select
        source_ref as source_id,
        -- records citing one reference may disagree on its kind: a real kind before synthetic
        arg_min(
            source_kind,
            case source_kind
                when 'article' then 1
                when 'official' then 2
                when 'other' then 3
                else 4
            end
        ) as source_kind,
        regexp_matches(source_ref, '^(https?://|www\.)', 'i') as is_url,
        sum(n_records) as n_citing_records

    from citations
    where
        source_ref is not null
        and not regexp_full_match(source_ref, '[a-z]+:[0-9]+')
    group by source_ref

),

registered as (

    select
        source_id,
        source_kind,
        title,
        publisher,
        published_on,
        url,
        cast(null as varchar) as document_no,
        article_file,
        note,
        'seed' as reference_source

    from seed_sources

    union all

    select
        loaded_sources.source_id,
        loaded_sources.source_kind,
        loaded_sources.title,
        loaded_sources.publisher,
        loaded_sources.published_on,
        loaded_sources.url,
        loaded_sources.document_no,
        cast(null as varchar) as article_file,
        coalesce(
            loaded_sources.note, 'source reference record ' || loaded_sources.source_file
        ) as note,
        'loaded' as reference_source

    from loaded_sources
    left join seed_sources
        on loaded_sources.source_id = seed_sources.source_id
    where seed_sources.source_id is null

    union all

    select
        cited.source_id,
        cited.source_kind,
        cast(null as varchar) as title,
        cast(null as varchar) as publisher,
        cast(null as date) as published_on,
        case when cited.is_url then cited.source_id end as url,
        -- the generator's own reference names no document
        case
            when not cited.is_url and cited.source_kind <> 'synthetic' then cited.source_id
        end as document_no,
        cast(null as varchar) as article_file,
        'cited by ' || cited.n_citing_records || ' record(s); not in the sources seed nor in a '
        || 'loaded sources file' as note,
        'mentioned' as reference_source

    from cited
    left join seed_sources
        on cited.source_id = seed_sources.source_id
    left join loaded_sources
        on cited.source_id = loaded_sources.source_id
    where seed_sources.source_id is null and loaded_sources.source_id is null

)

select
    cast(source_id as varchar) as source_id,
    cast(source_kind as varchar) as source_kind,
    cast(title as varchar) as title,
    cast(publisher as varchar) as publisher,
    cast(published_on as date) as published_on,
    cast(url as varchar) as url,
    cast(document_no as varchar) as document_no,
    cast(article_file as varchar) as article_file,
    cast(note as varchar) as note,
    cast(reference_source as varchar) as reference_source
from registered
