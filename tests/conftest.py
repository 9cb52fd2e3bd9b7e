"""Shared fixtures. The warehouse fixture runs the real pipeline (generator, loader, GX, dbt)."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from thidua.paths import APP_ENTRY, Home

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLES_DIR = SHARED / "articles"
DATA_DIR = Path(__file__).resolve().parent / "data"


# No dbt process left waiting after each of the suite's hundreds of builds (and homes), and no
# thidua process after each `thidua load`: the tests of those processes (thidua.warehouse.warm_dbt,
# thidua.warm_command) turn them on for their own. Set here, so the commands the tests start
# (thidua, streamlit, make) inherit it too.
os.environ["THIDUA_WARM_DBT"] = "0"
os.environ["THIDUA_WARM_COMMAND"] = "0"

_exit_status: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _exit_status.append(int(exitstatus))


def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without interpreter teardown, as the `thidua` command does: GX's SQL engine keeps
    DuckDB objects alive until then and nanobind prints pages of "leaked instance" noise."""
    if _exit_status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])


# Fixtures that run the real pipeline: a test using one is an integration test whatever its module
# says, so `make test-fast` (-m "not integration …") never waits for a dbt build.
PIPELINE_FIXTURES = frozenset({"published_home"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if PIPELINE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def published_home(tmp_path_factory: pytest.TempPathFactory) -> Home:
    """A home whose warehouse was published by `thidua demo --no-serve` on the bundled sample."""
    from thidua.demo import run_demo

    home = Home(tmp_path_factory.mktemp("published-home"))
    run_demo(home, seed=1, progress=lambda _line: None, quiet_dbt=True)
    assert home.published_db.exists()
    return home


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Home]:
    """An empty home, also exported as THIDUA_HOME for code that reads the environment."""
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    yield Home(tmp_path)


def copy_warehouse(source: Home, destination: Path) -> Path:
    """A private copy of a published warehouse (for tests that swap or change the file)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(source.published_db.read_bytes())
    return destination


@pytest.fixture
def app_module(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], ModuleType]:
    """Import a module of app/ by name the way Streamlit does (app/ on sys.path)."""
    monkeypatch.syspath_prepend(str(APP_ENTRY.parent))
    return importlib.import_module
