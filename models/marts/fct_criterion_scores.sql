{#-
    A view, not a second stored copy of the largest relation: stg_raw__scores holds every criterion
    score once per results year (deduplicated, with its provenance and build stamps); this names
    the scored unit, the scorer and the criterion and adds the source's address. Readers filter by
    cluster and year, which DuckDB pushes into the staging table's scan; the joined dimensions are
    small, and score_id (md5 of the natural key) is computed only when a query reads it. The
    stamps are the staging year's: the year this view shows was built then.
-#}
{{ config(materialized='view') }}

with

scores as (

    select * from {{ ref('stg_raw__scores') }}

),

criteria as (

    select
        criterion_id,
        organizer_id,
        cluster_id,
        results_year,
        criterion_code,
        criterion_name,
        criterion_group

    from {{ ref('dim_criterion') }}

),

units as (

    select
        unit_id,
        unit_name

    from {{ ref('dim_unit') }}

),

sources as (

    select
        source_id,
        url

    from {{ ref('int_sources_registered') }}

),

final as (

    select
        {{ surrogate_key([
            'scores.organizer_id', 'scores.cluster_id', 'scores.results_year', 'scores.unit_id',
            'scores.criterion', 'scores.scorer_id'
        ]) }} as score_id,
        scores.organizer_id,
        scores.cluster_id,
        scores.results_year,
        scores.unit_id,
        scored_units.unit_name,
        criteria.criterion_id,
        scores.criterion as criterion_code,
        criteria.criterion_name,
        coalesce(scores.criterion_group, criteria.criterion_group) as criterion_group,
        scores.scorer_id as scorer_unit_id,
        scorer_units.unit_name as scorer_name,
        case
            when scores.scorer_id is null then 'agreed'
            when scores.scorer_id = scores.unit_id then 'self'
            else 'peer'
        end as scorer_kind,
        scores.points,
        scores.max_points,
        scores.bonus,
        scores.points / nullif(scores.max_points, 0) as share_of_max,
        scores.is_synthetic,
        scores.source_kind,
        scores.source_ref,
        sources.url as source_url,
        scores.source_file,
        scores.source_sheet,
        scores.source_row,
        scores.load_id,
        scores.unit_name_raw,
        scores.scorer_name_raw,
        scores.note,
        scores.year_max_load_id,
        scores.year_inputs_hash,
        scores.built_at

    from scores
    left join criteria
        on
            scores.organizer_id = criteria.organizer_id
            and scores.cluster_id = criteria.cluster_id
            and scores.results_year = criteria.results_year
            and scores.criterion = criteria.criterion_code
    left join units as scored_units
        on scores.unit_id = scored_units.unit_id
    left join units as scorer_units
        on scores.scorer_id = scorer_units.unit_id
    left join sources
        on scores.source_ref = sources.source_id

)

select
    cast(score_id as varchar) as score_id,
    cast(organizer_id as varchar) as organizer_id,
    cast(cluster_id as varchar) as cluster_id,
    cast(results_year as integer) as results_year,
    cast(unit_id as varchar) as unit_id,
    cast(unit_name as varchar) as unit_name,
    cast(criterion_id as varchar) as criterion_id,
    cast(criterion_code as varchar) as criterion_code,
    cast(criterion_name as varchar) as criterion_name,
    cast(criterion_group as varchar) as criterion_group,
    cast(scorer_unit_id as varchar) as scorer_unit_id,
    cast(scorer_name as varchar) as scorer_name,
    cast(scorer_kind as varchar) as scorer_kind,
    cast(points as double) as points,
    cast(max_points as double) as max_points,
    cast(bonus as double) as bonus,
    cast(share_of_max as double) as share_of_max,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_sheet as varchar) as source_sheet,
    cast(source_row as integer) as source_row,
    cast(load_id as integer) as load_id,
    cast(unit_name_raw as varchar) as unit_name_raw,
    cast(scorer_name_raw as varchar) as scorer_name_raw,
    cast(note as varchar) as note,
    cast(year_max_load_id as integer) as year_max_load_id,
    cast(year_inputs_hash as ubigint) as year_inputs_hash,
    cast(built_at as timestamp) as built_at
from final
