"""The benchmark's load stages run end to end on a small file (timings are never asserted)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from thidua.bench.load_formats import FORMATS, prepare, run_load_formats

ROWS = 3000


@pytest.mark.slow
@pytest.mark.integration
def test_each_format_loads_every_row_beside_its_floor(tmp_path: Path) -> None:
    said: list[str] = []
    stages = run_load_formats(tmp_path / "work", ROWS, 1, said.append, tmp_path / "files")

    assert [stage.name for stage in stages] == [
        f"load {fmt.upper()}, {ROWS:,} score rows" for fmt in FORMATS
    ]
    for stage in stages:
        assert stage.rows == ROWS
        assert stage.floor_s is not None and stage.floor_s > 0
        assert stage.ratio is not None and stage.peak_mb > 0
    # the three files hold the same rows: the formats are compared on equal terms
    files = prepare(ROWS, 1, said.append, tmp_path / "files")
    con = duckdb.connect()
    try:
        csv_rows = con.execute(
            f"select count(*), sum(points) from read_csv('{files.scores['csv']}')"
        ).fetchall()
        parquet_rows = con.execute(
            f"select count(*), sum(points) from read_parquet('{files.scores['parquet']}')"
        ).fetchall()
    finally:
        con.close()
    assert csv_rows == parquet_rows and csv_rows[0][0] == ROWS
    # written once: a second run reuses the files instead of writing them again
    assert sum("writing" in line for line in said) == 1
