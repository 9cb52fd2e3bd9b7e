with

sources as (

    select * from {{ ref('int_sources_registered') }}

),

memberships as (

    select * from {{ ref('fct_memberships') }}

),

-- the stored scores, not the fct_criterion_scores view: the same rows and source_ref without
-- its joins
criterion_scores as (

    select * from {{ ref('stg_raw__scores') }}

),

unit_year_scores as (

    select * from {{ ref('fct_unit_year_scores') }}

),

awards as (

    select * from {{ ref('fct_awards') }}

),

events as (

    select * from {{ ref('fct_events') }}

),

-- one row per fact table x cited reference: the facts whose own record cites the source
citations as (

    select
        'memberships' as fact_table,
        source_ref,
        count(*) as n_facts
    from memberships
    group by source_ref

    union all

    select
        'criterion_scores' as fact_table,
        source_ref,
        count(*) as n_facts
    from criterion_scores
    group by source_ref

    union all

    -- a declared rank is its rankings record's fact, whatever the row's other records cite
    select
        'rankings' as fact_table,
        rank_source_ref as source_ref,
        count(*) as n_facts
    from unit_year_scores
    where declared_rank is not null
    group by rank_source_ref

    union all

    select
        'awards' as fact_table,
        source_ref,
        count(*) as n_facts
    from awards
    group by source_ref

    union all

    select
        'events' as fact_table,
        source_ref,
        count(*) as n_facts
    from events
    group by source_ref

),

fact_counts as (

    select
        source_ref,
        sum(n_facts) filter (where fact_table = 'memberships') as n_memberships,
        sum(n_facts) filter (where fact_table = 'criterion_scores') as n_criterion_scores,
        sum(n_facts) filter (where fact_table = 'rankings') as n_rankings,
        sum(n_facts) filter (where fact_table = 'awards') as n_awards,
        sum(n_facts) filter (where fact_table = 'events') as n_events,
        sum(n_facts) as n_facts

    from citations
    where source_ref is not null
    group by source_ref

),

final as (

    select
        sources.source_id,
        sources.source_kind,
        sources.publisher,
        sources.title,
        sources.published_on,
        sources.url,
        sources.article_file,
        sources.note,
        sources.document_no,
        sources.reference_source,
        coalesce(fact_counts.n_memberships, 0) as n_memberships,
        coalesce(fact_counts.n_criterion_scores, 0) as n_criterion_scores,
        coalesce(fact_counts.n_rankings, 0) as n_rankings,
        coalesce(fact_counts.n_awards, 0) as n_awards,
        coalesce(fact_counts.n_events, 0) as n_events,
        coalesce(fact_counts.n_facts, 0) as n_facts

    from sources
    left join fact_counts
        on sources.source_id = fact_counts.source_ref

)

select
    cast(source_id as varchar) as source_id,
    cast(source_kind as varchar) as source_kind,
    cast(publisher as varchar) as publisher,
    cast(title as varchar) as title,
    cast(published_on as date) as published_on,
    cast(url as varchar) as url,
    cast(article_file as varchar) as article_file,
    cast(note as varchar) as note,
    cast(document_no as varchar) as document_no,
    cast(reference_source as varchar) as reference_source,
    cast(n_memberships as bigint) as n_memberships,
    cast(n_criterion_scores as bigint) as n_criterion_scores,
    cast(n_rankings as bigint) as n_rankings,
    cast(n_awards as bigint) as n_awards,
    cast(n_events as bigint) as n_events,
    cast(n_facts as bigint) as n_facts
from final
