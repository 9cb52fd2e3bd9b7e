"""The national tier on the engine (`simulate`): its policy streams are prefixed "national";
scores and spellings come from a numpy stream per cluster- or organiser-year, in a fixed order
(the sheet, then the memberships, scores, rankings and events documents). The tier knows no real
facts and plants no rule breaks: its findings are the declared rank swaps.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from thidua.generate import rows
from thidua.generate.awards import Award, Issuer
from thidua.generate.criteria import Criterion
from thidua.generate.layout import Cluster
from thidua.generate.names import Spellings
from thidua.generate.national_layout import Layout
from thidua.generate.national_units import LAST_YEAR, YEARS, stable_int
from thidua.generate.reference import Reference
from thidua.generate.scoring import CriteriaTable, ScoreArray, draw_score_array
from thidua.generate.simulate import Batch, Engine, Organiser
from thidua.generate.writers import Format, RecordWriter, Row, ScoreBatches, Strings
from thidua.paths import SEEDS_DIR

_GOV_PROPOSALS = (1, 5)  # leading units an organiser forwards to the Prime Minister a year


_TableIds = tuple[np.ndarray, np.ndarray, np.ndarray]  # string ids: codes, groups, names
_Sheet = tuple[CriteriaTable, _TableIds, ScoreArray]


class NationalSimulation(Engine[_Sheet]):
    def __init__(self, seed: int, layout: Layout) -> None:
        reference, self.strings = Reference(SEEDS_DIR), Strings()
        prime_minister = reference.award_issuers["GOV_FLAG"]
        organizers = {
            o.organizer_id: Organiser(
                o.short_name,
                Issuer(o.head, o.decision_suffix, prime_minister, _GOV_PROPOSALS),
                None if o.level == "province" else o.name,
            )
            for o in layout.organizers
        }
        super().__init__(
            seed,
            "national",
            layout.clusters,
            organizers,
            reference,
            layout.units.__getitem__,
            YEARS,
            ongoing=LAST_YEAR,
        )
        self.layout = layout
        self.spell = Spellings(layout, self.strings)
        self.scores: ScoreBatches | None = None  # the year's score file, while it is written
        self._tables: dict[tuple[Criterion, ...], tuple[CriteriaTable, _TableIds]] = {}
        self._cluster_rng = np.random.Generator(np.random.PCG64(seed))

    def _rng(self, key: str, year: int) -> np.random.Generator:
        sequence = np.random.SeedSequence(self.seed, spawn_key=(stable_int(key), year))
        return np.random.Generator(np.random.PCG64(sequence))

    def write(self, out_dir: Path, fmt: Format, names: tuple[str, ...]) -> dict[str, int]:
        """Reference files, then the clusters, then the facts one results year at a time."""
        scores = 0
        with RecordWriter(out_dir, fmt, names) as writer:
            # the reference files first: the contract's columns are fields of the specs
            organizers = [vars(o) for o in self.layout.organizers]
            units = [{**vars(u), "organizer": u.organizer_id} for u in self.layout.units.values()]
            for name, specs in (("organizers", organizers), ("units", units)):
                writer.write({name: [rows.synthetic(self.source_ref, **s) for s in specs]})
            writer.write({"clusters": self.cluster_rows()})
            for year in self.years:
                path = out_dir / f"scores_{year}.{fmt}"
                with ScoreBatches(path, fmt, self.strings, self.source_ref) as self.scores:
                    writer.write(self.year(year))
                scores += self.scores.rows
        return {**writer.counts(), "scores": scores}

    def _award_rows(self, organizer_id: str, year: int, given: list[Award]) -> list[Row]:
        """The organiser-year's award decisions: one document, so one spelling per name."""
        rng = self._rng(f"organizer:{organizer_id}", year)
        organizer = self.spell.organizer(rng, organizer_id)
        clusters: dict[str, str] = {}
        units: dict[str, str] = {}
        found, issuers = [], self.reference.award_issuers
        for award in given:
            if award.cluster_id not in clusters:
                clusters[award.cluster_id] = self.spell.cluster(rng, self._by_id[award.cluster_id])
            if award.unit_id not in units:
                units.update(self.spell.units(rng, (award.unit_id,)))
            doc = rows.Document(
                organizer, clusters[award.cluster_id], year, units.__getitem__, self.source_ref
            )
            found.append(rows.award(doc, award, award.issuer or issuers[award.award_type]))
        return found

    def _sheet(
        self, cluster: Cluster, year: int, criteria: tuple[Criterion, ...], known: tuple[str, ...]
    ) -> tuple[_Sheet, list[str], dict[str, float]]:
        # the cluster-year's numpy stream: this sheet, then its documents' spellings
        self._cluster_rng = self._rng(cluster.cluster_id, year)
        members = cluster.rosters[year]
        table, ids = self._table(criteria)
        sheet = draw_score_array(self._cluster_rng, self.strengths.shares(members, year), table)
        shares = {u: float(s) for u, s in zip(members, sheet.final / table.scale, strict=True)}
        return (table, ids, sheet), [members[int(i)] for i in sheet.order()], shares

    def _document(self, cluster: Cluster, year: int, record_type: str) -> rows.Document:
        rng = self._cluster_rng
        organizer = self.spell.organizer(rng, cluster.organizer_id)
        written = self.spell.cluster(rng, cluster)
        names = self.spell.units(rng, cluster.rosters[year])
        return rows.Document(organizer, written, year, names.__getitem__, self.source_ref)

    def _table(self, criteria: tuple[Criterion, ...]) -> tuple[CriteriaTable, _TableIds]:
        """The table as arrays and its strings' ids, made once per table."""
        found = self._tables.get(criteria)
        if found is None:
            table = CriteriaTable.of(criteria, self._shape.emulation_group)
            texts = (table.codes, table.groups, table.names)
            intern = self.strings.id
            codes, groups, names = (np.array([intern(t) for t in ts], np.int64) for ts in texts)
            found = self._tables[criteria] = (table, (codes, groups, names))
        return found

    def _score_rows(self, cluster: Cluster, year: int, sheet: _Sheet, batch: Batch) -> None:
        """The sheet as columns: rows run scored unit → scorer → criterion."""
        assert self.scores is not None, "scores are drawn while a year's score file is open"
        criteria, (codes, groups, names), array = sheet
        rng, members = self._cluster_rng, cluster.rosters[year]
        m, c = len(members), len(criteria.maxima)
        n = m * m * c
        written = self.spell.unit_ids(rng, members)
        bonus = np.full((m, m, c), np.nan)
        bonus[:, :, criteria.bonus_index] = np.where(array.bonus > 0, array.bonus, np.nan)[:, None]
        organizer = self.strings.id(self.spell.organizer(rng, cluster.organizer_id))
        self.scores.add(
            {
                "organizer": np.full(n, organizer),
                "cluster": np.full(n, self.strings.id(self.spell.cluster(rng, cluster))),
                "results_year": np.full(n, year, dtype=np.int64),
                "unit": np.repeat(written, m * c),
                "scorer": np.tile(np.repeat(written, c), m),
                "criterion": np.tile(codes, m * m),
                "criterion_group": np.tile(groups, m * m),
                "note": np.tile(names, m * m),  # the code is the key; the name for people
                "points": array.points.reshape(n),
                "max_points": np.tile(criteria.maxima, m * m),
                "bonus": bonus.reshape(n),
            }
        )
