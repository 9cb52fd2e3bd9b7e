"""What one sentence states about units: a member list, roles, ranks, elections, awards.

Each finder returns statements with the unit as written (a covering prefix applied) and where it
stands in the sentence; resolving names and choosing years is the engine's job.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from thidua.award_types import is_remaining_units
from thidua.extract.mentions import (
    UnitMention,
    from_first_head,
    opens_with_head,
    ordinal,
    role_in,
    split_units,
)
from thidua.normalize import fold

Known = Callable[[str], bool]

# "gồm các đơn vị:", "(gồm: …)", "gồm 7 đơn vị thành viên là", "bao gồm các cơ quan"
_LIST_OPEN = re.compile(
    r"(?P<paren>\(\s*)?(?:bao\s+)?gồm(?:\s+có)?(?:\s+các)?(?:\s+(?P<count>\d{1,2}))?"
    r"(?:\s+(?:đơn vị|thành viên|cơ quan|tập thể))?(?:\s+thành viên)?(?:\s+(?:là|sau))?\s*:?\s*",
    re.IGNORECASE,
)
# "gồm 6 trường:", "gồm 7 tổ chức cơ sở đảng:", "Khối có 6 đơn vị:" — words, then a colon
_LIST_OPEN_COLON = re.compile(
    r"(?P<paren>\(\s*)?(?:(?:bao\s+)?gồm|có\s+\d{1,2}\s+(?:đơn vị|thành viên|cơ quan|trường))"
    r"(?P<words>[^:;.()]{0,60}?):\s*",
    re.IGNORECASE,
)
_LIST_STOP = re.compile(
    r"\s+(?:đã|vừa|cùng nhau|long trọng|tổ chức|đồng loạt|tiến hành|phối hợp)\s|\.\s*$|\.$"
    r"|[;,]\s*trong đó\b"
)
_STATED_COUNT = re.compile(r"(?:gồm|có)\s+(?P<n>\d{1,2})\s+(?:đơn vị|thành viên|cơ quan)", re.I)

_ROLE = (
    r"(?:đơn vị\s+)?(?P<role>(?:[Pp]hó\s+)?(?:[Tt]rưởng\s+)?(?:[Cc]ụm|[Kk]hối)"
    r"(?:\s+(?:trưởng|phó|[Tt]rưởng))?(?:\s+(?:\d|I{1,3}))?|(?:[Tt]rưởng|[Pp]hó)\s+(?:[Cc]ụm|[Kk]hối)"
    r"(?:\s+(?:\d|I{1,3}))?)"
)
_ELECTION = re.compile(
    r"(?P<unit>[^;:()]{1,200}?)(?:\s+(?:làm|là|giữ chức|giữ vai trò|đảm nhận|đảm nhiệm)\s+|"
    r",\s+(?=đơn vị\s))" + _ROLE
)
_ELECTING = re.compile(r"\b(?:bầu|giới thiệu|thống nhất|suy tôn|chọn|cử|giao|luân phiên)\b", re.I)
_LEADING_VERBS = re.compile(
    r"^.{0,300}?\b(?:bầu(?:\s+chọn)?|giới thiệu|thống nhất(?:\s+(?:bầu|cử|chọn))?|"
    r"suy tôn|chọn|cử|giao|đồng thời|do|và|đã)\s+(?=\S)",
    re.IGNORECASE,
)
_TRAILING_VERBS = re.compile(
    r"\s+(?:được\s+(?:bầu|giao|suy tôn|tín nhiệm|chọn)|tiếp tục|sẽ|chính thức)\s*$", re.I
)
_RANK_AFTER = re.compile(
    r"(?P<unit>[^,;:()]{1,200}?)\s+(?:được\s+)?(?:xếp|đứng|đạt)\s+(?:hạng|thứ)\s+(?P<ord>\w+)", re.I
)
_LEADS = re.compile(
    r"(?P<unit>[^,;:()]{1,200}?)\s+"
    r"(?:là\s+(?:đơn vị\s+)?|được\s+suy tôn\s+(?:là\s+)?(?:đơn vị\s+)?)?"
    r"dẫn đầu\s+(?:[Cc]ụm|[Kk]hối|phong trào|toàn)",
)
_LEAD_IS = re.compile(
    r"(?:[Đđ]ơn vị\s+)?dẫn đầu\s+(?:[Cc]ụm|[Kk]hối)[^,;:]{0,120}?(?:là|:)\s+"
    r"(?P<unit>[^,;.()]{1,200})"
)
_IN_TURN = re.compile(
    r"(?P<units>[^:;]{1,400}?)\s+lần lượt\s+(?:xếp|đạt|đứng)\s+(?:thứ|hạng|giải)\s+"
    r"(?P<ords>[\w ,]{1,120})",
    re.I,
)
_RANK_LIST_OPEN = re.compile(
    r"(?:suy tôn|bình xét|xếp hạng|xếp loại|kết quả(?: xếp hạng| chấm điểm)?)[^:.;]{0,70}?:\s*",
    re.IGNORECASE,
)
# "xếp thứ Nhất: Sở Tư pháp; xếp thứ Nhì: Sở Y tế", "xếp thứ 1 Sở A, thứ 2 Sở B"
_ORDINAL_FIRST = re.compile(
    r"(?:xếp\s+)?thứ\s+(?P<ord>\d{1,2}|[Nn]hất|[Nn]hì|[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám)"
    r"\s*:?\s+(?P<unit>[^,;.:]{1,150}?)(?=\s*[,;.]|\s+và\s+(?:xếp\s+)?thứ|$)"
)
_NUMBERED = re.compile(
    r"(?:^|[\s;:])(?P<n>\d{1,2})[.)]\s+(?P<name>[^;\n]{1,200}?)(?=;|\s+\d{1,2}[.)]\s|$)"
)

_AWARD = re.compile(
    r"(?:[Dd]anh hiệu\s+)?(?P<award>[Cc]ờ thi đua(?: xuất sắc)?"
    r"|[Cc]ờ\s+[“\"]?[Đđ]ơn vị dẫn đầu[^”\"]{0,80}[”\"]?"
    r"|[Bb]ằng khen|[Cc]ờ luân lưu|[“\"]?[Tt]ập thể [Ll]ao động"
    r" (?:xuất sắc|tiên tiến)[”\"]?|[Hh]oàn thành xuất sắc nhiệm vụ)"
)
_ISSUER_AFTER = re.compile(
    r"^\s+(?:của|do)\s+(?P<issuer>.{1,120}?)(?=\s+(?:cho|năm|đối với|tặng)\b|[,;.(]|$)"
)
_ISSUER_BEFORE = re.compile(
    r"(?:đề nghị|đề xuất|trình|kiến nghị)\s+(?P<issuer>[^;.]{1,120}?)\s+tặng\s*$"
)
_GIVER_BEFORE = re.compile(
    r"(?P<issuer>(?:Thủ tướng|Chủ tịch|Bộ trưởng|UBND|Ủy ban|Ban|Tổng|Bộ)[^;.]{0,120}?)"
    r"\s+(?:đã\s+)?(?:tặng|trao tặng|quyết định tặng)\s*$"
)
_UNITS_AFTER = re.compile(r"^\s*(?:năm\s+\d{4}\s*)?(?:cho|đối với|tới)\s+(?P<units>[^;.]+)")
# Where the units an award goes to end: what the sentence says next about them.
_UNITS_END = re.compile(
    r"\s+(?:là|được|đã|để|vì|với)\s|\s*,?\s*(?:và\s+)?(?:đề nghị|đề xuất|tặng|trao|công nhận)\b"
    r"|,\s*(?:đơn vị|là)\b|\s+năm(?:\s+học)?\s+\d{4}"
)
_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|suy tôn\s+)(?P<units>[^;:]{0,400}?)\s+"
    r"(?:được|đã được|đều được|vinh dự đón nhận|vinh dự nhận|đón nhận|nhận)\s+"
    r"(?:đề nghị\s+|đề xuất\s+|xét\s+|trao\s+|nhận\s+)?[^;.]{0,300}$"
)
_PROPOSED = re.compile(r"đề nghị|đề xuất|kiến nghị|\btrình\b", re.I)
_APPROVED = re.compile(r"xét duyệt|thông qua|phê duyệt", re.I)
_DECIDED = re.compile(r"tặng|trao|được nhận|đón nhận|vinh dự nhận", re.I)
_NOT_AWARDED = re.compile(r"phấn đấu|hướng tới|mục tiêu|tiêu chuẩn|điều kiện", re.I)
_GENERIC_UNITS = {"cac don vi", "don vi", "cac tap the", "tap the", "cac co quan", "cac don vi do"}


@dataclass(frozen=True)
class MemberList:
    members: list[UnitMention]
    stated_count: int | None


@dataclass(frozen=True)
class RoleStatement:
    unit: UnitMention
    role: str
    role_order: int | None
    elected: bool  # chosen at this meeting (for a coming year) rather than described


@dataclass(frozen=True)
class RankStatement:
    unit: UnitMention
    rank: int


@dataclass(frozen=True)
class AwardStatement:
    award: str
    issuer: str | None
    status: str
    unit: UnitMention | None  # None: the text does not name the units
    at: int


def member_list(text: str, known: Known) -> MemberList | None:
    """The members a sentence lists after a cluster ("Cụm … gồm các đơn vị: …")."""
    openings = [
        o for o in _LIST_OPEN_COLON.finditer(text) if not _names_a_unit(o.group("words"))
    ] or list(_LIST_OPEN.finditer(text))
    for opening in openings:
        before = fold(text[: opening.start()])
        if not re.search(r"\b(cum|khoi)\b", before):
            continue
        start = opening.end()
        if opening.group("paren"):
            close = text.find(")", start)
            end = close if close >= 0 else len(text)
        else:
            stop = _LIST_STOP.search(text, start)
            end = stop.start() if stop else len(text)
        # Inside a list every piece is a member, even one that opens with no head word (a bare
        # place standing for its department in a ministry's cluster, "Dân tộc tỉnh").
        members = [m for m in split_units(text[start:end], start, known) if _is_listed(m.name)]
        if len(members) >= 2:
            count = _STATED_COUNT.search(text)
            return MemberList(members, int(count.group("n")) if count else None)
    return None


def _names_a_unit(words: str) -> bool:
    """Whether the words between "gồm" and a colon already name a unit (then they are the list,
    and the colon belongs to something else): a name, or a prefix covering the list ("UBND các
    huyện: Lạc Dương, Đam Rông")."""
    if re.search(r"\bcác\s+(?:tỉnh|huyện|thành phố|thị xã|xã|phường)\s*$", words):
        return True
    capitals = re.finditer(r"(?<!\S)[^\W\d_a-zđ]", words)
    return any(opens_with_head(words[m.start() :]) for m in capitals)


def _is_listed(name: str) -> bool:
    return bool(name) and len(name.split()) <= 14 and fold(name) not in _GENERIC_UNITS


def _is_unit(name: str) -> bool:
    return bool(name) and len(name) <= 120 and opens_with_head(name)


def roles(text: str, known: Known) -> list[RoleStatement]:
    """Units said to lead or deputise ("bầu Ban Dân tộc tỉnh làm Cụm trưởng, Sở Tư pháp làm Phó
    Cụm trưởng"; "do Sở Y tế làm Cụm trưởng"; "Sở X được bầu làm Khối phó 2")."""
    found: list[RoleStatement] = []
    elected = bool(_ELECTING.search(text))
    for match in _ELECTION.finditer(text):
        role, order = role_in(match.group("role"))
        if role is None:
            continue
        written = _TRAILING_VERBS.sub("", _unit_text(match.group("unit")))
        for unit in split_units(written, match.start("unit") + match.group("unit").find(written)):
            if _is_unit(unit.name) or known(unit.name):
                found.append(RoleStatement(unit, role, order, elected))
    return found


def ranks(text: str, known: Known) -> list[RankStatement]:
    """Ranks a sentence states: a list with "(xếp thứ Nhất)" brackets, "X xếp thứ Nhì",
    "X dẫn đầu Cụm", "dẫn đầu Khối là X", "A, B, C lần lượt xếp thứ Nhất, Nhì, Ba", or a
    numbered list after "xếp hạng:"."""
    found: list[RankStatement] = []
    opening = _RANK_LIST_OPEN.search(text)
    if opening:
        listed = split_units(text[opening.end() :], opening.end(), known)
        found += [RankStatement(m, m.rank) for m in listed if m.rank and _is_unit(m.name)]
        numbered = list(_NUMBERED.finditer(text, max(opening.end() - 1, 0)))
        if len(numbered) >= 2:
            for item in numbered:
                for unit in split_units(item.group("name"), item.start("name"), known)[:1]:
                    if _is_unit(unit.name):
                        found.append(RankStatement(unit, int(item.group("n"))))
    for match in _ORDINAL_FIRST.finditer(text):
        rank = ordinal(match.group("ord"))
        units = split_units(match.group("unit"), match.start("unit"), known)
        if rank and units and (_is_unit(units[0].name) or known(units[0].name)):
            found.append(RankStatement(units[0], rank))
    for pattern in (_IN_TURN,):
        for match in pattern.finditer(text):
            units = [
                u
                for u in split_units(
                    _listed_text(match.group("units")), match.start("units"), known
                )
                if _is_unit(u.name)
            ]
            ords = [ordinal(w) for w in re.split(r"[\s,]+|\svà\s", match.group("ords")) if w]
            numbers = [o for o in ords if o]
            for unit, rank in zip(units, numbers, strict=False):
                found.append(RankStatement(unit, rank))
    if not found:
        for match in _RANK_AFTER.finditer(text):
            rank = ordinal(match.group("ord"))
            found += _single(match.group("unit"), match.start("unit"), rank, known)
        for match in [*_LEADS.finditer(text), *_LEAD_IS.finditer(text)]:
            found += _single(match.group("unit"), match.start("unit"), 1, known)
    return found


def _listed_text(text: str) -> str:
    """A list of units with what leads up to it dropped ("Kết quả: A, B và C" → "A, B và C")."""
    return re.split(r"[:]\s*|\bsuy tôn\s+", text)[-1]


def _unit_text(text: str) -> str:
    """A unit's name with the words that lead up to it dropped ("hội nghị đã suy tôn …")."""
    text = text.strip()
    headed = from_first_head(text)
    return headed if headed != text or opens_with_head(text) else _LEADING_VERBS.sub("", text)


def _single(written: str, at: int, rank: int | None, known: Known) -> list[RankStatement]:
    if rank is None:
        return []
    cleaned = _TRAILING_VERBS.sub("", _unit_text(written))
    units = split_units(cleaned, at + max(written.find(cleaned), 0), known)
    return [RankStatement(u, rank) for u in units[-1:] if _is_unit(u.name) or known(u.name)]


@dataclass
class _AwardMention:
    award: str
    issuer: str | None
    issuers: list[str]
    status: str
    units: list[UnitMention]
    start: int
    end: int
    generic: bool  # the text says "các đơn vị" where the units would be named


def awards(text: str, known: Known) -> list[AwardStatement]:
    """Awards a sentence proposes, approves or records as given, each with its units."""
    mentions = _award_mentions(text, known)
    # "đề nghị UBND tỉnh tặng Cờ thi đua và đề nghị Thủ tướng tặng Cờ thi đua của Chính phủ cho
    # X": both flags go to X.
    for this, following in itertools.pairwise(mentions):
        between = text[this.end : following.start]
        if not this.units and following.units and ";" not in between and " cho " not in between:
            this.units = following.units
    named = any(m.units for m in mentions)
    found: list[AwardStatement] = []
    for m in mentions:
        # An award with no units is a fact only where the text says the units were not named
        # ("suy tôn các đơn vị đề nghị … tặng cờ thi đua"); beside named awards it is an aside.
        if not m.units and named and not m.generic:
            continue
        issuers: list[str | None] = [*m.issuers] or [None]
        units: list[UnitMention | None] = [*m.units] or [None]
        for one_issuer in issuers:
            written = m.award if m.issuer or one_issuer is None else f"{m.award} của {one_issuer}"
            for unit in units:
                found.append(AwardStatement(written, one_issuer, m.status, unit, m.start))
    return found


def _award_mentions(text: str, known: Known) -> list[_AwardMention]:
    found: list[_AwardMention] = []
    mentions = list(_AWARD.finditer(text))
    for index, mention in enumerate(mentions):
        clause_end = mentions[index + 1].start() if index + 1 < len(mentions) else len(text)
        semicolon = text.find(";", mention.end())
        if 0 <= semicolon < clause_end:
            clause_end = semicolon
        clause_start = max(text.rfind(";", 0, mention.start()) + 1, 0)
        lead = text[clause_start : mention.start()]
        if _NOT_AWARDED.search(lead[-60:]):
            continue
        status = _status(text[:clause_end])
        if status is None:
            continue
        award = mention.group("award").strip('“”" ')
        issuer = None
        after_start = mention.end()
        issued = _ISSUER_AFTER.match(text[after_start:clause_end])
        if issued:
            issuer = issued.group("issuer").strip()
            award = f"{award} của {issuer}"
            after_start += issued.end()
        after = text[after_start:clause_end]
        found.append(
            _AwardMention(
                award,
                issuer,
                [issuer] if issuer else _issuers_before(lead),
                status,
                _award_units(after_start, after, lead, clause_start, known),
                mention.start(),
                mention.end(),
                generic=bool(
                    re.search(r"\bcác (?:đơn vị|tập thể)\b(?!\s+(?:còn lại|trong))", lead)
                ),
            )
        )
    return found


def _status(text: str) -> str | None:
    # "Hội đồng … đã xét duyệt, thông qua đề nghị tặng …": the proposal is now approved.
    if _APPROVED.search(text):
        return "approved"
    if _PROPOSED.search(text):
        return "proposed"
    if _DECIDED.search(text):
        return "decided"
    return None


def _issuers_before(lead: str) -> list[str]:
    """ "đề nghị Thủ tướng Chính phủ, UBND tỉnh tặng" → both givers."""
    match = _ISSUER_BEFORE.search(lead) or _GIVER_BEFORE.search(lead)
    if not match:
        return []
    written = match.group("issuer")
    written = re.sub(r"^.*\bđề nghị\s+", "", written)
    return [p.strip() for p in re.split(r",\s*|\s+và\s+", written) if p.strip()]


def _award_units(
    at: int, after: str, lead: str, lead_start: int, known: Known
) -> list[UnitMention]:
    """The units an award goes to: "… cho A, B và C", else the subject before "được … tặng"."""
    forward = _UNITS_AFTER.match(after)
    if forward:
        written = forward.group("units")
        return _units(written, at + forward.start("units"), known)
    subject = _SUBJECT.search(lead)
    if subject and subject.group("units").strip():
        return _units(subject.group("units"), lead_start + subject.start("units"), known)
    suy_ton = re.search(r"suy tôn\s+(?P<units>.{1,400}?)\s+(?:đề nghị|để đề nghị)", lead)
    if suy_ton:
        return _units(suy_ton.group("units"), lead_start + suy_ton.start("units"), known)
    return []


def _units(written: str, at: int, known: Known) -> list[UnitMention]:
    end = _UNITS_END.search(written)
    cleaned = (written[: end.start()] if end else written).strip()
    if is_remaining_units(cleaned):
        return [UnitMention(cleaned, at, at + len(cleaned))]
    if fold(cleaned) in _GENERIC_UNITS:
        return []
    units = split_units(cleaned, at, known)
    return [u for u in units if _is_unit(u.name) or known(u.name) or is_remaining_units(u.name)]
