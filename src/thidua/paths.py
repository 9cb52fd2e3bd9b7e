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


def usable_home(explicit: str | os.PathLike[str] | None = None) -> Home:
    """`home()`, checked: a folder (or a place one can be made), not a file or a missing device.

    Raises UserError in words; whether it can be written is found when something is written
    (a read-only home still serves `thidua sql` and the dashboard).
    """
    from thidua.errors import UserError

    where = home(explicit)
    root = where.root
    if root.exists() and not root.is_dir():
        raise UserError(
            f"thư mục dữ liệu {root} là một tệp, không phải thư mục; hãy chọn --home khác",
            f"the data folder {root} is a file, not a folder; choose another --home",
        )
    parent = next((p for p in (root, *root.parents) if p.exists()), None)
    if parent is None or not parent.is_dir() or str(root).startswith(("/proc/", "/sys/")):
        raise UserError(
            f"không tạo được thư mục dữ liệu {root}; hãy chọn --home trong một thư mục ghi được",
            f"the data folder {root} cannot be created; choose a --home in a writable folder",
        )
    return where
