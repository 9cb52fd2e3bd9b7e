"""Award types as analysts write them → award type codes, read by the row's issuer or organiser.

"Cờ thi đua" alone is ambiguous between the Government, a ministry, the provincial People's
Committee, the Fatherland Front, a Party committee and a trade union (domain brief §3), and so is
"Bằng khen". A value names its award type by itself when it is a code, a name of the seed or of a
loaded award type, a known synonym, or a family word followed by its issuer ("Cờ thi đua của Bộ
Tư pháp", "Bằng khen của Bộ trưởng Bộ Tư pháp"). A bare family word is read by the row's issuer
column, else by the award system of the row's organiser. It is never defaulted: a value none of
them decides is left unresolved, and the caller quarantines the row naming the candidates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import polars as pl

from thidua.ingest.resolve import read_seed
from thidua.normalize import fold

# Written values that name one award type and are not its seed name or code.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "GOV_FLAG": ("co chinh phu", "co thi dua chinh phu"),
    "PM_MERIT": ("bang khen thu tuong", "bang khen cua thu tuong", "bang khen thu tuong chinh phu"),
    "PROV_FLAG": ("co thi dua ubnd tinh", "co ubnd tinh"),
    "PROV_MERIT": ("bang khen ubnd tinh", "bang khen chu tich ubnd tinh"),
    "EXCELLENT_COLLECTIVE": ("tap the lao dong xuat sac", "tap the ldxs"),
    "ADVANCED_COLLECTIVE": ("tap the lao dong tien tien", "tap the ldtt"),
    "EXCELLENT_TASKS": ("htxsnv", "xep loai hoan thanh xuat sac nhiem vu", "hoan thanh xuat sac"),
    "ROTATING_FLAG": ("co luan luu", "co thi dua luan luu", "co luan luu cua cum"),
}

# Family words, longest first: what follows them ("của Bộ Tư pháp") names the issuer.
_FAMILY_PREFIXES: tuple[tuple[str, str], ...] = (
    ("co don vi dan dau phong trao thi dua", "emulation_flag"),
    ("co dan dau phong trao thi dua", "emulation_flag"),
    ("co thi dua xuat sac", "emulation_flag"),
    ("co dan dau", "emulation_flag"),
    ("co thi dua", "emulation_flag"),
    ("bang khen", "certificate_of_merit"),
)

# What an awards row's unit cell may say instead of a unit: the members of its cluster-year that
# no other award of the same or a higher rank names (expanded in dbt, int_awards_expanded).
_REMAINING_UNITS = frozenset(
    {
        "cac don vi con lai",
        "don vi con lai",
        "cac don vi thanh vien con lai",
        "cac don vi khac",
        "remaining units",
        "the remaining units",
        "other units",
    }
)

# An organiser's level, when neither its award_system nor its name says whose awards it gives.
_LEVEL_SYSTEM = {"province": "province", "ministry": "ministry", "party": "party"}


def is_remaining_units(text: str) -> bool:
    """“các đơn vị còn lại”, “(Các đơn vị còn lại)”, “remaining units”: fold-insensitive."""
    return fold(text) in _REMAINING_UNITS


@dataclass(frozen=True)
class System:
    """Whose awards: an issuer kind (award_types.issuer_kind) and, where it tells two award
    types apart, the tier ("central": the Government, a ministry, a national organisation;
    "province")."""

    kind: str
    tier: str | None


def parse_issuer(text: str | None) -> System | None:
    """The award system an issuer's name belongs to: “Bộ Tư pháp”, “UBND tỉnh”, “Tổng LĐLĐVN”…"""
    if not text:
        return None
    f = f" {fold(text)} "
    if any(k in f for k in (" mat tran ", " mttq ", " ubmttq ", " mttqvn ", " ubmttqvn ")):
        central = any(k in f for k in (" trung uong ", " tw ", " ubtw "))
        return System("front", "central" if central else "province")
    if any(
        k in f
        for k in (
            " lien doan lao dong ",
            " ldld ",
            " ldldvn ",
            " tldld ",
            " cong doan ",
            " tld ",
            " tong lien doan ",
        )
    ):
        central = " tong " in f or " tldld " in f or " tld " in f
        return System("trade_union", "central" if central else "province")
    if any(
        k in f for k in (" tinh uy ", " thanh uy ", " dang uy ", " huyen uy ", " ban thuong vu ")
    ):
        return System("party", "central" if " trung uong " in f else "province")
    if " chinh phu " in f or " thu tuong " in f:
        return System("government", "central")
    if " ubnd " in f or " uy ban nhan dan " in f:
        return System("province", "province")
    # a ministry, or an agency at a ministry's level that runs its own award system
    if f.startswith(" bo ") or any(
        k in f for k in (" bo truong ", " ngan hang nha nuoc ", " nhnn ")
    ):
        return System("ministry", "central")
    return None


