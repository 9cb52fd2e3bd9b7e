"""The national tier simulated one results year at a time, organiser by organiser.

The domain policy is the province tier's (leadership, criteria, meetings, declared ranks,
awards), each decision drawn from its own stream (seed, decision, cluster or organiser, year);
scores and spellings, drawn as arrays, from a numpy stream per cluster- or organiser-year. So
nothing depends on the order in which clusters are processed or on which other clusters the tier
holds. What a cluster carries from one year to
the next (leadership, criteria table, ranking method, last year-end review) and the provincial
flags an organiser has given are the only state; a year's rows go to the writers as soon as the
year is done.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from thidua.contract.records import RECORD_TYPES
from thidua.generate.awards import (
    Award,
    ClusterResult,
    Issuer,
    decision_day,
    province_awards,
    system_awards,
)
from thidua.generate.criteria import Criterion, table_shape, yearly_table
from thidua.generate.events import plan_events
from thidua.generate.layout import Cluster
from thidua.generate.leadership import choose_leadership
from thidua.generate.names import Spellings
from thidua.generate.national_layout import Layout
from thidua.generate.national_units import FIRST_YEAR, LAST_YEAR, stable_int
from thidua.generate.reference import Reference
from thidua.generate.rows import classification, event_note
from thidua.generate.rule_breaks import ExpectedFinding, swap_findings
from thidua.generate.scoring import (
    CriteriaTable,
    ScoreArray,
    Strengths,
    declared_order,
    draw_score_array,
)
from thidua.generate.simulate import ClusterState
from thidua.generate.writers import ScoreBatches, Strings, arrow_schema, table

_GOV_PROPOSALS = (1, 5)  # leading units an organiser forwards to the Prime Minister a year
YEAR_TYPES = ("memberships", "rankings", "events", "awards")


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
    findings: list[ExpectedFinding] = field(default_factory=list)  # the declared rank swaps

    def __post_init__(self) -> None:
        self.source_ref = f"synthetic:national:seed={self.seed}"
        self.strengths = Strengths(self.seed, FIRST_YEAR)
        self.spell = Spellings(self.layout, self.strings)
        self.prime_minister = self.reference.award_issuers["GOV_FLAG"]
        self._state: dict[str, ClusterState] = {}
        self._holders: dict[str, set[str]] = {}
        self._shape = table_shape("national")
        self._tables: dict[tuple[Criterion, ...], tuple[CriteriaTable, _TableIds]] = {}
        self._by_organizer: dict[str, list[Cluster]] = {}
        for plan in self.layout.clusters:
            self._by_organizer.setdefault(plan.organizer_id, []).append(plan)
        self._plans = {plan.cluster_id: plan for plan in self.layout.clusters}

    def _rng(self, key: str, year: int) -> np.random.Generator:
        sequence = np.random.SeedSequence(self.seed, spawn_key=(stable_int(key), year))
        return np.random.Generator(np.random.PCG64(sequence))

    def _draws(self, *parts: object) -> random.Random:
        """The stream of one policy decision (leadership, criteria, meetings, awards) of one
        cluster- or organiser-year, seeded by a string as the province tier does."""
        return random.Random(":".join(str(p) for p in ("national", self.seed, *parts)))

    # --- reference and clusters -------------------------------------------------------------

    def organizer_rows(self) -> pa.Table:
        rows = Rows("organizers", self.source_ref)
        for o in self.layout.organizers:
            rows.add(**vars(o))  # the contract's columns are fields of the spec
        return rows.table()

    def unit_rows(self) -> pa.Table:
        rows = Rows("units", self.source_ref)
        for u in self.layout.units.values():
            rows.add(**vars(u), organizer=u.organizer_id)
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
            draws = self._draws("awards", organizer.organizer_id, year)
            day = decision_day(draws, year)
            outcomes = [self._cluster_year(p, year, day, rows, scores) for p in plans]
            issuer = Issuer(
                organizer.head, organizer.decision_suffix, self.prime_minister, _GOV_PROPOSALS
            )
            if organizer.level == "province":
                holders = self._holders.setdefault(organizer.organizer_id, set())
                awards = province_awards(draws, year, outcomes, day, regime, holders, issuer)
                holders |= {a.unit_id for a in awards if a.award_type == "PROV_FLAG"}
            else:
                awards = system_awards(draws, organizer.name, year, outcomes, day, regime, issuer)
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

    def _cluster_year(
        self,
        plan: Cluster,
        year: int,
        day: dt.date,
        rows: dict[str, Rows],
        scores: ScoreBatches,
    ) -> ClusterResult:
        rng = self._rng(plan.cluster_id, year)
        members = plan.rosters[year]
        state = self._state.setdefault(plan.cluster_id, ClusterState())
        leadership = state.leadership = choose_leadership(
            self._draws("leadership", plan.cluster_id, year), members, state.leadership
        )
        state.criteria, state.method = yearly_table(
            self._draws("criteria", plan.cluster_id, year),
            plan.theme,
            self._shape,
            state.criteria,
            state.method,
        )
        criteria, ids = self._table(state.criteria)
        sheet = draw_score_array(rng, self.strengths.shares(members, year), criteria)
        order, swapped = declared_order(
            self._draws("declared", plan.cluster_id, year), [members[int(i)] for i in sheet.order()]
        )
        if swapped is not None:
            self.findings += swap_findings(plan.cluster_id, year, order, swapped)

        def common() -> dict[str, Any]:
            return {
                "organizer": self.spell.organizer(rng, plan.organizer_id),
                "cluster": self.spell.cluster(rng, plan),
                "results_year": year,
            }

        base, names = common(), self.spell.units(rng, members)
        for unit_id in members:
            rows["memberships"].add(**base, unit=names[unit_id], role=leadership.role(unit_id))
        self._scores(rng, plan, year, members, criteria, ids, sheet, scores)
        base, names = common(), self.spell.units(rng, members)
        for rank, unit_id in enumerate(order, start=1):
            rows["rankings"].add(
                **base,
                unit=names[unit_id],
                rank=rank,
                method=state.method,
                classification=classification(rank, len(order)),
            )
        units = [self.layout.units[u] for u in members]
        events = plan_events(
            self._draws("events", plan.cluster_id, year),
            year,
            units,
            leadership.leader,
            state.last_review,
            day,
        )
        base, names = common(), self.spell.units(rng, members)
        for event in events:
            rows["events"].add(
                **base,
                event_type=event.event_type,
                event_date=event.day,
                part_of_day=event.part_of_day,
                host=names[event.host],
                note=event_note(event.event_type, year),
            )
        state.last_review = events[-1].day
        shares = sheet.final / criteria.scale
        return ClusterResult(
            plan.cluster_id, order, {u: float(s) for u, s in zip(members, shares, strict=True)}
        )

    def _table(self, criteria: tuple[Criterion, ...]) -> tuple[CriteriaTable, _TableIds]:
        """The table as arrays and its strings' ids, made once per table."""
        found = self._tables.get(criteria)
        if found is None:
            table = CriteriaTable.of(criteria, self._shape.emulation_group)
            intern = self.strings.id
            ids = _TableIds(
                np.array([intern(c) for c in table.codes], dtype=np.int64),
                np.array([intern(g) for g in table.groups], dtype=np.int64),
                np.array([intern(n) for n in table.names], dtype=np.int64),
            )
            found = self._tables[criteria] = (table, ids)
        return found

    def _scores(
        self,
        rng: np.random.Generator,
        plan: Cluster,
        year: int,
        members: tuple[str, ...],
        criteria: CriteriaTable,
        ids: _TableIds,
        sheet: ScoreArray,
        scores: ScoreBatches,
    ) -> None:
        """The sheet as columns: rows run scored unit → scorer → criterion."""
        m, c = len(members), len(criteria.maxima)
        n = m * m * c
        written = self.spell.unit_ids(rng, members)
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
