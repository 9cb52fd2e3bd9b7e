-- No generated value wears a real source. For every mart value an analyst sees, the records it
-- is computed from are found again in staging (the raw records as loaded, each with its own
-- is_synthetic), independently of the marts' provenance columns; a value with any generated
-- record behind it must be flagged generated and its source kind must say synthetic or mixed.
-- Returns one row per mislabelled value.

with

scores as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        bool_or(is_synthetic) as origin_generated,
        bool_and(is_synthetic) as origin_all_generated,
        count(*) filter (where is_synthetic) as generated_rows

    from {{ ref('stg_raw__scores') }}
    group by organizer_id, cluster_id, results_year, unit_id

),

criterion_rows as (

    select
        organizer_id,
        cluster_id,
        results_year,
        unit_id,
        count(*) filter (where is_synthetic and source_kind = 'synthetic') as labelled_generated

    from {{ ref('fct_criterion_scores') }}
    group by organizer_id, cluster_id, results_year, unit_id

),

cluster_scores as (

    select
        organizer_id,
        cluster_id,
        results_year,
        bool_or(origin_generated) as origin_generated

    from scores
    group by organizer_id, cluster_id, results_year

),

rankings as (

    select * from {{ ref('stg_raw__rankings') }}

),

memberships as (

    select * from {{ ref('stg_raw__memberships') }}

),

roles as (

    select
        organizer_id,
        cluster_id,
        results_year,
        bool_or(is_synthetic) filter (where role = 'leader') as leader_generated,
        bool_or(is_synthetic) filter (where role = 'deputy') as deputy_generated

    from memberships
    group by organizer_id, cluster_id, results_year

),

events as (

    select
        organizer_id,
        cluster_id,
        results_year,
        bool_or(is_synthetic) as origin_generated

    from {{ ref('stg_raw__events') }}
    group by organizer_id, cluster_id, results_year

),

awards as (

    select
        organizer_id,
        cluster_id,
        results_year,
        bool_or(is_synthetic) as origin_generated

    from {{ ref('stg_raw__awards') }}
    where cluster_id is not null
    group by organizer_id, cluster_id, results_year

),

unit_years as (

    select * from {{ ref('fct_unit_year_scores') }}

),

cluster_years as (

    select * from {{ ref('fct_cluster_year') }}

),

