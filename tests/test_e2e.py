"""End to end: `thidua serve` on the sample warehouse, every page opened in headless Chromium.

Debian's chromium (/usr/bin/chromium) is driven by playwright's sync API; `playwright install`
(which downloads a browser) is never used. Each page must finish running without an exception
element and show its key content; a screenshot per page goes to build/screenshots/ and the time to
first paint and to "ready" (the app finished running) to build/screenshots/timings.json, for the
benchmark. Nothing here asserts a timing.

The browser tests skip only when /usr/bin/chromium is absent and THIDUA_REQUIRE_BROWSER is unset;
`make test` sets it, so CI fails instead of skipping silently.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from thidua.paths import PROJECT_ROOT, Home

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = PROJECT_ROOT / "build" / "screenshots"
VIEWPORT = {"width": 1440, "height": 1000}
MAX_SHOT_HEIGHT = 9000
BETWEEN_PAGES_MS = 500
# Data grids draw on a canvas after the script finished: give them time before the screenshot.
GRID_SETTLE_S = 3.0
READY_TIMEOUT_MS = 60_000
SERVER_START_TIMEOUT_S = 60

_READY = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app !== null
        && app.getAttribute('data-test-script-state') === 'notRunning'
        && document.querySelector('[data-testid="stStatusWidgetRunningIcon"]') === null
        && document.querySelector('[data-testid="stSkeleton"]') === null;
}"""
_FIRST_PAINT = """() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return paint ? paint.startTime / 1000 : null;
}"""
_MAIN_HEIGHT = """() => Math.max(1000, ...[...document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stAppScrollToBottomContainer"]'
)].map(e => e.scrollHeight))"""


@dataclass(frozen=True)
class PageCheck:
    name: str  # screenshot and timings key
    path: str  # URL path and query, as a shared link would have it
    title: str
    content: tuple[str, ...]  # selectors that must be visible
    texts: tuple[str, ...] = ()  # texts that must be on the page


PAGES = [
    PageCheck(
        "cum-khoi",
        "/cum-khoi?cluster=th-ubnd:cum-08",
        "Cụm / Khối thi đua",
        ('[data-testid="stVegaLiteChart"]', '[data-testid="stDataFrame"]'),
        ("Thành viên theo năm thi đua", "Cụm thi đua số 8"),
    ),
    PageCheck(
        "tong-quan",
        "/",
        "Tổng quan",
        (
            '[data-testid="stMetric"]',
            '[data-testid="stVegaLiteChart"]',
            '[data-testid="stDataFrame"]',
        ),
        ("Dữ kiện từ nguồn thật",),
    ),
    PageCheck(
        "cum-khoi-lanh-dao",
        "/cum-khoi?cluster=th-ubnd:cum-08&tab=leaders",
        "Cụm / Khối thi đua",
        ('[data-testid="stVegaLiteChart"]', '[data-testid="stDataFrame"]'),
        ("Luân phiên Trưởng, Phó cụm/khối",),
    ),
    PageCheck(
        "cum-khoi-xep-hang",
        "/cum-khoi?cluster=th-ubnd:cum-08&tab=rank",
        "Cụm / Khối thi đua",
        ('[data-testid="stVegaLiteChart"]', '[data-testid="stDataFrame"]'),
        ("Thứ hạng qua các năm", "Kiểm tra nhất quán"),
    ),
    PageCheck(
        "cum-khoi-tieu-chi",
        "/cum-khoi?cluster=th-ubnd:cum-08&tab=criteria",
        "Cụm / Khối thi đua",
        ('[data-testid="stVegaLiteChart"]',),
        ("Điểm theo tiêu chí",),
    ),
    PageCheck(
        "don-vi",
        "/don-vi?unit=th-so-khdt",
        "Đơn vị",
        ('[data-testid="stVegaLiteChart"]', '[data-testid="stDataFrame"]'),
        ("Sở Tài chính", "Lịch sử qua các cụm/khối"),
    ),
    PageCheck(
        "khen-thuong",
        "/khen-thuong",
        "Khen thưởng",
        ('[data-testid="stMetric"]', '[data-testid="stVegaLiteChart"]'),
        ("Đề nghị → chấp thuận → quyết định",),
    ),
    PageCheck(
        "khen-thuong-tuan-thu",
        "/khen-thuong?tab=compliance",
        "Khen thưởng",
        ('[data-testid="stVegaLiteChart"]', '[data-testid="stDataFrame"]'),
        ("Phát hiện về tuân thủ",),
    ),
    PageCheck(
        "so-sanh",
        "/so-sanh",
        "So sánh cụm/khối",
        ('[data-testid="stVegaLiteChart"]', '[data-testid="stDataFrame"]'),
        ("Tóm tắt", "Độ ổn định thứ hạng"),
    ),
    PageCheck(
        "chat-luong",
        "/chat-luong",
        "Chất lượng dữ liệu",
        ('[data-testid="stMetric"]', '[data-testid="stDataFrame"]'),
        ("Kết quả dựng của bản đang công bố",),
    ),
    PageCheck(
        "sql",
        "/sql",
        "Truy vấn SQL",
        ('[data-testid="stTextArea"]', '[data-testid="stDataFrame"]'),
        ("Cấu trúc dữ liệu",),
    ),
    PageCheck(
        "cum-khoi-en",
        "/cum-khoi?lang=en&cluster=th-ubnd:cum-08&tab=rank",
        "Cluster or block",
        ('[data-testid="stVegaLiteChart"]',),
        ("Rank over the years",),
    ),
]


