"""The national layout at a scale: which clusters exist, under which reference, with whom.

Scale keeps whole pools, stratum by stratum (a province's departments, its other blocks, its
districts, its 2025 communes; a national system's central units, provincial branches, district
branches), each stratum in proportion, at least one pool each: so even a 1 % tier holds the
2025 department merges, the end of the district level and the 63 → 34 merger. Which pools are
kept and how clusters are numbered do not depend on the seed or on the scale (a cluster keeps
its number in every tier); who sits where does depend on the seed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from thidua.generate.layout import Cluster
from thidua.generate.national_pools import all_pools
from thidua.generate.national_rosters import build_rosters, planned_clusters
from thidua.generate.national_units import (
    OrganizerSpec,
    PoolSpec,
    UnitSpec,
    stable_fraction,
    stable_int,
)
from thidua.normalize import match_key, parse_cluster_ref

STRATA = (  # the small strata first, the large ones last (see select_pools)
    "province_departments",
    "province_communes",
    "province_districts",
    "national_central",
    "national_branches",
    "province_other",
    "national_districts",
)


@dataclass(frozen=True)
class Layout:
    organizers: tuple[OrganizerSpec, ...]
    units: dict[str, UnitSpec]
    clusters: tuple[Cluster, ...]


def _refs(pools: tuple[PoolSpec, ...]) -> dict[str, list[tuple[str, int | None]]]:
    """pool key → the reference and number of each of its clusters, numbered per organiser
    and kind over the whole country."""
    counters: dict[tuple[str, str], int] = {}
    refs: dict[str, list[tuple[str, int | None]]] = {}
    for pool in pools:
        k = planned_clusters(pool)
        if pool.block_name and k == 1:
            refs[pool.key] = [(pool.block_name, None)]
            continue
        start = counters.get((pool.organizer_id, pool.kind), 0)
        word = "Cụm" if pool.kind == "cum" else "Khối"
        refs[pool.key] = [(f"{word} thi đua số {n}", n) for n in range(start + 1, start + k + 1)]
        counters[(pool.organizer_id, pool.kind)] = start + k
    return refs


def _weight(pool: PoolSpec) -> int:
    """What a pool adds to the tier: its cluster-years (rows follow them, not clusters: a
    2025 commune cluster holds one year, a department block twenty)."""
    return planned_clusters(pool) * (pool.last_year - pool.first_year + 1)


def select_pools(pools: tuple[PoolSpec, ...], scale: float) -> list[PoolSpec]:
    """The pools of the tier: at least one per stratum, each stratum near its share of the
    cluster-years. A stratum's first pool may overshoot its share (a province's departments
    hold 60 cluster-years); the strata after it make up for that, the large ones coming last."""
    if not 0 < scale <= 1:
        raise ValueError(f"scale must be in (0, 1], not {scale}")
    chosen: set[str] = set()
    target = 0.0
    taken = 0
    for stratum in STRATA:
        members = [p for p in pools if p.stratum == stratum]
        target += scale * sum(_weight(p) for p in members)
        first = True
        for pool in sorted(members, key=lambda p: stable_fraction(f"select:{p.key}")):
            weight = _weight(pool)
            # a pool is kept when it brings the tier closer to its target
            if first or abs(taken + weight - target) < abs(taken - target):
                chosen.add(pool.key)
                taken += weight
                first = False
    return [p for p in pools if p.key in chosen]


def _check_names(units: dict[str, UnitSpec]) -> None:
    """Every name and short name resolves to one unit within its organiser."""
    owners: dict[tuple[str, str], str] = {}
    for unit in units.values():
        for name in {unit.name, unit.short_name} - {None}:
            key = (unit.organizer_id, match_key(str(name)))
            if owners.setdefault(key, unit.unit_id) != unit.unit_id:
                raise ValueError(f"{name!r} names {owners[key]} and {unit.unit_id}")


def build_layout(seed: int, scale: float) -> Layout:
    organizers, pools = all_pools()
    refs = _refs(pools)
    names = {o.organizer_id: o for o in organizers}
    clusters: list[Cluster] = []
    units: dict[str, UnitSpec] = {}
    for pool in select_pools(pools, scale):
        by_id = {u.unit_id: u for u in pool.units}
        rng = np.random.Generator(
            np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(stable_int(pool.key),)))
        )
        slots = build_rosters(pool, len(refs[pool.key]), rng)
        for (ref, number), rosters in zip(refs[pool.key], slots, strict=True):
            if not rosters:
                continue
            parsed = parse_cluster_ref(ref)
            if parsed is None:
                raise ValueError(f"cluster reference {ref!r} does not parse")
            label = ref if number is None else f"{ref} – {pool.label}"
            clusters.append(
                Cluster(
                    parsed.cluster_id(pool.organizer_id),
                    pool.organizer_id,
                    ref,
                    number,
                    label,
                    f"{names[pool.organizer_id].name}: {pool.label}",
                    pool.theme,
                    rosters,
                )
            )
            for roster in rosters.values():
                for unit_id in roster:
                    units.setdefault(unit_id, by_id[unit_id])
    ids = [c.cluster_id for c in clusters]
    if len(set(ids)) != len(ids):
        raise ValueError("two clusters share an id")
    _check_names(units)
    kept = {c.organizer_id for c in clusters}
    return Layout(
        tuple(o for o in organizers if o.organizer_id in kept),
        dict(sorted(units.items())),
        tuple(clusters),
    )
