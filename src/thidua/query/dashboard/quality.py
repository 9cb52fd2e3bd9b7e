"""Chất lượng dữ liệu (data quality): the publish history, the published build's dbt results,
the load ledger, the Great Expectations results, the quarantine and the names left unresolved."""

from __future__ import annotations

from thidua.query.dashboard.common import DETAIL_ROW_CAP, Query


def q_publish_history() -> Query:
    return Query(
        "publish_history",
        """
        select published_at, thidua_version, dbt_seconds, tests_passed, tests_failed
        from meta.publish_log
        order by published_at desc
        limit 200
        """,
    )


def q_dbt_results() -> Query:
    return Query(
        "dbt_results",
        f"""
        select
            resource_type, name, status, message, execution_seconds, unique_id,
            status in ('fail', 'error', 'warn', 'runtime error', 'skipped') as is_problem
        from meta.dbt_results
        order by is_problem desc, resource_type, name
        limit {DETAIL_ROW_CAP}
        """,
    )


def q_load_ledger() -> Query:
    return Query(
        "load_ledger",
        f"""
        select
            load_id, loaded_at, file_name, source_sheet, record_type, status, rows_read,
            rows_loaded, rows_quarantined, rows_read = rows_loaded + rows_quarantined as balances,
            message, file_path, loader_version
        from quality.load_ledger
        order by load_id desc
        limit {DETAIL_ROW_CAP}
        """,
    )


# The latest validation of each file (a re-load of the same content supersedes the older one).
_LATEST_VALIDATIONS = """
    latest as (
        select l.record_type, l.file_name, coalesce(l.source_sheet, '') as sheet_key,
            max(v.load_id) as load_id
        from quality.validation_results as v
        inner join quality.load_ledger as l using (load_id)
        group by all
    )
"""


def q_gx_summary() -> Query:
    return Query(
        "gx_summary",
        f"""
        with {_LATEST_VALIDATIONS}
        select
            v.record_type,
            count(distinct v.load_id) as files,
            count(*) as expectations,
            count(*) filter (where not v.is_success) as failed,
            max(v.element_count) as max_rows_checked,
            sum(v.unexpected_count) as unexpected_rows,
            max(v.validated_at) as last_validated_at
        from quality.validation_results as v
        inner join latest using (load_id)
        group by all
        order by failed desc, v.record_type
        """,
    )


def q_gx_latest() -> Query:
    return Query(
        "gx_latest",
        f"""
        with {_LATEST_VALIDATIONS}
        select
            v.record_type, latest.file_name, v.expectation, v.column_name, v.is_success,
            v.element_count, v.unexpected_count, v.validated_at, v.suite_name
        from quality.validation_results as v
        inner join latest using (load_id)
        order by v.is_success, v.record_type, latest.file_name, v.expectation, v.column_name
        limit {DETAIL_ROW_CAP}
        """,
    )


def q_quarantine() -> Query:
    return Query(
        "quarantine",
        f"""
        select
            q.load_id, q.record_type, q.source_file, q.source_sheet, q.source_row,
            q.column_name, q.value, q.rule, q.message_vi, q.message_en, q.candidates
        from quality.quarantine as q
        order by q.load_id desc, q.source_file, q.source_row
        limit {DETAIL_ROW_CAP + 1}
        """,
    )


def q_quarantine_by_rule() -> Query:
    return Query(
        "quarantine_by_rule",
        """
        select record_type, rule, count(*) as n
        from quality.quarantine
        group by all
        order by n desc, record_type, rule
        """,
    )


def q_unresolved_names() -> Query:
    return Query(
        "unresolved_names",
        """
        with latest as (
            select content_hash, coalesce(source_sheet, '') as sheet_key, max(load_id) as load_id
            from quality.load_ledger
            where status = 'loaded'
            group by all
        )
        select
            q.value as name, q.rule, q.column_name, any_value(q.candidates) as candidates,
            count(*) as rows, string_agg(distinct q.source_file, ', ') as files
        from quality.quarantine as q
        inner join latest using (load_id)
        where q.rule in ('unresolved_name', 'ambiguous_name')
        group by all
        order by rows desc, name
        """,
    )
