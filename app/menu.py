"""The sidebar's page menu: links that carry the filters and each page's last choices.

Streamlit's own menu (st.navigation in the sidebar) opens a page with an empty query: the
filters then came back in a second URL write, so one click made two browser history entries and
Back landed on the page without its filters, a state never shown. These links carry the whole
URL of the page they open (url_state.nav_params), so a click is one entry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

import url_state


def render_menu(
    sections: Mapping[str, Sequence[st.Page]], current: st.Page, *, home: st.Page
) -> None:
    """One link per visible page, under its section's name. `home` is the app's root (the
    overview at "/"): while it is open, the overview's link points at it, so it shows as
    the current page."""
    for section, pages in sections.items():
        shown = [p for p in pages if p.visibility == "visible"]
        if not shown:
            continue
        st.caption(section)
        for page in shown:
            at_root = current.url_path == home.url_path and page.url_path == "tong-quan"
            target = home if at_root else page
            st.page_link(
                target,
                label=page.title,
                icon=page.icon or None,
                query_params=url_state.nav_params(page.url_path),
                width="stretch",
            )
