"""The SQL of the Word reports (app/report_docx.py): a cluster's year, and a unit's history.

Marts only, and every rule stays in them: the rank that counts (`effective_rank`), the leading
unit, the member count, the compliance findings, the next year's leadership are read as the
marts state them, never worked out here. The queries run only when someone asks for a report
(the download button's callable), so they are not cached and not in the pages' registry.

The "show synthetic data" switch works as on the pages: switched off, rows that are generated
through and through are left out, and each generated value of a real row is blank (NULL), by its
own group's flag. The flags themselves are kept, so the report can say what is generated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import polars as pl

from thidua.query.dashboard.common import Filters, Query, shown_value, visible_rows
from thidua.query.dashboard.units import SAME_ENTITY_SUCCESSORS

# The one rule for hiding generated values, and the unit's family, as the pages apply them.
from thidua.query.read import read_query

# --- one cluster, one results year ---------------------------------------------------------------


def run(db: str, query: Query) -> pl.DataFrame:
    return read_query(db, query.sql, query.params or None)


def _cluster_year_params(f: Filters, cluster_id: str, year: int) -> dict[str, object]:
    return {"cluster_id": cluster_id, "year": year, "include_synthetic": f.include_synthetic}


def q_report_cluster_header(f: Filters, cluster_id: str, year: int) -> Query:
    return Query(
        "report_cluster_header",
        f"""
        select
            c.cluster_id, c.cluster_name, c.cluster_cycle, c.is_synthetic as is_cluster_synthetic,
            o.organizer_name, o.organizer_name_en,
            y.results_year is not null as has_year,
            coalesce(y.results_year_label, $year::varchar) as results_year_label,
            {shown_value("y", "member_count", "is_member_count_synthetic")},
            {shown_value("y", "named_member_count", "is_member_count_synthetic")},
            y.stated_member_count, y.is_member_count_synthetic,
            {shown_value("y", "leader_name", "is_leader_synthetic")},
            y.is_leader_synthetic, y.leader_source_ref,
            {shown_value("y", "deputy_names", "is_deputy_synthetic")},
            y.is_deputy_synthetic, y.deputy_source_ref,
            {shown_value("y", "top_unit_name", "is_top_unit_synthetic")},
            {shown_value("y", "top_unit_basis", "is_top_unit_synthetic")},
            y.is_top_unit_synthetic, y.top_unit_source_ref,
            {shown_value("y", "units_scored", "is_score_synthetic")},
            {shown_value("y", "rank_mismatches", "is_score_synthetic")},
            y.is_score_synthetic,
            d.regime_basis_vi, d.regime_basis_en
        from marts.dim_cluster as c
        left join marts.dim_organizer as o using (organizer_id)
        left join marts.fct_cluster_year as y
            on y.cluster_id = c.cluster_id and y.results_year = $year and {visible_rows("y")}
        left join marts.dim_year as d on d.results_year = $year
        where c.cluster_id = $cluster_id
        """,
        _cluster_year_params(f, cluster_id, year),
    )


def q_report_roster(f: Filters, cluster_id: str, year: int) -> Query:
    return Query(
        "report_roster",
        f"""
        select
            m.unit_id, m.unit_name, m.unit_name_raw, m.role, m.role_order, m.is_synthetic,
            m.source_ref
        from marts.fct_memberships as m
        where m.cluster_id = $cluster_id and m.results_year = $year and {visible_rows("m")}
        order by
            case m.role when 'leader' then 1 when 'deputy' then 2 when 'member' then 3 else 4 end,
            m.role_order nulls last, m.unit_name
        """,
        _cluster_year_params(f, cluster_id, year),
    )


def q_report_leadership(f: Filters, cluster_id: str, year: int) -> Query:
    """The year's leader and deputies, and those of the year after (elected at this year's
    year-end review): `results_year` tells them apart."""
    return Query(
        "report_leadership",
        f"""
        select
            l.results_year, l.role, l.role_order, l.unit_id, l.unit_name,
            {shown_value("l", "was_deputy_previous_year", "is_previous_year_synthetic")},
            {shown_value("l", "is_leader_next_year", "is_next_year_synthetic")},
            l.is_previous_year_synthetic, l.is_next_year_synthetic,
            l.is_synthetic, l.source_ref
        from marts.fct_leadership as l
        where l.cluster_id = $cluster_id and l.results_year in ($year, $year + 1)
            and {visible_rows("l")}
        order by l.results_year, l.role desc, l.role_order nulls last, l.unit_name
        """,
        _cluster_year_params(f, cluster_id, year),
    )


def q_report_scores(f: Filters, cluster_id: str, year: int) -> Query:
    return Query(
        "report_scores",
        f"""
        select
            s.unit_id, s.unit_name,
            {shown_value("s", "final_score", "is_score_synthetic")},
            {shown_value("s", "max_score", "is_score_synthetic")},
            {shown_value("s", "share_of_max", "is_score_synthetic")},
            {shown_value("s", "declared_rank", "is_rank_synthetic")},
            {shown_value("s", "classification", "is_rank_synthetic")},
            {shown_value("s", "rank_by_score", "is_rank_by_score_synthetic")},
            {shown_value("s", "effective_rank", "is_effective_rank_synthetic")},
            {shown_value("s", "effective_rank_basis", "is_effective_rank_synthetic")},
            s.is_score_synthetic, s.is_rank_synthetic, s.is_rank_by_score_synthetic,
            s.is_effective_rank_synthetic, s.score_source_ref, s.rank_source_ref, s.is_synthetic
        from marts.fct_unit_year_scores as s
        where s.cluster_id = $cluster_id and s.results_year = $year and {visible_rows("s")}
        order by effective_rank nulls last, rank_by_score nulls last, s.unit_name
        """,
        _cluster_year_params(f, cluster_id, year),
    )


def q_report_awards(f: Filters, cluster_id: str, year: int) -> Query:
    return Query(
        "report_awards",
        f"""
        select
            a.award_id, a.unit_id, a.unit_name, a.is_unit_known, a.award_type_code,
            a.award_name_vi, a.award_name_en, a.issuer, a.status, a.decision_no,
            a.decision_date, a.is_synthetic, a.source_ref
        from marts.fct_awards as a
        left join marts.dim_award_type as t using (award_type_code)
        where a.cluster_id = $cluster_id and a.results_year = $year and {visible_rows("a")}
        order by coalesce(t.rank_order, 99), a.unit_name nulls last
        """,
        _cluster_year_params(f, cluster_id, year),
    )


def _compliance_columns(fact: str) -> str:
    return (
        f"{fact}.finding_id, {fact}.severity, {fact}.rule_name_vi, {fact}.rule_name_en,"
        f" {fact}.detail_vi, {fact}.detail as detail_en, {fact}.unit_name, {fact}.award_id,"
        f" {fact}.results_year, {fact}.regime_basis_vi, {fact}.regime_basis_en,"
        f" {fact}.is_synthetic, {fact}.source_ref"
    )


_SEVERITY_ORDER = "case severity when 'error' then 1 when 'warning' then 2 else 3 end"


def q_report_compliance(f: Filters, cluster_id: str, year: int) -> Query:
    return Query(
        "report_compliance",
        f"""
        select {_compliance_columns("c")}
        from marts.mart_award_compliance as c
        where c.cluster_id = $cluster_id and c.results_year = $year and {visible_rows("c")}
        order by {_SEVERITY_ORDER}, c.unit_name nulls last, c.rule_name_vi
        """,
        _cluster_year_params(f, cluster_id, year),
    )


def q_report_events(f: Filters, cluster_id: str, year: int) -> Query:
    return Query(
        "report_events",
        f"""
        select
            e.event_type, e.event_date, e.end_date, e.event_period, e.event_date_precision,
            e.event_date_raw, e.part_of_day, e.host_name, e.document_no, e.is_synthetic,
            e.source_ref
        from marts.fct_events as e
        where e.cluster_id = $cluster_id and e.results_year = $year and {visible_rows("e")}
        order by e.event_period nulls last, e.event_type
        """,
        _cluster_year_params(f, cluster_id, year),
    )


# --- one unit, across the years ------------------------------------------------------------------


def _unit_params(f: Filters, unit_id: str) -> dict[str, object]:
    return {
        "unit_id": unit_id,
        "year_from": f.years[0],
        "year_to": f.years[1],
        "include_synthetic": f.include_synthetic,
    }


def q_report_unit_header(unit_id: str) -> Query:
    return Query(
        "report_unit_header",
        """
        select
            u.unit_id, u.unit_name, u.short_name, u.successor_unit_id, u.successor_unit_name,
            u.successor_relation, u.successor_effective_date, u.is_current,
            o.organizer_name, o.organizer_name_en
        from marts.dim_unit as u
        left join marts.dim_organizer as o using (organizer_id)
        where u.unit_id = $unit_id
        """,
        {"unit_id": unit_id},
    )


def q_report_unit_history(f: Filters, unit_id: str) -> Query:
    return Query(
        "report_unit_history",
        f"""
        select
            h.results_year, h.unit_id, h.unit_name, h.cluster_id, c.cluster_name,
            {shown_value("h", "role", "is_membership_synthetic")},
            {shown_value("h", "final_score", "is_score_synthetic")},
            {shown_value("h", "max_score", "is_score_synthetic")},
            {shown_value("h", "share_of_max", "is_score_synthetic")},
            {shown_value("h", "declared_rank", "is_rank_synthetic")},
            {shown_value("h", "rank_by_score", "is_rank_by_score_synthetic")},
            {shown_value("h", "effective_rank", "is_effective_rank_synthetic")},
            {shown_value("h", "effective_rank_basis", "is_effective_rank_synthetic")},
            {shown_value("h", "member_count", "is_member_count_synthetic")},
            {shown_value("h", "award_names", "is_awards_synthetic")},
            h.is_membership_synthetic, h.is_score_synthetic, h.is_rank_synthetic,
            h.is_rank_by_score_synthetic, h.is_effective_rank_synthetic,
            h.is_member_count_synthetic, h.is_awards_synthetic,
            h.membership_source_ref, h.score_source_ref, h.rank_source_ref, h.awards_source_ref,
            h.is_synthetic
        from marts.unit_history as h
        left join marts.dim_cluster as c using (cluster_id)
        where h.current_unit_id in ({SAME_ENTITY_SUCCESSORS})
            and h.results_year between $year_from and $year_to and {visible_rows("h")}
        order by h.results_year, c.cluster_name
        """,
        _unit_params(f, unit_id),
    )


def _family(fact: str) -> str:
    return (
        f"{fact}.unit_id in (select unit_id from marts.dim_unit"
        f" where successor_unit_id in ({SAME_ENTITY_SUCCESSORS}))"
        f" and {fact}.results_year between $year_from and $year_to and {visible_rows(fact)}"
    )


def q_report_unit_awards(f: Filters, unit_id: str) -> Query:
    return Query(
        "report_unit_awards",
        f"""
        select
            a.award_id, a.results_year, a.unit_id, a.unit_name, c.cluster_name,
            a.award_type_code, a.award_name_vi, a.award_name_en, a.issuer, a.status,
            a.decision_no, a.decision_date, a.is_synthetic, a.source_ref
        from marts.fct_awards as a
        left join marts.dim_cluster as c using (cluster_id)
        left join marts.dim_award_type as t using (award_type_code)
        where {_family("a")}
        order by a.results_year, coalesce(t.rank_order, 99)
        """,
        _unit_params(f, unit_id),
    )


def q_report_unit_compliance(f: Filters, unit_id: str) -> Query:
    return Query(
        "report_unit_compliance",
        f"""
        select {_compliance_columns("c")}
        from marts.mart_award_compliance as c
        where {_family("c")}
        order by c.results_year, {_SEVERITY_ORDER}, c.rule_name_vi
        """,
        _unit_params(f, unit_id),
    )


# --- sources -------------------------------------------------------------------------------------


def q_report_sources(refs: Iterable[str]) -> Query:
    return Query(
        "report_sources",
        """
        select source_id, source_kind, publisher, title, published_on, url, document_no
        from marts.dim_source
        where list_contains($refs::varchar[], source_id)
        """,
        {"refs": sorted(set(refs))},
    )


def cited_refs(*frames: pl.DataFrame) -> list[str]:
    """Every source reference the frames cite (`…source_ref` columns, "; "-separated lists)."""
    refs: dict[str, None] = {}
    for frame in frames:
        for name in frame.columns:
            if name.endswith("source_ref"):
                for value in frame[name].drop_nulls().to_list():
                    refs.update(dict.fromkeys(r.strip() for r in str(value).split(";")))
    refs.pop("", None)
    return list(refs)


# --- what a report is built from -----------------------------------------------------------------


@dataclass(frozen=True)
class ClusterYearFacts:
    """Everything "Báo cáo kết quả thi đua" of one cluster and results year states."""

    cluster_id: str
    year: int
    include_synthetic: bool
    header: dict[str, Any]
    roster: pl.DataFrame
    leadership: pl.DataFrame
    scores: pl.DataFrame
    awards: pl.DataFrame
    compliance: pl.DataFrame
    events: pl.DataFrame
    sources: pl.DataFrame


def cluster_year_facts(db: str, f: Filters, cluster_id: str, year: int) -> ClusterYearFacts:
    header = run(db, q_report_cluster_header(f, cluster_id, year))
    if header.is_empty():
        raise KeyError(cluster_id)
    frames = {
        name: run(db, query(f, cluster_id, year))
        for name, query in (
            ("roster", q_report_roster),
            ("leadership", q_report_leadership),
            ("scores", q_report_scores),
            ("awards", q_report_awards),
            ("compliance", q_report_compliance),
            ("events", q_report_events),
        )
    }
    return ClusterYearFacts(
        cluster_id=cluster_id,
        year=year,
        include_synthetic=f.include_synthetic,
        header=header.row(0, named=True),
        sources=run(db, q_report_sources(cited_refs(header, *frames.values()))),
        **frames,
    )


@dataclass(frozen=True)
class UnitHistoryFacts:
    """Everything "Quá trình thi đua của đơn vị" states for one unit over the chosen years."""

    unit_id: str
    years: tuple[int, int]
    include_synthetic: bool
    header: dict[str, Any]
    history: pl.DataFrame
    awards: pl.DataFrame
    compliance: pl.DataFrame
    sources: pl.DataFrame


def unit_history_facts(db: str, f: Filters, unit_id: str) -> UnitHistoryFacts:
    header = run(db, q_report_unit_header(unit_id))
    if header.is_empty():
        raise KeyError(unit_id)
    history = run(db, q_report_unit_history(f, unit_id))
    awards = run(db, q_report_unit_awards(f, unit_id))
    compliance = run(db, q_report_unit_compliance(f, unit_id))
    return UnitHistoryFacts(
        unit_id=unit_id,
        years=f.years,
        include_synthetic=f.include_synthetic,
        header=header.row(0, named=True),
        history=history,
        awards=awards,
        compliance=compliance,
        sources=run(db, q_report_sources(cited_refs(history, awards, compliance))),
    )
