"""Inputs that once hung the loader, lost rows or hid a file: each ends in one clear line.

The corpus (test_corpus.py) holds the files that can be committed; the cases here need a file
made at test time: a link to a device, a file that grows while it is read, a folder with an old
.xls beside the records.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from thidua.cli import main
from thidua.contract.records import RecordType
from thidua.errors import FileRejected
from thidua.ingest import loader
from thidua.ingest.readers import RawBatch, read_file
from thidua.ingest.scoring_sheet import SheetDefaults
from thidua.paths import Home

HEADER = "cluster,results_year,unit,criterion,points,max_points\n"


def _score_rows(count: int, start: int = 0) -> str:
    return "".join(
        f"Cụm thi đua số 8,2023,Sở Nội vụ,TC{i},9,10\n" for i in range(start, start + count)
    )


def _ledger(home: Home) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        return con.execute(
            "select file_name, status, rows_read, rows_loaded, message from load_ledger"
            " order by load_id"
        ).fetchall()
    finally:
        con.close()


def _landed_scores(home: Home) -> int:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        return int(con.execute("select count(*) from scores").fetchall()[0][0])
    finally:
        con.close()


def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    link = tmp_path / "scores.csv"
    link.symlink_to("/dev/zero")
    home = Home(tmp_path / "home")
    # In a child process with a hang guard: reading /dev/zero never ends.
    done = subprocess.run(
        [str(Path(sys.executable).parent / "thidua"), "--home", str(home.root), "load", str(link)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "scores.csv: not a regular file" in done.stderr
    assert "Traceback" not in done.stderr
    assert [(f, s) for f, s, *_ in _ledger(home)] == [("scores.csv", "rejected")]


def test_a_file_that_grows_while_it_is_read_is_refused_then_loads_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scores = tmp_path / "scores.csv"
    scores.write_text(HEADER + _score_rows(3_000), encoding="utf-8")

    def read_while_a_writer_appends(
        path: Path, record_type: RecordType | None = None, defaults: SheetDefaults | None = None
    ) -> list[RawBatch | FileRejected]:
        batches = list(read_file(path, record_type, defaults))
        with path.open("a", encoding="utf-8") as handle:  # the writer adds its last rows
            handle.write(_score_rows(1_000, start=3_000))
        return batches

    monkeypatch.setattr(loader, "read_file", read_while_a_writer_appends)
    home = Home(tmp_path / "home")
    report = loader.load_files([scores], home)
    assert [b.status for b in report.batches] == ["rejected"]
    assert "changed while it was being read" in str(report.batches[0].message)
    assert _landed_scores(home) == 0

    monkeypatch.undo()
    report = loader.load_files([scores], home)  # the finished file: every row, none skipped
    assert [(b.status, b.rows_read, b.rows_loaded) for b in report.batches] == [
        ("loaded", 4_000, 4_000)
    ]
    assert _landed_scores(home) == 4_000


def test_an_old_xls_in_a_folder_is_reported_not_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "scores.csv").write_text(HEADER + _score_rows(2), encoding="utf-8")
    (folder / "awards.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (folder / "README.txt").write_text("notes, not records", encoding="utf-8")
    home = Home(tmp_path / "home")
    assert main(["--home", str(home.root), "load", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "awards.xls: .xls workbooks cannot be read" in err
    assert sorted((f, s) for f, s, *_ in _ledger(home)) == [
        ("awards.xls", "rejected"),
        ("scores.csv", "loaded"),
    ]
