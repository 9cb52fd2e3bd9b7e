-- An article is never cited for a number or a name it does not state. Every mart value whose
-- source is one of the seed news articles must be one of the facts that article states
-- (macros/article_facts.sql, the same facts the other article tests hold): a roster line with
-- its role, a declared rank, an event, an award proposal. No seed article states a score.
-- Returns one row per value cited to an article that does not state it.

{{ config(tags=['article_facts'], severity=var('article_facts_severity', 'error')) }}

with

rosters (cluster_id, results_year, unit_id, role, source_ref) as (

    {{ article_facts_rosters() }}

),

ranking (cluster_id, results_year, unit_id, declared_rank, source_ref) as (

    {{ article_facts_ranking() }}

),

events (cluster_id, results_year, event_type, event_date, end_date, part_of_day, host_unit_id, source_ref) as (

    {{ article_facts_events() }}

),

awards (cluster_id, results_year, award_type_code, status, source_ref) as (

    {{ article_facts_awards() }}

),

articles as (

    select source_ref from rosters
    union
    select source_ref from ranking
    union
    select source_ref from events
    union
    select source_ref from awards

),

unit_years as (

    select * from {{ ref('fct_unit_year_scores') }}

),

problems as (

    select
        'fct_unit_year_scores.score' as cited_value,
        cluster_id,
        results_year,
        unit_id,
        cast(final_score as varchar) as cited,
        score_source_ref as source_ref

    from unit_years
    where score_source_ref in (select articles.source_ref from articles)

    union all

    select
        'fct_unit_year_scores.declared_rank' as cited_value,
        unit_years.cluster_id,
        unit_years.results_year,
        unit_years.unit_id,
        cast(unit_years.declared_rank as varchar) as cited,
        unit_years.rank_source_ref as source_ref

    from unit_years
    where
        unit_years.rank_source_ref in (select articles.source_ref from articles)
        and not exists (
            select 1 from ranking
            where
                ranking.cluster_id = unit_years.cluster_id
                and ranking.results_year = unit_years.results_year
                and ranking.unit_id = unit_years.unit_id
                and ranking.declared_rank = unit_years.declared_rank
                and ranking.source_ref = unit_years.rank_source_ref
        )

    union all

    select
        'fct_unit_year_scores.role' as cited_value,
        unit_years.cluster_id,
        unit_years.results_year,
        unit_years.unit_id,
        unit_years.role as cited,
        unit_years.membership_source_ref as source_ref

    from unit_years
    where
        unit_years.membership_source_ref in (select articles.source_ref from articles)
        and not exists (
            select 1 from rosters
            where
                rosters.cluster_id = unit_years.cluster_id
                and rosters.results_year = unit_years.results_year
                and rosters.unit_id = unit_years.unit_id
                and rosters.role is not distinct from unit_years.role
                and rosters.source_ref = unit_years.membership_source_ref
        )

    union all

    select
        'fct_memberships.role' as cited_value,
        memberships.cluster_id,
        memberships.results_year,
        memberships.unit_id,
        memberships.role as cited,
        memberships.source_ref

    from {{ ref('fct_memberships') }} as memberships
    where
        memberships.source_ref in (select articles.source_ref from articles)
        and not exists (
            select 1 from rosters
            where
                rosters.cluster_id = memberships.cluster_id
                and rosters.results_year = memberships.results_year
                and rosters.unit_id = memberships.unit_id
                and rosters.role is not distinct from memberships.role
                and rosters.source_ref = memberships.source_ref
        )

    union all

    select
        'fct_cluster_year.leader' as cited_value,
        cluster_years.cluster_id,
        cluster_years.results_year,
        cluster_years.leader_unit_id as unit_id,
        cluster_years.leader_name as cited,
        cluster_years.leader_source_ref as source_ref

    from {{ ref('fct_cluster_year') }} as cluster_years
    where
        cluster_years.leader_source_ref in (select articles.source_ref from articles)
        and not exists (
            select 1 from rosters
            where
                rosters.cluster_id = cluster_years.cluster_id
                and rosters.results_year = cluster_years.results_year
                and rosters.unit_id = cluster_years.leader_unit_id
                and rosters.role = 'leader'
                and rosters.source_ref = cluster_years.leader_source_ref
        )

    union all

    select
        'fct_cluster_year.top_unit' as cited_value,
        cluster_years.cluster_id,
        cluster_years.results_year,
        cluster_years.top_unit_id as unit_id,
        cluster_years.top_unit_name as cited,
        cluster_years.top_unit_source_ref as source_ref

    from {{ ref('fct_cluster_year') }} as cluster_years
    where
        cluster_years.top_unit_source_ref in (select articles.source_ref from articles)
        and not exists (
            select 1 from ranking
            where
                ranking.cluster_id = cluster_years.cluster_id
                and ranking.results_year = cluster_years.results_year
                and ranking.unit_id = cluster_years.top_unit_id
                and ranking.declared_rank = 1
                and ranking.source_ref = cluster_years.top_unit_source_ref
        )

    union all

    select
        'fct_cluster_year.score' as cited_value,
        cluster_id,
        results_year,
        null as unit_id,
        cast(mean_share_of_max as varchar) as cited,
        score_source_ref as source_ref

    from {{ ref('fct_cluster_year') }}
    where score_source_kind = 'article'

    union all

    select
        'fct_events.event' as cited_value,
        fct_events.cluster_id,
        fct_events.results_year,
        fct_events.host_unit_id as unit_id,
        fct_events.event_type || ' ' || cast(fct_events.event_date as varchar) as cited,
        fct_events.source_ref

    from {{ ref('fct_events') }} as fct_events
    where
        fct_events.source_ref in (select articles.source_ref from articles)
        and not exists (
            select 1 from events
            where
                events.cluster_id = fct_events.cluster_id
                and events.results_year = fct_events.results_year
                and events.event_type = fct_events.event_type
                and events.event_date = fct_events.event_date
                and events.source_ref = fct_events.source_ref
        )

    union all

    select
        'fct_awards.award' as cited_value,
        fct_awards.cluster_id,
        fct_awards.results_year,
        fct_awards.unit_id,
        fct_awards.award_type_code || ' ' || fct_awards.status as cited,
        fct_awards.source_ref

    from {{ ref('fct_awards') }} as fct_awards
    where
        fct_awards.source_ref in (select articles.source_ref from articles)
        and not exists (
            select 1 from awards
            where
                awards.cluster_id = fct_awards.cluster_id
                and awards.results_year = fct_awards.results_year
                and awards.award_type_code = fct_awards.award_type_code
                and awards.status = fct_awards.status
                and awards.source_ref = fct_awards.source_ref
        )

)

select * from problems
