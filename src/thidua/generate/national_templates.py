"""What the national tier's organisers are made of, read from `data/`: the national cluster
systems (`national_systems.yaml`) and the pools of units a province's People's Committee shares
out among its clusters (`province_pools.yaml`).

Systems: the ministries (and ministry-level central bodies) and the five mass organisations,
each an organiser with its central units, the kinds of branch it runs in every province and,
for some, in every district. In reality a provincial branch runs the clusters of its own
district branches; the records file those clusters under the national organiser, since the
contract knows no sub-organiser (a simplification, said in the report).

Province pools: the kinds of unit are real and common to every province; which of them a given
province has is not modelled (every province gets the full list). The 2025 department
reorganisation (Decree 45/2025/NĐ-CP pattern, 1/3/2025) is written as `successor` (merged into
that unit) and `new` (formed that day); as in the Thanh Hóa seeds, a department that absorbs
another keeps its identity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from thidua.generate.layout import Theme
from thidua.generate.tables import read_yaml

MERGED_ON = dt.date(2025, 3, 1)


@dataclass(frozen=True)
class Family:
    """A kind of branch a system runs in every province (or district)."""

    key: str  # part of the unit id
    name: str  # template
    short: str | None  # template
    unit_type: str
    label: str  # what its clusters group, for cluster names
    theme: Theme = "branch"


@dataclass(frozen=True)
class NationalSystem:
    organizer_id: str
    name: str
    name_en: str
    short_name: str
    level: str  # "ministry" (incl. ministry-level central bodies) or "mass_org"
    head: str  # who signs the system's own awards
    decision_suffix: str  # "QĐ-BTC": how the system's decisions are numbered
    central: tuple[str, ...]
    central_label: str
    branches: tuple[Family, ...] = ()
    districts: tuple[Family, ...] = ()


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    short: str | None = None
    unit_type: str = "department"
    successor: str | None = None  # key of the unit it merges into on MERGED_ON
    new: bool = False  # formed on MERGED_ON


@dataclass(frozen=True)
class PoolTemplate:
    key: str
    label: str
    theme: Theme
    units: tuple[Template, ...]
    block_name: str | None = None


def _system(entry: dict[str, Any]) -> NationalSystem:
    families = {k: tuple(Family(**f) for f in entry.get(k, ())) for k in ("branches", "districts")}
    return NationalSystem(**{**entry, "central": tuple(entry["central"]), **families})


def _pool(entry: dict[str, Any]) -> PoolTemplate:
    return PoolTemplate(**{**entry, "units": tuple(Template(**u) for u in entry["units"])})


_SYSTEMS = read_yaml("national_systems.yaml")
SYSTEMS: tuple[NationalSystem, ...] = tuple(_system(s) for s in _SYSTEMS["systems"])
DOAN_WORDS: dict[str, str] = _SYSTEMS["district_youth_unions"]  # district kind → "Huyện đoàn"…
_POOLS = read_yaml("province_pools.yaml")
DEPARTMENTS = _pool(_POOLS["departments"])
OTHER_POOLS: tuple[PoolTemplate, ...] = tuple(_pool(p) for p in _POOLS["other_pools"])
