"""`thidua load`: files → read → normalise and resolve → quality gate → land or quarantine.

Every row read ends up either in its raw table or in quarantine with its reasons (rows read =
rows loaded + rows quarantined, for every file). The same content loaded again lands nothing new:
its rows still quarantined are checked again (aliases or reference records may have been added
since) and those that now pass land under a retry load; `--force` loads it again whole.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from importlib.metadata import version
from pathlib import Path

import duckdb
import polars as pl

from thidua import ctrl_c, work_lock
from thidua.contract.records import (
    INPUT_ORDER,
    RECORD_TYPES,
    REFERENCE_TYPES,
    SOURCE_KINDS,
    RecordType,
)
from thidua.errors import FileRejected, UserError
from thidua.gate import expectations as gate
from thidua.gate.findings import unread_cells, written_rows
from thidua.ingest.aliases import user_aliases
from thidua.ingest.arrow_frames import registered
from thidua.ingest.award_types import AwardTypeIndex
from thidua.ingest.coerce import Context, coerce_batch
from thidua.ingest.landing import (
    LedgerEntry,
    file_transaction,
    insert_rows,
    land,
    landed_leaders,
    member_counts,
    next_load_id,
    open_raw,
    record_load,
)
from thidua.ingest.load_state import (
    ACTIVE_LOADS,
    LedgerRow,
    content_in_force,
    current_full_load,
    ledger_row,
    open_quarantine,
)
from thidua.ingest.read_ahead import FileRead, read_in_background
from thidua.ingest.readers import (
    CONFLICT,
    ROW,
    UNPLACED,
    RawBatch,
    iter_input_files,
    read_file,
    type_from_name,
)
from thidua.ingest.resolve import load_alias_index, load_organizer_lookup
from thidua.ingest.scoring_sheet import SHEET_CHECK, SheetDefaults
from thidua.logs import event
from thidua.normalize import encoding_hint
from thidua.paths import Home
from thidua.warehouse import warm_dbt

DEFAULT_ORGANIZER_ID = "th-ubnd"


_log = logging.getLogger(__name__)


@dataclass
class BatchReport:
    label: str
    record_type: str | None
    # loaded | retried (quarantined rows of an earlier load landed) | rejected | unchanged (the
    # content was loaded before; rows_quarantined says how many of its rows are still quarantined)
    status: str
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    message: str | None = None
    # every finding of the batch (quarantine's columns) with the row's `organizer_id`
    findings: pl.DataFrame | None = None
    load_id: int | None = None


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


def rows_in_force(
    con: duckdb.DuckDBPyConnection, table: str, key: str, columns: str
) -> pl.DataFrame:
    """The latest restatement of each key among the rows of loads not withdrawn (as staging
    picks it: a retry's rows take the place in time of the load they came from)."""
    frame: pl.DataFrame = con.sql(
        f"""
        select {columns}
        from {table}
        inner join ({ACTIVE_LOADS}) as active using (load_id)
        qualify row_number() over (
            partition by {key}
            order by active.base_load_id desc, load_id desc, source_row desc
        ) = 1
        """
    ).pl()
    return frame


def build_context(
    con: duckdb.DuckDBPyConnection, source_kind: str, *, complete_roster: bool = False
) -> Context:
    """Reference data as the landing database knows it now: the seeds; organisers, units and
    aliases loaded as reference records (latest restatement of each, withdrawn loads left out);
    and the aliases analysts added with `thidua aliases add`."""
    units = rows_in_force(
        con,
        "units",
        "unit_id",
        "unit_id, name as name_vi, short_name, organizer_id,"
        " cast(valid_from as varchar) as valid_from, cast(valid_to as varchar) as valid_to",
    )
    organizers = rows_in_force(
        con,
        "organizers",
        "organizer_id",
        "organizer_id, name as name_vi, name_en, short_name, level, province, award_system",
    )
    award_types = rows_in_force(
        con,
        "award_types",
        "award_type_code",
        "award_type_code, name_vi, name_en, level, issuer_kind, award_family",
    )
    loaded_aliases = rows_in_force(
        con,
        "unit_aliases",
        "alias, organizer_id, cluster_id, valid_from_year, valid_to_year",
        "alias, unit_id, organizer_id, cluster_id, valid_from_year, valid_to_year",
    ).with_columns(pl.all().cast(pl.Utf8))
    return Context(
        aliases=load_alias_index(
            extra_aliases=[user_aliases(con), loaded_aliases],
            extra_units=units,
            extra_organizers=organizers,
        ),
        organizers=load_organizer_lookup(extra=organizers),
        default_organizer_id=DEFAULT_ORGANIZER_ID,
        default_source_kind=source_kind,
        complete_roster=complete_roster,
        award_types=AwardTypeIndex.from_tables(award_types, organizers.rename({"name_vi": "name"})),
    )


def _content_hash(path: Path) -> str:
    """The file's SHA-256, streamed: a large file is not held in memory twice."""
    if not path.is_file():
        # A device or a pipe (a link to /dev/zero) would be read forever; the reader rejects it.
        return "not-a-file:" + hashlib.sha256(str(path).encode()).hexdigest()
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _stamp(path: Path) -> tuple[int, int] | None:
    """Size and modification time: what changes when a file is written to."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _changed_while_read(path: Path) -> FileRejected:
    return FileRejected(
        path.name,
        None,
        "tệp thay đổi trong lúc đang đọc (có thể vẫn đang được ghi): nạp lại khi tệp đã ghi xong",
        "the file changed while it was being read (it may still be being written): load it "
        "again once it is complete",
    )


def _load_rank(path: Path) -> int:
    """Reference files first, then clusters, then the facts, as far as the name tells: the
    English type name or a Vietnamese one (`nguon.csv`, `don_vi.xlsx`, `thanh_vien_cum_8.csv`)."""
    order = INPUT_ORDER
    named = type_from_name(path.stem)
    return order.index(named.name) if named is not None and named.name in order else len(order)


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
    force: bool = False,
    complete_roster: bool = False,
    cluster: str | None = None,
    year: str | int | None = None,
    organizer: str | None = None,
    lock_wait: float | None = None,
) -> LoadReport:
    """Load files or folders. `force` loads content already loaded again, whole (its rows restate
    the earlier ones); `complete_roster` declares every memberships row's cluster-year roster
    complete unless the row says otherwise; `cluster`, `year` and `organizer` are what a
    year-end scoring sheet's title does not say. Holds the home's work lock (one load or build
    at a time), waiting for another holder up to `lock_wait` seconds (work_lock.held)."""
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
    if home.published_db.exists():
        # a build usually follows: dbt imports and parses the project meanwhile
        warm_dbt.start(home)
    report = LoadReport()
    started = time.perf_counter()
    with (
        work_lock.held(home, "load", lock_wait),
        ctrl_c.remembered(),
        open_raw(home.raw_db) as con,
        ThreadPoolExecutor(max_workers=1) as hasher,
    ):
        run = _Run(source_kind, force, complete_roster, build_context(con, source_kind))
        run.sheet_defaults = SheetDefaults(
            cluster, None if year is None else str(year).strip(), organizer
        )
        # Hashed in a worker (hashing releases the interpreter lock), one file after another.
        # The next file is read while this one is checked and landed.
        hashes = [hasher.submit(_content_hash, path) for path in files]
        reading = _read_ahead(con, files[0], hashes[0], forced, run)
        for position, path in enumerate(files):
            this_read = reading
            if position + 1 < len(files):
                reading = _read_ahead(con, files[position + 1], hashes[position + 1], forced, run)
            for item in _load_one(con, path, hashes[position], this_read, run):
                report.batches.append(item)
                _log_batch(path, item)
                if progress:
                    progress(item)
    event(
        _log,
        "load.finished",
        files=len(files),
        batches=len(report.batches),
        rows_loaded=report.loaded_rows,
        rows_quarantined=report.quarantined_rows,
        rejected=len(report.rejected),
        seconds=round(time.perf_counter() - started, 3),
        raw_db=home.raw_db,
    )
    return report


def _log_batch(path: Path, item: BatchReport) -> None:
    """One event per batch (the command says the same in words; the log is for schedulers)."""
    event(
        _log,
        "load.batch",
        file=path,
        batch=item.label,
        record_type=item.record_type,
        status=item.status,
        load_id=item.load_id,
        rows_read=item.rows_read,
        rows_loaded=item.rows_loaded,
        rows_quarantined=item.rows_quarantined,
        message=item.message,
    )


@dataclass
class _Run:
    """One `thidua load`: its options, and the reference data names resolve against."""

    source_kind: str
    force: bool
    complete_roster: bool
    context: Context
    sheet_defaults: SheetDefaults | None = None

    def landed(self, con: duckdb.DuckDBPyConnection, item: BatchReport) -> None:
        """Names in the sheets and files that follow resolve against reference rows that just
        landed (the transaction sees its own rows)."""
        if item.status in ("loaded", "retried") and item.record_type in REFERENCE_TYPES:
            self.context = build_context(con, self.source_kind)


def _sheet_rank(batch: RawBatch | FileRejected) -> int:
    """Reference sheets of a workbook land before the sheets that name what they define; the
    other sheets keep the workbook's order."""
    if isinstance(batch, FileRejected) or batch.record_type.name not in REFERENCE_TYPES:
        return len(REFERENCE_TYPES)
    return REFERENCE_TYPES.index(batch.record_type.name)


@dataclass(frozen=True)
class _Coerced:
    """A batch coerced ahead of its turn, and the run's reference data it was coerced against:
    used only if the run still has that reference data when the batch's turn comes (a
    reference file landing in between replaces it)."""

    reference: Context
    typed: pl.DataFrame
    findings: pl.DataFrame


def _batch_context(batch: RawBatch, run: _Run, reference: Context) -> Context:
    if batch.record_type.name == "memberships":
        return dataclasses.replace(reference, complete_roster=run.complete_roster)
    return reference


def _coerce_ahead(run: _Run, batch: RawBatch) -> _Coerced:
    reference = run.context
    typed, findings = coerce_batch(batch, _batch_context(batch, run, reference))
    return _Coerced(reference, typed, findings)


def _read_ahead(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    pending_hash: Future[str],
    forced: RecordType | None,
    run: _Run,
) -> Future[FileRead[_Coerced]]:
    """The file read on a worker; coerced there too unless it was loaded before unchanged (its
    turn then only checks its quarantined rows again: coercing it would be work thrown away,
    and a folder loaded again after one file changed would wait for all of it)."""
    read = partial(read_file, record_type=forced, defaults=run.sheet_defaults)
    landed_before = not run.force and content_in_force(con, pending_hash.result())
    return read_in_background(
        path, read, _stamp, None if landed_before else partial(_coerce_ahead, run)
    )


def _load_one(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    pending_hash: Future[str],
    pending_read: Future[FileRead[_Coerced]],
    run: _Run,
) -> list[BatchReport]:
    """Every sheet of one file, in one transaction: a crash or Ctrl-C anywhere in the file leaves
    the landing database as it was before the file (a workbook never lands half its sheets)."""
    with file_transaction(con):
        read = pending_read.result()
        if isinstance(read.batches, FileRejected):
            return [_reject(con, path, pending_hash.result(), read.batches)]
        batches = read.batches
        content_hash = pending_hash.result()
        if _stamp(path) != read.stamp_before:
            # The rows read and the bytes hashed may be different versions of the file: landing
            # them under that hash would call the finished file "already loaded" next time.
            return [_reject(con, path, content_hash, _changed_while_read(path))]
        items = []
        for batch in sorted(batches, key=_sheet_rank):
            if isinstance(batch, FileRejected):
                items.append(_reject(con, path, content_hash, batch))
                continue
            item = _land_batch(con, path, content_hash, batch, run, read.prepared_for(batch))
            run.landed(con, item)
            items.append(item)
        return items


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
    run: _Run,
    coerced: _Coerced | None,
) -> BatchReport:
    context = _batch_context(batch, run, run.context)
    previous = current_full_load(con, content_hash, batch.sheet)
    # The same rows read with another roster declaration are another statement: loaded again.
    same_reading = previous is not None and (
        batch.record_type.name != "memberships" or previous.complete_roster == run.complete_roster
    )
    if previous is not None and same_reading and not run.force:
        return _check_again(con, previous, batch, run)
    forced_note = (
        f"nạp lại (--force), thay thế lần nạp {previous.load_id} / "
        f"loaded again (--force), restating load {previous.load_id}"
        if previous is not None and run.force
        else None
    )
    origin = _Origin(str(path), content_hash, forced=run.force, note=forced_note)
    ahead = (
        (coerced.typed, coerced.findings) if coerced and coerced.reference is run.context else None
    )
    return _gate_and_land(con, batch, context, origin, ahead)


