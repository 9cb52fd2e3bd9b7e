"""The national tier: every cluster system of the country for results years 2006–2025.

`generate_national(seed, out_dir, fmt, scale)` writes, in `out_dir`:

- the reference files `organizers.<fmt>` and `units.<fmt>` (loaded first: every name the facts
  write resolves against them);
- `clusters`, `memberships`, `rankings`, `awards` and `events` as one file each, and the
  criterion scores split per results year (`scores_2006.<fmt>` … `scores_2025.<fmt>`), so a
  loader takes one year at a time;
- `thanh-hoa/`: Thanh Hóa's UBND clusters, written by the province tier with the same seed, so
  the real facts stay its constraints (this tier never generates that organiser again).

Beside the folder, `<out_dir>.planted_rule_breaks.csv` lists every finding the warehouse must
report on the synthetic rows: the province tier's planted breaks and this tier's declared
rankings that swap two neighbours against the scores (RANK_CONTRADICTS_SCORES).

The tier is streamed: one results year at a time, a cluster-year's scores drawn as one numpy
array and written as dictionary-encoded columns, a row group (about a million rows) at a time.
The same seed and scale always give the same files. `scale` (0 < scale ≤ 1) keeps that share of
the country's cluster-years (see `national_layout`).

The tier's own modules lay the country out: `national_places` (provinces, districts, communes),
`national_templates` (ministries, mass organisations, a UBND's units), `national_units` and
`national_pools` (organisers, units, pools), `national_rosters` (who sits where) and
`national_layout` (scale, cluster references); `national_simulate` runs the tier on the engine
both tiers share (`simulate`).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import cast

from thidua.generate.national_layout import build_layout
from thidua.generate.national_simulate import NationalSimulation
from thidua.generate.rule_breaks import manifest_path, write_manifest
from thidua.generate.simulate import ProvinceSimulation
from thidua.generate.writers import Format

THANH_HOA_DIR = "thanh-hoa"
REFERENCE_FILES = ("organizers", "units")
SINGLE_FILES = ("clusters", "memberships", "rankings", "events", "awards")
_SCORES_FILE = re.compile(r"^scores_\d{4}\.(csv|parquet)$")


def _clear(out_dir: Path) -> None:
    """Remove what an earlier run wrote that the writers do not (either format): a folder holds
    one run's files."""
    for path in out_dir.iterdir():
        if path.is_file() and _SCORES_FILE.match(path.name):
            path.unlink()
    shutil.rmtree(out_dir / THANH_HOA_DIR, ignore_errors=True)


def generate_national(
    seed: int, out_dir: Path, fmt: str = "parquet", scale: float = 1.0
) -> dict[str, int]:
    """Write the national tier to `out_dir`; returns rows written per record type (Thanh Hóa's
    included)."""
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r} (csv or parquet)")
    out_dir = Path(out_dir)
    layout = build_layout(seed, scale)  # checks the scale before anything is written
    out_dir.mkdir(parents=True, exist_ok=True)
    _clear(out_dir)
    # Thanh Hóa by the province tier, in a folder of ours; its findings join ours
    province = ProvinceSimulation(seed)
    province_counts = province.write(out_dir / THANH_HOA_DIR, cast(Format, fmt))
    simulation = NationalSimulation(seed, layout)
    counts = simulation.write(out_dir, cast(Format, fmt), (*REFERENCE_FILES, *SINGLE_FILES))
    for name, rows in province_counts.items():
        counts[name] = counts.get(name, 0) + rows
    write_manifest(manifest_path(out_dir), province.findings + simulation.findings)
    order = (*REFERENCE_FILES, *SINGLE_FILES[:2], "scores", *SINGLE_FILES[2:])
    return {name: counts[name] for name in order}
