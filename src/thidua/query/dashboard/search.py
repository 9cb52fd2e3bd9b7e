"""The names the search box above every page looks in."""

from __future__ import annotations

from thidua.query.dashboard.common import Filters, Query, visible_rows


def q_search_names(f: Filters) -> Query:
    """Every spelling of every unit and cluster the search box can find under the filters.

    One row per (unit or cluster, spelling): a unit's canonical name, short name, id and its
    aliases (marts.dim_unit_alias: the seed's and those loaded with `thidua aliases add`); a
    cluster's name and id. Units with a membership and clusters with a cluster-year under the
    organiser (and, for clusters, kind) filter and the synthetic switch; not narrowed by years,
    so a name is found whatever years are selected (the page it opens says when they hold
    nothing).

    The candidates are ranked in Python by thidua.query.name_search (its docstring has the details),
    not in SQL: names are compared by the project's match_key and fold, which DuckDB does not
    have. Best first: (0) the same name as a spelling, or a cluster named by kind and number,
    Arabic or Roman; (1) every typed word accounted for by a spelling's words or their initials
    ("STP"); (2) the typed text, without diacritics, part of a spelling; (3) only when nothing
    else matched, a close spelling (typos). A province at the end of the text is also tried
    without it, among that province's names only.
    """
    return Query(
        "search_names",
        f"""
        with units as (
            select u.unit_id, u.unit_name, u.short_name, u.organizer_id
            from marts.dim_unit as u
            where u.unit_id in (
                select m.unit_id
                from marts.fct_memberships as m
                where ($organizer_id is null or m.organizer_id = $organizer_id)
                    and {visible_rows("m")}
            )
        ),
        unit_names as (
            select unit_id, unit_name, unit_name as spelling, organizer_id from units
            union
            select unit_id, unit_name, short_name, organizer_id
            from units where short_name is not null
            union
            select unit_id, unit_name, unit_id, organizer_id from units
            union
            select units.unit_id, units.unit_name, a.alias, units.organizer_id
            from marts.dim_unit_alias as a
            inner join units using (unit_id)
        ),
        clusters as (
            select c.cluster_id, c.cluster_name, c.cluster_kind, c.cluster_number, c.organizer_id
            from marts.dim_cluster as c
            where ($organizer_id is null or c.organizer_id = $organizer_id)
                and ($cluster_kind is null or c.cluster_kind = $cluster_kind)
                and {visible_rows("c")}
                and c.cluster_id in (select cluster_id from marts.fct_cluster_year)
        ),
        cluster_names as (
            select cluster_id, cluster_name, cluster_name as spelling, cluster_kind, cluster_number,
                organizer_id
            from clusters
            union
            select cluster_id, cluster_name, cluster_id, cluster_kind, cluster_number, organizer_id
            from clusters
        )
        select
            'unit' as kind, n.unit_id as target_id, n.unit_name as label, n.spelling, o.province,
            null::varchar as cluster_kind, null::integer as cluster_number
        from unit_names as n
        left join marts.dim_organizer as o using (organizer_id)
        union all
        select
            'cluster' as kind, n.cluster_id as target_id, n.cluster_name as label, n.spelling,
            o.province, n.cluster_kind, n.cluster_number
        from cluster_names as n
        left join marts.dim_organizer as o using (organizer_id)
        order by kind desc, target_id, spelling
        """,
        {
            "organizer_id": f.organizer_id,
            "cluster_kind": f.cluster_kind,
            "include_synthetic": f.include_synthetic,
        },
    )