@dataclass(frozen=True)
class _Origin:
    """What the ledger row of a batch says about where it came from."""

    file_path: str
    content_hash: str
    forced: bool = False
    note: str | None = None
    # a retry: the load whose quarantined rows it reads again, and those rows (load_id, source_row)
    retry_of: LedgerRow | None = None
    retried: pl.DataFrame | None = None
    earlier_units: pl.DataFrame | None = None


def _gate_and_land(
    con: duckdb.DuckDBPyConnection,
    batch: RawBatch,
    context: Context,
    origin: _Origin,
    coerced: tuple[pl.DataFrame, pl.DataFrame] | None = None,
) -> BatchReport:
    """Coercion, the quality gate and landing: one path for a file read now and for the rows of a
    retry (read back as they were read then). A retry that lands no row writes nothing.
    `coerced`: the batch already coerced against `context` (read ahead)."""
    # Ranks are bounded by the units of the cluster-year, including memberships landed just
    # before (an earlier sheet of this workbook counts: the transaction sees its own rows).
    known = member_counts(con) if batch.record_type.name == "rankings" else None
    leaders = landed_leaders(con) if batch.record_type.name == "memberships" else None
    record_type = batch.record_type.name
    typed, findings = coerced if coerced is not None else coerce_batch(batch, context)
    # Derived before rows with findings are set aside: a unit whose name did not resolve still
    # counts as one of the cluster's units.
    typed = gate.derive(
        record_type,
        typed,
        known,
        origin.earlier_units,
        leaders,
        written=written_rows(batch.frame, findings),
    )
    candidates = (
        typed.filter(~pl.col(ROW).is_in(findings[ROW].unique().implode()))
        if findings.height
        else typed  # filtering copies every cell, for nothing when no cell failed
    )
    if origin.retry_of is not None and candidates.height == 0:
        return _still_quarantined(con, origin.retry_of, batch, context)
    # The gate checks every typed row, those with coercion findings too, so one load names every
    # problem of every row; the findings that only restate a coercion finding are left out. Then
    # only the rows with no finding of either kind land: a row is written once, or not at all.
    # (Inserting while the gate ran, then taking back what it turned away, saved ~2 s of a 23 s
    # load of 4.8 M rows at the national tier × 0.1: too little for a second, backwards path.)
    unread = unread_cells(batch.record_type, batch.frame, findings)
    gate_findings, outcomes = gate.validate(
        record_type,
        typed,
        gate.suite_parameters(award_type_codes=context.award_types.codes),
        unread=unread,
    )
    turned_away = candidates.filter(pl.col(ROW).is_in(gate_findings[ROW].unique().implode()))
    landing = (
        candidates.filter(~pl.col(ROW).is_in(turned_away[ROW].implode()))
        if turned_away.height
        else candidates
    )
    load_id = next_load_id(con)
    insert_rows(con, record_type, load_id, _landed_shape(landing, batch))
    findings = pl.concat([findings, gate_findings], how="vertical").sort(ROW, maintain_order=True)
    read = batch.frame.height
    quarantined = findings[ROW].n_unique()
    loaded = candidates.height - turned_away.height
    assert read == loaded + quarantined, "every row is either loaded or quarantined"
    if origin.retry_of is not None and loaded == 0:
        return _still_quarantined(con, origin.retry_of, batch, context)
    entry = LedgerEntry(
        origin.file_path,
        batch.path.name,
        batch.sheet,
        origin.content_hash,
        record_type,
        "loaded",
        read,
        loaded,
        quarantined,
        _ledger_note(batch, origin),
        loader_version(),
        context.fingerprint,
        retry_of_load_id=origin.retry_of.base_load_id if origin.retry_of else None,
        default_source_kind=context.default_source_kind,
        complete_roster=context.complete_roster,
        forced=origin.forced,
    )
    record_load(con, load_id, entry, _quarantine_rows(batch, findings), outcomes)
    if origin.retried is not None:
        _mark_retried(con, origin.retried, load_id)
    return BatchReport(
        batch.label,
        record_type,
        "retried" if origin.retry_of else "loaded",
        read,
        loaded,
        quarantined,
        entry.message,
        _with_organizer(findings, typed),
        load_id,
    )


