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

from thidua.extract.dates import find_dates, years
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
from thidua.extract.statements import awards, member_lists, ranks, roles
from thidua.normalize import covers, fold, match_key, parse_cluster_ref

_REVIEWS = ("year_end_review", "mid_year_review")
# "các đơn vị trong Cụm … ký giao ước": the cluster's members signed, so the roster carries.
_SIGNED_BY_MEMBERS = re.compile(r"các đơn vị (?:trong|thành viên|của) (?:cụm|khối)", re.IGNORECASE)
_COVENANT = re.compile(r"giao ước", re.IGNORECASE)
# Image captions ("Ảnh: …", "… - Ảnh 1."): they describe a photo, not what happened.
_CAPTION = re.compile(
    r"^(?:Ảnh|Hình|Photo)\s*(?::|\d|minh họa)|[-–]\s*Ảnh\s*\d+\.?$"
    r"|[(\[]\s*(?:Ảnh|Nguồn ảnh|Photo)\s*:[^()\[\]]{1,60}[)\]]\.?$"
)
_CAPTION_LENGTH = 300


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
    sections: dict[int, str | None] = field(default_factory=dict)


@dataclass
class _Collector:
    """The records found so far: the first statement of a fact wins (titles repeat leads)."""

    doc: Document
    knowledge: Knowledge
    scope: _Scope
    records: list[Proposed] = field(default_factory=list)
    award_years: dict[str, int | None] = field(default_factory=dict)  # last year per status
    written: dict[str, list[str]] = field(default_factory=dict)  # unresolved names, by key
    member_clusters: dict[str, set[str | None]] = field(default_factory=dict)  # by unit key

    def cluster_of_member(self, name: str | None) -> str | None:
        """The one cluster this text lists the unit in, if it lists it in exactly one."""
        found = self.member_clusters.get(self.unit_key(name, None, None), set()) if name else set()
        return next(iter(found)) if len(found) == 1 else None

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
        from thidua.ingest.award_types import is_remaining_units

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
        if unit_id:
            return unit_id
        key = f"~{match_key(name or '')}"
        if key in self.written:
            return key
        # "Cục Quản lý thị trường tỉnh Lào Cai" in the list, "Cục QLTT tỉnh Lào Cai" in the roles:
        # one unit when exactly one name written before accounts for every word of the other
        words = fold(name or "").split()
        same = [
            k
            for k, other in self.written.items()
            if covers(other, words, may_skip=False) or covers(words, other, may_skip=False)
        ]
        if len(same) == 1:
            return same[0]
        self.written[key] = words
        return key

    def known(self, name: str) -> bool:
        aliases = self.knowledge.context.aliases
        return aliases.resolve(name, self.scope.organizer_id, suggest=False).unit_id is not None


def extract(doc: Document, knowledge: Knowledge, organizer: str | None = None) -> list[Proposed]:
    """Every record the document states, in the order the text states them."""
    end = body_end(doc.text)
    body = _without_captions(sentences(doc.text, end))
    published = published_year(doc.text, doc.published)
    found_organizer = find_organizer(body)
    written_organizer = organizer or (found_organizer.written if found_organizer else None)
    events = _dated_at_the_meeting(
        _one_per_meeting(_dated_by_the_minutes(find_events(body, published), body))
    )
    mentions = [m for s in body for m in clusters(s.text)]
    reviews = [e for e in events if e.event_type in _REVIEWS]
    scope = _Scope(
        organizer=written_organizer,
        organizer_id=knowledge.organizer_id(written_organizer),
        cluster=mentions[0].written if mentions else None,
        year=_main_year(_leading(events), body, published),
        source_kind="official" if doc.kind in ("docx", "pdf") else "article",
        source_ref=knowledge.source_id(doc.url, Path(doc.path).name)
        or doc.url
        or Path(doc.path).name,
        source=doc.url or doc.path,
        has_year_end=any(e.event_type == "year_end_review" for e in events),
    )
    scope.sections = _sections(body, scope.cluster)
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


def _without_captions(body: list[Sentence]) -> list[Sentence]:
    """The sentences that are not an image's caption: a caption line, or a short paragraph
    signed by its photographer ("Lãnh đạo các đơn vị ký giao ước. Ảnh: Thu Hà")."""
    signed = {
        s.paragraph
        for s in body
        if _CAPTION.search(s.text)
        and sum(len(o.text) for o in body if o.paragraph == s.paragraph) <= _CAPTION_LENGTH
    }
    return [s for s in body if s.paragraph not in signed and not _CAPTION.search(s.text)]


