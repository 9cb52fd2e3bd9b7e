"""One load or build at a time per home (thidua.work_lock): a second holder is told who holds
the lock and since when, in both languages, rather than failing on DuckDB's file lock."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from thidua import work_lock
from thidua.ingest.landing import open_raw
from thidua.paths import PROJECT_ROOT, Home
from thidua.work_lock import WorkBusy, held

THIDUA = Path(sys.executable).with_name("thidua")
# Only there so a broken test cannot hang CI; nothing asserts how long anything takes.
HANG_GUARD_S = 120
BUSY_VI = "Đang có một lần nạp hoặc xây dựng khác chạy"
BUSY_EN = "Another load or build is running"

_HOLDER = """
import sys
from pathlib import Path
from thidua.paths import Home
from thidua.work_lock import held
with held(Home(Path(sys.argv[1])), sys.argv[2], wait=0):
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@contextmanager
def held_by_another_process(home: Home, what: str) -> Iterator[subprocess.Popen[str]]:
    """A separate process holding the home's lock until the block ends."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(home.root), what],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield process
    finally:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.close()
        process.wait(timeout=HANG_GUARD_S)
        process.stdout.close()


@contextmanager
def held_by_another_thread(home: Home, what: str) -> Iterator[threading.Event]:
    """A thread of this process holding the lock until the block ends (as a second analyst's
    session of the same dashboard server would)."""
    taken, done = threading.Event(), threading.Event()
    failure: list[BaseException] = []

    def hold() -> None:
        try:
            with held(home, what, wait=0):
                taken.set()
                done.wait(HANG_GUARD_S)
        except BaseException as exc:  # surfaced in the test below
            failure.append(exc)
            taken.set()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(HANG_GUARD_S)
    assert not failure, failure
    try:
        yield done
    finally:
        done.set()
        thread.join(HANG_GUARD_S)


def test_a_second_holder_is_refused_with_who_and_since_when(tmp_path: Path) -> None:
    home = Home(tmp_path)
    with held_by_another_process(home, "build") as other:
        with pytest.raises(WorkBusy) as refused, held(home, "load", wait=0):
            pytest.fail("two holders at once")
        message = str(refused.value)
        assert BUSY_VI in message and BUSY_EN in message
        assert "bắt đầu" in message and "started" in message
        assert "xây dựng và công bố" in refused.value.message_vi  # what the other one runs
        assert "build and publish" in refused.value.message_en
        assert f"tiến trình {other.pid}" in message
        holder = work_lock.holder(home)
        assert holder is not None and holder.what == "build" and holder.started is not None
    # Once the other one is done, the lock is free.
    with held(home, "load", wait=0):
        pass


def test_a_holder_killed_outright_leaves_the_lock_free(tmp_path: Path) -> None:
    home = Home(tmp_path)
    with held_by_another_process(home, "load") as other:
        other.kill()
        other.wait(timeout=HANG_GUARD_S)
        with held(home, "build", wait=0):
            pass


def test_another_thread_is_refused_and_a_hold_nests_in_its_own(tmp_path: Path) -> None:
    home = Home(tmp_path)
    with (
        held_by_another_thread(home, "intake"),
        pytest.raises(WorkBusy, match=BUSY_VI),
        held(home, "load", wait=0),
    ):
        pytest.fail("two holders at once")
    with held(home, "intake", wait=0), held(home, "load", wait=0):
        pass  # the same thread: the inner hold nests (an alias, then its extraction)


def test_a_waiting_request_goes_ahead_once_the_holder_is_done(tmp_path: Path) -> None:
    home = Home(tmp_path)
    with held_by_another_thread(home, "build") as done:
        threading.Timer(0.5, done.set).start()
        with held(home, "load", wait=HANG_GUARD_S):
            pass


def test_load_files_is_refused_while_a_build_runs(tmp_path: Path) -> None:
    from thidua.ingest.loader import load_files

    home = Home(tmp_path / "home")
    records = tmp_path / "thanh_vien.csv"
    records.write_text("Cụm,Năm,Đơn vị\nCụm thi đua số 8,2023,Sở Tư pháp\n", encoding="utf-8")
    with held_by_another_thread(home, "build"), pytest.raises(WorkBusy, match=BUSY_EN):
        load_files([records], home, lock_wait=0)
    assert not home.raw_db.exists()  # refused before it opened anything


def _cli(home: Home, *args: str, wait: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(THIDUA), "--home", str(home.root), *args],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        check=False,
        cwd=PROJECT_ROOT,
        env=dict(os.environ, THIDUA_LOCK_WAIT=wait),
    )


def test_the_command_line_waits_a_bounded_time_then_says_so(tmp_path: Path) -> None:
    home = Home(tmp_path / "home")
    with open_raw(home.raw_db):
        pass  # `thidua build` needs a landing database before it asks for the lock
    records = tmp_path / "thanh_vien.csv"
    records.write_text("Cụm,Năm,Đơn vị\nCụm thi đua số 8,2023,Sở Tư pháp\n", encoding="utf-8")
    with held_by_another_process(home, "intake"):
        load = _cli(home, "load", str(records), wait="1")
        build = _cli(home, "build", wait="0")
    assert load.returncode == 1, load.stdout + load.stderr
    assert "đang đợi một lần nạp hoặc xây dựng khác" in load.stderr  # it said it was waiting
    assert f"lỗi / error: {BUSY_VI}" in load.stderr and BUSY_EN in load.stderr
    assert "đã đợi 1 giây" in load.stderr and "waited 1 s" in load.stderr
    assert "Traceback" not in load.stderr
    assert build.returncode == 1, build.stdout + build.stderr
    assert BUSY_VI in build.stderr and "đang đợi" not in build.stderr
    assert "Traceback" not in build.stderr


def test_withdrawing_a_load_or_adding_an_alias_waits_for_a_running_build(
    tmp_path: Path,
) -> None:
    home = Home(tmp_path / "home")
    with open_raw(home.raw_db):
        pass
    with held_by_another_process(home, "build"):
        withdraw = _cli(home, "withdraw", "1", "--reason", "sai năm", wait="0")
        alias = _cli(home, "aliases", "add", "Sở GD", "th-so-gddt", wait="0")
    for result in (withdraw, alias):
        assert result.returncode == 1, result.stdout + result.stderr
        assert BUSY_VI in result.stderr and BUSY_EN in result.stderr
        assert "Traceback" not in result.stderr
