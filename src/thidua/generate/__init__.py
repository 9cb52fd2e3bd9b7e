"""Deterministic synthetic raw records, so the warehouse has trends to show.

`generate("province", seed, out_dir)` writes one file per record type (clusters.csv,
memberships.csv, scores.csv, rankings.csv, awards.csv, events.csv, or .parquet) with the
contract's columns. The same tier and seed always give byte-identical files. Every row says
`source_kind = synthetic`; real facts (data/sample/real) are constraints that no row contradicts
or restates.

Modules, one job each: `layout` (clusters and rosters as configured), `reference` (seeds),
`real_facts` (the constraints), `rosters` (who sits where each year), `leadership`, `criteria`,
`scoring`, `events`, `awards`, `names` (how names are written), `rows` (facts → contract rows),
`simulate` (a year at a time) and `writers` (append per batch, CSV or Parquet).
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from thidua.generate.layout import layout
from thidua.generate.real_facts import REAL_DIR, read_real_facts
from thidua.generate.reference import Reference
from thidua.generate.simulate import ProvinceSimulation
from thidua.generate.writers import Format, RecordWriter
from thidua.paths import SEEDS_DIR
from thidua.resolve import load_alias_index

TIERS = ("province",)
FORMATS = ("csv", "parquet")


def generate(tier: str, seed: int, out_dir: Path, fmt: str = "csv") -> dict[str, int]:
    """Write the tier's synthetic records to `out_dir`; returns rows written per record type."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    specs = layout(tier)
    simulation = ProvinceSimulation(
        seed,
        specs,
        Reference(SEEDS_DIR),
        read_real_facts(REAL_DIR, SEEDS_DIR),
        load_alias_index(SEEDS_DIR),
    )
    with RecordWriter(Path(out_dir), cast(Format, fmt)) as writer:
        writer.write({"clusters": simulation.cluster_rows()})
        for year in simulation.years:
            writer.write(simulation.year(year))
    return writer.counts()


__all__ = ["FORMATS", "TIERS", "generate"]
