"""End to end in a real browser: the README's links, a link naming what the warehouse does not
hold, back and forward, a 390 px phone, and the cluster report downloaded from its page.

`thidua serve` on the sample warehouse, driven by Debian's chromium under playwright (test_e2e's
helpers; never a downloaded browser). Every wait is on what the page says or where the address
bar points next; the timeouts are hang guards, never timing assertions. Screenshots of the phone
layout go to the test's own temporary directory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from tests.test_e2e import (
    READY_TIMEOUT_MS,
    VIEWPORT,
    Server,
    launch_browser,
    page_problems,
    require_browser,
    start_server,
    stop_server,
    wait_ready,
)
from tests.test_report_docx import plain, read_docx

from thidua.paths import PROJECT_ROOT, Home
from thidua.query.read import read_query

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
CUM_8 = "th-ubnd:cum-08"
# Where the app's pages live (the router's url paths): a README link into the dashboard starts so.
PAGE_PATHS = (
    "tong-quan",
    "cum-khoi",
    "don-vi",
    "khen-thuong",
    "so-sanh",
    "thay-doi",
    "chat-luong",
    "sql",
    "nhap-du-lieu",
)

_STATE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const picker = document.querySelector(
        '[data-testid="stMain"] [data-testid="stSelectbox"] input[role="combobox"]');
    const tab = document.querySelector('[role="tab"][aria-selected="true"]');
    const synth = document.querySelector('[data-testid="stSidebar"] input[type="checkbox"]');
    const title = document.querySelector('h1');
    return {
        path: location.pathname,
        query: location.search,
        entries: history.length,
        running: app === null || app.getAttribute('data-test-script-state') !== 'notRunning'
            || document.querySelector('[data-testid="stStatusWidgetRunningIcon"]') !== null,
        title: title ? title.innerText : null,
        picked: picker ? picker.value : null,
        tab: tab ? tab.innerText : null,
        synthetic: synth ? synth.checked : null,
    };
}"""

