"""Extraction of many documents at once, as the command line and the intake page run it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from thidua.errors import UserError
from thidua.extract.documents import read_document
from thidua.extract.engine import extract
from thidua.extract.knowledge import Knowledge, documents_in, knowledge
from thidua.extract.model import Document, Proposed
from thidua.extract.review import source_rows, tables
from thidua.paths import Home


@dataclass(frozen=True)
class Unreadable:
    path: Path
    message: str


@dataclass
class Extraction:
    """What a set of documents proposes, per document and as review tables."""

    documents: list[Document] = field(default_factory=list)
    proposed: list[Proposed] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    frames: dict[str, pl.DataFrame] = field(default_factory=dict)

    def of(self, doc: Document) -> list[Proposed]:
        return [p for p in self.proposed if p.evidence.source in (doc.url, doc.path)]


def extract_files(
    paths: Sequence[Path],
    home: Home | None,
    organizer: str | None = None,
    progress: Callable[[int, int, Path], None] | None = None,
    known: Knowledge | None = None,
) -> Extraction:
    """Read and extract every document named (folders: every file in them). A file that cannot
    be read is reported, not fatal: the others are still extracted."""
    files = documents_in(list(paths))
    if not files:
        raise UserError(
            "không có tệp nào để trích xuất", "no files to extract (give files or folders)"
        )
    facts = known or knowledge(home)
    result = Extraction()
    catalogued: list[tuple[Document, str, bool]] = []
    for number, path in enumerate(files, start=1):
        if progress is not None:
            progress(number, len(files), path)
        try:
            doc = read_document(path)
        except UserError as exc:
            result.unreadable.append(Unreadable(path, str(exc)))
            continue
        found = extract(doc, facts, organizer)
        result.documents.append(doc)
        result.proposed.extend(found)
        registered = facts.source_id(doc.url, path.name)
        reference = registered or doc.url or path.name
        catalogued.append((doc, reference, registered is not None))
    result.frames = tables(result.proposed, source_rows(catalogued))
    return result
