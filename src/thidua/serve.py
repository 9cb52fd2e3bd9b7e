"""`thidua serve`: the Streamlit dashboard over the published warehouse."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

from thidua.child_process import die_with_parent
from thidua.errors import UserError
from thidua.paths import APP_ENTRY, PROJECT_ROOT, Home


def _port_is_free(address: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address if address != "localhost" else "127.0.0.1", port))
        except OSError:
            return False
    return True


def streamlit_command(port: int, address: str) -> list[str]:
    """`streamlit run` of the app, through thidua.dashboard_process: the app's modules are
    imported before the server listens, not when its first visitor is waiting."""
    return [
        sys.executable,
        "-m",
        "thidua.dashboard_process",
        "run",
        str(APP_ENTRY),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]


def serve(home: Home, *, port: int = 8501, address: str = "localhost") -> int:
    if not _port_is_free(address, port):
        raise UserError(
            f"cổng {port} đang được dùng: đóng ứng dụng kia hoặc dùng `--port`",
            f"port {port} is in use: stop the other program or pass `--port`",
        )
    env = dict(os.environ, THIDUA_HOME=str(home.root))
    print(f"bảng điều khiển / dashboard: http://{address}:{port}  (Ctrl-C để dừng / to stop)")
    child = subprocess.Popen(
        streamlit_command(port, address),
        cwd=PROJECT_ROOT,
        env=env,
        preexec_fn=die_with_parent,  # one prctl call in the child, nothing else
    )

    def stop(signum: int, _frame: object) -> None:
        # Streamlit shuts down on SIGTERM but may take its time; it is given a moment, then
        # killed, so the port is free and nothing is left running when `serve` returns.
        child.terminate()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
        # Nothing is left to do: leave without the interpreter's teardown. After `thidua demo`
        # has loaded and built in this process, that teardown has DuckDB's bindings (nanobind)
        # print a hundred lines of "leaked instance" reports about objects still held at exit.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    try:
        return child.wait()
    except KeyboardInterrupt:
        # Ctrl-C reached Streamlit too (the same terminal): let it finish, then make sure.
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
        return 0
