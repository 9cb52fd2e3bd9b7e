"""Name resolution: a unit name as written → a unit id, scoped by organiser, cluster and year.

Names are compared by `match_key` (so NFD/NFC, "Hoà"/"Hòa", "&"/"và"/"-" never matter). A name
matches the alias table, or a unit's canonical or short name. When several units match, the one
scoped most narrowly wins (cluster scope over organiser scope over none); a tie at the same scope
is ambiguous and, like an unknown name, never guessed: the caller quarantines the row with the
closest candidates, found with rapidfuzz.

A name unknown as written is tried once more without its organiser's province ("Sở Tư pháp
Thanh Hóa", "Sở Tư pháp tỉnh Thanh Hóa" under Thanh Hóa's committee are its "Sở Tư pháp"): the
province is the organiser's own, so dropping it cannot pick another province's unit.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from rapidfuzz import fuzz, process

from thidua.normalize import clean_text, fold, match_key
from thidua.paths import SEEDS_DIR


@dataclass(frozen=True)
class AliasEntry:
    unit_id: str
    organizer_id: str | None
    cluster_id: str | None
    from_year: int | None
    to_year: int | None

    def applies(self, organizer_id: str | None, cluster_id: str | None, year: int | None) -> bool:
        if self.organizer_id and organizer_id and self.organizer_id != organizer_id:
            return False
        if self.cluster_id and self.cluster_id != cluster_id:
            return False
        if year is None:
            return True
        if self.from_year is not None and year < self.from_year:
            return False
        return not (self.to_year is not None and year > self.to_year)

    @property
    def specificity(self) -> int:
        return (2 if self.cluster_id else 0) + (1 if self.organizer_id else 0)


@dataclass(frozen=True)
class Resolution:
    unit_id: str | None
    reason: str | None = None  # "unknown" | "ambiguous" when unit_id is None
    candidates: tuple[str, ...] = ()


def _year(value: object) -> int | None:
    if value is None or value == "":
        return None
    text = str(value)
    return int(text[:4])


class AliasIndex:
    """All names that resolve to units, with their scope and validity."""

    def __init__(self) -> None:
        self._entries: dict[str, list[AliasEntry]] = defaultdict(list)
        self._fingerprint: str | None = None
        # ids resolve (analysts may type them) but are no help as suggestions
        self._id_keys: set[str] = set()
        self._display: dict[str, str] = {}
        self.unit_names: dict[str, str] = {}
        # unit_id → its organiser, for the names that carry no organiser of their own
        self._unit_organizers: dict[str, str] = {}
        # organizer_id → the pattern of its province written at the end of a name, as match keys
        self._province_suffixes: dict[str, re.Pattern[str]] = {}
        # What suggestions are searched in, and the suggestions already found, per name: a file
        # that names one unknown unit in a thousand rows, clusters and years asks a thousand
        # times. Both are dropped whenever a name is added.
        self._choices: dict[str, str] | None = None
        self._organizer_choices: dict[str, dict[str, str]] = {}
        self._suggested: dict[str, tuple[str, ...]] = {}

    def add(
        self,
        name: str,
        unit_id: str,
        organizer_id: str | None = None,
        cluster_id: str | None = None,
        from_year: int | None = None,
        to_year: int | None = None,
    ) -> None:
        key = match_key(name)
        if not key:
            return
        entry = AliasEntry(unit_id, organizer_id or None, cluster_id or None, from_year, to_year)
        self._fingerprint = None
        self._choices = None
        self._organizer_choices.clear()
        self._suggested.clear()
        if entry not in self._entries[key]:
            self._entries[key].append(entry)
        self._display.setdefault(key, clean_text(name))

    def set_province(self, organizer_id: str, province: str) -> None:
        """Names under this organiser may end with its province ("… tỉnh Thanh Hóa")."""
        key = match_key(province)
        if key:
            self._fingerprint = None
            self._province_suffixes[organizer_id] = re.compile(
                f"(?:tỉnh|thànhphố|tp)?{re.escape(key)}$"
            )

    @property
    def fingerprint(self) -> str:
        """Changes whenever any name, scope or validity changes (not with insertion order)."""
        if self._fingerprint is None:
            parts = sorted(
                f"{key}|{entry}" for key, entries in self._entries.items() for entry in entries
            )
            parts += sorted(f"{o}|{p.pattern}" for o, p in self._province_suffixes.items())
            self._fingerprint = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
        return self._fingerprint

    def resolve(
        self,
        name: str,
        organizer_id: str | None = None,
        cluster_id: str | None = None,
        year: int | None = None,
        *,
        suggest: bool = True,
    ) -> Resolution:
        """The unit a name stands for in this scope; for an unknown name, the closest known
        names unless `suggest` is false (a caller that only asks whether a name is known)."""
        key = match_key(name)
        entries = self._applying(key, organizer_id, cluster_id, year)
        if not entries and organizer_id in self._province_suffixes:
            bare = self._province_suffixes[organizer_id].sub("", key)
            if bare and bare != key:
                entries = self._applying(bare, organizer_id, cluster_id, year)
        if entries:
            best = max(e.specificity for e in entries)
            units = {e.unit_id for e in entries if e.specificity == best}
            if len(units) == 1:
                return Resolution(units.pop())
            return Resolution(None, "ambiguous", tuple(sorted(units)))
        return Resolution(None, "unknown", self.candidates(name, organizer_id) if suggest else ())

    def _applying(
        self, key: str, organizer_id: str | None, cluster_id: str | None, year: int | None
    ) -> list[AliasEntry]:
        return [e for e in self._entries.get(key, ()) if e.applies(organizer_id, cluster_id, year)]

    def candidates(
        self, name: str, organizer_id: str | None = None, limit: int = 3
    ) -> tuple[str, ...]:
        """The closest known names, as "name → unit_id", best first: the units of the row's
        organiser before any other's (a ministry's "Sở Tư pháp tỉnh Nam Định" must not be
        offered a Thanh Hóa department first), then the closest of all organisers."""
        cache_key = f"{limit}|{organizer_id or ''}|{name}"
        cached = self._suggested.get(cache_key)
        if cached is not None:
            return cached
        if self._choices is None:
            # Compared without diacritics, so a name typed on a keyboard without Vietnamese
            # input ("So Noi vu") still finds its unit among the suggestions.
            self._choices = {
                key: fold(self._display[key]) for key in self._display if key not in self._id_keys
            }
        found: list[str] = []
        if organizer_id:
            own = self._choices_of(organizer_id)
            self._closest(name, own, limit, found, organizer_id)
        if len(found) < limit:
            self._closest(name, self._choices, limit, found, None)
        suggested = tuple(found[:limit])
        self._suggested[cache_key] = suggested
        return suggested

    def _organizer_of(self, entry: AliasEntry) -> str | None:
        return entry.organizer_id or self._unit_organizers.get(entry.unit_id)

    def _choices_of(self, organizer_id: str) -> dict[str, str]:
        """The suggestion choices naming a unit of one organiser."""
        choices = self._organizer_choices.get(organizer_id)
        if choices is None:
            assert self._choices is not None
            choices = {
                key: text
                for key, text in self._choices.items()
                if any(self._organizer_of(e) == organizer_id for e in self._entries[key])
            }
            self._organizer_choices[organizer_id] = choices
        return choices

    def _closest(
        self,
        name: str,
        choices: dict[str, str],
        limit: int,
        found: list[str],
        organizer_id: str | None,
    ) -> None:
        """Append the labels of the closest choices (of one organiser's units, when given)."""
        if not choices:
            return
        matches = process.extract(
            fold(name), choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=60
        )
        for _choice, _score, key in matches:
            units = {
                e.unit_id
                for e in self._entries[key]
                if organizer_id is None or self._organizer_of(e) == organizer_id
            }
            for unit_id in sorted(units):
                label = f"{self._display[key]} → {unit_id}"
                if label not in found:
                    found.append(label)

    @classmethod
    def from_tables(
        cls,
        units: pl.DataFrame,
        aliases: Iterable[pl.DataFrame],
        organizers: pl.DataFrame | None = None,
    ) -> AliasIndex:
        index = cls()
        if organizers is not None and "province" in organizers.columns:
            for row in organizers.iter_rows(named=True):
                if row["province"]:
                    index.set_province(row["organizer_id"], row["province"])
        for row in units.iter_rows(named=True):
            from_year, to_year = _year(row.get("valid_from")), _year(row.get("valid_to"))
            index.unit_names[row["unit_id"]] = row["name_vi"]
            if row.get("organizer_id"):
                index._unit_organizers[row["unit_id"]] = row["organizer_id"]
            index._id_keys.add(match_key(row["unit_id"]))
            for name in (row["name_vi"], row.get("short_name"), row["unit_id"]):
                if name:
                    index.add(
                        name, row["unit_id"], row.get("organizer_id"), None, from_year, to_year
                    )
        for frame in aliases:
            for row in frame.iter_rows(named=True):
                index.add(
                    row["alias"],
                    row["unit_id"],
                    row.get("organizer_id"),
                    row.get("cluster_id"),
                    _year(row.get("valid_from_year")),
                    _year(row.get("valid_to_year")),
                )
        return index


def read_seed(name: str, seeds_dir: Path = SEEDS_DIR) -> pl.DataFrame:
    """A seed CSV as text columns (types are dbt's job; here we only need the strings)."""
    return pl.read_csv(seeds_dir / f"{name}.csv", infer_schema=False)


def load_alias_index(
    seeds_dir: Path = SEEDS_DIR,
    extra_aliases: Iterable[pl.DataFrame] = (),
    extra_units: pl.DataFrame | None = None,
    extra_organizers: pl.DataFrame | None = None,
) -> AliasIndex:
    """The index from the seeds, plus units and organisers loaded as reference records (same
    columns as their seeds) and aliases added later (e.g. with `thidua aliases add`)."""
    units = read_seed("units", seeds_dir)
    if extra_units is not None and extra_units.height:
        units = pl.concat([units, extra_units], how="diagonal_relaxed")
    organizers = read_seed("organizers", seeds_dir)
    if extra_organizers is not None and extra_organizers.height:
        organizers = pl.concat([organizers, extra_organizers], how="diagonal_relaxed")
    return AliasIndex.from_tables(
        units, [read_seed("unit_aliases", seeds_dir), *extra_aliases], organizers
    )


def load_organizer_lookup(
    seeds_dir: Path = SEEDS_DIR, extra: pl.DataFrame | None = None
) -> dict[str, str]:
    """match_key of every organiser's id, names and short name → organizer_id."""
    lookup: dict[str, str] = {}
    organizers = read_seed("organizers", seeds_dir)
    if extra is not None and extra.height:
        organizers = pl.concat([organizers, extra], how="diagonal_relaxed")
    for row in organizers.iter_rows(named=True):
        for name in (row["organizer_id"], row["name_vi"], row["short_name"], row["name_en"]):
            if name:
                lookup[match_key(name)] = row["organizer_id"]
    return lookup
