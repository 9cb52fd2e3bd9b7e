"""Where thidua keeps its files.

Everything a run writes lives under one home folder (`THIDUA_HOME`, default `warehouse/` in the
project), so tests and parallel runs can each use their own and `rm -rf` resets a machine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = PROJECT_ROOT / "seeds"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
APP_ENTRY = PROJECT_ROOT / "app" / "streamlit_app.py"

# How much memory DuckDB may use while dbt builds (it spills to disk beyond it): a national
# warehouse would otherwise take most of an ordinary machine. `THIDUA_MEMORY_LIMIT` overrides it.
BUILD_MEMORY_LIMIT = os.environ.get("THIDUA_MEMORY_LIMIT", "5GB")

# dbt renders "<database>"."<schema>"."<table>" from the file name, so the build copy and the
# published copy must share it.
WAREHOUSE_FILE_NAME = "thidua.duckdb"


@dataclass(frozen=True)
class Home:
    root: Path

    @property
    def raw_db(self) -> Path:
        return self.root / "raw.duckdb"

    @property
    def published_db(self) -> Path:
        return self.root / WAREHOUSE_FILE_NAME

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def build_db(self) -> Path:
        return self.build_dir / WAREHOUSE_FILE_NAME

    @property
    def dbt_target_dir(self) -> Path:
        return self.build_dir / "dbt-target"

    @property
    def dbt_log_dir(self) -> Path:
        return self.build_dir / "dbt-logs"

    @property
    def generated_dir(self) -> Path:
        return self.root / "generated"


def home(explicit: str | os.PathLike[str] | None = None) -> Home:
    """The home folder: an explicit path, else `THIDUA_HOME`, else `<project>/warehouse`."""
    if explicit is not None:
        return Home(Path(explicit).resolve())
    env = os.environ.get("THIDUA_HOME")
    if env:
        return Home(Path(env).resolve())
    return Home(PROJECT_ROOT / "warehouse")
