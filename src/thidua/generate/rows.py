"""Simulated facts → raw records in the contract's columns, written the way people write them.

Both tiers build their rows here. A `Document` is one roster, ranking, meeting's minutes or award
decision: its author spells each name one way throughout (the tier chooses how, see `names`).
Every row carries its synthetic provenance, and no row may share a natural key with a real row:
that would make the loader take it for a restatement of the real fact.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from thidua.generate.awards import Award
from thidua.generate.events import Event
from thidua.generate.leadership import Leadership
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


def synthetic(source_ref: str, **values: object) -> Row:
    return {**values, "source_kind": "synthetic", "source_ref": source_ref}


@dataclass(frozen=True)
class Document:
    organizer: str
    cluster: str
    year: int
    unit: Callable[[str], str]  # unit id → its name as this document writes it
    source_ref: str
    real_keys: Collection[tuple[object, ...]] = ()  # natural keys of the real rows of its type
    key: tuple[object, ...] = ()  # its rows' natural key so far: organiser, cluster, year

    def row(self, key: tuple[object, ...], **values: object) -> Row:
        if (*self.key, *key) in self.real_keys:
            raise ValueError(f"a synthetic row would restate the real row {(*self.key, *key)}")
        return synthetic(
            self.source_ref,
            organizer=self.organizer,
            cluster=self.cluster,
            results_year=self.year,
            **values,
        )


def memberships(doc: Document, members: tuple[str, ...], leadership: Leadership) -> list[Row]:
    return [doc.row((u,), unit=doc.unit(u), role=leadership.role(u)) for u in members]


def rankings(doc: Document, order: tuple[str, ...], method: str) -> list[Row]:
    return [
        doc.row(
            (unit_id,),
            unit=doc.unit(unit_id),
            rank=rank,
            method=method,
            classification=classification(rank, len(order)),
        )
        for rank, unit_id in enumerate(order, start=1)
    ]


def event(doc: Document, event: Event) -> Row:
    return doc.row(
        (event.event_type, event.day),
        event_type=event.event_type,
        event_date=event.day,
        part_of_day=event.part_of_day,
        host=doc.unit(event.host),
        note=_EVENT_NOTES[event.event_type].format(year=doc.year),
    )


def award(doc: Document, award: Award, issuer: str) -> Row:
    return doc.row(
        (award.unit_id, award.award_type),
        unit=doc.unit(award.unit_id),
        award_type=award.award_type,
        issuer=issuer,
        status=award.status,
        decision_no=award.decision_no,
        decision_date=award.decision_date,
        note=award.note,
    )


def scores(doc: Document, sheet: ScoreSheet) -> list[Row]:
    """A sheet of floats as rows: scored unit → scorer → criterion (the national tier writes its
    arrays as columns, `writers.ScoreBatches`)."""
    rows = []
    for unit_id in sheet.members:
        bonus_at, bonus = sheet.bonus.get(unit_id, (-1, 0.0))
        for scorer_id in sheet.members:
            points = sheet.points[(unit_id, scorer_id)]
            for index, criterion in enumerate(sheet.criteria):
                rows.append(
                    doc.row(
                        (unit_id, criterion.code, scorer_id),
                        unit=doc.unit(unit_id),
                        criterion=criterion.code,
                        criterion_group=criterion.group,
                        points=points[index],
                        max_points=float(criterion.max_points),
                        bonus=bonus if index == bonus_at else None,
                        scorer=doc.unit(scorer_id),
                        note=criterion.name,  # the code is the key; the name for people
                    )
                )
    return rows
