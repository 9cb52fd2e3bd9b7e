"""`python -m benchmarks.fresh_run` (`make bench-fresh`): `make run` from a fresh clone, timed.

What a new user waits for on a machine with Python 3.11 and `make`: a clone of the committed
project, then `make run`, until the dashboard answers. It times, from the start of `make run`:

- the environment: `.venv`, uv and the locked packages (`make setup`'s marker file appears);
- the warehouse: generate, load through the gate, dbt build with its tests, publish (the
  published file appears);
- the dashboard: Streamlit answers its health check and serves the app's page.

By default with empty package caches (uv's and pip's, in the run's own folder), as on a fresh
machine: the packages are downloaded, so the network's speed is part of the number.
`--warm-cache` uses this machine's caches instead (a second project on the same machine).
The clone holds what is committed (HEAD), not the working tree's changes. Results go to
`build/bench/fresh-run.json`; the run's folder (in the system's temporary directory) is
removed at the end unless `--keep`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from thidua.paths import PROJECT_ROOT, Home
from thidua.warehouse import warm_dbt

BENCH_DIR = PROJECT_ROOT / "build" / "bench"
RESULT = BENCH_DIR / "fresh-run.json"
TARGET_S = 180.0  # "under 3 minutes on this machine, environment included"
SYNCED_MARKER = Path(".venv") / ".synced"  # written by the Makefile once `uv sync` finished
POLL_S = 0.25


@dataclass
class FreshRun:
    commit: str
    cache: str  # "empty" or "warm"
    milestones: dict[str, float] = field(default_factory=dict)  # name -> seconds from the start
    served_s: float | None = None
    error: str | None = None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def _commit() -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _environment(work: Path, warm_cache: bool) -> dict[str, str]:
    env = dict(os.environ)
    # The project's own settings only: a home or dbt variables set for this shell would make
    # the clone write somewhere else.
    for name in list(env):
        if name.startswith(("THIDUA_", "DBT_", "VIRTUAL_ENV")):
            del env[name]
    if not warm_cache:
        env["UV_CACHE_DIR"] = str(work / "uv-cache")
        env["PIP_NO_CACHE_DIR"] = "1"
    return env


def _stop(process: subprocess.Popen[bytes], clone: Path) -> None:
    """Stop `make run` and everything under it, and the dbt process its build left waiting."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    warm_dbt.stop(Home(clone / "warehouse"))


def run_fresh(*, warm_cache: bool, timeout_s: float, keep: bool) -> FreshRun:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    # Outside the project: nothing of this checkout (its .venv, its warehouse) is in reach.
    work = Path(tempfile.mkdtemp(prefix="thidua-fresh-run-"))
    clone = work / "thidua"
    result = FreshRun(commit=_commit(), cache="warm" if warm_cache else "empty")
    subprocess.run(
        ["git", "clone", "--quiet", "--no-hardlinks", str(PROJECT_ROOT), str(clone)], check=True
    )
    port = _free_port()
    url = f"http://localhost:{port}"
    watched = {
        "environment ready (make setup)": clone / SYNCED_MARKER,
        "warehouse published": Home(clone / "warehouse").published_db,
    }
    log_path = work / "make-run.log"
    started = time.monotonic()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=clone,
            env=_environment(work, warm_cache),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            while True:
                elapsed = time.monotonic() - started
                for name, path in watched.items():
                    if name not in result.milestones and path.exists():
                        result.milestones[name] = round(elapsed, 1)
                        print(f"  {elapsed:6.1f} s  {name}", flush=True)
                if _answers(f"{url}/_stcore/health") and _answers(url):
                    result.served_s = round(time.monotonic() - started, 1)
                    result.milestones["dashboard served"] = result.served_s
                    print(f"  {result.served_s:6.1f} s  dashboard served at {url}", flush=True)
                    break
                if process.poll() is not None:
                    result.error = f"make run exited with {process.returncode} before serving"
                    break
                if elapsed > timeout_s:
                    result.error = f"no dashboard within {timeout_s:.0f} s"
                    break
                time.sleep(POLL_S)
        finally:
            _stop(process, clone)
    if result.error:
        tail = log_path.read_text(errors="replace").splitlines()[-30:]
        result.error += "\n" + "\n".join(tail)
    if keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    RESULT.write_text(json.dumps(asdict(result), indent=2), encoding="utf-8")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.fresh_run",
        description="Clone the committed project, run `make run` and time it to a served "
        "dashboard (empty package caches unless --warm-cache).",
    )
    parser.add_argument("--warm-cache", action="store_true", help="use this machine's caches")
    parser.add_argument("--timeout", type=float, default=900.0, help="give up after (s)")
    parser.add_argument("--keep", action="store_true", help="keep the clone and its log")
    args = parser.parse_args(argv)
    print(
        f"make run from a fresh clone ({'warm' if args.warm_cache else 'empty'} package cache)",
        flush=True,
    )
    result = run_fresh(warm_cache=args.warm_cache, timeout_s=args.timeout, keep=args.keep)
    if result.error or result.served_s is None:
        print(f"failed: {result.error}", file=sys.stderr)
        return 1
    verdict = "met" if result.served_s < TARGET_S else "NOT met"
    print(f"served after {result.served_s:.1f} s (target under {TARGET_S:.0f} s: {verdict})")
    print(f"→ {RESULT.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
