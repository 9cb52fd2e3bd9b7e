"""`thidua load`: files → read → normalise and resolve → quality gate → land or quarantine.

Every row read ends up either in its raw table or in quarantine with its reasons (rows read =
rows loaded + rows quarantined, for every file); the same content loaded twice is a no-op.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import polars as pl

from thidua import gate
from thidua.coerce import Context, coerce_batch
from thidua.errors import FileRejected, UserError
from thidua.landing import LedgerEntry, already_loaded, land, open_raw
from thidua.normalize import match_key
from thidua.paths import Home
from thidua.readers import ROW, RawBatch, iter_input_files, read_file
from thidua.records import RECORD_TYPES, SOURCE_KINDS
from thidua.resolve import load_alias_index, read_seed

DEFAULT_ORGANIZER_ID = "th-ubnd"


@dataclass
class BatchReport:
    label: str
    record_type: str | None
    status: str  # loaded | rejected | unchanged
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    message: str | None = None
    findings: pl.DataFrame | None = None


@dataclass
class LoadReport:
    batches: list[BatchReport] = field(default_factory=list)

    @property
    def rejected(self) -> list[BatchReport]:
        return [b for b in self.batches if b.status == "rejected"]

    @property
    def quarantined_rows(self) -> int:
        return sum(b.rows_quarantined for b in self.batches)

    @property
    def loaded_rows(self) -> int:
        return sum(b.rows_loaded for b in self.batches)


def loader_version() -> str:
    return f"thidua {version('thidua')}"


def _organizer_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for row in read_seed("organizers").iter_rows(named=True):
        for name in (row["organizer_id"], row["name_vi"], row["short_name"], row["name_en"]):
            if name:
                lookup[match_key(name)] = row["organizer_id"]
    return lookup


def build_context(home: Home, source_kind: str) -> Context:
    from thidua.aliases import user_aliases

    return Context(
        aliases=load_alias_index(extra_aliases=[user_aliases(home)]),
        organizers=_organizer_lookup(),
        default_organizer_id=DEFAULT_ORGANIZER_ID,
        default_source_kind=source_kind,
    )


def _quarantine_rows(batch: RawBatch, findings: pl.DataFrame) -> pl.DataFrame:
    """Each finding with the row as it was read (original text), for the analyst to fix."""
    originals = batch.frame.filter(pl.col(ROW).is_in(findings[ROW].implode())).select(
        pl.col(ROW), pl.struct(pl.exclude(ROW)).struct.json_encode().alias("row_json")
    )
    return findings.join(originals, on=ROW, how="left").select(
        pl.lit(batch.record_type.name).alias("record_type"),
        pl.lit(batch.path.name).alias("source_file"),
        pl.lit(batch.sheet, dtype=pl.Utf8).alias("source_sheet"),
        pl.col(ROW).cast(pl.Int32).alias("source_row"),
        pl.col("column_name"),
        pl.col("value"),
        pl.col("rule"),
        pl.col("message_vi"),
        pl.col("message_en"),
        pl.col("candidates"),
        pl.col("row_json"),
    )


def process_batch(
    batch: RawBatch, context: Context
) -> tuple[pl.DataFrame, pl.DataFrame, list[gate.ExpectationOutcome]]:
    """Rows to land, findings (one per failed cell or expectation), and the gate's outcomes."""
    typed, findings = coerce_batch(batch, context)
    failed_rows = findings[ROW].unique()
    candidates = typed.filter(~pl.col(ROW).is_in(failed_rows.implode()))
    gate_findings, outcomes = gate.validate(batch.record_type.name, candidates)
    all_findings = pl.concat([findings, gate_findings], how="vertical")
    bad = all_findings[ROW].unique()
    clean = typed.filter(~pl.col(ROW).is_in(bad.implode()))
    clean = clean.with_columns(
        pl.lit(str(batch.path)).alias("source_file"),
        pl.lit(batch.sheet, dtype=pl.Utf8).alias("source_sheet"),
        pl.col(ROW).cast(pl.Int32).alias("source_row"),
    )
    return clean, all_findings.sort(ROW), outcomes


