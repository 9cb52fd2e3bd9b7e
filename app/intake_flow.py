"""The intake page's work, apart from its widgets: uploads saved safely, documents extracted,
names fixed with an alias, accepted proposals written as a review folder, and the loader run as a
dry run, for real, then the build.

Everything an upload writes stays under `<home>/intake/<session>/` (`files/` for record files,
`documents/` for documents, `review/` for the accepted proposals); a dry run loads into a scratch
copy of the landing database under `<home>/intake/preview/`, removed afterwards. The real load
and build hold the home's work lock (thidua.work_lock) and refuse at once when someone else
holds it; extraction and aliases hold it too, as they open the landing database.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polars as pl

from thidua import work_lock
from thidua.contract.records import REVIEW_COLUMNS
from thidua.extract.batch import Extraction, extract_files
from thidua.extract.review import write_folder
from thidua.ingest.alias_command import AddedAlias, add_scoped
from thidua.ingest.award_types import is_remaining_units
from thidua.ingest.load_report import Line, batch_lines, total_line
from thidua.ingest.loader import BatchReport, LoadReport, load_files
from thidua.ingest.readers import SUPPORTED_SUFFIXES
from thidua.paths import Home
from thidua.warehouse.build import BuildResult, build_and_publish

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
RECORD_SUFFIXES = SUPPORTED_SUFFIXES
UPLOAD_TYPES = tuple(s.lstrip(".") for s in (*RECORD_SUFFIXES, *DOCUMENT_SUFFIXES))
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_NAME_CHARS = 120
INTAKE_DIR = "intake"
ACCEPT_MARK = "x"
# Columns that tell one proposal from another across extractions (an alias changes only the
# resolved unit and candidates, never these).
_KEY_REVIEW_COLUMNS = ("evidence_start", "evidence_end", "document")


@dataclass(frozen=True)
class Refused:
    """An upload not saved: `reason` is a message key (intake.refused.*)."""

    name: str
    reason: str


@dataclass
class Intake:
    """One intake session: its folder, what was uploaded, what the documents propose, and which
    proposals a person accepted (per record type, by row key)."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    organizer: str | None = None
    extraction: Extraction | None = None
    accepted: dict[str, set[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


# --- saving uploads ------------------------------------------------------------------------------


def intake_root(home: Home) -> Path:
    return home.root / INTAKE_DIR


def new_session_folder(home: Home, now: datetime | None = None) -> Path:
    """`<home>/intake/<yyyymmdd-hhmmss>-<random>/`, new."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = intake_root(home) / f"{stamp}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    return folder


def safe_name(name: str) -> str | None:
    """The upload's base name, safe to write: the last part after any / or \\ (so ../../x
    becomes x), no control characters, no leading dots or spaces, at most MAX_NAME_CHARS (the
    extension kept). None when nothing is left."""
    base = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable() and ch not in ':*?"<>|')
    base = base.strip().lstrip(". ").rstrip(". ")
    if not base:
        return None
    if len(base) > MAX_NAME_CHARS:
        _, dot, suffix = base.rpartition(".")
        keep = f"{dot}{suffix}" if dot and len(suffix) <= 10 else ""
        base = base[: MAX_NAME_CHARS - len(keep)] + keep
    return base


def kind_of(name: str) -> str | None:
    """ "documents" or "files" (records) by the name's extension; None for anything else."""
    suffix = Path(name).suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        return "documents"
    if suffix in RECORD_SUFFIXES:
        return "files"
    return None


def save_upload(folder: Path, upload: Upload) -> Path | Refused:
    """Write one upload into `folder/files/` or `folder/documents/`, never anywhere else."""
    name = safe_name(upload.name)
    if name is None:
        return Refused(upload.name, "intake.refused.name")
    kind = kind_of(name)
    if kind is None:
        return Refused(upload.name, "intake.refused.kind")
    if len(upload.data) > MAX_UPLOAD_BYTES:
        return Refused(upload.name, "intake.refused.size")
    target_dir = (folder / kind).resolve()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = _free_path(target_dir, name)
    if target.parent != target_dir:  # cannot happen with a safe name: a last guard
        return Refused(upload.name, "intake.refused.name")
    with target.open("xb") as handle:  # "x": never through an existing file or link
        handle.write(upload.data)
    return target


def _free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem-2.ext`, … when a file of that name is there already."""
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while target.exists() or target.is_symlink():
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    return target


def start(home: Home, uploads: Sequence[Upload], organizer: str | None = None) -> Intake:
    """A new session folder with the uploads saved into it (the refused ones listed)."""
    intake = Intake(new_session_folder(home), organizer=organizer or None)
    for upload in uploads:
        saved = save_upload(intake.folder, upload)
        if isinstance(saved, Refused):
            intake.refused.append(saved)
        elif saved.parent.name == "documents":
            intake.documents.append(saved)
        else:
            intake.files.append(saved)
    return intake


# --- documents: extraction and aliases -----------------------------------------------------------


def extract(home: Home, intake: Intake) -> Extraction | None:
    """Extract the session's documents (None without any); keeps what was accepted."""
    if not intake.documents:
        intake.extraction = None
        return None
    with work_lock.held(home, "intake", wait=0):
        intake.extraction = extract_files(intake.documents, home, intake.organizer)
    return intake.extraction


@dataclass(frozen=True)
class Unresolved:
    """A unit name no known unit matches, where it was written, and the closest units."""

    name: str
    organizer: str | None
    cluster: str | None
    candidates: tuple[tuple[str, str], ...]  # (label, unit_id)


def unresolved_names(extraction: Extraction) -> list[Unresolved]:
    found: dict[tuple[str, str | None, str | None], Unresolved] = {}
    for p in extraction.proposed:
        unit = p.values.get("unit")
        if not unit or p.unit_id is not None or is_remaining_units(str(unit)):
            continue
        organizer = _text(p.values.get("organizer"))
        cluster = _text(p.values.get("cluster"))
        key = (str(unit), organizer, cluster)
        if key not in found:
            pairs = tuple(_candidate(c) for c in p.candidates)
            found[key] = Unresolved(str(unit), organizer, cluster, pairs)
    return list(found.values())


def _candidate(text: str) -> tuple[str, str]:
    label, _, unit_id = text.rpartition(" → ")
    return (label.strip() or unit_id.strip(), unit_id.strip())


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def add_alias(
    home: Home, intake: Intake, name: Unresolved, unit_id: str, *, in_cluster: bool
) -> AddedAlias:
    """What `thidua aliases add "<name>" <unit_id> --organizer <row's organiser> [--cluster …]`
    does, then the documents extracted again so the name resolves."""
    with work_lock.held(home, "intake", wait=0):
        added = add_scoped(
            home,
            name.name,
            unit_id,
            organizer=name.organizer,
            cluster=name.cluster if in_cluster else None,
            note="trang Nhập dữ liệu / intake page",
        )
        extract(home, intake)
    return added


# --- accepted proposals --------------------------------------------------------------------------


def row_keys(frame: pl.DataFrame) -> list[str]:
    """One key per proposal row: its contract values and where its evidence is."""
    columns = [c for c in frame.columns if c not in REVIEW_COLUMNS or c in _KEY_REVIEW_COLUMNS]
    return [
        "\x1f".join("" if v is None else str(v) for v in row)
        for row in frame.select(columns).iter_rows()
    ]


def accepted_flags(intake: Intake, record_type: str, frame: pl.DataFrame) -> list[bool]:
    keys = intake.accepted.get(record_type, set())
    return [key in keys for key in row_keys(frame)]


def set_accepted(intake: Intake, record_type: str, frame: pl.DataFrame, flags: list[bool]) -> None:
    intake.accepted[record_type] = {
        key for key, flag in zip(row_keys(frame), flags, strict=True) if flag
    }


def review_frames(intake: Intake) -> dict[str, pl.DataFrame]:
    """The review tables with accept = "x" on the accepted rows; record types with no accepted
    row are left out, and a document's `sources` row is accepted when an accepted row cites it."""
    if intake.extraction is None:
        return {}
    frames: dict[str, pl.DataFrame] = {}
    cited: set[str] = set()
    for record_type, frame in intake.extraction.frames.items():
        if record_type == "sources":
            continue
        flags = accepted_flags(intake, record_type, frame)
        if not any(flags):
            continue
        frames[record_type] = frame.with_columns(
            pl.Series("accept", [ACCEPT_MARK if f else None for f in flags], dtype=pl.Utf8)
        )
        if "source_ref" in frame.columns:
            cited |= {str(r) for r, f in zip(frame["source_ref"], flags, strict=True) if f and r}
    sources = intake.extraction.frames.get("sources")
    if frames and sources is not None:
        flags = [str(s) in cited for s in sources["source_id"]]
        if any(flags):
            accept = pl.Series("accept", [ACCEPT_MARK if f else None for f in flags], pl.Utf8)
            frames = {"sources": sources.with_columns(accept), **frames}
    return frames


def write_review(intake: Intake) -> Path | None:
    """`review/` with one CSV per record type holding accepted rows (None: nothing accepted)."""
    folder = intake.folder / "review"
    if folder.exists():
        shutil.rmtree(folder)
    frames = review_frames(intake)
    if not frames:
        return None
    write_folder(frames, folder)
    return folder


def load_paths(intake: Intake) -> list[Path]:
    """What a load takes: the record files as uploaded, and the accepted proposals."""
    review = write_review(intake)
    return [*intake.files, *([review] if review else [])]


# --- preview, load, build ------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadOutcome:
    report: LoadReport
    lines: list[Line]


def preview(home: Home, paths: list[Path]) -> LoadOutcome:
    """The real loader against a scratch copy of the landing database: what would load and
    every finding, and nothing written to the real one."""
    scratch_root = intake_root(home) / "preview"
    scratch_root.mkdir(parents=True, exist_ok=True)
    scratch = Home(Path(tempfile.mkdtemp(dir=scratch_root)))
    try:
        with work_lock.held(home, "intake", wait=0):  # not mid-write while it is copied
            for source in (home.raw_db, home.raw_db.with_name(home.raw_db.name + ".wal")):
                if source.exists():
                    shutil.copyfile(source, scratch.root / source.name)
        report = load_files(paths, scratch, lock_wait=0)
    finally:
        shutil.rmtree(scratch.root, ignore_errors=True)
    lines = [line for b in report.batches for line in batch_lines(b, quarantine_hint=False)]
    return LoadOutcome(report, [*lines, Line(total_line(report))])


def load(
    home: Home, paths: list[Path], progress: Callable[[list[Line]], None] | None = None
) -> LoadOutcome:
    """`thidua load` on the real home; refused at once while another load or build runs."""
    lines: list[Line] = []

    def collect(batch: BatchReport) -> None:
        new = batch_lines(batch)
        lines.extend(new)
        if progress is not None:
            progress(new)

    report = load_files(paths, home, progress=collect, lock_wait=0)
    return LoadOutcome(report, [*lines, Line(total_line(report))])


def build(home: Home, progress: Callable[[str], None] | None = None) -> BuildResult:
    """`thidua build`: dbt into a copy, then published blue/green (readers keep reading)."""
    return build_and_publish(home, progress=progress, lock_wait=0)
