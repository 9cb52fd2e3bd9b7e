{#-
    rank_by_score: standard competition ranking ("1224") of final_score within a cluster-year:
    equal scores share a rank and the next rank skips as many places as there were ties.
    Units without a final score get no rank and do not take a place.
-#}
{{ config(materialized='view') }}

with

unit_scores as (

    select * from {{ ref('int_unit_year_scores_aggregated') }}

),

ranked as (

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
        final_score,
        max_score,
        final_score / nullif(max_score, 0) as share_of_max,
        case
            when final_score is not null
                then rank() over (
                    partition by organizer_id, cluster_id, results_year, final_score is null
                    order by final_score desc
                )
        end as rank_by_score,
        count(final_score) over (
            partition by organizer_id, cluster_id, results_year
        ) as n_units_scored,
        -- a rank by score compares the unit with every scored unit of its cluster-year: it is
        -- generated as soon as any of those scores is
        coalesce(bool_or(final_score is not null and includes_synthetic) over (
            partition by organizer_id, cluster_id, results_year
        ), false) as is_rank_by_score_synthetic,
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
        peer_score_combination

    from unit_scores

)

select * from ranked