def organizer_system(
    award_system: str | None,
    names: Iterable[str | None],
    level: str | None,
    province: str | None,
) -> System | None:
    """The award system of an organiser: its award_system when given, else what its name says,
    else its level (province, ministry, party; a mass organisation's level does not tell the
    Front from a trade union). The tier tells a provincial Front or labour federation from the
    central one: from the name, else from whether the organiser belongs to a province."""
    parsed = next((s for s in (parse_issuer(n) for n in names) if s is not None), None)
    kind = award_system or (parsed.kind if parsed else None) or _LEVEL_SYSTEM.get(level or "")
    if kind is None or kind == "other":
        return None
    if kind in ("government", "ministry"):
        return System(kind, "central")
    if kind == "province":
        return System(kind, "province")
    if parsed is not None and parsed.kind == kind:
        return parsed
    return System(kind, "province" if province else "central")


def _tier(level: str | None) -> str | None:
    return {"national": "central", "ministry": "central", "province": "province"}.get(level or "")


@dataclass(frozen=True)
class AwardType:
    code: str
    name_vi: str
    name_en: str
    kind: str
    family: str
    tier: str | None

    @property
    def label(self) -> str:
        return f"{self.code}: {self.name_vi} / {self.name_en}"


@dataclass(frozen=True)
class Reading:
    """The code a written value stands for, or (code None) the award types it could be."""

    code: str | None
    candidates: tuple[AwardType, ...] = ()


