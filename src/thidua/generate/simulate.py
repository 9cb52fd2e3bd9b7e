"""The engine both tiers run, one results year at a time, and the province tier's driver.

Per cluster-year: leadership → criteria table → score sheet → declared order (a rare swap of two
neighbours is a finding, see `rule_breaks`) → meetings → memberships, scores, rankings and
events rows; per organiser-year: awards. Each decision draws from its own stream (seed,
decision, cluster or organiser, year), so nothing depends on the order in which clusters are
processed or on which other clusters a tier holds. What a cluster carries from one year to the
next (`ClusterState`) and the provincial flags an organiser has given are the only state; each
year yields a batch of rows per record type, so a writer can append it and forget it.

A tier is a layout and a scale: it supplies its clusters, how it draws a sheet and spells a
document. Real facts are constraints throughout (the national tier has none): their partitions
get no synthetic memberships, rankings or awards, real events are not duplicated, and scores
agree with a real ranking. The breaks `rule_breaks` plans are planted in synthetic cluster-years.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from thidua.generate import awards, layout, rows
from thidua.generate.criteria import Criterion, table_shape, yearly_table
from thidua.generate.events import Window, plan_events
from thidua.generate.layout import Cluster
from thidua.generate.leadership import Leadership, choose_leadership
from thidua.generate.names import NameWriter, cluster_ref
from thidua.generate.real_facts import REAL_DIR, RealFacts, read_real_facts
from thidua.generate.reference import Lifetime, Reference
from thidua.generate.rosters import seat
from thidua.generate.rule_breaks import PLAN, Plant, RuleBreaks, note, swap_findings
from thidua.generate.scoring import ScoreSheet, Strengths, declared_order, draw_score_sheet
from thidua.generate.writers import Format, RecordWriter, Row
from thidua.ingest.resolve import load_alias_index
from thidua.paths import SEEDS_DIR

Batch = dict[str, list[Row]]
# UBND tỉnh decides its flags and forwards 5–12 of its ~20 leading units for the Government flag.
_ISSUER = awards.Issuer(None, "QĐ-UBND", None, (5, 12))
Sheet = TypeVar("Sheet")


@dataclass
class ClusterState:
    """What a cluster carries from one year to the next."""

    leadership: Leadership | None = None
    criteria: tuple[Criterion, ...] = ()
    method: str = "score"
    last_review: dt.date | None = None


@dataclass(frozen=True)
class Organiser:
    """What the engine needs of an organiser: its name and who decides its awards, and how."""

    written: str  # its name in the clusters file
    issuer: awards.Issuer
    system: str | None = None  # a ministry's or mass organisation's name (None: a province)


class Engine(Generic[Sheet]):
    """The year driver of both tiers. A tier supplies its clusters and organisers, its sheets
    (`_sheet`, `_score_rows`) and its documents (`_document`; its award rows if it likes)."""

    def __init__(
        self,
        seed: int,
        tier: str,
        clusters: tuple[Cluster, ...],
        organizers: dict[str, Organiser],
        reference: Reference,
        member: Callable[[str], Lifetime],
        years: range,
        *,
        real: RealFacts | None = None,
        plan: tuple[Plant, ...] = (),
        formed: dict[int, Window] | None = None,  # results year → covenant window, if late
        ongoing: int | None = None,  # a cluster active in this year has no end in the files
    ) -> None:
        self.seed = seed
        self.source_ref = f"synthetic:{tier}:seed={seed}"
        # the province tier's streams are named as they were before the national tier existed
        self._stream = (seed,) if tier == "province" else (tier, seed)
        self._shape = table_shape(tier)
        self.clusters = clusters
        self.organizers = organizers
        self.reference = reference
        self._member = member
        self.years = years
        self.real = real or RealFacts()
        self.breaks = RuleBreaks(clusters, self.real, plan)
        self.findings = self.breaks.findings
        self._formed = formed or {}
        self._ongoing = ongoing
        self.strengths = Strengths(seed, years[0])
        self._by_id = {cluster.cluster_id: cluster for cluster in clusters}
        self._by_organizer: dict[str, list[Cluster]] = {o: [] for o in organizers}
        for cluster in clusters:
            self._by_organizer[cluster.organizer_id].append(cluster)
        self._state: dict[str, ClusterState] = {}
        self._holders: dict[str, set[str]] = {}  # organiser → units it gave a provincial flag

    def _draws(self, *parts: object) -> random.Random:
        # Seeded by a string (hashed with SHA-512), so each draw is stable across runs and
        # independent of the order in which other parts of the simulation draw.
        return random.Random(":".join(str(p) for p in (*self._stream, *parts)))

    # --- the tier's part ----------------------------------------------------------------------

    def _sheet(
        self, cluster: Cluster, year: int, criteria: tuple[Criterion, ...], known: tuple[str, ...]
    ) -> tuple[Sheet, list[str], dict[str, float]]:
        """The cluster-year's scores (led by `known`, a real ranking), the members in score
        order and their scores as shares of the maximum."""
        raise NotImplementedError

    def _score_rows(self, cluster: Cluster, year: int, sheet: Sheet, batch: Batch) -> None:
        raise NotImplementedError

    def _document(self, cluster: Cluster, year: int, record_type: str) -> rows.Document:
        raise NotImplementedError

    def _award_draws(self, organizer_id: str, year: int) -> tuple[random.Random, random.Random]:
        """The streams of the decision day and of the awards."""
        draws = self._draws("awards", organizer_id, year)
        return draws, draws

    def _award_rows(self, organizer_id: str, year: int, given: list[awards.Award]) -> list[Row]:
        issuers = self.reference.award_issuers
        return [
            rows.award(
                self._document(self._by_id[a.cluster_id], year, "awards"),
                a,
                a.issuer or issuers[a.award_type],
            )
            for a in given
        ]

    # --- the engine ---------------------------------------------------------------------------

    def cluster_rows(self) -> list[Row]:
        # A cluster with a real clusters row keeps it: a synthetic one would restate it.
        return [
            rows.synthetic(
                self.source_ref,
                organizer=self.organizers[c.organizer_id].written,
                cluster=c.ref,
                name=c.name,
                valid_from_year=c.first_year,
                valid_to_year=None if c.last_year == self._ongoing else c.last_year,
                note=c.note,
            )
            for c in self.clusters
            if c.cluster_id not in self.real.cluster_ids
        ]

    def year(self, year: int) -> Batch:
        batch: Batch = {n: [] for n in ("memberships", "scores", "rankings", "events", "awards")}
        regime = self.reference.regime(year)
        for organizer_id, clusters in self._by_organizer.items():
            active = [cluster for cluster in clusters if cluster.active(year)]
            if not active:
                continue
            day_draws, draws = self._award_draws(organizer_id, year)
            day = awards.decision_day(day_draws, year)
            results = [self._cluster_year(cluster, year, day, batch) for cluster in active]
            known = [r for r in results if r is not None]
            holders = self._holders.setdefault(organizer_id, set())
            o = self.organizers[organizer_id]
            if o.system is None:
                given = awards.province_awards(draws, year, known, day, regime, holders, o.issuer)
            else:
                given = awards.system_awards(draws, o.system, year, known, day, regime, o.issuer)
            orders = {r.cluster_id: r.order for r in known}
            given = self.breaks.plant_awards(year, given, orders, regime, holders)
            batch["awards"] += self._award_rows(organizer_id, year, given)
            holders |= {a.unit_id for a in given if a.award_type == "PROV_FLAG"}
        return batch

    def _cluster_year(
        self, cluster: Cluster, year: int, day: dt.date, batch: Batch
    ) -> awards.ClusterResult | None:
        cluster_id = cluster.cluster_id
        partition = (cluster_id, year)
        members = cluster.rosters[year]
        state = self._state.setdefault(cluster_id, ClusterState())
        next_roles = self.real.roles.get((cluster_id, year + 1), {})
        state.leadership = choose_leadership(
            self._draws("leadership", cluster_id, year),
            members,
            state.leadership,
            self.real.roles.get(partition, {}),
            next((u for u, role in next_roles.items() if role == "leader"), None),
        )
        state.criteria, state.method = yearly_table(
            self._draws("criteria", cluster_id, year),
            cluster.theme,
            self._shape,
            state.criteria,
            state.method,
        )
        known = self.real.ranked_units(cluster_id, year)
        sheet, score_order, shares = self._sheet(cluster, year, state.criteria, known)

        order = known  # a real ranking stands; the ranks it leaves out stay unknown
        # Where an article says units were proposed for flags without naming them, a synthetic
        # ranking would name the likely winners: the ranking stays unknown too.
        declared = not known and partition not in self.real.award_partitions
        if declared:  # a swap of two neighbours only where no real record speaks
            order, swapped = declared_order(
                self._draws("declared", cluster_id, year),
                score_order,
                partition not in self.breaks.real_partitions,
            )
            if swapped is not None:
                self.findings += swap_findings(cluster_id, year, order, swapped)

        if partition not in self.real.rosters:
            doc = self._document(cluster, year, "memberships")
            found = rows.memberships(doc, members, state.leadership)
            if self.breaks.wants("LEADER_NOT_MEMBER", year, cluster_id):
                found = self._leader_not_member(cluster, year, doc, found)
            batch["memberships"] += found
        if partition not in self.real.score_partitions:
            self._score_rows(cluster, year, sheet, batch)
        if declared:
            doc = self._document(cluster, year, "rankings")
            batch["rankings"] += rows.rankings(doc, order, state.method)

        events = plan_events(
            self._draws("events", cluster_id, year),
            year,
            [self._member(u) for u in members],
            state.leadership.leader,
            state.last_review,
            day,
            self._formed.get(year),
        )
        doc = self._document(cluster, year, "events")
        for event in events:
            real_day = self.real.events.get((cluster_id, year, event.event_type))
            if event.event_type == "year_end_review":
                state.last_review = real_day or event.day
                if real_day is None and self.breaks.wants("NO_YEAR_END_REVIEW", year, cluster_id):
                    plant = "the year-end review left unrecorded"
                    self.breaks.record("NO_YEAR_END_REVIEW", cluster_id, year, None, None, plant)
                    continue
            if real_day is None:  # the real event stands; a second would contradict it
                batch["events"].append(rows.event(doc, event))

        if partition in self.real.award_partitions:
            return None
        return awards.ClusterResult(cluster_id, order, shares)

    def _leader_not_member(
        self, cluster: Cluster, year: int, doc: rows.Document, found: list[Row]
    ) -> list[Row]:
        """The leadership names a unit the cluster does not score: one that left it last year
        (or, failing that, one seated in another cluster); the true leader becomes a member."""
        members = cluster.rosters[year]
        seated = [
            u for other in self.clusters for u in other.rosters.get(year, ()) if u not in members
        ]
        left = [u for u in cluster.rosters.get(year - 1, ()) if u in seated]
        outsider = (left or sorted(seated))[0]
        rule = "LEADER_NOT_MEMBER"
        found = [{**row, "role": "member"} if row["role"] == "leader" else row for row in found]
        planted = rows.memberships(doc, (outsider,), Leadership(outsider, ()))
        plant = "leadership names a unit the cluster does not score"
        self.breaks.record(rule, cluster.cluster_id, year, outsider, None, plant)
        return found + [{**row, "note": note(rule)} for row in planted]


class ProvinceSimulation(Engine[ScoreSheet]):
    """Thanh Hóa: a sheet of floats per cluster-year, fitted to a real ranking where one is
    known; names spelled per document from the seeds' aliases."""

    def __init__(self, seed: int) -> None:
        reference, real = Reference(SEEDS_DIR), read_real_facts(REAL_DIR, SEEDS_DIR)
        organizers = {layout.ORGANIZER_ID: Organiser(layout.ORGANIZER_NAME, _ISSUER)}
        super().__init__(
            seed,
            "province",
            seat(layout.PROVINCE_LAYOUT, reference, real),
            organizers,
            reference,
            reference.unit,
            range(layout.FIRST_YEAR, layout.LAST_YEAR + 1),
            real=real,
            plan=PLAN,
            formed={layout.FIRST_YEAR: layout.FORMED_2015},
        )
        self._names = NameWriter(seed, reference, load_alias_index(SEEDS_DIR))

    def write(self, out_dir: Path, fmt: Format) -> dict[str, int]:
        """The tier's files, a results year at a time; returns rows written per record type."""
        with RecordWriter(out_dir, fmt) as writer:
            writer.write({"clusters": self.cluster_rows()})
            for year in self.years:
                writer.write(self.year(year))
        return writer.counts()

    def _award_draws(self, organizer_id: str, year: int) -> tuple[random.Random, random.Random]:
        return self._draws("decision", year), self._draws("awards", year)

    def _sheet(
        self, cluster: Cluster, year: int, criteria: tuple[Criterion, ...], known: tuple[str, ...]
    ) -> tuple[ScoreSheet, list[str], dict[str, float]]:
        members = cluster.rosters[year]
        shares = {u: self.strengths.share(u, year) for u in members}
        draws = self._draws("scores", cluster.cluster_id, year)
        sheet = draw_score_sheet(draws, members, criteria, shares, known)
        scale = sum(c.max_points for c in criteria)
        return sheet, sheet.order(), {u: sheet.peer_mean(u) / scale for u in members}

    def _score_rows(self, cluster: Cluster, year: int, sheet: ScoreSheet, batch: Batch) -> None:
        batch["scores"] += rows.scores(self._document(cluster, year, "scores"), sheet)

    def _document(self, cluster: Cluster, year: int, record_type: str) -> rows.Document:
        cluster_id = cluster.cluster_id
        return rows.Document(
            layout.ORGANIZER_NAME,
            cluster_ref(self.seed, cluster.ref, cluster.number, year, record_type),
            year,
            lambda unit_id: self._names.name(unit_id, cluster_id, year, record_type),
            self.source_ref,
            self.real.keys.get(record_type, set()),
            (layout.ORGANIZER_ID, cluster_id, year),
        )
