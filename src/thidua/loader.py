"""`thidua load`: files → read → normalise and resolve → quality gate → land or quarantine.

Every row read ends up either in its raw table or in quarantine with its reasons (rows read =
rows loaded + rows quarantined, for every file); the same content loaded twice is a no-op.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import duckdb
import polars as pl

from thidua import ctrl_c, gate
from thidua.aliases import user_aliases
from thidua.coerce import Context, coerce_batch
from thidua.errors import FileRejected, UserError
from thidua.landing import (
    LedgerEntry,
    already_loaded,
    delete_rows,
    file_transaction,
    insert_while,
    land,
    member_counts,
    next_load_id,
    open_raw,
    record_load,
)
from thidua.paths import Home
from thidua.readers import ROW, RawBatch, iter_input_files, read_file
from thidua.records import LOAD_ORDER, RECORD_TYPES, REFERENCE_TYPES, SOURCE_KINDS, RecordType
from thidua.resolve import load_alias_index, load_organizer_lookup

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


def build_context(con: duckdb.DuckDBPyConnection, source_kind: str) -> Context:
    """Reference data as the landing database knows it now: the seeds, organisers and units loaded
    as reference records (latest restatement of each), and the aliases analysts added."""
    units: pl.DataFrame = con.sql(
        """
        select unit_id, name as name_vi, short_name, organizer_id,
               cast(valid_from as varchar) as valid_from, cast(valid_to as varchar) as valid_to
        from units
        qualify row_number() over (partition by unit_id order by load_id desc, source_row desc) = 1
        """
    ).pl()
    organizers: pl.DataFrame = con.sql(
        """
        select organizer_id, name as name_vi, name_en, short_name
        from organizers
        qualify row_number() over (
            partition by organizer_id order by load_id desc, source_row desc
        ) = 1
        """
    ).pl()
    return Context(
        aliases=load_alias_index(extra_aliases=[user_aliases(con)], extra_units=units),
        organizers=load_organizer_lookup(extra=organizers),
        default_organizer_id=DEFAULT_ORGANIZER_ID,
        default_source_kind=source_kind,
    )


def _content_hash(path: Path) -> str:
    """The file's SHA-256, streamed: a large file is not held in memory twice."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _load_rank(path: Path) -> int:
    """Reference files first, then clusters, then the facts (as far as the name tells)."""
    order = (*REFERENCE_TYPES, *LOAD_ORDER)
    stem = path.stem.lower()
    for index, name in enumerate(order):
        if stem == name or stem.startswith((name + "_", name + "-")):
            return index
    return len(order)


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


def _landed_shape(rows: pl.DataFrame, batch: RawBatch) -> pl.DataFrame:
    """Typed rows with where each came from, as the raw tables keep them."""
    return rows.with_columns(
        pl.lit(batch.path.name).alias("source_file"),
        pl.lit(batch.sheet, dtype=pl.Utf8).alias("source_sheet"),
        pl.col(ROW).cast(pl.Int32).alias("source_row"),
    )


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
    files = sorted(iter_input_files(paths), key=_load_rank)  # stable: folder order otherwise
    if not files:
        raise UserError("không có tệp nào để nạp", "no files to load")
    forced = RECORD_TYPES[record_type] if record_type else None
    report = LoadReport()
    with (
        ctrl_c.remembered(),
        open_raw(home.raw_db) as con,
        ThreadPoolExecutor(max_workers=1) as hasher,
    ):
        context = build_context(con, source_kind)
        for path in files:
            # Hashed in a worker while the file is read here (hashing releases the interpreter
            # lock): the hash is first needed once the file has been read.
            content_hash = hasher.submit(_content_hash, path)
            items = _load_one(con, path, content_hash, forced, context)
            for item in items:
                report.batches.append(item)
                if progress:
                    progress(item)
            if any(i.status == "loaded" and i.record_type in REFERENCE_TYPES for i in items):
                # Names in the files that follow resolve against what just landed. The reference
                # file itself is stamped with the new state: loading it again changes nothing.
                context = build_context(con, source_kind)
                con.execute(
                    "update load_ledger set resolver_fingerprint = ? where content_hash = ?",
                    [context.fingerprint, content_hash.result()],
                )
    return report


