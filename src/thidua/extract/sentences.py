"""A document's body and its sentences, each with its offsets in the document's text.

A news page copied as text carries more than the article: a hotline line above it, reader
comments, "related news" and visitor counters below it, sometimes glued to the last sentence
("…đề ra...Liên kết website"). The body ends at the first such marker; nothing after it is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where the article ends on Vietnamese news and portal pages. Matched at a line start, or glued
# to the end of a sentence with the page's own capitalisation (a lower-case "xem thêm" inside a
# sentence is prose).
_END_MARKERS = (
    "Tin liên quan",
    "Tin cùng chuyên mục",
    "Bài cùng chuyên mục",
    "Bài viết cùng chuyên mục",
    "Bài viết liên quan",
    "Các tin khác",
    "Tin khác",
    "Tin mới",
    "Tin đọc nhiều",
    "Đọc thêm",
    "Xem thêm",
    "Ý kiến bạn đọc",
    "Bình luận",
    "Gửi bình luận",
    "Đánh giá:",
    "Liên kết website",
    "Thống kê truy cập",
    "Chia sẻ bài viết",
)
_MARKER_ALTERNATIVES = "|".join(re.escape(m) for m in _END_MARKERS)
_GLUED_END_RE = re.compile(r"(?<=[.!?…])[ \t]*(?:" + _MARKER_ALTERNATIVES + r")")
# At a line start the marker is a heading, in whatever case the page sets it ("TIN LIÊN QUAN").
_LINE_END_RE = re.compile(r"^[ \t]*(?:" + _MARKER_ALTERNATIVES + r")", re.MULTILINE | re.IGNORECASE)
# The article itself must come first: a marker in the first few hundred characters is a menu.
_MIN_BODY = 200

# A sentence ends at . ! ? … followed by space and a capital letter, digit or opening quote,
# except after abbreviations that take a capitalised name ("TP. Hồ Chí Minh").
_BOUNDARY = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[^\W\d_a-zđ]|\d+[./-]\d)")
_ABBREVIATIONS = re.compile(r"(?:\b(?:TP|Tp|TX|TT|Q|P|ThS|TS|PGS|GS|Đ/c|đ/c|St|Th)\.)$")
# "như sau: 1. Sở A; 2. Sở B": a list item's number ends no sentence.
_LIST_NUMBER = re.compile(r"(?:^|[\s:;])\d{1,2}\.$")
MAX_SENTENCE = 2000
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


def body_end(text: str) -> int:
    """The offset where the article ends (its length when no end marker follows it)."""
    ends = [
        match.start()
        for pattern in (_GLUED_END_RE, _LINE_END_RE)
        for match in pattern.finditer(text)
        if match.start() >= _MIN_BODY
    ]
    return min(ends, default=len(text))


def sentences(text: str, end: int | None = None) -> list[Sentence]:
    """The sentences of `text[:end]`, paragraph by paragraph, with their offsets in `text`."""
    limit = len(text) if end is None else end
    found: list[Sentence] = []
    for number, paragraph in enumerate(_PARAGRAPH.finditer(text[:limit])):
        start = paragraph.start()
        for boundary in _BOUNDARY.finditer(paragraph.group()):
            cut = paragraph.start() + boundary.start()
            if _ABBREVIATIONS.search(text[start:cut]) or _LIST_NUMBER.search(text[start:cut]):
                continue
            _add(found, text, start, cut, number)
            start = paragraph.start() + boundary.end()
        _add(found, text, start, paragraph.end(), number)
    return _lists_joined(found, text)


# A list item paragraph: "1. Văn phòng Tỉnh ủy", "- Sở Y tế;", "a) Sở Tư pháp".
_ITEM = re.compile(r"(?:(?P<number>\d{1,2}[.)])|(?P<letter>[a-zđ]\))|(?P<bullet>[-+•*–]))\s+\w")


def _item_kind(text: str) -> str | None:
    match = _ITEM.match(text)
    return match.lastgroup if match else None


def _lists_joined(found: list[Sentence], text: str) -> list[Sentence]:
    """A sentence ending in a colon and the list items in the paragraphs after it are one
    statement ("Năm 2023, khối có 8 thành viên:" / "1. Văn phòng Tỉnh ủy" / "2. …"). The list
    is the run of items marked alike: "4. Bầu Cụm trưởng" after "3. Đề nghị khen thưởng:" and
    its "- …" items is the next point, not an item of the third."""
    joined: list[Sentence] = []
    kind: str | None = None  # the marker of the list being joined, if any
    for sentence in found:
        previous = joined[-1] if joined else None
        item = _item_kind(sentence.text)
        opens = previous is not None and previous.text.endswith(":") and kind is None
        continues = kind is not None and item == kind
        if (
            previous is not None
            and item is not None
            and (opens or continues)
            and sentence.paragraph != previous.paragraph
            and sentence.end - previous.start <= MAX_SENTENCE
        ):
            kind = item
            joined[-1] = Sentence(
                text[previous.start : sentence.end],
                previous.start,
                sentence.end,
                sentence.paragraph,
            )
        else:
            kind = None
            joined.append(sentence)
    return joined


def _add(found: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A "sentence" longer than any real one (a file with no full stops, a pasted table) is read
    # in pieces cut at a semicolon or comma: the readers' patterns look at one piece at a time.
    while end - start > MAX_SENTENCE:
        cut = max(
            text.rfind(";", start, start + MAX_SENTENCE),
            text.rfind(",", start, start + MAX_SENTENCE),
        )
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        found.append(Sentence(text[start:cut], start, cut, paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        found.append(Sentence(text[start:end], start, end, paragraph))