# Minutes give the meeting's time on a line of its own ("1. Thời gian: hồi 08 giờ 30 phút, ngày
# 09/01/2025"), apart from the title that names the meeting.
_MINUTES_TIME = re.compile(r"\b(?:Thời gian|Vào hồi)\b", re.IGNORECASE)


def _dated_by_the_minutes(events: list[Event], body: list[Sentence]) -> list[Event]:
    """Meetings the text names without a date, dated by the minutes' time line, when that
    date fits the year each reviews (a year-end review in its year or early in the next)."""
    dated = next(
        (
            found
            for s in body
            if _MINUTES_TIME.search(s.text)
            for found in find_dates(s.text)
            if found.year is not None and found.day is not None
        ),
        None,
    )
    if dated is None or dated.year is None:
        return events
    out: list[Event] = []
    for event in events:
        fits = event.results_year is not None and dated.year - event.results_year in (0, 1)
        if event.date is None and fits and event.event_type != "campaign_launch":
            event = replace(event, date=dated)
        out.append(event)
    return out


def _one_per_meeting(events: list[Event]) -> list[Event]:
    """One event per cluster, type and results year: a title ("… ký kết giao ước thi đua năm
    2024") and the lead that dates it report the same meeting; the dated telling wins. A mention
    with no year at all is dropped when the text reports that kind of event with one."""
    kept: dict[tuple[object, ...], Event] = {}
    stated = [e.results_year for e in events if e.results_year is not None]
    for event in events:
        if event.results_year is None and event.date is not None and event.cluster and stated:
            # "Ngày 10/1, Khối thi đua số 5 tổ chức hội nghị tổng kết" in a report of 2023's
            # reviews: a meeting the text dates without a year is of the year it reports on
            event = replace(event, results_year=stated[0])
        cluster = event.cluster.written if event.cluster else None
        key = (_cluster_key(cluster), event.event_type, event.results_year)
        held = kept.get(key)
        if held is None or (held.date is None and event.date is not None):
            kept[key] = event
    dated_types = {e.event_type for e in kept.values() if e.results_year is not None}
    found = [
        e for e in kept.values() if e.results_year is not None or e.event_type not in dated_types
    ]
    return _unnamed_merged(found)


def _unnamed_merged(events: list[Event]) -> list[Event]:
    """A telling that names no cluster ("hai khối thi đua đã tổ chức hội nghị tổng kết năm
    2023") is the same meeting as the one named telling of its kind and year, or a summary of
    several named ones; it stands alone only when no named telling matches it."""
    named = [e for e in events if e.cluster is not None]
    out = list(named)
    for event in (e for e in events if e.cluster is None):
        same = [
            i
            for i, n in enumerate(out)
            if n.event_type == event.event_type and n.results_year == event.results_year
        ]
        if not same:
            out.append(event)
        elif len(same) == 1 and out[same[0]].date is None and event.date is not None:
            out[same[0]] = replace(event, cluster=out[same[0]].cluster)
    return sorted(out, key=lambda e: e.sentence.start)


def _dated_at_the_meeting(events: list[Event]) -> list[Event]:
    """A covenant signed or a campaign launched "at the meeting" ("Dịp này", "Ngay tại hội
    nghị") with no date of its own happened on the day of the report's dated meeting."""
    dated = [e for e in events if e.date is not None]
    meeting = next((e for e in dated if e.event_type in _REVIEWS), dated[0] if dated else None)
    if meeting is None:
        return events
    acts = ("covenant_signing", "campaign_launch")
    out: list[Event] = []
    for e in events:
        if e.date is None and e.event_type in acts and meeting.date is not None:
            e = replace(
                e,
                date=replace(meeting.date, year=event_date_year(meeting)),
                results_year=e.results_year or meeting.results_year,
            )
        elif e.event_type in acts and e.date is not None and e.date.year is None:
            e = _on_the_reviews_day(e, [r for r in dated if r.event_type in _REVIEWS])
        out.append(e)
    return out


def _on_the_reviews_day(act: Event, reviews: list[Event]) -> Event:
    """A covenant or campaign dated by the same words as the review it was part of ("Ngày 5
    tháng 1, Cụm … tổng kết năm 2023 và phát động …") happened in the review's calendar year,
    and a campaign is for the year it is launched in."""
    review = next((r for r in reviews if r.sentence == act.sentence and r.date == act.date), None)
    calendar = event_date_year(review) if review else None
    if act.date is None or calendar is None:
        return act
    results = calendar
    if act.event_type == "covenant_signing" and act.date.month >= _COVENANT_EARLY_MONTH:
        results = calendar + 1
    return replace(act, date=replace(act.date, year=calendar), results_year=results)


