"""Whose report, about which cluster and year: the document-wide facts every record inherits.

The organiser is read from what the text says ("Cụm thi đua số 5 tỉnh Thanh Hóa" is the
province's cluster; "Cụm thi đua số 6 của Tổng Liên đoàn Lao động Việt Nam" the federation's),
the events from meetings the text reports as held, each with its results year (a January
meeting reviews the year before; a school year ends in its results year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from thidua.extract.dates import FoundDate, find_dates, school_year_end, year_after, years
from thidua.extract.mentions import ClusterMention, clusters
from thidua.extract.sentences import Sentence
from thidua.normalize import fold

_PLACE = r"[A-ZĐ\u00c0-\u1ef9][\w'’]*(?:\s+(?:[-–]\s+)?[A-ZĐ\u00c0-\u1ef9][\w'’]*){0,3}"
# Organisers named after a cluster ("… của/thuộc X") or anywhere in the lead.
_ORGANIZER_PHRASES = (
    rf"Ủy ban MTTQ Việt Nam tỉnh {_PLACE}",
    rf"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {_PLACE}",
    rf"UBMTTQ(?:VN| Việt Nam)? tỉnh {_PLACE}",
    rf"MTTQ(?: Việt Nam)? tỉnh {_PLACE}",
    r"Tổng Liên đoàn Lao động Việt Nam",
    rf"Liên đoàn Lao động tỉnh {_PLACE}",
    rf"LĐLĐ tỉnh {_PLACE}",
    rf"(?:Ban Thường vụ )?Tỉnh ủy {_PLACE}",
    rf"Ủy ban nhân dân tỉnh {_PLACE}",
    rf"UBND tỉnh {_PLACE}",
    r"Ngân hàng Nhà nước(?: Việt Nam)?",
    r"Bảo hiểm xã hội Việt Nam",
    r"Bộ (?:Tư pháp|Tài chính|Công Thương|Nội vụ|Y tế|Xây dựng|Ngoại giao|Quốc phòng|Công an"
    r"|Giáo dục và Đào tạo|Khoa học và Công nghệ|Văn hóa, Thể thao và Du lịch"
    r"|Nông nghiệp và Môi trường|Nông nghiệp và Phát triển nông thôn|Tài nguyên và Môi trường"
    r"|Giao thông vận tải|Kế hoạch và Đầu tư|Lao động - Thương binh và Xã hội"
    r"|Thông tin và Truyền thông|Dân tộc và Tôn giáo)",
)
_ORGANIZER = re.compile("|".join(f"(?:{p})" for p in _ORGANIZER_PHRASES))
_OWNED = re.compile(r"^\s*(?:(?:của|thuộc|do)\s+)?")
_PROVINCE_AFTER = re.compile(rf"^\s*(?:tỉnh|thành phố)\s+(?P<place>{_PLACE})")
_PROVINCE_NAMED = re.compile(rf"\btỉnh\s+(?P<place>{_PLACE})")

_EVENT_WORDS = (
    (re.compile(r"\bsơ kết\b", re.IGNORECASE), "mid_year_review"),
    (re.compile(r"\btổng kết\b", re.IGNORECASE), "year_end_review"),
    (
        re.compile(r"\bký(?: kết)? giao ước\b|\bgiao ước thi đua(?: đã)?(?: được)? ký\b", re.I),
        "covenant_signing",
    ),
    (re.compile(r"\bphát động (?:đợt |phong trào )?thi đua\b", re.IGNORECASE), "campaign_launch"),
)
# A review is reported as held (not planned) when the sentence says so or dates it; signing a
# covenant and launching a campaign are the act itself.
_HELD = re.compile(r"tổ chức|diễn ra|tiến hành|long trọng|đã (?:sơ|tổng) kết|hội nghị", re.I)
_PLANNED = re.compile(
    r"\bsẽ\b|dự kiến|kế hoạch(?!\s+và\s+đầu tư)|chuẩn bị|phấn đấu|thời gian tổ chức|vào quý|\btới\b"
    r"|vào dịp|trước ngày",
    re.I,
)
_NOT_EMULATION = re.compile(
    r"\s+(?:\S+\s+){0,3}?(?:[Nn]ghị quyết|[Cc]hỉ thị|[Kk]ết luận|[Đđ]ề án|[Ll]uật|giữa nhiệm kỳ"
    r"|\d+\s+năm thực hiện)"
)
# Someone asked to do it: "đề nghị các đơn vị …", "yêu cầu Cục Hải quan tỉnh … tổ chức sơ kết".
_DIRECTIVE = re.compile(
    r"\b(?:[Đđ]ề nghị|[Yy]êu cầu)\s+(?:các\s+)?(?:đơn vị|thành viên|cơ quan|[A-ZĐ])"
)
# Said to be coming ("sẽ tổ chức", "dự kiến"): a date then is the day it is planned for, even with
# "tổ chức" or "hội nghị" in the sentence.
_WILL = re.compile(r"\bsẽ\b|dự kiến|chuẩn bị", re.I)
# Said to be done, whatever plan it carried out ("Thực hiện kế hoạch …, các khối đã tổ chức …").
_DONE = re.compile(r"\b(?:đã|vừa)\s+(?:tổ chức|tiến hành|diễn ra|long trọng|sơ kết|tổng kết)", re.I)
_HOST = re.compile(r"(?:^|,\s*|\s)[Tt]ại\s+(?P<host>[^,;.]+)")
_SPAN_END = re.compile(
    r"đến\s+(?:hết\s+)?(?:ngày\s+(?P<d>\d{1,2})[/-](?P<m>\d{1,2})|năm\s+(?P<y>\d{4}))"
)


@dataclass(frozen=True)
class Organizer:
    written: str
    sentence: Sentence | None
    inferred: bool  # "tỉnh X" read as the province's People's Committee


@dataclass(frozen=True)
class Event:
    event_type: str
    results_year: int | None
    date: FoundDate | None
    end: str | None
    host: str | None
    cluster: ClusterMention | None
    sentence: Sentence


def find_organizer(sentences: list[Sentence]) -> Organizer | None:
    """The organiser the text names beside its first cluster, else in its lead."""
    for sentence in sentences:
        for mention in clusters(sentence.text):
            after = sentence.text[mention.end :]
            owned = _OWNED.match(after)
            named = _ORGANIZER.match(after[owned.end() :]) if owned else None
            if named:
                return Organizer(named.group().strip(), sentence, False)
    for sentence in sentences[:3]:
        named = _ORGANIZER.search(sentence.text)
        if named:
            return Organizer(named.group().strip(), sentence, False)
    for sentence in sentences:
        for mention in clusters(sentence.text):
            province = _PROVINCE_AFTER.match(sentence.text[mention.end :])
            if province:
                place = _trim_place(province.group("place"))
                return Organizer(f"UBND tỉnh {place}", sentence, True)
    # One province named in the whole text, with no other organiser: its People's Committee's
    # cluster (a report of another organiser's cluster names that organiser).
    places = {
        _trim_place(m.group("place")): s
        for s in sentences
        for m in _PROVINCE_NAMED.finditer(s.text)
    }
    if len(places) == 1:
        place, sentence = next(iter(places.items()))
        return Organizer(f"UBND tỉnh {place}", sentence, True)
    return None


# The provinces whose names run past two words (before and after the 2025 merger); every other
# province's name is two words, so a third capitalised word belongs to what follows.
_LONG_PLACES = ("Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh")


def _trim_place(place: str) -> str:
    """A place name without the words that follow it by accident ("Thanh Hóa Nguyễn Văn A")."""
    spaced = " ".join(place.replace("–", "-").split())
    for long_place in _LONG_PLACES:
        if fold(spaced).startswith(fold(long_place)):
            return long_place
    words = [w for w in spaced.split() if w != "-"]
    return " ".join(words[:2]) if len(words) > 2 else " ".join(words)


def find_events(sentences: list[Sentence], published_year: int | None) -> list[Event]:
    """Meetings the text reports as held, and campaigns launched, in order."""
    found: list[Event] = []
    for sentence in sentences:
        text = sentence.text
        dates = [d for d in find_dates(text) if not _remembered(text, d.start)]
        for pattern, event_type in _EVENT_WORDS:
            keyword = pattern.search(text)
            if keyword is None:
                continue
            acts = event_type in ("covenant_signing", "campaign_launch")
            if _NOT_EMULATION.match(text, keyword.end()):
                continue  # "tổng kết Nghị quyết số 18": a review of a resolution
            if _DIRECTIVE.search(text[: keyword.start()]) and not _DONE.search(text):
                continue  # "đề nghị các đơn vị … tổ chức sơ kết": asked for, not held
            planned = _PLANNED.search(text) and not _DONE.search(text)
            if not dates and (planned or not (acts or _HELD.search(text))):
                continue
            before = text[: keyword.start()]
            if dates and planned and _PLANNED.search(before) and not _HELD.search(text):
                continue
            if dates and planned and _WILL.search(before):
                continue  # "Cụm … sẽ tổ chức hội nghị tổng kết vào ngày 20/12"
            date = _date_for(dates, keyword.start(), event_type)
            year = _results_year(text, keyword.end(), event_type, date, published_year)
            end = _span_end(text, keyword.end(), year) if event_type == "campaign_launch" else None
            mentions = clusters(text)
            host = _HOST.search(text[: keyword.start()])
            found.append(
                Event(
                    event_type,
                    year,
                    date,
                    end,
                    host.group("host").strip() if host else None,
                    mentions[0] if mentions else None,
                    sentence,
                )
            )
    return found


# A date a meeting remembers, not its own: "chào mừng kỷ niệm 94 năm Ngày thành lập Hội Nông
# dân Việt Nam (14/10/1930 - 14/10/2024)".
_ANNIVERSARY = re.compile(r"kỷ niệm|thành lập|truyền thống|ngày sinh", re.IGNORECASE)
_ANNIVERSARY_REACH = 80


def _remembered(text: str, at: int) -> bool:
    before = text[max(0, at - _ANNIVERSARY_REACH) : at]
    return bool(_ANNIVERSARY.search(re.split(r"[;,]\s", before)[-1]))


def _date_for(dates: list[FoundDate], at: int, event_type: str) -> FoundDate | None:
    """A campaign starts at the first date after its keyword ("từ ngày 1-7"); a meeting is
    dated where the sentence opens ("Chiều 15-7, …")."""
    if not dates:
        return None
    if event_type == "campaign_launch":
        after = [d for d in dates if d.start >= at]
        return after[0] if after else dates[0]
    return dates[0]


def _results_year(
    text: str, at: int, event_type: str, date: FoundDate | None, published: int | None
) -> int | None:
    stated = school_year_end(text[at : at + 160]) or year_after(text, at)
    if stated is not None:
        return stated
    if date is None or date.year is None:
        mentioned = [y for y, _ in years(text)]
        return mentioned[0] if mentioned else published
    if event_type == "year_end_review":
        # The year-end review of year Y is held from mid-November of Y to March of Y + 1.
        return date.year - 1 if date.month <= 3 else date.year
    if event_type == "covenant_signing":
        return date.year + 1 if date.month >= 11 else date.year
    return date.year


def event_date_year(event: Event) -> int | None:
    """The calendar year of an event whose date leaves the year out: from its results year."""
    if event.date is None or event.date.year is not None or event.results_year is None:
        return event.date.year if event.date else None
    month = event.date.month
    if event.event_type == "year_end_review" and month <= 3:
        return event.results_year + 1
    if event.event_type == "covenant_signing" and month >= 11:
        return event.results_year - 1
    return event.results_year


def _span_end(text: str, at: int, year: int | None) -> str | None:
    match = _SPAN_END.search(text, at)
    if match is None:
        return None
    if match.group("y"):
        return f"{match.group('y')}-12-31"
    if year is None:
        return None
    return f"{year:04d}-{int(match.group('m')):02d}-{int(match.group('d')):02d}"


def published_year(text: str, published: str | None) -> int | None:
    """The year a page was published: its metadata, else a "30/07/2024 20:45" line."""
    if published:
        return int(published[:4])
    for line in text.splitlines():
        match = _DATELINE.search(line)
        if match and len(line) <= _DATELINE_LENGTH:
            return int(match.group("y") or match.group("y2"))
    return None


# A page's dateline: a date and a clock time on one short line ("Thứ Bảy, 06/01/2024 - 08:15 |
# 1.532 lượt xem", "08:15 06/01/2024").
_DATELINE = re.compile(
    r"\b\d{1,2}/\d{1,2}/(?P<y>(?:19|20)\d{2})\b.{0,12}?\b\d{1,2}:\d{2}\b"
    r"|\b\d{1,2}:\d{2}\b.{0,12}?\b\d{1,2}/\d{1,2}/(?P<y2>(?:19|20)\d{2})\b"
)
_DATELINE_LENGTH = 120
