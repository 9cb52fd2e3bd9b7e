"""A thidua process started ahead of the next `thidua load`: Python, thidua and Great
Expectations imported, waiting.

`thidua load` pays ~4 s before it reads a row: Python and thidua start (~0.2 s), then the
loader imports Great Expectations, whose own imports (SciPy, pandas, Altair, SQLAlchemy) took
3.3–3.8 s on this project's machine. On the province sample that was a third of a corrected
roster's `thidua load --build`. So each `thidua load` leaves one thidua process behind that does
those imports at once and waits; the next `thidua load` hands it its arguments, working folder,
environment and its standard input, output and error (the descriptors themselves, passed over
the socket: the command's output goes straight to the terminal, pipe or file it was started
with), waits for its exit code and exits with it. A Ctrl-C at the terminal is passed on to it.

It serves one command and exits (a command leaves state behind in a process: connections, GX's
context, dbt's globals), and that command starts the next one. It stands in only when nothing it
read as it started can differ: the same Python, the same thidua (its files' sizes and times, the
expectation suites, the installed packages) and the same environment but for the shell's own
PWD, OLDPWD, SHLVL and `_`. Otherwise, or when none waits, the command runs in its own process as
before. `THIDUA_WARM_COMMAND=0` turns it off (the test suite does, but for this module's tests).
It exits after `IDLE_SECONDS` unused.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import signal
import socket
import sys
import sysconfig
import time
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from thidua.paths import EXPECTATIONS_DIR, PROJECT_ROOT
from thidua.waiting_process import (
    exit_when_closed,
    peer_pid,
    same_user,
    start_detached,
    switched_on,
)

SWITCH = "THIDUA_WARM_COMMAND"
IDLE_SECONDS = 15 * 60
# a command waits this long for a process still importing: it would import as long itself
READY_WAIT_SECONDS = 60.0
READY_LINE = (
    "chạy trong tiến trình thidua đã khởi động từ trước / run in the thidua process started ahead"
)
# what a shell sets per command or per prompt: no import reads them
_VOLATILE = frozenset({"PWD", "OLDPWD", "SHLVL", "_"})
_STREAMS = (0, 1, 2)
# the first byte a connection sends: a command (its streams ride with it) or a readiness probe
_COMMAND = b"C"
_PROBE = b"P"


def enabled(environ: Mapping[str, str] = os.environ) -> bool:
    return switched_on(SWITCH, environ)


def _address() -> bytes:
    # one per user and Python: the home is one of the command's arguments
    digest = hashlib.sha256(f"{os.getuid()}:{sys.executable}".encode()).hexdigest()[:32]
    return b"\x00thidua-warm-command-" + digest.encode()


def code_fingerprint() -> str:
    """What the process imported and read as it started, by each file's size and time: thidua's
    own files, the expectation suites, and the installed packages' folder (a package installed
    or removed changes its time)."""
    digest = hashlib.sha256(sys.executable.encode())
    package = Path(__file__).parent
    for folder in (package, EXPECTATIONS_DIR):
        for path in sorted(folder.rglob("*")):
            if path.suffix == ".pyc" or not path.is_file():
                continue
            stat = path.stat()
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    site = Path(sysconfig.get_paths()["purelib"])
    with contextlib.suppress(OSError):
        digest.update(f"{site}:{site.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


def environ_at_start() -> dict[str, str]:
    """The environment this process was started with, before any import changed it (Polars
    appends to `_RJEM_MALLOC_CONF` as it is imported, GX's gate turns its analytics off):
    Linux keeps it in /proc."""
    try:
        raw = Path("/proc/self/environ").read_bytes()
    except OSError:
        return dict(os.environ)
    pairs = (item.split(b"=", 1) for item in raw.split(b"\0") if b"=" in item)
    return {os.fsdecode(key): os.fsdecode(value) for key, value in pairs}


def _settings(environ: Mapping[str, str]) -> dict[str, str]:
    return {key: value for key, value in environ.items() if key not in _VOLATILE}


def start(environ: Mapping[str, str]) -> None:
    """Start a waiting thidua process (nothing happens when one already waits). `environ`: the
    environment the command was started with, before anything it imported added to it."""
    if enabled(environ):
        start_detached("thidua.warm_command", [], environ, PROJECT_ROOT)


def run(argv: Sequence[str], say_ready: bool) -> int | None:
    """Run `thidua <argv>` in the waiting process and return its exit code; None when none can
    stand in for this process (none waits, or it started with other code or settings)."""
    if not enabled():
        return None
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    lines = _Lines(conn)
    try:
        conn.connect(_address())
        if not same_user(conn):
            conn.close()
            return None
        socket.send_fds(conn, [_COMMAND], list(_STREAMS))
        request = {
            "argv": list(argv),
            "cwd": str(Path.cwd()),
            "environ": environ_at_start(),
            "code": code_fingerprint(),
        }
        conn.sendall(json.dumps(request).encode() + b"\n")
        answer = json.loads(lines.next(READY_WAIT_SECONDS) or b"{}")
    except (OSError, ValueError):
        answer = {}
    except KeyboardInterrupt:
        # nothing started yet: the waiting process sees the connection close and leaves
        conn.close()
        print("đã dừng / interrupted", file=sys.stderr)
        return 130
    if not isinstance(answer, dict) or answer.get("accepted") is not True:
        conn.close()
        return None
    if say_ready:
        print(READY_LINE, flush=True)
    try:
        return _exit_code(lines, peer_pid(conn))
    finally:
        conn.close()


class _Lines:
    """Lines from the waiting process, read in short waits. A Ctrl-C's signal can land on any of
    this process's threads, and then would not wake a read blocked in the main one: between
    short waits, Python runs the handler (KeyboardInterrupt) at once."""

    _POLL_SECONDS = 0.2

    def __init__(self, conn: socket.socket) -> None:
        self._conn = conn
        self._pending = b""

    def next(self, timeout: float | None = None) -> bytes:
        """The next line (b"" when the other end closed first); TimeoutError after `timeout`."""
        deadline = None if timeout is None else time.monotonic() + timeout
        self._conn.settimeout(self._POLL_SECONDS)
        while b"\n" not in self._pending:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError
            try:
                chunk = self._conn.recv(4096)
            except TimeoutError:
                continue
            if not chunk:
                return b""
            self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return line + b"\n"


def _exit_code(lines: _Lines, pid: int) -> int:
    try:
        line = lines.next()
    except KeyboardInterrupt:
        # the Ctrl-C was meant for the command: it stops as it would in this process
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGINT)
        try:
            line = lines.next()
        except KeyboardInterrupt:
            # a second one: stop it outright
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            print("đã dừng / interrupted", file=sys.stderr)
            return 130
    try:
        return int(json.loads(line)["code"])
    except (ValueError, KeyError, TypeError):
        # no exit code: the process died mid-command, as this one could have
        print(
            "lỗi / error: tiến trình thidua chạy lệnh đã dừng giữa chừng; chạy lại lệnh với "
            f"{SWITCH}=0 / the thidua process running the command ended before it finished; run "
            f"the command again with {SWITCH}=0",
            file=sys.stderr,
        )
        return 2


def wait_ready(timeout: float) -> bool:
    """Whether a waiting process is ready (imported) within `timeout` seconds, for measuring a
    command that finds one. Asks nothing of it: it keeps waiting."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(_address())
                probe.settimeout(max(0.1, deadline - time.monotonic()))
                probe.sendall(_PROBE)
                if probe.makefile("rb").readline() == b"ready\n":
                    return True
            except OSError:
                pass
        time.sleep(0.05)
    return False


def stop() -> None:
    """Stop the waiting process, if any."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(_address())
        except OSError:
            return
        if same_user(probe):
            with contextlib.suppress(OSError):
                os.kill(peer_pid(probe), signal.SIGTERM)


def serve() -> int:
    """The waiting process: claim the address, import, serve one command, exit."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(_address())
    except OSError:
        return 0  # one already waits
    # listening before the imports: a command that comes meanwhile waits for them
    listener.listen(8)
    fingerprint = code_fingerprint()
    started_with = environ_at_start()
    settings = _settings(started_with)
    from thidua import cli
    from thidua.gate import expectations
    from thidua.ingest import loader  # noqa: F401
    from thidua.warehouse import build  # noqa: F401

    # GX is imported, and its context made, at a load's first batch: here, ahead of it
    expectations.warm_up()

    # what the imports set for themselves: the command finds it as after its own imports
    set_by_imports = {k: v for k, v in os.environ.items() if started_with.get(k) != v}
    accepted = _next_command(listener)
    listener.close()
    if accepted is None:
        return 0
    conn, streams, command = accepted
    fits = command.code == fingerprint and _settings(command.environ) == settings
    try:
        if fits:
            os.chdir(command.cwd)
    except OSError:
        fits = False
    try:
        conn.sendall(b'{"accepted": true}\n' if fits else b'{"accepted": false}\n')
    except OSError:
        return 0  # the command stopped waiting (a Ctrl-C): nothing ran
    if not fits:
        return 0
    # the command's end closing the connection before this one answers means it was killed:
    # its work stops with it, as it would have in its own process
    exit_when_closed(conn)
    _take_streams(streams)
    os.environ.clear()
    os.environ.update(command.environ)
    os.environ.update(set_by_imports)
    try:
        code = cli.main(command.argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        # what an uncaught exception does to a command in its own process
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    start(command.environ)
    conn.sendall(json.dumps({"code": code}).encode() + b"\n")
    return 0


@dataclass(frozen=True)
class _Command:
    argv: list[str]
    cwd: str
    environ: dict[str, str]
    code: str


def _command(data: object) -> _Command | None:
    if not isinstance(data, dict):
        return None
    argv, cwd, environ, code = (data.get(k) for k in ("argv", "cwd", "environ", "code"))
    if not (
        isinstance(argv, list)
        and all(isinstance(a, str) for a in argv)
        and isinstance(cwd, str)
        and isinstance(environ, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in environ.items())
        and isinstance(code, str)
    ):
        return None
    return _Command(argv, cwd, environ, code)


def _next_command(listener: socket.socket) -> tuple[socket.socket, list[int], _Command] | None:
    """The next command's connection, its streams and what it asks; probes are answered on the
    way. None after IDLE_SECONDS."""
    deadline = time.monotonic() + IDLE_SECONDS
    while (left := deadline - time.monotonic()) > 0:
        listener.settimeout(left)
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            return None
        if not same_user(conn):
            conn.close()
            continue
        conn.settimeout(10.0)
        fds: list[int] = []
        command = None
        try:
            tag, fds, _, _ = socket.recv_fds(conn, 1, len(_STREAMS))
            if tag == _PROBE:
                conn.sendall(b"ready\n")
            else:
                command = _command(json.loads(conn.makefile("rb").readline() or b"{}"))
        except (OSError, ValueError):
            command = None
        if command is None or len(fds) != len(_STREAMS):
            for fd in fds:
                os.close(fd)
            conn.close()
            continue
        conn.settimeout(None)
        return conn, fds, command
    return None


def _take_streams(fds: list[int]) -> None:
    """The command's standard input, output and error become this process's."""
    sys.stdout.flush()
    sys.stderr.flush()
    for target, fd in zip(_STREAMS, fds, strict=True):
        os.dup2(fd, target)
        os.close(fd)
    # started on /dev/null, Python chose block buffering; a terminal is written line by line
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(line_buffering=stream.isatty() or stream is sys.stderr)


if __name__ == "__main__":
    status = serve()
    # without interpreter teardown, as `thidua` itself leaves (cli.run)
    sys.stdout.flush()
    os._exit(status)
