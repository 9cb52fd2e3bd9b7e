"""Rule breaks planted on purpose, so the warehouse's compliance checks can be proven both ways.

The synthetic province follows the award rules of the regime in force and keeps its records
consistent. This module breaks a few rules in chosen synthetic cluster-years (never one a real
record speaks of) and records every finding the warehouse must then report, one row per finding,
in `planted_rule_breaks.csv` next to the output folder: `mart_award_compliance` restricted to
synthetic rows must equal it exactly (nothing missed, nothing extra).

What is planted, a few of each (see PLAN):

- GOV_FLAG_NOT_LEADING_UNIT: a Government-flag proposal for the rank-2 unit of a cluster in a
  year whose regime gives the flag only to leading units (2024 on);
- GOV_FLAG_OVER_QUOTA: Government-flag proposals for more provincial-flag holders than the
  regime's share allows (2018–2023), one finding per organiser-year;
- GOV_FLAG_WITHOUT_PRIOR_FLAG: a Government-flag proposal for a unit that never held a
  provincial flag, in a year whose regime requires one (to 2017);
- PROV_FLAG_MORE_THAN_ONE: a second provincial flag in a cluster-year, to the rank-2 unit, which
  is also a PROV_FLAG_NOT_FIRST finding;
- PROV_FLAG_NOT_FIRST: a cluster-year's provincial flag given to its rank-2 unit instead;
- LEADER_NOT_MEMBER: a cluster-year whose leadership names a unit that left the cluster the year
  before (or sits in another cluster), not scored or ranked by it;
- NO_YEAR_END_REVIEW: a cluster-year whose year-end review is not recorded;
- RANK_CONTRADICTS_SCORES: the simulation's own rare swaps of two neighbours in a declared
  ranking, recorded here as they happen (two findings each).

Every planted row carries the note "planted rule break: <rule>".
"""

from __future__ import annotations

import csv
import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from thidua.generate.awards import Award
from thidua.generate.layout import Cluster
from thidua.generate.real_facts import RealFacts
from thidua.generate.reference import LegalRegime

MANIFEST_COLUMNS = ("rule_code", "cluster_id", "results_year", "unit_id", "award_type", "plant")


@dataclass(frozen=True)
class Plant:
    """One break to plant: a rule, a results year and the cluster (None for an organiser-year)."""

    rule_code: str
    results_year: int
    cluster_ref: str | None = None


# Spread over clusters and years, one regime per rule where the rule is legal, and never two
# plants in one cluster-year, so no plant can mask or cause another.
PLAN: tuple[Plant, ...] = (
    Plant("GOV_FLAG_NOT_LEADING_UNIT", 2024, "Cụm thi đua số 2"),
    Plant("GOV_FLAG_NOT_LEADING_UNIT", 2025, "Khối thi đua các ngân hàng"),
    Plant("GOV_FLAG_OVER_QUOTA", 2019),
    Plant("GOV_FLAG_OVER_QUOTA", 2022),
    Plant("GOV_FLAG_WITHOUT_PRIOR_FLAG", 2016, "Cụm thi đua số 1"),
    Plant("GOV_FLAG_WITHOUT_PRIOR_FLAG", 2017, "Khối thi đua các bệnh viện tuyến tỉnh"),
    Plant("PROV_FLAG_MORE_THAN_ONE", 2021, "Khối thi đua các doanh nghiệp Trung ương"),
    Plant("PROV_FLAG_MORE_THAN_ONE", 2025, "Cụm thi đua số 6"),
    Plant("PROV_FLAG_NOT_FIRST", 2018, "Cụm thi đua số 4"),
    Plant("PROV_FLAG_NOT_FIRST", 2023, "Khối thi đua các hội nhân đạo, từ thiện"),
    Plant("LEADER_NOT_MEMBER", 2017, "Cụm thi đua số 6"),
    Plant("LEADER_NOT_MEMBER", 2018, "Khối thi đua các ngân hàng"),
    Plant("NO_YEAR_END_REVIEW", 2019, "Khối thi đua các hội đặc thù"),
    Plant("NO_YEAR_END_REVIEW", 2023, "Cụm thi đua số 4"),
)


