"""One load or build at a time per home: a lock file in the home folder.

`thidua load`, `thidua load --retry-quarantine` and `thidua build` (inside `load_files`,
`retry_quarantine` and `build_and_publish`, so every caller takes it: the command line, the
dashboard's intake page, `thidua demo`) hold `<home>/work.lock` while they run. A second
request is told who holds it and since when, instead of failing on DuckDB's file lock or
clobbering the other build's copy of the warehouse: the intake page asks with `wait=0` and says
so at once; the command line waits a bounded time (`THIDUA_LOCK_WAIT` seconds, default 300)
and then says so. Readers of the published warehouse never take it (publishing is blue/green).

The lock is the operating system's (`flock` through the `filelock` package): a holder that
dies, even by SIGKILL, releases it. The holder writes what it runs and when it started into the
lock file once it holds it, for the message the next one reads. Within one thread a hold nests
(the intake page holds it around an alias and the extraction that follows); other threads and
processes are refused.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from filelock import FileLock, Timeout

from thidua.errors import UserError
from thidua.logs import event
from thidua.paths import Home

_log = logging.getLogger(__name__)

LOCK_NAME = "work.lock"
WAIT_ENV = "THIDUA_LOCK_WAIT"
DEFAULT_WAIT_S = 300.0

# what a holder runs -> (Vietnamese, English)
WHAT: dict[str, tuple[str, str]] = {
    "load": ("nạp dữ liệu", "load"),
    "build": ("xây dựng và công bố", "build and publish"),
    "intake": ("trang Nhập dữ liệu", "the intake page"),
}

_held = threading.local()


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as it wrote itself into the lock file."""

    what: str
    started: datetime | None
    pid: int | None
    host: str | None


class WorkBusy(UserError):
    """Another load or build holds the home's lock."""

    def __init__(self, holder: Holder | None, waited: float = 0.0) -> None:
        self.holder = holder
        when = holder.started.strftime("%H:%M:%S %d/%m/%Y") if holder and holder.started else "?"
        what_vi, what_en = WHAT.get(holder.what, (holder.what, holder.what)) if holder else ("", "")
        by_vi = f"{what_vi}, " if what_vi else ""
        by_en = f"{what_en}, " if what_en else ""
        pid = f", tiến trình {holder.pid}" if holder and holder.pid else ""
        pid_en = f", process {holder.pid}" if holder and holder.pid else ""
        waited_vi = f" (đã đợi {waited:.0f} giây)" if waited else ""
        waited_en = f" (waited {waited:.0f} s)" if waited else ""
        super().__init__(
            f"Đang có một lần nạp hoặc xây dựng khác chạy ({by_vi}bắt đầu {when}{pid})"
            f"{waited_vi}; hãy đợi lần đó xong rồi thử lại",
            f"Another load or build is running ({by_en}started {when}{pid_en}){waited_en}; "
            "wait for it to finish, then try again",
        )


def lock_path(home: Home) -> Path:
    return home.root / LOCK_NAME


def default_wait() -> float:
    """`THIDUA_LOCK_WAIT` seconds (0: refuse at once), else DEFAULT_WAIT_S."""
    text = os.environ.get(WAIT_ENV, "").strip()
    try:
        return max(0.0, float(text)) if text else DEFAULT_WAIT_S
    except ValueError:
        return DEFAULT_WAIT_S


def holder(home: Home) -> Holder | None:
    """What the lock file says about its holder (None when it says nothing readable)."""
    try:
        data = json.loads(lock_path(home).read_text(encoding="utf-8"))
        started = data.get("started")
        return Holder(
            str(data.get("what") or ""),
            datetime.fromisoformat(started) if started else None,
            int(data["pid"]) if data.get("pid") else None,
            data.get("host"),
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return None


@contextmanager
def held(home: Home, what: str, wait: float | None = None) -> Iterator[None]:
    """Hold the home's lock for `what` ("load", "build", "intake").

    `wait`: seconds to wait for another holder (None: `default_wait()`; 0: refuse at once).
    Raises WorkBusy, a UserError that names the other holder and when it started."""
    path = lock_path(home)
    holding: set[Path] = _held.__dict__.setdefault("paths", set())
    if path in holding:
        yield  # this thread holds it already
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, on_acquired=partial(_write_holder, what))
    seconds = default_wait() if wait is None else max(0.0, wait)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if seconds <= 0:
            raise WorkBusy(holder(home)) from None
        other = holder(home)
        _say_waiting(other)
        event(
            _log,
            "work.waiting",
            wanted=what,
            held_by=other.what if other else None,
            held_since=other.started if other else None,
            wait_seconds=seconds,
        )
        try:
            lock.acquire(timeout=seconds)
        except Timeout:
            raise WorkBusy(holder(home), seconds) from None
    holding.add(path)
    try:
        yield
    finally:
        holding.discard(path)
        lock.release()


def _write_holder(what: str, fd: int) -> None:
    record = {
        "what": what,
        "started": datetime.now().isoformat(timespec="seconds"),
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(record).encode("utf-8"))


def _say_waiting(other: Holder | None) -> None:
    """On the command line: why nothing happens yet."""
    when = other.started.strftime("%H:%M:%S") if other and other.started else "?"
    print(
        f"đang đợi một lần nạp hoặc xây dựng khác (bắt đầu {when}) / "
        f"waiting for another load or build (started {when})",
        file=sys.stderr,
    )
