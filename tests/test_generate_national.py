"""The national tier: deterministic, in the contract, loadable by the real loader, realistic.

Everything runs at scale 0.01, beside Thanh Hóa's province tier (21 clusters, 103,063 scores).
Expected sizes of this tier (seed 1): at scale 1.0, 53 organisers (33 provinces besides Thanh
Hóa, 15 ministries and ministry-level bodies, 5 mass organisations), 1,970 clusters, 17,817
units, 28,286 cluster-years and 47.68 million criterion scores; at 0.01, 11 organisers,
21 clusters, 199 units, 281 cluster-years (0.99 %) and 0.51 million scores (1.07 %).
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from thidua.contract.records import RECORD_TYPES
from thidua.generate.national import generate_national
from thidua.generate.national_layout import build_layout
from thidua.generate.national_places import PROVINCES
from thidua.generate.national_pools import all_pools
from thidua.generate.national_units import FIRST_YEAR, LAST_YEAR
from thidua.generate.reference import Reference
from thidua.generate.rule_breaks import manifest_path
from thidua.ingest.loader import load_files
from thidua.normalize import match_key, parse_cluster_ref
from thidua.paths import Home

SEED = 1
SCALE = 0.01
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)
FACTS = ("clusters", "memberships", "rankings", "awards", "events")
Frames = dict[str, pl.DataFrame]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out_dir = tmp_path_factory.mktemp("national") / "seed1"
    return out_dir, generate_national(SEED, out_dir, "parquet", SCALE)


@pytest.fixture(scope="module")
def out_dir(generated: tuple[Path, dict[str, int]]) -> Path:
    return generated[0]


@pytest.fixture(scope="module")
def counts(generated: tuple[Path, dict[str, int]]) -> dict[str, int]:
    return generated[1]


def _read(path: Path) -> pl.DataFrame:
    return pl.read_parquet(path) if path.suffix == ".parquet" else pl.read_csv(path)


@pytest.fixture(scope="module")
def frames(out_dir: Path) -> Frames:
    """Every top-level file (this tier's rows), the scores of all years together."""
    result = {
        name: pl.read_parquet(out_dir / f"{name}.parquet")
        for name in ("organizers", "units", *FACTS)
    }
    result["scores"] = pl.concat(
        [pl.read_parquet(out_dir / f"scores_{year}.parquet") for year in YEARS]
    )
    return result


@pytest.fixture(scope="module")
def resolved(frames: Frames) -> Frames:
    """The fact frames with organizer_id, cluster_id and the ids of unit, scorer and host, resolved
    from the reference files the way the loader does (match key, within the organiser)."""
    organizers = {
        match_key(name): row["organizer_id"]
        for row in frames["organizers"].iter_rows(named=True)
        for name in (row["name"], row["short_name"])
    }
    units = {
        (row["organizer"], match_key(name)): row["unit_id"]
        for row in frames["units"].iter_rows(named=True)
        for name in (row["name"], row["short_name"])
        if name
    }
    result: Frames = {}
    for name in (*FACTS, "scores"):
        frame = frames[name]
        keys = frame.select("organizer", "cluster").unique()
        ids = []
        for organizer, cluster in keys.iter_rows():
            organizer_id = organizers[match_key(organizer)]
            ref = parse_cluster_ref(cluster)
            assert ref is not None, cluster
            ids.append((organizer_id, ref.cluster_id(organizer_id)))
        keys = keys.with_columns(
            pl.Series("organizer_id", [i[0] for i in ids]),
            pl.Series("cluster_id", [i[1] for i in ids]),
        )
        frame = frame.join(keys, on=["organizer", "cluster"], how="left")
        for column in ("unit", "scorer", "host"):
            if column in frame.columns:
                names = frame.select("organizer_id", column).unique().drop_nulls()
                found = [units.get((o, match_key(n))) for o, n in names.iter_rows()]
                names = names.with_columns(pl.Series(f"{column}_id", found, dtype=pl.Utf8))
                frame = frame.join(names, on=["organizer_id", column], how="left")
        result[name] = frame
    return result


def _number(value: object) -> float:
    """A polars aggregate as a float (they are typed as any scalar)."""
    assert isinstance(value, int | float), value
    return float(value)


def _final_scores(scores: pl.DataFrame) -> pl.DataFrame:
    """Final score per unit-year as the warehouse computes it: mean peer total plus mean bonus."""
    per_scorer = scores.group_by("cluster_id", "results_year", "unit_id", "scorer_id").agg(
        pl.col("points").sum(), pl.col("bonus").sum()
    )
    peers = per_scorer.filter(pl.col("unit_id") != pl.col("scorer_id"))
    return peers.group_by("cluster_id", "results_year", "unit_id").agg(
        (pl.col("points").mean() + pl.col("bonus").mean()).alias("final")
    )


# --- determinism, files and the contract -------------------------------------------------------


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_same_seed_and_scale_give_identical_files(out_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate_national(SEED, again, "parquet", SCALE)
    assert _files(again) == _files(out_dir)
    assert manifest_path(again).read_bytes() == manifest_path(out_dir).read_bytes()
    other = tmp_path / "other"
    generate_national(SEED + 1, other, "parquet", SCALE)
    assert _files(other)["scores_2020.parquet"] != _files(out_dir)["scores_2020.parquet"]


def test_files_are_the_reference_files_the_facts_and_scores_per_year(out_dir: Path) -> None:
    expected = {f"{name}.parquet" for name in ("organizers", "units", *FACTS)}
    expected |= {f"scores_{year}.parquet" for year in YEARS}
    assert {p.name for p in out_dir.iterdir() if p.is_file()} == expected
    # Thanh Hóa comes from the province tier, in its own folder; its manifest is not left inside
    assert {p.name for p in (out_dir / "thanh-hoa").iterdir()} == {
        f"{name}.parquet"
        for name in ("clusters", "memberships", "scores", "rankings", "awards", "events")
    }
    assert not list(out_dir.glob("*.planted_rule_breaks.csv"))


def test_columns_and_types_are_the_contract(out_dir: Path) -> None:
    types = {
        "int": pl.Int64,
        "float": pl.Float64,
        "date": pl.Date,
        "year": pl.Int64,
        "partial_date": pl.Date,
    }
    for path in sorted(out_dir.glob("*.parquet")):
        record_type = RECORD_TYPES["scores" if path.stem.startswith("scores_") else path.stem]
        frame = pl.read_parquet(path)
        assert frame.columns == [c.name for c in record_type.columns], path.name
        for column in record_type.columns:
            assert frame.schema[column.name] == types.get(column.kind, pl.String), (
                path.name,
                column,
            )


def test_csv_holds_the_same_rows_as_parquet(
    out_dir: Path, counts: dict[str, int], tmp_path: Path
) -> None:
    as_csv = generate_national(SEED, tmp_path / "csv", "csv", SCALE)
    assert as_csv == counts
    for path in sorted(out_dir.glob("*.parquet")):
        parquet = pl.read_parquet(path)
        csv = pl.read_csv(tmp_path / "csv" / f"{path.stem}.csv", schema=parquet.schema)
        assert csv.equals(parquet), path.name


def test_every_row_is_synthetic(frames: Frames, out_dir: Path) -> None:
    for name, frame in frames.items():
        assert frame["source_kind"].unique().to_list() == ["synthetic"], name
        assert frame["source_ref"].unique().to_list() == [f"synthetic:national:seed={SEED}"], name
    for path in (out_dir / "thanh-hoa").iterdir():
        assert pl.read_parquet(path)["source_kind"].unique().to_list() == ["synthetic"], path.name


def test_text_is_nfc_with_vietnamese_diacritics(frames: Frames) -> None:
    for name, frame in frames.items():
        for column, dtype in frame.schema.items():
            if dtype == pl.String:
                for value in frame[column].drop_nulls().unique().to_list():
                    assert unicodedata.is_normalized("NFC", value), (name, column, value)
    assert "Ủy ban nhân dân tỉnh Nghệ An" in {o.name for o in all_pools()[0]}


def test_counts_are_the_rows_written(out_dir: Path, counts: dict[str, int]) -> None:
    for name in ("organizers", "units", *FACTS, "scores"):
        national = sum(
            pl.read_parquet(p).height
            for p in out_dir.glob(f"{name}*.parquet")
            if p.stem == name or p.stem.startswith(f"{name}_")
        )
        province = sum(
            pl.read_parquet(p).height for p in (out_dir / "thanh-hoa").glob(f"{name}.parquet")
        )
        assert counts[name] == national + province, name


def test_scale_and_format_out_of_range_are_refused(tmp_path: Path) -> None:
    for scale in (0.0, -0.1, 1.5):
        with pytest.raises(ValueError, match="scale"):
            generate_national(SEED, tmp_path / "bad", "parquet", scale)
    with pytest.raises(ValueError, match="format"):
        generate_national(SEED, tmp_path / "bad", "xlsx", SCALE)
    assert not (tmp_path / "bad").exists()


# --- the real loader ---------------------------------------------------------------------------


@pytest.mark.integration
def test_the_real_loader_quarantines_and_rejects_nothing(
    out_dir: Path, counts: dict[str, int], tmp_path: Path
) -> None:
    report = load_files([out_dir], Home(tmp_path / "home"), source_kind="synthetic")
    assert report.rejected == []
    problems = [
        (b.label, b.findings.head(3).to_dicts())
        for b in report.batches
        if b.rows_quarantined and b.findings is not None
    ]
    assert problems == []
    assert report.quarantined_rows == 0
    assert report.loaded_rows == sum(counts.values())
    loaded = {b.label for b in report.batches if b.status == "loaded"}
    assert {f"scores_{year}.parquet" for year in YEARS} <= loaded


# --- the country -------------------------------------------------------------------------------


def test_the_country_has_34_provinces_and_the_national_systems() -> None:
    organizers, pools = all_pools()
    provinces = [o for o in organizers if o.level == "province"]
    assert len(provinces) == 33  # Thanh Hóa's UBND is the seed organiser th-ubnd
    assert {o.province for o in provinces} | {"Thanh Hóa"} == {p.name for p in PROVINCES}
    assert len(PROVINCES) == 34
    assert all(
        o.organizer_id == f"{p.code}-ubnd"
        for o, p in zip(provinces, [p for p in PROVINCES if p.code != "th"], strict=True)
    )
    assert Counter(o.level for o in organizers) == {"province": 33, "ministry": 15, "mass_org": 5}
    assert not any(p.organizer_id == "th-ubnd" for p in pools)
    assert 17_000 <= sum(len(p.units) for p in pools) <= 20_000


def test_names_resolve_to_one_unit_within_their_organiser(frames: Frames) -> None:
    keys = Counter(
        (row["organizer"], match_key(name))
        for row in frames["units"].iter_rows(named=True)
        for name in {row["name"], row["short_name"]} - {None}
    )
    assert [key for key, n in keys.items() if n > 1] == []
    assert frames["units"]["unit_id"].is_unique().all()


def test_every_written_name_is_a_registered_name(resolved: Frames) -> None:
    for name, frame in resolved.items():
        for column in ("unit", "scorer", "host"):
            if column in frame.columns:
                missing = frame.filter(
                    pl.col(column).is_not_null() & pl.col(f"{column}_id").is_null()
                )
                assert missing.height == 0, (name, missing[column].unique().to_list()[:5])


# --- rosters and leadership --------------------------------------------------------------------


def test_rosters_have_5_to_14_members_and_one_leader(resolved: Frames) -> None:
    per_year = (
        resolved["memberships"]
        .group_by("cluster_id", "results_year")
        .agg(
            pl.len().alias("members"),
            (pl.col("role") == "leader").sum().alias("leaders"),
            (pl.col("role") == "deputy").sum().alias("deputies"),
            pl.col("unit_id").n_unique().alias("units"),
        )
    )
    assert per_year["members"].is_between(5, 14).all()
    assert (per_year["leaders"] == 1).all()
    assert per_year["deputies"].is_between(1, 2).all()
    assert (per_year["units"] == per_year["members"]).all()
    assert per_year["deputies"].max() == 2  # some clusters have two deputies


def test_a_unit_sits_in_one_cluster_of_its_organiser_a_year(resolved: Frames) -> None:
    seats = resolved["memberships"].group_by("organizer_id", "unit_id", "results_year").len()
    assert (seats["len"] == 1).all()


def test_rosters_change_over_the_years(resolved: Frames) -> None:
    rosters = (
        resolved["memberships"].group_by("cluster_id", "results_year").agg(pl.col("unit_id").sort())
    )
    by_cluster: dict[str, list[tuple[int, list[str]]]] = {}
    for cluster_id, year, units in rosters.sort("results_year").iter_rows():
        by_cluster.setdefault(cluster_id, []).append((year, units))
    changes = sum(
        a[1] != b[1] for years in by_cluster.values() for a, b in itertools.pairwise(years)
    )
    assert changes > 0
    for years in by_cluster.values():  # a cluster's years run without a gap
        assert [y for y, _ in years] == list(range(years[0][0], years[-1][0] + 1))


# --- scores and ranks --------------------------------------------------------------------------


def test_scores_are_split_per_results_year(out_dir: Path) -> None:
    for year in YEARS:
        years = (
            pl.read_parquet(out_dir / f"scores_{year}.parquet")["results_year"].unique().to_list()
        )
        assert years == [year]


def test_points_stay_within_zero_and_the_maximum_on_their_step(frames: Frames) -> None:
    scores = frames["scores"]
    assert (scores["points"] >= 0).all()
    assert (scores["points"] <= scores["max_points"]).all()
    assert ((scores["points"] * 2) % 1 == 0).all()  # halves on 100-point tables
    thousand = scores.join(
        scores.group_by("cluster", "results_year", "unit", "scorer").agg(
            pl.col("max_points").sum().alias("scale")
        ),
        on=["cluster", "results_year", "unit", "scorer"],
    ).filter(pl.col("scale") == 1000)
    assert (thousand["points"] % 1 == 0).all()  # whole points on 1000-point tables
    assert (scores["bonus"].drop_nulls() > 0).all()
    assert 0 < _number(scores["bonus"].is_not_null().mean()) < 0.02


def test_criteria_maxima_sum_to_the_scale(resolved: Frames) -> None:
    tables = (
        resolved["scores"]
        .group_by("cluster_id", "results_year", "unit_id", "scorer_id")
        .agg(
            pl.col("max_points").sum().alias("total"),
            pl.col("criterion").n_unique().alias("criteria"),
            pl.len(),
        )
    )
    assert set(tables["total"].unique().to_list()) == {100.0, 1000.0}
    assert tables["criteria"].is_between(16, 24).all()
    assert (tables["criteria"] == tables["len"]).all()
    assert 18 <= _number(tables["criteria"].mean()) <= 22
    groups = (
        resolved["scores"]
        .group_by("cluster_id", "results_year", "criterion_group")
        .agg(pl.col("criterion").n_unique())
    )
    assert groups.group_by("cluster_id", "results_year").len()["len"].is_between(3, 5).all()


def test_every_member_scores_every_member_on_every_criterion(resolved: Frames) -> None:
    members = (
        resolved["memberships"]
        .group_by("cluster_id", "results_year")
        .agg(pl.col("unit_id").sort().alias("members"))
    )
    scored = (
        resolved["scores"]
        .group_by("cluster_id", "results_year")
        .agg(
            pl.col("unit_id").unique().sort().alias("units"),
            pl.col("scorer_id").unique().sort().alias("scorers"),
            pl.len().alias("rows"),
            pl.col("criterion").n_unique().alias("criteria"),
        )
    )
    joined = members.join(scored, on=["cluster_id", "results_year"], how="full", coalesce=True)
    assert joined.filter(pl.col("members") != pl.col("units")).height == 0
    assert joined.filter(pl.col("members") != pl.col("scorers")).height == 0
    m = joined["members"].list.len()
    assert (joined["rows"] == m * m * joined["criteria"]).all()


def test_self_scores_run_a_little_high_and_units_score_85_to_99_percent(resolved: Frames) -> None:
    totals = (
        resolved["scores"]
        .group_by("cluster_id", "results_year", "unit_id", "scorer_id")
        .agg((pl.col("points").sum() / pl.col("max_points").sum()).alias("share"))
    )
    own = totals.filter(pl.col("unit_id") == pl.col("scorer_id"))["share"].mean()
    peer = totals.filter(pl.col("unit_id") != pl.col("scorer_id"))["share"]
    assert _number(own) > _number(peer.mean())
    assert _number(peer.is_between(0.8, 1.0).mean()) > 0.95


def test_declared_ranks_follow_scores_but_for_rare_adjacent_swaps(
    resolved: Frames, out_dir: Path
) -> None:
    finals = _final_scores(resolved["scores"])
    ranks = resolved["rankings"].join(
        finals, on=["cluster_id", "results_year", "unit_id"], how="left"
    )
    assert ranks["final"].null_count() == 0
    ranks = ranks.with_columns(
        pl.col("final")
        .rank("min", descending=True)
        .over("cluster_id", "results_year")
        .cast(pl.Int64)
        .alias("by_score")
    )
    per_year = ranks.group_by("cluster_id", "results_year").agg(
        pl.col("rank").sort().alias("declared"),
        pl.col("final").n_unique().alias("distinct"),
        pl.len(),
    )
    assert (per_year["distinct"] == per_year["len"]).all()  # no ties: every rank is decidable
    assert all(d == list(range(1, len(d) + 1)) for d in per_year["declared"].to_list())
    off = ranks.filter(pl.col("rank") != pl.col("by_score"))
    assert ((off["rank"] - off["by_score"]).abs() == 1).all()
    assert 0 < off.select("cluster_id", "results_year").n_unique() < 0.1 * per_year.height
    manifest = pl.read_csv(manifest_path(out_dir), infer_schema=False).filter(
        pl.col("rule_code") == "RANK_CONTRADICTS_SCORES",
        ~pl.col("cluster_id").str.starts_with("th-ubnd:"),
    )
    assert set(
        manifest.select("cluster_id", pl.col("results_year").cast(pl.Int64), "unit_id").iter_rows()
    ) == set(off.select("cluster_id", "results_year", "unit_id").iter_rows())


# --- the 2025 reorganisation -------------------------------------------------------------------


def _units_on(frames: Frames, resolved: Frames, year: int) -> set[str]:
    ids: set[str] = set()
    for name in ("memberships", "scores", "rankings", "awards", "events"):
        frame = resolved[name].filter(pl.col("results_year") == year)
        for column in ("unit_id", "scorer_id", "host_id"):
            if column in frame.columns:
                ids |= set(frame[column].drop_nulls().to_list())
    return ids


def test_merged_units_are_absent_in_2025_and_their_successors_present(
    frames: Frames, resolved: Frames
) -> None:
    units = frames["units"]
    in_2025 = _units_on(frames, resolved, 2025)
    ceased = units.filter(pl.col("valid_to") < dt.date(2025, 12, 31))["unit_id"].to_list()
    assert ceased and not set(ceased) & in_2025
    merged = units.filter(pl.col("valid_to") == dt.date(2025, 2, 28))["unit_id"].to_list()
    departments = {u.split("-", 1)[1] for u in merged}
    assert {"so-khdt", "so-tnmt", "so-nnptnt", "so-gtvt", "so-tttt", "so-ldtbxh"} <= departments
    formed = units.filter(pl.col("valid_from") == dt.date(2025, 3, 1))["unit_id"].to_list()
    assert any(u.endswith("-so-nnmt") for u in formed)
    assert set(formed) <= in_2025  # the new departments took their predecessors' seats
    for year in range(FIRST_YEAR, 2025):
        assert not set(formed) & _units_on(frames, resolved, year)


def test_no_unit_appears_outside_its_lifetime(frames: Frames, resolved: Frames) -> None:
    lifetimes = {
        row["unit_id"]: (row["valid_from"], row["valid_to"])
        for row in frames["units"].iter_rows(named=True)
    }
    for year in YEARS:
        closes = dt.date(year, 12, 31)
        for unit_id in _units_on(frames, resolved, year):
            start, end = lifetimes[unit_id]
            assert (start is None or start <= closes) and (end is None or end >= closes), (
                unit_id,
                year,
            )


def test_district_clusters_end_with_2024_and_commune_clusters_start_in_2025(
    frames: Frames, resolved: Frames
) -> None:
    types = dict(frames["units"].select("unit_id", "unit_type").iter_rows())
    kinds = resolved["memberships"].with_columns(
        pl.col("unit_id").replace_strict(types, return_dtype=pl.Utf8).alias("unit_type")
    )
    district = kinds.filter(pl.col("unit_type").is_in(["district", "district_branch"]))
    commune = kinds.filter(pl.col("unit_type") == "commune")
    assert district.height and district["results_year"].max() == 2024
    assert commune.height and commune["results_year"].unique().to_list() == [2025]
    ended = set(district["cluster_id"].unique().to_list())
    clusters = resolved["clusters"].filter(pl.col("cluster_id").is_in(list(ended)))
    assert clusters["valid_to_year"].unique().to_list() == [2024]


# --- awards and events -------------------------------------------------------------------------


def test_one_provincial_flag_per_cluster_year_to_its_leading_unit(
    resolved: Frames, frames: Frames
) -> None:
    levels = dict(frames["organizers"].select("organizer_id", "level").iter_rows())
    awards = resolved["awards"].with_columns(
        pl.col("organizer_id").replace_strict(levels).alias("level")
    )
    first = (
        resolved["rankings"]
        .filter(pl.col("rank") == 1)
        .select("cluster_id", "results_year", pl.col("unit_id").alias("first"))
    )
    flags = awards.filter(pl.col("award_type") == "PROV_FLAG")
    assert set(flags["level"].unique().to_list()) == {"province"}
    province_years = (
        resolved["rankings"]
        .filter(pl.col("organizer_id").str.ends_with("-ubnd"))
        .select("cluster_id", "results_year")
        .unique()
    )
    per = flags.group_by("cluster_id", "results_year").agg(pl.col("unit_id"), pl.len())
    assert per.height == province_years.height and (per["len"] == 1).all()
    checked = flags.join(first, on=["cluster_id", "results_year"])
    assert (checked["unit_id"] == checked["first"]).all()
    place = {o.organizer_id: o.head for o in all_pools()[0]}
    assert (flags["issuer"] == flags["organizer_id"].replace_strict(place)).all()


def test_government_flags_follow_the_regime_in_force(resolved: Frames, frames: Frames) -> None:
    reference = Reference()
    levels = dict(frames["organizers"].select("organizer_id", "level").iter_rows())
    awards = resolved["awards"]
    first = set(
        resolved["rankings"]
        .filter(pl.col("rank") == 1)
        .select("cluster_id", "results_year", "unit_id")
        .iter_rows()
    )
    flag_years: dict[tuple[str, str], int] = {}
    for org, unit, year in (
        awards.filter(pl.col("award_type") == "PROV_FLAG")
        .select("organizer_id", "unit_id", "results_year")
        .iter_rows()
    ):
        flag_years[(org, unit)] = min(year, flag_years.get((org, unit), year))
    gov = awards.filter(pl.col("award_type") == "GOV_FLAG")
    assert gov.height > 0
    for (org, year), group in gov.group_by("organizer_id", "results_year"):
        regime = reference.regime(int(year))
        holders = awards.filter(
            (pl.col("organizer_id") == org)
            & (pl.col("results_year") == year)
            & (pl.col("award_type") == "PROV_FLAG")
        )["unit_id"].n_unique()
        if regime.max_share_of_eligible is not None:
            assert group.height <= regime.max_share_of_eligible * holders + 1e-9
        for cluster, unit in group.select("cluster_id", "unit_id").iter_rows():
            assert (cluster, year, unit) in first  # the leading units, under every regime here
            if regime.requires_prior_provincial_flag:
                assert flag_years.get((org, unit), 9999) <= year
        if levels[org] != "province":  # ministries: only where a leading unit is all it takes
            assert regime.requires_leading_unit and regime.max_share_of_eligible is None
    merit = awards.filter(pl.col("award_type") == "PM_MERIT")
    assert set(merit["organizer_id"].replace_strict(levels).unique().to_list()) <= {
        "ministry",
        "mass_org",
    }


def test_events_fall_in_their_windows_on_working_days_hosted_by_members(resolved: Frames) -> None:
    events = resolved["events"]
    reviews = events.filter(pl.col("event_type") == "year_end_review")
    assert reviews.group_by("cluster_id", "results_year").len()["len"].max() == 1
    cluster_years = resolved["memberships"].select("cluster_id", "results_year").unique()
    assert reviews.height == cluster_years.height  # every cluster-year has its year-end review
    previous = {
        (c, y + 1): d
        for c, y, d in reviews.select("cluster_id", "results_year", "event_date").iter_rows()
    }
    for c, y, kind, day in events.select(
        "cluster_id", "results_year", "event_type", "event_date"
    ).iter_rows():
        assert day.weekday() < 5, (c, y, kind, day)
        if kind == "covenant_signing":
            assert (
                dt.date(y, 2, 1) <= day <= dt.date(y, 4, 30)
                or day == previous.get((c, y))
                or (y == 2025 and dt.date(2025, 7, 1) <= day <= dt.date(2025, 8, 30))
            ), (c, y, day)
        elif kind == "mid_year_review":
            assert dt.date(y, 6, 15) <= day <= dt.date(y, 7, 31)
        else:
            assert dt.date(y, 11, 15) <= day <= dt.date(y + 1, 3, 31)
    members = set(
        resolved["memberships"].select("cluster_id", "results_year", "unit_id").iter_rows()
    )
    hosts = events.select("cluster_id", "results_year", "host_id").iter_rows()
    assert all(h in members for h in hosts)
    leaders = set(
        resolved["memberships"]
        .filter(pl.col("role") == "leader")
        .select("cluster_id", "results_year", "unit_id")
        .iter_rows()
    )
    led = sum(
        h in leaders for h in events.select("cluster_id", "results_year", "host_id").iter_rows()
    )
    assert 0.4 < led / events.height < 0.9  # usually the leader, not always


# --- scale -------------------------------------------------------------------------------------


def test_the_tier_at_001_holds_about_1_percent_of_the_country(resolved: Frames) -> None:
    full = build_layout(SEED, 1.0)
    full_cluster_years = sum(len(c.rosters) for c in full.clusters)
    full_rows = sum(len(r) ** 2 for c in full.clusters for r in c.rosters.values())
    cluster_years = resolved["memberships"].select("cluster_id", "results_year").n_unique()
    squares = (
        resolved["memberships"].group_by("cluster_id", "results_year").len()["len"].pow(2).sum()
    )
    assert 0.007 <= cluster_years / full_cluster_years <= 0.014
    assert 0.007 <= squares / full_rows <= 0.014
    # 1.0: 28,286 cluster-years, 47.68 million scores (≈ 19.6 criteria × Σ m²)
    assert 27_000 <= full_cluster_years <= 30_000
    assert 1_700 <= len(full.clusters) <= 2_300
    assert 0.007 <= resolved["scores"].height / (19.6 * full_rows) <= 0.014