@dataclass(frozen=True)
class AwardTypeIndex:
    """Every award type the loader accepts (the seed, then loaded ones the seed does not hold)
    and the award system of every organiser it knows."""

    types: dict[str, AwardType]
    organizers: dict[str, System | None] = field(default_factory=dict)

    @classmethod
    def from_tables(
        cls, loaded: pl.DataFrame | None = None, organizers: pl.DataFrame | None = None
    ) -> AwardTypeIndex:
        table = read_seed("award_types")
        if loaded is not None and loaded.height:
            known = set(table["award_type_code"].to_list())
            extra = loaded.filter(~pl.col("award_type_code").is_in(list(known)))
            table = pl.concat([table, extra], how="diagonal_relaxed")
        types = {
            row["award_type_code"]: AwardType(
                row["award_type_code"],
                row["name_vi"],
                row["name_en"] or row["name_vi"],
                row["issuer_kind"],
                row["award_family"],
                _tier(row["level"]),
            )
            for row in table.iter_rows(named=True)
        }
        people = read_seed("organizers").rename({"name_vi": "name"})
        if organizers is not None and organizers.height:
            people = pl.concat([people, organizers], how="diagonal_relaxed")
        systems = {
            row["organizer_id"]: organizer_system(
                row.get("award_system"),
                (row.get("name"), row.get("short_name")),
                row.get("level"),
                row.get("province"),
            )
            for row in people.iter_rows(named=True)
        }
        return cls(types, systems)

    @property
    def codes(self) -> list[str]:
        return list(self.types)

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever a value could be read differently (award types or organisers)."""
        text = "|".join(
            [
                *(f"{t}" for t in self.types.values()),
                *(f"{k}={v}" for k, v in self.organizers.items()),
            ]
        )
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @cached_property
    def _exact(self) -> dict[str, str]:
        table = {fold(v): code for code, values in _SYNONYMS.items() for v in values}
        for t in self.types.values():
            for name in (t.code, t.name_vi, t.name_en):
                table[fold(name)] = t.code
        return table

    def read(self, value: str, issuer: str | None, organizer_id: str | None) -> Reading:
        folded = fold(value)
        exact = self._exact.get(folded)
        if exact is not None:
            return Reading(exact)
        family, own_issuer = _family(folded)
        if family is None:
            return Reading(value)  # not an award name at all: the gate names it
        system = (
            parse_issuer(own_issuer)
            or parse_issuer(issuer)
            or (self.organizers.get(organizer_id) if organizer_id else None)
        )
        same_family = tuple(t for t in self.types.values() if t.family == family)
        if system is None:
            return Reading(None, same_family)
        same_kind = tuple(t for t in same_family if t.kind == system.kind)
        fitting = tuple(
            t for t in same_kind if system.tier is None or t.tier is None or t.tier == system.tier
        )
        if len(fitting) == 1:
            return Reading(fitting[0].code)
        return Reading(None, fitting or same_kind or same_family)

    def read_column(
        self, values: pl.Series, issuers: pl.Series | None, organizer_ids: pl.Series
    ) -> tuple[pl.Series, pl.Series]:
        """The code of every cell (the cell itself when it names no award at all, null when it
        is ambiguous) and, for each ambiguous one, its candidates."""
        issuer_list = issuers.to_list() if issuers is not None else [None] * len(values)
        memo: dict[tuple[str | None, str | None, str | None], Reading] = {}
        codes: list[str | None] = []
        candidates: list[str | None] = []
        for value, issuer, organizer in zip(
            values.to_list(), issuer_list, organizer_ids.to_list(), strict=True
        ):
            if value is None:
                codes.append(None)
                candidates.append(None)
                continue
            key = (value, issuer, organizer)
            reading = memo.get(key) or memo.setdefault(key, self.read(value, issuer, organizer))
            codes.append(reading.code)
            candidates.append(
                "; ".join(t.label for t in reading.candidates) if reading.code is None else None
            )
        return (
            pl.Series(values.name, codes, dtype=pl.Utf8),
            pl.Series("candidates", candidates, dtype=pl.Utf8),
        )


def _family(folded: str) -> tuple[str | None, str | None]:
    """The family a value's words start with, and whatever names the issuer after them."""
    for prefix, family in _FAMILY_PREFIXES:
        if folded == prefix or folded.startswith(prefix + " "):
            rest = folded[len(prefix) :].strip()
            rest = rest.removeprefix("cua ").strip()
            return family, rest or None
    return None, None


AMBIGUOUS_VI = (
    "‘{value}’ chưa cho biết là khen thưởng của ai (Chính phủ, Bộ, UBND tỉnh, MTTQ, Tỉnh ủy hay"
    " công đoàn): ghi cột “Cấp khen” (ví dụ “Bộ Tư pháp”, “UBND tỉnh”, “Tổng LĐLĐVN”, “MTTQ"
    " tỉnh”) hoặc ghi tên đầy đủ (ví dụ “Cờ thi đua của Chính phủ”); có thể là: {candidates}"
)
AMBIGUOUS_EN = (
    "‘{value}’ does not say whose award it is (the Government's, a ministry's, the province's,"
    " the Front's, a Party committee's or a trade union's): write the issuer column (e.g. “Bộ"
    " Tư pháp”, “UBND tỉnh”, “Tổng LĐLĐVN”, “MTTQ tỉnh”) or the full award name (e.g. “Cờ thi"
    " đua của Chính phủ”); it could be: {candidates}"
)
