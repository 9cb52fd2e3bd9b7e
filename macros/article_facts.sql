{#-
    The facts the five seed news articles state (seeds/sources.csv, article:000 to article:004),
    in one place: the article tests compare the marts with them, and
    assert_article_values_are_stated checks that no value labelled with an article says more.
    Each macro is a VALUES list; the column names are given where it is used.
-#}

{#- columns: cluster_id, results_year, award_type_code, expected_status, expected_source_ref #}
{% macro article_facts_awards() -%}
    values
    ('th-ubnd:cum-07', 2016, 'GOV_FLAG', 'proposed', 'article:004'),
    ('th-ubnd:cum-07', 2016, 'PROV_FLAG', 'proposed', 'article:004')
{%- endmacro %}

{#- columns: cluster_id, results_year, event_type, event_date, end_date, part_of_day, host_unit_id, source_ref #}
{% macro article_facts_events() -%}
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
{%- endmacro %}

{#- columns: cluster_id, results_year, leader_unit_id, deputy_unit_id, top_unit_id #}
{% macro article_facts_leadership() -%}
    values
    ('th-ubnd:cum-08', 2021, 'th-so-ngoai-vu', 'th-ban-dan-toc', 'th-ban-dan-toc'),
    ('th-ubnd:cum-08', 2022, 'th-ban-dan-toc', 'th-so-tu-phap', null),
    ('th-ubnd:cum-05', 2022, 'th-so-gddt', null, null)
{%- endmacro %}

{#- columns: cluster_id, results_year, unit_id, expected_rank, expected_source_ref #}
{% macro article_facts_ranking() -%}
    values
    ('th-ubnd:cum-08', 2021, 'th-ban-dan-toc', 1, 'article:002'),
    ('th-ubnd:cum-08', 2021, 'th-so-tu-phap', 2, 'article:002'),
    ('th-ubnd:cum-08', 2021, 'th-so-noi-vu', 3, 'article:002')
{%- endmacro %}

{#- columns: cluster_id, results_year, unit_id, expected_role, expected_source_ref #}
{% macro article_facts_rosters() -%}
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
{%- endmacro %}

{#- Whether the bundled sample is part of this warehouse: some record cites a seed article.
    The article tests hold the sample's facts, so they judge only a warehouse that holds the
    sample; another organiser's warehouse, started from its own files, builds without them. #}
{% macro sample_in_warehouse() -%}
    exists (
        select 1 from {{ ref('stg_raw__memberships') }} where source_ref like 'article:00_'
        union all
        select 1 from {{ ref('stg_raw__rankings') }} where source_ref like 'article:00_'
        union all
        select 1 from {{ ref('stg_raw__events') }} where source_ref like 'article:00_'
        union all
        select 1 from {{ ref('stg_raw__awards') }} where source_ref like 'article:00_'
    )
{%- endmacro %}
