{#-
    Criterion scores -> one row per unit x cluster x results year.
    How the peer scorers' totals combine is the project var `peer_score_combination`:
    mean | median | trimmed_mean (drops the highest and the lowest total when there are >= 3 peers).
    Yearly incremental like the scores it aggregates: a build aggregates only the results years
    whose scores changed (a view would not do: DuckDB materialises a CTE read twice, and a
    filter from outside never reaches the scores inside it). Two passes over the scores (per
    scorer, per criterion); with the mean, nothing reads the peer window and DuckDB drops it.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='results_year',
        on_schema_change='append_new_columns',
        pre_hook='{{ delete_years_to_build() }}'
    )
}}

{%- set combination = peer_score_combination() %}
{%- set years = years_to_build() %}
{%- if combination == 'trimmed_mean' %}
    {#- drop the lowest and the highest peer total when at least 3 peers scored #}
    {%- set peer_filter = 'n_peers < 3 or peer_position between 2 and n_peers - 1' %}
{%- elif combination == 'median' %}
    {#- the middle total, or the mean of the two middle totals #}
    {%- set peer_filter = 'peer_position in ((n_peers + 1) // 2, (n_peers + 2) // 2)' %}
{%- else %}
    {%- set peer_filter = 'true' %}
{%- endif %}

with

-- Not materialised: read twice (per scorer, per criterion), each read streams the stored
-- staging table's columns it needs; DuckDB would otherwise buffer every score row whole first.
scores as not materialized (

    select * from {{ ref('stg_raw__scores') }}
    where {{ in_years('results_year', years) }}

),

stamps as (

    select * from {{ year_stamps(years) }}

),

-- one row per unit-year and scorer: the scorer's total over the criteria it scored, and the
-- provenance candidates of its rows (a real row first, else the latest loaded)
scorer_totals as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        scorer_id,
        case
            when scorer_id is null then 'agreed'
            when scorer_id = unit_id then 'self'
            else 'peer'
        end as scorer_kind,
        sum(points) as points,
        sum(bonus) as bonus,
        count(*) as n_rows,
        bool_and(is_synthetic) as is_synthetic,
        bool_or(is_synthetic) as includes_synthetic,
        max(load_id) as last_load_id,
        max({{ recency_key(real_first=true) }}) as provenance_key,
        arg_max(
            struct_pack(source_kind, source_ref, source_file, source_sheet, source_row),
            {{ recency_key(real_first=true) }}
        ) as provenance

    from scores
    group by organizer_id, cluster_id, results_year, unit_id, scorer_id

),

-- peers ordered by their total so trimmed mean and median can keep the middle scorers (with the
-- mean nothing below reads the window columns, and DuckDB drops the window)
peers_ordered as (

    select
        *,
        row_number() over (
            partition by organizer_id, cluster_id, results_year, unit_id
            order by points, scorer_id
        ) as peer_position,
        count(*) over (
            partition by organizer_id, cluster_id, results_year, unit_id
        ) as n_peers

    from scorer_totals
    where scorer_kind = 'peer'

),

peer_combined as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        avg(points) as peer_score,
        -- a peer that gave no bonus gave 0; no bonus from any peer stays null
        case when count(bonus) > 0 then avg(coalesce(bonus, 0)) end as peer_bonus,
        {{ 'count(*)' if combination == 'mean' else 'max(n_peers)' }} as n_peers

    from peers_ordered
    where {{ peer_filter }}
    group by organizer_id, cluster_id, results_year, unit_id

),

by_unit as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        sum(points) filter (where scorer_kind = 'self') as self_score,
        sum(bonus) filter (where scorer_kind = 'self') as self_bonus,
        sum(points) filter (where scorer_kind = 'agreed') as agreed_score,
        sum(bonus) filter (where scorer_kind = 'agreed') as agreed_bonus,
        bool_and(is_synthetic) as is_synthetic,
        -- the score is generated when any criterion row behind it is (a real total needs every
        -- row real); is_synthetic above says every row is generated
        bool_or(includes_synthetic) as includes_synthetic,
        sum(n_rows) as n_score_rows,
        max(last_load_id) as last_load_id,
        arg_max(provenance, provenance_key) as provenance

    from scorer_totals
    group by organizer_id, cluster_id, results_year, unit_id

),

-- a criterion's maximum is counted once per unit-year, whatever the number of scorers
criteria as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        criterion,
        max(max_points) as max_points

    from scores
    group by organizer_id, cluster_id, results_year, unit_id, criterion

),

unit_max as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        sum(max_points) as max_score,
        count(*) as n_criteria

    from criteria
    group by organizer_id, cluster_id, results_year, unit_id

),

joined as (

    select
        unit_max.organizer_id,
        unit_max.cluster_id,
        unit_max.results_year,
        unit_max.unit_id,
        by_unit.self_score,
        peer_combined.peer_score,
        by_unit.agreed_score,
        case
            when by_unit.agreed_score is not null then 'agreed'
            when peer_combined.peer_score is not null then 'peer'
            when by_unit.self_score is not null then 'self'
        end as score_basis,
        coalesce(by_unit.agreed_score, peer_combined.peer_score, by_unit.self_score) as base_score,
        case
            when by_unit.agreed_score is not null then by_unit.agreed_bonus
            when peer_combined.peer_score is not null then peer_combined.peer_bonus
            else by_unit.self_bonus
        end as bonus,
        unit_max.max_score,
        unit_max.n_criteria,
        coalesce(peer_combined.n_peers, 0) as n_peers,
        by_unit.n_score_rows,
        by_unit.last_load_id,
        by_unit.is_synthetic,
        by_unit.includes_synthetic,
        by_unit.provenance.source_kind,
        by_unit.provenance.source_ref,
        by_unit.provenance.source_file,
        by_unit.provenance.source_sheet,
        by_unit.provenance.source_row,
        stamps.year_max_load_id,
        stamps.year_inputs_hash,
        stamps.built_at

    from unit_max
    inner join stamps
        on unit_max.results_year = stamps.results_year
    inner join by_unit
        on
            unit_max.organizer_id = by_unit.organizer_id
            and unit_max.cluster_id = by_unit.cluster_id
            and unit_max.results_year = by_unit.results_year
            and unit_max.unit_id = by_unit.unit_id
    left join peer_combined
        on
            unit_max.organizer_id = peer_combined.organizer_id
            and unit_max.cluster_id = peer_combined.cluster_id
            and unit_max.results_year = peer_combined.results_year
            and unit_max.unit_id = peer_combined.unit_id

),

final as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        self_score,
        peer_score,
        agreed_score,
        score_basis,
        base_score,
        bonus,
        base_score + coalesce(bonus, 0) as final_score,
        max_score,
        n_criteria,
        n_peers,
        n_score_rows,
        last_load_id,
        is_synthetic,
        includes_synthetic,
        source_kind,
        source_ref,
        source_file,
        source_sheet,
        source_row,
        '{{ combination }}' as peer_score_combination,
        year_max_load_id,
        year_inputs_hash,
        built_at

    from joined

)

select * from final
