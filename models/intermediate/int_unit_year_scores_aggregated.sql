{#-
    Criterion scores -> one row per unit x cluster x results year.
    How the peer scorers' totals combine is the project var `peer_score_combination`:
    mean | median | trimmed_mean (drops the highest and the lowest total when there are >= 3 peers).
-#}
{%- set combination = peer_score_combination() -%}

with

scores as (

    select * from {{ ref('stg_raw__scores') }}

),

-- one row per unit-year and scorer: the scorer's total over the criteria it scored
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
        count(*) as n_criteria

    from scores
    group by all

),

-- peers ordered by their total so trimmed mean and median can keep the middle scorers
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
        max(n_peers) as n_peers

    from peers_ordered
    where
        {%- if combination == 'trimmed_mean' %}
            -- drop the lowest and the highest peer total when at least 3 peers scored
            n_peers < 3 or peer_position between 2 and n_peers - 1
        {%- elif combination == 'median' %}
            -- the middle total, or the mean of the two middle totals
            peer_position in ((n_peers + 1) // 2, (n_peers + 2) // 2)
        {%- else %}
            true
        {%- endif %}
    group by all

),

by_kind as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        sum(points) filter (where scorer_kind = 'self') as self_score,
        sum(bonus) filter (where scorer_kind = 'self') as self_bonus,
        sum(points) filter (where scorer_kind = 'agreed') as agreed_score,
        sum(bonus) filter (where scorer_kind = 'agreed') as agreed_bonus

    from scorer_totals
    group by all

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
    group by all

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
    group by all

),

unit_provenance as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        bool_and(is_synthetic) as is_synthetic,
        count(*) as n_score_rows,
        max(load_id) as last_load_id,
        -- one representative row for provenance: a real one if any, else the latest loaded
        arg_max(
            struct_pack(source_kind, source_ref, source_file, source_sheet, source_row),
            (not is_synthetic, load_id, source_row)
        ) as provenance

    from scores
    group by all

),

joined as (

    select
        unit_max.organizer_id,
        unit_max.cluster_id,
        unit_max.results_year,
        unit_max.unit_id,
        by_kind.self_score,
        peer_combined.peer_score,
        by_kind.agreed_score,
        case
            when by_kind.agreed_score is not null then 'agreed'
            when peer_combined.peer_score is not null then 'peer'
            when by_kind.self_score is not null then 'self'
        end as score_basis,
        coalesce(by_kind.agreed_score, peer_combined.peer_score, by_kind.self_score) as base_score,
        case
            when by_kind.agreed_score is not null then by_kind.agreed_bonus
            when peer_combined.peer_score is not null then peer_combined.peer_bonus
            else by_kind.self_bonus
        end as bonus,
        unit_max.max_score,
        unit_max.n_criteria,
        coalesce(peer_combined.n_peers, 0) as n_peers,
        unit_provenance.n_score_rows,
        unit_provenance.last_load_id,
        unit_provenance.is_synthetic,
        unit_provenance.provenance.source_kind,
        unit_provenance.provenance.source_ref,
        unit_provenance.provenance.source_file,
        unit_provenance.provenance.source_sheet,
        unit_provenance.provenance.source_row

    from unit_max
    inner join by_kind
        on
            unit_max.organizer_id = by_kind.organizer_id
            and unit_max.cluster_id = by_kind.cluster_id
            and unit_max.results_year = by_kind.results_year
            and unit_max.unit_id = by_kind.unit_id
    inner join unit_provenance
        on
            unit_max.organizer_id = unit_provenance.organizer_id
            and unit_max.cluster_id = unit_provenance.cluster_id
            and unit_max.results_year = unit_provenance.results_year
            and unit_max.unit_id = unit_provenance.unit_id
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
        source_kind,
        source_ref,
        source_file,
        source_sheet,
        source_row,
        '{{ combination }}' as peer_score_combination

    from joined

)

select * from final