def load_files(
    paths: list[Path],
    home: Home,
    *,
    record_type: str | None = None,
    source_kind: str = "official",
    progress: Callable[[BatchReport], None] | None = None,
) -> LoadReport:
    if record_type is not None and record_type not in RECORD_TYPES:
        raise UserError(
            f"loại bản ghi không hợp lệ: {record_type} (chọn: {', '.join(RECORD_TYPES)})",
            f"unknown record type: {record_type} (choose from: {', '.join(RECORD_TYPES)})",
        )
    if source_kind not in SOURCE_KINDS:
        raise UserError(
            f"loại nguồn không hợp lệ: {source_kind} (chọn: {', '.join(SOURCE_KINDS)})",
            f"unknown source kind: {source_kind} (choose from: {', '.join(SOURCE_KINDS)})",
        )
    for path in paths:
        if not path.exists():
            raise UserError(
                f"không tìm thấy tệp hoặc thư mục: {path}", f"no such file or folder: {path}"
            )
    files = list(iter_input_files(paths))
    if not files:
        raise UserError("không có tệp nào để nạp", "no files to load")
    context = build_context(home, source_kind)
    forced = RECORD_TYPES[record_type] if record_type else None
    report = LoadReport()
    with open_raw(home.raw_db) as con:
        for path in files:
            for item in _load_one(con, path, forced, context):
                report.batches.append(item)
                if progress:
                    progress(item)
    return report


def _load_one(con: object, path: Path, forced: object, context: Context) -> list[BatchReport]:
    import duckdb

    assert isinstance(con, duckdb.DuckDBPyConnection)
    content_hash = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        batches = read_file(path, forced)  # type: ignore[arg-type]
    except FileRejected as exc:
        land(
            con,
            LedgerEntry(
                str(path),
                path.name,
                exc.sheet,
                content_hash,
                None,
                "rejected",
                0,
                0,
                0,
                str(exc),
                loader_version(),
            ),
            None,
            None,
            [],
        )
        return [BatchReport(path.name, None, "rejected", message=str(exc))]
    reports: list[BatchReport] = []
    for batch in batches:
        if isinstance(batch, FileRejected):
            land(
                con,
                LedgerEntry(
                    str(path),
                    path.name,
                    batch.sheet,
                    content_hash,
                    None,
                    "rejected",
                    0,
                    0,
                    0,
                    str(batch),
                    loader_version(),
                ),
                None,
                None,
                [],
            )
            reports.append(
                BatchReport(f"{path.name} [{batch.sheet}]", None, "rejected", message=str(batch))
            )
            continue
        previous = already_loaded(con, content_hash, batch.sheet, context.aliases.fingerprint)
        if previous is not None:
            reports.append(
                BatchReport(
                    batch.label,
                    batch.record_type.name,
                    "unchanged",
                    rows_read=batch.frame.height,
                    message=f"đã nạp trước đó (lần nạp {previous}), bỏ qua / already loaded (load {previous}), skipped",
                )
            )
            continue
        clean, findings, outcomes = process_batch(batch, context)
        quarantine = _quarantine_rows(batch, findings)
        read, loaded = batch.frame.height, clean.height
        quarantined = findings[ROW].n_unique()
        assert read == loaded + quarantined, "every row is either loaded or quarantined"
        land(
            con,
            LedgerEntry(
                str(path),
                path.name,
                batch.sheet,
                content_hash,
                batch.record_type.name,
                "loaded",
                read,
                loaded,
                quarantined,
                None,
                loader_version(),
                context.aliases.fingerprint,
            ),
            clean,
            quarantine,
            outcomes,
        )
        reports.append(
            BatchReport(
                batch.label,
                batch.record_type.name,
                "loaded",
                read,
                loaded,
                quarantined,
                None,
                findings,
            )
        )
    return reports