def _with_organizer(findings: pl.DataFrame, typed: pl.DataFrame) -> pl.DataFrame:
    """Findings with their row's organiser (the scope of the alias that would fix a name)."""
    if "organizer_id" not in typed.columns:
        return findings.with_columns(pl.lit(None, dtype=pl.Utf8).alias("organizer_id"))
    return findings.join(
        typed.select(ROW, "organizer_id"), on=ROW, how="left", maintain_order="left"
    )


def _ledger_note(batch: RawBatch, origin: _Origin) -> str | None:
    notes = [origin.note] if origin.note else []
    if origin.retry_of is not None:
        notes.append(
            f"nạp lại {batch.frame.height} dòng bị cách ly của lần nạp "
            f"{origin.retry_of.base_load_id} / retry of {batch.frame.height} quarantined "
            f"row(s) of load {origin.retry_of.base_load_id}"
        )
    notes.extend(batch.notes)
    # Columns no header of the contract matches are not loaded: say so, never drop in silence.
    if batch.ignored_columns:
        notes.append(f"cột không dùng / columns not used: {', '.join(batch.ignored_columns)}")
        garbled = encoding_hint(batch.ignored_columns)
        if garbled:
            notes.append(" / ".join(garbled))
    return "; ".join(notes) or None


def _mark_retried(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame, load_id: int) -> None:
    """The quarantined rows a retry took over: it landed them or quarantined them again."""
    with registered(con, "retried_rows", rows.select("load_id", "source_row").unique()):
        con.execute(
            """
            update quarantine set retried_in_load_id = ?
            where retried_in_load_id is null
                and (load_id, source_row) in (select load_id, source_row from retried_rows)
            """,
            [load_id],
        )


