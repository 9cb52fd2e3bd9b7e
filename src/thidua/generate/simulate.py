"""The province simulated one results year at a time, every cluster in turn.

Each year yields a batch of rows per record type, so a writer can append it and forget it. Real
facts are constraints throughout: their partitions get no synthetic memberships, rankings or
awards, real events are not duplicated, and scores agree with a real ranking. A few rules are
broken on purpose in synthetic cluster-years (`rule_breaks`), and each break is recorded.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from thidua.generate.awards import ClusterResult, Issuer, decision_day, province_awards
from thidua.generate.criteria import Criterion, table_shape, yearly_table
from thidua.generate.events import plan_events
from thidua.generate.layout import FIRST_YEAR, FORMED_2015, LAST_YEAR, Cluster
from thidua.generate.leadership import Leadership, choose_leadership
from thidua.generate.names import NameWriter
from thidua.generate.real_facts import RealFacts
from thidua.generate.reference import Reference
from thidua.generate.rosters import seat
from thidua.generate.rows import RowBuilder
from thidua.generate.rule_breaks import ExpectedFinding, RuleBreaks, note, swap_findings
from thidua.generate.scoring import ScoreSheet, Strengths, declared_order, draw_score_sheet
from thidua.generate.writers import Row
from thidua.ingest.resolve import AliasIndex

Batch = dict[str, list[Row]]
# UBND tỉnh decides its flags and forwards 5–12 of its ~20 leading units for the Government flag.
_ISSUER = Issuer(None, "QĐ-UBND", None, (5, 12))


@dataclass
class ClusterState:
    """What a cluster carries from one year to the next."""

    leadership: Leadership | None = None
    criteria: tuple[Criterion, ...] = ()
    method: str = "score"
    last_review: dt.date | None = None


class ProvinceSimulation:
    def __init__(
        self,
        seed: int,
        clusters: tuple[Cluster, ...],
        reference: Reference,
        real: RealFacts,
        aliases: AliasIndex,
    ) -> None:
        self.seed = seed
        self.clusters = seat(clusters, reference, real)
        self.years = range(FIRST_YEAR, LAST_YEAR + 1)
        self.reference = reference
        self.real = real
        self.rows = RowBuilder(
            seed, NameWriter(seed, reference, aliases), real, reference.award_issuers
        )
        self.strengths = Strengths(seed)
        self._shape = table_shape("province")
        self._by_id = {cluster.cluster_id: cluster for cluster in self.clusters}
        self._state = {cluster.cluster_id: ClusterState() for cluster in self.clusters}
        self._flag_holders: set[str] = set()
        self.breaks = RuleBreaks(self.clusters, real)

    def _rng(self, *parts: object) -> random.Random:
        # Seeded by a string (hashed with SHA-512), so each draw is stable across runs and
        # independent of the order in which other parts of the simulation draw.
        return random.Random(":".join(str(p) for p in (self.seed, *parts)))

    def cluster_rows(self) -> list[Row]:
        # A cluster with a real clusters row keeps it: a synthetic one would restate it.
        return [
            self.rows.cluster(cluster)
            for cluster in self.clusters
            if cluster.cluster_id not in self.real.cluster_ids
        ]

    def year(self, year: int) -> Batch:
        batch: Batch = {name: [] for name in ("memberships", "scores", "rankings", "events")}
        day = decision_day(self._rng("decision", year), year)
        results: list[ClusterResult] = []
        for cluster in self.clusters:
            if cluster.active(year):
                result = self._cluster_year(cluster, year, day, batch)
                if result is not None:
                    results.append(result)
        regime = self.reference.regime(year)
        awards = province_awards(
            self._rng("awards", year), year, results, day, regime, self._flag_holders, _ISSUER
        )
        awards = self.breaks.plant_awards(
            year, awards, {r.cluster_id: r.order for r in results}, regime, self._flag_holders
        )
        batch["awards"] = [self.rows.award(self._by_id[a.cluster_id], year, a) for a in awards]
        self._flag_holders |= {a.unit_id for a in awards if a.award_type == "PROV_FLAG"}
        return batch

    def _cluster_year(
        self, cluster: Cluster, year: int, decision_day: dt.date, batch: Batch
    ) -> ClusterResult | None:
        cluster_id = cluster.cluster_id
        partition = (cluster_id, year)
        members = cluster.rosters[year]
        state = self._state[cluster_id]

        next_roles = self.real.roles.get((cluster_id, year + 1), {})
        state.leadership = choose_leadership(
            self._rng("leadership", cluster_id, year),
            members,
            state.leadership,
            self.real.roles.get(partition, {}),
            next((u for u, role in next_roles.items() if role == "leader"), None),
        )
        if partition not in self.real.rosters:
            rows = self.rows.memberships(cluster, year, members, state.leadership)
            if self.breaks.wants("LEADER_NOT_MEMBER", year, cluster_id):
                rows = self._leader_not_member(cluster, year, rows)
            batch["memberships"] += rows

        criteria = self._criteria(cluster, year, state)
        shares = {u: self.strengths.share(u, year) for u in members}
        known_top = self.real.ranked_units(cluster_id, year)
        sheet = draw_score_sheet(
            self._rng("scores", cluster_id, year), members, criteria, shares, known_top
        )
        if partition not in self.real.score_partitions:
            batch["scores"] += self.rows.scores(cluster, year, sheet)

        order: tuple[str, ...]
        if known_top:
            order = known_top  # the real ranking stands; the ranks it leaves out stay unknown
        elif partition in self.real.award_partitions:
            # The article says units were proposed for flags without naming them: a synthetic
            # ranking would name the likely winners, so the ranking stays unknown too.
            order = ()
        else:
            order = self._declared_order(cluster_id, year, sheet)
            batch["rankings"] += self.rows.rankings(cluster, year, order, state.method)

        for event in plan_events(
            self._rng("events", cluster_id, year),
            year,
            [self.reference.unit(u) for u in members],
            state.leadership.leader,
            state.last_review,
            decision_day,
            FORMED_2015 if year == FIRST_YEAR else None,
        ):
            real_day = self.real.events.get((cluster_id, year, event.event_type))
            if event.event_type == "year_end_review":
                state.last_review = real_day or event.day
            if real_day is not None:  # the real event stands; a second would contradict it
                continue
            if event.event_type == "year_end_review" and self.breaks.wants(
                "NO_YEAR_END_REVIEW", year, cluster_id
            ):
                self.breaks.record(
                    ExpectedFinding(
                        "NO_YEAR_END_REVIEW",
                        cluster_id,
                        year,
                        None,
                        None,
                        "the year-end review left unrecorded",
                    )
                )
                continue
            batch["events"].append(self.rows.event(cluster, year, event))

        if partition in self.real.award_partitions:
            return None
        scale = sum(c.max_points for c in criteria)
        return ClusterResult(cluster_id, order, {u: sheet.peer_mean(u) / scale for u in members})

    def _criteria(self, cluster: Cluster, year: int, state: ClusterState) -> tuple[Criterion, ...]:
        rng = self._rng("criteria", cluster.cluster_id, year)
        state.criteria, state.method = yearly_table(
            rng, cluster.theme, self._shape, state.criteria, state.method
        )
        return state.criteria

    def _declared_order(self, cluster_id: str, year: int, sheet: ScoreSheet) -> tuple[str, ...]:
        """The ranks as declared: the score order, except for a rare swap of two neighbours.

        Never in a cluster-year a real record speaks of; every swap is a recorded rule break.
        """
        allowed = (cluster_id, year) not in self.breaks.real_partitions
        rng = self._rng("declared", cluster_id, year)
        order, swapped = declared_order(rng, sheet.order(), allowed)
        if swapped is not None:
            for finding in swap_findings(cluster_id, year, order, swapped):
                self.breaks.record(finding)
        return order

    def _leader_not_member(self, cluster: Cluster, year: int, rows: list[Row]) -> list[Row]:
        """The leadership names a unit the cluster does not score: one that left it last year
        (or, failing that, one seated in another cluster); the true leader becomes a member."""
        cluster_id = cluster.cluster_id
        members = cluster.rosters[year]
        seated = [
            u for other in self.clusters for u in other.rosters.get(year, ()) if u not in members
        ]
        left = [u for u in cluster.rosters.get(year - 1, ()) if u in seated]
        outsider = (left or sorted(seated))[0]
        rule = "LEADER_NOT_MEMBER"
        rows = [{**row, "role": "member"} if row["role"] == "leader" else row for row in rows]
        planted = self.rows.memberships(cluster, year, (outsider,), Leadership(outsider, ()))
        rows += [{**row, "note": note(rule)} for row in planted]
        self.breaks.record(
            ExpectedFinding(
                rule,
                cluster_id,
                year,
                outsider,
                None,
                "leadership names a unit the cluster does not score",
            )
        )
        return rows
