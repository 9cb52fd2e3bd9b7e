"""`thidua load` run in the thidua process the load before left waiting (thidua.warm_command):
to the person at the terminal it is the same command (its output on their streams, paths read
from their folder, the same exit codes, a Ctrl-C that stops it), only without the imports."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from thidua import warm_command
from thidua.paths import PROJECT_ROOT, Home
from thidua.warm_command import READY_LINE, SWITCH
from thidua.work_lock import held

THIDUA = Path(sys.executable).with_name("thidua")
SAMPLE = PROJECT_ROOT / "data" / "sample" / "real"
# Only there so a broken test cannot hang CI; nothing asserts how long anything takes.
HANG_GUARD_S = 180

pytestmark = pytest.mark.skipif(not warm_command.enabled({}), reason="Linux only")


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return Home(tmp_path / "home")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The analyst's folder, with two of the sample's files under their own names."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(SAMPLE / "memberships.csv", work / "thanh_vien.csv")
    shutil.copy(SAMPLE / "events.csv", work / "su_kien.csv")
    return work


@pytest.fixture
def environ(home: Home) -> Iterator[dict[str, str]]:
    # A process another run left waiting (another environment, maybe other code) is stopped
    # first, so each test starts from none.
    warm_command.stop()
    yield {**os.environ, SWITCH: "1", "THIDUA_WARM_DBT": "0", "THIDUA_HOME": str(home.root)}
    warm_command.stop()


def _thidua(
    args: list[str], folder: Path, environ: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(THIDUA), *args],
        cwd=folder,
        env=environ,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        check=False,
    )


def _loaded_files(home: Home) -> list[tuple[str, str, int]]:
    with duckdb.connect(str(home.raw_db), read_only=True) as con:
        rows = con.execute(
            "select file_name, status, rows_loaded from load_ledger order by load_id"
        ).fetchall()
    return [(str(name), str(status), int(loaded)) for name, status, loaded in rows]


def _ready_in_time() -> bool:
    return warm_command.wait_ready(HANG_GUARD_S)


def test_the_next_load_runs_in_the_process_the_last_one_left_waiting(
    home: Home, folder: Path, environ: dict[str, str]
) -> None:
    first = _thidua(["load", "thanh_vien.csv"], folder, environ)
    assert first.returncode == 0, first.stderr
    # none waited: the first load ran in its own process, and left one waiting
    assert READY_LINE not in first.stdout
    assert _ready_in_time()

    # a path relative to the analyst's folder, not to the waiting process's
    second = _thidua(["load", "su_kien.csv"], folder, environ)
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith(READY_LINE)
    # the command's own report reached the caller's stdout, through the caller's pipe
    assert "✓ su_kien.csv (events)" in second.stdout
    assert "tổng / total:" in second.stdout
    assert [(name, status) for name, status, _ in _loaded_files(home)] == [
        ("thanh_vien.csv", "loaded"),
        ("su_kien.csv", "loaded"),
    ]
    assert all(rows > 0 for *_, rows in _loaded_files(home))

    # that load left the next one waiting in turn; a quiet load says nothing of it
    assert _ready_in_time()
    third = _thidua(["load", "--quiet", "su_kien.csv"], folder, environ)
    assert third.returncode == 0, third.stderr
    assert READY_LINE not in third.stdout
    assert "tổng / total: nạp 0 dòng" in third.stdout  # the same file again: nothing new


def test_a_mistake_in_the_waiting_process_reads_as_in_the_command(
    home: Home, folder: Path, environ: dict[str, str]
) -> None:
    assert _thidua(["load", "thanh_vien.csv"], folder, environ).returncode == 0
    assert _ready_in_time()
    missing = _thidua(["load", "khong_co.csv"], folder, environ)
    assert missing.returncode == 1
    assert READY_LINE in missing.stdout
    # the error on stderr, stdout and stderr kept apart as the caller gave them
    assert missing.stderr.startswith("lỗi / error:"), missing.stderr
    assert "khong_co.csv" in missing.stderr
    assert "lỗi / error" not in missing.stdout
    assert "Traceback" not in missing.stderr


def test_a_waiting_process_started_with_other_settings_stands_aside(
    home: Home, folder: Path, environ: dict[str, str]
) -> None:
    assert _thidua(["load", "thanh_vien.csv"], folder, environ).returncode == 0
    assert _ready_in_time()
    # another setting in the environment: what the waiting process read at its start may differ
    other = {**environ, "THIDUA_LOCK_WAIT": "7"}
    second = _thidua(["load", "su_kien.csv"], folder, other)
    assert second.returncode == 0, second.stderr
    assert READY_LINE not in second.stdout
    assert "✓ su_kien.csv (events)" in second.stdout
    # the one that stood aside left; the command left one with its own settings waiting
    assert _ready_in_time()
    third = _thidua(["load", "--force", "su_kien.csv"], folder, other)
    assert third.returncode == 0, third.stderr
    assert READY_LINE in third.stdout


def test_ctrl_c_stops_the_load_in_the_waiting_process(
    home: Home, folder: Path, environ: dict[str, str]
) -> None:
    assert _thidua(["load", "thanh_vien.csv"], folder, environ).returncode == 0
    assert _ready_in_time()
    before = _loaded_files(home)
    # the load waits for the home's lock, held here, so it is still running at the Ctrl-C
    with held(home, "build", wait=0):
        command = subprocess.Popen(
            [str(THIDUA), "load", "su_kien.csv"],
            cwd=folder,
            env=environ,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert command.stderr is not None
            waiting = command.stderr.readline()
            assert waiting.startswith("đang đợi một lần nạp hoặc xây dựng khác"), waiting
            command.send_signal(signal.SIGINT)
            out, err = command.communicate(timeout=HANG_GUARD_S)
        finally:
            command.kill()
    assert command.returncode == 130
    assert READY_LINE in out
    assert "đã dừng / interrupted" in err
    assert "Traceback" not in err
    assert _loaded_files(home) == before
