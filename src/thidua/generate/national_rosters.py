"""Who sits in which cluster of a pool, year by year.

A pool's units are shared out among its clusters when the pool's system is formed (5–14 each);
from then on a unit keeps its seat, except when clusters are re-formed at the start of a new
term (a few units change cluster). A unit that ceases hands its seat to its successor (the 2025
mergers); a new unit joins the smallest cluster. When too few units remain for every cluster to
keep five members, the smallest cluster ends and its members join the others: clusters never
come back once ended, so each cluster's years run without a gap.
"""

from __future__ import annotations

import math

import numpy as np

from thidua.generate.national_units import PoolSpec, stable_fraction
from thidua.generate.rosters import MAX_MEMBERS, MIN_MEMBERS

RESHUFFLE_YEARS = (2011, 2016, 2021)  # new terms of the People's Councils: clusters re-formed
_RESHUFFLE_SHARE = 0.15

SlotRosters = list[dict[int, tuple[str, ...]]]  # per cluster of the pool: year → unit ids


def planned_clusters(pool: PoolSpec) -> int:
    """How many clusters the pool is formed with: about one per 7.5–10.5 units, always a
    number that lets every cluster hold 5–14 of the pool's largest roster."""
    peak = pool.peak
    if peak < MIN_MEMBERS:
        raise ValueError(f"{pool.key}: {peak} units cannot form a cluster")
    target = 7.5 + 3.0 * stable_fraction(f"target:{pool.key}")
    low, high = math.ceil(peak / MAX_MEMBERS), peak // MIN_MEMBERS
    return min(high, max(low, round(peak / target)))


def _initial_sizes(rng: np.random.Generator, n: int, k: int) -> list[int]:
    sizes = np.clip(np.floor(rng.dirichlet(np.full(k, 6.0)) * n), MIN_MEMBERS, MAX_MEMBERS)
    result = [int(s) for s in sizes]
    while sum(result) < n:
        open_slots = [i for i, s in enumerate(result) if s < MAX_MEMBERS]
        result[open_slots[int(rng.integers(len(open_slots)))]] += 1
    while sum(result) > n:
        open_slots = [i for i, s in enumerate(result) if s > MIN_MEMBERS]
        result[open_slots[int(rng.integers(len(open_slots)))]] -= 1
    return result


class _Pool:
    """The seats of one pool as they evolve."""

    def __init__(self, pool: PoolSpec, k: int, rng: np.random.Generator) -> None:
        self.pool = pool
        self.rng = rng
        self.order = {u.unit_id: i for i, u in enumerate(pool.units)}
        self.successor = {u.unit_id: u.successor for u in pool.units}
        self.seat: dict[str, int] = {}
        self.active = [True] * k
        self.rosters: SlotRosters = [{} for _ in range(k)]

    def members(self, slot: int) -> list[str]:
        return [u for u, s in self.seat.items() if s == slot]

    def sizes(self) -> dict[int, int]:
        counts = {slot: 0 for slot, on in enumerate(self.active) if on}
        for slot in self.seat.values():
            if slot in counts:  # members of a cluster just ended are being re-seated
                counts[slot] += 1
        return counts

    def form(self, alive: list[str]) -> None:
        # A pool formed when fewer units exist than at its peak forms fewer clusters; the ones
        # it never forms simply never exist.
        k = min(len(self.active), len(alive) // MIN_MEMBERS)
        for slot in range(k, len(self.active)):
            self.active[slot] = False
        if k == 0:
            return
        shuffled = [alive[int(i)] for i in self.rng.permutation(len(alive))]
        start = 0
        for slot, size in enumerate(_initial_sizes(self.rng, len(alive), k)):
            for unit_id in shuffled[start : start + size]:
                self.seat[unit_id] = slot
            start += size

    def carry_over(self, alive: list[str]) -> None:
        alive_set = set(alive)
        for unit_id in list(self.seat):
            if unit_id in alive_set:
                continue
            slot = self.seat.pop(unit_id)
            successor = self.successor.get(unit_id)
            if successor in alive_set and successor not in self.seat:
                self.seat[successor] = slot  # the successor takes the seat
        for unit_id in alive:
            if unit_id not in self.seat and any(self.active):
                sizes = self.sizes()
                self.seat[unit_id] = min(sizes, key=lambda s: (sizes[s], s))

    def reshuffle(self) -> None:
        """Swap some units between clusters (sizes stay as they are)."""
        slots = [s for s, on in enumerate(self.active) if on]
        if len(slots) < 2:
            return
        units = sorted(self.seat, key=self.order.__getitem__)
        swaps = max(1, round(_RESHUFFLE_SHARE * len(units) / 2))
        for _ in range(swaps):
            a, b = (units[int(i)] for i in self.rng.choice(len(units), size=2, replace=False))
            self.seat[a], self.seat[b] = self.seat[b], self.seat[a]

    def _move(self, source: int, target: int) -> None:
        candidates = sorted(self.members(source), key=self.order.__getitem__)
        self.seat[candidates[int(self.rng.integers(len(candidates)))]] = target

    def rebalance(self) -> None:
        while True:
            sizes = self.sizes()
            if not sizes:
                return
            total = sum(sizes.values())
            if total < MIN_MEMBERS:  # the pool is too small to hold any cluster
                for slot in sizes:
                    self.active[slot] = False
                self.seat.clear()
                return
            smallest = min(sizes, key=lambda s: (sizes[s], s))
            largest = max(sizes, key=lambda s: (sizes[s], -s))
            if sizes[smallest] < MIN_MEMBERS:
                if total >= MIN_MEMBERS * len(sizes):
                    self._move(largest, smallest)
                else:  # the smallest cluster ends; its members join the others
                    leaving = sorted(self.members(smallest), key=self.order.__getitem__)
                    self.active[smallest] = False
                    for unit_id in leaving:
                        rest = self.sizes()
                        self.seat[unit_id] = min(rest, key=lambda s: (rest[s], s))
                continue
            if sizes[largest] > MAX_MEMBERS:
                if sizes[smallest] >= MAX_MEMBERS:
                    raise ValueError(f"{self.pool.key}: too many units for its clusters")
                self._move(largest, smallest)
                continue
            return

    def record(self, year: int) -> None:
        for slot, on in enumerate(self.active):
            if on:
                members = sorted(self.members(slot), key=self.order.__getitem__)
                self.rosters[slot][year] = tuple(members)


def build_rosters(pool: PoolSpec, k: int, rng: np.random.Generator) -> SlotRosters:
    state = _Pool(pool, k, rng)
    for year in range(pool.first_year, pool.last_year + 1):
        alive = [u.unit_id for u in pool.alive(year)]
        if year == pool.first_year:
            state.form(alive)
        else:
            state.carry_over(alive)
            if year in RESHUFFLE_YEARS:
                state.reshuffle()
        state.rebalance()
        state.record(year)
    return state.rosters
