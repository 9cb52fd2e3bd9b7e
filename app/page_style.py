"""The few style rules Streamlit's theme options cannot set, injected once per run by the router.

Captions: Streamlit draws them in the text colour at 60 % opacity, about 3.9:1 against the white
page, below the 4.5:1 that WCAG AA asks of text. At 80 % they read at about 7:1 and still look
secondary. (Chart text has its own colour in the charts' shared theme, app/charts.py.)
"""

from __future__ import annotations

import streamlit as st

CAPTION_OPACITY = 0.8

_CSS = f"""
<style>
[data-testid="stCaptionContainer"] {{ opacity: {CAPTION_OPACITY}; }}
</style>
"""


def apply_page_style() -> None:
    st.html(_CSS)
