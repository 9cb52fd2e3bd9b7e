"""Truy vấn SQL (the SQL page): the tables and columns a user can query, example queries, and
the limits of the sandbox a user's own query runs in."""

from __future__ import annotations

from thidua.query.dashboard.common import Query

# A user's own query stops at these (the page states the row cap and the time limit).
SQL_ROW_CAP = 10_000
SQL_TIMEOUT_S = 10.0
SQL_MEMORY_LIMIT = "512MB"

# The schema browser lists these, in this order (staging and intermediate stay queryable, unlisted).
BROWSABLE_SCHEMAS = ("marts", "quality", "meta", "reference")


# Example queries for the SQL page, keyed by the i18n id of their title.
EXAMPLE_QUERIES: dict[str, str] = {
    "sql.ex.members": """\
select unit_name, role, source_ref, source_url
from marts.fct_memberships
where cluster_id = 'th-ubnd:cum-08' and results_year = 2021
order by role nulls last, unit_name""",
    "sql.ex.real_facts": """\
select results_year, cluster_id, event_type, event_date, host_name, source_ref, source_url
from marts.fct_events
where not is_synthetic
order by event_date""",
    "sql.ex.trend": """\
select cluster_name, results_year, round(mean_share_of_max, 3) as mean_share,
       is_score_synthetic, score_source_kind
from marts.fct_cluster_year
order by cluster_name, results_year""",
    "sql.ex.leaders": """\
select results_year, cluster_name, leader_name, deputy_names, top_unit_name
from marts.fct_cluster_year
where cluster_id = 'th-ubnd:cum-08'
order by results_year""",
    "sql.ex.mismatch": """\
select results_year, cluster_id, unit_name, declared_rank, rank_by_score, share_of_max
from marts.fct_unit_year_scores
where is_rank_mismatch
order by results_year desc, cluster_id, declared_rank""",
    "sql.ex.awards": """\
select award_name_vi, status, is_synthetic, count(*) as n
from marts.fct_awards
group by all
order by all""",
    "sql.ex.sources": """\
select s.title, s.publisher, s.published_on, s.url, count(*) as facts
from marts.fct_memberships as m
join marts.dim_source as s on s.source_id = m.source_ref
group by all
order by s.published_on""",
    "sql.ex.tables": "show all tables",
}


def q_schema_tables() -> Query:
    """Tables and views alike (marts.fct_criterion_scores is a view); a view stores no rows, so
    its estimated_size is null: unknown, not zero."""
    return Query(
        "schema_tables",
        """
        select
            schema_name, table_name, schema_name || '.' || table_name as qualified_name,
            comment, estimated_size, column_count, false as is_view
        from duckdb_tables()
        where database_name = 'wh' and list_contains($schemas, schema_name)
        union all
        select
            schema_name, view_name, schema_name || '.' || view_name,
            comment, null, column_count, true
        from duckdb_views()
        where database_name = 'wh' and not internal and list_contains($schemas, schema_name)
        order by list_position($schemas, schema_name), table_name
        """,
        {"schemas": list(BROWSABLE_SCHEMAS)},
    )


def q_schema_columns() -> Query:
    return Query(
        "schema_columns",
        """
        select
            schema_name, table_name, schema_name || '.' || table_name as qualified_name,
            column_name, data_type, comment, column_index
        from duckdb_columns()
        where database_name = 'wh' and list_contains($schemas, schema_name)
        order by qualified_name, column_index
        """,
        {"schemas": list(BROWSABLE_SCHEMAS)},
    )
