-- The real (is_synthetic = false) rosters of the cluster-years the seed articles report are
-- exactly the published ones: no unit missing, no unexpected real member, every role the
-- article states (leader / deputy) kept, each fact tied to its article. A role the article does
-- not state is not checked (a later real source may state it).
-- Returns one row per problem.

{{ config(tags=['article_facts'], severity=var('article_facts_severity', 'error')) }}

with

expected (cluster_id, results_year, unit_id, expected_role, expected_source_ref) as (

    values
    -- article:002: Cụm thi đua số 8, year-end review of 2021 held 14/1/2022
    ('th-ubnd:cum-08', 2021, 'th-so-ngoai-vu', 'leader', 'article:002'),
    ('th-ubnd:cum-08', 2021, 'th-ban-dan-toc', 'deputy', 'article:002'),
    ('th-ubnd:cum-08', 2021, 'th-dang-uy-khoi-cqdn', null, 'article:002'),
    ('th-ubnd:cum-08', 2021, 'th-vp-doan-dbqh-hdnd', null, 'article:002'),
    ('th-ubnd:cum-08', 2021, 'th-vp-ubnd', null, 'article:002'),
    ('th-ubnd:cum-08', 2021, 'th-so-noi-vu', null, 'article:002'),
    ('th-ubnd:cum-08', 2021, 'th-thanh-tra', null, 'article:002'),
    ('th-ubnd:cum-08', 2021, 'th-so-tu-phap', null, 'article:002'),
    -- article:002: leadership elected for 2022, covenant 2022 signed by the same 8 units
    ('th-ubnd:cum-08', 2022, 'th-ban-dan-toc', 'leader', 'article:002'),
    ('th-ubnd:cum-08', 2022, 'th-so-tu-phap', 'deputy', 'article:002'),
    ('th-ubnd:cum-08', 2022, 'th-so-ngoai-vu', null, 'article:002'),
    ('th-ubnd:cum-08', 2022, 'th-dang-uy-khoi-cqdn', null, 'article:002'),
    ('th-ubnd:cum-08', 2022, 'th-vp-doan-dbqh-hdnd', null, 'article:002'),
    ('th-ubnd:cum-08', 2022, 'th-vp-ubnd', null, 'article:002'),
    ('th-ubnd:cum-08', 2022, 'th-so-noi-vu', null, 'article:002'),
    ('th-ubnd:cum-08', 2022, 'th-thanh-tra', null, 'article:002'),
    -- article:000: Cụm thi đua số 5, mid-year review 2022, Sở GD&ĐT leads
    ('th-ubnd:cum-05', 2022, 'th-so-gddt', 'leader', 'article:000'),
    ('th-ubnd:cum-05', 2022, 'th-so-vhttdl', null, 'article:000'),
    ('th-ubnd:cum-05', 2022, 'th-so-ldtbxh', null, 'article:000'),
    ('th-ubnd:cum-05', 2022, 'th-so-yte', null, 'article:000'),
    ('th-ubnd:cum-05', 2022, 'th-so-khcn', null, 'article:000'),
    ('th-ubnd:cum-05', 2022, 'th-so-tttt', null, 'article:000'),
    ('th-ubnd:cum-05', 2022, 'th-dai-ptth', null, 'article:000'),
    ('th-ubnd:cum-05', 2022, 'th-bao-thanh-hoa', null, 'article:000'),
    -- article:001: Cụm thi đua số 5, mid-year review 2024, the same 8 units
    ('th-ubnd:cum-05', 2024, 'th-so-gddt', null, 'article:001'),
    ('th-ubnd:cum-05', 2024, 'th-so-vhttdl', null, 'article:001'),
    ('th-ubnd:cum-05', 2024, 'th-so-ldtbxh', null, 'article:001'),
    ('th-ubnd:cum-05', 2024, 'th-so-yte', null, 'article:001'),
    ('th-ubnd:cum-05', 2024, 'th-so-khcn', null, 'article:001'),
    ('th-ubnd:cum-05', 2024, 'th-so-tttt', null, 'article:001'),
    ('th-ubnd:cum-05', 2024, 'th-dai-ptth', null, 'article:001'),
    ('th-ubnd:cum-05', 2024, 'th-bao-thanh-hoa', null, 'article:001'),
    -- article:004: Cụm thi đua số 7, year-end review 2016, 6 members
    ('th-ubnd:cum-07', 2016, 'th-ubmttq', null, 'article:004'),
    ('th-ubnd:cum-07', 2016, 'th-ldld', null, 'article:004'),
    ('th-ubnd:cum-07', 2016, 'th-hoi-nong-dan', null, 'article:004'),
    ('th-ubnd:cum-07', 2016, 'th-hoi-lhpn', null, 'article:004'),
    ('th-ubnd:cum-07', 2016, 'th-hoi-ccb', null, 'article:004'),
    ('th-ubnd:cum-07', 2016, 'th-tinh-doan', null, 'article:004')

),

reported_cluster_years as (

    select distinct
        cluster_id,
        results_year
    from expected

),

actual as (

    select
        memberships.cluster_id,
        memberships.results_year,
        memberships.unit_id,
        memberships.role,
        memberships.source_ref

    from {{ ref('fct_memberships') }} as memberships
    inner join reported_cluster_years
        on
            memberships.cluster_id = reported_cluster_years.cluster_id
            and memberships.results_year = reported_cluster_years.results_year
    where not memberships.is_synthetic

),

compared as (

    select
        coalesce(expected.cluster_id, actual.cluster_id) as cluster_id,
        coalesce(expected.results_year, actual.results_year) as results_year,
        coalesce(expected.unit_id, actual.unit_id) as unit_id,
        expected.expected_role,
        actual.role as actual_role,
        expected.expected_source_ref,
        actual.source_ref as actual_source_ref,
        case
            when actual.unit_id is null then 'published member missing'
            when expected.unit_id is null then 'real member the article does not list'
            when
                expected.expected_role is not null
                and (actual.role is distinct from expected.expected_role)
                then 'role altered'
            when (actual.source_ref is distinct from expected.expected_source_ref) then 'source_ref altered'
        end as problem

    from expected
    full outer join actual
        on
            expected.cluster_id = actual.cluster_id
            and expected.results_year = actual.results_year
            and expected.unit_id = actual.unit_id

)

select * from compared
where problem is not null