# Findings only an alias can fix; the others need the file corrected.
_NAME_RULES = ("unresolved_name", "ambiguous_name")


def _check_again(
    con: duckdb.DuckDBPyConnection, previous: LedgerRow, batch: RawBatch, run: _Run
) -> BatchReport:
    """Content loaded before: nothing to do when none of its rows is still quarantined, else
    those rows are read again from the quarantine and retried."""
    rows = open_quarantine(con, previous.load_id)
    if rows.height == 0:
        return BatchReport(
            batch.label,
            batch.record_type.name,
            "unchanged",
            rows_read=batch.frame.height,
            message=f"đã nạp trước đó (lần nạp {previous.load_id}), bỏ qua / "
            f"already loaded (load {previous.load_id}), skipped",
            load_id=previous.load_id,
        )
    return _retry(con, previous, rows, run.context)


def _retry(
    con: duckdb.DuckDBPyConnection, base: LedgerRow, rows: pl.DataFrame, context: Context
) -> BatchReport:
    """The open quarantined rows of one load (and of its earlier retries) through the same
    coercion, gate and landing as a file, read back from `row_json` as they were read then,
    with the options that load ran with."""
    assert base.record_type is not None, "only a loaded batch has quarantined rows"
    record_type = RECORD_TYPES[base.record_type]
    context = dataclasses.replace(
        context,
        default_source_kind=base.default_source_kind or context.default_source_kind,
        complete_roster=base.complete_roster,
    )
    batch = RawBatch(
        Path(base.file_path), base.sheet, record_type, _rows_as_read(record_type, rows)
    )
    origin = _Origin(
        base.file_path,
        base.content_hash,
        retry_of=base,
        retried=rows,
        earlier_units=_units_named(con, base) if record_type.name == "rankings" else None,
    )
    return _gate_and_land(con, batch, context, origin)


