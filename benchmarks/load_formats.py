"""Load throughput per format: the same score rows as CSV, Parquet and XLSX, each beside its floor.

The rows are national-tier scores (typed Parquet as a portal exports it, UTF-8 CSV, one XLSX sheet
of at most Excel's 1,048,576 rows). Each format is loaded into its own copy of a landing database
that already holds the organisers, units, clusters and memberships the names resolve against, so
the timing is the scores alone: read, normalise, resolve, GX gate, land. The floor is DuckDB
reading the same file into a table with no checks; DuckDB has no XLSX reader here (its excel
extension cannot be installed offline), so the XLSX floor is the fastest reader there is, calamine
(fastexcel), into a DuckDB table.

The files are written once per row count and seed and kept in `build/bench/load-files/`: the XLSX
writer alone takes about a minute and a half for a million rows.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import duckdb
import polars as pl

from benchmarks.measure import Stage, timed
from thidua.ingest.loader import load_files
from thidua.paths import PROJECT_ROOT, Home

FILES_DIR = PROJECT_ROOT / "build" / "bench" / "load-files"
DEFAULT_ROWS = 1_000_000
EXCEL_MAX_ROWS = 1_048_575  # one header row above the data
REFERENCE_TYPES = ("organizers", "units", "clusters", "memberships")
FORMATS = ("csv", "parquet", "xlsx")
# National-tier score rows per unit of scale (47.7 M at scale 1); a little more is generated and
# the first rows kept.
_SCORES_PER_SCALE = 47_000_000
_SMALLEST_SCALE = 0.001  # below it the generator keeps too few clusters to vary
_DONE = ".complete"


@dataclass(frozen=True)
class LoadFiles:
    reference: list[Path]
    scores: dict[str, Path]  # format → file


def prepare(
    rows: int, seed: int, say: Callable[[str], None], files_dir: Path = FILES_DIR
) -> LoadFiles:
    """The reference files and `rows` score rows in every format (written once, then reused)."""
    if not 0 < rows <= EXCEL_MAX_ROWS:
        raise ValueError(f"rows must be between 1 and {EXCEL_MAX_ROWS} (one XLSX sheet)")
    folder = files_dir / f"scores-{rows}-seed{seed}"
    files = LoadFiles(
        [folder / f"{name}.parquet" for name in REFERENCE_TYPES],
        {fmt: folder / f"scores.{fmt}" for fmt in FORMATS},
    )
    if (folder / _DONE).exists():
        return files
    from thidua.generate import generate
    from thidua.generate.rule_breaks import manifest_path

    shutil.rmtree(folder, ignore_errors=True)
    generated = folder / "generated"
    say(f"  writing {rows:,} score rows as CSV, Parquet and XLSX (once) in {folder}")
    scale = min(1.0, max(_SMALLEST_SCALE, 1.2 * rows / _SCORES_PER_SCALE))
    generate("national", seed, generated, "parquet", scale=scale)
    for name in REFERENCE_TYPES:
        (generated / f"{name}.parquet").rename(folder / f"{name}.parquet")
    yearly = sorted(generated.glob("scores_*.parquet"))
    scores = pl.concat([pl.read_parquet(p) for p in yearly]).head(rows)
    if scores.height < rows:
        raise RuntimeError(f"the generator wrote {scores.height:,} score rows, not {rows:,}")
    scores.write_parquet(files.scores["parquet"])
    scores.write_csv(files.scores["csv"])
    _write_xlsx(scores, files.scores["xlsx"])
    shutil.rmtree(generated)
    manifest_path(generated).unlink(missing_ok=True)  # the planted breaks: not needed here
    (folder / _DONE).touch()
    return files


def _write_xlsx(frame: pl.DataFrame, path: Path) -> None:
    import xlsxwriter

    # constant_memory streams rows to disk: a million rows never sit in memory as cells.
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("Điểm")
    sheet.write_row(0, 0, frame.columns)
    for number, row in enumerate(frame.iter_rows(), start=1):
        sheet.write_row(number, 0, row)
    workbook.close()


def read_into_table(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    """DuckDB's own reader, no checks: the floor of a CSV (as text) or Parquet load."""
    if path.suffix == ".parquet":
        con.execute(f"create table {table} as select * from read_parquet('{path}')")
    else:
        con.execute(f"create table {table} as select * from read_csv('{path}', all_varchar = true)")


def floor_seconds(path: Path) -> float:
    """DuckDB reading the file into a table with no checks (XLSX: calamine into DuckDB)."""
    con = duckdb.connect()
    try:
        if path.suffix == ".xlsx":
            import fastexcel

            def read() -> None:
                sheet = fastexcel.read_excel(path).load_sheet(0, dtypes="string")
                con.register("sheet", sheet.to_arrow())
                con.execute("create table t as select * from sheet")

        else:

            def read() -> None:
                read_into_table(con, path, "t")

        _, seconds, _ = timed(read)
    finally:
        con.close()
    return seconds


def run_load_formats(
    work: Path,
    rows: int,
    seed: int,
    say: Callable[[str], None],
    files_dir: Path = FILES_DIR,
) -> list[Stage]:
    """One stage per format: the load's wall time and peak memory, and its floor."""
    files = prepare(rows, seed, say, files_dir)
    reference = Home(work / "load-reference")
    # Also warms up Great Expectations (import, context, first validation): a per-process cost
    # the bench reports on its own, not a per-file one.
    load_files(files.reference, reference, source_kind="synthetic")
    stages: list[Stage] = []
    for fmt in FORMATS:
        home = Home(work / f"load-{fmt}")
        shutil.rmtree(home.root, ignore_errors=True)
        shutil.copytree(reference.root, home.root)
        path = files.scores[fmt]
        report, wall, peak = timed(partial(load_files, [path], home))
        landed = report.loaded_rows + report.quarantined_rows
        if report.rejected or landed != rows:
            raise RuntimeError(f"{path.name}: {landed:,} of {rows:,} rows accounted for")
        stages.append(
            Stage(
                f"load {fmt.upper()}, {rows:,} score rows",
                wall,
                peak,
                floor_seconds(path),
                "DuckDB reading the file, no checks"
                if fmt != "xlsx"
                else "calamine reading the sheet into DuckDB, no checks",
                rows=rows,
                extra={
                    "rows_per_second": round(rows / wall),
                    "file_mb": round(path.stat().st_size / 1024**2, 1),
                },
            )
        )
        shutil.rmtree(home.root)
    return stages
