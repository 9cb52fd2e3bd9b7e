"""A dbt process started ahead of the next build: dbt imported, the project parsed, waiting.

A build's dbt command spends ~2–3 s importing dbt and its adapter and ~2 s reading the project
(partial parse) before it runs a node: on the province sample, over a third of a corrected
roster's build. So after each build, and when a load starts on a home that has a warehouse,
thidua starts one dbt process for the home in the background that does that work at once and
waits; the next build hands it its arguments and reads its output as it would a dbt command's.
The process serves one build and exits (dbt keeps global state made for one invocation a
process), and that build starts the next one.

It stands in for a dbt command only when nothing it read can have changed since: the project
files (thidua's project fingerprint), dbt's DBT_* settings and the variables the profile reads
must be those it started with. Otherwise, or when none waits, the build runs dbt as a command;
`THIDUA_WARM_DBT=0` turns the waiting process off (the test suite does, but for the tests of
this module). It parses into a target folder of its own, so a build running meanwhile never
shares dbt's files with it, and opens no database until a build hands it one. It exits after
`IDLE_SECONDS` unused, or when its home is gone. Linux only: an abstract Unix socket (no file to
leave behind) names it, and each end checks that the other runs as the same user.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from thidua.paths import PROJECT_ROOT, Home
from thidua.waiting_process import (
    exit_when_closed,
    peer_pid,
    same_user,
    start_detached,
    switched_on,
)
from thidua.warehouse.dbt_environment import PROFILE_VARIABLES, dbt_environment

SWITCH = "THIDUA_WARM_DBT"
IDLE_SECONDS = 15 * 60
# a build waits this long for a process still parsing: a dbt command would parse as long
READY_WAIT_SECONDS = 60.0
READY_LINE = (
    "dbt đã được khởi động và đọc dự án từ trước / dbt was started, the project parsed, ahead"
)
# the line, after dbt's own output, that says how the run ended
_END = "\x00thidua-warm-dbt-end "
_HOME_POLL_SECONDS = 5.0


_started: list[subprocess.Popen[bytes]] = []


def enabled(environ: Mapping[str, str] = os.environ) -> bool:
    return switched_on(SWITCH, environ)


def _address(home: Home) -> bytes:
    digest = hashlib.sha256(str(home.root.resolve()).encode()).hexdigest()[:32]
    return b"\x00thidua-warm-dbt-" + digest.encode()


def _settings(environ: Mapping[str, str]) -> dict[str, str]:
    """What dbt's parse and run read from the environment."""
    return {
        key: value
        for key, value in environ.items()
        if key.startswith("DBT_") or key in PROFILE_VARIABLES
    }


def start(home: Home) -> None:
    """Start a waiting dbt process for `home` (nothing happens when one already waits)."""
    if not enabled():
        return
    home.build_dir.mkdir(parents=True, exist_ok=True)
    # held, and polled at the next start, so each ended one is reaped (no zombie in a
    # long-lived dashboard) and none is dropped while it runs
    _started[:] = [p for p in _started if p.poll() is None]
    process = start_detached(
        "thidua.warehouse.warm_dbt", [str(home.root)], dbt_environment(home), PROJECT_ROOT
    )
    _started.append(process)


@dataclass(frozen=True)
class WarmRun:
    code: int
    peak_mb: float
    output_tail: tuple[str, ...]


def run(
    home: Home,
    args: list[str],
    fingerprint: str,
    progress: Callable[[str], None] | None,
    keep_lines: int,
) -> WarmRun | None:
    """Run `dbt <args>` in the home's waiting process; None when none can stand in for a
    dbt command (none waits, or it started with another project or other settings)."""
    if not enabled():
        return None
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(_address(home))
        if not same_user(conn):
            conn.close()
            return None
        conn.settimeout(READY_WAIT_SECONDS)
        request = {
            "args": args,
            "fingerprint": fingerprint,
            "settings": _settings(dbt_environment(home)),
        }
        conn.sendall(json.dumps(request).encode() + b"\n")
        stream = conn.makefile("r", encoding="utf-8", errors="replace", newline="\n")
        # the answer comes once the project is parsed
        if json.loads(stream.readline() or "{}").get("accepted") is not True:
            conn.close()
            return None
    except (OSError, ValueError):
        conn.close()
        return None
    conn.settimeout(None)
    pid = peer_pid(conn)
    if progress:
        progress(READY_LINE)
    tail: deque[str] = deque(maxlen=keep_lines)
    end: dict[str, float] = {}
    try:
        for raw_line in stream:
            line = raw_line.rstrip("\n")
            if line.startswith(_END):
                end = json.loads(line[len(_END) :])
                continue
            tail.append(line)
            if progress:
                progress(line)
    except BaseException:
        # an interrupted build stops its dbt, as a dbt command in the foreground would
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        raise
    finally:
        stream.close()
        conn.close()
    # no end line: the process died mid-run, as a crashed dbt command would
    return WarmRun(int(end.get("code", 2)), float(end.get("peak_mb", 0.0)), tuple(tail))