def _rows_as_read(record_type: RecordType, rows: pl.DataFrame) -> pl.DataFrame:
    """Quarantined rows (one per finding) → one text row per source row, as the reader gave it."""
    columns = [c.name for c in record_type.columns] + [UNPLACED, CONFLICT, SHEET_CHECK]
    # A column added to the contract after the row was read decodes as blank.
    as_struct = pl.Struct(dict.fromkeys(columns, pl.Utf8))
    return (
        rows.unique(subset=["source_row"], keep="first")
        .sort("source_row")
        .select(
            pl.col("row_json").str.json_decode(as_struct).alias("_read"),
            pl.col("source_row").cast(pl.Int64).alias(ROW),
        )
        .unnest("_read")
        .select(*columns, ROW)
    )


def _units_named(con: duckdb.DuckDBPyConnection, base: LedgerRow) -> pl.DataFrame:
    """Units the rest of a rankings file named (its landed rows), for the rank bound."""
    named: pl.DataFrame = con.sql(
        """
        select r.organizer_id, r.cluster_id, r.results_year, coalesce(r.unit_id, r.unit_raw) as unit
        from rankings as r
        inner join load_ledger as l using (load_id)
        where coalesce(l.retry_of_load_id, l.load_id) = ?
        """,
        params=[base.base_load_id],
    ).pl()
    return named


