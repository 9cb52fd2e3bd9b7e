"""The dashboard's server process: Streamlit's own command line, the app's modules imported first.

A Streamlit server imports what the app's pages use when it runs a page for its first visitor:
Altair, Polars, DuckDB's bindings and the app's own modules. On this project's machine that made
the first page after `thidua serve` (or `make run`) take 3–4 s to draw where every later visit
took ~1 s. Imported here, before the server listens, they are already in the process when the
first page runs: the server takes that long longer to start, before anyone is waiting for it.

The app's modules are the files beside its entry script (app/*.py, which the pages import by
name: Streamlit puts that folder on the import path as it runs the script), but for the entry
script itself, which draws the page as it runs.
"""

from __future__ import annotations

import importlib
import sys

from thidua.paths import APP_ENTRY


def preload_app_modules() -> list[str]:
    """Import every module of the app's folder but the entry script; their names."""
    folder = APP_ENTRY.parent
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    names = sorted(p.stem for p in folder.glob("*.py") if p != APP_ENTRY)
    for name in names:
        importlib.import_module(name)
    return names


def main() -> None:
    preload_app_modules()
    from streamlit.web import cli

    sys.argv = ["streamlit", *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
