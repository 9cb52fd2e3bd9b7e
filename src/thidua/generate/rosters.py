"""Who sits in which cluster each year: layout periods, then lineage, then the real rosters.

A unit sits in at most one of the province's clusters in a year. From the year a unit ceases its
primary successor stands in for it: in the cluster where the successor already sits, else in the
cluster of its first predecessor. A real roster always wins over the layout.
"""

from __future__ import annotations

from dataclasses import replace

from thidua.generate.layout import FIRST_YEAR, LAST_YEAR, Cluster
from thidua.generate.real_facts import RealFacts
from thidua.generate.reference import Reference

MIN_MEMBERS = 5
MAX_MEMBERS = 14


def _year_rosters(
    clusters: tuple[Cluster, ...], year: int, reference: Reference
) -> dict[str, list[str]]:
    active = [cluster for cluster in clusters if cluster.active(year)]
    rosters: dict[str, list[str]] = {cluster.cluster_id: [] for cluster in active}
    placed: dict[str, str] = {}
    successors: list[tuple[str, str]] = []
    for cluster in active:
        for unit_id in cluster.rosters[year]:
            current = reference.current_unit(unit_id, year)
            if current is None:
                continue
            if current != unit_id:
                successors.append((cluster.cluster_id, current))
                continue
            if unit_id in placed:
                raise ValueError(f"{unit_id} sits in {placed[unit_id]} and {cluster.cluster_id}")
            placed[unit_id] = cluster.cluster_id
            rosters[cluster.cluster_id].append(unit_id)
    for cluster_id, unit_id in successors:
        if unit_id not in placed:
            placed[unit_id] = cluster_id
            rosters[cluster_id].append(unit_id)
    return rosters


def _apply_real(rosters: dict[str, list[str]], year: int, real: RealFacts) -> None:
    for (cluster_id, real_year), units in sorted(real.rosters.items()):
        if real_year != year:
            continue
        if cluster_id not in rosters:
            raise ValueError(f"a real roster names {cluster_id} in {year}, not in the layout")
        for other_id, members in rosters.items():
            if other_id != cluster_id:
                members[:] = [u for u in members if u not in units]
        kept = [u for u in rosters[cluster_id] if u in units]
        rosters[cluster_id] = kept + sorted(units - set(kept))


def seat(
    clusters: tuple[Cluster, ...], reference: Reference, real: RealFacts
) -> tuple[Cluster, ...]:
    """The configured clusters with who sits in them each year."""
    seated: dict[str, dict[int, tuple[str, ...]]] = {c.cluster_id: {} for c in clusters}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        rosters = _year_rosters(clusters, year, reference)
        _apply_real(rosters, year, real)
        for cluster_id, members in rosters.items():
            for unit_id in members:
                if not reference.unit(unit_id).exists_for_year(year):
                    raise ValueError(f"{unit_id} does not exist in {year} ({cluster_id})")
            if not MIN_MEMBERS <= len(members) <= MAX_MEMBERS:
                raise ValueError(f"{cluster_id} has {len(members)} members in {year}")
            seated[cluster_id][year] = tuple(members)
    return tuple(replace(c, rosters=seated[c.cluster_id]) for c in clusters)
