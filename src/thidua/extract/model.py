"""What extraction proposes: a record in the load contract's columns, with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A document's text as a reader sees it, and where it came from.

    `text` is the body only (page furniture dropped), paragraphs separated by a blank line;
    offsets in `Evidence` index into it. `source` is what a record cites: the page's URL when
    the document states one, else the file's name."""

    text: str
    source: str
    path: str
    kind: str  # "text" | "html" | "docx" | "pdf"
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, when the page states one


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a record, its place in the document's text, and how sure the
    extraction is (0–1: an explicit list or phrase scores high, an inference lower)."""

    sentence: str
    start: int
    end: int
    source: str
    confidence: float


@dataclass(frozen=True)
class Proposed:
    """One proposed record: `values` uses the load contract's English column names
    (organizer, cluster, results_year, unit, role, …); `candidates` are the closest known units
    when the unit's name did not resolve."""

    record_type: str
    values: dict[str, str | int | None]
    evidence: Evidence
    unit_id: str | None = None
    candidates: tuple[str, ...] = field(default_factory=tuple)
