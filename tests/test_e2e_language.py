"""The Vietnamese dashboard in a real browser: `<html lang="vi">`, a tab title per page, no English.

`thidua serve` on the sample warehouse, Debian's headless Chromium under playwright (the helpers
of test_e2e.py). Every page opens in Vietnamese; after it has finished running, and after a
pointer rests on a chart and a table (Streamlit draws their toolbars on hover), the test reads
what the browser shows: every text node (not code, not Material icon names) and the
aria-label, title and placeholder attributes (Streamlit's own labels among them), and checks
them against tests/english_words.py. The English switch gets `<html lang="en">` and its own
tab titles.

Left out: the descriptions Vega writes for screen readers inside a chart's SVG ("X-axis titled
… for a linear scale"), which no app setting translates.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb
import pytest
from tests.english_words import english_words, raw_ids
from tests.test_e2e import (
    VIEWPORT,
    Server,
    launch_browser,
    page_problems,
    require_browser,
    start_server,
    stop_server,
    wait_ready,
)

from thidua.i18n.messages import t
from thidua.paths import Home

pytestmark = pytest.mark.browser

# URL path -> the page title key (the tab reads "<page> · <app>")
PAGES = {
    "/": "page.overview",
    "/tong-quan": "page.overview",
    "/cum-khoi?cluster=th-ubnd:cum-08": "page.clusters",
    "/cum-khoi?cluster=th-ubnd:cum-08&tab=rank": "page.clusters",
    "/cum-khoi?cluster=th-ubnd:cum-08&tab=leaders": "page.clusters",
    "/don-vi?unit=th-so-khdt": "page.units",
    "/khen-thuong": "page.awards",
    "/khen-thuong?tab=compliance": "page.awards",
    "/so-sanh": "page.compare",
    "/thay-doi": "page.changes",
    "/chat-luong": "page.quality",
    "/chat-luong?tab=checks": "page.quality",
    "/sql": "page.sql",
    "/nhap-du-lieu": "page.intake",
}
SETTLE_MS = 1500

_SHOWN = """() => {
    const skip = 'code, pre, script, style, textarea, noscript, [data-testid="stIconMaterial"]';
    const found = [];
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => node.parentElement && node.parentElement.closest(skip)
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    while (texts.nextNode()) {
        const text = texts.currentNode.nodeValue.trim();
        if (text) found.push(['text', text]);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
        if (el.closest('.stVegaLiteChart svg, ' + skip)) continue;
        for (const name of ['aria-label', 'title', 'placeholder']) {
            const value = el.getAttribute(name);
            if (value) found.push([name, value]);
        }
    }
    return found;
}"""


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


@pytest.fixture(scope="module")
def exempt(published_home: Home) -> tuple[frozenset[str], frozenset[str]]:
    """(the warehouse's table, column and dbt node names; the ids that must not show)."""
    con = duckdb.connect(str(published_home.published_db), read_only=True)
    try:
        names = {
            n
            for schema, table in con.sql(
                "select schema_name, table_name from duckdb_tables()"
            ).fetchall()
            for n in (schema, table, f"{schema}.{table}")
        }
        names |= {r[0] for r in con.sql("select column_name from duckdb_columns()").fetchall()}
        names |= {r[0] for r in con.sql("select name from meta.dbt_results").fetchall()}
        ids = {
            r[0]
            for r in con.sql(
                "select cluster_id from marts.dim_cluster union all "
                "select unit_id from marts.dim_unit"
            ).fetchall()
        }
    finally:
        con.close()
    return frozenset(names), frozenset(ids)


def _hover_toolbars(page: Any) -> None:
    """Rest the pointer on the first chart and the first table: their toolbars appear."""
    for selector in ('[data-testid="stVegaLiteChart"]', '[data-testid="stDataFrame"]'):
        element = page.locator(selector).first
        if element.count():
            element.scroll_into_view_if_needed()
            element.hover()
            page.wait_for_timeout(400)


def _english(page: Any, names: frozenset[str], ids: frozenset[str]) -> set[str]:
    found = set()
    for where, text in page.evaluate(_SHOWN):
        words = english_words(text, names)
        # a link's address carries ids by design; a text never should
        shown_ids = raw_ids(text, ids)
        if words or shown_ids:
            found.add(f"{where}: {sorted(set(words + shown_ids))} in {text[:140]!r}")
    return found


def test_every_vietnamese_page_is_vietnamese_in_the_browser(
    browser: Any, server: Server, exempt: tuple[frozenset[str], frozenset[str]]
) -> None:
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    failures: list[str] = []
    for path, title in PAGES.items():
        page = context.new_page()
        page.goto(server.url + path, wait_until="domcontentloaded")
        wait_ready(page)
        page.wait_for_timeout(SETTLE_MS)
        _hover_toolbars(page)
        problems = page_problems(page)
        lang = page.evaluate("document.documentElement.lang")
        if lang != "vi":
            problems.append(f'<html lang="{lang}">')
        expected = t("app.tab_title", "vi", page=t(title, "vi"))
        if page.title() != expected:
            problems.append(f"tab title {page.title()!r}, not {expected!r}")
        problems += sorted(_english(page, *exempt))
        failures += [f"{path}: {p}" for p in problems]
        page.close()
    context.close()
    assert not failures, "\n".join(failures)


def test_streamlit_s_own_labels_follow_the_language(browser: Any, server: Server) -> None:
    """The chart toolbar's buttons, in Vietnamese; back in English on the switch."""
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    page = context.new_page()
    for lang, labels in (
        ("vi", ("Tải ảnh PNG", "Toàn màn hình")),
        ("en", ("Download as PNG", "Fullscreen")),
    ):
        page.goto(f"{server.url}/?lang={lang}", wait_until="domcontentloaded")
        wait_ready(page)
        _hover_toolbars(page)
        shown = page.evaluate(
            """() => [...document.querySelectorAll('[data-testid="stElementToolbar"] button')]
                .map(b => b.getAttribute('aria-label'))"""
        )
        assert all(label in shown for label in labels), (lang, shown)
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.title() == t("app.tab_title", lang, page=t("page.overview", lang))
    context.close()
