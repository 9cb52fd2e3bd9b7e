"""The dashboard's own address, for links written into files (XLSX, CSV, Word reports).

Inside the dashboard a link to another page is relative (`don-vi?unit=…`) and the browser
resolves it; a downloaded file has no page to resolve it against, so its links must be whole.
The address is, first found:

1. `THIDUA_PUBLIC_URL` (e.g. `https://thidua.example.gov.vn/`): the address colleagues use, which
   need not be the one this browser used (a proxy, a tunnel, `localhost` on the server itself);
2. the address this browser reached the dashboard at (`st.context.url`) with the server's base
   path (`server.baseUrlPath`);
3. `http://localhost:<server.port>/`, where `thidua serve` listens by default.
"""

from __future__ import annotations

import os
from urllib.parse import urljoin, urlsplit

import streamlit as st

PUBLIC_URL_ENV = "THIDUA_PUBLIC_URL"


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _base_path() -> str:
    path = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{path}/" if path else "/"


def base_url() -> str:
    """The address the dashboard's pages hang from, ending in "/"."""
    configured = os.environ.get(PUBLIC_URL_ENV, "").strip()
    if configured:
        return _with_slash(configured)
    seen = st.context.url
    if seen:
        parts = urlsplit(seen)
        if parts.scheme and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}{_base_path()}"
    return f"http://localhost:{st.get_option('server.port')}{_base_path()}"


def absolute(href: str, base: str) -> str:
    """`href` (e.g. "don-vi?unit=th-so-tu-phap") as a whole address under `base`."""
    return urljoin(_with_slash(base), href)
