"""The dashboard's cached readers: what the pages call to read the warehouse (they hold no SQL).

Each reader runs the query of the same name from `thidua.query.dashboard` (one module per page,
with its `q_*` builders) through `thidua.query.read`: a fresh read-only attach per query, so a new
publish is seen and a build is never blocked. Cached readers take the publish stamp as an
argument: it is part of the cache key, so a publish (a new file) makes every cached answer stale
at once without a restart or a TTL. A user's own SQL runs in the sandbox instead (`run_user_sql`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import polars as pl
import streamlit as st

from thidua.query.dashboard.awards import (
    q_award_funnel,
    q_award_list,
    q_award_types,
    q_compliance,
    q_compliance_rules,
    q_compliance_scope,
    q_legal_regimes,
)
from thidua.query.dashboard.changes import q_change_years, q_cluster_changes, q_unit_changes
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
from thidua.query.dashboard.search import q_search_names
from thidua.query.dashboard.sidebar import (
    FALLBACK_YEARS,
    PublishInfo,
    q_last_publish,
    q_organizers,
    q_synthetic_in_view,
    q_year_bounds,
)
from thidua.query.dashboard.sql import (
    SQL_MEMORY_LIMIT,
    SQL_ROW_CAP,
    SQL_TIMEOUT_S,
    q_schema_columns,
    q_schema_tables,
)
from thidua.query.dashboard.units import (
    q_unit_awards,
    q_unit_family,
    q_unit_history,
    q_unit_lineage,
    q_unit_options,
)
from thidua.query.read import read_query
from thidua.query.sandbox import UntrustedResult, run_untrusted


def run(db: str, query: Query) -> pl.DataFrame:
    return read_query(db, query.sql, query.params or None)


P = ParamSpec("P")
R = TypeVar("R")


if not st.runtime.exists():
    # Imported outside a Streamlit server (the benchmark, plain scripts): every cached reader would
    # log "No runtime found, using MemoryCacheStorageManager". Harmless there; keep it quiet.
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)


def _cached(func: Callable[P, R]) -> Callable[P, R]:
    """st.cache_data with the settings every reader here shares."""
    return st.cache_data(show_spinner=False, max_entries=64)(func)


# --- sidebar -------------------------------------------------------------------------------------


@_cached
def year_bounds(db: str, stamp: str) -> tuple[int, int]:
    """First and last results year with any fact; a fallback range when there are none."""
    first, last = run(db, q_year_bounds()).row(0)
    if first is None or last is None:
        return FALLBACK_YEARS
    return int(first), int(last)


@_cached
def organizers(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_organizers())


@_cached
def last_publish(db: str, stamp: str) -> PublishInfo:
    frame = run(db, q_last_publish())
    if frame.is_empty():
        return PublishInfo(None, None)
    published_at, version = frame.row(0)
    return PublishInfo(published_at, version)


@_cached
def synthetic_in_view(db: str, stamp: str, f: Filters) -> bool:
    """Whether any fact under the filters' years, organiser and kind holds a generated value."""
    return bool(run(db, q_synthetic_in_view(f)).item())


# --- overview ------------------------------------------------------------------------------------


@_cached
def key_figures(db: str, stamp: str, f: Filters) -> dict[str, int]:
    """Counts for the metric tiles: each visible count and its part from real sources.

    `rows_real` / `rows_total` ignore the synthetic switch on purpose: they measure how much of
    the selection is real, which is what the analyst needs to judge the charts.
    """
    frame = run(db, q_key_figures(f))
    return {name: int(value or 0) for name, value in frame.row(0, named=True).items()}