# A covenant signed from November on is for the year after.
_COVENANT_EARLY_MONTH = 11


def _leading(events: list[Event]) -> list[Event]:
    """The events in the order that makes the first one the report's subject: the first
    sentence telling of a meeting names it (a review before a covenant signed at it); a review
    recalled later ("Nhìn lại năm 2023, tại hội nghị tổng kết …") is not the subject."""
    if not events:
        return events
    first = min(e.sentence.start for e in events)
    opening = [e for e in events if e.sentence.start == first]
    opening.sort(key=lambda e: e.event_type not in _REVIEWS)
    return opening + [e for e in events if e not in opening]


def _main_year(events: list[Event], body: list[Sentence], published: int | None) -> int | None:
    for event in events:
        if event.results_year is not None:
            return event.results_year
    for sentence in body[:3]:
        stated = years(sentence.text)
        if stated:
            return stated[0][0]
    return published


def _cluster_of(
    sentence: Sentence, scope: _Scope, at: int | None = None, member_of: str | None = None
) -> str | None:
    """The cluster a statement at offset `at` of a sentence is about: the one its own clause
    names ("A làm Trưởng khối Khối thi đua số 1 năm 2023; B làm Trưởng khối Khối thi đua số 2"),
    else the last one the sentence names before it ("Cụm thi đua số 1 bầu A …; Cụm thi đua số
    2 bầu B …"), else the first it names; a sentence naming none speaks of the cluster its unit
    is a member of (`member_of`), else of the one the text is about there."""
    own = clusters(sentence.text)
    if at is not None and own:
        start = sentence.text.rfind(";", 0, at) + 1
        end = sentence.text.find(";", at)
        clause = [c for c in own if start <= c.start and (end < 0 or c.end <= end)]
        if clause:
            before = [c for c in clause if c.end <= at]
            return (before[-1] if before else clause[0]).written
        before = [c for c in own if c.end <= at]
        if before:
            return before[-1].written
    if own:
        return own[0].written
    return member_of or scope.sections.get(sentence.start, scope.cluster)


# A cluster named in a heading, or as the subject that opens a sentence, is what the sentences
# after it are about ("* Khối thi đua số 4" / "Ngày 11/1, Khối thi đua số 4 tổ chức …"); one
# named in passing further into a sentence is not.
_HEADING_LENGTH_CLUSTER = 100
_SUBJECT_REACH = 80


def _sections(body: list[Sentence], first: str | None) -> dict[int, str | None]:
    """The cluster each sentence without its own is about, by where the text last turned."""
    current = first
    about: dict[int, str | None] = {}
    for sentence in body:
        about[sentence.start] = current
        own = clusters(sentence.text)
        if own and (len(sentence.text) <= _HEADING_LENGTH_CLUSTER or own[0].start < _SUBJECT_REACH):
            current = own[0].written
    return about


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
    for sentence, listed in (
        (s, listed) for s in body for listed in member_lists(s.text, collector.known)
    ):
        cluster = _cluster_of(sentence, collector.scope, listed.members[0].start)
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
            collector.member_clusters.setdefault(
                collector.unit_key(unit.name, None, None), set()
            ).add(cluster)
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
    heading_year: int | None = None
    for sentence in body:
        statements = roles(sentence.text, collector.known)
        if not statements:
            heading_year = _heading_year(sentence.text, heading_year)
            continue
        opening = _OPENING_YEAR.match(sentence.text)
        stated = [s.year or _year_after(sentence.text, s.unit.end) for s in statements]
        if opening:
            stated = [y or int(opening.group("y")) for y in stated]
        for at, statement in enumerate(statements):
            cluster = _cluster_of(sentence, scope, statement.unit.start)
            # "A làm Cụm trưởng; B làm Cụm phó … năm 2024": a year closing the list of roles
            # is every role's year; else a heading above ("IV. CỤM TRƯỞNG, CỤM PHÓ NĂM 2024").
            # ("Khối trưởng năm 2024 là A, Khối phó là B": one written before carries on.)
            year = (
                next((y for y in stated[at:] if y is not None), None)
                or next((y for y in reversed(stated[:at]) if y is not None), None)
                or heading_year
            )
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


