"""A document's body and its sentences, each with its offsets in the document's text.

A news page copied as text carries more than the article: a hotline line above it, reader
comments, "related news" and visitor counters below it, sometimes glued to the last sentence
("…đề ra...Liên kết website"). The body ends at the first such marker; nothing after it is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where the article ends on Vietnamese news and portal pages. Matched at a line start, or glued
# to the end of a sentence, with the page's own capitalisation (a lower-case "xem thêm" inside a
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
_END_RE = re.compile(
    r"(?:^|(?<=[.!?…]))[ \t]*(?:" + "|".join(re.escape(m) for m in _END_MARKERS) + r")",
    re.MULTILINE,
)
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
    for match in _END_RE.finditer(text):
        if match.start() >= _MIN_BODY:
            return match.start()
    return len(text)


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
    return found


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
