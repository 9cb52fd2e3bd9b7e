"""Scores: every member self-scores every criterion and every other member peer-scores it.

Each unit has a latent strength that persists from year to year (an AR(1) process), so good
years come in runs and trends show. A unit's points on a criterion are its strength plus its
own criterion-level variation, the scorer's leniency and noise; self-scores run a little high,
as they do in practice. A sheet with two equal final scores is drawn again: how clusters break
ties is not known, and an arbitrary tie-break would read as a declared rank that contradicts the
scores.

One model, drawn two ways: a sheet of floats per cluster-year for the province tier (which also
fits the scores to a real ranking), and a members × scorers × criteria array for the national
tier, whose tens of millions of scores are drawn a cluster-year at a time.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import numpy as np

from thidua.generate.criteria import Criterion

_PERSISTENCE = 0.75
_MEAN_SHARE = 0.925
_SPREAD = 0.03
_DETAIL = 0.02  # a unit's own variation per criterion (standard deviation of the share)
_LENIENCY = 0.012  # a scorer's
_SELF_LIFT = (0.005, 0.03)
_NOISE = 0.01
_CLIP = (0.4, 1.0)
_BONUS_SHARE = 0.12  # units with bonus points in a year
_BONUS_SIZES = {100: (0.5, 1.0, 1.5, 2.0), 1000: (5.0, 10.0, 15.0, 20.0)}
_ATTEMPTS = 50
_RANK_SWAP = 0.04  # declared ranks that contradict the scores: the warehouse should flag them


class Strengths:
    """A unit's latent strength per year (standard normal, correlated across years)."""

    def __init__(self, seed: int, first_year: int) -> None:
        self._seed = seed
        self._first_year = first_year
        self._values: dict[tuple[str, int], float] = {}

    def value(self, unit_id: str, year: int) -> float:
        key = (unit_id, year)
        if key not in self._values:
            draw = random.Random(f"{self._seed}:strength:{unit_id}:{year}").gauss(0.0, 1.0)
            if year <= self._first_year:
                self._values[key] = draw
            else:
                previous = self.value(unit_id, year - 1)
                innovation = math.sqrt(1 - _PERSISTENCE**2) * draw
                self._values[key] = _PERSISTENCE * previous + innovation
        return self._values[key]

    def share(self, unit_id: str, year: int) -> float:
        """Expected share of the maximum: most units land between 85 % and 99 %."""
        return min(0.99, max(0.8, _MEAN_SHARE + _SPREAD * self.value(unit_id, year)))

    def shares(self, unit_ids: tuple[str, ...], year: int) -> np.ndarray:
        return np.array([self.share(u, year) for u in unit_ids])


@dataclass
class ScoreSheet:
    """One cluster-year's scores: points[(unit, scorer)] holds one value per criterion."""

    criteria: tuple[Criterion, ...]
    members: tuple[str, ...]
    points: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    bonus: dict[str, tuple[int, float]] = field(default_factory=dict)  # unit → (criterion, pts)

    def peer_mean(self, unit_id: str) -> float:
        """Mean peer total: points + bonus, as every other member scored the unit."""
        extra = self.bonus[unit_id][1] if unit_id in self.bonus else 0.0
        peers = [sum(self.points[(unit_id, s)]) + extra for s in self.members if s != unit_id]
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
    leniency = {s: rng.gauss(0.0, _LENIENCY) for s in members}
    for unit_id in members:
        detail = [rng.gauss(0.0, _DETAIL) for _ in criteria]
        self_lift = rng.uniform(*_SELF_LIFT)
        for scorer_id in members:
            lift = self_lift if scorer_id == unit_id else leniency[scorer_id]
            row = []
            for criterion, own in zip(criteria, detail, strict=True):
                share = shares[unit_id] + own + lift + rng.gauss(0.0, _NOISE)
                share = min(_CLIP[1], max(_CLIP[0], share))
                step = _step(criterion.max_points, scale)
                row.append(
                    min(float(criterion.max_points), _round(share * criterion.max_points, step))
                )
            sheet.points[(unit_id, scorer_id)] = row
        if rng.random() < _BONUS_SHARE:
            # Bonus points reward a distinction (an award, a model initiative): emulation group.
            index = next((i for i, c in enumerate(criteria) if c.code.startswith("TC2.")), 0)
            sheet.bonus[unit_id] = (index, rng.choice(_BONUS_SIZES[scale]))
    return sheet


