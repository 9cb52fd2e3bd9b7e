"""The queries each page runs on a first visit, with the parameters a typical analyst would
pick: what `make bench` times, and what tests/test_app.py checks against the pages themselves."""

from __future__ import annotations

from dataclasses import dataclass

from thidua.query.dashboard.awards import (
    q_award_funnel,
    q_award_list,
    q_award_types,
    q_compliance,
    q_compliance_rules,
    q_compliance_scope,
    q_legal_regimes,
)
from thidua.query.dashboard.changes import (
    CHANGE_SORTS,
    q_change_years,
    q_cluster_changes,
    q_unit_changes,
)
from thidua.query.dashboard.clusters import (
    q_cluster_awards,
    q_cluster_criteria,
    q_cluster_events,
    q_cluster_leadership,
    q_cluster_options,
    q_cluster_profile,
    q_cluster_results,
    q_cluster_roster,
    q_cluster_years,
)
from thidua.query.dashboard.common import Filters, Query
from thidua.query.dashboard.compare import q_compare_rank_changes, q_compare_years
from thidua.query.dashboard.overview import (
    q_awards_by_type,
    q_cluster_trend,
    q_events_by_year,
    q_events_coverage,
    q_key_figures,
    q_real_facts,
)
from thidua.query.dashboard.quality import (
    q_dbt_results,
    q_gx_latest,
    q_gx_summary,
    q_load_ledger,
    q_publish_history,
    q_quarantine,
    q_quarantine_by_rule,
    q_unresolved_names,
)
from thidua.query.dashboard.sidebar import (
    FALLBACK_YEARS,
    q_last_publish,
    q_organizers,
    q_synthetic_in_view,
    q_year_bounds,
)
from thidua.query.dashboard.sql import q_schema_columns, q_schema_tables
from thidua.query.dashboard.units import (
    q_unit_awards,
    q_unit_family,
    q_unit_history,
    q_unit_lineage,
    q_unit_options,
)
from thidua.query.read import read_query


@dataclass(frozen=True)
class Representative:
    """Parameters a typical analyst would pick, taken from the warehouse itself."""

    filters: Filters
    cluster_id: str
    year: int
    unit_id: str
    cluster_ids: tuple[str, ...]


def q_representative() -> Query:
    return Query(
        "representative",
        """
        with busiest_clusters as (
            select cluster_id, count(*) as n, max(results_year) as last_year
            from marts.fct_unit_year_scores
            group by all
            order by n desc, cluster_id
            limit 4
        ),
        busiest_unit as (
            select successor_unit_id as unit_id, count(*) as n
            from marts.fct_unit_year_scores
            group by all
            order by n desc, unit_id
            limit 1
        )
        select
            (select min(results_year) from marts.fct_cluster_year) as first_year,
            (select max(results_year) from marts.fct_cluster_year) as last_year,
            (select list(cluster_id order by n desc, cluster_id) from busiest_clusters)
                as cluster_ids,
            (select max(last_year) from busiest_clusters) as year,
            (select unit_id from busiest_unit) as unit_id
        """,
    )


def representative(db: str) -> Representative:
    query = q_representative()
    first, last, cluster_ids, year, unit_id = read_query(db, query.sql).row(0)
    clusters = tuple(cluster_ids or ())
    return Representative(
        filters=Filters(years=(int(first or FALLBACK_YEARS[0]), int(last or FALLBACK_YEARS[1]))),
        cluster_id=clusters[0] if clusters else "",
        year=int(year or last or FALLBACK_YEARS[1]),
        unit_id=str(unit_id or ""),
        cluster_ids=clusters,
    )


def page_queries(db: str, rep: Representative | None = None) -> dict[str, list[Query]]:
    """Page -> the queries that page runs on a first visit, with representative parameters.

    Keys are the pages' URL paths. The sidebar's queries run on every page and are listed once
    under "sidebar". The SQL page's user query is not listed (it is whatever the user types).
    Usage from the benchmark: `for q in page_queries(db)[page]: read_query(db, q.sql, q.params)`.
    """
    r = rep or representative(db)
    f = r.filters
    return {
        "sidebar": [q_year_bounds(), q_organizers(), q_last_publish(), q_synthetic_in_view(f)],
        "tong-quan": [
            q_key_figures(f),
            q_cluster_trend(f),
            q_events_by_year(f),
            q_events_coverage(f),
            q_awards_by_type(f),
            q_real_facts(f),
        ],
        "cum-khoi": [
            q_cluster_options(f, (r.cluster_id,)),
            q_cluster_profile(r.cluster_id),
            q_cluster_years(f, r.cluster_id),
            q_cluster_roster(f, r.cluster_id),
            q_cluster_leadership(f, r.cluster_id),
            q_cluster_results(f, r.cluster_id),
            q_cluster_criteria(f, r.cluster_id, r.year),
            q_cluster_events(f, r.cluster_id),
            q_cluster_awards(f, r.cluster_id),
        ],
        "don-vi": [
            q_unit_options(f, None, r.unit_id),
            q_unit_family(r.unit_id),
            q_unit_lineage(r.unit_id),
            q_unit_history(f, r.unit_id),
            q_unit_awards(f, r.unit_id),
        ],
        "khen-thuong": [
            q_award_types(),
            q_award_funnel(f),
            q_compliance_scope(f),
            q_compliance(f),
            q_legal_regimes(),
            q_compliance_rules(),
            q_award_list(f, None, None),
        ],
        "so-sanh": [
            q_cluster_options(f, r.cluster_ids),
            q_compare_years(f, r.cluster_ids),
            q_compare_rank_changes(f, r.cluster_ids),
        ],
        "thay-doi": [
            q_change_years(f),
            q_cluster_changes(f, f.years[0], f.years[1], CHANGE_SORTS[0]),
            q_unit_changes(f, f.years[0], f.years[1], CHANGE_SORTS[0]),
        ],
        "chat-luong": [
            q_publish_history(),
            q_dbt_results(),
            q_load_ledger(),
            q_gx_summary(),
            q_gx_latest(),
            q_quarantine_by_rule(),
            q_quarantine(),
            q_unresolved_names(),
        ],
        "sql": [q_schema_tables(), q_schema_columns()],
    }
