"""SQL typed by a user (the dashboard's SQL page, `thidua sql`): run where it can do no harm.

Each query runs in a child process (`thidua.query.sandbox_worker`) on a locked-down, read-only
DuckDB connection. The child checks the statement (one read query; no function that reveals server
paths), and DuckDB's own settings forbid files, other databases, extensions and setting changes.
This process watches the child's clock and its resident memory and kills it, whatever stage the
query is at (parsing and planning included, which DuckDB's own limits do not bound). The answer
comes back as Arrow; a refusal comes back as a reason, turned here into words in Vietnamese and
English with DuckDB's own message beside them.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Literal

import polars as pl
import pyarrow as pa

from thidua.query.read import QueryError, WarehouseMissing
from thidua.query.sandbox_worker import READY, Request

__all__ = ["MAX_SQL_CHARS", "QueryRefused", "RefusalReason", "UntrustedResult", "run_untrusted"]

RefusalReason = Literal[
    "empty",  # nothing to run
    "syntax",  # DuckDB could not parse it
    "multiple",  # more than one statement
    "not_read_only",  # a statement type other than a query
    "permission",  # the sandbox blocked an operation (files, settings, extensions)
    "revealing",  # a catalog function that would show the server's paths
    "too_large",  # longer than MAX_SQL_CHARS
    "encoding",  # not valid text
    "timeout",  # ran longer than allowed
    "memory",  # needed more memory than allowed
    "crashed",  # the query engine stopped without an answer
    "invalid",  # parsed but failed: unknown table or column, type error...
]

# A query longer than this is not something a person typed; parsing it alone can take gigabytes.
MAX_SQL_CHARS = 100_000
# Starting the child (interpreter, DuckDB, the attach) is not the query's time: the clock starts
# when the child says it is ready. A child that is not ready by then is stopped all the same.
_STARTUP_LIMIT_S = 60.0
# The child stops its own query at the time limit (and says so); this process kills it a little
# later, for the stages the child's own interrupt does not reach (parsing, planning).
_KILL_MARGIN_S = 0.5
# What the child holds before its query needs anything: interpreter, DuckDB, Arrow.
_PROCESS_BASELINE_BYTES = 400 * 2**20
_WATCH_EVERY_S = 0.02
_MEMORY_LIMIT = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")
_UNIT_BYTES = {
    "KB": 10**3,
    "MB": 10**6,
    "GB": 10**9,
    "TB": 10**12,
    "KiB": 2**10,
    "MiB": 2**20,
    "GiB": 2**30,
    "TiB": 2**40,
}
# Environment variables the child may see (getenv is off in the sandbox; this is the second lock).
_CHILD_ENV = ("PATH", "LANG", "LC_ALL", "TZ", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


class QueryRefused(QueryError):
    """Untrusted SQL that the sandbox would not run or that failed; never carries a traceback."""

    def __init__(
        self, reason: RefusalReason, message_vi: str, message_en: str, detail: str = ""
    ) -> None:
        super().__init__(message_vi, message_en)
        self.reason: RefusalReason = reason
        # DuckDB's own wording, shown under the human message for those who want it.
        self.detail = detail


@dataclass(frozen=True)
class UntrustedResult:
    frame: pl.DataFrame
    truncated: bool
    elapsed_s: float


def _duckdb_says(detail: str) -> tuple[str, str]:
    """DuckDB's message, first lines only, for the sentence shown to the user."""
    lines = [line for line in detail.strip().splitlines() if line.strip()][:3]
    text = " ".join(lines)
    return (f" DuckDB báo: {text}", f" DuckDB says: {text}") if text else ("", "")


