"""Frames and text of the intake page: proposals as a person reviews them, in their language.

Headers come from the contract (Vietnamese spellings of display_names, the review columns'
labels of records.REVIEW_COLUMNS); coded values are shown in words (Cụm trưởng, Tổng kết) while
the review files keep the codes. The evidence is drawn inside its document, escaped, the
sentence marked.
"""

from __future__ import annotations

import html
from pathlib import Path

import polars as pl

from thidua.contract.display_names import column_header
from thidua.contract.records import RECORD_TYPES, REVIEW_COLUMNS, VALUE_LABELS
from thidua.extract.batch import Extraction
from thidua.extract.model import Document
from thidua.i18n.messages import Lang, t

ACCEPT = "accept"
RESOLVED = "resolved_unit"
# Contract columns a reviewer does not need to see: the same for every row of a document.
_HIDDEN = ("source_kind", "source_ref", "note")
_REVIEW_SHOWN = (RESOLVED, "candidates", "confidence", "evidence", "document")


def record_type_label(record_type: str, lang: Lang) -> str:
    rt = RECORD_TYPES[record_type]
    return rt.title_en if lang == "en" else rt.title_vi


def column_label(record_type: str, column: str, lang: Lang) -> str:
    if column in REVIEW_COLUMNS:
        vi, en = REVIEW_COLUMNS[column]
        return en.capitalize() if lang == "en" else vi
    contract = RECORD_TYPES[record_type].column(column)
    return column.replace("_", " ").capitalize() if lang == "en" else column_header(contract)


def shown_columns(frame: pl.DataFrame) -> list[str]:
    contract = [c for c in frame.columns if c not in REVIEW_COLUMNS and c not in _HIDDEN]
    review = [c for c in _REVIEW_SHOWN if c in frame.columns]
    if "unit" in frame.columns and RESOLVED not in review:
        review.insert(0, RESOLVED)
    return [*contract, *review]


def editor_frame(frame: pl.DataFrame, accepted: list[bool], lang: Lang) -> pl.DataFrame:
    """The proposals to review: an accept checkbox, then what each row says, in words."""
    index = 0 if lang == "vi" else 1
    out = pl.DataFrame({ACCEPT: pl.Series(ACCEPT, accepted, dtype=pl.Boolean)})
    for column in shown_columns(frame):
        if column == RESOLVED:
            values = (
                frame[RESOLVED].to_list() if RESOLVED in frame.columns else [None] * frame.height
            )
            unresolved = t("intake.unresolved", lang)
            out = out.with_columns(
                pl.Series(RESOLVED, [v or unresolved for v in values], dtype=pl.Utf8)
            )
        elif column == "confidence":
            out = out.with_columns(frame[column].cast(pl.Float64, strict=False))
        elif column == "document":
            out = out.with_columns(
                pl.Series(column, [Path(v).name if v else None for v in frame[column]], pl.Utf8)
            )
        elif column in VALUE_LABELS:
            labels = VALUE_LABELS[column]
            words = [labels[v][index] if v in labels else v for v in frame[column]]
            out = out.with_columns(pl.Series(column, words, dtype=pl.Utf8))
        else:
            out = out.with_columns(frame[column])
    # An empty cell reads as empty, not as the grid's "None".
    return out.with_columns(pl.col(pl.Utf8).fill_null(""))


def row_label(record_type: str, row: dict[str, object], lang: Lang) -> str:
    """How a proposal is named in the evidence picker: type · what · the sentence's start."""
    what = row.get("unit") or row.get("event_type") or row.get("award_type") or ""
    labels = VALUE_LABELS.get("event_type", {})
    if what in labels:
        what = labels[str(what)][0 if lang == "vi" else 1]
    sentence = str(row.get("evidence") or "")
    short = sentence if len(sentence) <= 70 else sentence[:69] + "…"
    return f"{record_type_label(record_type, lang)} · {what} · {short}"


def document_of(extraction: Extraction, source: str | None) -> Document | None:
    for doc in extraction.documents:
        if source and source in (doc.url, doc.path, doc.source):
            return doc
    return None


def highlighted_html(text: str, start: int, end: int) -> str:
    """The document's text as HTML, every character escaped, the evidence in a <mark>."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    before, said, after = (
        html.escape(part) for part in (text[:start], text[start:end], text[end:])
    )
    return (
        '<div style="white-space: pre-wrap; line-height: 1.6">'
        f"{before}<mark>{said}</mark>{after}</div>"
    )