# --- shared with test_publish_while_browsing.py ---------------------------------------------------


def require_browser() -> None:
    """Skip without a browser, unless the environment demands one (CI): then fail."""
    if CHROMIUM.exists():
        return
    if os.environ.get("THIDUA_REQUIRE_BROWSER"):
        pytest.fail(f"{CHROMIUM} is missing and THIDUA_REQUIRE_BROWSER is set: run `make browser`")
    pytest.skip(
        f"{CHROMIUM} is not installed (run `make browser`); set THIDUA_REQUIRE_BROWSER to fail"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    log_handle: BinaryIO


def start_server(home: Home, log: Path) -> Server:
    """`thidua serve` on a free port, in its own process group (stopped with its children)."""
    port = free_port()
    thidua = Path(sys.executable).with_name("thidua")
    env = dict(os.environ, THIDUA_HOME=str(home.root))
    handle = log.open("wb")
    process = subprocess.Popen(
        [
            str(thidua),
            "--home",
            str(home.root),
            "serve",
            "--port",
            str(port),
            "--address",
            "127.0.0.1",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            handle.close()
            raise AssertionError(f"thidua serve exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return Server(url, process, log, handle)
        except OSError:
            time.sleep(0.3)
    stop_server(Server(url, process, log, handle))
    raise AssertionError(f"thidua serve did not answer within {SERVER_START_TIMEOUT_S} s")


def stop_server(server: Server) -> None:
    """Stop the server and Streamlit under it: the process group this test started."""
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=15)
    # Whatever is left of the group (nothing, when `thidua serve` stops its child as it should)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGKILL)
    server.log_handle.close()


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_serve_stops_its_dashboard_when_it_is_stopped(published_home: Home, tmp_path: Path) -> None:
    # SIGTERM to `thidua serve` alone (as a service manager sends it), then SIGKILL to another:
    # neither leaves the Streamlit server behind holding its port.
    for stop_signal in (signal.SIGTERM, signal.SIGKILL):
        server = start_server(published_home, tmp_path / f"serve-{stop_signal.name}.log")
        try:
            streamlit = _children(server.process.pid)
            assert len(streamlit) == 1
            server.process.send_signal(stop_signal)
            server.process.wait(timeout=30)
            deadline = time.monotonic() + 30  # a hang guard, not a deadline under test
            while _running(streamlit[0]) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not _running(streamlit[0]), stop_signal.name
        finally:
            stop_server(server)


@contextmanager
def launch_browser() -> Iterator[Any]:
    """Debian's headless Chromium under playwright (never a downloaded browser)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_browser() as chromium:
        yield chromium


def wait_ready(page: Any) -> None:
    """Until the script finished running: no running status, no skeletons, a title drawn."""
    page.wait_for_function(_READY, timeout=READY_TIMEOUT_MS)
    page.wait_for_selector("h1", state="visible", timeout=READY_TIMEOUT_MS)
    # A rerun can start right after the first (the URL written back): wait for it to settle too.
    page.wait_for_timeout(300)
    page.wait_for_function(_READY, timeout=READY_TIMEOUT_MS)


def page_problems(page: Any) -> list[str]:
    """What must never be on a page: a Python exception, an error box, Streamlit's 404 dialog."""
    problems = []
    if page.locator('[data-testid="stException"]').count():
        problems.append(
            "exception: " + page.locator('[data-testid="stException"]').first.inner_text()
        )
    if page.locator('[data-testid="stAlertContentError"]').count():
        problems.append(
            "error: " + page.locator('[data-testid="stAlertContentError"]').first.inner_text()
        )
    if page.get_by_text("Page not found").count():
        problems.append("Streamlit's page-not-found dialog")
    return problems


def full_screenshot(page: Any, path: Path) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport to fit it."""
    height = min(int(page.evaluate(_MAIN_HEIGHT)) + 40, MAX_SHOT_HEIGHT)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    page.wait_for_timeout(600)  # charts re-layout to the new size
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)


# --- the test ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser_present() -> None:
    """First thing a browser test asks for: skip (or fail) before building any warehouse."""
    require_browser()


@pytest.fixture(scope="module")
def server(
    browser_present: None, published_home: Home, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    running = start_server(published_home, tmp_path_factory.mktemp("serve") / "serve.log")
    yield running
    stop_server(running)


def test_every_page_in_a_real_browser(browser: Any, server: Server) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    # One tab, as an analyst goes from link to link: each page a new document and a new
    # Streamlit session (a cold session), timed from the navigation's start. The first page is
    # a deep link to a server nobody has visited yet: with a `pages/` folder next to the entry
    # script Streamlit answered that with a "Page not found" dialog (the reason the pages live
    # in app/views/). Its timing includes the server's first page and the browser's first visit
    # (Streamlit's scripts not cached yet).
    timings: dict[str, dict[str, object]] = {}
    failures: list[str] = []
    page = context.new_page()
    for check in PAGES:
        started = time.perf_counter()
        page.goto(server.url + check.path, wait_until="domcontentloaded")
        page.wait_for_selector("h1", state="visible", timeout=READY_TIMEOUT_MS)
        title_s = time.perf_counter() - started
        # The page's main visual (its first content check: the chart, table or tiles) drawn:
        # what the analyst waits for, and what make bench holds against the 1.5 s target.
        main_visual_s = _main_visual_s(page, check, started)
        page.wait_for_function(_READY, timeout=READY_TIMEOUT_MS)
        ready_s = time.perf_counter() - started  # before wait_ready's fixed settle pause
        wait_ready(page)
        page.wait_for_timeout(GRID_SETTLE_S * 1000)
        timings[check.name] = {
            "path": check.path,
            "cold_server": not timings,
            "first_contentful_paint_s": page.evaluate(_FIRST_PAINT),
            "title_visible_s": round(title_s, 3),
            "main_visual_s": main_visual_s,
            "ready_s": round(ready_s, 3),
        }
        problems = page_problems(page)
        if page.locator("h1").first.inner_text().strip() != check.title:
            problems.append(f"title {page.locator('h1').first.inner_text()!r}")
        for selector in check.content:
            if not page.locator(selector).first.is_visible():
                problems.append(f"not visible: {selector}")
        body = page.locator('[data-testid="stMain"]').inner_text()
        problems += [f"missing text: {text!r}" for text in check.texts if text not in body]
        full_screenshot(page, SCREENSHOTS / f"{check.name}.png")
        failures += [f"{check.path}: {p}" for p in problems]
        # The screenshot stretched the page to its full height and back, and its charts are
        # drawing again at the old size: left on an empty page, so that work is not timed as
        # the next page's (an analyst does not resize the window as they follow a link).
        page.goto("about:blank")
        page.wait_for_timeout(BETWEEN_PAGES_MS)
    page.close()
    # The same pages each opened in a new tab: the browser starts a tab (and its renderer) too,
    # which on a 2-core machine costs about a second of its own; reported beside, not instead.
    for check in PAGES:
        tab = context.new_page()
        started = time.perf_counter()
        tab.goto(server.url + check.path, wait_until="domcontentloaded")
        timings[check.name]["main_visual_new_tab_s"] = _main_visual_s(tab, check, started)
        tab.wait_for_function(_READY, timeout=READY_TIMEOUT_MS)
        tab.close()
    context.close()

    (SCREENSHOTS / "timings.json").write_text(
        json.dumps(
            {"server": "thidua serve (sample warehouse)", "pages": timings},
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    assert not failures, "\n".join(failures)
    assert len(list(SCREENSHOTS.glob("*.png"))) >= len(PAGES)


def _main_visual_s(page: Any, check: PageCheck, started: float) -> float | None:
    """Seconds from `started` to the page's first content check visible (None: it has none)."""
    if not check.content:
        return None
    page.wait_for_selector(check.content[0], state="visible", timeout=READY_TIMEOUT_MS)
    return round(time.perf_counter() - started, 3)


def test_downloads_give_csv_and_xlsx_with_vietnamese_headers(
    browser: Any, server: Server, tmp_path: Path
) -> None:
    """The download buttons make their files on click (deferred): both must arrive and parse."""
    import polars as pl

    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    page.goto(server.url + "/cum-khoi?cluster=th-ubnd:cum-08", wait_until="domcontentloaded")
    wait_ready(page)
    files = {}
    for label, suffix in (("Tải CSV", "csv"), ("Tải Excel (XLSX)", "xlsx")):
        with page.expect_download(timeout=READY_TIMEOUT_MS) as info:
            page.get_by_role("button", name=label).first.click()
        target = tmp_path / f"roster.{suffix}"
        info.value.save_as(target)
        files[suffix] = target
    context.close()
    csv = pl.read_csv(files["csv"], encoding="utf8-lossy")
    xlsx = pl.read_excel(files["xlsx"])
    for frame in (csv, xlsx):
        assert frame.columns[:3] == ["Năm thi đua", "Đơn vị", "Vai trò"]
        assert "Sở Ngoại vụ" in frame["Đơn vị"].to_list()
    assert csv.height == xlsx.height > 0


def _hover_tooltip(page: Any, chart: Any, *labels: str) -> str:
    """Hover the chart's mark whose description holds every label; the Vega tooltip's text.

    Vega draws Streamlit's charts as SVG and describes each mark in its aria-label (the year,
    the value, the unit...), so the point is found the way a screen reader would find it.
    """
    selector = "g.mark-symbol path" + "".join(f'[aria-label*="{label}"]' for label in labels)
    mark = chart.locator(selector).first
    mark.scroll_into_view_if_needed()
    mark.hover(force=True)
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible", timeout=10_000)
    text: str = tooltip.inner_text()
    page.mouse.move(0, 0)  # leave the mark, so the next hover opens a fresh tooltip
    return text


def test_a_score_tooltip_gives_the_score_its_own_source(browser: Any, server: Server) -> None:
    """Sở Tư pháp, Cụm 8, 2021: member and ranked 2nd by article:002, its score generated.

    The score point says generated (not "Thật", which the row's own source would say); the rank
    point of the same unit-year cites the article.
    """
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    page = context.new_page()
    page.goto(
        server.url + "/cum-khoi?cluster=th-ubnd:cum-08&tab=rank&year=2021",
        wait_until="domcontentloaded",
    )
    wait_ready(page)
    assert not page_problems(page)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.first.wait_for(state="visible", timeout=READY_TIMEOUT_MS)
    # the bump chart (ranks), then the score spread (share of the maximum, one dot per unit)
    assert charts.count() >= 2
    score = _hover_tooltip(
        page, charts.nth(1), "Năm thi đua: 2021", "Tỷ lệ điểm tối đa", "Sở Tư pháp"
    )
    assert "Sở Tư pháp" in score and "2021" in score
    assert "Nguồn dữ liệu" in score
    assert "Mô phỏng" in score
    assert "Thật" not in score
    rank = _hover_tooltip(page, charts.nth(0), "Năm thi đua: 2021", "Sở Tư pháp")
    assert "Bài báo: Cụm thi đua số 8 tổng kết năm 2021" in rank
    assert "Nguồn điểm" in rank and "Mô phỏng" in rank  # the score beside it keeps its own
    context.close()


def test_browser_requirement_is_enforced(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without chromium: skip normally, fail when THIDUA_REQUIRE_BROWSER says CI needs it."""
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("THIDUA_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require_browser()
    monkeypatch.setenv("THIDUA_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception):
        require_browser()


def copy_home(source: Home, destination: Path) -> Home:
    """A private copy of a home (landing and published databases), for a test that builds."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in (source.raw_db.name, source.published_db.name):
        shutil.copyfile(source.root / name, destination / name)
    return Home(destination)
