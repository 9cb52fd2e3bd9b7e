"""The sidebar's queries, run on every page: the years with data, the organisers, the last
publish."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from thidua.query.dashboard.common import Query

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
