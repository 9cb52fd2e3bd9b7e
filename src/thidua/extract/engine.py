"""A document → the records it states, each with its evidence, names resolved as a load would.

The document-wide scope comes first (organiser, main cluster, the meetings and their results
years); then every sentence of the body is read for members, roles, ranks and awards. A unit
name the warehouse does not know stays as written with its closest candidates: extraction
proposes, a person decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from thidua.extract.dates import years
from thidua.extract.knowledge import Knowledge
from thidua.extract.mentions import (
    ClusterMention,
    UnitMention,
    clusters,
    opens_with_head,
    ordinal,
    role_in,
)
from thidua.extract.model import Document, Evidence, Proposed
from thidua.extract.scope import (
    Event,
    event_date_year,
    find_events,
    find_organizer,
    published_year,
)
from thidua.extract.sentences import Sentence, body_end, sentences
from thidua.extract.statements import awards, member_list, ranks, roles
from thidua.normalize import fold, match_key, parse_cluster_ref

_REVIEWS = ("year_end_review", "mid_year_review")
# "các đơn vị trong Cụm … ký giao ước": the cluster's members signed, so the roster carries.
_SIGNED_BY_MEMBERS = re.compile(r"các đơn vị (?:trong|thành viên|của) (?:cụm|khối)", re.IGNORECASE)
_COVENANT = re.compile(r"giao ước", re.IGNORECASE)
# Image captions ("Ảnh: …", "… - Ảnh 1."): they describe a photo, not what happened.
_CAPTION = re.compile(r"^(?:Ảnh|Hình|Photo)\s*(?::|\d|minh họa)|[-–]\s*Ảnh\s*\d+\.?$")


@dataclass
class _Scope:
    organizer: str | None
    organizer_id: str | None
    cluster: str | None
    year: int | None
    source_kind: str
    source_ref: str
    source: str
    review_date: str | None = None
    has_year_end: bool = False


@dataclass
class _Collector:
    """The records found so far: the first statement of a fact wins (titles repeat leads)."""

    doc: Document
    knowledge: Knowledge
    scope: _Scope
    records: list[Proposed] = field(default_factory=list)
    keys: dict[tuple[object, ...], int] = field(default_factory=dict)

    def add(
        self,
        record_type: str,
        key: tuple[object, ...],
        values: dict[str, str | int | None],
        sentence: Sentence,
        confidence: float,
        unit: str | None = None,
    ) -> Proposed | None:
        full_key = (record_type, *key)
        if full_key in self.keys:
            return None
        cluster = values.get("cluster")
        year = values.get("results_year")
        unit_id, candidates = self._resolve(
            unit, str(cluster) if cluster else None, year if isinstance(year, int) else None
        )
        row: dict[str, str | int | None] = {
            "organizer": self.scope.organizer,
            **values,
            "source_kind": self.scope.source_kind,
            "source_ref": self.scope.source_ref,
        }
        evidence = Evidence(
            sentence.text, sentence.start, sentence.end, self.scope.source, confidence
        )
        proposed = Proposed(record_type, row, evidence, unit_id, candidates)
        self.keys[full_key] = len(self.records)
        self.records.append(proposed)
        return proposed

    def _resolve(
        self, unit: str | None, cluster: str | None, year: int | None
    ) -> tuple[str | None, tuple[str, ...]]:
        if not unit:
            return None, ()
        from thidua.award_types import is_remaining_units

        if is_remaining_units(unit):
            return None, ()
        organizer_id = self.scope.organizer_id
        ref = parse_cluster_ref(cluster) if cluster else None
        cluster_id = ref.cluster_id(organizer_id) if ref and organizer_id else None
        found = self.knowledge.context.aliases.resolve(unit, organizer_id, cluster_id, year)
        return found.unit_id, found.candidates

    def unit_key(self, name: str | None, cluster: str | None, year: int | None) -> str:
        """A unit's identity for telling facts apart: its id when the name resolves ("Dân tộc
        tỉnh" and "Ban Dân tộc tỉnh" are one unit), else the name's match key."""
        unit_id, _ = self._resolve(name, cluster, year)
        return unit_id or f"~{match_key(name or '')}"

    def known(self, name: str) -> bool:
        aliases = self.knowledge.context.aliases
        return aliases.resolve(name, self.scope.organizer_id, suggest=False).unit_id is not None