@_cached
def cluster_trend(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Mean share of the maximum per cluster and results year (cluster-years with scores).

    `mode` = 'cluster': one row per cluster-year; 'band' (more than MAX_CLUSTER_LINES clusters):
    one row per year with the median (mean_share_of_max) and the 10/25/75/90 % quantiles.
    The share is a score value: its flag and source are the score group's (a real cluster-year
    with generated scores is a generated point, and is left out when generated values are hidden).
    """
    return run(db, q_cluster_trend(f))


@_cached
def events_by_year(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    return run(db, q_events_by_year(f))


@_cached
def events_coverage(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Which clusters held which events in which results year.

    `mode` = 'cluster': one row per cluster-year with booleans; 'share' (many clusters): one row per
    year with the share of cluster-years that held each kind of event (in the has_* columns).
    The counts are the events group's values: a cluster-year whose events are partly generated is
    a generated cell, left out when generated values are hidden.
    """
    return run(db, q_events_coverage(f))


@_cached
def awards_by_type(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    return run(db, q_awards_by_type(f))


@_cached
def real_facts(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Every fact from a real source in the selection, with its source.

    One row per membership, declared rank, event and award; `code` holds the role, event type or
    award status for the presentation layer to translate. Unknown values stay null. A declared rank
    counts as real only when the ranking record itself is real (`is_rank_synthetic`), and is cited
    with the ranking's own source (`rank_source_*`), never the row's.
    """
    return run(db, q_real_facts(f))


# --- one cluster (Cụm / Khối) --------------------------------------------------------------------


@_cached
def cluster_options(db: str, stamp: str, f: Filters, pinned: tuple[str, ...] = ()) -> pl.DataFrame:
    """Clusters with any record in the selection: the choices of the cluster pickers.

    A hidden synthetic cluster is one no real source attests (dim_cluster.is_synthetic). At most
    CLUSTER_OPTION_CAP + 1 rows (one more tells the page to ask for a narrower filter); the
    `pinned` clusters (those in the URL) come first.
    """
    return run(db, q_cluster_options(f, pinned))


@_cached
def cluster_profile(db: str, stamp: str, cluster_id: str) -> pl.DataFrame:
    return run(db, q_cluster_profile(cluster_id))


@_cached
def cluster_years(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    """One row per results year of one cluster: roster size, leadership, leading unit, events.

    Each value group (leader, deputies, leading unit, scores, events, awards, member count) carries
    its own flag and source; with generated values hidden, a generated one is NULL. The mart's
    answers come as they are: whether the leader is not a member (`is_leader_not_member`) and
    whether the flag went to the unit ranked first (`is_flag_to_top_unit`), each with its reason.
    """
    return run(db, q_cluster_years(f, cluster_id))


@_cached
def cluster_roster(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    """Members of one cluster per results year, with their role and the source of each row."""
    return run(db, q_cluster_roster(f, cluster_id))


@_cached
def cluster_results(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    """Scores and ranks of every unit-year of one cluster (bump chart, spread, checks).

    `rank` is the mart's effective rank (declared where published, else by score). Every value
    group (membership, scores, declared rank, rank by score, effective rank) carries its own flag;
    the membership, score and declared-rank groups their source too. With generated values
    hidden, a generated value is NULL while the row's real values stay.
    """
    return run(db, q_cluster_results(f, cluster_id))


@_cached
def cluster_leadership(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    """Leader and deputies per results year, and whether the deputy went on to lead."""
    return run(db, q_cluster_leadership(f, cluster_id))


@_cached
def cluster_criteria(db: str, stamp: str, f: Filters, cluster_id: str, year: int) -> pl.DataFrame:
    """One cluster-year's criterion scores per unit, criterion and scorer kind (self/peer/agreed).

    Aggregated in SQL: the national tier holds tens of millions of criterion-score rows.
    `is_final_basis` marks the scorer kind the unit's final score is built on (the mart's
    score_basis: agreed, else peer, else self).
    """
    return run(db, q_cluster_criteria(f, cluster_id, year))


@_cached
def cluster_events(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    return run(db, q_cluster_events(f, cluster_id))


@_cached
def cluster_awards(db: str, stamp: str, f: Filters, cluster_id: str) -> pl.DataFrame:
    return run(db, q_cluster_awards(f, cluster_id))


# --- one unit (Đơn vị) ---------------------------------------------------------------------------


@_cached
def unit_options(
    db: str, stamp: str, f: Filters, found: tuple[str, ...] | None, unit_id: str | None
) -> pl.DataFrame:
    """Units with a membership in the selection, the one in the URL first; with `found` (the
    units a name search found, best first: search_box.find), only those, in that order.

    At most UNIT_OPTION_CAP + 1 rows: one more than the cap tells the page to ask for a search.
    """
    return run(db, q_unit_options(f, found, unit_id))


@_cached
def unit_family(db: str, stamp: str, unit_id: str) -> pl.DataFrame:
    """The unit, its current successor and every unit that ends in the same successor.

    That family is what a trend follows across the 2025 merges (dim_unit.successor_unit_id).
    """
    return run(db, q_unit_family(unit_id))


@_cached
def unit_lineage(db: str, stamp: str, unit_id: str) -> pl.DataFrame:
    """The reorganisation edges (merged_into, split_into, renamed_to) around the unit's family."""
    return run(db, q_unit_lineage(unit_id))


@_cached
def unit_history(db: str, stamp: str, f: Filters, unit_id: str) -> pl.DataFrame:
    """Every unit-year of the unit's family, lined up by the current successor.

    Role, scores, declared rank, effective rank and awards each carry their own flag and source
    (the row-level source describes the record that puts the unit-year in the table).
    """
    return run(db, q_unit_history(f, unit_id))


@_cached
def unit_awards(db: str, stamp: str, f: Filters, unit_id: str) -> pl.DataFrame:
    return run(db, q_unit_awards(f, unit_id))


# --- search (the box on every page) --------------------------------------------------------------


@_cached
def search_names(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """The spellings the search box looks in (q_search_names): a few per unit and cluster."""
    return run(db, q_search_names(f))


# --- awards (Khen thưởng) ------------------------------------------------------------------------


@_cached
def award_funnel(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Proposed -> approved -> decided counts by year, by award type and by cluster, in one pass.

    The cluster grouping keeps the MAX_CLUSTER_LINES clusters with the most proposals.

    Every award was proposed first; `approved` counts those whose latest status is approved or
    decided (fct_cluster_year uses the same rule).
    """
    return run(db, q_award_funnel(f))


@_cached
def award_list(
    db: str, stamp: str, f: Filters, status: str | None, award_type: str | None
) -> pl.DataFrame:
    """The awards themselves, newest first; one row past the cap tells the page it was cut."""
    return run(db, q_award_list(f, status, award_type))


@_cached
def award_types(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_award_types())


@_cached
def compliance(
    db: str, stamp: str, f: Filters, year: int | None = None, cluster_id: str | None = None
) -> pl.DataFrame:
    """Award compliance findings (one per rule break) with the legal regime in force.

    `year` and `cluster_id` narrow the sidebar's selection to one results year or one cluster
    (the compliance tab's own filters); None keeps every one.
    """
    return run(db, q_compliance(f, year, cluster_id))


@_cached
def compliance_scope(db: str, stamp: str, f: Filters) -> pl.DataFrame:
    """Findings per results year and cluster in the selection: the choices of the compliance
    tab's year and cluster filters (a cluster-less finding, an organiser's quota, has none)."""
    return run(db, q_compliance_scope(f))


@_cached
def legal_regimes(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_legal_regimes())


@_cached
def compliance_rules(db: str, stamp: str) -> pl.DataFrame:
    """The rules the compliance mart checks and where they apply (seed compliance_rules)."""
    return run(db, q_compliance_rules())


# --- compare (So sánh) ---------------------------------------------------------------------------


@_cached
def compare_years(db: str, stamp: str, f: Filters, cluster_ids: tuple[str, ...]) -> pl.DataFrame:
    """Share of maximum and award rate (the mart's decided awards per member) per cluster-year.

    Each value follows its own group's flag (scores, awards, member count, leading unit, award
    rate: generated when its awards or its member count are).
    """
    return run(db, q_compare_years(f, cluster_ids))


@_cached
def compare_rank_changes(
    db: str, stamp: str, f: Filters, cluster_ids: tuple[str, ...]
) -> pl.DataFrame:
    """Rank stability per cluster-year: the mean absolute change of the units' rank from the
    year before (mart_cluster_changes of consecutive years, where the measure is defined: the
    rank that counts, units followed through the reorganisations, only units ranked both years).
    Blank when its ranks are generated and generated values are hidden.
    """
    return run(db, q_compare_rank_changes(f, cluster_ids))


# --- changes (Thay đổi) --------------------------------------------------------------------------


@_cached
def change_years(db: str, stamp: str, f: Filters) -> list[int]:
    """Results years with a cluster-year in the selection: the base and end years to pick from."""
    return [int(y) for y in run(db, q_change_years(f))["results_year"].to_list()]


@_cached
def cluster_changes(
    db: str, stamp: str, f: Filters, base: int, end: int, sort: str
) -> pl.DataFrame:
    """Every cluster of the selection with a row in both years, most improved first.

    The measures are mart_cluster_changes' (change in mean share of the maximum, places gained
    among the organiser's clusters of the kind, the units' rank stability); the page only picks
    the years and the order (`sort`: 'share' or 'rank'). A change resting on a generated value
    is blank when generated values are hidden, and sorts last.
    """
    return run(db, q_cluster_changes(f, base, end, sort))


@_cached
def unit_changes(db: str, stamp: str, f: Filters, base: int, end: int, sort: str) -> pl.DataFrame:
    """Every unit of the selection in the same cluster in both years, most improved first.

    The measures are mart_unit_changes' (change in share of the maximum, places gained in the
    cluster, the unit followed to its successor); the page only picks the years and the order.
    """
    return run(db, q_unit_changes(f, base, end, sort))


# --- data quality (Chất lượng dữ liệu) -----------------------------------------------------------


@_cached
def publish_history(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_publish_history())


@_cached
def dbt_results(db: str, stamp: str) -> pl.DataFrame:
    """Every node of the published build (seeds, models, tests) with its status; problems first."""
    return run(db, q_dbt_results())


@_cached
def load_ledger(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_load_ledger())


@_cached
def gx_summary(db: str, stamp: str) -> pl.DataFrame:
    """Great Expectations results per record type, over the latest validation of each file."""
    return run(db, q_gx_summary())


@_cached
def gx_latest(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_gx_latest())


@_cached
def quarantine(db: str, stamp: str) -> pl.DataFrame:
    """Quarantined rows with the rule they broke, newest load first (capped)."""
    return run(db, q_quarantine())


@_cached
def quarantine_by_rule(db: str, stamp: str) -> pl.DataFrame:
    return run(db, q_quarantine_by_rule())


@_cached
def unresolved_names(db: str, stamp: str) -> pl.DataFrame:
    """Names the loader could not resolve in the latest load of each file, with candidates.

    The same list as `thidua aliases list`, read from the published copy of the ledger.
    """
    return run(db, q_unresolved_names())


# --- SQL page ------------------------------------------------------------------------------------


@_cached
def schema_tables(db: str, stamp: str) -> pl.DataFrame:
    """The tables a user can query, with the description the build stored (if any)."""
    return run(db, q_schema_tables())


@_cached
def schema_columns(db: str, stamp: str) -> pl.DataFrame:
    """Every column of the browsable tables with its type and stored description (if any)."""
    return run(db, q_schema_columns())


def run_user_sql(db: str, sql: str) -> UntrustedResult:
    """A user's own query, in the sandbox. Not cached: it is cheap to rerun and may be anything."""
    return run_untrusted(
        db,
        sql,
        row_cap=SQL_ROW_CAP,
        timeout_s=SQL_TIMEOUT_S,
        memory_limit=SQL_MEMORY_LIMIT,
    )
