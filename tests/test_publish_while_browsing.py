"""A real publish while an analyst keeps reloading a page: no reload may show an error.

`thidua build` runs dbt into a separate file and swaps it onto the published path with os.replace;
the dashboard attaches the file read-only per query. Here both happen at once, for real: a copy of
the sample home is served, the browser reloads the cluster page in a loop, and `thidua build`
republishes underneath. Afterwards the page shows the new publish without a restart.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.test_e2e import (
    READY_TIMEOUT_MS,
    VIEWPORT,
    copy_home,
    launch_browser,
    page_problems,
    require_browser,
    start_server,
    stop_server,
    wait_ready,
)

from thidua.paths import PROJECT_ROOT, Home
from thidua.query.read import publish_stamp

pytestmark = pytest.mark.browser

# A hang guard, not a deadline: a full build beside a reloading browser took over 90 s on a busy
# 2-core machine.
BUILD_TIMEOUT_S = 600
PAGE = "/cum-khoi?cluster=th-ubnd:cum-08&tab=rank"
MIN_RELOADS = 3


def _publish_label(page: Any, base: str) -> str:
    """The quality page's publish time and dbt duration: they change with every publish."""
    page.goto(base + "/chat-luong", wait_until="domcontentloaded")
    wait_ready(page)
    metrics = page.locator('[data-testid="stMetric"]')
    return " | ".join(metrics.nth(i).inner_text() for i in (0, 3))


@pytest.fixture
def browser() -> Iterator[Any]:
    with launch_browser() as chromium:
        yield chromium


def test_reloads_see_no_error_while_a_build_publishes(
    browser: Any, published_home: Home, tmp_path: Path
) -> None:
    require_browser()
    home = copy_home(published_home, tmp_path / "home")
    stamp_before = publish_stamp(home.published_db)
    server = start_server(home, tmp_path / "serve.log")
    build_log = tmp_path / "build.log"
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    try:
        page = context.new_page()
        before = _publish_label(page, server.url)

        thidua = Path(sys.executable).with_name("thidua")
        with build_log.open("wb") as log:
            build = subprocess.Popen(
                [str(thidua), "--home", str(home.root), "build", "--full-refresh"],
                cwd=PROJECT_ROOT,
                env=dict(os.environ, THIDUA_HOME=str(home.root)),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            reloads: list[tuple[float, list[str]]] = []
            deadline = time.monotonic() + BUILD_TIMEOUT_S
            try:
                page.goto(server.url + PAGE, wait_until="domcontentloaded")
                wait_ready(page)
                # Keep reloading while the build runs, and a few times after the swap.
                after_swap = 0
                while after_swap < 2:
                    if build.poll() is not None:
                        after_swap += 1
                    assert time.monotonic() < deadline, "the build took too long"
                    page.reload(wait_until="domcontentloaded")
                    page.wait_for_selector("h1", state="visible", timeout=READY_TIMEOUT_MS)
                    wait_ready(page)
                    reloads.append((time.monotonic(), page_problems(page)))
            finally:
                if build.poll() is None:
                    build.kill()
                build.wait(timeout=30)
        assert build.returncode == 0, build_log.read_text(errors="replace")[-3000:]

        failed = [(i, problems) for i, (_, problems) in enumerate(reloads) if problems]
        assert not failed, failed
        assert len(reloads) >= MIN_RELOADS, f"only {len(reloads)} reloads during the build"
        assert publish_stamp(home.published_db) != stamp_before  # a new file was swapped in
        # The same server, no restart: the new publish is what the page shows now.
        assert _publish_label(page, server.url) != before
        assert not page_problems(page)
    finally:
        context.close()
        stop_server(server)