def refusal(
    reason: RefusalReason,
    *,
    detail: str = "",
    subject: str = "",
    timeout_s: float = 0.0,
    memory_limit: str = "",
) -> QueryRefused:
    """The words for each reason (one place, so the CLI and the dashboard say the same)."""
    said_vi, said_en = _duckdb_says(detail)
    seconds = f"{timeout_s:g}"
    memory = memory_limit
    words: dict[str, tuple[str, str]] = {
        "empty": ("Chưa có câu SQL nào để chạy.", "There is no SQL to run."),
        "syntax": (
            "Câu SQL có lỗi cú pháp." + said_vi,
            "The SQL has a syntax error." + said_en,
        ),
        "multiple": (
            f"Mỗi lần chỉ chạy một câu lệnh; đã nhận {subject} câu.",
            f"Run one statement at a time; got {subject}.",
        ),
        "not_read_only": (
            "Chỉ cho phép câu truy vấn đọc dữ liệu (SELECT, WITH, FROM, PIVOT, SHOW, DESCRIBE, "
            f"SUMMARIZE, EXPLAIN); câu lệnh loại {subject} bị từ chối.",
            "Only read queries are allowed (SELECT, WITH, FROM, PIVOT, SHOW, DESCRIBE, "
            f"SUMMARIZE, EXPLAIN); a {subject} statement is refused.",
        ),
        "permission": (
            "Truy vấn chỉ được đọc các bảng của kho dữ liệu: không được đọc/ghi tệp, gắn cơ sở "
            "dữ liệu khác, cài tiện ích mở rộng hay đổi cấu hình." + said_vi,
            "A query may only read the warehouse tables: no file access, no other "
            "databases, no extensions, no setting changes." + said_en,
        ),
        "revealing": (
            f"Hàm {subject} cho biết thông tin về máy chủ nên không được dùng ở đây; danh sách "
            "bảng và cột có trong `SHOW ALL TABLES` và `DESCRIBE <bảng>`.",
            f"The function {subject} describes the server and is not available here; "
            "`SHOW ALL TABLES` and `DESCRIBE <table>` list the tables and columns.",
        ),
        "too_large": (
            f"Câu SQL dài quá {MAX_SQL_CHARS:,} ký tự ({subject} ký tự); hãy rút gọn, ví dụ "
            "thay danh sách IN rất dài bằng một điều kiện hoặc một phép nối.",
            f"The SQL is longer than {MAX_SQL_CHARS:,} characters ({subject}); shorten it, "
            "e.g. replace a very long IN list with a condition or a join.",
        ),
        "encoding": (
            "Câu SQL có ký tự không hợp lệ (không phải UTF-8); hãy gõ lại hoặc lưu tệp ở UTF-8.",
            "The SQL contains bytes that are not valid UTF-8; retype it or save it as UTF-8.",
        ),
        "timeout": (
            f"Truy vấn chạy quá {seconds} giây nên đã bị dừng; hãy thu hẹp điều kiện hoặc "
            "thêm LIMIT.",
            f"The query ran longer than {seconds} s and was stopped; narrow it or add LIMIT.",
        ),
        "memory": (
            f"Truy vấn cần nhiều bộ nhớ hơn mức cho phép ({memory}); hãy thu hẹp truy vấn.",
            f"The query needs more memory than allowed ({memory}); make it smaller.",
        ),
        "crashed": (
            "Bộ máy truy vấn dừng giữa chừng khi chạy câu này (thường do thiếu bộ nhớ); hãy thu "
            "hẹp truy vấn." + said_vi,
            "The query engine stopped while running this query (usually out of memory); make "
            "it smaller." + said_en,
        ),
        "invalid": (
            "Không chạy được truy vấn." + said_vi,
            "The query failed." + said_en,
        ),
    }
    vi, en = words[reason]
    return QueryRefused(reason, vi, en, detail)


def _memory_bytes(limit: str) -> int:
    match = _MEMORY_LIMIT.match(limit)
    if match is None:
        raise ValueError(f"memory_limit must look like '512MB', not {limit!r}")
    return int(float(match["n"]) * _UNIT_BYTES[match["unit"]])


def _resident_bytes(pid: int) -> int:
    """The child's resident memory (0 once it is gone)."""
    try:
        pages = Path(f"/proc/{pid}/statm").read_text(encoding="ascii").split()[1]
        return int(pages) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.killpg(process.pid, signal.SIGKILL)


class _Watch:
    """Kills the child when its resident memory passes the cap; says whether it did."""

    def __init__(self, process: subprocess.Popen[bytes], cap_bytes: int) -> None:
        self.tripped = False
        self._process = process
        self._cap = cap_bytes
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="thidua-sql-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.wait(_WATCH_EVERY_S):
            if _resident_bytes(self._process.pid) > self._cap:
                self.tripped = True
                _kill_group(self._process)
                return

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def _wait(process: subprocess.Popen[bytes], seconds: float) -> bool:
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        return False
    return True


