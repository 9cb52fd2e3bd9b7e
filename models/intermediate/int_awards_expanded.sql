{#-
    Award records with "các đơn vị còn lại" (the remaining units) written out: such a row stands
    for every member of its cluster-year (memberships in force) that no other award record of
    the same organiser, cluster and year names with an award of the same or a higher rank
    (rank_order at most its own). That is how reports use the phrase: "Cờ thi đua cho Sở A,
    Bằng khen của Chủ tịch UBND tỉnh cho các đơn vị còn lại" gives the certificate to every
    member but Sở A, while a unit that only holds a lower award (a yearly title) is still one of
    "the remaining".
    One row per award record of stg_raw__awards, except that a remaining-units row with members
    to stand for is replaced by one row per member: unit_id is the member, unit_name_raw keeps
    the text as written, is_expanded_from_remaining says so, and the provenance is the written
    row's. A remaining-units row whose cluster-year has no known member stays one row with no
    unit (a unit not named).
-#}
with

awards as (

    select * from {{ ref('stg_raw__awards') }}

),

memberships as (

    select * from {{ ref('stg_raw__memberships') }}

),

award_types as (

    select * from {{ ref('int_award_types_unioned') }}

),

ranked as (

    select
        awards.*,
        award_types.rank_order

    from awards
    left join award_types
        on awards.award_type_code = award_types.award_type_code

),

named as (

    select * from ranked
    where unit_id is not null

),

remaining as (

    select * from ranked
    where is_remaining_units and cluster_id is not null

),

expanded as (

    select
        remaining.award_id as written_award_id,
        {{ surrogate_key(['remaining.organizer_id', 'remaining.cluster_id', 'remaining.results_year',
                          'memberships.unit_id', 'remaining.award_type_code']) }} as award_id,
        memberships.unit_id

    from remaining
    inner join memberships
        on
            remaining.organizer_id = memberships.organizer_id
            and remaining.cluster_id = memberships.cluster_id
            and remaining.results_year = memberships.results_year
    left join named
        on
            remaining.organizer_id = named.organizer_id
            and remaining.cluster_id = named.cluster_id
            and remaining.results_year = named.results_year
            and memberships.unit_id = named.unit_id
            and remaining.rank_order >= named.rank_order
    where named.award_id is null

),

-- the written rows, those replaced by their units aside
kept as (

    select
        awards.*,
        false as is_expanded_from_remaining

    from awards
    where awards.award_id not in (select expanded.written_award_id from expanded)

),

-- one row per unit a written row stands for, with the written row's text and provenance
written_out as (

    select
        awards.* exclude (award_id, unit_id, unit_key),  -- noqa: RF02
        expanded.award_id,
        expanded.unit_id,
        expanded.unit_id as unit_key,
        true as is_expanded_from_remaining

    from expanded
    inner join awards
        on expanded.written_award_id = awards.award_id

),

final as (

    select * from kept
    union all by name
    select * from written_out

)

select * from final  -- noqa: AM04
