with

clusters as (

    select * from {{ ref('dim_cluster') }}

),

memberships as (

    select * from {{ ref('fct_memberships') }}

),

unit_years as (

    select * from {{ ref('fct_unit_year_scores') }}

),

events as (

    select * from {{ ref('fct_events') }}

),

awards as (

    select * from {{ ref('fct_awards') }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

-- each source aggregated to the cluster-year before anything is joined
roster as (

    select
        organizer_id,
        cluster_id,
        results_year,
        max(unit_id) filter (where role = 'leader') as leader_unit_id,
        max(unit_name) filter (where role = 'leader') as leader_name,
        string_agg(unit_name, '; ' order by unit_name) filter (where role = 'deputy') as deputy_names,
        string_agg(unit_id, '; ' order by unit_name) filter (where role = 'deputy') as deputy_unit_ids,
        bool_and(is_synthetic) filter (where role = 'leader') as is_leader_synthetic,
        bool_and(is_synthetic) as is_synthetic

    from memberships
    group by organizer_id, cluster_id, results_year

),

results as (

    select
        organizer_id,
        cluster_id,
        results_year,
        max(member_count) as member_count,
        count(*) filter (where declared_rank = 1) as n_declared_first,
        max(unit_id) filter (where declared_rank = 1) as declared_first_unit_id,
        bool_and(is_rank_synthetic) filter (where declared_rank = 1) as is_declared_first_synthetic,
        count(*) filter (where rank_by_score = 1) as n_scored_first,
        max(unit_id) filter (where rank_by_score = 1) as scored_first_unit_id,
        bool_and(is_score_synthetic) filter (where rank_by_score = 1) as is_scored_first_synthetic,
        bool_and(is_score_synthetic) filter (where final_score is not null) as is_score_synthetic,
        count(final_score) as units_scored,
        count(*) filter (where is_rank_mismatch) as rank_mismatches,
        avg(share_of_max) as mean_share_of_max,
        stddev_samp(share_of_max) as stddev_share_of_max,
        bool_and(is_synthetic) as is_synthetic

    from unit_years
    group by organizer_id, cluster_id, results_year

),

event_summary as (

    select
        organizer_id,
        cluster_id,
        results_year,
        count(*) as events_held,
        bool_or(event_type = 'year_end_review') as has_year_end_review,
        bool_or(event_type = 'mid_year_review') as has_mid_year_review,
        bool_or(event_type = 'covenant_signing') as has_covenant_signing,
        bool_and(is_synthetic) as is_synthetic

    from events
    group by organizer_id, cluster_id, results_year

),

award_summary as (

    select
        organizer_id,
        cluster_id,
        results_year,
        -- cumulative funnel: every award was proposed; approved includes decided
        count(*) as awards_proposed,
        count(*) filter (where status in ('approved', 'decided')) as awards_approved,
        count(*) filter (where status = 'decided') as awards_decided,
        bool_and(is_synthetic) as is_synthetic

    from awards
    where cluster_id is not null
    group by organizer_id, cluster_id, results_year

),

spine as (

    select
        organizer_id,
        cluster_id,
        results_year
    from results

    union

    select
        organizer_id,
        cluster_id,
        results_year
    from event_summary

    union

    select
        organizer_id,
        cluster_id,
        results_year
    from award_summary

),

joined as (

    select
        spine.cluster_id,
        spine.organizer_id,
        spine.results_year,
        clusters.cluster_name,
        clusters.cluster_kind,
        results.member_count,
        roster.leader_unit_id,
        roster.leader_name,
        roster.deputy_names,
        case
            when results.n_declared_first = 1 then results.declared_first_unit_id
            when results.n_scored_first = 1 then results.scored_first_unit_id
        end as top_unit_id,
        case
            when results.n_declared_first = 1 then 'declared_rank'
            when results.n_scored_first = 1 then 'score'
        end as top_unit_basis,
        case
            when results.n_declared_first = 1 then results.is_declared_first_synthetic
            when results.n_scored_first = 1 then results.is_scored_first_synthetic
        end as is_top_unit_synthetic,
        roster.is_leader_synthetic,
        results.is_score_synthetic,
        results.mean_share_of_max,
        results.stddev_share_of_max,
        coalesce(event_summary.events_held, 0) as events_held,
        coalesce(event_summary.has_year_end_review, false) as has_year_end_review,
        coalesce(award_summary.awards_proposed, 0) as awards_proposed,
        coalesce(award_summary.awards_decided, 0) as awards_decided,
        -- synthetic only when no real record of any kind speaks of the cluster-year
        coalesce(results.is_synthetic, true)
        and coalesce(roster.is_synthetic, true)
        and coalesce(event_summary.is_synthetic, true)
        and coalesce(award_summary.is_synthetic, true) as is_synthetic,
        roster.deputy_unit_ids,
        coalesce(results.units_scored, 0) as units_scored,
        coalesce(results.rank_mismatches, 0) as rank_mismatches,
        coalesce(event_summary.has_mid_year_review, false) as has_mid_year_review,
        coalesce(event_summary.has_covenant_signing, false) as has_covenant_signing,
        coalesce(award_summary.awards_approved, 0) as awards_approved

    from spine
    left join clusters
        on spine.cluster_id = clusters.cluster_id
    left join results
        on
            spine.organizer_id = results.organizer_id
            and spine.cluster_id = results.cluster_id
            and spine.results_year = results.results_year
    left join roster
        on
            spine.organizer_id = roster.organizer_id
            and spine.cluster_id = roster.cluster_id
            and spine.results_year = roster.results_year
    left join event_summary
        on
            spine.organizer_id = event_summary.organizer_id
            and spine.cluster_id = event_summary.cluster_id
            and spine.results_year = event_summary.results_year
    left join award_summary
        on
            spine.organizer_id = award_summary.organizer_id
            and spine.cluster_id = award_summary.cluster_id
            and spine.results_year = award_summary.results_year

),

final as (

    select
        joined.*,
        top_units.unit_name as top_unit_name

    from joined
    left join units as top_units
        on joined.top_unit_id = top_units.unit_id

)

select
    cast(cluster_id as varchar) as cluster_id,
    cast(organizer_id as varchar) as organizer_id,
    cast(results_year as integer) as results_year,
    cast(cluster_name as varchar) as cluster_name,
    cast(cluster_kind as varchar) as cluster_kind,
    cast(member_count as integer) as member_count,
    cast(leader_unit_id as varchar) as leader_unit_id,
    cast(leader_name as varchar) as leader_name,
    cast(deputy_names as varchar) as deputy_names,
    cast(top_unit_id as varchar) as top_unit_id,
    cast(top_unit_name as varchar) as top_unit_name,
    cast(mean_share_of_max as double) as mean_share_of_max,
    cast(stddev_share_of_max as double) as stddev_share_of_max,
    cast(events_held as integer) as events_held,
    cast(has_year_end_review as boolean) as has_year_end_review,
    cast(awards_proposed as integer) as awards_proposed,
    cast(awards_decided as integer) as awards_decided,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(top_unit_basis as varchar) as top_unit_basis,
    cast(deputy_unit_ids as varchar) as deputy_unit_ids,
    cast(units_scored as integer) as units_scored,
    cast(rank_mismatches as integer) as rank_mismatches,
    cast(has_mid_year_review as boolean) as has_mid_year_review,
    cast(has_covenant_signing as boolean) as has_covenant_signing,
    cast(awards_approved as integer) as awards_approved,
    cast(is_top_unit_synthetic as boolean) as is_top_unit_synthetic,
    cast(is_leader_synthetic as boolean) as is_leader_synthetic,
    cast(is_score_synthetic as boolean) as is_score_synthetic
from final
