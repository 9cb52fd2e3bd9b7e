"""What extraction knows before it reads: the warehouse's names, organisers, award types and
catalogued sources, so proposed records resolve exactly as a load would resolve them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from thidua.ingest.award_types import AwardTypeIndex
from thidua.ingest.coerce import Context
from thidua.ingest.landing import open_raw
from thidua.ingest.loader import DEFAULT_ORGANIZER_ID, build_context, rows_in_force
from thidua.ingest.resolve import load_alias_index, load_organizer_lookup, read_seed
from thidua.normalize import fold, match_key
from thidua.paths import Home


@dataclass(frozen=True)
class Knowledge:
    context: Context
    # organizer_id → its province (organisers that belong to one), for "Cụm … tỉnh X"
    provinces: dict[str, str]
    # a catalogued source's URL or file name (folded) → its source id
    sources: dict[str, str]

    @property
    def award_types(self) -> AwardTypeIndex:
        return self.context.award_types

    def organizer_id(self, written: str | None) -> str | None:
        return self.context.organizers.get(match_key(written)) if written else None

    def province_organizer(self, province: str) -> str | None:
        """The provincial People's Committee of a province, when the warehouse knows it."""
        key = match_key(province)
        for organizer_id, known in self.provinces.items():
            if match_key(known) == key and organizer_id.endswith("-ubnd"):
                return organizer_id
        return None

    def source_id(self, *keys: str | None) -> str | None:
        for key in keys:
            if key and fold(key) in self.sources:
                return self.sources[fold(key)]
        return None


def knowledge(home: Home | None) -> Knowledge:
    """The landing database's reference data when `home` has one, else the seeds alone."""
    organizers = read_seed("organizers")
    sources = read_seed("sources")
    if home is not None and home.raw_db.exists():
        with open_raw(home.raw_db) as con:
            context = build_context(con, "article")
            loaded = rows_in_force(con, "organizers", "organizer_id", "organizer_id, province")
            loaded_sources = rows_in_force(con, "sources", "source_id", "source_id, url")
        organizers = pl.concat([organizers, loaded], how="diagonal_relaxed")
        sources = pl.concat([sources, loaded_sources], how="diagonal_relaxed")
    else:
        context = _seed_context()
    provinces = {
        row["organizer_id"]: row["province"]
        for row in organizers.iter_rows(named=True)
        if row.get("province")
    }
    catalogue: dict[str, str] = {}
    for row in sources.iter_rows(named=True):
        for key in (row.get("url"), row.get("article_file")):
            if key and row.get("source_id"):
                catalogue[fold(str(key))] = str(row["source_id"])
    return Knowledge(context, provinces, catalogue)


def _seed_context() -> Context:
    return Context(
        aliases=load_alias_index(),
        organizers=load_organizer_lookup(),
        default_organizer_id=DEFAULT_ORGANIZER_ID,
        default_source_kind="article",
    )


def documents_in(paths: list[Path]) -> list[Path]:
    """Files named, and the files of folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        else:
            found.append(path)
    return found
