"""How names are written: mostly the canonical name, sometimes a short form or an alias.

One document keeps one spelling, so the choice is made once per unit, cluster, year and record
type. Only spellings that resolve back to the unit for that cluster and year are ever written
(the province tier checks each against the alias index; the national tier writes only names its
units file registers), which keeps every generated name loadable.
"""

from __future__ import annotations

import random

import numpy as np

from thidua.generate.layout import ORGANIZER_ID, Cluster
from thidua.generate.national_layout import Layout
from thidua.generate.reference import Reference
from thidua.generate.writers import Strings
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
_ROMAN_REF = 0.08
_PADDED_REF = 0.06


def _roman(number: int) -> str:
    text = ""
    for value, letters in _ROMAN:
        while number >= value:
            text += letters
            number -= value
    return text


def written_ref(draw: float, ref: str, number: int | None) -> str:
    """A cluster as written, for a uniform `draw`: usually "Cụm thi đua số 3", now and then
    "Cụm thi đua số III" or "Cụm 03"."""
    if number is None:
        return ref
    word = ref.split(" ")[0]
    if draw < _ROMAN_REF and number <= 20:
        return f"{word} thi đua số {_roman(number)}"
    if draw < _ROMAN_REF + _PADDED_REF:
        return f"{word} {number:02d}"
    return ref


def cluster_ref(seed: int, ref: str, number: int | None, year: int, document: str) -> str:
    """The cluster as one document of the province tier writes it."""
    if number is None:
        return ref
    draw = random.Random(f"{seed}:cluster-ref:{ref}:{year}:{document}").random()
    return written_ref(draw, ref, number)


class Spellings:
    """The national tier's spellings, drawn for a whole document at once: its units know no
    aliases, so a unit is written by its short name at the share the weights above give it."""

    _SHORT = _SHORT_WEIGHT / (_CANONICAL_WEIGHT + _SHORT_WEIGHT)
    _ORGANIZER_FULL_NAME = 0.15

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
        short = rng.random(len(unit_ids)) < self._SHORT
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
        return full if rng.random() < self._ORGANIZER_FULL_NAME else short

    @staticmethod
    def cluster(rng: np.random.Generator, plan: Cluster) -> str:
        return written_ref(float(rng.random()), plan.ref, plan.number)