# The plot (the first background of a Vega view is its data rectangle), the legends, the chart.
_LAYOUT = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map(c => {
    const box = e => { const r = e.getBoundingClientRect();
        return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width}; };
    const svg = c.querySelector('svg');
    const plot = svg && svg.querySelector('path.background');
    return {
        chart: box(c),
        plot: plot ? box(plot) : null,
        legends: svg ? [...svg.querySelectorAll('.role-legend')].map(box) : [],
    };
})"""
_MAIN_HEIGHT = """() => Math.max(...[...document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stAppScrollToBottomContainer"]'
)].map(e => e.scrollHeight))"""


@pytest.fixture(scope="module")
def server(published_home: Home, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    require_browser()
    running = start_server(published_home, tmp_path_factory.mktemp("serve") / "serve.log")
    yield running
    stop_server(running)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_browser() as chromium:
        yield chromium


def _state(page: Any) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(_STATE)
    state["params"] = dict(parse_qsl(state["query"].lstrip("?")))
    return state


def _settle(page: Any, path: str, params: dict[str, str]) -> dict[str, Any]:
    """Wait until the address bar says `path?params` and the app has drawn it; the state."""
    deadline_ms, waited = READY_TIMEOUT_MS, 0
    while True:
        state = _state(page)
        if (
            state["path"] == path
            and state["params"] == params
            and not state["running"]
            and state["title"]
        ):
            page.wait_for_timeout(500)  # a rerun right after (one was a bug: it must not come)
            again = _state(page)
            if not again["running"] and again["params"] == params:
                return again
        if waited > deadline_ms:
            raise AssertionError(f"expected {path} {params}, the browser is at {state}")
        page.wait_for_timeout(200)
        waited += 200


def _readme_links() -> list[str]:
    """Every link of the README into the dashboard: `/page…` paths and the served root."""
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    paths = {
        found
        for found in re.findall(r"`(/[^`\s]*)`", text)
        if found.lstrip("/").split("?")[0] in PAGE_PATHS
    }
    if re.search(r"<http://localhost:8501/?>", text):
        paths.add("/")
    return sorted(paths)


# --- links ---------------------------------------------------------------------------------------


def test_every_readme_link_into_the_dashboard_opens_its_page(browser: Any, server: Server) -> None:
    links = _readme_links()
    assert "/tong-quan" in links and "/" in links
    assert any("?" in link for link in links)  # the README's example of a view in the URL
    page = browser.new_page(viewport=VIEWPORT, locale="vi-VN")
    failures = []
    for link in links:
        page.goto(server.url + link, wait_until="domcontentloaded")
        wait_ready(page)
        failures += [f"{link}: {p}" for p in page_problems(page)]  # "Page not found" among them
        split = urlsplit(link)
        state = _state(page)
        if state["path"] != split.path or state["params"] != dict(parse_qsl(split.query)):
            failures.append(f"{link}: the address became {state['path']}{state['query']}")
        if not state["title"]:
            failures.append(f"{link}: no title")
    page.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("link", "notice"),
    [
        (
            "/cum-khoi?cluster=th-ubnd:cum-99&tab=rank",
            "Không tìm thấy cụm/khối thi đua “th-ubnd:cum-99” trong kho",
        ),
        ("/don-vi?unit=th-khong-co", "Không tìm thấy đơn vị “th-khong-co” trong kho"),
    ],
)
def test_an_unknown_id_in_a_link_shows_a_notice_and_keeps_the_url(
    browser: Any, server: Server, link: str, notice: str
) -> None:
    page = browser.new_page(viewport=VIEWPORT, locale="vi-VN")
    page.goto(server.url + link, wait_until="domcontentloaded")
    wait_ready(page)
    page.get_by_text(notice).first.wait_for(state="visible", timeout=READY_TIMEOUT_MS)
    page.wait_for_timeout(1000)  # nothing rewrites the address after the page is drawn
    assert page.evaluate("location.pathname + location.search") == link
    assert page.evaluate("history.length") == 2  # the blank tab, then the link: no entry added
    assert not page_problems(page)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0  # no other cluster
    page.close()


# --- back and forward ----------------------------------------------------------------------------


def test_back_and_forward_move_one_state_at_a_time(browser: Any, server: Server) -> None:
    """Five user actions, five history entries; back and forward walk them one by one, each
    showing what it showed (never a state in between)."""
    page = browser.new_page(viewport=VIEWPORT, locale="vi-VN")
    page.goto(server.url + f"/cum-khoi?cluster={CUM_8}", wait_until="domcontentloaded")
    wait_ready(page)
    cum_8, cum_5 = "Cụm thi đua số 8", "Cụm thi đua số 5"
    shown = [_settle(page, "/cum-khoi", {"cluster": CUM_8})]

    def act(step: Any, path: str, params: dict[str, str]) -> None:
        step()
        shown.append(_settle(page, path, params))
        assert shown[-1]["entries"] == shown[-2]["entries"] + 1, shown[-2:]

    act(
        lambda: page.get_by_role("tab", name="Xếp hạng và điểm").click(),
        "/cum-khoi",
        {"cluster": CUM_8, "tab": "rank"},
    )

    def pick_cluster() -> None:
        page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()
        page.keyboard.type(cum_5)
        page.keyboard.press("Enter")

    act(pick_cluster, "/cum-khoi", {"cluster": "th-ubnd:cum-05", "tab": "rank"})
    act(
        lambda: page.locator(
            '[data-testid="stSidebar"] label:has-text("Hiện dữ liệu mô phỏng")'
        ).first.click(),
        "/cum-khoi",
        {"cluster": "th-ubnd:cum-05", "tab": "rank", "synth": "0"},
    )
    # The menu: the page opens with the filters in one step (Streamlit's own menu dropped them
    # and the app wrote them back, a second entry).
    act(
        lambda: page.locator('[data-testid="stSidebar"] a:has-text("Đơn vị")').first.click(),
        "/don-vi",
        {"synth": "0"},
    )

    def search() -> None:
        page.get_by_placeholder("Tìm đơn vị, cụm/khối").fill("STP")
        page.keyboard.press("Enter")
        result = page.locator('[data-testid="stMain"] a:has-text("Sở Tư pháp")').first
        result.wait_for(state="visible", timeout=READY_TIMEOUT_MS)
        result.click()

    act(search, "/don-vi", {"unit": "th-so-tu-phap", "synth": "0"})
    assert shown[1]["tab"] == "Xếp hạng và điểm" and shown[1]["picked"] == cum_8
    assert shown[2]["picked"] == cum_5 and shown[3]["synthetic"] is False
    assert shown[4]["title"] == "Đơn vị" and "Sở Tư pháp" in shown[5]["picked"]

    def same(state: dict[str, Any], expected: dict[str, Any]) -> None:
        keys = ("path", "params", "title", "picked", "tab", "synthetic")
        assert {k: state[k] for k in keys} == {k: expected[k] for k in keys}

    for expected in reversed(shown[:-1]):
        page.go_back()
        same(_settle(page, expected["path"], expected["params"]), expected)
    for expected in shown[1:]:
        page.go_forward()
        same(_settle(page, expected["path"], expected["params"]), expected)
    assert _state(page)["entries"] == shown[-1]["entries"]  # walking added nothing
    assert not page_problems(page)
    page.close()


# --- a phone -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        "/tong-quan",
        f"/cum-khoi?cluster={CUM_8}",
        "/don-vi?unit=th-so-khdt",
        "/so-sanh",
    ],
)
def test_a_phone_shows_legends_below_plots_that_keep_their_width(
    browser: Any, server: Server, link: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server.url + link, wait_until="domcontentloaded")
    wait_ready(page)
    page.locator('[data-testid="stVegaLiteChart"] svg').first.wait_for(
        state="visible", timeout=READY_TIMEOUT_MS
    )
    page.wait_for_timeout(1500)  # charts lay out to their container
    assert not page_problems(page)
    charts = page.evaluate(_LAYOUT)
    assert charts
    with_legends = 0
    for n, chart in enumerate(charts):
        box, plot = chart["chart"], chart["plot"]
        assert box["right"] <= PHONE["width"], (n, box)  # the chart fits the screen
        # a usable plot: most of the chart's width (a legend beside it left a sliver)
        assert plot["width"] >= 0.5 * box["width"], (n, plot, box)
        for legend in chart["legends"]:
            with_legends += 1
            assert legend["top"] >= plot["bottom"] - 1, (n, "legend beside the plot", legend)
            assert legend["right"] <= box["right"] + 1, (n, "legend past the edge", legend)
    assert with_legends, "no legend to check"
    # The whole page, as a phone scrolls it.
    page.set_viewport_size({"width": PHONE["width"], "height": int(page.evaluate(_MAIN_HEIGHT))})
    page.wait_for_timeout(800)
    shot = tmp_path / (re.sub(r"[^a-z0-9]+", "-", link.lower()).strip("-") + "-390px.png")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    context.close()


# --- the cluster's Word report -------------------------------------------------------------------


def test_the_cluster_report_downloads_with_the_marts_facts(
    browser: Any, server: Server, published_home: Home, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    page.goto(server.url + f"/cum-khoi?cluster={CUM_8}&year=2021", wait_until="domcontentloaded")
    wait_ready(page)
    with page.expect_download(timeout=READY_TIMEOUT_MS) as info:
        page.get_by_role("button", name="Tải báo cáo năm (Word)").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    context.close()
    assert target.name == "bao-cao-thi-dua-cum-08-2021.docx"
    report = read_docx(target.read_bytes())
    (leader,) = read_query(
        published_home.published_db,
        "select leader_name from marts.fct_cluster_year"
        " where cluster_id = $c and results_year = 2021",
        {"c": CUM_8},
    ).row(0)
    assert leader == "Sở Ngoại vụ"  # article:002
    assert report.paragraphs[0] == "BÁO CÁO KẾT QUẢ THI ĐUA"
    assert report.paragraphs[1] == "Cụm thi đua số 8 — năm 2021"
    assert plain(report.line("Trưởng cụm/khối")) == leader
