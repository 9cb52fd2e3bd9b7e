{#-
    Each unit -> its current successor, following the lineage edges transitively: merged_into,
    renamed_to and the primary successor of a split_into. A unit with no outgoing edge is its own
    successor (hop_count 0). Cycles and absurd depths are cut.
-#}
with recursive

units as (

    select * from {{ ref('units') }}

),

lineage as (

    select * from {{ ref('unit_lineage') }}

),

successor_edges as (

    select
        from_unit_id,
        to_unit_id,
        relation,
        effective_date

    from lineage
    where relation in ('merged_into', 'renamed_to') or (relation = 'split_into' and is_primary_successor)

),

walk as (

    select
        unit_id,
        unit_id as current_unit_id,
        [unit_id] as unit_path,
        0 as hop_count,
        cast(null as varchar) as first_relation,
        cast(null as date) as last_effective_date

    from units

    union all

    select
        walk.unit_id,
        successor_edges.to_unit_id as current_unit_id,
        list_append(walk.unit_path, successor_edges.to_unit_id) as unit_path,
        walk.hop_count + 1 as hop_count,
        coalesce(walk.first_relation, successor_edges.relation) as first_relation,
        successor_edges.effective_date as last_effective_date

    from walk
    inner join successor_edges
        on walk.current_unit_id = successor_edges.from_unit_id
    where
        not list_contains(walk.unit_path, successor_edges.to_unit_id)
        and walk.hop_count < 20

),

resolved as (

    select
        unit_id,
        current_unit_id as successor_unit_id,
        array_to_string(unit_path, ' → ') as lineage_path,
        hop_count,
        first_relation,
        last_effective_date as successor_effective_date

    from walk
    qualify row_number() over (partition by unit_id order by hop_count desc) = 1

)

select * from resolved