def _still_quarantined(
    con: duckdb.DuckDBPyConnection, base: LedgerRow, batch: RawBatch, context: Context
) -> BatchReport:
    """A retry none of whose rows passes: nothing is written; say why, truthfully."""
    open_rows = open_quarantine(con, base.base_load_id)
    count = batch.frame.height
    fingerprints = {
        row[0]
        for row in con.execute(
            "select distinct resolver_fingerprint from load_ledger where load_id in "
            "(select unnest(?::integer[]))",
            [open_rows["load_id"].unique().to_list()],
        ).fetchall()
    }
    if fingerprints == {context.fingerprint}:
        why_vi = "đã kiểm tra lại; không bí danh hay danh mục nào thay đổi từ lần đó"
        why_en = "checked again; no alias or reference record changed since"
    else:
        why_vi = "đã kiểm tra lại với các bí danh và danh mục thêm sau đó, vẫn chưa qua"
        why_en = "checked again with the aliases and reference records added since, still failing"
    if open_rows["rule"].is_in(_NAME_RULES).any():
        hint_vi, hint_en = "xem `thidua aliases list`", "see `thidua aliases list`"
    else:
        hint_vi = "sửa tệp rồi nạp lại, hoặc `thidua withdraw`"
        hint_en = "correct the file and load it again, or `thidua withdraw`"
    return BatchReport(
        batch.label,
        batch.record_type.name,
        "unchanged",
        rows_read=count,
        rows_quarantined=count,
        message=f"đã nạp trước đó (lần nạp {base.base_load_id}); {count} dòng vẫn bị cách ly: "
        f"{why_vi} — {hint_vi} / already loaded (load {base.base_load_id}); {count} row(s) "
        f"still quarantined: {why_en} — {hint_en}",
        load_id=base.base_load_id,
    )


def retry_quarantine(
    home: Home,
    *,
    progress: Callable[[BatchReport], None] | None = None,
    lock_wait: float | None = None,
) -> LoadReport:
    """`thidua load --retry-quarantine`: every open quarantined row of every load, read again
    from the quarantine (no file needed); each load's rows in a transaction of their own."""
    if not home.raw_db.exists():
        raise UserError(
            f"chưa nạp dữ liệu nào ({home.raw_db})", f"nothing loaded yet ({home.raw_db})"
        )
    report = LoadReport()
    with (
        work_lock.held(home, "load", lock_wait),
        ctrl_c.remembered(),
        open_raw(home.raw_db) as con,
    ):
        run = _Run("official", False, False, build_context(con, "official"))
        bases = [
            row
            for base_id in open_quarantine(con)["base_load_id"].unique().to_list()
            if (row := ledger_row(con, base_id)) is not None
        ]
        # Reference rows first: a unit that lands now resolves the names of the rows after it.
        for base in sorted(bases, key=_retry_rank):
            with file_transaction(con):
                item = _retry(con, base, open_quarantine(con, base.load_id), run.context)
                run.landed(con, item)
            report.batches.append(item)
            if progress:
                progress(item)
    return report


def _retry_rank(load: LedgerRow) -> tuple[int, int]:
    """Loads in the order a folder of their files would load: reference types, clusters, facts."""
    order = INPUT_ORDER
    kind = order.index(load.record_type) if load.record_type in order else len(order)
    return kind, load.load_id
