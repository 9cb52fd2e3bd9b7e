"""The national tier simulated one results year at a time, organiser by organiser.

Each cluster-year draws from its own random stream (seed, cluster, year) and each organiser-year
from its own (seed, organiser, year), so nothing depends on the order in which clusters are
processed or on which other clusters the tier holds. What a cluster carries from one year to
the next (leadership, criteria table, ranking method, last year-end review) and the provincial
flags an organiser has given are the only state; a year's rows go to the writers as soon as the
year is done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from thidua.contract.records import RECORD_TYPES
from thidua.generate.national_awards import (
    Award,
    ClusterOutcome,
    decision_day,
    province_awards,
    system_awards,
)
from thidua.generate.national_criteria import SCALES, CriteriaTable, criteria_table
from thidua.generate.national_events import Leadership, choose_leadership, plan_events
from thidua.generate.national_layout import ClusterPlan, Layout
from thidua.generate.national_names import Spellings
from thidua.generate.national_scores import ScoreSheet, Strengths, draw_sheet
from thidua.generate.national_units import LAST_YEAR, stable_int
from thidua.generate.national_writers import ScoreBatches, Strings, arrow_schema, table
from thidua.generate.reference import Reference

_SCALE_WEIGHTS = np.array([0.7, 0.3])  # 100-point tables are the more common
_SCALE_SWITCH = 0.06
_CRITERIA_REVISION = 0.15
_METHOD_SWITCH = 0.1
_RANK_SWAP = 0.04  # declared ranks that contradict the scores: the warehouse should flag them
EXCELLENT = "Hoàn thành xuất sắc nhiệm vụ"
GOOD = "Hoàn thành tốt nhiệm vụ"
_EVENT_NOTES = {
    "covenant_signing": "ký giao ước thi đua năm {year}",
    "mid_year_review": "sơ kết công tác thi đua 6 tháng đầu năm {year}",
    "year_end_review": "tổng kết công tác thi đua năm {year}",
}
YEAR_TYPES = ("memberships", "rankings", "events", "awards")


@dataclass(frozen=True)
class RankSwap:
    """A declared ranking that contradicts the scores on purpose: two findings for the
    warehouse (RANK_CONTRADICTS_SCORES), one per unit."""

    cluster_id: str
    results_year: int
    unit_ids: tuple[str, str]
    ranks: tuple[int, int]


@dataclass
class _ClusterState:
    leadership: Leadership | None = None
    criteria: CriteriaTable | None = None
    method: str = "score"
    last_review: dt.date | None = None


def excellent_count(members: int) -> int:
    """How many of a cluster's units are rated "completed tasks excellently": the top ~40 %."""
    return min(members - 1, max(3, round(0.4 * members)))


class Rows:
    """One record type's rows of one year, column by column."""

    def __init__(self, record_type: str, source_ref: str) -> None:
        self.record_type = record_type
        self.names = [c.name for c in RECORD_TYPES[record_type].columns]
        self.columns: dict[str, list[Any]] = {name: [] for name in self.names}
        self.provenance = {"source_kind": "synthetic", "source_ref": source_ref}

    def add(self, **values: Any) -> None:
        values.update(self.provenance)
        for name in self.names:
            self.columns[name].append(values.get(name))

    def table(self) -> pa.Table:
        return table(arrow_schema(self.record_type), self.columns, len(self.columns["source_kind"]))


@dataclass
class _TableIds:
    codes: np.ndarray
    groups: np.ndarray
    names: np.ndarray


