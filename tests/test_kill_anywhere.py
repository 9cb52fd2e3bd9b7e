"""Fault injection: `thidua load` and `thidua build` killed with SIGKILL at random moments.

After every kill the landing database is consistent (each ledger row balances and has exactly
the rows it counts, nothing of an unfinished file), the published warehouse is either the one
before or a complete new one, no dbt process of the build is left running, and the same command
run again succeeds without any cleanup. The suite runs a few trials (seeded, so a failure can be
replayed); `make chaos` runs many more (THIDUA_KILL_TRIALS).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from thidua.paths import Home
from thidua.query.read import read_query

pytestmark = pytest.mark.integration

THIDUA = Path(sys.executable).with_name("thidua")
TRIALS = int(os.environ.get("THIDUA_KILL_TRIALS", "2"))
SEED = int(os.environ.get("THIDUA_KILL_SEED", "20261204"))
RECORD_TABLES = ("clusters", "memberships", "scores", "rankings", "awards", "events")
# Only there so a broken test cannot hang CI; nothing asserts how long anything takes.
HANG_GUARD_S = 900


def _start(home: Home, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(THIDUA), "--home", str(home.root), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _run(home: Home, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(THIDUA), "--home", str(home.root), *args],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        check=False,
    )


def _kill_after(process: subprocess.Popen[bytes], seconds: float) -> bool:
    """SIGKILL after `seconds` unless it finished first; True when it was killed."""
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait(HANG_GUARD_S)
        return True
    return False


def _assert_landing_consistent(home: Home) -> None:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        ledger = con.execute(
            "select load_id, record_type, status, rows_read, rows_loaded, rows_quarantined"
            " from load_ledger"
        ).fetchall()
        for load_id, record_type, status, read, loaded, quarantined in ledger:
            assert read == loaded + quarantined, load_id
            if status != "loaded" or record_type not in RECORD_TABLES:
                continue
            (landed,) = con.execute(
                f"select count(*) from {record_type} where load_id = ?", [load_id]
            ).fetchall()[0]
            (set_aside,) = con.execute(
                "select count(distinct source_row) from quarantine where load_id = ?", [load_id]
            ).fetchall()[0]
            assert (landed, set_aside) == (loaded, quarantined), load_id
        known = {row[0] for row in ledger}
        for table in RECORD_TABLES:
            orphans = con.execute(
                f"select count(*) from {table} where load_id is not null"
                f" and load_id not in (select load_id from load_ledger)"
            ).fetchall()[0][0]
            assert orphans == 0, (table, known)
    finally:
        con.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _dbt_children_of(home: Home) -> list[int]:
    """Processes started for this home's build (dbt carries its build path in its environment)."""
    marker = f"THIDUA_BUILD_DB={home.build_db}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if marker in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


@pytest.fixture
def loaded_home(published_home: Home, tmp_path: Path) -> Home:
    home = Home(tmp_path / "home")
    home.root.mkdir()
    shutil.copyfile(published_home.raw_db, home.raw_db)
    shutil.copyfile(published_home.published_db, home.published_db)
    return home


def test_a_load_killed_anywhere_leaves_the_landing_consistent(
    published_home: Home, tmp_path: Path
) -> None:
    generated = published_home.generated_dir / "province-seed1"
    rng = random.Random(SEED)
    home = Home(tmp_path / "home")
    for trial in range(TRIALS * 2):
        process = _start(home, "load", str(generated))
        killed = _kill_after(process, rng.uniform(0.5, 6.0))
        _assert_landing_consistent(home)
        if not killed:
            assert process.returncode == 0, trial
    finished = _run(home, "load", str(generated))
    assert finished.returncode == 0, finished.stderr
    _assert_landing_consistent(home)
    # and the whole folder is there exactly once, whatever the kills interrupted
    fresh = Home(tmp_path / "fresh")
    assert _run(fresh, "load", str(generated)).returncode == 0
    assert _counts(home) == _counts(fresh)


def _counts(home: Home) -> list[tuple[str, int]]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        return [
            (t, int(con.execute(f"select count(*) from {t}").fetchall()[0][0]))
            for t in RECORD_TABLES
        ]
    finally:
        con.close()


def test_a_build_killed_anywhere_leaves_the_published_warehouse_whole(
    loaded_home: Home,
) -> None:
    rng = random.Random(SEED + 1)
    before = _digest(loaded_home.published_db)
    publishes = _publishes(loaded_home)
    for trial in range(TRIALS):
        process = _start(loaded_home, "build", "--full-refresh")
        killed = _kill_after(process, rng.uniform(2.0, 40.0))
        # dbt dies with the build that started it (at once; a moment for the kernel)
        for _ in range(50):
            if not _dbt_children_of(loaded_home):
                break
            time.sleep(0.1)
        assert _dbt_children_of(loaded_home) == [], trial
        published = read_query(loaded_home.published_db, "select count(*) as n from marts.dim_unit")
        assert published["n"][0] > 0  # readable: the old file or a whole new one
        after = _digest(loaded_home.published_db)
        if after != before:
            # the build got as far as its swap before the kill: a whole, stamped publish
            assert _publishes(loaded_home) == publishes + 1, (trial, killed)
            before, publishes = after, _publishes(loaded_home)
    rebuilt = _run(loaded_home, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert (
        read_query(loaded_home.published_db, "select count(*) as n from marts.fct_cluster_year")[
            "n"
        ][0]
        > 0
    )


def _publishes(home: Home) -> int:
    return int(read_query(home.published_db, "select count(*) as n from meta.publish_log")["n"][0])
