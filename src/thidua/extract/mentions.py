"""What a sentence names: clusters, lists of units, roles and ordinal ranks.

Unit lists are the hard part. Names hold commas and "và" themselves ("Sở Văn hóa, Thể thao và Du
lịch", "Sở Giáo dục và Đào tạo"), and a prefix may cover several names ("Huyện ủy Ea H'leo, Krông
Pắc và Thị ủy Buôn Hồ" is three units). A list is cut where the next piece opens with an
organisation's head word ("Sở", "Ban", "Huyện ủy", …) or after a role in brackets; a piece that
opens with none continues the name before it, unless that name ends with a place ("Sở Tư pháp
tỉnh Nam Định, Ninh Bình"), whose prefix then covers it. Where the warehouse already knows a name,
that knowledge wins over these rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from thidua.normalize import clean_text, fold, roman_to_int

# Words an organisation's name opens with (folded), longest first so "huyen uy" beats "huyen".
_HEADS = sorted(
    (
        "so",
        "ban",
        "dai",
        "bao",
        "van phong",
        "thanh tra",
        "dang uy",
        "dang bo",
        "chi bo",
        "uy ban",
        "ub",
        "ubnd",
        "ubmttq",
        "ubmttqvn",
        "mttq",
        "mat tran",
        "lien doan",
        "ldld",
        "hoi",
        "tinh doan",
        "huyen doan",
        "thanh doan",
        "thi doan",
        "doan thanh nien",
        "doan tn",
        "huyen uy",
        "thi uy",
        "thanh uy",
        "quan uy",
        "tinh uy",
        "cong an",
        "bo chi huy",
        "bchq",
        "truong",
        "benh vien",
        "cuc",
        "chi cuc",
        "tong cuc",
        "vien",
        "hoc vien",
        "trung tam",
        "kho bac",
        "ngan hang",
        "cong ty",
        "tong cong ty",
        "tap doan",
        "quy",
        "huyen",
        "thi xa",
        "thanh pho",
        "tp",
        "quan",
        "phong",
        "vu",
        "hai quan",
        "bao hiem",
        "bhxh",
        "toa an",
        "tand",
        "vien kiem sat",
        "vksnd",
        "hdnd",
        "lien minh",
        "ban quan ly",
        "bql",
        "cong doan",
        "lien hiep",
        "hiep hoi",
        "chi nhanh",
        "nhnn",
        "kbnn",
        "bo",
        "xa",
        "phuong",
        "thi tran",
        "uy ban kiem tra",
        "ubkt",
        "doan",
        "dai phat thanh",
        "dai pt th",
        "lddl",
    ),
    key=len,
    reverse=True,
)
_HEAD_RE = re.compile(r"^(?:" + "|".join(re.escape(h) for h in _HEADS) + r")(?: |$)")
# Heads that name a place's Party committee: the place follows directly ("Huyện ủy Krông Pắc").
_PLACE_HEADS = ("huyen uy", "thi uy", "thanh uy", "quan uy", "huyen", "thi xa", "quan")
# Words after which a place name follows ("Sở Tư pháp tỉnh Nam Định").
_PLACE_WORD = re.compile(
    r"^(?P<prefix>.*\b(?:tỉnh|huyện|thị xã|thành phố|quận|TP|xã|phường|thị trấn))\s+(?P<place>.+)$"
)
_PLACE_NAME = re.compile(r"^(?:[A-ZĐ\u00c0-\u1ef9][\w'’]*)(?:\s+[A-ZĐ\u00c0-\u1ef9][\w'’]*){0,3}$")
# "Sở Tư pháp các tỉnh: Nam Định, Ninh Bình" → "Sở Tư pháp tỉnh Nam Định", …
_COVERING = re.compile(
    r"^(?P<head>.+?)\s+các\s+(?P<place>tỉnh,?\s+thành phố|tỉnh,?\s+thành|huyện,?\s+thị xã"
    r"|tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s*:?\s*(?P<first>.+)$"
)
# The names a list gives before the part a prefix covers ("A và các huyện …", "A, B, các …").
_LISTED_BEFORE = re.compile(r"^(?P<names>.+?)(?:,|\s+và)\s*$")
_PLACE_TAIL = re.compile(r"\s+(?:tỉnh|huyện|thị xã|thành phố|quận|TP|xã|phường|thị trấn)$")
_PLACE_WORD_FIRST = re.compile(r"^(?:tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn)\s+\S")
# Phrases whose "và" joins parts of one name.
_JOINED = ("doan dbqh va hdnd", "doan dai bieu quoc hoi va hoi dong nhan dan", "dbqh va hdnd")

# "Phó khối 2" is a deputy's order, not cluster 2.
_CLUSTER = re.compile(
    r"(?<!hó )(?P<kind>[Cc]ụm|[Kk]hối)(?P<thidua>\s+[Tt]hi\s+đua)?(?:\s+số)?\s+"
    r"(?P<number>\d{1,2}|[IVXLC]{1,6})(?![\w])"
)
# Named by its members' kind ("Khối thi đua các cơ quan Đảng"), or, after "thi đua", by a
# capitalised field ("Khối thi đua Kinh tế - Tổng hợp", "Khối thi đua Nội chính").
_CLUSTER_NAMED = re.compile(
    r"(?P<kind>[Cc]ụm|[Kk]hối)(?P<thidua>\s+[Tt]hi\s+đua)?\s+(?P<name>(?:các|doanh|cơ quan|"
    r"[Hh]uyện|[Tt]hành phố|[Tt]rường|[Mm]ặt trận|[Đđ]oàn thể|"
    r"(?<=đua )(?!Số\b|Cụm\b|Khối\b|Tỉnh\b|Thành\b)[A-ZĐ\u00c0-\u1ef9][a-zđ\u00e0-\u1ef9]+\b)"
    r"[^.;:()\n]{0,150})"
)
_NAMED_STOP = re.compile(
    r"\s+(?:gồm|đã|tổ chức|triển khai|năm|vừa|do|với|là|có|sơ kết|tổng kết|ký|bầu|tại|trong"
    r"|của|được|đề nghị|phát động|chào mừng|thống nhất|nhất trí|dẫn đầu|đứng đầu|xếp|đạt|nhận"
    r"|đón nhận|họp|bàn giao)\b|(?<!\btrực)\s+thuộc\b|\s+và\s+(?:[Cc]ụm|[Kk]hối)\b|\s+và\s*$"
    r"|,(?!\s*[a-zđà-ỹ])|,\s*(?:gồm|đã|do|với|là|có|tại|trong|năm)\b"
)
# The province after a named block ("… miền núi tỉnh Nghệ An"): the organiser's, not the name's.
_NAMED_PROVINCE = re.compile(r"(?:\s+tỉnh|(?<=Tỉnh ủy))(?:\s+[A-ZĐ\u00c0-\u1ef9][\w'’]*)+$")
# Single-word heads are also common words ("xã hội", "bộ phận"): a name goes on with a capital
# letter or a place word ("Sở Y tế", "Công an tỉnh"); longer heads stand by themselves.
_AFTER_SHORT_HEAD = re.compile(
    r"^(?:[A-ZĐ\u00c0-\u1ef9\d]|(?:tỉnh|huyện|thị xã|thành phố|quận|ngành|chi nhánh)\b)"
)

_ORDINALS = {
    "nhat": 1, "nhi": 2, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10,
}  # fmt: skip
_RANK = re.compile(r"(?:xếp|đứng|đạt)\s+(?:hạng\s+|thứ\s+|giải\s+)(?P<ord>\w+)", re.IGNORECASE)
_LEADS_WORDS = re.compile(r"\b(?:dẫn đầu|đứng đầu)\b", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"(?P<pho>[Pp]hó\s+(?:[Tt]rưởng\s+)?)?(?:[Cc]ụm|[Kk]hối)\s*(?P<truong>trưởng|[Tt]rưởng)?"
    r"|(?P<truong2>[Tt]rưởng)\s+(?:[Cc]ụm|[Kk]hối)"
)


@dataclass(frozen=True)
class ClusterMention:
    written: str
    start: int
    end: int


@dataclass(frozen=True)
class UnitMention:
    """A unit named in a list: the name as it stands for the unit (a covering prefix applied),
    its place in the sentence, and what its brackets say (a role, a rank)."""

    name: str
    start: int
    end: int
    role: str | None = None
    role_order: int | None = None
    rank: int | None = None
    distributed: bool = False
    cluster: str | None = None  # its own cluster, from a bracket ("(dẫn đầu Cụm thi đua số 1)")


def clusters(text: str) -> list[ClusterMention]:
    """Cluster mentions, numbered ("Cụm thi đua số V") or named ("Khối thi đua các cơ quan Đảng
    tỉnh"), written the way the load contract reads them (no province after the number)."""
    found = [
        ClusterMention(
            f"{m.group('kind').capitalize()}{' thi đua' if m.group('thidua') else ''}"
            f" số {m.group('number')}",
            m.start(),
            m.end(),
        )
        for m in _CLUSTER.finditer(text)
        if m.group("number").isdigit() or roman_to_int(m.group("number"))
    ]
    for m in _CLUSTER_NAMED.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        name = _NAMED_STOP.split(m.group("name"), maxsplit=1)[0].strip(" ,")
        name = re.sub(r"\s+và$", "", name)
        name = _NAMED_PROVINCE.sub("", name)
        if len(name.split()) >= 2:
            said = " thi đua" if m.group("thidua") else ""
            written = f"{m.group('kind').capitalize()}{said} {name}"
            found.append(ClusterMention(written, m.start(), m.start() + len(m.group(0))))
    return sorted(found, key=lambda c: c.start)


def ordinal(word: str) -> int | None:
    """ "Nhất" → 1, "Nhì" → 2, "3" → 3, "III" → 3."""
    folded = fold(word)
    if folded.isdigit():
        return int(folded)
    return _ORDINALS.get(folded) or roman_to_int(folded)


def rank_in(text: str) -> int | None:
    """The rank a phrase states: "xếp thứ Nhất", "đứng thứ 2", "xếp hạng Ba", "dẫn đầu"."""
    match = _RANK.search(text)
    if match:
        return ordinal(match.group("ord"))
    return 1 if _LEADS_WORDS.search(text) else None


def role_in(text: str) -> tuple[str | None, int | None]:
    """The cluster role a phrase states, and a deputy's order ("Phó khối 2" → deputy, 2)."""
    folded = f" {fold(text)} "
    if not re.search(r" (cum|khoi) ", folded) and " truong " not in folded:
        return None, None
    # "Phó khối 2", "Phó Cụm trưởng thứ hai"... and the other order, "Khối phó 2"
    order_match = re.search(
        r" (?:pho (?:truong )?(?:cum|khoi)(?: truong)?|(?:cum|khoi) pho)(?: thu)? (\d|i{1,3}|iv)\b",
        folded,
    )
    order = None
    if order_match:
        raw = order_match.group(1)
        order = int(raw) if raw.isdigit() else roman_to_int(raw)
    if re.search(r" pho (truong )?(cum|khoi)| (cum|khoi) pho ", folded):
        return "deputy", order
    if re.search(r" (cum|khoi) truong | truong (cum|khoi) ", folded):
        return "leader", None
    return None, None


def opens_with_head(piece: str) -> bool:
    """Whether a piece opens like an organisation's name ("Sở Y tế", "Thanh tra tỉnh")."""
    match = _HEAD_RE.match(fold(piece))
    if not match:
        return False
    head_words = len(match.group().split())
    words = piece.split()
    if head_words > 1 or len(words) == 1:
        return True
    return bool(_AFTER_SHORT_HEAD.match(" ".join(words[1:])))


def from_first_head(text: str) -> str:
    """The text from the first word that opens an organisation's name: "hội nghị đã bỏ phiếu
    suy tôn Huyện ủy Ea H'leo" → "Huyện ủy Ea H'leo". The text itself when no word does."""
    # A name is written with a capital ("Hiệu trưởng Trường THPT A": the head is "Trường").
    for match in re.finditer(r"(?:^|(?<=\s))\S", text):
        if match.group().isupper() and opens_with_head(text[match.start() :]):
            return text[match.start() :]
    return text


def _strip_brackets(piece: str) -> tuple[str, list[str]]:
    """The piece without its bracketed remarks, and the remarks."""
    remarks = re.findall(r"\(([^()]*)\)", piece)
    return re.sub(r"\s*\([^()]*\)", "", piece).strip(), remarks


_LEADING = re.compile(
    r"^(?:và|cùng|các đơn vị|đơn vị|gồm|là|có|:|-|\+|•|\d+[.)]|[a-zđ]\))\s*", re.IGNORECASE
)
_TRAILING = re.compile(r"[\s.;:,]+$|\s+(?:đã|cùng|đều)$")


def _clean(piece: str) -> str:
    before = None
    while before != piece:
        before = piece
        piece = _LEADING.sub("", piece.strip())
        piece = _TRAILING.sub("", piece)
    return piece.strip(" “”\"'")


# A list item's number, anywhere a word may start; a bullet only where a line starts (within a
# line "Lao động - Thương binh" is one name).
_NUMBER_MARKER = re.compile(r"\d{1,2}[.)]\s+(?=\w)")
_BULLET_MARKER = re.compile(r"[-+•*–]\s+(?=\w)")


def _pieces(text: str) -> list[tuple[str, int, str]]:
    """The list cut at every separator: (piece, offset, the separator before it)."""
    pieces: list[tuple[str, int, str]] = []
    last, separator = 0, ""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        if depth:
            continue
        cut = None
        marker = (_NUMBER_MARKER.match(text, i) if i == 0 or text[i - 1].isspace() else None) or (
            _BULLET_MARKER.match(text, i) if i == 0 or text[i - 1] == "\n" else None
        )
        if ch in ",;":
            cut = (i, i + 1, ch)
        elif text.startswith(" và ", i):
            cut = (i, i + 4, "và")
        elif marker:
            # a numbered or bulleted item ("1. Văn phòng Tỉnh ủy 2. Ban Tổ chức Tỉnh ủy")
            # closes the one before it, as a semicolon would
            cut = (i, marker.end(), ";")
        if cut is not None:
            pieces.append((text[last : cut[0]], last, separator))
            last, separator = cut[1], cut[2]
    pieces.append((text[last:], last, separator))
    return pieces


def split_units(
    text: str, offset: int = 0, known: Callable[[str], bool] | None = None
) -> list[UnitMention]:
    """The units a list names, with their brackets read.

    `known(name)` says whether the warehouse knows a name; it decides between joining and
    cutting where the words alone cannot ("Văn phòng Đoàn ĐBQH và HĐND tỉnh" is one unit)."""
    is_known = known or (lambda _name: False)
    covering = _COVERING.match(text)
    cover: tuple[str, str] | None = None  # the covering head and its place word
    named_before: list[UnitMention] = []
    if covering:
        head = covering.group("head")
        listed = _LISTED_BEFORE.match(head)
        if listed:
            # "Ủy ban MTTQ thành phố Hà Giang và các huyện A, B": the names before the cover
            # stand as written, and the cover's head is the kind of the last of them
            named_before = split_units(listed.group("names"), offset, known)
            kind = _place_prefix(named_before[-1].name) if named_before else None
            head = _PLACE_TAIL.sub("", kind) if kind else ""
        if head and opens_with_head(head):
            # "Sở NN&PTNT các tỉnh, thành phố: An Giang, TP Cần Thơ": places of several kinds
            # take the head alone
            place = covering.group("place")
            cover = (head, "" if "," in place or " " in place.replace("thành phố", "") else place)
            offset += covering.start("first")
            text = covering.group("first")
        else:
            named_before = []
    names: list[_Piece] = []
    for piece, at, separator in _pieces(text):
        raw = piece.strip()
        if not raw:
            continue
        start = offset + at + (len(piece) - len(piece.lstrip()))
        bare, _ = _strip_brackets(_clean(raw))
        if cover:
            member, prefix = _covered(bare, *cover)
            if member:
                names.append(_Piece(raw, start, prefix))
            continue
        if not names:
            names.append(_Piece(raw, start, None))
            continue
        previous = names[-1]
        joined = f"{previous.raw}{' và' if separator == 'và' else separator} {raw}"
        prev_bare, prev_remarks = _strip_brackets(_clean(previous.raw))
        if separator == ";" or prev_remarks:
            # a role in brackets or a semicolon closes a name; a bare place after it is still
            # covered by the prefix before it ("Đảng ủy xã An Định (Cụm trưởng), Thành Thới A")
            prefix = previous.prefix or _place_prefix(prev_bare)
            covered = prefix and not opens_with_head(bare) and _PLACE_NAME.match(bare)
            names.append(_Piece(raw, start, prefix if covered else None))
        elif _one_name(prev_bare, bare, separator, _strip_brackets(_clean(joined))[0], is_known):
            previous.raw = joined
        elif opens_with_head(bare):
            names.append(_Piece(raw, start, None))
        else:
            prefix = previous.prefix or _place_prefix(prev_bare)
            if prefix and _PLACE_NAME.match(bare):
                names.append(_Piece(raw, start, prefix))
            else:
                previous.raw = joined
    return named_before + [_mention(n.raw, n.start, n.prefix) for n in names if n.raw]


def _covered(bare: str, head: str, place: str) -> tuple[bool, str | None]:
    """Whether a piece of a covered list ("UBND các huyện A, B và thị xã C") is a member, and
    the prefix it takes: the head and place for a bare place name, the head alone for a piece
    that says its own place ("thị xã C"), none for a piece that names its own unit ("LĐLĐ thị
    xã D"); a piece that is no name at all ("cụ thể như sau") is no member."""
    if _PLACE_WORD_FIRST.match(bare):
        return True, head
    if bare.split()[0] == head.split()[0] or (
        opens_with_head(bare) and not _PLACE_NAME.match(bare)
    ):
        return True, None
    if _PLACE_NAME.match(bare) or _PLACE_WORD_FIRST.match(bare):
        return True, f"{head} {place}".strip()
    return False, None


@dataclass
class _Piece:
    raw: str
    start: int
    prefix: str | None


def _one_name(
    previous: str, piece: str, separator: str, joined: str, is_known: Callable[[str], bool]
) -> bool:
    """Whether a piece continues the name before it though it opens like a name of its own:
    a fixed phrase ("Đoàn ĐBQH và HĐND"), or a name the warehouse knows whole."""
    if separator == "và" and any(j in fold(f"{previous} và {piece}") for j in _JOINED):
        return True
    return is_known(joined) and not is_known(piece)


def _place_prefix(name: str) -> str | None:
    """What covers the next names when `name` ends with a place: "Huyện ủy Ea H'leo" → "Huyện
    ủy", "Sở Tư pháp tỉnh Nam Định" → "Sở Tư pháp tỉnh"."""
    folded = fold(name)
    for head in _PLACE_HEADS:
        if folded.startswith(head + " "):
            words = name.split()
            return " ".join(words[: len(head.split())])
    match = _PLACE_WORD.match(name)
    if match and _PLACE_NAME.match(match.group("place")):
        return match.group("prefix")
    return _kind_prefix(name)


def _kind_prefix(name: str) -> str | None:
    """The kind of unit a name opens with, before the proper name that ends it: "KBNN Quảng
    Ngãi" → "KBNN", "Trường THPT Trưng Vương" → "Trường THPT", "Cục Thống kê Thanh Hóa" → "Cục
    Thống kê", "Trường Mẫu giáo Vọng Thê" → "Trường Mẫu giáo". The proper name is the run of
    capitalised words at the end; the kind must say more than a head word ("Sở Tư pháp" has
    no proper name at its end, "Sở Hà Nam" no kind)."""
    words = name.split()
    at = len(words)
    while at > 0 and _titled(words[at - 1]) and not opens_with_head(words[at - 1]):
        at -= 1
    kind, rest = words[:at], words[at:]
    if not rest or len(rest) > _PLACE_WORDS or not kind or not opens_with_head(" ".join(kind)):
        return None
    says_more = len(kind) >= 2 or any(len(w) >= 2 and w.isupper() for w in kind)
    return " ".join(kind) if says_more else None


_PLACE_WORDS = 4


def _titled(word: str) -> bool:
    """ "Quảng", "Hà": a capital then lower case (not an acronym such as "THPT")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and letters[0].isupper() and all(c.islower() for c in letters[1:])


def _mention(raw: str, start: int, prefix: str | None) -> UnitMention:
    cleaned = _clean(raw)
    bare, remarks = _strip_brackets(cleaned)
    bare = _clean(bare)
    role, order, rank, cluster = None, None, None, None
    for remark in remarks:
        own = clusters(remark)
        if own:
            # "(dẫn đầu Cụm thi đua số 1)", "(xếp thứ hai Khối …)": a rank in that cluster
            cluster = cluster or own[0].written
            rank = rank or rank_in(remark[: own[0].start])
            continue
        role_found, order_found = role_in(remark)
        role, order = role or role_found, order or order_found
        rank = rank or rank_in(remark)
    # A role written after a dash: "Sở Y tế - Cụm phó"; or what the unit is: "Sở GD&ĐT - đơn
    # vị dẫn đầu Khối" (a lower-case word after the dash; "Lao động - Thương binh" is a name).
    dash = re.match(r"^(?P<name>.+?)\s+[-–]\s+(?P<rest>.+)$", bare)
    if dash and role_in(dash.group("rest"))[0]:
        role, order = role_in(dash.group("rest"))
        bare = dash.group("name")
    elif dash and dash.group("rest")[:1].islower():
        rank = rank or rank_in(dash.group("rest"))
        bare = dash.group("name")
    name = f"{prefix} {bare}" if prefix and not fold(bare).startswith(fold(prefix)) else bare
    begin = start + max(raw.find(cleaned[:8]), 0)
    return UnitMention(
        clean_text(name),
        begin,
        begin + len(cleaned),
        role,
        order,
        rank,
        distributed=bool(prefix),
        cluster=cluster,
    )
