"""`thidua extract`: documents → a review folder (and workbook) of proposed records."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from thidua.ingest.award_types import is_remaining_units
from thidua.paths import Home

if TYPE_CHECKING:
    from thidua.extract.batch import Extraction

_TYPE_WORDS = {
    "events": "sự kiện / events",
    "memberships": "thành viên / members",
    "leadership": "lãnh đạo cụm / leadership",
    "rankings": "xếp hạng / ranks",
    "awards": "khen thưởng / awards",
}


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extract = sub.add_parser(
        "extract",
        help="trích bản ghi từ bài báo, báo cáo Word, PDF / propose records from documents",
        description="Read news pages (.html, .txt), Word reports (.docx) and PDFs with a text "
        "layer; propose the memberships, roles, ranks, awards and events they state, each with "
        "its evidence. Nothing is loaded: mark the rows you accept in the accept column "
        "(Chấp nhận: x / có), then `thidua load DIR`.",
    )
    extract.add_argument("paths", nargs="+", type=Path, help="documents or folders")
    extract.add_argument(
        "--out",
        type=Path,
        default=Path("trich_xuat"),
        help="thư mục ghi các tệp CSV / folder for the CSVs (default: ./trich_xuat)",
    )
    extract.add_argument(
        "--review",
        type=Path,
        help="cũng ghi sổ Excel để duyệt / also write a review workbook (.xlsx)",
    )
    extract.add_argument(
        "--organizer",
        help="cơ quan tổ chức của các tài liệu (khi văn bản không nêu) / the documents' "
        "organiser, by id or name (overrides what the text says)",
    )
    extract.set_defaults(handler=run_extract)


def run_extract(args: argparse.Namespace, home: Home) -> int:
    # The document readers (HTML, Word, PDF) load only when a document is read.
    from thidua.extract.batch import extract_files
    from thidua.extract.review import write_folder, write_workbook

    def progress(number: int, total: int, path: Path) -> None:
        if total > 1:
            print(f"[{number}/{total}] {path.name}", file=sys.stderr)

    result = extract_files(args.paths, home, args.organizer, progress)
    _print_summary(result)
    written = write_folder(result.frames, args.out)
    if args.review:
        write_workbook(result.frames, args.review)
        written.append(args.review)
    if written:
        print("đã ghi / written: " + ", ".join(str(p) for p in written))
        print(
            "duyệt: ghi x (hoặc Có) vào cột “Chấp nhận”/accept của các dòng đúng, rồi "
            f"`thidua load {args.out}` / review: mark the rows that are right in the accept "
            f"column, then `thidua load {args.out}`"
        )
    return 1 if result.unreadable and not result.documents else 0


def _print_summary(result: Extraction) -> None:
    for doc in result.documents:
        found = result.of(doc)
        counts = Counter(p.record_type for p in found)
        first = found[0].values if found else {}
        scope = " · ".join(
            str(v)
            for v in (
                first.get("organizer") or "(chưa rõ tổ chức / organiser unknown)",
                first.get("cluster"),
                first.get("results_year"),
            )
            if v
        )
        parts = [f"{counts[t]} {w}" for t, w in _TYPE_WORDS.items() if counts[t]]
        said = ", ".join(parts) or "không thấy bản ghi / nothing found"
        print(f"{Path(doc.path).name}: {scope}: {said}")
        unresolved = sorted(
            {
                (str(p.values.get("unit")), p.candidates)
                for p in found
                if p.values.get("unit")
                and p.unit_id is None
                and not is_remaining_units(str(p.values["unit"]))
            }
        )
        for name, candidates in unresolved:
            closest = "; ".join(candidates) if candidates else "không có / none"
            print(f"    ? ‘{name}’ chưa nhận ra / not known; gần nhất / closest: {closest}")
    for bad in result.unreadable:
        print(f"✗ {bad.path.name}: {bad.message}", file=sys.stderr)
