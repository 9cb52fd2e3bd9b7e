"""The CLI in a data folder it cannot use: one line in Vietnamese and English, never a traceback.

Runs the real `thidua` console script in a child process, so what is checked is exactly what an
analyst sees on the terminal.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from thidua.paths import SAMPLE_DIR, Home

THIDUA = Path(sys.executable).parent / "thidua"
EVENTS = SAMPLE_DIR / "real" / "events.csv"


def _thidua(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(THIDUA), "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _assert_refused_in_words(result: subprocess.CompletedProcess[str], *said: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("lỗi / error:"), line
    for words in said:
        assert words in line, line


def test_a_home_that_is_a_file(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    for command in (["generate"], ["load", str(EVENTS)], ["build"]):
        _assert_refused_in_words(_thidua(a_file, *command), "là một tệp", "is a file")


@pytest.mark.parametrize("where", ["/proc/nope", "{tmp}/notes.txt/sub"])
def test_a_home_that_cannot_be_made(tmp_path: Path, where: str) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    home = Path(where.format(tmp=tmp_path))
    _assert_refused_in_words(
        _thidua(home, "load", str(EVENTS)), "không tạo được", "cannot be created"
    )


@pytest.fixture
def read_only_home(published_home: Home, tmp_path: Path) -> Iterator[Path]:
    """A copy of a loaded and published home, mounted read-only (a bind mount: root, as in CI,
    writes anywhere else)."""
    source = tmp_path / "source"
    source.mkdir()
    shutil.copyfile(published_home.raw_db, source / "raw.duckdb")
    shutil.copyfile(published_home.published_db, source / "thidua.duckdb")
    mounted = tmp_path / "read-only"
    mounted.mkdir()
    subprocess.run(["mount", "--bind", str(source), str(mounted)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mounted)], check=True)
        yield mounted
    finally:
        subprocess.run(["umount", str(mounted)], check=True)


def test_a_read_only_home_says_so_and_still_answers_queries(read_only_home: Path) -> None:
    for command in (["load", str(EVENTS)], ["build"], ["aliases", "list"]):
        result = _thidua(read_only_home, *command)
        _assert_refused_in_words(result, "Read-only file system")
        assert "another process" not in result.stderr
    _assert_refused_in_words(_thidua(read_only_home, "generate"), "Read-only file system")
    answered = _thidua(
        read_only_home, "sql", "select count(*) as n from dim_unit", "--format", "csv"
    )
    assert answered.returncode == 0, answered.stderr
    assert answered.stdout.splitlines()[0] == "n"


def test_bad_numbers_for_sql_are_refused_by_the_parser(tmp_path: Path) -> None:
    result = _thidua(tmp_path, "sql", "select 1", "--max-rows", "-1")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--max-rows" in result.stderr and "positive" in result.stderr
