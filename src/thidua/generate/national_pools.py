"""Every organiser of the national tier and the pools of units it shares out among clusters,
at full scale (the layout then keeps a share of the pools).

Organisers: the People's Committees of the 33 provinces other than Thanh Hóa (whose clusters
the province tier generates), the ministries and ministry-level central bodies, and the five
mass organisations. Simplification: a province's UBND stands for the province as merged in 2025
in every year (one set of departments; the district-level units of all its predecessors); the
national systems do follow the 63 → 34 merger branch by branch.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from thidua.generate.layout import Theme
from thidua.generate.national_places import (
    COMMUNES_FROM,
    DISTRICT_LEVEL_ENDS,
    OLD_PROVINCES,
    PROVINCES,
    REGION_LABELS,
    THANH_HOA,
    Place,
    Province,
    communes,
    districts,
)
from thidua.generate.national_templates import (
    DEPARTMENTS,
    DOAN_WORDS,
    MERGED_ON,
    OTHER_POOLS,
    SYSTEMS,
    Family,
    NationalSystem,
    PoolTemplate,
)
from thidua.generate.national_units import (
    FIRST_YEAR,
    LAST_YEAR,
    OrganizerSpec,
    PoolSpec,
    UnitSpec,
    branch_units,
    place_of,
    stable_fraction,
)
from thidua.normalize import slug

SYNTHETIC_PLACE = "tên địa danh mô phỏng"
_LAST_DISTRICT_YEAR = 2024  # the district level was abolished on 1/7/2025
_COMMUNE_YEAR = 2025
_COMMUNES_PER_POOL = 30


def _fields(province: Province) -> dict[str, str]:
    fields = place_of(province)
    fields["level"] = "thành phố" if province.is_city else "tỉnh"
    fields["partyc"] = f"{province.party_word} ủy"
    return fields


def _first_year(key: str, late_share: float, latest: int) -> int:
    """Most systems run from the first year; some were formed later (fixed per pool)."""
    draw = stable_fraction(f"first-year:{key}")
    if draw >= late_share:
        return FIRST_YEAR
    return FIRST_YEAR + 1 + int(draw / late_share * (latest - FIRST_YEAR))


def province_organizer(province: Province) -> OrganizerSpec:
    kind = "City" if province.is_city else "Provincial"
    return OrganizerSpec(
        f"{province.code}-ubnd",
        f"Ủy ban nhân dân {province.place}",
        f"{province.name} {kind} People's Committee",
        f"UBND {province.place}",
        "province",
        province.name,
        f"Chủ tịch UBND {province.place}",
        "QĐ-UBND",
        "tỉnh, thành phố sau sắp xếp năm 2025 (Nghị quyết 202/2025/QH15); "
        "đại diện cho cả các tỉnh hợp nhất vào nó ở các năm trước",
    )


def _template_pool(
    organizer: OrganizerSpec, province: Province, template: PoolTemplate, stratum: str
) -> PoolSpec:
    fields = _fields(province)
    code = province.code
    names = {t.key: t.name.format(**fields) for t in template.units}
    units: list[UnitSpec] = []
    for t in template.units:
        successor = f"{code}-{t.successor}" if t.successor else None
        note = None
        if t.successor:
            note = f"sáp nhập vào {names[t.successor]} từ 01/03/2025 (Nghị định 45/2025/NĐ-CP)"
        elif t.new:
            note = "thành lập từ 01/03/2025 khi sắp xếp các sở (Nghị định 45/2025/NĐ-CP)"
        units.append(
            UnitSpec(
                f"{code}-{t.key}",
                names[t.key],
                t.short.format(**fields) if t.short else None,
                t.unit_type,
                organizer.organizer_id,
                valid_from=MERGED_ON if t.new else None,
                valid_to=MERGED_ON - dt.timedelta(days=1) if t.successor else None,
                successor=successor,
                note=note,
            )
        )
    key = f"{organizer.organizer_id}/{template.key}"
    late = 0.0 if stratum == "province_departments" else 0.35
    return PoolSpec(
        key,
        organizer.organizer_id,
        stratum,
        template.theme,
        "khoi",
        template.label,
        tuple(units),
        _first_year(key, late, 2014),
        LAST_YEAR,
        template.block_name,
    )


def _local_unit(
    organizer_id: str,
    code: str,
    place: Place,
    unit_type: str,
    note: str,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> UnitSpec:
    """A district or commune as its People's Committee: "Ủy ban nhân dân huyện Tân Phú"."""
    return UnitSpec(
        f"{code}-{slug(place.kind)}-{place.key}",
        f"Ủy ban nhân dân {place.full}",
        f"UBND {place.full}",
        unit_type,
        organizer_id,
        valid_from,
        valid_to,
        note=note,
    )