def _load_one(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    pending_hash: Future[str],
    forced: RecordType | None,
    context: Context,
) -> list[BatchReport]:
    """Every sheet of one file, in one transaction: a crash or Ctrl-C anywhere in the file leaves
    the landing database as it was before the file (a workbook never lands half its sheets)."""
    with file_transaction(con):
        try:
            batches = read_file(path, forced)
        except FileRejected as exc:
            return [_reject(con, path, pending_hash.result(), exc)]
        content_hash = pending_hash.result()
        return [
            _reject(con, path, content_hash, batch)
            if isinstance(batch, FileRejected)
            else _land_batch(con, path, content_hash, batch, context)
            for batch in batches
        ]


def _reject(
    con: duckdb.DuckDBPyConnection, path: Path, content_hash: str, exc: FileRejected
) -> BatchReport:
    """A file or sheet that cannot be read: one ledger row, nothing else."""
    entry = LedgerEntry(
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
    )
    land(con, entry)
    label = path.name if exc.sheet is None else f"{path.name} [{exc.sheet}]"
    return BatchReport(label, None, "rejected", message=str(exc))


def _land_batch(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    content_hash: str,
    batch: RawBatch,
    context: Context,
) -> BatchReport:
    previous = already_loaded(con, content_hash, batch.sheet, context.fingerprint)
    if previous is not None:
        return BatchReport(
            batch.label,
            batch.record_type.name,
            "unchanged",
            rows_read=batch.frame.height,
            message=f"đã nạp trước đó (lần nạp {previous}), bỏ qua / "
            f"already loaded (load {previous}), skipped",
        )
    # Ranks are bounded by the units of the cluster-year, including memberships landed just
    # before (an earlier sheet of this workbook counts: the transaction sees its own rows).
    known = member_counts(con) if batch.record_type.name == "rankings" else None
    record_type = batch.record_type.name
    typed, findings = coerce_batch(batch, context)
    # Derived before rows with findings are set aside: a unit whose name did not resolve still
    # counts as one of the cluster's units.
    typed = gate.derive(record_type, typed, known)
    candidates = (
        typed.filter(~pl.col(ROW).is_in(findings[ROW].unique().implode()))
        if findings.height
        else typed  # filtering copies every cell, for nothing when no cell failed
    )
    # The rows that passed coercion are inserted while the gate checks them; the ones it turns
    # away are taken back before the file's transaction commits.
    load_id = next_load_id(con)
    gate_findings, outcomes = insert_while(
        con,
        record_type,
        load_id,
        _landed_shape(candidates, batch),
        lambda: gate.validate(record_type, candidates),
    )
    delete_rows(con, record_type, load_id, gate_findings[ROW].unique())
    findings = pl.concat([findings, gate_findings], how="vertical").sort(ROW)
    read = batch.frame.height
    quarantined = findings[ROW].n_unique()
    loaded = candidates.height - gate_findings[ROW].n_unique()
    assert read == loaded + quarantined, "every row is either loaded or quarantined"
    # Columns no header of the contract matches are not loaded: say so, never drop in silence.
    note = (
        f"cột không dùng / columns not used: {', '.join(batch.ignored_columns)}"
        if batch.ignored_columns
        else None
    )
    entry = LedgerEntry(
        str(path),
        path.name,
        batch.sheet,
        content_hash,
        batch.record_type.name,
        "loaded",
        read,
        loaded,
        quarantined,
        note,
        loader_version(),
        context.fingerprint,
    )
    record_load(con, load_id, entry, _quarantine_rows(batch, findings), outcomes)
    return BatchReport(
        batch.label, batch.record_type.name, "loaded", read, loaded, quarantined, note, findings
    )
