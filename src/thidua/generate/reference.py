"""Reference data the generator builds on: units with their lifetimes, lineage, award issuers.

Everything comes from the seeds, so a unit added or a reorganisation recorded there is picked up
without touching the generator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from thidua.ingest.resolve import read_seed
from thidua.paths import SEEDS_DIR


class Lifetime:
    """A unit's days: from `valid_from` to `valid_to` (None: open), both included."""

    unit_id: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    def exists_on(self, day: dt.date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to

    def exists_for_year(self, year: int) -> bool:
        """A unit reports results for a year only if it still exists when the year closes."""
        return self.exists_on(dt.date(year, 12, 31))


@dataclass(frozen=True)
class Unit(Lifetime):
    unit_id: str
    name_vi: str
    short_name: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None


@dataclass(frozen=True)
class LineageEdge:
    from_unit_id: str
    to_unit_id: str
    relation: str
    effective_date: dt.date
    is_primary: bool


@dataclass(frozen=True)
class LegalRegime:
    from_year: int
    to_year: int | None
    requires_prior_provincial_flag: bool
    max_share_of_eligible: float | None
    requires_leading_unit: bool


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


class Reference:
    """Read-only view of the seeds the generator needs."""

    def __init__(self, seeds_dir: Path = SEEDS_DIR) -> None:
        self.seeds_dir = seeds_dir

    @cached_property
    def units(self) -> dict[str, Unit]:
        return {
            row["unit_id"]: Unit(
                row["unit_id"],
                row["name_vi"],
                row["short_name"] or None,
                _date(row["valid_from"]),
                _date(row["valid_to"]),
            )
            for row in read_seed("units", self.seeds_dir).iter_rows(named=True)
        }

    @cached_property
    def lineage(self) -> tuple[LineageEdge, ...]:
        return tuple(
            LineageEdge(
                row["from_unit_id"],
                row["to_unit_id"],
                row["relation"],
                dt.date.fromisoformat(row["effective_date"]),
                _true(row["is_primary_successor"]),
            )
            for row in read_seed("unit_lineage", self.seeds_dir).iter_rows(named=True)
        )

    @cached_property
    def aliases(self) -> dict[str, tuple[tuple[str, int | None, int | None], ...]]:
        """unit id → (alias, from year, to year) for aliases not scoped to one cluster."""
        found: dict[str, list[tuple[str, int | None, int | None]]] = {}
        for row in read_seed("unit_aliases", self.seeds_dir).iter_rows(named=True):
            if row["cluster_id"]:
                continue
            from_year = int(row["valid_from_year"]) if row["valid_from_year"] else None
            to_year = int(row["valid_to_year"]) if row["valid_to_year"] else None
            found.setdefault(row["unit_id"], []).append((row["alias"], from_year, to_year))
        return {unit_id: tuple(entries) for unit_id, entries in found.items()}

    @cached_property
    def award_issuers(self) -> dict[str, str]:
        return {
            row["award_type_code"]: row["issuer_vi"]
            for row in read_seed("award_types", self.seeds_dir).iter_rows(named=True)
        }

    @cached_property
    def legal_regimes(self) -> tuple[LegalRegime, ...]:
        return tuple(
            LegalRegime(
                int(row["from_year"]),
                int(row["to_year"]) if row["to_year"] else None,
                _true(row["gov_flag_requires_prior_provincial_flag"]),
                float(row["gov_flag_max_share_of_eligible"])
                if row["gov_flag_max_share_of_eligible"]
                else None,
                _true(row["gov_flag_requires_leading_unit"]),
            )
            for row in read_seed("legal_regimes", self.seeds_dir).iter_rows(named=True)
        )

    def regime(self, year: int) -> LegalRegime:
        for regime in self.legal_regimes:
            if regime.from_year <= year and (regime.to_year is None or year <= regime.to_year):
                return regime
        raise LookupError(f"no legal regime covers results year {year}")

    def unit(self, unit_id: str) -> Unit:
        try:
            return self.units[unit_id]
        except KeyError:
            raise KeyError(f"unit {unit_id!r} is not in seeds/units.csv") from None

    def current_unit(self, unit_id: str, year: int) -> str | None:
        """The unit that stands for `unit_id` in `year`, following primary successors.

        None when the unit has ceased without a successor (e.g. a district after 1/7/2025).
        """
        seen: set[str] = set()
        current: str | None = unit_id
        while current is not None and not self.unit(current).exists_for_year(year):
            if current in seen:
                raise ValueError(f"lineage cycle through {current}")
            seen.add(current)
            primary = (e for e in self.lineage if e.from_unit_id == current and e.is_primary)
            current = next((e.to_unit_id for e in primary), None)
        return current
