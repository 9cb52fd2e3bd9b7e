-- The events the seed articles report are present as real events with their dates, the part of
-- the day, host and end date where the article states them, and their source.
-- Returns one row per missing or altered event.

{{ config(tags=['article_facts'], severity=var('article_facts_severity', 'error')) }}

with

expected (cluster_id, results_year, event_type, event_date, end_date, part_of_day, host_unit_id, source_ref) as (

    values
    -- article:002: 14/1/2022, year-end review of 2021 and covenant for 2022
    ('th-ubnd:cum-08', 2021, 'year_end_review', date '2022-01-14', null, null, null, 'article:002'),
    ('th-ubnd:cum-08', 2022, 'covenant_signing', date '2022-01-14', null, null, null, 'article:002'),
    -- article:000: afternoon of 15/7/2022; article:001: morning of 30/7/2024
    ('th-ubnd:cum-05', 2022, 'mid_year_review', date '2022-07-15', null, 'afternoon', null, 'article:000'),
    ('th-ubnd:cum-05', 2024, 'mid_year_review', date '2024-07-30', null, 'morning', null, 'article:001'),
    -- article:003: 30/6/2022 mid-year review; third campaign 1/7-31/12/2022
    ('th-ubnd:khoi-cac-co-quan-dang-tinh', 2022, 'mid_year_review', date '2022-06-30', null, null, null, 'article:003'),
    (
        'th-ubnd:khoi-cac-co-quan-dang-tinh', 2022, 'campaign_launch', date '2022-07-01', date '2022-12-31', null, null,
        'article:003'
    ),
    -- article:004: afternoon of 14/12/2016 at the provincial trade union (LĐLĐ tỉnh)
    ('th-ubnd:cum-07', 2016, 'year_end_review', date '2016-12-14', null, 'afternoon', 'th-ldld', 'article:004')

),

actual as (

    select * from {{ ref('fct_events') }}
    where not is_synthetic

),

compared as (

    select
        expected.cluster_id,
        expected.results_year,
        expected.event_type,
        expected.event_date,
        actual.event_id,
        case
            when actual.event_id is null then 'published event missing (or its date altered)'
            when
                expected.part_of_day is not null
                and (actual.part_of_day is distinct from expected.part_of_day)
                then 'part of day altered'
            when
                expected.host_unit_id is not null
                and (actual.host_unit_id is distinct from expected.host_unit_id)
                then 'host altered'
            when
                expected.end_date is not null
                and (actual.end_date is distinct from expected.end_date)
                then 'end date altered'
            when (actual.source_ref is distinct from expected.source_ref) then 'source_ref altered'
        end as problem

    from expected
    left join actual
        on
            expected.cluster_id = actual.cluster_id
            and expected.results_year = actual.results_year
            and expected.event_type = actual.event_type
            and expected.event_date = actual.event_date

)

select * from compared
where problem is not null
