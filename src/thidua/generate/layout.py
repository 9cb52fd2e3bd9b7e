"""The Thanh Hóa layout: which clusters and blocks exist in which years, and who sits in them.

UBND tỉnh Thanh Hóa formed 19 clusters and blocks for 2015 (decision 2013/QĐ-UBND of 2/6/2015),
so the layout starts with exactly 19 and grows as departments and blocks are split off. The real
clusters keep their real composition (Cụm 3: the 11 mountain districts; Cụm 5, 7 and 8: the units
the articles list); the rest is a plausible arrangement of real units. The layout is data
(`data/thanh_hoa_clusters.yaml`): roster periods with the pre-2025 unit ids. The 2025
reorganisation is not written there: rosters follow the lineage seed (merged units are replaced
by their successor), and a district cluster ends with 2024 because the district level was
abolished on 1/7/2025.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from thidua.generate.tables import read_yaml
from thidua.normalize import parse_cluster_ref

_TABLE = read_yaml("thanh_hoa_clusters.yaml")
ORGANIZER_ID: str = _TABLE["organizer_id"]
ORGANIZER_NAME: str = _TABLE["organizer_name"]
FIRST_YEAR: int = _TABLE["first_year"]
LAST_YEAR: int = _TABLE["last_year"]
# The 2015 clusters were formed by decision 2013/QĐ-UBND of 2/6/2015: no covenant before that.
FORMED_2015 = (dt.date(2015, 6, 3), dt.date(2015, 6, 30))

# Criteria families: what a cluster's criteria table talks about (a national system's provincial
# and district branches have their own).
Theme = Literal["district", "agency", "enterprise", "service", "branch"]


@dataclass(frozen=True)
class RosterPeriod:
    from_year: int
    to_year: int
    unit_ids: tuple[str, ...]


@dataclass(frozen=True)
class ClusterSpec:
    ref: str  # as written in files, e.g. "Cụm thi đua số 3"
    name: str
    description: str
    theme: Theme
    valid_from_year: int
    valid_to_year: int
    periods: tuple[RosterPeriod, ...]

    @property
    def cluster_id(self) -> str:
        parsed = parse_cluster_ref(self.ref)
        if parsed is None:
            raise ValueError(f"cluster reference {self.ref!r} does not parse")
        return parsed.cluster_id(ORGANIZER_ID)

    @property
    def number(self) -> int | None:
        parsed = parse_cluster_ref(self.ref)
        return parsed.number if parsed else None

    def active(self, year: int) -> bool:
        return self.valid_from_year <= year <= self.valid_to_year

    def base_roster(self, year: int) -> tuple[str, ...]:
        for period in self.periods:
            if period.from_year <= year <= period.to_year:
                return period.unit_ids
        raise LookupError(f"{self.ref}: no roster for {year}")


def _cluster(entry: dict[str, Any]) -> ClusterSpec:
    periods = tuple(
        RosterPeriod(r["years"][0], r["years"][1], tuple(r["units"])) for r in entry["rosters"]
    )
    first, last = entry["years"]
    return ClusterSpec(
        entry["ref"], entry["name"], entry["description"], entry["theme"], first, last, periods
    )


PROVINCE_LAYOUT: tuple[ClusterSpec, ...] = tuple(_cluster(c) for c in _TABLE["clusters"])


def layout(tier: str) -> tuple[ClusterSpec, ...]:
    if tier == "province":
        return PROVINCE_LAYOUT
    raise ValueError(f"unknown tier {tier!r} (available: province)")
