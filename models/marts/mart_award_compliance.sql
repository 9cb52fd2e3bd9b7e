{#-
    Every award checked against the legal regime in force for its results year, and every
    cluster-year against its own records: one row per finding. The rules are data (seed
    compliance_rules: names, severity, on/off) and so are their parameters (seed legal_regimes
    via dim_year): a new decree is a new regime row. All award statuses count: every award was
    proposed first, and a proposal for the wrong unit already breaks the rule.
    One CTE per rule, each selecting only the columns it knows; `union all by name` fills the
    rest with nulls.

    Each rule is scoped to the award systems it belongs to (compliance_rules.award_systems, the
    issuer_kind of the finding's award type): the State's rules never fire on the Front's, a
    Party committee's or a trade union's own awards. The Government-flag rules count the lower
    flag of the organiser's own system, the award types that qualify for the Government flag
    (dim_award_type.qualifies_for_gov_flag): a province's records hold provincial flags, a
    ministry's its flag, the trade-union federation's its own, and each organiser's nominees are
    compared with its own flag holders. Where an organiser's records hold none of those flags,
    the rules that need them cannot be checked (GOV_FLAG_ELIGIBILITY_UNKNOWN), since no recorded
    holder means the records do not cover that flag, not that no unit met the standard.
-#}
with

awards as (

    select * from {{ ref('fct_awards') }}

),

unit_years as (

    select * from {{ ref('fct_unit_year_scores') }}

),

cluster_years as (

    select * from {{ ref('fct_cluster_year') }}

),

years as (

    select * from {{ ref('dim_year') }}

),

rules as (

    select * from {{ ref('compliance_rules') }}
    where is_enabled

),

award_types as (

    select * from {{ ref('dim_award_type') }}

),

-- the Government flag and the lower flags that qualify for it (the provincial flag, a
-- ministry's, the federation's…), each with the parameters of its year's regime
flags as (

    select
        awards.award_id,
        awards.organizer_id,
        coalesce(awards.cluster_id, awards.ranked_cluster_id) as cluster_id,
        awards.results_year,
        awards.unit_id,
        awards.unit_name,
        awards.award_type_code,
        awards.award_name_vi,
        awards.award_name_en,
        awards.status as award_status,
        -- the status as the Vietnamese sentence says it: a reason never shows a code
        case awards.status
            when 'proposed' then 'đề nghị'
            when 'approved' then 'được chấp thuận'
            when 'decided' then 'đã có quyết định'
            else awards.status
        end as award_status_vi,
        awards.ranked_cluster_id,
        -- the cluster by its name that year in the reasons (an id means nothing to a reader)
        coalesce(ranked_clusters.cluster_name, awards.ranked_cluster_id) as ranked_cluster_name,
        awards.rank_in_ranked_cluster,
        awards.ranked_cluster_rank_basis,
        awards.is_synthetic,
        awards.source_kind,
        awards.source_ref,
        awards.source_url,
        awards.source_file,
        awards.source_sheet,
        awards.source_row,
        years.gov_flag_requires_leading_unit,
        years.gov_flag_requires_prior_provincial_flag,
        years.gov_flag_max_share_of_eligible,
        years.provincial_flags_per_leading_unit,
        award_types.qualifies_for_gov_flag as is_lower_flag

    from awards
    inner join years
        on awards.results_year = years.results_year
    inner join award_types
        on awards.award_type_code = award_types.award_type_code
    left join cluster_years as ranked_clusters
        on
            awards.ranked_cluster_id = ranked_clusters.cluster_id
            and awards.results_year = ranked_clusters.results_year
    where awards.award_type_code = 'GOV_FLAG' or award_types.qualifies_for_gov_flag

),

-- aggregated before any join ------------------------------------------------------------------

-- per organiser and unit, the first year it held a lower flag of the organiser's system
first_provincial_flags as (

    select
        organizer_id,
        unit_id,
        min(results_year) as first_flag_year

    from flags
    where is_lower_flag and unit_id is not null
    group by organizer_id, unit_id

),

-- per organiser, the first year its records hold any lower flag (named unit or not)
first_organizer_flags as (

    select
        organizer_id,
        min(results_year) as first_flag_year

    from flags
    where is_lower_flag
    group by organizer_id

),

-- per organiser-year, the Government-flag nominees and the lower-flag holders (an unnamed unit
-- counts as one)
flag_counts as (

    select
        organizer_id,
        results_year,
        is_lower_flag,
        any_value(gov_flag_max_share_of_eligible) as max_share,
        bool_or(gov_flag_requires_prior_provincial_flag) as requires_prior_flag,
        string_agg(distinct award_name_en, ', ' order by award_name_en) as flag_name_en,
        string_agg(distinct award_name_vi, ', ' order by award_name_vi) as flag_name_vi,
        count(distinct unit_id) + count(*) filter (where unit_id is null) as n_units,
        bool_and(is_synthetic) as is_synthetic,
        arg_min(
            struct_pack(source_kind, source_ref, source_url, source_file, source_sheet, source_row),
            (is_synthetic, source_file, source_sheet, source_row)
        ) as record

    from flags
    group by organizer_id, results_year, is_lower_flag

),

-- per cluster-year: the units ranked first, and whether its results are all generated
cluster_results as (

    select
        organizer_id,
        cluster_id,
        results_year,
        count(*) filter (where effective_rank = 1) as n_leading_units,
        bool_and(coalesce(is_score_synthetic, true) and coalesce(is_rank_synthetic, true)) as is_results_synthetic

    from unit_years
    group by organizer_id, cluster_id, results_year

),

-- per cluster-year and lower flag, its flags
provincial_flags as (

    select
        organizer_id,
        cluster_id,
        results_year,
        award_type_code,
        any_value(provincial_flags_per_leading_unit) as flags_per_leading_unit,
        count(*) as n_flags,
        bool_and(is_synthetic) as is_synthetic,
        arg_min(
            struct_pack(source_kind, source_ref, source_url, source_file, source_sheet, source_row),
            (is_synthetic, source_file, source_sheet, source_row)
        ) as record

    from flags
    where is_lower_flag and cluster_id is not null
    group by organizer_id, cluster_id, results_year, award_type_code

),

-- one CTE per rule ----------------------------------------------------------------------------

gov_flag_not_leading_unit as (

    select
        'GOV_FLAG_NOT_LEADING_UNIT' as rule_code,
        * exclude (rank_in_ranked_cluster, award_status_vi, ranked_cluster_name),
        rank_in_ranked_cluster as observed_value,
        1 as allowed_value,
        format(
            'Government flag ({}) to {} ranked {} in {} (by {}); only units ranked first qualify',
            award_status, unit_name, rank_in_ranked_cluster, ranked_cluster_name, ranked_cluster_rank_basis
        ) as detail,
        format(
            'Cờ thi đua của Chính phủ ({}) cho {} xếp thứ {} trong {}; chỉ đơn vị dẫn đầu được xét',
            award_status_vi, unit_name, rank_in_ranked_cluster, ranked_cluster_name
        ) as detail_vi

    from flags
    where award_type_code = 'GOV_FLAG' and gov_flag_requires_leading_unit and rank_in_ranked_cluster > 1

),

gov_flag_over_quota as (

    select
        'GOV_FLAG_OVER_QUOTA' as rule_code,
        nominees.organizer_id,
        nominees.results_year,
        'GOV_FLAG' as award_type_code,
        nominees.n_units as observed_value,
        nominees.max_share * coalesce(eligible.n_units, 0) as allowed_value,
        format(
            '{} Government-flag nominees for {} holders of the {}: over the {}% quota',
            nominees.n_units, eligible.n_units, lower(eligible.flag_name_en), round(nominees.max_share * 100, 1)
        ) as detail,
        format(
            '{} đơn vị đề nghị Cờ thi đua của Chính phủ trên {} đơn vị có {}: vượt tỷ lệ {}%',
            nominees.n_units, eligible.n_units, eligible.flag_name_vi, round(nominees.max_share * 100, 1)
        ) as detail_vi,
        nominees.is_synthetic and coalesce(eligible.is_synthetic, true) as is_synthetic,
        nominees.record.source_kind,
        nominees.record.source_ref,
        nominees.record.source_url,
        nominees.record.source_file,
        nominees.record.source_sheet,
        nominees.record.source_row

    from flag_counts as nominees
    inner join flag_counts as eligible
        on
            nominees.organizer_id = eligible.organizer_id
            and nominees.results_year = eligible.results_year
            and eligible.is_lower_flag
    where
        not nominees.is_lower_flag
        -- decimal arithmetic: 20 % of 15 is 3 exactly, not 3.0000000000000004
        and nominees.n_units > cast(nominees.max_share as decimal(9, 4)) * eligible.n_units

),

-- nominees whose organiser's records hold none of the flags the quota or the prior-flag rule
-- counts: neither rule can be checked
gov_flag_eligibility_unknown as (

    select
        'GOV_FLAG_ELIGIBILITY_UNKNOWN' as rule_code,
        nominees.organizer_id,
        nominees.results_year,
        'GOV_FLAG' as award_type_code,
        nominees.n_units as observed_value,
        format(
            '{} Government-flag nominee(s) in {}: the organiser''s records hold none of its own flags that'
            || ' qualify for the Government flag{}, so the {} cannot be checked',
            nominees.n_units, nominees.results_year,
            if(nominees.max_share is not null, ' that year', ' up to that year'),
            if(nominees.max_share is not null, 'quota', 'prior-flag rule')
        ) as detail,
        format(
            '{} đơn vị đề nghị Cờ thi đua của Chính phủ năm {}: chưa ghi nhận Cờ thi đua cấp bộ, tỉnh'
            || ' (của chính cơ quan tổ chức) nào, không kiểm tra được {}',
            nominees.n_units, nominees.results_year,
            if(nominees.max_share is not null, 'tỷ lệ', 'điều kiện đã có Cờ thi đua')
        ) as detail_vi,
        nominees.is_synthetic,
        nominees.record.source_kind,
        nominees.record.source_ref,
        nominees.record.source_url,
        nominees.record.source_file,
        nominees.record.source_sheet,
        nominees.record.source_row

    from flag_counts as nominees
    left join flag_counts as eligible
        on
            nominees.organizer_id = eligible.organizer_id
            and nominees.results_year = eligible.results_year
            and eligible.is_lower_flag
    left join first_organizer_flags
        on nominees.organizer_id = first_organizer_flags.organizer_id
    where
        not nominees.is_lower_flag
        and (
            (nominees.max_share is not null and eligible.organizer_id is null)
            or (
                nominees.requires_prior_flag
                and coalesce(first_organizer_flags.first_flag_year > nominees.results_year, true)
            )
        )

),

gov_flag_without_prior_flag as (

    select
        'GOV_FLAG_WITHOUT_PRIOR_FLAG' as rule_code,
        flags.* exclude (flags.award_status_vi, flags.ranked_cluster_name),
        first_provincial_flags.first_flag_year as observed_value,
        flags.results_year as allowed_value,
        format(
            'Government flag ({}) to {}, which holds no provincial flag up to {}{}',
            flags.award_status, flags.unit_name, flags.results_year,
            coalesce(' (first one: ' || first_provincial_flags.first_flag_year || ')', '')
        ) as detail,
        format(
            'Cờ thi đua của Chính phủ ({}) cho {} chưa có Cờ thi đua của tỉnh đến năm {}',
            flags.award_status_vi, flags.unit_name, flags.results_year
        ) as detail_vi

    from flags
    left join first_provincial_flags
        on
            flags.organizer_id = first_provincial_flags.organizer_id
            and flags.unit_id = first_provincial_flags.unit_id
    inner join first_organizer_flags
        on
            flags.organizer_id = first_organizer_flags.organizer_id
            and flags.results_year >= first_organizer_flags.first_flag_year
    where
        flags.award_type_code = 'GOV_FLAG'
        and flags.gov_flag_requires_prior_provincial_flag
        and flags.unit_id is not null
        and coalesce(first_provincial_flags.first_flag_year > flags.results_year, true)

),

provincial_flag_more_than_one as (

    select
        'PROV_FLAG_MORE_THAN_ONE' as rule_code,
        provincial_flags.organizer_id,
        provincial_flags.cluster_id,
        provincial_flags.results_year,
        provincial_flags.award_type_code,
        provincial_flags.n_flags as observed_value,
        provincial_flags.flags_per_leading_unit * greatest(1, coalesce(cluster_results.n_leading_units, 0))
            as allowed_value,
        format(
            '{} provincial flags in {} for {} leading unit(s); {} per leading unit in practice',
            provincial_flags.n_flags, coalesce(flag_clusters.cluster_name, provincial_flags.cluster_id),
            greatest(1, coalesce(cluster_results.n_leading_units, 0)), provincial_flags.flags_per_leading_unit
        ) as detail,
        format(
            '{} Cờ thi đua của tỉnh trong {} cho {} đơn vị dẫn đầu',
            provincial_flags.n_flags, coalesce(flag_clusters.cluster_name, provincial_flags.cluster_id),
            greatest(1, coalesce(cluster_results.n_leading_units, 0))
        ) as detail_vi,
        provincial_flags.is_synthetic,
        provincial_flags.record.source_kind,
        provincial_flags.record.source_ref,
        provincial_flags.record.source_url,
        provincial_flags.record.source_file,
        provincial_flags.record.source_sheet,
        provincial_flags.record.source_row

    from provincial_flags
    left join cluster_years as flag_clusters
        on
            provincial_flags.cluster_id = flag_clusters.cluster_id
            and provincial_flags.results_year = flag_clusters.results_year
    left join cluster_results
        on
            provincial_flags.organizer_id = cluster_results.organizer_id
            and provincial_flags.cluster_id = cluster_results.cluster_id
            and provincial_flags.results_year = cluster_results.results_year
    where
        provincial_flags.n_flags
        > provincial_flags.flags_per_leading_unit * greatest(1, coalesce(cluster_results.n_leading_units, 0))

),

provincial_flag_not_first as (

    select
        'PROV_FLAG_NOT_FIRST' as rule_code,
        * exclude (rank_in_ranked_cluster, award_status_vi, ranked_cluster_name),
        rank_in_ranked_cluster as observed_value,
        1 as allowed_value,
        format(
            'Provincial flag ({}) to {} ranked {} in {} (by {}); the flag goes to the leading unit',
            award_status, unit_name, rank_in_ranked_cluster, ranked_cluster_name, ranked_cluster_rank_basis
        ) as detail,
        format(
            'Cờ thi đua của tỉnh ({}) cho {} xếp thứ {} trong {}; Cờ dành cho đơn vị dẫn đầu',
            award_status_vi, unit_name, rank_in_ranked_cluster, ranked_cluster_name
        ) as detail_vi

    from flags
    where
        is_lower_flag
        and provincial_flags_per_leading_unit is not null
        and rank_in_ranked_cluster > 1

),

-- a flag whose unit has no known rank, where a rule needs the rank: cannot be checked
flag_rank_unknown as (

    select
        'FLAG_RANK_UNKNOWN' as rule_code,
        * exclude (award_status_vi, ranked_cluster_name),
        format(
            '{} ({}) to {}: no rank of the unit is known for {}', award_name_en, award_status, unit_name, results_year
        ) as detail,
        format('{} ({}) cho {}: chưa biết thứ hạng năm {}', award_name_vi, award_status_vi, unit_name, results_year)
            as detail_vi

    from flags
    where
        unit_id is not null
        and rank_in_ranked_cluster is null
        and (
            (is_lower_flag and provincial_flags_per_leading_unit is not null)
            or (award_type_code = 'GOV_FLAG' and gov_flag_requires_leading_unit)
        )

),

-- a flag whose source does not name the unit: no flag rule can be checked
award_unit_not_named as (

    select
        'AWARD_UNIT_NOT_NAMED' as rule_code,
        * exclude (award_status_vi, ranked_cluster_name),
        format(
            '{} ({}): the source does not name the unit, so no flag rule can be checked', award_name_en, award_status
        ) as detail,
        format('{} ({}): nguồn không nêu tên đơn vị, không kiểm tra được', award_name_vi, award_status_vi)
            as detail_vi

    from flags
    where unit_id is null

),

-- the cluster-years fct_cluster_year finds whose leader is not a member (is_leader_not_member:
-- the one definition, also read by the dashboard), cited from the leader's own unit-year record
-- when it has one, else from the record that names the leader
leader_not_member as (

    select
        'LEADER_NOT_MEMBER' as rule_code,
        cluster_years.organizer_id,
        cluster_years.cluster_id,
        cluster_years.results_year,
        cluster_years.leader_unit_id as unit_id,
        cluster_years.leader_name as unit_name,
        format(
            '{} is recorded as leader of {} in {} but is not among the members it scored or ranked',
            cluster_years.leader_name, cluster_years.cluster_name, cluster_years.results_year
        ) as detail,
        format(
            '{} được ghi là Cụm/Khối trưởng {} năm {} nhưng không có trong danh sách chấm điểm, xếp hạng',
            cluster_years.leader_name, cluster_years.cluster_name, cluster_years.results_year
        ) as detail_vi,
        -- synthetic when both the leader's record and the results it is missing from are
        coalesce(leader_years.is_synthetic, cluster_years.is_leader_synthetic, true)
        and coalesce(cluster_results.is_results_synthetic, true) as is_synthetic,
        coalesce(leader_years.source_kind, cluster_years.leader_source_kind) as source_kind,
        coalesce(leader_years.source_ref, cluster_years.leader_source_ref) as source_ref,
        leader_years.source_url,
        leader_years.source_file,
        leader_years.source_sheet,
        leader_years.source_row

    from cluster_years
    left join unit_years as leader_years
        on
            cluster_years.organizer_id = leader_years.organizer_id
            and cluster_years.cluster_id = leader_years.cluster_id
            and cluster_years.results_year = leader_years.results_year
            and cluster_years.leader_unit_id = leader_years.unit_id
    left join cluster_results
        on
            cluster_years.organizer_id = cluster_results.organizer_id
            and cluster_years.cluster_id = cluster_results.cluster_id
            and cluster_years.results_year = cluster_results.results_year
    where cluster_years.is_leader_not_member

),

rank_contradicts_scores as (

    select
        'RANK_CONTRADICTS_SCORES' as rule_code,
        unit_years.organizer_id,
        unit_years.cluster_id,
        unit_years.results_year,
        unit_years.unit_id,
        unit_years.unit_name,
        unit_years.declared_rank as observed_value,
        unit_years.rank_by_score as allowed_value,
        format(
            '{} declared rank {} in {}, rank {} by score',
            unit_years.unit_name, unit_years.declared_rank,
            coalesce(rank_clusters.cluster_name, unit_years.cluster_id), unit_years.rank_by_score
        ) as detail,
        format(
            '{} công bố xếp thứ {} trong {}, theo điểm xếp thứ {}',
            unit_years.unit_name, unit_years.declared_rank,
            coalesce(rank_clusters.cluster_name, unit_years.cluster_id), unit_years.rank_by_score
        ) as detail_vi,
        -- about the declared rank and the scores, whatever the membership's source; cited from
        -- the declared rank's own record
        unit_years.is_rank_synthetic and unit_years.is_score_synthetic as is_synthetic,
        unit_years.rank_source_kind as source_kind,
        unit_years.rank_source_ref as source_ref,
        unit_years.rank_source_url as source_url,
        unit_years.rank_source_file as source_file,
        unit_years.rank_source_sheet as source_sheet,
        unit_years.rank_source_row as source_row

    from unit_years
    left join cluster_years as rank_clusters
        on
            unit_years.cluster_id = rank_clusters.cluster_id
            and unit_years.results_year = rank_clusters.results_year
    where unit_years.is_rank_mismatch

),

no_year_end_review as (

    select
        'NO_YEAR_END_REVIEW' as rule_code,
        organizer_id,
        cluster_id,
        results_year,
        events_held as observed_value,
        format('{} {}: {} event(s) recorded, none a year-end review', cluster_name, results_year, events_held)
            as detail,
        format('{} năm {}: không có hội nghị tổng kết', cluster_name, results_year) as detail_vi,
        is_synthetic,
        source_kind,
        source_ref,
        source_url,
        source_file,
        source_sheet,
        source_row

    from cluster_years
    -- a cluster-year known only from its elected leadership (the year ahead) has no records yet
    where
        not has_year_end_review
        and (named_member_count is not null or events_held > 0 or awards_proposed > 0)

),

findings as (

    select * from gov_flag_not_leading_unit
    union all by name
    select * from gov_flag_over_quota
    union all by name
    select * from gov_flag_eligibility_unknown
    union all by name
    select * from gov_flag_without_prior_flag
    union all by name
    select * from provincial_flag_more_than_one
    union all by name
    select * from provincial_flag_not_first
    union all by name
    select * from flag_rank_unknown
    union all by name
    select * from award_unit_not_named
    union all by name
    select * from leader_not_member
    union all by name
    select * from rank_contradicts_scores
    union all by name
    select * from no_year_end_review

),

final as (

    select
        {{ surrogate_key(['findings.rule_code', 'findings.award_id', 'findings.organizer_id', 'findings.cluster_id',
                          'findings.results_year', 'findings.unit_id']) }} as finding_id,
        findings.rule_code,
        rules.name_vi as rule_name_vi,
        rules.name_en as rule_name_en,
        rules.rule_kind,
        rules.severity,
        rules.record_grain,
        findings.organizer_id,
        findings.results_year,
        findings.cluster_id,
        findings.unit_id,
        findings.unit_name,
        findings.award_id,
        findings.award_type_code,
        findings.award_status,
        years.regime_id,
        years.regime_basis_vi,
        years.regime_basis_en,
        findings.observed_value,
        findings.allowed_value,
        findings.detail,
        findings.detail_vi,
        findings.is_synthetic,
        findings.source_kind,
        findings.source_ref,
        findings.source_url,
        findings.source_file,
        findings.source_sheet,
        findings.source_row

    from findings
    inner join rules
        on findings.rule_code = rules.rule_code
    left join years
        on findings.results_year = years.results_year
    left join award_types
        on findings.award_type_code = award_types.award_type_code
    -- a rule checks only the awards of the systems it belongs to
    where
        coalesce(rules.award_systems, '') = ''
        or list_contains(string_split(rules.award_systems, ' '), award_types.issuer_kind)

)

select
    cast(finding_id as varchar) as finding_id,
    cast(rule_code as varchar) as rule_code,
    cast(rule_name_vi as varchar) as rule_name_vi,
    cast(rule_name_en as varchar) as rule_name_en,
    cast(rule_kind as varchar) as rule_kind,
    cast(severity as varchar) as severity,
    cast(record_grain as varchar) as record_grain,
    cast(organizer_id as varchar) as organizer_id,
    cast(results_year as integer) as results_year,
    cast(cluster_id as varchar) as cluster_id,
    cast(unit_id as varchar) as unit_id,
    cast(unit_name as varchar) as unit_name,
    cast(award_id as varchar) as award_id,
    cast(award_type_code as varchar) as award_type_code,
    cast(award_status as varchar) as award_status,
    cast(regime_id as varchar) as regime_id,
    cast(regime_basis_vi as varchar) as regime_basis_vi,
    cast(regime_basis_en as varchar) as regime_basis_en,
    cast(observed_value as double) as observed_value,
    cast(allowed_value as double) as allowed_value,
    cast(detail as varchar) as detail,
    cast(detail_vi as varchar) as detail_vi,
    cast(is_synthetic as boolean) as is_synthetic,
    cast(source_kind as varchar) as source_kind,
    cast(source_ref as varchar) as source_ref,
    cast(source_url as varchar) as source_url,
    cast(source_file as varchar) as source_file,
    cast(source_sheet as varchar) as source_sheet,
    cast(source_row as integer) as source_row
from final