@dataclass
class NationalSimulation:
    seed: int
    layout: Layout
    reference: Reference
    strings: Strings
    swaps: list[RankSwap] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.source_ref = f"synthetic:national:seed={self.seed}"
        self.strengths = Strengths(self.seed)
        self.spell = Spellings(self.layout, self.strings)
        self.prime_minister = self.reference.award_issuers["GOV_FLAG"]
        self._state: dict[str, _ClusterState] = {}
        self._holders: dict[str, set[str]] = {}
        self._table_ids: dict[CriteriaTable, _TableIds] = {}
        self._by_organizer: dict[str, list[ClusterPlan]] = {}
        for plan in self.layout.clusters:
            self._by_organizer.setdefault(plan.organizer_id, []).append(plan)
        self._plans = {plan.cluster_id: plan for plan in self.layout.clusters}

    def _rng(self, key: str, year: int) -> np.random.Generator:
        sequence = np.random.SeedSequence(self.seed, spawn_key=(stable_int(key), year))
        return np.random.Generator(np.random.PCG64(sequence))

    # --- reference and clusters -------------------------------------------------------------

    def organizer_rows(self) -> pa.Table:
        rows = Rows("organizers", self.source_ref)
        for o in self.layout.organizers:
            rows.add(
                organizer_id=o.organizer_id,
                name=o.name,
                name_en=o.name_en,
                short_name=o.short_name,
                level=o.level,
                province=o.province,
                note=o.note,
            )
        return rows.table()

    def unit_rows(self) -> pa.Table:
        rows = Rows("units", self.source_ref)
        for u in self.layout.units.values():
            rows.add(
                unit_id=u.unit_id,
                name=u.name,
                short_name=u.short_name,
                unit_type=u.unit_type,
                organizer=u.organizer_id,
                valid_from=u.valid_from,
                valid_to=u.valid_to,
                note=u.note,
            )
        return rows.table()

    def cluster_rows(self) -> pa.Table:
        rows = Rows("clusters", self.source_ref)
        for plan in self.layout.clusters:
            rows.add(
                organizer=self.layout.organizer(plan.organizer_id).short_name,
                cluster=plan.ref,
                name=plan.name,
                valid_from_year=plan.first_year,
                valid_to_year=None if plan.last_year == LAST_YEAR else plan.last_year,
                note=plan.note,
            )
        return rows.table()

    # --- one results year -------------------------------------------------------------------

    def year(self, year: int, scores: ScoreBatches) -> dict[str, Rows]:
        rows = {name: Rows(name, self.source_ref) for name in YEAR_TYPES}
        regime = self.reference.regime(year)
        for organizer in self.layout.organizers:
            plans = [p for p in self._by_organizer[organizer.organizer_id] if year in p.rosters]
            if not plans:
                continue
            rng = self._rng(f"organizer:{organizer.organizer_id}", year)
            day = decision_day(rng, year)
            outcomes = [self._cluster_year(p, year, day, rows, scores) for p in plans]
            if organizer.level == "province":
                holders = self._holders.setdefault(organizer.organizer_id, set())
                awards = province_awards(
                    rng, organizer, year, outcomes, day, regime, holders, self.prime_minister
                )
                holders |= {a.unit_id for a in awards if a.award_type == "PROV_FLAG"}
            else:
                awards = system_awards(
                    rng, organizer, year, outcomes, day, regime, self.prime_minister
                )
            self._award_rows(rng, organizer.organizer_id, awards, year, rows["awards"])
        return rows

    def _award_rows(
        self,
        rng: np.random.Generator,
        organizer_id: str,
        awards: list[Award],
        year: int,
        rows: Rows,
    ) -> None:
        """The organiser-year's award decisions: one document, so one spelling per name."""
        organizer = self.spell.organizer(rng, organizer_id)
        clusters: dict[str, str] = {}
        units: dict[str, str] = {}
        for award in awards:
            if award.cluster_id not in clusters:
                clusters[award.cluster_id] = self.spell.cluster(rng, self._plans[award.cluster_id])
            if award.unit_id not in units:
                units.update(self.spell.units(rng, (award.unit_id,)))
            rows.add(
                organizer=organizer,
                cluster=clusters[award.cluster_id],
                results_year=year,
                unit=units[award.unit_id],
                award_type=award.award_type,
                issuer=award.issuer,
                status=award.status,
                decision_no=award.decision_no,
                decision_date=award.decision_date,
                note=award.note,
            )

    def _criteria(
        self, rng: np.random.Generator, plan: ClusterPlan, state: _ClusterState
    ) -> CriteriaTable:
        """The cluster's table: kept from last year, now and then revised or rescaled."""
        if state.criteria is None:
            scale = int(rng.choice(SCALES, p=_SCALE_WEIGHTS))
            state.criteria = criteria_table(rng, plan.theme, scale)
            state.method = "score" if rng.random() < 0.5 else "score_and_vote"
            return state.criteria
        scale = state.criteria.scale
        if rng.random() < _SCALE_SWITCH:
            state.criteria = criteria_table(rng, plan.theme, 1000 if scale == 100 else 100)
        elif rng.random() < _CRITERIA_REVISION:
            state.criteria = criteria_table(rng, plan.theme, scale)
        if rng.random() < _METHOD_SWITCH:
            state.method = "score" if state.method == "score_and_vote" else "score_and_vote"
        return state.criteria

    def _declared(
        self, rng: np.random.Generator, plan: ClusterPlan, year: int, order: list[str]
    ) -> tuple[str, ...]:
        """The ranks as declared: the score order, except for a rare swap of two neighbours."""
        if rng.random() < _RANK_SWAP:
            i = int(rng.integers(len(order) - 1))
            order[i], order[i + 1] = order[i + 1], order[i]
            self.swaps.append(
                RankSwap(plan.cluster_id, year, (order[i], order[i + 1]), (i + 1, i + 2))
            )
        return tuple(order)

    def _cluster_year(
        self,
        plan: ClusterPlan,
        year: int,
        day: dt.date,
        rows: dict[str, Rows],
        scores: ScoreBatches,
    ) -> ClusterOutcome:
        rng = self._rng(plan.cluster_id, year)
        members = plan.rosters[year]
        state = self._state.setdefault(plan.cluster_id, _ClusterState())
        leadership = state.leadership = choose_leadership(rng, members, state.leadership)
        criteria = self._criteria(rng, plan, state)
        sheet = draw_sheet(rng, self.strengths.shares(members, year), criteria)
        order = self._declared(rng, plan, year, [members[int(i)] for i in sheet.order()])

        def common() -> dict[str, Any]:
            return {
                "organizer": self.spell.organizer(rng, plan.organizer_id),
                "cluster": self.spell.cluster(rng, plan),
                "results_year": year,
            }

        base, names = common(), self.spell.units(rng, members)
        for unit_id in members:
            rows["memberships"].add(**base, unit=names[unit_id], role=leadership.role(unit_id))
        self._scores(rng, plan, year, members, criteria, sheet, scores)
        base, names = common(), self.spell.units(rng, members)
        excellent = excellent_count(len(order))
        for rank, unit_id in enumerate(order, start=1):
            rows["rankings"].add(
                **base,
                unit=names[unit_id],
                rank=rank,
                method=state.method,
                classification=EXCELLENT if rank <= excellent else GOOD,
            )
        units = [self.layout.units[u] for u in members]
        events = plan_events(rng, year, units, leadership.leader, state.last_review, day)
        base, names = common(), self.spell.units(rng, members)
        for event in events:
            rows["events"].add(
                **base,
                event_type=event.event_type,
                event_date=event.day,
                part_of_day=event.part_of_day,
                host=names[event.host],
                note=_EVENT_NOTES[event.event_type].format(year=year),
            )
        state.last_review = events[-1].day
        shares = sheet.final / criteria.scale
        return ClusterOutcome(
            plan.cluster_id, order, {u: float(s) for u, s in zip(members, shares, strict=True)}
        )

    def _ids(self, criteria: CriteriaTable) -> _TableIds:
        ids = self._table_ids.get(criteria)
        if ids is None:
            intern = self.strings.id
            ids = self._table_ids[criteria] = _TableIds(
                np.array([intern(c) for c in criteria.codes], dtype=np.int64),
                np.array([intern(g) for g in criteria.groups], dtype=np.int64),
                np.array([intern(n) for n in criteria.names], dtype=np.int64),
            )
        return ids

    def _scores(
        self,
        rng: np.random.Generator,
        plan: ClusterPlan,
        year: int,
        members: tuple[str, ...],
        criteria: CriteriaTable,
        sheet: ScoreSheet,
        scores: ScoreBatches,
    ) -> None:
        """The sheet as columns: rows run scored unit → scorer → criterion."""
        m, c = len(members), len(criteria.maxima)
        n = m * m * c
        written = self.spell.unit_ids(rng, members)
        ids = self._ids(criteria)
        bonus = np.full((m, m, c), np.nan)
        bonus[:, :, criteria.bonus_index] = np.where(sheet.bonus > 0, sheet.bonus, np.nan)[:, None]
        scores.add(
            {
                "organizer": np.full(
                    n, self.strings.id(self.spell.organizer(rng, plan.organizer_id))
                ),
                "cluster": np.full(n, self.strings.id(self.spell.cluster(rng, plan))),
                "results_year": np.full(n, year, dtype=np.int64),
                "unit": np.repeat(written, m * c),
                "scorer": np.tile(np.repeat(written, c), m),
                "criterion": np.tile(ids.codes, m * m),
                "criterion_group": np.tile(ids.groups, m * m),
                "note": np.tile(ids.names, m * m),  # the code is the key; the name for people
                "points": sheet.points.reshape(n),
                "max_points": np.tile(criteria.maxima, m * m),
                "bonus": bonus.reshape(n),
            }
        )
