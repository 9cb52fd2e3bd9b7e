"""The real facts (data/sample/real) as constraints the synthetic data must respect.

The loader treats a later row with the same natural key as a restatement of the earlier one, so a
synthetic row must never share a key with a real row. More than that, where an article leaves
something unknown (the roles of the other members, who was proposed for a flag) the generator
must not fill it in: every partition a real file touches is left to the real rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from thidua.errors import FileRejected
from thidua.ingest.coerce import Context, coerce_batch
from thidua.ingest.readers import iter_input_files, read_file
from thidua.ingest.resolve import load_alias_index, load_organizer_lookup
from thidua.paths import SAMPLE_DIR, SEEDS_DIR

REAL_DIR = SAMPLE_DIR / "real"

ClusterYear = tuple[str, int]


@dataclass
class RealFacts:
    """What the real records fix, keyed by cluster id and results year."""

    cluster_ids: set[str] = field(default_factory=set)
    rosters: dict[ClusterYear, set[str]] = field(default_factory=dict)
    roles: dict[ClusterYear, dict[str, str]] = field(default_factory=dict)
    ranks: dict[ClusterYear, dict[str, int]] = field(default_factory=dict)
    award_partitions: set[ClusterYear] = field(default_factory=set)
    score_partitions: set[ClusterYear] = field(default_factory=set)
    events: dict[tuple[str, int, str], dt.date] = field(default_factory=dict)
    keys: dict[str, set[tuple[object, ...]]] = field(default_factory=dict)

    def partitions(self) -> set[ClusterYear]:
        """Every cluster-year some real record speaks of."""
        touched = (
            set(self.rosters) | set(self.ranks) | self.award_partitions | self.score_partitions
        )
        return touched | {(cluster_id, year) for cluster_id, year, _ in self.events}

    def ranked_units(self, cluster_id: str, year: int) -> tuple[str, ...]:
        """The units whose rank a real record states, best first."""
        ranks = self.ranks.get((cluster_id, year), {})
        return tuple(sorted(ranks, key=lambda unit_id: ranks[unit_id]))


def _typed_batches(real_dir: Path, seeds_dir: Path) -> Iterator[tuple[str, pl.DataFrame]]:
    """The real files read, typed and resolved exactly as `thidua load` would land them."""
    context = Context(
        aliases=load_alias_index(seeds_dir),
        organizers=load_organizer_lookup(seeds_dir),
        default_organizer_id="th-ubnd",
        default_source_kind="article",
    )
    for path in iter_input_files([real_dir]):
        for batch in read_file(path):
            if isinstance(batch, FileRejected):
                raise ValueError(f"a real sample file is unreadable: {batch}")
            typed, findings = coerce_batch(batch, context)
            if findings.height:
                raise ValueError(
                    f"real sample {batch.label} does not load cleanly: {findings.rows()}"
                )
            yield batch.record_type.name, typed


def read_real_facts(real_dir: Path = REAL_DIR, seeds_dir: Path = SEEDS_DIR) -> RealFacts:
    facts = RealFacts()
    for record_type, frame in _typed_batches(real_dir, seeds_dir):
        keys = facts.keys.setdefault(record_type, set())
        for row in frame.iter_rows(named=True):
            organizer_id, cluster_id = row["organizer_id"], row.get("cluster_id")
            if record_type == "clusters":
                facts.cluster_ids.add(str(cluster_id))
                keys.add((organizer_id, cluster_id))
                continue
            if cluster_id is None:
                continue  # an award not tied to a cluster constrains no cluster partition
            year = int(row["results_year"])
            partition = (cluster_id, year)
            unit_id = row.get("unit_id") or ""
            if record_type == "memberships":
                facts.rosters.setdefault(partition, set()).add(unit_id)
                if row["role"] is not None:
                    facts.roles.setdefault(partition, {})[unit_id] = row["role"]
                keys.add((organizer_id, cluster_id, year, unit_id))
            elif record_type == "rankings":
                if row["rank"] is not None:
                    facts.ranks.setdefault(partition, {})[unit_id] = int(row["rank"])
                keys.add((organizer_id, cluster_id, year, unit_id))
            elif record_type == "awards":
                facts.award_partitions.add(partition)
                keys.add((organizer_id, cluster_id, year, unit_id, row["award_type"]))
            elif record_type == "events":
                day: dt.date = row["event_date"]
                facts.events[(cluster_id, year, row["event_type"])] = day
                keys.add((organizer_id, cluster_id, year, row["event_type"], day))
            elif record_type == "scores":
                facts.score_partitions.add(partition)
                scorer = row.get("scorer_id") or ""
                keys.add((organizer_id, cluster_id, year, unit_id, row["criterion"], scorer))
    return facts
