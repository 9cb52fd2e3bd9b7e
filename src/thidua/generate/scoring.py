"""Scores: every member self-scores every criterion and every other member peer-scores it.

Each unit has a latent strength that persists from year to year (an AR(1) process), so good
years come in runs and trends show. A unit's points on a criterion are its strength plus its
own criterion-level variation, the scorer's leniency and noise; self-scores run a little high,
as they do in practice.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from thidua.generate.criteria import Criterion
from thidua.generate.layout import FIRST_YEAR

_PERSISTENCE = 0.75
_MEAN_SHARE = 0.925
_SPREAD = 0.03
_BONUS_SHARE = 0.12  # units with bonus points in a year


class Strengths:
    """A unit's latent strength per year (standard normal, correlated across years)."""

    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._values: dict[tuple[str, int], float] = {}

    def value(self, unit_id: str, year: int) -> float:
        key = (unit_id, year)
        if key not in self._values:
            draw = random.Random(f"{self._seed}:strength:{unit_id}:{year}").gauss(0.0, 1.0)
            if year <= FIRST_YEAR:
                self._values[key] = draw
            else:
                previous = self.value(unit_id, year - 1)
                innovation = math.sqrt(1 - _PERSISTENCE**2) * draw
                self._values[key] = _PERSISTENCE * previous + innovation
        return self._values[key]

    def share(self, unit_id: str, year: int) -> float:
        """Expected share of the maximum: most units land between 85 % and 99 %."""
        return min(0.99, max(0.8, _MEAN_SHARE + _SPREAD * self.value(unit_id, year)))


@dataclass
class ScoreSheet:
    """One cluster-year's scores: points[(unit, scorer)] holds one value per criterion."""

    criteria: tuple[Criterion, ...]
    members: tuple[str, ...]
    points: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    bonus: dict[str, tuple[int, float]] = field(default_factory=dict)  # unit → (criterion, pts)

    def total(self, unit_id: str, scorer_id: str) -> float:
        extra = self.bonus[unit_id][1] if unit_id in self.bonus else 0.0
        return sum(self.points[(unit_id, scorer_id)]) + extra

    def peer_mean(self, unit_id: str) -> float:
        peers = [self.total(unit_id, s) for s in self.members if s != unit_id]
        return sum(peers) / len(peers)

    def order(self) -> list[str]:
        """Members by mean peer total (points + bonus), best first."""
        return sorted(self.members, key=lambda u: (-self.peer_mean(u), u))


def _step(max_points: int, scale: int) -> float:
    """Scorers give whole points on a 1000-point table, halves (quarters) on a 100-point one."""
    if scale >= 1000:
        return 1.0
    return 0.5 if max_points >= 4 else 0.25


def _round(value: float, step: float) -> float:
    return round(round(value / step) * step, 2)


def draw_scores(
    rng: random.Random,
    members: tuple[str, ...],
    criteria: tuple[Criterion, ...],
    shares: dict[str, float],
) -> ScoreSheet:
    sheet = ScoreSheet(criteria, members)
    scale = sum(c.max_points for c in criteria)
    leniency = {s: rng.gauss(0.0, 0.012) for s in members}
    for unit_id in members:
        detail = [rng.gauss(0.0, 0.02) for _ in criteria]
        self_lift = rng.uniform(0.005, 0.03)
        for scorer_id in members:
            lift = self_lift if scorer_id == unit_id else leniency[scorer_id]
            row = []
            for criterion, own in zip(criteria, detail, strict=True):
                share = shares[unit_id] + own + lift + rng.gauss(0.0, 0.01)
                share = min(1.0, max(0.4, share))
                step = _step(criterion.max_points, scale)
                row.append(
                    min(float(criterion.max_points), _round(share * criterion.max_points, step))
                )
            sheet.points[(unit_id, scorer_id)] = row
        if rng.random() < _BONUS_SHARE:
            # Bonus points reward a distinction (an award, a model initiative): emulation group.
            index = next((i for i, c in enumerate(criteria) if c.code.startswith("TC2.")), 0)
            sizes = (0.5, 1.0, 1.5, 2.0) if scale == 100 else (5.0, 10.0, 15.0, 20.0)
            sheet.bonus[unit_id] = (index, rng.choice(sizes))
    return sheet


def _lifted(shares: dict[str, float], top: tuple[str, ...], gap: float) -> dict[str, float]:
    """Shares reordered so that `top` leads, in order, each `gap` ahead of the next."""
    ranked = sorted(shares.values(), reverse=True)
    lifted = dict(shares)
    ceiling = ranked[0]
    for position, unit_id in enumerate(top):
        lifted[unit_id] = min(ranked[position], ceiling)
        ceiling = lifted[unit_id] - gap
    for unit_id in shares:
        if unit_id not in top:
            lifted[unit_id] = min(shares[unit_id], ceiling)
    return lifted


def _has_ties(sheet: ScoreSheet) -> bool:
    means = [round(sheet.peer_mean(u), 6) for u in sheet.members]
    return len(set(means)) < len(means)


def draw_score_sheet(
    rng: random.Random,
    members: tuple[str, ...],
    criteria: tuple[Criterion, ...],
    shares: dict[str, float],
    known_top: tuple[str, ...] = (),
) -> ScoreSheet:
    """Scores whose mean-peer order starts with `known_top` (a real ranking), in that order.

    A sheet with two equal mean peer totals is drawn again: how clusters break ties (a vote,
    a rule) is not known, and an arbitrary tie-break would read as a declared rank that
    contradicts the scores, which is reserved for the deliberate inconsistencies.
    """
    gap = 0.012
    for _attempt in range(50):
        drawn = draw_scores(rng, members, criteria, _lifted(shares, known_top, gap))
        if not _has_ties(drawn) and tuple(drawn.order()[: len(known_top)]) == known_top:
            return drawn
        gap += 0.004 if known_top else 0.0
    raise RuntimeError(f"could not draw untied scores led by {known_top}")
