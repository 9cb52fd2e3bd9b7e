"""The cluster a page opens on when no link names one: a real cluster (from the seed articles)
before any synthetic one, else the first listed, so an analyst never lands on generated data
while real data is there. The pickers themselves need a Streamlit run (tests/test_app.py)."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import polars as pl
import pytest


@pytest.fixture
def pickers(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/pickers.py, imported as Streamlit imports the app's modules."""
    return app_module("pickers")


def _options(rows: list[tuple[str, str, bool]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["cluster_id", "cluster_name", "is_synthetic"], orient="row")


def test_the_first_real_cluster_is_the_default(pickers: ModuleType) -> None:
    options = _options(
        [
            ("sim-ubnd:cum-01", "Cụm thi đua số 1 (mô phỏng)", True),
            ("th-ubnd:cum-08", "Cụm thi đua số 8", False),
            ("hb-ubnd:khoi-02", "Khối Hòa Bình", False),
        ]
    )
    assert pickers.default_cluster(options) == "th-ubnd:cum-08"


def test_without_real_clusters_the_first_listed_is_the_default(pickers: ModuleType) -> None:
    options = _options(
        [
            ("sim-ubnd:cum-03", "Cụm Sở GD&ĐT (mô phỏng)", True),
            ("sim-ubnd:cum-01", "Cụm Hoà Bình (mô phỏng)", True),
        ]
    )
    assert pickers.default_cluster(options) == "sim-ubnd:cum-03"
