with

seed_clusters as (

    select * from {{ ref('clusters') }}

),

cluster_references as (

    select * from {{ ref('int_cluster_references_unioned') }}

),

sources as (

    select * from {{ ref('int_sources_registered') }}

),

-- the cluster's cycle: as a clusters record declares it, else a school year when a record wrote
-- the cluster's results year as one ("năm học 2021-2022"), else the calendar year
declared_cycles as (

    select
        cluster_id,
        arg_max(cluster_cycle, (load_id, source_row)) as cluster_cycle

    from {{ ref('stg_raw__clusters') }}
    where cluster_cycle is not null
    group by cluster_id

),

school_year_writings as (

    select distinct cluster_id
    from (
        select
            cluster_id,
            results_year_raw
        from {{ ref('stg_raw__memberships') }}
        union all
        select
            cluster_id,
            results_year_raw
        from {{ ref('stg_raw__events') }}
        union all
        select
            cluster_id,
            results_year_raw
        from {{ ref('stg_raw__leadership') }}
    ) as written
    where regexp_matches(results_year_raw, '[0-9]{4}\s*[-/–—]\s*[0-9]{2,4}')

),

-- every attestation of a cluster: the reference seed first, then raw clusters rows, then any
-- other raw record naming the cluster; priority decides which attribute wins
attestations as (

    select
        cluster_id,
        organizer_id,
        0 as priority,
        false as is_synthetic,
        kind as cluster_kind,
        cluster_number,
        name_vi as cluster_name,
        cast(null as varchar) as cluster_name_raw,
        valid_from_year as first_year,
        valid_to_year as last_year,
        valid_to_year is null as is_open_ended,
        cast(null as varchar) as source_ref,
        source_url,
        source_note

    from seed_clusters

    union all

    select
        cluster_id,
        organizer_id,
        case when record_type = 'clusters' then 1 else 2 end as priority,
        is_synthetic,
        cluster_kind,
        cluster_number,
        cluster_name,
        cluster_name_raw,
        first_year,
        last_year,
        is_open_ended,
        source_ref,
        cast(null as varchar) as source_url,
        note as source_note

    from cluster_references

),

merged as (

    select
        cluster_id,
        first(organizer_id order by priority, is_synthetic) filter (where organizer_id is not null) as organizer_id,
        first(cluster_kind order by priority, is_synthetic) filter (where cluster_kind is not null) as cluster_kind,
        first(cluster_number order by priority, is_synthetic) filter (
            where cluster_number is not null
        ) as cluster_number,
        first(cluster_name order by priority, is_synthetic) filter (where cluster_name is not null) as cluster_name,
        first(cluster_name_raw order by is_synthetic, priority) filter (
            where cluster_name_raw is not null
        ) as cluster_name_raw,
        min(first_year) as first_year,
        case when bool_or(is_open_ended) then null else max(last_year) end as last_year,
        bool_and(is_synthetic) as is_synthetic,
        first(source_ref order by is_synthetic, priority, first_year, source_ref) filter (
            where source_ref is not null
        ) as source_ref,
        first(source_url order by priority) filter (where source_url is not null) as source_url,
        first(source_note order by priority, is_synthetic) filter (where source_note is not null) as source_note

    from attestations
    group by cluster_id

),

-- a cluster known only from its id: kind and number come from the id itself
derived as (

    select
        cluster_id,
        organizer_id,
        coalesce(cluster_kind, nullif(regexp_extract(cluster_id, ':(cum|khoi)-', 1), '')) as cluster_kind,
        coalesce(
            cluster_number,
            try_cast(nullif(regexp_extract(cluster_id, ':(?:cum|khoi)-0*([0-9]+)$', 1), '') as integer)
        ) as cluster_number,
        cluster_name,
        cluster_name_raw,
        first_year,
        last_year,
        is_synthetic,
        source_ref,
        source_url,
        source_note

    from merged

),

final as (

    select
        derived.cluster_id,
        derived.organizer_id,
        derived.cluster_kind,
        derived.cluster_number,
        coalesce(
            derived.cluster_name,
            case
                when derived.cluster_number is not null and derived.cluster_kind = 'cum'
                    then 'Cụm thi đua số ' || derived.cluster_number
                when derived.cluster_number is not null and derived.cluster_kind = 'khoi'
                    then 'Khối thi đua số ' || derived.cluster_number
            end,
            derived.cluster_name_raw,
            derived.cluster_id
        ) as cluster_name,
        derived.first_year,
        derived.last_year,
        derived.is_synthetic,
        derived.source_ref,
        coalesce(derived.source_url, sources.url) as source_url,
        coalesce(derived.source_note, 'derived from the cluster id in raw records') as source_note,
        coalesce(
            declared_cycles.cluster_cycle,
            case when school_year_writings.cluster_id is not null then 'school_year' end,
            'calendar'
        ) as cluster_cycle

    from derived
    left join sources
        on derived.source_ref = sources.source_id
    left join declared_cycles
        on derived.cluster_id = declared_cycles.cluster_id
    left join school_year_writings
        on derived.cluster_id = school_year_writings.cluster_id

)

select
    cast(cluster_id as varchar) as cluster_id,
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_kind as varchar) as cluster_kind,
    cast(cluster_number as integer) as cluster_number,
    cast(cluster_name as varchar) as cluster_name,
    cast(first_year as integer) as first_year,
    cast(last_year as integer) as last_year,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_note as varchar) as source_note,
    cast(cluster_cycle as varchar) as cluster_cycle
from final
