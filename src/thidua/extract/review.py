"""What extraction proposes, written for a person to review: a folder of CSVs named and headed as
the load contract names them, and a workbook with Vietnamese headers, one sheet per record type.

Every row carries its evidence (the sentence, its offsets, the document, a confidence), the unit
it resolved to or the closest candidates, and an empty accept column: the loader loads only the
rows a person marked accepted, so the folder or workbook loads as it is once reviewed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.contract.display_names import column_header, sheet_name
from thidua.contract.records import RECORD_TYPES, REVIEW_COLUMNS, VALUE_LABELS, RecordType
from thidua.extract.model import Document, Proposed

# The order records are listed (and loaded): sources first, then what names units.
RECORD_ORDER = ("sources", "events", "memberships", "leadership", "rankings", "awards")
_ACCEPT_FILL = PatternFill("solid", fgColor="FFF2CC")
_EVIDENCE_WIDTH = 80


def source_rows(documents: Sequence[tuple[Document, str, bool]]) -> list[dict[str, object]]:
    """One `sources` row per document not yet catalogued: (document, its reference, catalogued)."""
    rows: list[dict[str, object]] = []
    for doc, reference, catalogued in documents:
        if catalogued:
            continue
        rows.append(
            {
                "source_id": reference,
                "url": doc.url,
                "title": doc.title or Path(doc.path).name,
                "published_date": doc.published,
                "source_kind": "official" if doc.kind in ("docx", "pdf") else "article",
                "note": f"trích từ / extracted from {Path(doc.path).name}",
            }
        )
    return rows


def tables(
    proposed: Sequence[Proposed], sources: Sequence[dict[str, object]] = ()
) -> dict[str, pl.DataFrame]:
    """One frame per record type: the contract's columns that any row fills (required ones
    always), then the review columns."""
    frames: dict[str, pl.DataFrame] = {}
    for name in RECORD_ORDER:
        record_type = RECORD_TYPES[name]
        if name == "sources":
            rows = [{**row, **_review(None)} for row in sources]
        else:
            rows = [{**p.values, **_review(p)} for p in proposed if p.record_type == name]
        if not rows:
            continue
        columns = [
            c.name
            for c in record_type.columns
            if c.required or any(r.get(c.name) not in (None, "") for r in rows)
        ]
        review = [c for c in REVIEW_COLUMNS if any(r.get(c) not in (None, "") for r in rows)]
        review = ["accept", *[c for c in review if c != "accept"]]
        frames[name] = pl.DataFrame(
            [{c: _text(r.get(c)) for c in [*columns, *review]} for r in rows],
            schema=dict.fromkeys([*columns, *review], pl.Utf8),
        )
    return frames


def _review(p: Proposed | None) -> dict[str, object]:
    if p is None:
        return {"accept": None}
    return {
        "accept": None,
        "resolved_unit": p.unit_id,
        "candidates": "; ".join(p.candidates) or None,
        "confidence": f"{p.evidence.confidence:.2f}",
        "evidence": p.evidence.sentence,
        "evidence_start": p.evidence.start,
        "evidence_end": p.evidence.end,
        "document": p.evidence.source,
    }


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def write_folder(frames: dict[str, pl.DataFrame], out: Path) -> list[Path]:
    """memberships.csv, rankings.csv, … (UTF-8 with BOM, so Excel shows the diacritics)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        path = out / f"{name}.csv"
        frame.write_csv(path, include_bom=True)
        written.append(path)
    return written


def write_workbook(frames: dict[str, pl.DataFrame], out: Path) -> Path:
    """One sheet per record type, Vietnamese headers and values, a yes/no accept dropdown."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, frame in frames.items():
        _sheet(workbook, RECORD_TYPES[name], frame)
    out.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(out)
    return out


def _sheet(workbook: Workbook, record_type: RecordType, frame: pl.DataFrame) -> None:
    sheet = workbook.create_sheet(sheet_name(record_type))
    columns = {c.name: c for c in record_type.columns}
    # the reviewer's decision first, where the eye starts
    frame = frame.select(["accept", *[c for c in frame.columns if c != "accept"]])
    for position, name in enumerate(frame.columns, start=1):
        header = column_header(columns[name]) if name in columns else REVIEW_COLUMNS[name][0]
        cell = sheet.cell(1, position, header)
        cell.font = Font(bold=True)
        width = _EVIDENCE_WIDTH if name == "evidence" else max(12, min(40, len(header) + 6))
        sheet.column_dimensions[get_column_letter(position)].width = width
    for row_at, row in enumerate(frame.iter_rows(named=True), start=2):
        for position, name in enumerate(frame.columns, start=1):
            value = row[name]
            labels = VALUE_LABELS.get(name, {})
            shown = labels[value][0] if value in labels else value
            cell = sheet.cell(row_at, position, shown)
            if name == "evidence":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    accept = get_column_letter(frame.columns.index("accept") + 1)
    validation = DataValidation(type="list", formula1='"Có,Không"', allow_blank=True)
    validation.error = "Chọn Có hoặc Không / pick Có (yes) or Không (no)"
    sheet.add_data_validation(validation)
    last = max(frame.height + 1, 2)
    validation.add(f"{accept}2:{accept}{last}")
    for row_at in range(2, last + 1):
        sheet[f"{accept}{row_at}"].fill = _ACCEPT_FILL
    sheet.freeze_panes = "B2"
