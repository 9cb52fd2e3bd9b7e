{#-
    Every place a cluster is attested in raw records, aggregated before anything is joined:
    one row per organiser x cluster x record type x real/synthetic, with the years it covers.
    Scores come pre-aggregated per results year (int_score_mentions_aggregated).
    Raw `clusters` rows carry their own name, kind, number and validity; other record types only
    the cluster id and the string it was parsed from.
-#}
with

clusters as (

    select * from {{ ref('stg_raw__clusters') }}

),

memberships as (

    select * from {{ ref('stg_raw__memberships') }}

),

score_mentions as (

    select * from {{ ref('int_score_mentions_aggregated') }}

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

leadership as (

    select * from {{ ref('stg_raw__leadership') }}

),

cluster_records as (

    select
        organizer_id,
        cluster_id,
        'clusters' as record_type,
        is_synthetic,
        cluster_kind,
        cluster_number,
        cluster_name,
        cluster_name_raw,
        valid_from_year as first_year,
        valid_to_year as last_year,
        valid_to_year is null as is_open_ended,
        source_ref,
        note

    from clusters

),

memberships_references as (

    select
        organizer_id,
        cluster_id,
        'memberships' as record_type,
        is_synthetic,
        cast(null as varchar) as cluster_kind,
        cast(null as integer) as cluster_number,
        cast(null as varchar) as cluster_name,
        arg_max(cluster_name_raw, (load_id, source_row)) as cluster_name_raw,
        min(results_year) as first_year,
        max(results_year) as last_year,
        false as is_open_ended,
        min(source_ref) as source_ref,
        cast(null as varchar) as note

    from memberships
    where cluster_id is not null
    group by organizer_id, cluster_id, is_synthetic

),

scores_references as (

    select
        organizer_id,
        cluster_id,
        'scores' as record_type,
        is_synthetic,
        cast(null as varchar) as cluster_kind,
        cast(null as integer) as cluster_number,
        cast(null as varchar) as cluster_name,
        arg_max(last_cluster_name_raw, (last_row, last_cluster_name_raw)) as cluster_name_raw,
        min(results_year) as first_year,
        max(results_year) as last_year,
        false as is_open_ended,
        min(first_source_ref) as source_ref,
        cast(null as varchar) as note

    from score_mentions
    where cluster_id is not null
    group by organizer_id, cluster_id, is_synthetic

),

rankings_references as (

    select
        organizer_id,
        cluster_id,
        'rankings' as record_type,
        is_synthetic,
        cast(null as varchar) as cluster_kind,
        cast(null as integer) as cluster_number,
        cast(null as varchar) as cluster_name,
        arg_max(cluster_name_raw, (load_id, source_row)) as cluster_name_raw,
        min(results_year) as first_year,
        max(results_year) as last_year,
        false as is_open_ended,
        min(source_ref) as source_ref,
        cast(null as varchar) as note

    from rankings
    where cluster_id is not null
    group by organizer_id, cluster_id, is_synthetic

),

awards_references as (

    select
        organizer_id,
        cluster_id,
        'awards' as record_type,
        is_synthetic,
        cast(null as varchar) as cluster_kind,
        cast(null as integer) as cluster_number,
        cast(null as varchar) as cluster_name,
        arg_max(cluster_name_raw, (load_id, source_row)) as cluster_name_raw,
        min(results_year) as first_year,
        max(results_year) as last_year,
        false as is_open_ended,
        min(source_ref) as source_ref,
        cast(null as varchar) as note

    from awards
    where cluster_id is not null
    group by organizer_id, cluster_id, is_synthetic

),

events_references as (

    select
        organizer_id,
        cluster_id,
        'events' as record_type,
        is_synthetic,
        cast(null as varchar) as cluster_kind,
        cast(null as integer) as cluster_number,
        cast(null as varchar) as cluster_name,
        arg_max(cluster_name_raw, (load_id, source_row)) as cluster_name_raw,
        min(results_year) as first_year,
        max(results_year) as last_year,
        false as is_open_ended,
        min(source_ref) as source_ref,
        cast(null as varchar) as note

    from events
    where cluster_id is not null
    group by organizer_id, cluster_id, is_synthetic

),

leadership_references as (

    select
        organizer_id,
        cluster_id,
        'leadership' as record_type,
        is_synthetic,
        cast(null as varchar) as cluster_kind,
        cast(null as integer) as cluster_number,
        cast(null as varchar) as cluster_name,
        arg_max(cluster_name_raw, (load_id, source_row)) as cluster_name_raw,
        min(results_year) as first_year,
        max(results_year) as last_year,
        false as is_open_ended,
        min(source_ref) as source_ref,
        cast(null as varchar) as note

    from leadership
    where cluster_id is not null
    group by organizer_id, cluster_id, is_synthetic

),

unioned as (

    select * from cluster_records
    union all
    select * from memberships_references
    union all
    select * from scores_references
    union all
    select * from rankings_references
    union all
    select * from awards_references
    union all
    select * from events_references
    union all
    select * from leadership_references

)

select * from unioned
