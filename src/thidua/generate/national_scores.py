"""One cluster-year's scores, drawn in one go: a members × scorers × criteria array.

Every member scores every member, itself included. A unit's points on a criterion are its latent
strength (persistent across years, see `Strengths`) plus its own criterion-level variation, the
scorer's leniency and noise; self-scores are a little generous, as in practice. Points are
clipped to [0, max] and rounded to halves (100-point tables) or whole points (1000-point ones);
some units earn bonus points on the emulation group. The final score, as the warehouse computes
it, is the mean peer total plus the bonus; a sheet with two equal final scores is drawn again,
since how clusters break ties is not known and an arbitrary tie-break would read as a declared
rank that contradicts the scores.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from thidua.generate.national_criteria import CriteriaTable
from thidua.generate.national_units import FIRST_YEAR, LAST_YEAR, stable_int

_PERSISTENCE = 0.75
_MEAN_SHARE = 0.925
_SPREAD = 0.03
_BONUS_SHARE = 0.12
_BONUS_SIZES = {100: np.array([0.5, 1.0, 1.5, 2.0]), 1000: np.array([5.0, 10.0, 15.0, 20.0])}
_ATTEMPTS = 50


class Strengths:
    """A unit's latent strength per year: standard normal, AR(1) across years, so good years
    come in runs; drawn per unit from its own stream, whatever else the tier holds."""

    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._paths: dict[str, np.ndarray] = {}

    def _path(self, unit_id: str) -> np.ndarray:
        path = self._paths.get(unit_id)
        if path is None:
            sequence = np.random.SeedSequence(self._seed, spawn_key=(stable_int(unit_id),))
            draws = np.random.Generator(np.random.PCG64(sequence)).standard_normal(
                LAST_YEAR - FIRST_YEAR + 1
            )
            path = np.empty_like(draws)
            path[0] = draws[0]
            scale = np.sqrt(1 - _PERSISTENCE**2)
            for t in range(1, len(draws)):
                path[t] = _PERSISTENCE * path[t - 1] + scale * draws[t]
            self._paths[unit_id] = path
        return path

    def shares(self, unit_ids: tuple[str, ...], year: int) -> np.ndarray:
        """Expected share of the maximum: most units land between 85 % and 99 %."""
        z = np.array([self._path(u)[year - FIRST_YEAR] for u in unit_ids])
        return np.clip(_MEAN_SHARE + _SPREAD * z, 0.8, 0.99)


@dataclass(frozen=True, eq=False)
class ScoreSheet:
    points: np.ndarray  # (m, m, c) float64: scored unit × scorer × criterion
    bonus: np.ndarray  # (m,) float64, 0 where none
    final: np.ndarray  # (m,) float64: mean peer total + bonus

    def order(self) -> np.ndarray:
        """Member positions by final score, best first (no ties, see module doc)."""
        return np.argsort(-self.final, kind="stable")


def _draw(rng: np.random.Generator, shares: np.ndarray, table: CriteriaTable) -> ScoreSheet:
    m, c = len(shares), len(table.maxima)
    detail = rng.normal(0.0, 0.02, (m, 1, c))
    leniency = rng.normal(0.0, 0.012, m)
    lift = np.broadcast_to(leniency, (m, m)).copy()
    lift[np.diag_indices(m)] = rng.uniform(0.005, 0.03, m)  # self-scores run a little high
    noise = rng.normal(0.0, 0.01, (m, m, c))
    share = np.clip(shares[:, None, None] + detail + lift[:, :, None] + noise, 0.4, 1.0)
    step = table.step
    points = np.minimum(np.round(share * table.maxima / step) * step, table.maxima)
    has_bonus = rng.random(m) < _BONUS_SHARE
    bonus = np.where(has_bonus, rng.choice(_BONUS_SIZES[table.scale], m), 0.0)
    totals = points.sum(axis=2)
    peer = (totals.sum(axis=1) - np.diag(totals)) / (m - 1)
    return ScoreSheet(points, bonus, peer + bonus)


def _exact_finals(sheet: ScoreSheet) -> np.ndarray:
    """Final scores × 2 × (peers), as integers: halves and whole points add up exactly."""
    m = len(sheet.bonus)
    halves = np.rint(sheet.points * 2).astype(np.int64).sum(axis=2)
    peer = halves.sum(axis=1) - np.diag(halves)
    finals: np.ndarray = peer + np.rint(sheet.bonus * 2).astype(np.int64) * (m - 1)
    return finals


def draw_sheet(rng: np.random.Generator, shares: np.ndarray, table: CriteriaTable) -> ScoreSheet:
    for _ in range(_ATTEMPTS):
        sheet = _draw(rng, shares, table)
        if len(np.unique(_exact_finals(sheet))) == len(shares):
            return sheet
    raise RuntimeError("could not draw untied scores")
