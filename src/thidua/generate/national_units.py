"""The building blocks of the national layout: organisers, units and pools.

A pool is a set of units of one organiser that the organiser shares out among a few clusters
(the departments of a province, the Cục Thuế of the northern provinces, the district branches of
one old province): units move between the clusters of their pool, never out of it. Scale is
applied pool by pool, so a smaller tier is a subset of the country with its rosters intact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from thidua.generate.layout import Theme
from thidua.generate.national_places import OLD_PROVINCES, PROVINCE_BY_CODE, Province
from thidua.generate.reference import Lifetime

FIRST_YEAR = 2006
LAST_YEAR = 2025
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


@dataclass(frozen=True)
class OrganizerSpec:
    organizer_id: str
    name: str
    name_en: str
    short_name: str
    level: str  # province | ministry | mass_org
    province: str | None
    head: str  # who signs the organiser's own awards ("Chủ tịch UBND tỉnh Nghệ An")
    decision_suffix: str  # "QĐ-UBND"
    note: str | None = None


@dataclass(frozen=True)
class UnitSpec(Lifetime):
    unit_id: str
    name: str
    short_name: str | None
    unit_type: str
    organizer_id: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    successor: str | None = None  # the unit that takes its seat when it ceases (same pool)
    note: str | None = None


@dataclass(frozen=True)
class PoolSpec:
    key: str
    organizer_id: str
    stratum: str  # what scale selection keeps in proportion (see national_layout.STRATA)
    theme: Theme
    kind: str  # "cum" or "khoi": how its clusters are written
    label: str  # what its clusters group, e.g. "các sở, ban, ngành"
    units: tuple[UnitSpec, ...]
    first_year: int
    last_year: int
    block_name: str | None = None  # "Khối thi đua các ngân hàng" when the pool is one block

    def alive(self, year: int) -> list[UnitSpec]:
        return [u for u in self.units if u.exists_for_year(year)]

    @property
    def peak(self) -> int:
        return max(len(self.alive(y)) for y in range(self.first_year, self.last_year + 1))


def place_of(province: Province) -> dict[str, str]:
    """Template fields of a province: {place}, {prov} and {party}."""
    short = "TP. Hồ Chí Minh" if province.code == "hcm" else province.name
    return {"place": province.place, "prov": short, "party": province.party_word}


def branch_units(
    organizer_id: str, key: str, name: str, short: str | None, unit_type: str
) -> dict[str, tuple[UnitSpec, ...]]:
    """One branch per province, grouped by region: the 63 until the 2025 merger (an absorbed
    province's branch merges into its successor's on 1/7/2025), and Huế's new city branch from
    1/1/2025 in place of Thừa Thiên Huế's."""
    by_region: dict[str, list[UnitSpec]] = {}

    def branch(province: Province, **lifetime: Any) -> UnitSpec:
        fields = place_of(province)
        short_name = short.format(**fields) if short else None
        unit_id = f"{organizer_id}-{key}-{province.code}"
        return UnitSpec(
            unit_id, name.format(**fields), short_name, unit_type, organizer_id, **lifetime
        )

    for old in OLD_PROVINCES:
        successor = None if old.successor == old.code else PROVINCE_BY_CODE[old.successor]
        note = None
        if old.code == "tth":
            note = "thành phố Huế trực thuộc Trung ương từ 01/01/2025"
        elif successor is not None:
            note = f"hợp nhất vào {name.format(**place_of(successor))} từ 01/07/2025"
        units = by_region.setdefault(old.region, [])
        units.append(
            branch(
                old.province,
                valid_to=old.valid_to,
                successor=successor and f"{organizer_id}-{key}-{successor.code}",
                note=note,
            )
        )
        if old.code == "tth":
            note = "kế thừa đơn vị của tỉnh Thừa Thiên Huế từ 01/01/2025"
            units.append(branch(PROVINCE_BY_CODE["hue"], valid_from=dt.date(2025, 1, 1), note=note))
    return {region: tuple(units) for region, units in by_region.items()}


def stable_int(key: str) -> int:
    """A 63-bit integer fixed by a key, the same on every run and machine (Python's own hash
    of a string changes between processes)."""
    digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1


def stable_fraction(key: str) -> float:
    """A number in [0, 1) fixed by a key."""
    return stable_int(key) / 2**63
