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
`national_layout` (scale, cluster references); `national_simulate` runs a year at a time on the
domain policy both tiers share (see the package's docstring).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import cast

from thidua.generate.national_layout import build_layout
from thidua.generate.national_simulate import YEAR_TYPES, NationalSimulation
from thidua.generate.national_units import YEARS
from thidua.generate.reference import Reference
from thidua.generate.rule_breaks import (
    ExpectedFinding,
    manifest_path,
    read_manifest,
    write_manifest,
)
from thidua.generate.writers import (
    Format,
    RecordFile,
    ScoreBatches,
    Strings,
    arrow_schema,
)
from thidua.paths import SEEDS_DIR

THANH_HOA_DIR = "thanh-hoa"
REFERENCE_FILES = ("organizers", "units")
SINGLE_FILES = ("clusters", *YEAR_TYPES)
_OWN_FILE = re.compile(
    r"^(organizers|units|clusters|memberships|rankings|awards|events|scores_\d{4})$"
)


def scores_file(out_dir: Path, year: int, fmt: str) -> Path:
    return out_dir / f"scores_{year}.{fmt}"


def _clear(out_dir: Path) -> None:
    """Remove what an earlier run wrote (either format): a folder holds one run's files."""
    for path in out_dir.iterdir():
        if path.is_file() and path.suffix in (".csv", ".parquet") and _OWN_FILE.match(path.stem):
            path.unlink()
    shutil.rmtree(out_dir / THANH_HOA_DIR, ignore_errors=True)


def _thanh_hoa(seed: int, out_dir: Path, fmt: str) -> tuple[dict[str, int], list[ExpectedFinding]]:
    """Thanh Hóa by the province tier; its manifest, which it writes beside its folder (that is,
    inside ours, where a folder load would pick it up), is taken out and merged into ours."""
    from thidua.generate import generate  # the package's entry point imports this module

    folder = out_dir / THANH_HOA_DIR
    counts = generate("province", seed, folder, fmt)
    manifest = manifest_path(folder)
    findings: list[ExpectedFinding] = []
    if manifest.exists():
        findings = read_manifest(manifest)
        manifest.unlink()
    return counts, findings


def _write_tier(
    simulation: NationalSimulation, out_dir: Path, fmt: Format, strings: Strings
) -> dict[str, int]:
    """Reference files, then the clusters, then the facts one results year at a time."""
    counts: dict[str, int] = {"scores": 0}
    for name, rows in (
        ("organizers", simulation.organizer_rows()),
        ("units", simulation.unit_rows()),
    ):
        with RecordFile(out_dir / f"{name}.{fmt}", arrow_schema(name), fmt) as file:
            file.write(rows)
        counts[name] = file.rows
    files = {
        name: RecordFile(out_dir / f"{name}.{fmt}", arrow_schema(name), fmt)
        for name in SINGLE_FILES
    }
    try:
        files["clusters"].write(simulation.cluster_rows())
        for year in YEARS:
            path = scores_file(out_dir, year, fmt)
            scores = ScoreBatches(path, fmt, strings, simulation.source_ref)
            try:
                batch = simulation.year(year, scores)
            finally:
                scores.close()
            counts["scores"] += scores.rows
            for name in YEAR_TYPES:
                files[name].write(batch[name].table())
    finally:
        for file in files.values():
            file.close()
    counts.update({name: file.rows for name, file in files.items()})
    return counts


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
    province_counts, findings = _thanh_hoa(seed, out_dir, fmt)
    strings = Strings()
    simulation = NationalSimulation(seed, layout, Reference(SEEDS_DIR), strings)
    counts = _write_tier(simulation, out_dir, cast(Format, fmt), strings)
    for name, rows in province_counts.items():
        counts[name] = counts.get(name, 0) + rows
    write_manifest(manifest_path(out_dir), findings + simulation.findings)
    order = (*REFERENCE_FILES, *SINGLE_FILES[:2], "scores", *SINGLE_FILES[2:])
    return {name: counts[name] for name in order}