problems as (

    -- unit-year scores (self, peer, agreed, final, max, bonus, share of max)
    select
        'fct_unit_year_scores' as mart,
        'score' as value_group,
        unit_years.cluster_id,
        unit_years.results_year,
        unit_years.unit_id,
        unit_years.score_source_kind as labelled_kind

    from unit_years
    inner join scores
        on
            unit_years.organizer_id = scores.organizer_id
            and unit_years.cluster_id = scores.cluster_id
            and unit_years.results_year = scores.results_year
            and unit_years.unit_id = scores.unit_id
    where
        scores.origin_generated
        and (
            not coalesce(unit_years.is_score_synthetic, false)
            or unit_years.score_source_kind not in ('synthetic', 'mixed')
            or (scores.origin_all_generated and unit_years.score_source_kind <> 'synthetic')
        )

    union all

    -- rank by score: compares the unit with every scored unit of the cluster-year
    select
        'fct_unit_year_scores' as mart,
        'rank_by_score' as value_group,
        unit_years.cluster_id,
        unit_years.results_year,
        unit_years.unit_id,
        null as labelled_kind

    from unit_years
    inner join cluster_scores
        on
            unit_years.organizer_id = cluster_scores.organizer_id
            and unit_years.cluster_id = cluster_scores.cluster_id
            and unit_years.results_year = cluster_scores.results_year
    where
        cluster_scores.origin_generated
        and unit_years.rank_by_score is not null
        and not unit_years.is_rank_by_score_synthetic

    union all

    -- declared rank, classification, rank method
    select
        'fct_unit_year_scores' as mart,
        'declared_rank' as value_group,
        unit_years.cluster_id,
        unit_years.results_year,
        unit_years.unit_id,
        unit_years.rank_source_kind as labelled_kind

    from unit_years
    inner join rankings
        on
            unit_years.organizer_id = rankings.organizer_id
            and unit_years.cluster_id = rankings.cluster_id
            and unit_years.results_year = rankings.results_year
            and unit_years.unit_id = rankings.unit_id
    where
        rankings.is_synthetic
        and (not unit_years.is_rank_synthetic or unit_years.rank_source_kind <> 'synthetic')

    union all

    -- role (the membership)
    select
        'fct_unit_year_scores' as mart,
        'membership' as value_group,
        unit_years.cluster_id,
        unit_years.results_year,
        unit_years.unit_id,
        unit_years.membership_source_kind as labelled_kind

    from unit_years
    inner join memberships
        on
            unit_years.organizer_id = memberships.organizer_id
            and unit_years.cluster_id = memberships.cluster_id
            and unit_years.results_year = memberships.results_year
            and unit_years.unit_id = memberships.unit_id
    where
        memberships.is_synthetic
        and (not unit_years.is_membership_synthetic or unit_years.membership_source_kind <> 'synthetic')

    union all

    -- the effective rank follows the declared rank, else the rank by score
    select
        'fct_unit_year_scores' as mart,
        'effective_rank' as value_group,
        cluster_id,
        results_year,
        unit_id,
        null as labelled_kind

    from unit_years
    where
        effective_rank is not null
        and not is_effective_rank_synthetic
        and (
            (effective_rank_basis = 'declared_rank' and is_rank_synthetic)
            or (effective_rank_basis = 'score' and is_rank_by_score_synthetic)
        )

    union all

    -- cluster-year leader and deputies
    select
        'fct_cluster_year' as mart,
        'leader' as value_group,
        cluster_years.cluster_id,
        cluster_years.results_year,
        cluster_years.leader_unit_id as unit_id,
        cluster_years.leader_source_kind as labelled_kind

    from cluster_years
    inner join roles
        on
            cluster_years.organizer_id = roles.organizer_id
            and cluster_years.cluster_id = roles.cluster_id
            and cluster_years.results_year = roles.results_year
    where
        roles.leader_generated
        and (not cluster_years.is_leader_synthetic or cluster_years.leader_source_kind not in ('synthetic', 'mixed'))

    union all

    select
        'fct_cluster_year' as mart,
        'deputy' as value_group,
        cluster_years.cluster_id,
        cluster_years.results_year,
        cluster_years.deputy_unit_ids as unit_id,
        cluster_years.deputy_source_kind as labelled_kind

    from cluster_years
    inner join roles
        on
            cluster_years.organizer_id = roles.organizer_id
            and cluster_years.cluster_id = roles.cluster_id
            and cluster_years.results_year = roles.results_year
    where
        roles.deputy_generated
        and (not cluster_years.is_deputy_synthetic or cluster_years.deputy_source_kind not in ('synthetic', 'mixed'))

    union all

    -- cluster-year score statistics and the unit ranked first by score
    select
        'fct_cluster_year' as mart,
        'score' as value_group,
        cluster_years.cluster_id,
        cluster_years.results_year,
        null as unit_id,
        cluster_years.score_source_kind as labelled_kind

    from cluster_years
    inner join cluster_scores
        on
            cluster_years.organizer_id = cluster_scores.organizer_id
            and cluster_years.cluster_id = cluster_scores.cluster_id
            and cluster_years.results_year = cluster_scores.results_year
    where
        cluster_scores.origin_generated
        and cluster_years.units_scored > 0
        and (
            not cluster_years.is_score_synthetic
            or cluster_years.score_source_kind not in ('synthetic', 'mixed')
            or (cluster_years.top_unit_basis = 'score' and not cluster_years.is_top_unit_synthetic)
        )

    union all

    select
        'fct_cluster_year' as mart,
        'events' as value_group,
        cluster_years.cluster_id,
        cluster_years.results_year,
        null as unit_id,
        cluster_years.events_source_kind as labelled_kind

    from cluster_years
    inner join events
        on
            cluster_years.organizer_id = events.organizer_id
            and cluster_years.cluster_id = events.cluster_id
            and cluster_years.results_year = events.results_year
    where
        events.origin_generated
        and (not cluster_years.is_events_synthetic or cluster_years.events_source_kind not in ('synthetic', 'mixed'))

    union all

    select
        'fct_cluster_year' as mart,
        'awards' as value_group,
        cluster_years.cluster_id,
        cluster_years.results_year,
        null as unit_id,
        cluster_years.awards_source_kind as labelled_kind

    from cluster_years
    inner join awards
        on
            cluster_years.organizer_id = awards.organizer_id
            and cluster_years.cluster_id = awards.cluster_id
            and cluster_years.results_year = awards.results_year
    where
        awards.origin_generated
        and (not cluster_years.is_awards_synthetic or cluster_years.awards_source_kind not in ('synthetic', 'mixed'))

    union all

    -- one-record facts: the row is the value
    select
        'fct_memberships' as mart,
        'row' as value_group,
        marts.cluster_id,
        marts.results_year,
        marts.unit_id,
        marts.source_kind as labelled_kind

    from {{ ref('fct_memberships') }} as marts
    inner join memberships
        on marts.membership_id = memberships.membership_id
    where memberships.is_synthetic and (not marts.is_synthetic or marts.source_kind <> 'synthetic')

    union all

    select
        'fct_events' as mart,
        'row' as value_group,
        marts.cluster_id,
        marts.results_year,
        marts.host_unit_id as unit_id,
        marts.source_kind as labelled_kind

    from {{ ref('fct_events') }} as marts
    inner join {{ ref('stg_raw__events') }} as staged
        on marts.event_id = staged.event_id
    where staged.is_synthetic and (not marts.is_synthetic or marts.source_kind <> 'synthetic')

    union all

    select
        'fct_awards' as mart,
        'row' as value_group,
        marts.cluster_id,
        marts.results_year,
        marts.unit_id,
        marts.source_kind as labelled_kind

    from {{ ref('fct_awards') }} as marts
    inner join {{ ref('stg_raw__awards') }} as staged
        on marts.award_id = staged.award_id
    where staged.is_synthetic and (not marts.is_synthetic or marts.source_kind <> 'synthetic')

    union all

    -- criterion score rows: per unit-year, as many rows labelled generated as staging holds
    -- generated rows (the mart is a view with one row per staged row; counting per unit-year
    -- instead of joining each row back on its six-column key: 3 s instead of 10-13 s at the
    -- national tier × 1)
    select
        'fct_criterion_scores' as mart,
        'rows' as value_group,
        scores.cluster_id,
        scores.results_year,
        scores.unit_id,
        format(
            '{} of {} generated rows labelled synthetic',
            coalesce(criterion_rows.labelled_generated, 0),
            scores.generated_rows
        ) as labelled_kind

    from scores
    left join criterion_rows
        on
            scores.organizer_id = criterion_rows.organizer_id
            and scores.cluster_id = criterion_rows.cluster_id
            and scores.results_year = criterion_rows.results_year
            and scores.unit_id = criterion_rows.unit_id
    where scores.generated_rows <> coalesce(criterion_rows.labelled_generated, 0)

    union all

    -- the unit's history repeats the unit-year's values: their flags must follow
    select
        'unit_history' as mart,
        'values' as value_group,
        history.cluster_id,
        history.results_year,
        history.unit_id,
        history.score_source_kind as labelled_kind

    from {{ ref('unit_history') }} as history
    inner join unit_years
        on
            history.organizer_id = unit_years.organizer_id
            and history.cluster_id = unit_years.cluster_id
            and history.results_year = unit_years.results_year
            and history.unit_id = unit_years.unit_id
    where
        history.is_score_synthetic is distinct from unit_years.is_score_synthetic
        or history.is_rank_synthetic is distinct from unit_years.is_rank_synthetic
        or history.is_effective_rank_synthetic is distinct from unit_years.is_effective_rank_synthetic
        or history.is_membership_synthetic is distinct from unit_years.is_membership_synthetic

)

select * from problems
