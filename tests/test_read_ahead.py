"""Reading ahead: what a load gets back for the next file, whatever happened while reading it."""

from __future__ import annotations

from pathlib import Path

from thidua.errors import FileRejected
from thidua.ingest.read_ahead import read_in_background
from thidua.ingest.readers import RawBatch, read_file


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