def stop(home: Home) -> None:
    """Stop the process waiting for `home`, if any."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(_address(home))
        except OSError:
            return
        # the listening process's credentials are known as soon as the connection is made
        if same_user(probe):
            with contextlib.suppress(OSError):
                os.kill(peer_pid(probe), signal.SIGTERM)


def wait_ready(home: Home, timeout: float) -> int | None:
    """The process waiting for `home`, parsed, within `timeout` seconds (for measuring a build
    that finds one ready); None when none is. Asks nothing of it: it keeps waiting."""
    deadline = time.monotonic() + timeout
    marker = _ready_marker(home)
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError):
            pid = int(marker.read_text())
            os.kill(pid, 0)  # a marker a killed process left says nothing
            return pid
        time.sleep(0.05)
    return None


def _ready_marker(home: Home) -> Path:
    return home.build_dir / "warm-dbt-target" / "ready"


def serve(home: Home) -> int:
    """The waiting process: claim the home's address, parse, serve one build, exit."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(_address(home))
    except OSError:
        return 0  # one already waits for this home
    # listening before the parse: a build that comes meanwhile waits for it, not for a cold dbt
    listener.listen(1)
    from thidua.warehouse.build_scope import project_fingerprint

    fingerprint = project_fingerprint()
    settings = _settings(os.environ)
    target = _ready_marker(home).parent
    _ready_marker(home).unlink(missing_ok=True)

    from dbt.cli.main import dbtRunner
    from dbt.contracts.graph.manifest import Manifest

    parsed = dbtRunner().invoke(
        [
            "parse",
            "--quiet",
            "--project-dir",
            str(PROJECT_ROOT),
            # its own files: a build running meanwhile keeps dbt's target and log to itself
            "--target-path",
            str(target),
            "--log-path",
            str(target),
        ]
    )
    manifest = parsed.result
    if not parsed.success or not isinstance(manifest, Manifest):
        return 1
    _ready_marker(home).write_text(str(os.getpid()))
    conn = _next_build(listener, home)
    listener.close()
    _ready_marker(home).unlink(missing_ok=True)
    if conn is None:
        return 0
    request = json.loads(conn.makefile("r", encoding="utf-8").readline() or "{}")
    if request.get("fingerprint") != fingerprint or request.get("settings") != settings:
        conn.sendall(b'{"accepted": false}\n')
        return 0
    conn.sendall(b'{"accepted": true}\n')
    # the build that asked sends nothing more: its end of the connection closing before this
    # run's means it was killed, and its dbt goes with it (as a dbt command would, by
    # die_with_parent) rather than keep writing a build copy no one will publish
    exit_when_closed(conn)
    # dbt writes to stdout and stderr: both are now the build's connection
    sys.stdout.flush()
    os.dup2(conn.fileno(), 1)
    os.dup2(conn.fileno(), 2)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)
    try:
        result = dbtRunner(manifest=manifest).invoke(
            [*request["args"], "--project-dir", str(PROJECT_ROOT)]
        )
        code = 0 if result.success else (2 if result.exception else 1)
    except Exception:
        code = 2
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sys.stdout.write(f"{_END}{json.dumps({'code': code, 'peak_mb': peak_mb})}\n")
    sys.stdout.flush()
    return 0


def _next_build(listener: socket.socket, home: Home) -> socket.socket | None:
    listener.settimeout(_HOME_POLL_SECONDS)
    deadline = time.monotonic() + IDLE_SECONDS
    while time.monotonic() < deadline and home.root.is_dir():
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        if not same_user(conn):
            conn.close()
            continue
        conn.settimeout(None)
        return conn
    return None


if __name__ == "__main__":
    status = serve(Home(Path(sys.argv[1])))
    # without interpreter teardown: dbt's threads and DuckDB's objects would only delay the exit
    # the build waits for (the end of its connection)
    sys.stdout.flush()
    os._exit(status)
