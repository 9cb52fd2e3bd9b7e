"""The generator's reference tables, shipped as data files in `generate/data/`.

Tables a person maintains (the Thanh Hóa layout, the provinces before and after the 2025 merger,
the national cluster systems, a province's pools of units) are data, not code: YAML where a
record nests, CSV where it is flat.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files
from typing import Any

import yaml  # type: ignore[import-untyped]

_DATA = files("thidua.generate").joinpath("data")


@cache
def read_yaml(name: str) -> Any:
    return yaml.safe_load(_DATA.joinpath(name).read_text(encoding="utf-8"))


@cache
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    lines = _DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    return tuple(csv.DictReader(lines))
