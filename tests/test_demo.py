"""`thidua demo` (what `make run` runs): the whole pipeline on the sample, then the dashboard; and
when a service manager stops it, it stops cleanly, with nothing after Streamlit's own farewell."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest
from tests.test_e2e import free_port

from thidua.paths import PROJECT_ROOT, Home

START_GUARD_S = 600  # a hang guard for generate + load + build + serve, not a deadline


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


@pytest.mark.integration
@pytest.mark.slow
def test_demo_publishes_serves_and_stops_quietly_on_sigterm(tmp_path: Path) -> None:
    home = Home(tmp_path / "home")
    port = free_port()
    thidua = Path(sys.executable).with_name("thidua")
    log = tmp_path / "demo.log"
    with log.open("wb") as handle:
        process = subprocess.Popen(
            [str(thidua), "--home", str(home.root), "demo", "--quiet", "--port", str(port)],
            cwd=PROJECT_ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://localhost:{port}"
        deadline = time.monotonic() + START_GUARD_S
        try:
            while not _healthy(url):
                assert process.poll() is None, log.read_text(errors="replace")
                assert time.monotonic() < deadline, "the dashboard never answered"
                time.sleep(0.5)
            # The dashboard serves the warehouse the pipeline just published.
            published = duckdb.connect(str(home.published_db), read_only=True)
            units = published.execute("select count(*) from marts.fct_unit_year_scores").fetchone()
            published.close()
            assert units is not None and units[0] > 0

            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=60)  # a hang guard
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    said = log.read_text(errors="replace")
    assert code == 128 + signal.SIGTERM
    assert "Traceback" not in said
    # After a pipeline ran in this process, the interpreter's teardown used to print DuckDB's
    # binding library's report of objects still alive ("nanobind: leaked 42 instances!"...).
    assert "leaked" not in said, said[-2000:]
    assert not _healthy(url)
