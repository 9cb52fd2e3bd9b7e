"""The dashboard's SQL (thidua.query.dashboard) stands without Streamlit.

The benchmark times every page's queries through `pages.page_queries()` and scripts may build them
too; neither should start a Streamlit runtime to get at SQL. Running the queries on the sample is
tests/test_app.py's (test_every_registered_query_runs_on_the_sample).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import thidua.query.dashboard as dashboard

FOLDER = Path(dashboard.__file__).parent


def _modules() -> list[Path]:
    found = sorted(FOLDER.glob("*.py"))
    assert {p.stem for p in found} >= {"__init__", "common", "pages"}, found
    return found


def _imported(path: Path) -> set[str]:
    """The absolute module names one file imports."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_dashboard_query_module_imports_streamlit() -> None:
    streamlit = {
        path.name: sorted(n for n in _imported(path) if n.split(".")[0] == "streamlit")
        for path in _modules()
    }
    assert {name: found for name, found in streamlit.items() if found} == {}


def test_importing_every_dashboard_query_module_leaves_streamlit_unloaded() -> None:
    # In a fresh interpreter: this one may hold Streamlit already, from the app's tests.
    modules = [f"thidua.query.dashboard.{p.stem}" for p in _modules() if p.stem != "__init__"]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]", done.stdout
