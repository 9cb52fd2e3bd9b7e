"""Text normalisation at the edge: every string that enters thidua passes through here.

Three levels, each idempotent:
- `clean_text`: what we store and show (NFC, the real "Đ", straight apostrophes, single spaces);
- `match_key`: what names are compared by (lower case, one tone-mark convention, no punctuation,
  "&"/"và"/"-" treated alike, no spaces), never shown;
- `fold`: ASCII without diacritics, for headers and codes typed without a Vietnamese keyboard.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache

_LOOKALIKES = str.maketrans(
    {
        "\u00d0": "\u0110",  # Ð (Icelandic eth) → Đ
        "\u00f0": "\u0111",  # ð → đ
        "\u0189": "\u0110",  # Ɖ (African D) → Đ
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)
_SPACES = re.compile(r"\s+")
# Invisible format characters: a soft hyphen (U+00AD) pasted from a web page or Word makes
# "ro\u00adle" print as "role" and match nothing; joiners and direction marks likewise.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def clean_text(value: str) -> str:
    """NFC, look-alike letters fixed, invisible characters dropped, whitespace collapsed. Safe
    to show to users."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", value).translate(_LOOKALIKES))
    return _SPACES.sub(" ", text).strip()


# Old-style ("hoà") to the convention used in official names ("hòa"): only for open syllables,
# since "hoàng"/"hoàn" put the mark on "a" in both conventions, and not after "q" ("quý").
_TONE_MOVE = re.compile(r"(?<!q)([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])(?!\w)")


def _move_tone(match: re.Match[str]) -> str:
    first, second, tone = match.group(1), match.group(2), match.group(3)
    if (first, second) not in (("o", "a"), ("o", "e"), ("u", "y")):
        return match.group(0)
    return first + tone + second


def normalize_tone_marks(text: str) -> str:
    """Put the tone mark of open "oa", "oe", "uy" syllables on the first vowel (hoà → hòa)."""
    decomposed = unicodedata.normalize("NFD", text)
    # In NFD a vowel's own mark (circumflex, breve, horn) precedes the tone; "oa"/"oe"/"uy"
    # carry no such marks on the second vowel, so the pattern only ever sees the tone.
    moved = _TONE_MOVE.sub(_move_tone, decomposed)
    return unicodedata.normalize("NFC", moved)


_PUNCTUATION = re.compile(r"[&\-–—,.;:()/\\\"'“”‘’«»]+")


def _word_key(word: str) -> str:
    # A combining mark left at the start of a word (after its base letter was punctuation) would
    # attach to the previous word once words are joined; it carries no meaning, so drop it.
    word = unicodedata.normalize("NFC", word)
    while word and unicodedata.combining(word[0]):
        word = word[1:]
    return normalize_tone_marks(word)


@lru_cache(maxsize=1 << 16)
def match_key(value: str) -> str:
    """The key two spellings of one name share: "Sở GD&ĐT" == "Sở GD-ĐT", "Hoà" == "Hòa"."""
    text = _PUNCTUATION.sub(" ", clean_text(value).lower())
    words = [_word_key(w) for w in text.split(" ")]
    # Joining can make a new open syllable at the very end ("u'ỳ" → "uỳ"); normalising the joined
    # key once more keeps match_key idempotent.
    return normalize_tone_marks("".join(w for w in words if w and w != "và"))


@lru_cache(maxsize=1 << 16)
def fold(value: str) -> str:
    """ASCII, lower case, single spaces: "Đơn vị" → "don vi"."""
    text = clean_text(value).replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def slug(value: str) -> str:
    return fold(value).replace(" ", "-")


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_RE = re.compile(r"^[ivxlc]+$")


def roman_to_int(token: str) -> int | None:
    token = token.lower()
    if not _ROMAN_RE.match(token):
        return None
    total, previous = 0, 0
    for ch in reversed(token):
        value = _ROMAN[ch]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


_CLUSTER_RE = re.compile(r"^(cum|khoi)(?: thi dua)?(?: so)? ?(?P<number>[0-9]+|[ivxlc]+)$")
_CLUSTER_NAMED_RE = re.compile(r"^(cum|khoi)(?: thi dua)? (?P<rest>.+)$")
# A cluster id as the warehouse writes it (seeds, `thidua aliases export`): "th-ubnd:cum-08".
_CLUSTER_ID_RE = re.compile(r"^[a-z0-9-]+:(?P<ref>(?:cum|khoi)-[a-z0-9-]+)$")


class ClusterRef:
    """A parsed cluster reference: kind ("cum" or "khoi") and a number or a name slug."""

    __slots__ = ("kind", "name_slug", "number")

    def __init__(self, kind: str, number: int | None, name_slug: str | None) -> None:
        self.kind = kind
        self.number = number
        self.name_slug = name_slug

    def cluster_id(self, organizer_id: str) -> str:
        if self.number is not None:
            return f"{organizer_id}:{self.kind}-{self.number:02d}"
        return f"{organizer_id}:{self.kind}-{self.name_slug}"