@dataclass(frozen=True)
class ExpectedFinding:
    """A finding the warehouse must report because of a planted break."""

    rule_code: str
    cluster_id: str | None
    results_year: int
    unit_id: str | None
    award_type: str | None
    plant: str  # what was done, in words


def note(rule_code: str) -> str:
    return f"planted rule break: {rule_code}"


def manifest_path(out_dir: Path) -> Path:
    """Where the manifest of a generated folder lives: beside it, so loading the folder skips it."""
    return out_dir.parent / f"{out_dir.name}.planted_rule_breaks.csv"


class RuleBreaks:
    """The plan, checked against the real facts, and the findings planted so far."""

    def __init__(
        self, clusters: tuple[Cluster, ...], real: RealFacts, plan: tuple[Plant, ...] = PLAN
    ) -> None:
        by_ref = {cluster.ref: cluster for cluster in clusters}
        real_partitions = real.partitions()
        self._plan: dict[tuple[str, int, str | None], Plant] = {}
        for plant in plan:
            cluster_id = None
            if plant.cluster_ref is not None:
                cluster = by_ref.get(plant.cluster_ref)
                if cluster is None or not cluster.active(plant.results_year):
                    raise ValueError(f"{plant}: no such cluster that year")
                cluster_id = cluster.cluster_id
                if (cluster_id, plant.results_year) in real_partitions:
                    raise ValueError(f"{plant}: a real record speaks of that cluster-year")
            self._plan[(plant.rule_code, plant.results_year, cluster_id)] = plant
        self.real_partitions = real_partitions
        self.findings: list[ExpectedFinding] = []

    def wants(self, rule_code: str, results_year: int, cluster_id: str | None = None) -> bool:
        return (rule_code, results_year, cluster_id) in self._plan

    def record(
        self,
        rule: str,
        cluster_id: str | None,
        year: int,
        unit_id: str | None,
        award_type: str | None,
        plant: str,
    ) -> None:
        self.findings.append(ExpectedFinding(rule, cluster_id, year, unit_id, award_type, plant))

    # --- awards -------------------------------------------------------------------------------

    def plant_awards(
        self,
        year: int,
        awards: list[Award],
        orders: dict[str, tuple[str, ...]],
        regime: LegalRegime,
        earlier_flag_holders: set[str],
    ) -> list[Award]:
        """The year's awards with its award breaks planted (orders: declared ranks, best first)."""
        awards = list(awards)
        for cluster_id, order in sorted(orders.items()):
            if self.wants(rule := "GOV_FLAG_NOT_LEADING_UNIT", year, cluster_id):
                self._propose(awards, rule, cluster_id, order[1])
                plant = "Government flag proposed for rank 2"
                self.record(rule, cluster_id, year, order[1], "GOV_FLAG", plant)
            if self.wants(rule := "GOV_FLAG_WITHOUT_PRIOR_FLAG", year, cluster_id):
                flagged = {a.unit_id for a in awards if a.award_type in ("PROV_FLAG", "GOV_FLAG")}
                unit_id = next(u for u in order[2:] if u not in earlier_flag_holders | flagged)
                self._propose(awards, rule, cluster_id, unit_id)
                plant = "Government flag proposed for a unit that never held a provincial flag"
                self.record(rule, cluster_id, year, unit_id, "GOV_FLAG", plant)
            if self.wants(rule := "PROV_FLAG_MORE_THAN_ONE", year, cluster_id):
                _, flag = self._provincial_flag(awards, cluster_id)
                self._add(awards, dataclasses.replace(flag, unit_id=order[1], note=note(rule)))
                plant = "a second provincial flag, to rank 2"
                self.record(rule, cluster_id, year, None, "PROV_FLAG", plant)
                self.record("PROV_FLAG_NOT_FIRST", cluster_id, year, order[1], "PROV_FLAG", plant)
            if self.wants(rule := "PROV_FLAG_NOT_FIRST", year, cluster_id):
                index, flag = self._provincial_flag(awards, cluster_id)
                if flag.unit_id != order[0]:
                    raise ValueError(f"{cluster_id} {year}: the flag is not rank 1's")
                awards[index] = dataclasses.replace(flag, unit_id=order[1], note=note(rule))
                plant = "the provincial flag given to rank 2 instead of rank 1"
                self.record(rule, cluster_id, year, order[1], "PROV_FLAG", plant)
        if self.wants("GOV_FLAG_OVER_QUOTA", year):
            self._over_quota(year, awards, regime)
        return awards

    @staticmethod
    def _add(awards: list[Award], award: Award) -> None:
        key = (award.cluster_id, award.unit_id, award.award_type)
        if any((a.cluster_id, a.unit_id, a.award_type) == key for a in awards):
            raise ValueError(f"a planted award would restate another: {key}")
        awards.append(award)

    def _propose(self, awards: list[Award], rule: str, cluster_id: str, unit_id: str) -> None:
        """A planted Government-flag proposal."""
        award = Award(cluster_id, unit_id, "GOV_FLAG", "proposed", None, None, note(rule))
        self._add(awards, award)

    @staticmethod
    def _provincial_flag(awards: list[Award], cluster_id: str) -> tuple[int, Award]:
        found = [
            (i, a)
            for i, a in enumerate(awards)
            if a.cluster_id == cluster_id and a.award_type == "PROV_FLAG"
        ]
        if len(found) != 1:
            raise ValueError(f"{cluster_id}: expected one provincial flag, found {len(found)}")
        return found[0]

    def _over_quota(self, year: int, awards: list[Award], regime: LegalRegime) -> None:
        rule = "GOV_FLAG_OVER_QUOTA"
        if regime.max_share_of_eligible is None:
            raise ValueError(f"{year}: the regime sets no quota to break")
        holders = [a for a in awards if a.award_type == "PROV_FLAG"]
        nominees = {a.unit_id for a in awards if a.award_type == "GOV_FLAG"}
        # the same decimal arithmetic as the warehouse: 20 % of 15 is 3, not 3.0000000000000004
        quota = Decimal(str(regime.max_share_of_eligible)) * len({a.unit_id for a in holders})
        wanted = math.floor(quota) + 1 - len(nominees)
        candidates = sorted(
            (
                a
                for a in holders
                if a.unit_id not in nominees and (a.cluster_id, year) not in self.real_partitions
            ),
            key=lambda a: (a.cluster_id, a.unit_id),
        )
        if wanted < 1 or len(candidates) < wanted:
            raise ValueError(f"{year}: cannot go over the quota ({wanted} wanted)")
        for holder in candidates[:wanted]:
            self._propose(awards, rule, holder.cluster_id, holder.unit_id)
        plant = f"{wanted} more Government-flag proposals than the quota allows"
        self.record(rule, None, year, None, "GOV_FLAG", plant)


def swap_findings(
    cluster_id: str, year: int, order: tuple[str, ...], i: int
) -> list[ExpectedFinding]:
    """The two findings of declared ranks i + 1 and i + 2 swapped against the scores."""
    plant = f"declared ranks {i + 1} and {i + 2} swapped against the scores"
    return [
        ExpectedFinding("RANK_CONTRADICTS_SCORES", cluster_id, year, unit_id, None, plant)
        for unit_id in order[i : i + 2]
    ]


def write_manifest(path: Path, findings: Iterable[ExpectedFinding]) -> None:
    """One row per expected finding, sorted, so the same seed gives the same bytes."""
    rows = sorted(
        findings,
        key=lambda f: (f.rule_code, f.results_year, f.cluster_id or "", f.unit_id or ""),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(MANIFEST_COLUMNS)
        for f in rows:
            row = (f.cluster_id, f.results_year, f.unit_id, f.award_type, f.plant)
            writer.writerow([f.rule_code, *("" if v is None else v for v in row)])