def declared_order(
    rng: random.Random, order: list[str], allowed: bool = True
) -> tuple[tuple[str, ...], int | None]:
    """The ranks as declared: the score order, except for a rare swap of two neighbours (where
    `allowed`); with the position of the first of the two when they are swapped."""
    if rng.random() < _RANK_SWAP and allowed:
        i = rng.randrange(len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
        return tuple(order), i
    return tuple(order), None


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
    for _attempt in range(_ATTEMPTS):
        drawn = draw_scores(rng, members, criteria, _lifted(shares, known_top, gap))
        if not _has_ties(drawn) and tuple(drawn.order()[: len(known_top)]) == known_top:
            return drawn
        gap += 0.004 if known_top else 0.0
    raise RuntimeError(f"could not draw untied scores led by {known_top}")


# --- the model as arrays: points in halves (100-point tables) or whole points (1000-point ones);
# the final score, as the warehouse computes it, is the mean peer total plus the bonus


@dataclass(frozen=True, eq=False)
class CriteriaTable:
    """A criteria table as arrays, for scoring a whole cluster-year at once."""

    scale: int
    codes: tuple[str, ...]  # "TC1.2": group 1, criterion 2
    groups: tuple[str, ...]  # group name, per criterion
    names: tuple[str, ...]
    maxima: np.ndarray  # float64, per criterion; sums to `scale`
    bonus_index: int  # where bonus points are written: the emulation group's first criterion

    @classmethod
    def of(cls, criteria: tuple[Criterion, ...], bonus_group: str) -> CriteriaTable:
        groups = tuple(c.group for c in criteria)
        return cls(
            sum(c.max_points for c in criteria),
            tuple(c.code for c in criteria),
            groups,
            tuple(c.name for c in criteria),
            np.array([c.max_points for c in criteria], dtype=np.float64),
            groups.index(bonus_group),  # every table has the emulation group
        )

    @property
    def step(self) -> float:
        """Scorers give halves on a 100-point table, whole points on a 1000-point one."""
        return 0.5 if self.scale == 100 else 1.0


@dataclass(frozen=True, eq=False)
class ScoreArray:
    points: np.ndarray  # (m, m, c) float64: scored unit × scorer × criterion
    bonus: np.ndarray  # (m,) float64, 0 where none
    final: np.ndarray  # (m,) float64: mean peer total + bonus

    def order(self) -> np.ndarray:
        """Member positions by final score, best first (no ties, see module doc)."""
        return np.argsort(-self.final, kind="stable")


def _draw(rng: np.random.Generator, shares: np.ndarray, table: CriteriaTable) -> ScoreArray:
    m, c = len(shares), len(table.maxima)
    detail = rng.normal(0.0, _DETAIL, (m, 1, c))
    leniency = rng.normal(0.0, _LENIENCY, m)
    lift = np.broadcast_to(leniency, (m, m)).copy()
    lift[np.diag_indices(m)] = rng.uniform(*_SELF_LIFT, m)  # self-scores run a little high
    noise = rng.normal(0.0, _NOISE, (m, m, c))
    share = np.clip(shares[:, None, None] + detail + lift[:, :, None] + noise, *_CLIP)
    step = table.step
    points = np.minimum(np.round(share * table.maxima / step) * step, table.maxima)
    has_bonus = rng.random(m) < _BONUS_SHARE
    bonus = np.where(has_bonus, rng.choice(np.array(_BONUS_SIZES[table.scale]), m), 0.0)
    totals = points.sum(axis=2)
    peer = (totals.sum(axis=1) - np.diag(totals)) / (m - 1)
    return ScoreArray(points, bonus, peer + bonus)


def _exact_finals(sheet: ScoreArray) -> np.ndarray:
    """Final scores × 2 × (peers), as integers: halves and whole points add up exactly."""
    m = len(sheet.bonus)
    halves = np.rint(sheet.points * 2).astype(np.int64).sum(axis=2)
    peer = halves.sum(axis=1) - np.diag(halves)
    finals: np.ndarray = peer + np.rint(sheet.bonus * 2).astype(np.int64) * (m - 1)
    return finals


def draw_score_array(
    rng: np.random.Generator, shares: np.ndarray, table: CriteriaTable
) -> ScoreArray:
    for _ in range(_ATTEMPTS):
        sheet = _draw(rng, shares, table)
        if len(np.unique(_exact_finals(sheet))) == len(shares):
            return sheet
    raise RuntimeError("could not draw untied scores")