def province_pools(province: Province) -> list[PoolSpec]:
    organizer = province_organizer(province)
    org = organizer.organizer_id
    pools = [_template_pool(organizer, province, DEPARTMENTS, "province_departments")]
    pools += [_template_pool(organizer, province, t, "province_other") for t in OTHER_POOLS]
    for old in OLD_PROVINCES:
        if old.successor != province.code:
            continue
        note = f"đơn vị hành chính cấp huyện thuộc {old.province.place} ({SYNTHETIC_PLACE})"
        units = tuple(
            _local_unit(org, province.code, p, "district", note, valid_to=DISTRICT_LEVEL_ENDS)
            for p in districts()[old.code]
        )
        key = f"{org}/cap-huyen-{old.code}"
        pools.append(
            PoolSpec(
                key,
                org,
                "province_districts",
                "district",
                "cum",
                f"các huyện, thị xã, thành phố thuộc {old.province.place}",
                units,
                _first_year(key, 0.2, 2010),
                _LAST_DISTRICT_YEAR,
            )
        )
    note = f"xã, phường từ 01/07/2025 ({SYNTHETIC_PLACE})"
    places = communes()[province.code]
    # communes are grouped by area, a few clusters per group, like the districts before them
    groups = max(1, round(len(places) / _COMMUNES_PER_POOL))
    for group in range(groups):
        units = tuple(
            _local_unit(org, province.code, p, "commune", note, valid_from=COMMUNES_FROM)
            for p in places[group::groups]
        )
        pools.append(
            PoolSpec(
                f"{org}/cap-xa-{group + 1}",
                org,
                "province_communes",
                "district",
                "cum",
                f"các xã, phường khu vực {group + 1} (từ 01/07/2025)",
                units,
                _COMMUNE_YEAR,
                _COMMUNE_YEAR,
            )
        )
    return pools


def system_organizer(system: NationalSystem) -> OrganizerSpec:
    return OrganizerSpec(
        system.organizer_id,
        system.name,
        system.name_en,
        system.short_name,
        system.level,
        None,
        system.head,
        system.decision_suffix,
    )


def _district_pool(system: NationalSystem, family: Family, old_code: str, place: str) -> PoolSpec:
    org = system.organizer_id
    units = []
    for district in districts()[old_code]:
        fields = {
            "district": district.full,
            "dname": district.name,
            "doan": DOAN_WORDS[district.kind],
        }
        units.append(
            UnitSpec(
                f"{org}-{family.key}-{old_code}-{district.key}",
                family.name.format(**fields),
                family.short.format(**fields) if family.short else None,
                family.unit_type,
                org,
                valid_to=DISTRICT_LEVEL_ENDS,
                note=f"cấp huyện thuộc {place} ({SYNTHETIC_PLACE})",
            )
        )
    key = f"{org}/{family.key}/{old_code}"
    return PoolSpec(
        key,
        org,
        "national_districts",
        family.theme,
        "cum",
        f"{family.label} thuộc {place}",
        tuple(units),
        _first_year(key, 0.6, 2014),
        _LAST_DISTRICT_YEAR,
    )


def system_pools(system: NationalSystem) -> list[PoolSpec]:
    org = system.organizer_id
    central_theme: Theme = "service" if org in ("byt", "bgddt") else "agency"
    central = tuple(
        UnitSpec(f"{org}-{slug(name)[:48].rstrip('-')}", name, None, "central_unit", org)
        for name in system.central
    )
    pools = [
        PoolSpec(
            f"{org}/trung-uong",
            org,
            "national_central",
            central_theme,
            "khoi",
            system.central_label,
            central,
            _first_year(f"{org}/trung-uong", 0.4, 2012),
            LAST_YEAR,
            f"Khối thi đua {system.central_label}",
        )
    ]
    for family in system.branches:
        regions = branch_units(org, family.key, family.name, family.short, family.unit_type)
        for region, units in regions.items():
            key = f"{org}/{family.key}/{region}"
            pools.append(
                PoolSpec(
                    key,
                    org,
                    "national_branches",
                    family.theme,
                    "cum",
                    f"{family.label} {REGION_LABELS[region]}",
                    units,
                    _first_year(key, 0.3, 2010),
                    LAST_YEAR,
                )
            )
    for family in system.districts:
        for old in OLD_PROVINCES:
            pools.append(_district_pool(system, family, old.code, old.province.place))
    return pools


@cache
def all_pools() -> tuple[tuple[OrganizerSpec, ...], tuple[PoolSpec, ...]]:
    """Every organiser and pool of the country at scale 1.0, in a fixed order."""
    organizers: list[OrganizerSpec] = []
    pools: list[PoolSpec] = []
    for province in PROVINCES:
        if province.code == THANH_HOA:
            continue
        organizers.append(province_organizer(province))
        pools += province_pools(province)
    for system in SYSTEMS:
        organizers.append(system_organizer(system))
        pools += system_pools(system)
    return tuple(organizers), tuple(pools)
