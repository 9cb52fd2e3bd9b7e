"""How a unit's name is written: mostly the canonical name, sometimes a short form or an alias.

One document keeps one spelling, so the choice is made once per unit, cluster, year and record
type. Only spellings that resolve back to the unit for that cluster and year are ever written,
which keeps every generated name loadable.
"""

from __future__ import annotations

import random

from thidua.generate.layout import ORGANIZER_ID
from thidua.generate.reference import Reference
from thidua.ingest.resolve import AliasIndex

_CANONICAL_WEIGHT = 0.72
_SHORT_WEIGHT = 0.18  # the rest goes to aliases


class NameWriter:
    def __init__(self, seed: int, reference: Reference, aliases: AliasIndex) -> None:
        self._seed = seed
        self._reference = reference
        self._aliases = aliases
        self._chosen: dict[tuple[str, str, int, str], str] = {}

    def _resolves(self, name: str, unit_id: str, cluster_id: str, year: int) -> bool:
        return self._aliases.resolve(name, ORGANIZER_ID, cluster_id, year).unit_id == unit_id

    def _options(self, unit_id: str, cluster_id: str, year: int) -> list[tuple[str, float]]:
        unit = self._reference.unit(unit_id)
        alias_names = [
            alias
            for alias, from_year, to_year in self._reference.aliases.get(unit_id, ())
            if (from_year is None or from_year <= year) and (to_year is None or year <= to_year)
        ]
        options: list[tuple[str, float]] = [(unit.name_vi, _CANONICAL_WEIGHT)]
        if unit.short_name and unit.short_name != unit.name_vi:
            options.append((unit.short_name, _SHORT_WEIGHT))
        alias_weight = (1 - _CANONICAL_WEIGHT - _SHORT_WEIGHT) / max(1, len(alias_names))
        options.extend((alias, alias_weight) for alias in alias_names)
        valid = [(n, w) for n, w in options if self._resolves(n, unit_id, cluster_id, year)]
        if not valid:
            raise ValueError(f"no spelling of {unit_id} resolves in {cluster_id} for {year}")
        return valid

    def name(self, unit_id: str, cluster_id: str, year: int, document: str) -> str:
        key = (unit_id, cluster_id, year, document)
        chosen = self._chosen.get(key)
        if chosen is None:
            rng = random.Random(f"{self._seed}:name:{unit_id}:{cluster_id}:{year}:{document}")
            names, weights = zip(*self._options(unit_id, cluster_id, year), strict=True)
            chosen = rng.choices(names, weights)[0]
            self._chosen[key] = chosen
        return chosen


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    text = ""
    for value, letters in _ROMAN:
        while number >= value:
            text += letters
            number -= value
    return text


def cluster_ref(seed: int, ref: str, number: int | None, year: int, document: str) -> str:
    """The cluster as written: usually "Cụm thi đua số 3", now and then "Cụm thi đua số III"."""
    if number is None:
        return ref
    draw = random.Random(f"{seed}:cluster-ref:{ref}:{year}:{document}").random()
    if draw < 0.08:
        return f"Cụm thi đua số {_roman(number)}"
    if draw < 0.14:
        return f"Cụm {number:02d}"
    return ref
