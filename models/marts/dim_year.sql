with

fingerprints as (

    select * from {{ ref('stg_raw__year_fingerprints') }}

),

regimes as (

    select * from {{ ref('legal_regimes') }}

),

-- every results year from the first to the last any raw record speaks of, gaps included
bounds as (

    select
        min(results_year) as first_year,
        max(results_year) as last_year

    from fingerprints

),

years as (

    select cast(unnest(generate_series(first_year, last_year)) as integer) as results_year
    from bounds

),

years_with_records as (

    select distinct results_year
    from fingerprints

),

final as (

    select
        years.results_year,
        make_date(years.results_year, 1, 1) as calendar_start,
        make_date(years.results_year, 12, 31) as calendar_end,
        -- education clusters follow the school year (September to May): the one whose results
        -- are reviewed in this results year's summer is the school year of record
        (years.results_year - 1) || '-' || years.results_year as school_year,
        (years.results_year - 1) || '-' || years.results_year as school_year_ending,
        make_date(years.results_year - 1, 9, 1) as school_year_ending_start,
        make_date(years.results_year, 5, 31) as school_year_ending_end,
        years.results_year || '-' || (years.results_year + 1) as school_year_starting,
        regimes.regime_id,
        regimes.basis_vi as regime_basis_vi,
        regimes.basis_en as regime_basis_en,
        regimes.from_year as regime_from_year,
        regimes.to_year as regime_to_year,
        regimes.gov_flag_requires_prior_provincial_flag,
        regimes.gov_flag_max_share_of_eligible,
        regimes.gov_flag_requires_leading_unit,
        regimes.provincial_flags_per_leading_unit,
        years_with_records.results_year is not null as has_records

    from years
    left join regimes
        on
            years.results_year >= regimes.from_year
            and (regimes.to_year is null or years.results_year <= regimes.to_year)
    left join years_with_records
        on years.results_year = years_with_records.results_year

)

select
    cast(results_year as integer) as results_year,
    cast(calendar_start as date) as calendar_start,
    cast(calendar_end as date) as calendar_end,
    cast(school_year as varchar) as school_year,
    cast(school_year_ending as varchar) as school_year_ending,
    cast(school_year_ending_start as date) as school_year_ending_start,
    cast(school_year_ending_end as date) as school_year_ending_end,
    cast(school_year_starting as varchar) as school_year_starting,
    cast(regime_id as varchar) as regime_id,
    cast(regime_basis_vi as varchar) as regime_basis_vi,
    cast(regime_basis_en as varchar) as regime_basis_en,
    cast(regime_from_year as integer) as regime_from_year,
    cast(regime_to_year as integer) as regime_to_year,
    cast(gov_flag_requires_prior_provincial_flag as boolean) as gov_flag_requires_prior_provincial_flag,
    cast(gov_flag_max_share_of_eligible as double) as gov_flag_max_share_of_eligible,
    cast(gov_flag_requires_leading_unit as boolean) as gov_flag_requires_leading_unit,
    cast(provincial_flags_per_leading_unit as integer) as provincial_flags_per_leading_unit,
    cast(has_records as boolean) as has_records
from final