# A short heading that names the roles of a year ("IV. CỤM TRƯỞNG, CỤM PHÓ NĂM 2024").
# "Năm 2024, Sở Tài chính làm Khối trưởng, …": the year opening a sentence is all its roles'.
_OPENING_YEAR = re.compile(r"\s*(?:Trong\s+|Sang\s+)?[Nn]ăm\s+(?P<y>(?:19|20)\d\d)\s*,")
_ROLE_HEADING = re.compile(r"\b(?:trưởng|phó)\b", re.IGNORECASE)
_HEADING_LENGTH = 120


def _heading_year(text: str, current: int | None) -> int | None:
    """The year a section heading gives the roles below it; any other short line ends it."""
    if len(text) > _HEADING_LENGTH:
        return current
    stated = {year for year, _ in years(text)}
    if _ROLE_HEADING.search(text) and len(stated) == 1:
        return stated.pop()
    return None


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
    first = min(s.unit.start for s in statements)
    stated = [y for y, at in years(sentence.text) if at < first]
    year = stated[-1] if stated else scope.year
    for statement in statements:
        cluster = statement.unit.cluster or _cluster_of(
            sentence, scope, statement.unit.start, collector.cluster_of_member(statement.unit.name)
        )
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
        own = statement.unit.cluster if statement.unit else None
        member_of = collector.cluster_of_member(statement.unit.name) if statement.unit else None
        cluster = own or _cluster_of(sentence, scope, statement.at, member_of)
        after = [y for y, at in years(sentence.text) if at > statement.at]
        before = [y for y, at in years(sentence.text) if at < statement.at]
        # an award the sentence gives no year is of the year the awards of its status before
        # it were ("đã trao Cờ … năm 2023 …. Cũng tại hội nghị, A được tặng Bằng khen")
        carried = collector.award_years.get(statement.status)
        year = after[0] if after else before[-1] if before else carried or scope.year
        collector.award_years[statement.status] = year
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
        if statement.unit and statement.unit.rank and own:
            # "trao Cờ thi đua cho … UBND huyện A (dẫn đầu Cụm thi đua số 1)"
            ranked: dict[str, str | int | None] = {
                "cluster": cluster,
                "results_year": year,
                "unit": unit,
                "rank": statement.unit.rank,
                "method": None,
            }
            collector.add("rankings", key[:3], ranked, sentence, 0.8, unit)


# A table's columns by their headers (folded): the unit, its rank, its role in the cluster.
_UNIT_HEADERS = {"don vi", "ten don vi", "co quan", "ten co quan", "don vi thanh vien", "tap the"}
_RANK_HEADERS = {"xep thu", "xep hang", "thu hang", "hang", "thu tu xep hang", "ket qua xep hang"}
_CLUSTER_HEADERS = {"cum", "cum thi dua", "khoi", "khoi thi dua", "thuoc cum", "thuoc khoi"}
_ROLE_HEADERS = {"chuc danh trong cum", "chuc danh", "vai tro", "nhiem vu trong cum", "ghi chu"}


def _tables(collector: _Collector, body: list[Sentence]) -> None:
    """Tables of Word reports ("STT | Đơn vị | Chức danh trong Cụm", "STT | Đơn vị | Điểm |
    Xếp thứ"), as the document reader writes their rows: each row a member, with its role or
    rank when the table has that column."""
    header: list[str] | None = None
    cluster = collector.scope.cluster
    for sentence in _table_lines(body):
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


def _table_lines(body: list[Sentence]) -> list[Sentence]:
    """The body with every table row its own sentence: a table copied as text ("1 | Sở A | 95")
    has no full stops, so its rows arrive as one sentence of several lines."""
    lines: list[Sentence] = []
    for sentence in body:
        if " | " not in sentence.text or "\n" not in sentence.text:
            lines.append(sentence)
            continue
        offset = 0
        for line in sentence.text.split("\n"):
            start = sentence.start + offset + len(line) - len(line.lstrip())
            if line.strip():
                text = line.strip()
                lines.append(Sentence(text, start, start + len(text), sentence.paragraph))
            offset += len(line) + 1
    return lines


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
    # a table of several clusters says each row's ("Cụm số 1"); its number reads as the cluster
    own = cell(_CLUSTER_HEADERS)
    if own:
        ref = parse_cluster_ref(own)
        kind = "Khối" if fold(own).startswith("khoi") else "Cụm"
        if ref is not None and ref.number is not None:
            cluster = f"{kind} thi đua số {ref.number}"
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
