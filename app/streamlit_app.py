"""thidua dashboard: the router.

Run with `streamlit run app/streamlit_app.py` (or `make run`, which builds the warehouse first).
This file only sets the page up, draws the sidebar (language and global filters, kept in the URL)
and picks the page; pages live in app/pages/, their SQL in app/data_access.py.

The warehouse is `<THIDUA_HOME>/thidua.duckdb` (thidua.paths.home(); default `warehouse/` in the
project). It is looked up on every run and read through a fresh read-only attach, so a new publish
shows on the next interaction without a restart.
"""

from __future__ import annotations

import streamlit as st

from app_context import set_view
from sidebar import render_sidebar
from thidua.i18n import t
from thidua.paths import home

st.set_page_config(
    page_title=t("app.title"),
    page_icon=":material/emoji_events:",
    layout="wide",
)

view = render_sidebar(home().published_db)
set_view(view)

# Pages to come, each a file in app/pages/ with its title key in thidua.i18n: clusters.py
# ("page.clusters"), units.py ("page.units"), awards.py ("page.awards"), compare.py
# ("page.compare"), quality.py ("page.quality"). Add them to the "analysis" section below.
pages = {
    view.t("nav.section.analysis"): [
        st.Page(
            "pages/overview.py",
            title=view.t("page.overview"),
            icon=":material/dashboard:",
            url_path="tong-quan",
            default=True,
        ),
    ],
    view.t("nav.section.tools"): [
        st.Page(
            "pages/sql.py", title=view.t("page.sql"), icon=":material/terminal:", url_path="sql"
        ),
    ],
}
st.navigation(pages).run()
