"""How the national tier writes names: mostly the canonical name, sometimes the short one.

Only names the units reference file registers are written (a unit's name or short name, the
organiser's name or short name, the cluster's reference in a form the loader parses), so every
name resolves. One document keeps one spelling per unit, so the choice is made per cluster,
year and record type, with the cluster-year's own random stream.
"""

from __future__ import annotations

import numpy as np

from thidua.generate.national_layout import ClusterPlan, Layout
from thidua.generate.national_writers import Strings

_SHORT_NAME = 0.2
_ORGANIZER_FULL_NAME = 0.15
_ROMAN_REF = 0.08
_PADDED_REF = 0.06
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    text = ""
    for value, letters in _ROMAN:
        while number >= value:
            text += letters
            number -= value
    return text


class Spellings:
    def __init__(self, layout: Layout, strings: Strings) -> None:
        self._strings = strings
        self._canonical = {u.unit_id: strings.id(u.name) for u in layout.units.values()}
        self._short = {
            u.unit_id: strings.id(u.short_name)
            for u in layout.units.values()
            if u.short_name and u.short_name != u.name
        }
        self._organizers = {o.organizer_id: (o.short_name, o.name) for o in layout.organizers}

    def unit_ids(self, rng: np.random.Generator, unit_ids: tuple[str, ...]) -> np.ndarray:
        """String ids of the members' names as one document writes them."""
        short = rng.random(len(unit_ids)) < _SHORT_NAME
        return np.array(
            [
                self._short.get(u, self._canonical[u]) if s else self._canonical[u]
                for u, s in zip(unit_ids, short, strict=True)
            ],
            dtype=np.int64,
        )

    def units(self, rng: np.random.Generator, unit_ids: tuple[str, ...]) -> dict[str, str]:
        ids = self.unit_ids(rng, unit_ids)
        return {u: self._strings.values[int(i)] for u, i in zip(unit_ids, ids, strict=True)}

    def organizer(self, rng: np.random.Generator, organizer_id: str) -> str:
        short, full = self._organizers[organizer_id]
        return full if rng.random() < _ORGANIZER_FULL_NAME else short

    @staticmethod
    def cluster(rng: np.random.Generator, plan: ClusterPlan) -> str:
        """Usually "Cụm thi đua số 3"; now and then "Cụm thi đua số III" or "Cụm 03"."""
        draw = rng.random()
        if plan.number is None:
            return plan.ref
        word = plan.ref.split(" ")[0]
        if draw < _ROMAN_REF and plan.number <= 20:
            return f"{word} thi đua số {roman(plan.number)}"
        if draw < _ROMAN_REF + _PADDED_REF:
            return f"{word} {plan.number:02d}"
        return plan.ref