def parse_cluster_ref(value: str) -> ClusterRef | None:
    """ "Cụm thi đua số V", "Cụm 05", "Khối IV", "Khối thi đua các cơ quan Đảng tỉnh", or an id
    ("th-ubnd:cum-08", read under the row's organiser)."""
    as_id = _CLUSTER_ID_RE.match(value.strip())
    folded = fold(as_id.group("ref") if as_id else value)
    folded = (
        re.sub(r" (tinh )?thanh hoa$", "", folded)
        if re.search(r"\d| [ivxlc]+ ", folded)
        else folded
    )
    numbered = _CLUSTER_RE.match(folded)
    if numbered:
        raw = numbered.group("number")
        number = int(raw) if raw.isdigit() else roman_to_int(raw)
        if number is None or number <= 0:
            return None
        return ClusterRef(numbered.group(1), number, None)
    named = _CLUSTER_NAMED_RE.match(folded)
    if named:
        return ClusterRef(named.group(1), None, named.group("rest").replace(" ", "-"))
    return None


_DATE_RE = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+)?$")


def parse_date(value: object) -> dt.date | None:
    """d/m/yyyy, d-m-yyyy, d.m.yyyy (Vietnamese order: day first) and ISO yyyy-mm-dd.

    Returns None for a string that is not a date in one of those forms or not a real day.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean_text(str(value))
    iso = _ISO_RE.match(text)
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        dmy = _DATE_RE.match(text)
        if dmy:
            return dt.date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
    except ValueError:
        return None
    return None


# Signs that text was decoded with the wrong code page ("mojibake"): UTF-8 bytes read as
# Windows-1252 ("Ä‘Æ¡n vá»‹" for "đơn vị"), or text typed in the old Vietnamese fonts (TCVN3/ABC
# "§¬n vÞ", VNI "Ñôn vò"), whose letters are symbols or foreign letters in Unicode.
_UTF8_AS_1252 = re.compile("Ã[\u0080-\u00bf]|Ä[\u0080-\u00bf‘’]|Æ[°¡¯]|á[º»]|â€")
_LEGACY_FONT = re.compile("[§¬¸µ¶·¹¨©ª«®¯±²³´¼½¾ÑñøØïÏöÖüÜëËäåÅæçÇßþÞÿ]")


def encoding_hint(texts: list[str]) -> tuple[str, str] | None:
    """What to tell an analyst whose headers look garbled (Vietnamese, English), if they do."""
    joined = " ".join(texts)
    if _UTF8_AS_1252.search(joined):
        return (
            "tiêu đề có vẻ bị lỗi phông (văn bản UTF-8 bị mở như Windows-1252): hãy lưu lại "
            "tệp dạng “CSV UTF-8”",
            "the headers look garbled (UTF-8 text opened as Windows-1252): save the file "
            "again as “CSV UTF-8”",
        )
    if len(_LEGACY_FONT.findall(joined)) >= 2:
        return (
            "tiêu đề có vẻ được gõ bằng bảng mã cũ (TCVN3/ABC hoặc VNI): hãy chuyển sang "
            "Unicode (ví dụ công cụ chuyển mã của Unikey) rồi lưu dạng UTF-8",
            "the headers look typed in an old Vietnamese encoding (TCVN3/ABC or VNI): convert "
            "them to Unicode (e.g. Unikey's converter) and save as UTF-8",
        )
    return None


# --- a name written short ---------------------------------------------------------------


def abbreviates(word: str, run: Sequence[str]) -> bool:
    """`word` is the run of words written short, each word by its initial or in full:
    "tp" for "tư pháp", "stp" for "sở tp", "gddt" for "giáo dục đào tạo"."""
    if len(run) < 2:
        return False
    spellings = {""}
    for part in run:
        spellings = {s + piece for s in spellings for piece in {part[0], part}}
        spellings = {s for s in spellings if word.startswith(s)}
    return word in spellings


def covers(known: Sequence[str], written: Sequence[str], *, may_skip: bool = True) -> bool:
    """Every written word is accounted for by the known name, in order: the same word, a short
    form of a run of its words, or a run of written words that its word abbreviates. Words of the
    known name may be left out ("tỉnh") unless `may_skip` is false; words written beyond it
    may not."""

    @cache
    def walk(i: int, j: int) -> bool:
        if j == len(written):
            return may_skip or i == len(known)
        if i == len(known):
            return False
        if known[i] == written[j] and walk(i + 1, j + 1):
            return True
        for end in range(i + 2, min(len(known), i + 6) + 1):
            if abbreviates(written[j], known[i:end]) and walk(end, j + 1):
                return True
        for end in range(j + 2, min(len(written), j + 6) + 1):
            if abbreviates(known[i], written[j:end]) and walk(i + 1, end):
                return True
        return may_skip and walk(i + 1, j)

    return walk(0, 0)
