"""Reading ahead: what a load gets back for the next file, whatever happened while reading it."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from thidua.errors import FileRejected
from thidua.ingest import loader
from thidua.ingest.coerce import Context, coerce_batch
from thidua.ingest.loader import load_files
from thidua.ingest.read_ahead import read_in_background
from thidua.ingest.readers import RawBatch, read_file
from thidua.paths import SAMPLE_DIR, Home


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


def test_a_file_read_ahead_comes_back_with_each_batch_prepared(tmp_path: Path) -> None:
    scores = tmp_path / "scores.csv"
    scores.write_text(
        "cluster,results_year,unit,criterion,points\nCụm thi đua số 8,2023,Sở Tư pháp,Tổng,95\n",
        encoding="utf-8",
    )
    read = read_in_background(scores, read_file, _stamp, lambda batch: batch.frame.height).result(
        timeout=60
    )
    assert read.stamp_before == _stamp(scores)
    assert not isinstance(read.batches, FileRejected)
    [batch] = read.batches
    assert isinstance(batch, RawBatch)
    assert read.prepared_for(batch) == 1


def test_a_preparation_that_fails_is_left_to_the_load_and_the_file_still_comes_back(
    tmp_path: Path,
) -> None:
    """The load prepares the batch again in its turn, where the failure surfaces as it would
    have without reading ahead."""
    scores = tmp_path / "scores.csv"
    scores.write_text("cluster,results_year,unit,criterion,points\nCụm 8,2023,STP,Tổng,95\n")

    def fails(batch: RawBatch) -> int:
        raise ValueError("not this time")

    read = read_in_background(scores, read_file, _stamp, fails).result(timeout=60)
    assert not isinstance(read.batches, FileRejected)
    [batch] = read.batches
    assert isinstance(batch, RawBatch)
    assert read.prepared_for(batch) is None


def test_a_file_the_reader_rejects_comes_back_as_its_rejection(tmp_path: Path) -> None:
    old_workbook = tmp_path / "scores.xls"
    old_workbook.write_bytes(b"\xd0\xcf\x11\xe0 not read")
    read = read_in_background(old_workbook, read_file, _stamp, lambda batch: None).result(
        timeout=60
    )
    assert isinstance(read.batches, FileRejected)
    assert ".xls" in str(read.batches)


def test_a_folder_loaded_again_after_one_file_changed_coerces_only_that_file(
    fresh_home: Home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unchanged files only have their quarantined rows checked again: typing their rows
    ahead would be work thrown away, which the load would wait for."""
    folder = tmp_path / "records"
    shutil.copytree(SAMPLE_DIR / "real", folder)
    load_files([folder], fresh_home)
    events = folder / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8")
        + "UBND tỉnh Thanh Hóa,Cụm thi đua số 8,2023,year_end_review,12/01/2024,,,,article,"
        "article:002,\n",
        encoding="utf-8",
    )
    coerced: list[str] = []

    def counted(batch: RawBatch, context: Context) -> tuple[pl.DataFrame, pl.DataFrame]:
        coerced.append(batch.label)
        return coerce_batch(batch, context)

    monkeypatch.setattr(loader, "coerce_batch", counted)
    report = load_files([folder], fresh_home)
    assert coerced == ["events.csv"]
    assert {b.label: b.status for b in report.batches}["events.csv"] == "loaded"
