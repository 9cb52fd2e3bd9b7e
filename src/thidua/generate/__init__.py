"""Deterministic synthetic raw records, so the warehouse has trends to show.

`generate("province", seed, out_dir)` writes one file per record type (clusters.csv,
memberships.csv, scores.csv, rankings.csv, awards.csv, events.csv, or .parquet) with the
contract's columns. The same tier and seed always give byte-identical files. Every row says
`source_kind = synthetic`; real facts (data/sample/real) are constraints that no row contradicts
or restates. A few award and consistency rules are broken on purpose in synthetic cluster-years
(`rule_breaks`); the findings they must cause are written beside the folder, in
`<out_dir>.planted_rule_breaks.csv` (outside it, so loading the folder never loads it).

`national` is the country's cluster systems (see `thidua.generate.national`).

One engine runs both tiers (`simulate`: a year at a time, cluster-year by cluster-year); a tier
is a layout and a scale. Domain policy has one home: `calendar` (working days, Tết),
`leadership`, `criteria` (tables; what they are made of is per-tier data), `scoring` (one model,
drawn per sheet or as arrays), `events` (meeting windows), `awards` (award policy), `names` (how
names are written), `rows` (facts → contract rows), `rule_breaks` (the planted breaks and their
manifest) and `writers` (append per batch, CSV or Parquet). Reference data is data (`data/`, read
by `tables`). The province tier's own modules: `layout` (Thanh Hóa's clusters and rosters as
configured), `reference` (seeds), `real_facts` (the constraints) and `rosters` (who sits where
each year); the national tier's are named `national*`.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from thidua.generate.rule_breaks import manifest_path, write_manifest
from thidua.generate.simulate import ProvinceSimulation
from thidua.generate.writers import Format

TIERS = ("province", "national")
FORMATS = ("csv", "parquet")


def generate(
    tier: str, seed: int, out_dir: Path, fmt: str = "csv", *, scale: float = 1.0
) -> dict[str, int]:
    """Write the tier's synthetic records to `out_dir`; returns rows written per record type.

    `province` is Thanh Hóa (its size is fixed: `scale` must be 1); `national` is the country's
    cluster systems, Thanh Hóa included, with `scale` multiplying the number of clusters.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if tier == "national":
        from thidua.generate.national import generate_national

        return generate_national(seed, Path(out_dir), fmt, scale)
    if tier != "province" or scale != 1.0:
        raise ValueError(f"unknown tier {tier!r} or scale {scale} (tiers: {', '.join(TIERS)})")
    simulation = ProvinceSimulation(seed)
    counts = simulation.write(Path(out_dir), cast(Format, fmt))
    write_manifest(manifest_path(Path(out_dir)), simulation.findings)
    return counts


__all__ = ["FORMATS", "TIERS", "generate", "manifest_path"]