def extract(doc: Document, knowledge: Knowledge, organizer: str | None = None) -> list[Proposed]:
    """Every record the document states, in the order the text states them."""
    end = body_end(doc.text)
    body = [s for s in sentences(doc.text, end) if not _CAPTION.search(s.text)]
    published = published_year(doc.text, doc.published)
    found_organizer = find_organizer(body)
    written_organizer = organizer or (found_organizer.written if found_organizer else None)
    events = _dated_at_the_meeting(_one_per_meeting(find_events(body, published)))
    mentions = [m for s in body for m in clusters(s.text)]
    reviews = [e for e in events if e.event_type in _REVIEWS]
    scope = _Scope(
        organizer=written_organizer,
        organizer_id=knowledge.organizer_id(written_organizer),
        cluster=mentions[0].written if mentions else None,
        year=_main_year(reviews or events, body, published),
        source_kind="official" if doc.kind in ("docx", "pdf") else "article",
        source_ref=knowledge.source_id(doc.url, Path(doc.path).name)
        or doc.url
        or Path(doc.path).name,
        source=doc.url or doc.path,
        has_year_end=any(e.event_type == "year_end_review" for e in events),
    )
    if reviews and reviews[0].date is not None:
        year = event_date_year(reviews[0])
        scope.review_date = reviews[0].date.iso(year) if year else None
    collector = _Collector(doc, knowledge, scope)
    for event in events:
        _event(collector, event)
    members = _members(collector, body, events)
    elected = _roles(collector, body, members)
    _carry_roster(collector, body, events, members, elected)
    for sentence in body:
        _ranks(collector, sentence)
        _awards(collector, sentence)
    _tables(collector, body)
    return collector.records


def _one_per_meeting(events: list[Event]) -> list[Event]:
    """One event per cluster, type and results year: a title ("… ký kết giao ước thi đua năm
    2024") and the lead that dates it report the same meeting; the dated telling wins. A mention
    with no year at all is dropped when the text reports that kind of event with one."""
    kept: dict[tuple[object, ...], Event] = {}
    for event in events:
        cluster = event.cluster.written if event.cluster else None
        key = (_cluster_key(cluster), event.event_type, event.results_year)
        held = kept.get(key)
        if held is None or (held.date is None and event.date is not None):
            kept[key] = event
    dated_types = {e.event_type for e in kept.values() if e.results_year is not None}
    return [
        e for e in kept.values() if e.results_year is not None or e.event_type not in dated_types
    ]


def _dated_at_the_meeting(events: list[Event]) -> list[Event]:
    """A covenant signed or a campaign launched "at the meeting" ("Dịp này", "Ngay tại hội
    nghị") with no date of its own happened on the day of the report's dated meeting."""
    dated = [e for e in events if e.date is not None]
    meeting = next((e for e in dated if e.event_type in _REVIEWS), dated[0] if dated else None)
    if meeting is None:
        return events
    acts = ("covenant_signing", "campaign_launch")
    return [
        replace(
            e,
            date=replace(meeting.date, year=event_date_year(meeting)),
            results_year=e.results_year or meeting.results_year,
        )
        if e.date is None and e.event_type in acts and meeting.date is not None
        else e
        for e in events
    ]


def _main_year(events: list[Event], body: list[Sentence], published: int | None) -> int | None:
    for event in events:
        if event.results_year is not None:
            return event.results_year
    for sentence in body[:3]:
        stated = years(sentence.text)
        if stated:
            return stated[0][0]
    return published


def _cluster_of(sentence: Sentence, scope: _Scope) -> str | None:
    own = clusters(sentence.text)
    return own[0].written if own else scope.cluster


