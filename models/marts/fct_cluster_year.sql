{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='results_year',
        on_schema_change='append_new_columns',
        pre_hook='{{ delete_years_to_build() }}'
    )
}}

{%- set years = years_to_build() %}

with

clusters as (

    select * from {{ ref('dim_cluster') }}

),

memberships as (

    select * from {{ ref('fct_memberships') }}
    where {{ in_years('results_year', years) }}

),

leading_roles as (

    select
        cluster_roles.*,
        role_units.unit_name

    from {{ ref('int_cluster_roles') }} as cluster_roles
    left join {{ ref('dim_unit') }} as role_units
        on cluster_roles.unit_id = role_units.unit_id
    where {{ in_years('cluster_roles.results_year', years) }}

),

unit_years as (

    select * from {{ ref('fct_unit_year_scores') }}
    where {{ in_years('results_year', years) }}

),

events as (

    select * from {{ ref('fct_events') }}
    where {{ in_years('results_year', years) }}

),

awards as (

    select * from {{ ref('fct_awards') }}
    where {{ in_years('results_year', years) }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

stamps as (

    select * from {{ year_stamps(years) }}

),

-- each source aggregated to the cluster-year before anything is joined
-- leader and deputies: as elected (leadership records) or as the roster says (int_cluster_roles);
-- deputies in their order ("Phó khối 1", "Phó khối 2"), unordered ones after, by name
roster as (

    select
        organizer_id,
        cluster_id,
        results_year,
        max(unit_id) filter (where role = 'leader') as leader_unit_id,
        max(unit_name) filter (where role = 'leader') as leader_name,
        string_agg(unit_name, '; ' order by role_order nulls last, unit_name) filter (
            where role = 'deputy'
        ) as deputy_names,
        string_agg(unit_id, '; ' order by role_order nulls last, unit_name) filter (
            where role = 'deputy'
        ) as deputy_unit_ids,
        {{ summarise_provenance('leader', condition="role = 'leader'") }},
        {{ summarise_provenance('deputy', condition="role = 'deputy'") }},
        bool_and(is_synthetic) as is_synthetic

    from leading_roles
    group by organizer_id, cluster_id, results_year

),

-- the member count a source states (a report may name five of six members)
stated_counts as (

    select
        organizer_id,
        cluster_id,
        results_year,
        max(stated_member_count) as stated_member_count

    from memberships
    where stated_member_count is not null
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
        bool_or(is_rank_synthetic) filter (where declared_rank = 1) as is_declared_first_synthetic,
        any_value(rank_source_kind) filter (where declared_rank = 1) as declared_first_source_kind,
        any_value(rank_source_ref) filter (where declared_rank = 1) as declared_first_source_ref,
        count(*) filter (where rank_by_score = 1) as n_scored_first,
        max(unit_id) filter (where rank_by_score = 1) as scored_first_unit_id,
        bool_or(is_rank_by_score_synthetic) filter (where rank_by_score = 1) as is_scored_first_synthetic,
        -- scores of the cluster-year: the mean, spread, count and rank mismatches read them all
        {{ summarise_provenance(
            'score', 'is_score_synthetic', 'score_source_kind', 'score_source_ref',
            condition='final_score is not null'
        ) }},
        bool_or(is_member_count_synthetic) as is_member_count_synthetic,
        bool_or(is_effective_rank_synthetic) filter (
            where effective_rank between 1 and 3
        ) as is_top_three_synthetic,
        count(final_score) as units_scored,
        count(*) filter (where is_rank_mismatch) as rank_mismatches,
        -- the units the cluster scored or ranked, and how many it names without either: what
        -- the leader check reads
        list(unit_id) filter (where final_score is not null or declared_rank is not null) as result_unit_ids,
        list(unit_id) filter (where final_score is null and declared_rank is null) as unit_ids_without_results,
        bool_or(coalesce(is_score_synthetic, false) or coalesce(is_rank_synthetic, false)) as is_any_result_synthetic,
        -- the units ranked first (several on a tie): what the flag check compares the flag with
        count(*) filter (where effective_rank = 1) as n_first_places,
        bool_or(is_effective_rank_synthetic) filter (where effective_rank = 1) as is_first_place_synthetic,
        avg(share_of_max) as mean_share_of_max,
        stddev_samp(share_of_max) as stddev_share_of_max,
        -- the first three by the rank that counts (declared ranking, else by score)
        array_to_string(
            list_slice(
                list(unit_name order by effective_rank, unit_name) filter (where effective_rank is not null), 1, 3
            ),
            '; '
        ) as top_three_names,
        array_to_string(
            list_slice(
                list(unit_id order by effective_rank, unit_name) filter (where effective_rank is not null), 1, 3
            ),
            '; '
        ) as top_three_unit_ids,
        bool_and(is_synthetic) as is_synthetic,
        arg_min(
            struct_pack(source_kind, source_ref, source_url, source_file, source_sheet, source_row),
            (is_synthetic, source_file, source_sheet, source_row)
        ) as record

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
        -- the first event of each type: its day and its host (null when it names none)
        min(event_date) filter (where event_type = 'covenant_signing') as first_covenant_date,
        arg_min_null(host_unit_id, (event_date, event_id)) filter (
            where event_type = 'covenant_signing'
        ) as covenant_host_unit_id,
        arg_min_null(host_name, (event_date, event_id)) filter (
            where event_type = 'covenant_signing'
        ) as covenant_host_name,
        min(event_date) filter (where event_type = 'mid_year_review') as first_mid_year_date,
        arg_min_null(host_unit_id, (event_date, event_id)) filter (
            where event_type = 'mid_year_review'
        ) as mid_year_host_unit_id,
        arg_min_null(host_name, (event_date, event_id)) filter (
            where event_type = 'mid_year_review'
        ) as mid_year_host_name,
        min(event_date) filter (where event_type = 'year_end_review') as first_year_end_date,
        arg_min_null(host_unit_id, (event_date, event_id)) filter (
            where event_type = 'year_end_review'
        ) as year_end_host_unit_id,
        arg_min_null(host_name, (event_date, event_id)) filter (
            where event_type = 'year_end_review'
        ) as year_end_host_name,
        {{ summarise_provenance('events') }},
        bool_and(is_synthetic) as is_synthetic,
        arg_min(
            struct_pack(source_kind, source_ref, source_url, source_file, source_sheet, source_row),
            (is_synthetic, source_file, source_sheet, source_row)
        ) as record

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
        {{ summarise_provenance('awards') }},
        bool_and(is_synthetic) as is_synthetic,
        arg_min(
            struct_pack(source_kind, source_ref, source_url, source_file, source_sheet, source_row),
            (is_synthetic, source_file, source_sheet, source_row)
        ) as record

    from awards
    where cluster_id is not null
    group by organizer_id, cluster_id, results_year

),

-- the flags a cluster gives its leading unit (dim_award_type.is_leading_unit_flag), any status:
-- a proposal already names the unit the cluster puts forward. An award without a cluster counts
-- in the cluster its unit was ranked in, as the flag rules of mart_award_compliance read it.
-- Each flag carries its unit's rank that counts in that cluster-year (null: not ranked there).
leading_unit_flags as (

    select
        awards.organizer_id,
        coalesce(awards.cluster_id, awards.ranked_cluster_id) as cluster_id,
        awards.results_year,
        awards.unit_id,
        awards.unit_name,
        awards.is_synthetic,
        awards.source_kind,
        awards.source_ref,
        flagged.effective_rank,
        flagged.is_effective_rank_synthetic

    from awards
    left join unit_years as flagged
        on
            awards.organizer_id = flagged.organizer_id
            and coalesce(awards.cluster_id, awards.ranked_cluster_id) = flagged.cluster_id
            and awards.results_year = flagged.results_year
            and awards.unit_id = flagged.unit_id
    where awards.is_leading_unit_flag and coalesce(awards.cluster_id, awards.ranked_cluster_id) is not null

),

flag_summary as (

    select
        organizer_id,
        cluster_id,
        results_year,
        count(*) filter (where unit_id is null) as n_unnamed,
        count(*) filter (where effective_rank > 1) as n_to_lower_ranked,
        count(*) filter (where unit_id is not null and effective_rank is null) as n_to_unranked,
        string_agg(distinct unit_name, '; ' order by unit_name) as flag_unit_names,
        string_agg(distinct unit_id, '; ' order by unit_id) as flag_unit_ids,
        bool_or(coalesce(is_effective_rank_synthetic, false)) as is_flagged_rank_synthetic,
        {{ summarise_provenance('flag') }}

    from leading_unit_flags
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

    union

    select
        organizer_id,
        cluster_id,
        results_year
    from roster

),

joined as (

    select
        spine.cluster_id,
        spine.organizer_id,
        spine.results_year,
        clusters.cluster_name,
        clusters.cluster_kind,
        -- the larger of the units named and the count a source states: unknown stays unknown
        -- (null) when neither says
        case
            when stated_counts.stated_member_count is null then results.member_count
            else greatest(stated_counts.stated_member_count, coalesce(results.member_count, 0))
        end as member_count,
        results.member_count as named_member_count,
        stated_counts.stated_member_count,
        clusters.cluster_cycle,
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
        case
            when results.n_declared_first = 1 then results.declared_first_source_kind
            when results.n_scored_first = 1 and results.is_scored_first_synthetic then 'synthetic'
            when results.n_scored_first = 1 then results.score_source_kind
        end as top_unit_source_kind,
        case
            when results.n_declared_first = 1 then results.declared_first_source_ref
            when results.n_scored_first = 1 then results.score_source_ref
        end as top_unit_source_ref,
        results.is_top_three_synthetic,
        roster.is_leader_synthetic,
        roster.leader_source_kind,
        roster.leader_source_ref,
        roster.is_deputy_synthetic,
        roster.deputy_source_kind,
        roster.deputy_source_ref,
        results.is_member_count_synthetic,
        results.is_score_synthetic,
        results.score_source_kind,
        results.score_source_ref,
        event_summary.is_events_synthetic,
        event_summary.events_source_kind,
        event_summary.events_source_ref,
        award_summary.is_awards_synthetic,
        award_summary.awards_source_kind,
        award_summary.awards_source_ref,
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
        coalesce(award_summary.awards_approved, 0) as awards_approved,
        event_summary.first_covenant_date,
        event_summary.covenant_host_unit_id,
        event_summary.covenant_host_name,
        event_summary.first_mid_year_date,
        event_summary.mid_year_host_unit_id,
        event_summary.mid_year_host_name,
        event_summary.first_year_end_date,
        event_summary.year_end_host_unit_id,
        event_summary.year_end_host_name,
        results.top_three_names,
        results.top_three_unit_ids,
        -- leader not a member: the cluster-year's leader (as elected, else as the roster says) is
        -- neither scored nor ranked, while every other unit the cluster-year names is. Unknown
        -- (null) without a leader, without any score or rank, or when other units lack results
        -- too or the roster is not complete (the results are partial, not the leader's absence)
        case
            when roster.leader_unit_id is null then 'no_leader_recorded'
            when results.result_unit_ids is null then 'no_results'
            when list_contains(results.result_unit_ids, roster.leader_unit_id) then 'leader_scored_or_ranked'
            when
                coalesce(len(results.unit_ids_without_results), 0)
                > coalesce(cast(list_contains(results.unit_ids_without_results, roster.leader_unit_id) as int), 0)
                or coalesce(stated_counts.stated_member_count > results.member_count, false)
                then 'results_partial'
            else 'leader_not_scored_or_ranked'
        end as leader_not_member_reason,
        coalesce(roster.is_leader_synthetic, false)
        or coalesce(results.is_any_result_synthetic, false) as is_leader_check_synthetic,
        -- the flag to the unit ranked first: false as soon as a flag went to another unit (one
        -- ranked lower, or one not ranked while the first place is known); unknown (null) while a
        -- flag names no unit or no first place is known; null without a recorded flag
        case
            when flag_summary.cluster_id is null then 'no_flag_recorded'
            when
                flag_summary.n_to_lower_ranked > 0
                or (flag_summary.n_to_unranked > 0 and coalesce(results.n_first_places, 0) > 0)
                then 'flag_to_other_unit'
            when flag_summary.n_unnamed > 0 then 'flag_unit_not_named'
            when flag_summary.n_to_unranked > 0 then 'first_place_unknown'
            else 'flag_to_top_unit'
        end as flag_to_top_unit_reason,
        flag_summary.flag_unit_names,
        flag_summary.flag_unit_ids,
        flag_summary.is_flag_synthetic,
        flag_summary.flag_source_kind,
        flag_summary.flag_source_ref,
        flag_summary.is_flagged_rank_synthetic,
        coalesce(results.is_first_place_synthetic, false) as is_first_place_synthetic,
        -- one record behind the cluster-year, a real one when there is any: the unit-years'
        -- (rank, membership, score), else an event's, else an award's
        case
            when not coalesce(results.is_synthetic, true) then results.record
            when not coalesce(event_summary.is_synthetic, true) then event_summary.record
            when not coalesce(award_summary.is_synthetic, true) then award_summary.record
            else coalesce(results.record, event_summary.record, award_summary.record)
        end as record,
        stamps.year_max_load_id,
        stamps.year_inputs_hash,
        stamps.built_at

    from spine
    inner join stamps
        on spine.results_year = stamps.results_year
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
    left join stated_counts
        on
            spine.organizer_id = stated_counts.organizer_id
            and spine.cluster_id = stated_counts.cluster_id
            and spine.results_year = stated_counts.results_year
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
    left join flag_summary
        on
            spine.organizer_id = flag_summary.organizer_id
            and spine.cluster_id = flag_summary.cluster_id
            and spine.results_year = flag_summary.results_year

),

final as (

    select
        joined.*,
        -- the cluster's place among its organiser's clusters of its kind in the year, by mean
        -- share of the maximum (the measure that compares clusters), 1 = highest
        case
            when joined.mean_share_of_max is not null
                then rank() over (
                    partition by joined.organizer_id, joined.cluster_kind, joined.results_year
                    order by joined.mean_share_of_max desc nulls last
                )
        end as share_of_max_rank,
        count(joined.mean_share_of_max) over (
            partition by joined.organizer_id, joined.cluster_kind, joined.results_year
        ) as clusters_ranked_by_share,
        case
            when joined.mean_share_of_max is not null
                then bool_or(coalesce(joined.is_score_synthetic, false)) over (
                    partition by joined.organizer_id, joined.cluster_kind, joined.results_year
                )
        end as is_share_of_max_rank_synthetic,
        top_units.unit_name as top_unit_name,
        joined.record.source_kind,
        joined.record.source_ref,
        joined.record.source_url,
        joined.record.source_file,
        joined.record.source_sheet,
        joined.record.source_row

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
    cast(is_score_synthetic as boolean) as is_score_synthetic,
    cast(first_covenant_date as date) as first_covenant_date,
    cast(covenant_host_unit_id as varchar) as covenant_host_unit_id,
    cast(covenant_host_name as varchar) as covenant_host_name,
    cast(first_mid_year_date as date) as first_mid_year_date,
    cast(mid_year_host_unit_id as varchar) as mid_year_host_unit_id,
    cast(mid_year_host_name as varchar) as mid_year_host_name,
    cast(first_year_end_date as date) as first_year_end_date,
    cast(year_end_host_unit_id as varchar) as year_end_host_unit_id,
    cast(year_end_host_name as varchar) as year_end_host_name,
    cast(top_three_names as varchar) as top_three_names,
    cast(top_three_unit_ids as varchar) as top_three_unit_ids,
    cast(top_unit_source_kind as varchar) as top_unit_source_kind,
    cast(top_unit_source_ref as varchar) as top_unit_source_ref,
    cast(is_top_three_synthetic as boolean) as is_top_three_synthetic,
    cast(leader_source_kind as varchar) as leader_source_kind,
    cast(leader_source_ref as varchar) as leader_source_ref,
    cast(is_deputy_synthetic as boolean) as is_deputy_synthetic,
    cast(deputy_source_kind as varchar) as deputy_source_kind,
    cast(deputy_source_ref as varchar) as deputy_source_ref,
    cast(is_member_count_synthetic as boolean) as is_member_count_synthetic,
    cast(score_source_kind as varchar) as score_source_kind,
    cast(score_source_ref as varchar) as score_source_ref,
    cast(is_events_synthetic as boolean) as is_events_synthetic,
    cast(events_source_kind as varchar) as events_source_kind,
    cast(events_source_ref as varchar) as events_source_ref,
    cast(is_awards_synthetic as boolean) as is_awards_synthetic,
    cast(awards_source_kind as varchar) as awards_source_kind,
    cast(awards_source_ref as varchar) as awards_source_ref,
    cast(
        case
            when is_synthetic then 'synthetic'
            when
                coalesce(is_leader_synthetic, false)
                or coalesce(is_deputy_synthetic, false)
                or coalesce(is_member_count_synthetic, false)
                or coalesce(is_score_synthetic, false)
                or coalesce(is_top_unit_synthetic, false)
                or coalesce(is_events_synthetic, false)
                or coalesce(is_awards_synthetic, false)
                then 'mixed'
            else 'real'
        end as varchar
    ) as source_mix,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_sheet as varchar) as source_sheet,
    cast(source_row as integer) as source_row,
    cast(named_member_count as integer) as named_member_count,
    cast(stated_member_count as integer) as stated_member_count,
    cast(coalesce(cluster_cycle, 'calendar') as varchar) as cluster_cycle,
    -- the results year as the cluster's cycle writes it: 2022, or the school year "2021-2022"
    cast(
        case
            when cluster_cycle = 'school_year' then (results_year - 1) || '-' || results_year
            else cast(results_year as varchar)
        end as varchar
    ) as results_year_label,
    cast(year_max_load_id as integer) as year_max_load_id,
    cast(year_inputs_hash as ubigint) as year_inputs_hash,
    cast(built_at as timestamp) as built_at,
    cast(
        case leader_not_member_reason
            when 'leader_not_scored_or_ranked' then true
            when 'leader_scored_or_ranked' then false
        end as boolean
    ) as is_leader_not_member,
    cast(leader_not_member_reason as varchar) as leader_not_member_reason,
    cast(case when leader_unit_id is not null then is_leader_check_synthetic end as boolean)
        as is_leader_check_synthetic,
    cast(
        case flag_to_top_unit_reason
            when 'flag_to_top_unit' then true
            when 'flag_to_other_unit' then false
        end as boolean
    ) as is_flag_to_top_unit,
    cast(flag_to_top_unit_reason as varchar) as flag_to_top_unit_reason,
    cast(flag_unit_names as varchar) as flag_unit_names,
    cast(flag_unit_ids as varchar) as flag_unit_ids,
    cast(is_flag_synthetic as boolean) as is_flag_synthetic,
    cast(flag_source_kind as varchar) as flag_source_kind,
    cast(flag_source_ref as varchar) as flag_source_ref,
    -- an answer read from ranks is generated when a rank behind it is; "the flag names no unit"
    -- rests on the flag records alone
    cast(
        case flag_to_top_unit_reason
            when 'no_flag_recorded' then null
            when 'flag_unit_not_named' then is_flag_synthetic
            else is_flag_synthetic or is_flagged_rank_synthetic or is_first_place_synthetic
        end as boolean
    ) as is_flag_to_top_unit_synthetic,
    -- decided awards per member; unknown when no award or no member is recorded
    cast(
        case
            when awards_proposed > 0 and member_count > 0 then awards_decided / member_count
        end as double
    ) as award_rate,
    cast(
        case
            when awards_proposed > 0 and member_count > 0
                then coalesce(is_awards_synthetic, false) or coalesce(is_member_count_synthetic, false)
        end as boolean
    ) as is_award_rate_synthetic,
    cast(share_of_max_rank as integer) as share_of_max_rank,
    cast(clusters_ranked_by_share as integer) as clusters_ranked_by_share,
    cast(is_share_of_max_rank_synthetic as boolean) as is_share_of_max_rank_synthetic
from final
