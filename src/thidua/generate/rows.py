"""Simulated facts → raw records in the contract's columns, written the way people write them.

Ids become names (`names`), clusters are written as in files, every row carries its synthetic
provenance, and no row may share a natural key with a real row: that would make the loader take
it for a restatement of the real fact.
"""

from __future__ import annotations

from thidua.generate.awards import Award
from thidua.generate.events import Event
from thidua.generate.layout import ORGANIZER_ID, ORGANIZER_NAME, Cluster
from thidua.generate.leadership import Leadership
from thidua.generate.names import NameWriter, cluster_ref
from thidua.generate.real_facts import RealFacts
from thidua.generate.scoring import ScoreSheet
from thidua.generate.writers import Row

_EXCELLENT = "Hoàn thành xuất sắc nhiệm vụ"
_GOOD = "Hoàn thành tốt nhiệm vụ"
_EVENT_NOTES = {
    "covenant_signing": "ký giao ước thi đua năm {year}",
    "mid_year_review": "sơ kết công tác thi đua 6 tháng đầu năm {year}",
    "year_end_review": "tổng kết công tác thi đua năm {year}",
}


def classification(rank: int, ranked: int) -> str:
    """The top ~40 % of a cluster's ranked units "completed tasks excellently" (3 at least,
    never all)."""
    return _EXCELLENT if rank <= min(ranked - 1, max(3, round(0.4 * ranked))) else _GOOD


def event_note(event_type: str, year: int) -> str:
    return _EVENT_NOTES[event_type].format(year=year)


class RowBuilder:
    def __init__(
        self, seed: int, names: NameWriter, real: RealFacts, issuers: dict[str, str]
    ) -> None:
        self._seed = seed
        self._names = names
        self._real = real
        self._issuers = issuers
        self.source_ref = f"synthetic:province:seed={seed}"

    def _guard(self, record_type: str, *key: object) -> None:
        if (ORGANIZER_ID, *key) in self._real.keys.get(record_type, set()):
            raise ValueError(f"synthetic {record_type} row would restate the real row {key}")

    def _row(self, cluster: Cluster, year: int | None, document: str, **values: object) -> Row:
        row: Row = {"organizer": ORGANIZER_NAME}
        if year is None:
            row["cluster"] = cluster.ref
        else:
            row["cluster"] = cluster_ref(self._seed, cluster.ref, cluster.number, year, document)
            row["results_year"] = year
        row.update(values)
        row["source_kind"] = "synthetic"
        row["source_ref"] = self.source_ref
        return row

    def _unit(self, unit_id: str, cluster: Cluster, year: int, document: str) -> str:
        return self._names.name(unit_id, cluster.cluster_id, year, document)

    def cluster(self, cluster: Cluster) -> Row:
        self._guard("clusters", cluster.cluster_id)
        return self._row(
            cluster,
            None,
            "clusters",
            name=cluster.name,
            valid_from_year=cluster.first_year,
            valid_to_year=cluster.last_year,
            note=cluster.note,
        )

    def memberships(
        self, cluster: Cluster, year: int, members: tuple[str, ...], leadership: Leadership
    ) -> list[Row]:
        rows = []
        for unit_id in members:
            self._guard("memberships", cluster.cluster_id, year, unit_id)
            unit = self._unit(unit_id, cluster, year, "memberships")
            rows.append(
                self._row(cluster, year, "memberships", unit=unit, role=leadership.role(unit_id))
            )
        return rows

    def scores(self, cluster: Cluster, year: int, sheet: ScoreSheet) -> list[Row]:
        base = self._row(cluster, year, "scores")
        written = {u: self._unit(u, cluster, year, "scores") for u in sheet.members}
        rows = []
        for unit_id in sheet.members:
            bonus_at, bonus = sheet.bonus.get(unit_id, (-1, 0.0))
            for scorer_id in sheet.members:
                points = sheet.points[(unit_id, scorer_id)]
                for index, criterion in enumerate(sheet.criteria):
                    rows.append(
                        {
                            **base,
                            "unit": written[unit_id],
                            "criterion": criterion.code,
                            "criterion_group": criterion.group,
                            "points": points[index],
                            "max_points": float(criterion.max_points),
                            "bonus": bonus if index == bonus_at else None,
                            "scorer": written[scorer_id],
                            "note": criterion.name,  # the code is the key; the name for people
                        }
                    )
        return rows

    def rankings(
        self, cluster: Cluster, year: int, order: tuple[str, ...], method: str
    ) -> list[Row]:
        rows = []
        for rank, unit_id in enumerate(order, start=1):
            self._guard("rankings", cluster.cluster_id, year, unit_id)
            rows.append(
                self._row(
                    cluster,
                    year,
                    "rankings",
                    unit=self._unit(unit_id, cluster, year, "rankings"),
                    rank=rank,
                    method=method,
                    classification=classification(rank, len(order)),
                )
            )
        return rows

    def event(self, cluster: Cluster, year: int, event: Event) -> Row:
        self._guard("events", cluster.cluster_id, year, event.event_type, event.day)
        return self._row(
            cluster,
            year,
            "events",
            event_type=event.event_type,
            event_date=event.day,
            part_of_day=event.part_of_day,
            host=self._unit(event.host, cluster, year, "events"),
            note=event_note(event.event_type, year),
        )

    def award(self, cluster: Cluster, year: int, award: Award) -> Row:
        self._guard("awards", award.cluster_id, year, award.unit_id, award.award_type)
        return self._row(
            cluster,
            year,
            "awards",
            unit=self._unit(award.unit_id, cluster, year, "awards"),
            award_type=award.award_type,
            issuer=self._issuers[award.award_type],
            status=award.status,
            decision_no=award.decision_no,
            decision_date=award.decision_date,
            note=award.note,
        )
