"""What one sentence states about units: a member list, roles, ranks, elections, awards.

Each finder returns statements with the unit as written (a covering prefix applied) and where it
stands in the sentence; resolving names and choosing years is the engine's job.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from thidua.extract.mentions import (
    UnitMention,
    from_first_head,
    opens_with_head,
    ordinal,
    role_in,
    split_units,
)
from thidua.ingest.award_types import is_remaining_units
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
    r"(?P<words>[^:;.()]{0,60}?)(?::|(?<=thành viên)\s+là|(?<=đơn vị)\s+là)\s*",
    re.IGNORECASE,
)
_LIST_STOP = re.compile(
    r"\s+(?:đã|vừa|cùng nhau|long trọng|tổ chức|đồng loạt|tiến hành|phối hợp|tổng kết|sơ kết|"
    r"ký kết|ký giao ước|họp)\s|\.\s*$|\.$"
    r"|[;,]\s*trong đó\b|,\s*do\s"
    # "…, Quang Bình; Ủy ban MTTQ huyện Vị Xuyên là Cụm trưởng": a statement after the list
    r"|;(?=[^;]{1,150}?\s(?:là|làm|giữ)\s)|;\s*(?=(?:[Cc]ụm|[Kk]hối)\b)"
)
_STATED_COUNT = re.compile(r"(?:gồm|có)\s+(?P<n>\d{1,2})\s+(?:đơn vị|thành viên|cơ quan)", re.I)

_ROLE = (
    r"(?:đơn vị\s+)?(?P<role>(?:[Pp]hó\s+)?(?:[Tt]rưởng\s+)?(?:[Cc]ụm|[Kk]hối)"
    r"(?:\s+(?:trưởng|phó|[Tt]rưởng))?(?:\s+(?:\d|I{1,3}))?|(?:[Tt]rưởng|[Pp]hó)\s+(?:[Cc]ụm|[Kk]hối)"
    r"(?:\s+(?:\d|I{1,3}))?)"
)
_ELECTION = re.compile(
    r"(?P<unit>[^;:()]{1,200}?)(?:\s+(?:làm|là|giữ|đảm nhận|đảm nhiệm|nhận|tiếp nhận)"
    r"(?:\s+(?:vai trò|nhiệm vụ|chức vụ|chức|cương vị))?(?:\s+(?:là|của))?\s+|"
    r"(?:,|\s[-–])\s+(?=đơn vị\s))" + _ROLE
)
# "…, đơn vị Cụm phó là B": the role names its holder after it, so the name before is no holder
_HOLDER_AFTER = re.compile(r"\s*(?:năm(?:\s+học)?\s+[\d-]{4,9}\s*)?(?:là|:)\s")
_ELECTING = re.compile(
    r"\b(?:bầu|giới thiệu|thống nhất|nhất trí|biểu quyết|đề cử|tín nhiệm|suy tôn|chọn|cử|giao|"
    r"luân phiên)\b",
    re.I,
)
# The role first, then its holder: "Đơn vị trưởng cụm là Sở Tư pháp, cụm phó là Sở Y tế",
# "Cụm trưởng năm 2025: UBND huyện A". The role must say trưởng or phó, so that a cluster's own
# name ("Cụm thi đua số 3 là …") never reads as a role.
_CHOOSING = re.compile(
    r"\b(?:bầu(?:\s+chọn)?|thống nhất|nhất trí|giới thiệu|suy tôn|biểu quyết|đề cử|chọn|cử|"
    r"giao(?!\s+ước))\s+(?=\S)",
    re.IGNORECASE,
)
_ROLE_VERB = re.compile(r"\s(?:làm|là|giữ)\s")
_ROLE_FIRST = re.compile(
    r"(?:[Đđ]ơn vị\s+)?(?P<role>(?:[Pp]hó\s+)?(?:[Cc]ụm|[Kk]hối)\s+(?:trưởng|phó)|"
    r"(?:[Tt]rưởng|[Pp]hó)\s+(?:[Cc]ụm|[Kk]hối)(?:\s+trưởng)?)"
    r"(?:\s+(?:\d|I{1,3})(?=\s))?"
    r"(?:\s+(?:năm|nhiệm kỳ)\s+(?P<year>(?:19|20)\d\d))?\s*(?:là|:)\s+"
    r"(?P<unit>[^;.():]{1,300}?)"
    r"(?=\s*(?:[;.()]|,\s*(?:đơn vị\s+)?(?:[Pp]hó|[Tt]rưởng|[Cc]ụm|[Kk]hối)\b|\s(?:và|còn)\s|$))"
)
_LEADING_VERBS = re.compile(
    r"^.{0,300}?\b(?:bầu(?:\s+chọn)?|giới thiệu|thống nhất(?:\s+(?:bầu|cử|chọn))?|"
    r"suy tôn|chọn|cử|giao|đồng thời|do|và|đã)\s+(?=\S)",
    re.IGNORECASE,
)
_TRAILING_VERBS = re.compile(
    r"\s+(?:được\s+(?:bầu|giao|suy tôn|tín nhiệm|chọn|phân công|cử|luân phiên)|tiếp tục|sẽ|"
    r"chính thức)\s*$",
    re.I,
)
_RANK_AFTER = re.compile(
    r"(?P<unit>[^;:()]{1,200}?)\s+(?:được\s+)?(?:xếp|đứng|đạt)\s+(?:hạng|thứ|giải)\s+(?P<ord>\w+)",
    re.I,
)
_LEADS = re.compile(
    r"(?P<unit>[^,;:()]{1,200}?)\s+"
    r"(?:là\s+(?:đơn vị\s+)?|được\s+(?:[^,;]{0,40}?\s)?suy tôn\s+(?:là\s+)?(?:đơn vị\s+)?)?"
    r"(?:dẫn đầu|đứng đầu|xếp đầu)\s+(?:[Cc]ụm|[Kk]hối|phong trào|toàn)",
)
_LEAD_IS = re.compile(
    r"(?:[Đđ]ơn vị\s+)?[Dd]ẫn đầu\s+(?:[Cc]ụm|[Kk]hối)[^,;:]{0,120}?(?:là|:)\s+"
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
    r"(?:xếp\s+thứ|\bthứ|\b[Gg]iải)\s+"
    r"(?P<ord>\d{1,2}|[Nn]hất|[Nn]hì|[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám)"
    r"\s*(?::|[-–]|thuộc về|là)?\s+(?!và\s)(?P<unit>[^,;.:(]{1,150}?)"
    r"(?=\s*[,;.(]|\s+và\s+(?:xếp\s+)?thứ|$)"
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
    r"(?:đề nghị(?!\s+của)|đề xuất|trình|kiến nghị)\s+(?P<issuer>[^;.]{1,120}?)\s+tặng\s*$"
)
_GIVER_BEFORE = re.compile(
    r"(?P<issuer>(?:Thủ tướng|Chủ tịch|Bộ trưởng|UBND|Ủy ban|Ban|Tổng|Bộ)[^;.]{0,120}?)"
    r"\s+(?:đã\s+)?(?:tặng|trao tặng|quyết định tặng)\s*$"
)
_UNITS_AFTER = re.compile(r"^\s*(?:năm\s+\d{4}\s*)?(?:cho|đối với|tới)\s+(?P<units>[^;.]+)")
# Where the units an award goes to end: what the sentence says next about them.
_UNITS_END = re.compile(
    r"\s+(?:là|được|đã|để|vì|với|dẫn đầu|đứng đầu|xếp thứ|vinh dự)(?:\s|$)"
    r"|\s+và\s+(?:xem xét|đề nghị|trình)\b"
    r"|\s*,?\s*(?:và\s+)?(?:đề nghị|đề xuất|tặng|trao|công nhận)\b"
    r"|,\s*(?:đơn vị|là|đồng thời)\b|\s+năm(?:\s+học)?\s+\d{4}"
    r"|\s+theo\s+(?:Quyết định|QĐ|Công văn|Tờ trình|Thông báo)\b"
)
_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|suy tôn\s+)(?P<units>[^;:]{0,400}?)\s+"
    r"(?:được|đã được|đều được|vinh dự đón nhận|vinh dự nhận|đón nhận|nhận)\s+"
    r"(?:đề nghị\s+|đề xuất\s+|xét\s+|trao\s+|nhận\s+)?[^;.]{0,300}$"
)
_GIVEN_AGAIN = re.compile(r"[;,]\s*(?:và\s+)?(?:tặng|trao tặng)\s*$")
# "đề nghị của Hội đồng …" is the council's proposal (a noun), not a proposing verb.
_PROPOSED = re.compile(r"đề nghị(?!\s+của)|đề xuất(?!\s+của)|kiến nghị|\btrình\b", re.I)
_APPROVED = re.compile(r"xét duyệt|thông qua|phê duyệt", re.I)
_DECIDED = re.compile(r"tặng|trao|được nhận|đón nhận|vinh dự nhận", re.I)
# Given, said so beyond the bare verb that proposals share ("đề nghị … tặng").
_GIVEN = re.compile(
    r"đã được|được tặng|đã tặng|được trao|đã trao|trao tặng|đón nhận|vinh dự nhận|được nhận"
    r"|quyết định tặng",
    re.I,
)
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
    year: int | None = None  # a year the statement names before the unit ("Cụm trưởng năm 2025 là")


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


def member_lists(text: str, known: Known) -> list[MemberList]:
    """The member lists of a sentence, one per cluster it lists ("Cụm thi đua số 3 gồm …;
    Cụm thi đua số 4 gồm …")."""
    found: list[MemberList] = []
    start = 0
    while (listed := member_list(text, known, start)) is not None:
        found.append(listed)
        start = listed.members[-1].end
    return found


def member_list(text: str, known: Known, start: int = 0) -> MemberList | None:
    """The members a sentence lists after a cluster ("Cụm … gồm các đơn vị: …"), the first
    list from `start` on."""
    openings = [
        o for o in _LIST_OPEN_COLON.finditer(text, start) if not _names_a_unit(o.group("words"))
    ] or list(_LIST_OPEN.finditer(text, start))
    for opening in openings:
        before = fold(text[: opening.start()])
        # the cluster is the subject, or its members are ("Năm 2023, các thành viên gồm …")
        if not re.search(r"\b(cum|khoi|thanh vien)\b", before):
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
        said = match.group("unit")
        # "Cụm … gồm A, B và C đã tổng kết …, thống nhất D làm Cụm trưởng": the unit named
        # after the last verb of choosing
        chosen = list(_CHOOSING.finditer(said))
        if chosen:
            said = said[chosen[-1].end() :]
        written = _TRAILING_VERBS.sub("", _unit_text(said))
        units = split_units(written, match.start("unit") + match.group("unit").find(written))
        appositive = text[match.end("unit") : match.start("role")].lstrip()[:1] in (",", "-", "–")
        if appositive and _HOLDER_AFTER.match(text, match.end()):
            continue
        if appositive:
            # "tại TP. Quy Nhơn, KBNN Bình Định, đơn vị Trưởng khối": the role is the last name's
            units = units[-1:]
        for unit in units:
            if _is_unit(unit.name) or known(unit.name):
                found.append(RoleStatement(unit, role, order, elected))
    taken = [(r.unit.start, r.unit.end) for r in found]
    for match in _ROLE_FIRST.finditer(text):
        role, order = role_in(match.group(0)[: match.end("role") - match.start()])
        # "Bầu Cụm trưởng, Cụm phó năm 2024: … A làm Cụm trưởng": a heading over roles the
        # sentence states unit by unit
        overlaps = any(s < match.end("unit") and match.start("unit") < e for s, e in taken)
        if role is None or overlaps or _ROLE_VERB.search(match.group("unit")):
            continue
        year = int(match.group("year")) if match.group("year") else None
        written = _unit_text(match.group("unit"))
        at = match.start("unit") + match.group("unit").find(written)
        for unit in split_units(written, at, known):
            if _is_unit(unit.name) or known(unit.name):
                found.append(RoleStatement(unit, role, order, elected, year))
    return sorted(found, key=lambda r: r.unit.start)


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
    # "A được suy tôn dẫn đầu Khối; xếp thứ Nhì là B": the leader beside the other places
    led = [s for m in _LEADS.finditer(text) for s in _single(m["unit"], m.start("unit"), 1, known)]
    led += [
        s for m in _LEAD_IS.finditer(text) for s in _single(m["unit"], m.start("unit"), 1, known)
    ]
    named = {fold(s.unit.name) for s in found}
    return found + [s for s in led if fold(s.unit.name) not in named]


def _listed_text(text: str) -> str:
    """A list of units with what leads up to it dropped ("Kết quả: A, B và C" → "A, B và C")."""
    return re.split(r"[:]\s*|\bsuy tôn\s+", text)[-1]


def _unit_text(text: str) -> str:
    """A unit's name with the words that lead up to it dropped ("hội nghị đã suy tôn …")."""
    text = text.strip()
    headed = from_first_head(text)
    return headed if headed != text or opens_with_head(text) else _LEADING_VERBS.sub("", text)


_RECIPIENT_VERB = re.compile(r"\s(?:cho|tặng|trao)\s+(?=\S)")


def _single(written: str, at: int, rank: int | None, known: Known) -> list[RankStatement]:
    if rank is None:
        return []
    cleaned = _TRAILING_VERBS.sub("", _unit_text(written))
    # "đề nghị UBND tỉnh tặng Cờ thi đua cho Sở A là đơn vị dẫn đầu": the ranked unit is the
    # award's recipient, after its verb
    cleaned = _RECIPIENT_VERB.split(cleaned)[-1]
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
        # "đề nghị Ban Thường vụ Tỉnh ủy tặng Cờ thi đua cho A; tặng Bằng khen cho B": the
        # second award is given by the same body
        unnamed_giver = following.issuer is None and not following.issuers and this.issuers
        if unnamed_giver and _GIVEN_AGAIN.search(between) and not _PROPOSED.search(between):
            following.issuers = list(this.issuers)
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
        # the words since the award before say how this one stands ("A đã được Bộ trưởng tặng
        # Cờ thi đua và đang được Bộ đề nghị Thủ tướng tặng Cờ của Chính phủ"); with none of
        # their own ("…; tặng Bằng khen cho B") it stands as the sentence's awards do
        since = max(clause_start, mentions[index - 1].end() if index else 0)
        status = _own_status(text[since : mention.end()]) or _status(text[:clause_end])
        if status is None:
            continue
        award = mention.group("award").strip('“”" ')
        issuer = None
        after_start = mention.end()
        issued = _ISSUER_AFTER.match(text[after_start:clause_end])
        if issued and fold(award).startswith("co luan luu"):
            # "Cờ luân lưu của Cụm thi đua số 3": a rotating flag is always its cluster's
            after_start += issued.end()
            issued = None
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


def _own_status(text: str) -> str | None:
    if _APPROVED.search(text):
        return "approved"
    if _PROPOSED.search(text):
        return "proposed"
    return "decided" if _GIVEN.search(text) else None


def _status(text: str) -> str | None:
    # "Hội đồng … đã xét duyệt, thông qua đề nghị tặng …": the proposal is now approved.
    if _APPROVED.search(text):
        return "approved"
    if _PROPOSED.search(text):
        return "proposed"
    if _DECIDED.search(text):
        return "decided"
    return None


_GIVER_HEAD = re.compile(
    r"(?:Thủ tướng|Chủ tịch|Bộ trưởng|Bộ|UBND|Ủy ban|Ban|Tổng|Hội đồng|Ban Chấp hành|Giám đốc|"
    r"Tỉnh ủy|Thành ủy|Đảng ủy|Liên đoàn|LĐLĐ|MTTQ|Trung ương)\b"
)


def _issuers_before(lead: str) -> list[str]:
    """ "đề nghị Thủ tướng Chính phủ, UBND tỉnh tặng" → both givers."""
    match = _ISSUER_BEFORE.search(lead) or _GIVER_BEFORE.search(lead)
    if not match:
        return []
    written = match.group("issuer")
    written = re.sub(r"^.*\bđề nghị\s+", "", written)
    # "Thủ tướng Chính phủ, UBND tỉnh" are two givers; "Bộ Kế hoạch và Đầu tư" is one: a
    # piece is a giver of its own only when it opens like one
    givers: list[str] = []
    for piece in (p.strip() for p in re.split(r",\s*|\s+và\s+", written)):
        if givers and not _GIVER_HEAD.match(piece):
            givers[-1] += f" và {piece}"
        elif piece:
            givers.append(piece)
    return givers


def _award_units(
    at: int, after: str, lead: str, lead_start: int, known: Known
) -> list[UnitMention]:
    """The units an award goes to: "… cho A, B và C", else the subject before "được … tặng"."""
    forward = _UNITS_AFTER.match(after)
    if forward:
        written = forward.group("units")
        # "cho 4 đơn vị dẫn đầu các cụm, khối năm 2023 theo Quyết định số …, gồm: A (…), B (…)"
        counted = _COUNTED_UNITS.match(written)
        listed = re.search(r"\bgồm\s*:?\s*", after) if counted else None
        if listed:
            return _units(after[listed.end() :], at + listed.end(), known)
        return _units(written, at + forward.start("units"), known)
    regarding = _REGARDING.search(lead)
    if regarding:
        return _units(regarding.group("units"), lead_start + regarding.start("units"), known)
    subject = _SUBJECT.search(lead)
    if subject and subject.group("units").strip():
        # "Với thành tích năm 2023, A đã được … tặng": the subject starts at its first name
        said = subject.group("units")
        headed = from_first_head(said)
        at = lead_start + subject.start("units") + len(said) - len(headed)
        return _units(headed, at, known)
    suy_ton = re.search(r"suy tôn\s+(?P<units>.{1,400}?)\s+(?:đề nghị|để đề nghị)", lead)
    if suy_ton:
        return _units(suy_ton.group("units"), lead_start + suy_ton.start("units"), known)
    return []


# "Đối với UBND huyện A, UBND tỉnh đã có tờ trình đề nghị … tặng …"
_REGARDING = re.compile(r"(?:^|[.;]\s*)[Đđ]ối với\s+(?P<units>[^,;]{3,200}),")
_COUNTED_UNITS = re.compile(r"\s*(?:\d{1,3}|các)\s+(?:đơn vị|tập thể|cơ quan)\b")


def _units(written: str, at: int, known: Known) -> list[UnitMention]:
    end = _UNITS_END.search(written)
    cleaned = (written[: end.start()] if end else written).strip()
    if is_remaining_units(cleaned):
        return [UnitMention(cleaned, at, at + len(cleaned))]
    if fold(cleaned) in _GENERIC_UNITS:
        return []
    units = split_units(cleaned, at, known)
    return [u for u in units if _is_unit(u.name) or known(u.name) or is_remaining_units(u.name)]
