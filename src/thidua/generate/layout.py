"""Cluster layouts: which clusters and blocks exist in which years, and who sits in them.

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
class Cluster:
    """A cluster or block of one organiser, with who sits in it each results year: the layout
    type of both tiers."""

    cluster_id: str
    organizer_id: str
    ref: str  # canonical reference: "Cụm thi đua số 12", "Khối thi đua các ngân hàng"
    number: int | None
    name: str
    note: str
    theme: Theme
    rosters: dict[int, tuple[str, ...]]  # results year → unit ids

    @property
    def first_year(self) -> int:
        return min(self.rosters)

    @property
    def last_year(self) -> int:
        return max(self.rosters)

    def active(self, year: int) -> bool:
        return year in self.rosters


def _configured(entry: dict[str, Any]) -> Cluster:
    """A Thanh Hóa cluster as configured: its roster periods spread over its years (pre-2025
    unit ids; `rosters.seat` applies the lineage and the real rosters)."""
    parsed = parse_cluster_ref(entry["ref"])
    if parsed is None:
        raise ValueError(f"cluster reference {entry['ref']!r} does not parse")
    first, last = entry["years"]
    rosters: dict[int, tuple[str, ...]] = {}
    for period in entry["rosters"]:
        from_year, to_year = period["years"]
        rosters.update({y: tuple(period["units"]) for y in range(from_year, to_year + 1)})
    if sorted(rosters) != list(range(first, last + 1)):
        raise LookupError(f"{entry['ref']}: the roster periods do not cover {first}–{last}")
    return Cluster(
        parsed.cluster_id(ORGANIZER_ID),
        ORGANIZER_ID,
        entry["ref"],
        parsed.number,
        entry["name"],
        entry["description"],
        entry["theme"],
        rosters,
    )


PROVINCE_LAYOUT: tuple[Cluster, ...] = tuple(_configured(c) for c in _TABLE["clusters"])