def _event(collector: _Collector, event: Event) -> None:
    scope = collector.scope
    cluster = event.cluster.written if isinstance(event.cluster, ClusterMention) else scope.cluster
    date_year = event_date_year(event)
    event_date = event.date.iso(date_year) if event.date else None
    host = _bare(event.host) if event.host else None
    values: dict[str, str | int | None] = {
        "cluster": cluster,
        "results_year": event.results_year,
        "event_type": event.event_type,
        "event_date": event_date,
        "end_date": event.end,
        "part_of_day": event.date.part_of_day if event.date else None,
        "host": host if host and opens_with_head(host) else None,
    }
    confidence = 0.9 if event_date else 0.7
    key = (_cluster_key(cluster), event.results_year, event.event_type)
    collector.add("events", key, values, event.sentence, confidence, None)


def _bare(text: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", text).strip(" ,")


def _cluster_key(cluster: str | None) -> str:
    ref = parse_cluster_ref(cluster) if cluster else None
    if ref is None:
        return match_key(cluster or "")
    return str(ref.number) if ref.number is not None else str(ref.name_slug)


@dataclass(frozen=True)
class _Member:
    unit: UnitMention
    cluster: str | None
    year: int | None
    proposed: Proposed


def _members(collector: _Collector, body: list[Sentence], events: list[Event]) -> list[_Member]:
    """Member lists: "Cụm … gồm các đơn vị: A (Cụm trưởng), B, …" for the year under review."""
    found: list[_Member] = []
    for sentence in body:
        listed = member_list(sentence.text, collector.known)
        if listed is None:
            continue
        cluster = _cluster_of(sentence, collector.scope)
        own = [e for e in events if e.sentence == sentence and e.event_type in _REVIEWS]
        year = own[0].results_year if own else collector.scope.year
        for unit in listed.members:
            values: dict[str, str | int | None] = {
                "cluster": cluster,
                "results_year": year,
                "unit": unit.name,
                "role": unit.role,
                "role_order": unit.role_order,
                "stated_member_count": listed.stated_count,
            }
            key = (_cluster_key(cluster), year, collector.unit_key(unit.name, cluster, year))
            confidence = 0.8 if unit.distributed else 0.9
            proposed = collector.add("memberships", key, values, sentence, confidence, unit.name)
            if proposed is not None:
                found.append(_Member(unit, cluster, year, proposed))
    return found


@dataclass(frozen=True)
class _Elected:
    unit: UnitMention
    role: str
    role_order: int | None
    cluster: str | None
    year: int | None
    sentence: Sentence


def _roles(collector: _Collector, body: list[Sentence], members: list[_Member]) -> list[_Elected]:
    """Roles stated outside a member list. A role for a year whose roster this text lists sets
    that member's role; one for another year (next year's leader, elected at the review) is a
    leadership record. Returns the roles elected for a coming year."""
    scope = collector.scope
    elected: list[_Elected] = []
    by_key = {
        (_cluster_key(m.cluster), m.year, collector.unit_key(m.unit.name, m.cluster, m.year)): m
        for m in members
    }
    for sentence in body:
        for statement in roles(sentence.text, collector.known):
            cluster = _cluster_of(sentence, scope)
            year = _year_after(sentence.text, statement.unit.end)
            if year is None:
                coming = statement.elected and scope.has_year_end
                year = scope.year + 1 if coming and scope.year else scope.year
            unit_key = collector.unit_key(statement.unit.name, cluster, year)
            member = by_key.get((_cluster_key(cluster), year, unit_key))
            if member is not None:
                if member.proposed.values.get("role") is None:
                    member.proposed.values["role"] = statement.role
                    member.proposed.values["role_order"] = statement.role_order
                continue
            if not statement.elected and year == scope.year:
                # this year's leader or deputy, named outside the list: a member all the same
                values: dict[str, str | int | None] = {
                    "cluster": cluster,
                    "results_year": year,
                    "unit": statement.unit.name,
                    "role": statement.role,
                    "role_order": statement.role_order,
                    "stated_member_count": None,
                }
                key = (_cluster_key(cluster), year, unit_key)
                collector.add("memberships", key, values, sentence, 0.8, statement.unit.name)
                continue
            elected.append(
                _Elected(
                    statement.unit, statement.role, statement.role_order, cluster, year, sentence
                )
            )
    return elected


def _year_after(text: str, at: int) -> int | None:
    """A year written right after a role ("… làm Cụm trưởng Cụm thi đua số 8 năm 2022")."""
    for year, offset in years(text):
        if at <= offset <= at + 90:
            between = text[at:offset]
            if ";" not in between and "(" not in between:
                return year
    return None


def _carry_roster(
    collector: _Collector,
    body: list[Sentence],
    events: list[Event],
    members: list[_Member],
    elected: list[_Elected],
) -> None:
    """A covenant for the coming year signed at the review by "the units of the cluster" is
    signed by the roster the review lists: that roster is the coming year's too (with the roles
    just elected). Elected roles with no roster to sit in are leadership records."""
    signed = any(_SIGNED_BY_MEMBERS.search(s.text) and _COVENANT.search(s.text) for s in body)
    covenant_years = {
        e.results_year
        for e in events
        if signed and e.event_type == "covenant_signing" and e.results_year is not None
    }
    carried: set[tuple[object, ...]] = set()
    for year in sorted(y for y in covenant_years if y is not None):
        roster = [m for m in members if m.year is not None and m.year < year]
        if not roster:
            continue
        covenant = next(
            e for e in events if e.event_type == "covenant_signing" and e.results_year == year
        )
        roles_then = {
            (_cluster_key(r.cluster), collector.unit_key(r.unit.name, r.cluster, year)): r
            for r in elected
            if r.year == year
        }
        for member in roster:
            unit_key = collector.unit_key(member.unit.name, member.cluster, year)
            role = roles_then.pop((_cluster_key(member.cluster), unit_key), None)
            values: dict[str, str | int | None] = {
                "cluster": member.cluster,
                "results_year": year,
                "unit": member.unit.name,
                "role": role.role if role else None,
                "role_order": role.role_order if role else None,
                "stated_member_count": None,
            }
            key = (_cluster_key(member.cluster), year, unit_key)
            sentence = role.sentence if role else covenant.sentence
            collector.add("memberships", key, values, sentence, 0.6, member.unit.name)
            carried.add(key)
    for role in elected:
        unit_key = collector.unit_key(role.unit.name, role.cluster, role.year)
        if (_cluster_key(role.cluster), role.year, unit_key) in carried:
            continue
        values = {
            "cluster": role.cluster,
            "results_year": role.year,
            "unit": role.unit.name,
            "role": role.role,
            "role_order": role.role_order,
            "elected_on": collector.scope.review_date,
        }
        elected_key = (_cluster_key(role.cluster), role.year, unit_key, role.role)
        collector.add("leadership", elected_key, values, role.sentence, 0.85, role.unit.name)


def _method(sentence: str) -> str | None:
    folded = fold(sentence)
    scored = "cham diem" in folded
    voted = any(w in folded for w in ("suy ton", "bo phieu", "binh xet", "binh bau"))
    if scored and voted:
        return "score_and_vote"
    return "score" if scored else "vote" if voted else None


def _ranks(collector: _Collector, sentence: Sentence) -> None:
    statements = ranks(sentence.text, collector.known)
    if not statements:
        return
    scope = collector.scope
    cluster = _cluster_of(sentence, scope)
    first = min(s.unit.start for s in statements)
    stated = [y for y, at in years(sentence.text) if at < first]
    year = stated[-1] if stated else scope.year
    for statement in statements:
        values: dict[str, str | int | None] = {
            "cluster": cluster,
            "results_year": year,
            "unit": statement.unit.name,
            "rank": statement.rank,
            "method": _method(sentence.text),
        }
        key = (_cluster_key(cluster), year, collector.unit_key(statement.unit.name, cluster, year))
        collector.add("rankings", key, values, sentence, 0.85, statement.unit.name)


def _awards(collector: _Collector, sentence: Sentence) -> None:
    scope = collector.scope
    for statement in awards(sentence.text, collector.known):
        cluster = _cluster_of(sentence, scope)
        after = [y for y, at in years(sentence.text) if at > statement.at]
        before = [y for y, at in years(sentence.text) if at < statement.at]
        year = after[0] if after else before[-1] if before else scope.year
        reading = collector.knowledge.award_types.read(
            statement.award, statement.issuer, scope.organizer_id
        )
        unit = statement.unit.name if statement.unit else None
        values: dict[str, str | int | None] = {
            "cluster": cluster,
            "results_year": year,
            "unit": unit,
            "award_type": reading.code or statement.award,
            "issuer": statement.issuer,
            "status": statement.status,
        }
        unit_key = collector.unit_key(unit, cluster, year) if unit else ""
        key = (_cluster_key(cluster), year, unit_key, values["award_type"], statement.status)
        confidence = 0.85 if reading.code else 0.6
        collector.add("awards", key, values, sentence, confidence, unit)


# A table's columns by their headers (folded): the unit, its rank, its role in the cluster.
_UNIT_HEADERS = {"don vi", "ten don vi", "co quan", "ten co quan", "don vi thanh vien", "tap the"}
_RANK_HEADERS = {"xep thu", "xep hang", "thu hang", "hang", "thu tu xep hang", "ket qua xep hang"}
_ROLE_HEADERS = {"chuc danh trong cum", "chuc danh", "vai tro", "nhiem vu trong cum", "ghi chu"}


def _tables(collector: _Collector, body: list[Sentence]) -> None:
    """Tables of Word reports ("STT | Đơn vị | Chức danh trong Cụm", "STT | Đơn vị | Điểm |
    Xếp thứ"), as the document reader writes their rows: each row a member, with its role or
    rank when the table has that column."""
    header: list[str] | None = None
    cluster = collector.scope.cluster
    for sentence in body:
        own = clusters(sentence.text)
        if own and " | " not in sentence.text:
            cluster = own[0].written
        cells = [c.strip() for c in sentence.text.split(" | ")]
        folded = [fold(c) for c in cells]
        if len(cells) >= 2 and any(f in _UNIT_HEADERS for f in folded):
            header = folded
            continue
        if header is None or len(cells) < 2:
            header = None if " | " not in sentence.text else header
            continue
        _table_row(collector, sentence, header, cells, cluster)


def _table_row(
    collector: _Collector,
    sentence: Sentence,
    header: list[str],
    cells: list[str],
    cluster: str | None,
) -> None:
    def cell(names: set[str]) -> str | None:
        at = next((i for i, h in enumerate(header) if h in names), None)
        return cells[at] if at is not None and at < len(cells) and cells[at] else None

    unit = cell(_UNIT_HEADERS)
    if not unit:
        return
    year = collector.scope.year
    role, order = role_in(cell(_ROLE_HEADERS) or "")
    unit_key = collector.unit_key(unit, cluster, year)
    values: dict[str, str | int | None] = {
        "cluster": cluster,
        "results_year": year,
        "unit": unit,
        "role": role,
        "role_order": order,
        "stated_member_count": None,
    }
    collector.add(
        "memberships", (_cluster_key(cluster), year, unit_key), values, sentence, 0.85, unit
    )
    rank_cell = cell(_RANK_HEADERS)
    rank = ordinal(rank_cell) if rank_cell else None
    if rank:
        ranked: dict[str, str | int | None] = {
            "cluster": cluster,
            "results_year": year,
            "unit": unit,
            "rank": rank,
            "method": None,
        }
        key = (_cluster_key(cluster), year, unit_key)
        collector.add("rankings", key, ranked, sentence, 0.9, unit)
