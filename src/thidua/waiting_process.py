"""What thidua's processes started ahead of time share: the switch that turns one off, the
detached start, and who is at the other end of its socket.

A process started ahead (dbt parsed for the next build, thidua imported for the next command)
outlives the command that started it and answers on an abstract Unix socket: a name with no
file behind it, so nothing is left on disk, but also no file permissions, so each end checks
that the other runs as the same user before it trusts a word.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

_OFF = ("0", "false", "no", "off")


def switched_on(switch: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Linux only (abstract sockets, SO_PEERCRED); on unless `switch` says 0/false/no/off."""
    return sys.platform == "linux" and environ.get(switch, "1").strip().lower() not in _OFF


def start_detached(
    module: str, args: list[str], env: Mapping[str, str], cwd: Path
) -> subprocess.Popen[bytes]:
    """`python -m module args` in a session of its own: it outlives the command that started
    it, and a Ctrl-C at the terminal is for that command, not for it."""
    return subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def peer(conn: socket.socket) -> tuple[int, int]:
    """The process id and user id at the other end (Linux's struct ucred)."""
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
    return int.from_bytes(creds[:4], sys.byteorder), int.from_bytes(creds[4:8], sys.byteorder)


def peer_pid(conn: socket.socket) -> int:
    return peer(conn)[0]


def same_user(conn: socket.socket) -> bool:
    """Only this user may hand the process work, or answer for it."""
    return peer(conn)[1] == os.getuid()


def exit_when_closed(conn: socket.socket) -> None:
    """Exit at once when the other end closes `conn` (it was killed: its work goes with it, as
    a child of its own would), watched from a thread while this process works for it."""

    def watch() -> None:
        with contextlib.suppress(OSError):
            while conn.recv(1):
                pass
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
