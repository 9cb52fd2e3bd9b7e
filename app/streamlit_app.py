"""thidua dashboard: the router.

Run with `streamlit run app/streamlit_app.py` (or `make run`, which builds the warehouse first).
This file only sets the page up, draws the sidebar (language and global filters, kept in the URL)
and picks the page; pages live in app/views/ (one module each), their SQL in
src/thidua/query/dashboard/ (read through app/data_access.py).

Why app/views/ and not app/pages/: Streamlit treats a `pages/` folder next to the entry script as
an old-style multipage app until the first `st.navigation` call, so the first deep link after a
server start (e.g. /cum-khoi?cluster=…) showed a "Page not found" dialog over the right page.

The warehouse is `<THIDUA_HOME>/thidua.duckdb` (thidua.paths.home(); default `warehouse/` in the
project). It is looked up on every run and read through a fresh read-only attach, so a new publish
shows on the next interaction without a restart.
"""

from __future__ import annotations

import streamlit as st

from app_context import set_view
from document import show_document
from menu import render_menu
from page_style import apply_page_style
from search_box import render_search
from sidebar import render_sidebar
from thidua import logs
from thidua.i18n.messages import t
from thidua.paths import home
from url_state import begin_run, drop_foreign_keys, finish_run

# loads and builds started from the intake page log as the command line's do
logs.configure()

st.set_page_config(
    page_title=t("app.title"),
    page_icon=":material/emoji_events:",
    layout="wide",
)

begin_run()  # the URL is written once, when the run ends (url_state: one history entry per action)
apply_page_style()  # captions readable (contrast), see page_style.py
menu = st.sidebar.container()  # the page menu, above the filters; filled once the pages are known
view = render_sidebar(home().published_db)
set_view(view)


def _page(path: str, title: str, icon: str, url_path: str, *, default: bool = False) -> st.Page:
    return st.Page(
        path,
        title=view.t(title),
        icon=icon,
        url_path=url_path,
        default=default,
        visibility="hidden" if default else "visible",
    )


# The app's root shows the overview. Streamlit gives its default page the path "" whatever
# url_path it declares, so /tong-quan (the README's link) was "Page not found": the overview is
# also a page of its own at /tong-quan, the one the menu opens.
root = _page(
    "views/overview.py", "page.overview", ":material/dashboard:", "trang-chu", default=True
)
# URL paths are ASCII Vietnamese so a shared link reads naturally: /cum-khoi?cluster=…
pages = {
    view.t("nav.section.analysis"): [
        root,
        _page("views/overview.py", "page.overview", ":material/dashboard:", "tong-quan"),
        _page("views/clusters.py", "page.clusters", ":material/groups:", "cum-khoi"),
        _page("views/units.py", "page.units", ":material/apartment:", "don-vi"),
        _page("views/awards.py", "page.awards", ":material/military_tech:", "khen-thuong"),
        _page("views/compare.py", "page.compare", ":material/compare_arrows:", "so-sanh"),
        _page("views/changes.py", "page.changes", ":material/trending_up:", "thay-doi"),
    ],
    view.t("nav.section.tools"): [
        _page("views/quality.py", "page.quality", ":material/fact_check:", "chat-luong"),
        _page("views/sql.py", "page.sql", ":material/terminal:", "sql"),
        _page("views/intake.py", "page.intake", ":material/upload_file:", "nhap-du-lieu"),
    ],
}
# The menu is drawn in the sidebar by menu.py: its links carry the filters (Streamlit's did not).
page = st.navigation(pages, position="hidden")
# The default page's url_path is "" (the app's root); its own URL parameters are the overview's.
drop_foreign_keys(page.url_path)
show_document(view, page.title)  # the tab's title, <html lang>, Streamlit's labels
with menu:
    render_menu(pages, page, home=root)
render_search(view, {p.url_path: p for section in pages.values() for p in section})
try:
    page.run()
finally:
    finish_run()
