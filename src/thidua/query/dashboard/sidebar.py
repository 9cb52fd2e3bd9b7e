"""The queries every page runs around its own: the sidebar's (the years with data, the
organisers, the last publish) and whether the view holds synthetic data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from thidua.query.dashboard.common import Filters, Query, filter_params, filters_where

# The years the sidebar offers when the warehouse holds no fact yet.
FALLBACK_YEARS = (2015, 2025)


@dataclass(frozen=True)
class PublishInfo:
    published_at: datetime | None
    version: str | None


def q_year_bounds() -> Query:
    return Query(
        "year_bounds",
        """
        select min(results_year) as first_year, max(results_year) as last_year
        from (
            select results_year from marts.fct_cluster_year
            union all select results_year from marts.fct_memberships
            union all select results_year from marts.fct_events
            union all select results_year from marts.fct_awards
        )
        """,
    )


def q_organizers() -> Query:
    return Query(
        "organizers",
        """
        select organizer_id, organizer_name, organizer_name_en
        from marts.dim_organizer
        order by organizer_name
        """,
    )


def q_last_publish() -> Query:
    return Query(
        "last_publish",
        """
        select published_at, thidua_version
        from meta.publish_log
        order by published_at desc
        limit 1
        """,
    )


# Every fact a page can show, and how a row of it says it holds a generated value: the note under
# each page's title says "synthetic data is shown" only when the view holds some.
_GENERATED_ROWS = {
    "fct_cluster_year": "f.source_mix <> 'real'",
    "fct_unit_year_scores": "f.source_mix <> 'real'",
    "fct_memberships": "f.is_synthetic",
    "fct_leadership": "f.is_synthetic or f.is_previous_year_synthetic or f.is_next_year_synthetic",
    "fct_events": "f.is_synthetic",
    "fct_awards": "f.is_synthetic",
    "fct_criterion_scores": "f.is_synthetic",
}


def q_synthetic_in_view(f: Filters) -> Query:
    """Whether any fact under the sidebar's years, organiser and kind holds a generated value."""
    where = filters_where("f", "c")
    parts = " union all ".join(
        f"select 1 from marts.{fact} as f"
        f" left join marts.dim_cluster as c on c.cluster_id = f.cluster_id"
        f" where {where} and ({generated})"
        for fact, generated in _GENERATED_ROWS.items()
    )
    return Query(
        "synthetic_in_view",
        f"select exists({parts}) as has_synthetic",
        filter_params(f, synthetic=False),
    )
