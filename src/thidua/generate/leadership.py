"""Who leads a cluster each year: one leader, one deputy (sometimes two).

Leadership rotates every year: the leader never stays on, and the deputy often, not always,
takes over the next year. Roles a real record states are kept, and the deputy before a known
leader is, more often than not, that leader, so the tendency holds around the real years as well
(the national tier knows no real roles: it passes none).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_DEPUTY_SUCCEEDS = 0.6
_TWO_DEPUTIES = 0.15


@dataclass(frozen=True)
class Leadership:
    leader: str
    deputies: tuple[str, ...]

    def role(self, unit_id: str) -> str:
        if unit_id == self.leader:
            return "leader"
        return "deputy" if unit_id in self.deputies else "member"


def choose_leadership(
    rng: random.Random,
    members: tuple[str, ...],
    previous: Leadership | None,
    known_roles: dict[str, str] | None = None,
    next_leader: str | None = None,
) -> Leadership:
    """This year's leadership; `next_leader` is next year's leader when a real record states it."""
    known_roles = known_roles or {}
    known_leaders = [u for u, role in known_roles.items() if role == "leader" and u in members]
    known_deputies = [u for u, role in known_roles.items() if role == "deputy" and u in members]
    if known_leaders:
        leader = known_leaders[0]
    else:
        last_deputies = [
            d
            for d in (previous.deputies if previous else ())
            if d in members and d not in known_deputies
        ]
        if last_deputies and rng.random() < _DEPUTY_SUCCEEDS:
            leader = last_deputies[0]
        else:
            barred = {previous.leader} if previous else set()
            candidates = [u for u in members if u not in barred and u not in known_deputies]
            leader = rng.choice(candidates)
    deputies = [d for d in known_deputies if d != leader]
    if not deputies:
        wanted = 2 if len(members) >= 8 and rng.random() < _TWO_DEPUTIES else 1
        if next_leader in members and next_leader != leader and rng.random() < _DEPUTY_SUCCEEDS:
            deputies.append(next_leader)
        pool = [u for u in members if u != leader and u not in deputies]
        while len(deputies) < wanted:
            deputies.append(pool.pop(rng.randrange(len(pool))))
    return Leadership(leader, tuple(deputies))