class _Streams:
    """Reads the child's output while it runs; `ready` is set once its connection is open."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.ready = threading.Event()
        self._out = b""
        self._err: list[bytes] = []
        assert process.stdout is not None and process.stderr is not None
        self._readers = [
            threading.Thread(target=self._read_out, args=(process.stdout,), daemon=True),
            threading.Thread(target=self._read_err, args=(process.stderr,), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _read_out(self, stream: IO[bytes]) -> None:
        with stream:
            self._out = stream.read()
        self.ready.set()  # a child that answered without saying "ready" is ready too

    def _read_err(self, stream: IO[bytes]) -> None:
        with stream:
            for line in stream:
                if line.rstrip() == READY:
                    self.ready.set()
                else:
                    self._err.append(line)
        self.ready.set()  # the child is gone: nothing more to wait for

    def collected(self) -> tuple[bytes, bytes]:
        for reader in self._readers:
            reader.join()
        return self._out, b"".join(self._err)


def _check_text(sql: str) -> None:
    try:
        sql.encode("utf-8")
    except UnicodeEncodeError:
        # Bytes that were not UTF-8 arrive as lone surrogates (the shell's argv, a bad file).
        raise refusal("encoding") from None
    if len(sql) > MAX_SQL_CHARS:
        raise refusal("too_large", subject=f"{len(sql):,}")


def run_untrusted(
    db_path: str | os.PathLike[str],
    sql: str,
    *,
    row_cap: int = 10_000,
    timeout_s: float = 10.0,
    memory_limit: str = "512MB",
) -> UntrustedResult:
    """Run one user-typed read query in a locked-down, read-only child process.

    Raises `QueryRefused` (Vietnamese and English messages, DuckDB's own detail) for anything that
    is not a single read query, that touches files, settings or extensions, that runs longer than
    `timeout_s` or needs more than `memory_limit`, at any stage; `WarehouseMissing` when nothing
    is published. At most `row_cap` rows come back; `truncated` says whether there were more.
    """
    memory_bytes = _memory_bytes(memory_limit)  # the limits end up inside SQL text: check them
    if row_cap < 0 or timeout_s <= 0:
        raise ValueError("row_cap must be >= 0 and timeout_s > 0")
    path = Path(db_path)
    if not path.is_file():
        raise WarehouseMissing(path)
    _check_text(sql)
    request = Request(
        db_path=str(path.resolve()),
        sql=sql,
        row_cap=row_cap,
        timeout_s=timeout_s,
        memory_limit=memory_limit,
        threads=max(1, min(2, os.cpu_count() or 1)),
    )
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua.query.sandbox_worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: killed whole, never by the user's Ctrl-C
        env={k: v for k, v in os.environ.items() if k in _CHILD_ENV},
    )
    watch = _Watch(process, memory_bytes + _PROCESS_BASELINE_BYTES)
    streams = _Streams(process)
    try:
        assert process.stdin is not None
        try:
            process.stdin.write(json.dumps(asdict(request)).encode("utf-8"))
            process.stdin.close()
        except BrokenPipeError:
            pass  # the child is gone already: what it printed says why (a "crashed" refusal)
        finished = streams.ready.wait(_STARTUP_LIMIT_S) and _wait(
            process, timeout_s + _KILL_MARGIN_S
        )
        if not finished:
            _kill_group(process)
            process.wait()
            raise refusal("timeout", timeout_s=timeout_s, memory_limit=memory_limit)
        out, err = streams.collected()
    except BaseException:
        _kill_group(process)
        process.wait()
        raise
    finally:
        watch.stop()
    if watch.tripped:
        raise refusal("memory", timeout_s=timeout_s, memory_limit=memory_limit)
    header, _, body = out.partition(b"\n")
    if not header:
        # No answer at all: DuckDB aborted (an allocation it could not make, a crash).
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise refusal("crashed", detail=last[0], timeout_s=timeout_s, memory_limit=memory_limit)
    outcome = json.loads(header)
    if not outcome["ok"]:
        raise refusal(
            outcome["reason"],
            detail=outcome["detail"],
            subject=outcome["subject"],
            timeout_s=timeout_s,
            memory_limit=memory_limit,
        )
    frame = _to_frame(pa.ipc.open_stream(body).read_all())
    return UntrustedResult(frame, bool(outcome["truncated"]), time.perf_counter() - started)


def _to_frame(table: pa.Table) -> pl.DataFrame:
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)  # a Table always converts to a DataFrame
    return frame
