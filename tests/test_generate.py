"""The synthetic province: deterministic, loadable, realistic, and never against a real fact."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import polars as pl
import pytest

from thidua.contract.records import LOAD_ORDER, RECORD_TYPES
from thidua.generate import generate, manifest_path
from thidua.generate.real_facts import RealFacts, read_real_facts
from thidua.generate.reference import Reference
from thidua.generate.rule_breaks import MANIFEST_COLUMNS, PLAN
from thidua.generate.writers import arrow_schema
from thidua.ingest.resolve import AliasIndex, load_alias_index, read_seed
from thidua.normalize import parse_cluster_ref

SEED = 1
ORG = "th-ubnd"
Frames = dict[str, pl.DataFrame]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("province-seed1")
    generate("province", SEED, path)
    return path


def _schema(record_type: str) -> pl.Schema:
    """The contract's column types, as the generator writes them."""
    empty = pl.from_arrow(arrow_schema(record_type).empty_table())
    assert isinstance(empty, pl.DataFrame)
    return empty.schema


@pytest.fixture(scope="module")
def frames(out_dir: Path) -> Frames:
    return {name: pl.read_csv(out_dir / f"{name}.csv", schema=_schema(name)) for name in LOAD_ORDER}


@pytest.fixture(scope="module")
def manifest(out_dir: Path) -> pl.DataFrame:
    return pl.read_csv(manifest_path(out_dir), infer_schema=False).fill_null("")


def _planted(frame: pl.DataFrame) -> pl.Expr:
    """Rows the rule-break planter wrote or changed (their note says so)."""
    return pl.col("note").fill_null("").str.starts_with("planted rule break")


def _planted_partitions(manifest: pl.DataFrame, *rules: str) -> set[tuple[str, int]]:
    rows = manifest.filter(pl.col("rule_code").is_in(rules) & (pl.col("cluster_id") != ""))
    return {(c, int(y)) for c, y in rows.select("cluster_id", "results_year").iter_rows()}


@pytest.fixture(scope="module")
def aliases() -> AliasIndex:
    return load_alias_index()


@pytest.fixture(scope="module")
def real() -> RealFacts:
    return read_real_facts()


@pytest.fixture(scope="module")
def reference() -> Reference:
    return Reference()


def cluster_id(written: str) -> str:
    ref = parse_cluster_ref(written)
    assert ref is not None, written
    return ref.cluster_id(ORG)


@pytest.fixture(scope="module")
def resolved(frames: Frames, aliases: AliasIndex) -> Frames:
    """The yearly frames with cluster_id and the ids of unit, scorer and host added."""
    result: Frames = {}
    for name in ("memberships", "scores", "rankings", "awards", "events"):
        clusters = {c: cluster_id(c) for c in frames[name]["cluster"].unique().to_list()}
        frame = frames[name].with_columns(
            pl.col("cluster").replace_strict(clusters, return_dtype=pl.Utf8).alias("cluster_id")
        )
        for column in ("unit", "scorer", "host"):
            if column not in frame.columns:
                continue
            # Resolve each distinct (name, cluster, year) once, as the loader does.
            distinct = frame.select(column, "cluster_id", "results_year").unique()
            ids = [
                aliases.resolve(n, ORG, c, y).unit_id if n is not None else None
                for n, c, y in distinct.iter_rows()
            ]
            lookup = distinct.with_columns(pl.Series(f"{column}_id", ids, dtype=pl.Utf8))
            frame = frame.join(
                lookup, on=[column, "cluster_id", "results_year"], how="left", nulls_equal=True
            )
        result[name] = frame
    return result


# --- determinism and file shape -------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(out_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate("province", SEED, again)
    for name in LOAD_ORDER:
        assert (again / f"{name}.csv").read_bytes() == (out_dir / f"{name}.csv").read_bytes(), name
    assert manifest_path(again).read_bytes() == manifest_path(out_dir).read_bytes()


def test_parquet_holds_the_same_rows_as_csv(frames: Frames, tmp_path: Path) -> None:
    counts = generate("province", SEED, tmp_path, fmt="parquet")
    for name in LOAD_ORDER:
        parquet = pl.read_parquet(tmp_path / f"{name}.parquet")
        assert parquet.columns == frames[name].columns
        assert parquet.height == counts[name]
        assert parquet.equals(frames[name]), name


def test_unknown_tier_or_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="tier"):
        generate("county", SEED, tmp_path)
    with pytest.raises(ValueError, match="scale"):
        generate("province", SEED, tmp_path, scale=0.5)
    with pytest.raises(ValueError, match="format"):
        generate("province", SEED, tmp_path, fmt="xlsx")


def test_headers_are_the_contract_columns(out_dir: Path) -> None:
    for name in LOAD_ORDER:
        header = (out_dir / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == [c.name for c in RECORD_TYPES[name].columns]


def test_dates_are_iso(out_dir: Path) -> None:
    for name, column in (("awards", "decision_date"), ("events", "event_date")):
        raw = pl.read_csv(out_dir / f"{name}.csv", infer_schema=False)
        values = raw[column].drop_nulls().to_list()
        assert values
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for v in values)


def test_every_row_is_synthetic(frames: Frames) -> None:
    for name, frame in frames.items():
        assert frame.height > 0, name
        assert frame["source_kind"].unique().to_list() == ["synthetic"], name
        assert frame["source_ref"].unique().to_list() == [f"synthetic:province:seed={SEED}"]
        assert frame["organizer"].unique().to_list() == ["UBND tỉnh Thanh Hóa"]


def test_text_is_nfc(frames: Frames) -> None:
    for frame in frames.values():
        for column, dtype in frame.schema.items():
            if dtype == pl.Utf8:
                for value in frame[column].drop_nulls().unique().to_list():
                    assert unicodedata.is_normalized("NFC", value), value


# --- names and clusters ---------------------------------------------------------------------


def test_cluster_refs_parse(frames: Frames) -> None:
    for frame in frames.values():
        for written in frame["cluster"].unique().to_list():
            assert cluster_id(written).startswith(f"{ORG}:")


def test_every_name_resolves_in_its_cluster_and_year(resolved: Frames) -> None:
    for name, frame in resolved.items():
        for column in ("unit", "scorer", "host"):
            if column in frame.columns:
                unresolved = frame.filter(pl.col(f"{column}_id").is_null())
                assert unresolved.is_empty(), (name, unresolved.head(3))


def test_names_vary_like_real_writing(frames: Frames) -> None:
    canonical = set(read_seed("units")["name_vi"].to_list())
    names = frames["memberships"]["unit"].to_list()
    share = sum(n in canonical for n in names) / len(names)
    assert 0.55 < share < 0.9


def test_first_year_has_the_19_clusters_of_the_2015_decision(resolved: Frames) -> None:
    first = resolved["scores"].filter(pl.col("results_year") == 2015)
    assert first["cluster_id"].n_unique() == 19


def test_clusters_rows_cover_every_synthetic_cluster(
    frames: Frames, resolved: Frames, real: RealFacts
) -> None:
    declared = {
        cluster_id(c): (f, t)
        for c, f, t in frames["clusters"]
        .select("cluster", "valid_from_year", "valid_to_year")
        .iter_rows()
    }
    used = (
        resolved["scores"]
        .group_by("cluster_id")
        .agg(
            pl.col("results_year").min().alias("first"), pl.col("results_year").max().alias("last")
        )
    )
    for cid, first, last in used.iter_rows():
        if cid in real.cluster_ids:
            assert cid not in declared  # the real clusters row holds the key
            continue
        assert declared[cid] == (first, last), cid


# --- memberships ----------------------------------------------------------------------------


def test_rosters_have_5_to_14_members_and_one_leader(resolved: Frames) -> None:
    partitions = (
        resolved["memberships"]
        .group_by("cluster_id", "results_year")
        .agg(
            pl.len().alias("rows"),
            pl.col("unit_id").n_unique().alias("units"),
            (pl.col("role") == "leader").sum().alias("leaders"),
            (pl.col("role") == "deputy").sum().alias("deputies"),
        )
    )
    assert partitions.height > 200
    assert (partitions["rows"] == partitions["units"]).all()
    assert partitions["units"].is_between(5, 14).all()
    assert (partitions["leaders"] == 1).all()
    assert partitions["deputies"].is_between(1, 2).all()
    assert (partitions["deputies"] == 2).any()


def test_a_unit_sits_in_one_cluster_a_year(resolved: Frames) -> None:
    seats = resolved["scores"].select("results_year", "unit_id", "cluster_id").unique()
    assert seats.group_by("results_year", "unit_id").len()["len"].max() == 1


def test_deputy_often_becomes_next_leader(resolved: Frames) -> None:
    roles = {
        (c, y, u): r
        for c, y, u, r in resolved["memberships"]
        .select("cluster_id", "results_year", "unit_id", "role")
        .iter_rows()
    }
    leaders = {(c, y): u for (c, y, u), r in roles.items() if r == "leader"}
    followed = [
        leaders[(c, y + 1)] == u
        for (c, y, u), r in roles.items()
        if r == "deputy" and (c, y + 1) in leaders and (c, y + 1, u) in roles
    ]
    rate = sum(followed) / len(followed)
    assert 0.4 < rate < 0.8, rate


# --- scores and rankings --------------------------------------------------------------------


def test_points_stay_within_zero_and_the_maximum(frames: Frames) -> None:
    scores = frames["scores"]
    assert scores["points"].min() >= 0  # type: ignore[operator]
    assert (scores["points"] <= scores["max_points"]).all()
    assert scores["bonus"].drop_nulls().min() > 0  # type: ignore[operator]
    assert scores["bonus"].null_count() < scores.height


def test_criteria_tables_total_100_or_1000(resolved: Frames) -> None:
    tables = (
        resolved["scores"]
        .select("cluster_id", "results_year", "criterion", "max_points")
        .unique()
        .group_by("cluster_id", "results_year")
        .agg(
            pl.col("max_points").sum().alias("total"),
            pl.len().alias("criteria"),
            pl.col("criterion").n_unique().alias("codes"),
        )
    )
    assert tables["total"].is_in([100.0, 1000.0]).all()
    assert (tables["criteria"] == tables["codes"]).all()
    assert tables["criteria"].is_between(6, 12).all()
    assert tables["total"].n_unique() == 2


def test_every_member_scores_every_member_on_every_criterion(resolved: Frames) -> None:
    per_partition = (
        resolved["scores"]
        .group_by("cluster_id", "results_year")
        .agg(
            pl.len().alias("rows"),
            pl.col("unit_id").n_unique().alias("units"),
            pl.col("scorer_id").n_unique().alias("scorers"),
            pl.col("criterion").n_unique().alias("criteria"),
        )
    )
    assert (per_partition["units"] == per_partition["scorers"]).all()
    expected = per_partition["units"] ** 2 * per_partition["criteria"]
    assert (per_partition["rows"] == expected).all()


def _totals(scores: pl.DataFrame) -> pl.DataFrame:
    return scores.group_by("cluster_id", "results_year", "unit_id", "scorer_id").agg(
        (pl.col("points").sum() + pl.col("bonus").fill_null(0).sum()).alias("total"),
        pl.col("max_points").sum().alias("maximum"),
    )


def _peer_means(scores: pl.DataFrame) -> dict[tuple[str, int], list[str]]:
    """Per cluster-year, units by mean peer total (points + bonus), best first."""
    totals = _totals(scores).filter(pl.col("unit_id") != pl.col("scorer_id"))
    means = totals.group_by("cluster_id", "results_year", "unit_id").agg(pl.col("total").mean())
    order: dict[tuple[str, int], list[tuple[float, str]]] = defaultdict(list)
    for c, y, u, t in means.iter_rows():
        order[(c, y)].append((-round(t, 6), u))
    for partition, totals_by_unit in order.items():
        # no two units tie: a tie would read as a rank mismatch wherever ties share a rank
        assert len({t for t, _ in totals_by_unit}) == len(totals_by_unit), partition
    return {k: [u for _, u in sorted(v)] for k, v in order.items()}


def test_most_units_score_85_to_99_percent(resolved: Frames) -> None:
    totals = _totals(resolved["scores"])
    share = totals["total"] / totals["maximum"]
    assert ((share >= 0.85) & (share <= 0.99)).mean() > 0.8  # type: ignore[operator]
    self_scores = totals.filter(pl.col("unit_id") == pl.col("scorer_id"))
    peer_scores = totals.filter(pl.col("unit_id") != pl.col("scorer_id"))
    self_mean = (self_scores["total"] / self_scores["maximum"]).mean()
    peer_mean = (peer_scores["total"] / peer_scores["maximum"]).mean()
    assert self_mean > peer_mean  # type: ignore[operator]


def test_strength_persists_so_streaks_exist(resolved: Frames) -> None:
    firsts = (
        resolved["rankings"]
        .filter(pl.col("rank") == 1)
        .select("cluster_id", "results_year", "unit_id")
    )
    winners = {(c, y): u for c, y, u in firsts.iter_rows()}
    repeats = sum(winners.get((c, y + 1)) == u for (c, y), u in winners.items())
    assert repeats >= 10


def test_declared_ranks_follow_scores_but_for_rare_adjacent_swaps(resolved: Frames) -> None:
    by_scores = _peer_means(resolved["scores"])
    declared: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
    for c, y, u, r in (
        resolved["rankings"].select("cluster_id", "results_year", "unit_id", "rank").iter_rows()
    ):
        declared[(c, y)].append((r, u))
    swapped = 0
    for partition, ranks in declared.items():
        order = [u for _, u in sorted(ranks)]
        assert [r for r, _ in sorted(ranks)] == list(range(1, len(order) + 1))
        expected = by_scores[partition]
        if order != expected:
            swapped += 1
            diff = [i for i, (a, b) in enumerate(zip(order, expected, strict=True)) if a != b]
            assert len(diff) == 2 and diff[1] == diff[0] + 1, partition
    assert 0 < swapped <= 0.1 * len(declared)


def test_real_ranking_agrees_with_generated_peer_scores(resolved: Frames, real: RealFacts) -> None:
    by_scores = _peer_means(resolved["scores"])
    cum8_2021 = (f"{ORG}:cum-08", 2021)
    assert real.ranked_units(*cum8_2021) == ("th-ban-dan-toc", "th-so-tu-phap", "th-so-noi-vu")
    for partition in real.ranks:
        known = real.ranked_units(*partition)
        assert tuple(by_scores[partition][: len(known)]) == known


def test_real_rosters_are_the_scored_units(resolved: Frames, real: RealFacts) -> None:
    scored = (
        resolved["scores"].group_by("cluster_id", "results_year").agg(pl.col("unit_id").unique())
    )
    units = {(c, y): set(u) for c, y, u in scored.iter_rows()}
    assert len(real.rosters) == 5
    for partition, roster in real.rosters.items():
        assert units[partition] == roster, partition


# --- awards ---------------------------------------------------------------------------------


def test_award_types_and_issuers_come_from_the_seed(frames: Frames) -> None:
    seed = {
        r["award_type_code"]: r["issuer_vi"] for r in read_seed("award_types").iter_rows(named=True)
    }
    for award_type, issuer in frames["awards"].select("award_type", "issuer").unique().iter_rows():
        assert seed[award_type] == issuer


def _rank_holders(resolved: Frames, real: RealFacts) -> dict[tuple[str, int], dict[int, str]]:
    ranks: dict[tuple[str, int], dict[int, str]] = defaultdict(dict)
    for c, y, u, r in (
        resolved["rankings"].select("cluster_id", "results_year", "unit_id", "rank").iter_rows()
    ):
        ranks[(c, y)][r] = u
    for partition, known in real.ranks.items():
        for unit_id, rank in known.items():
            ranks[partition][rank] = unit_id
    return ranks


def test_one_provincial_flag_per_cluster_year_for_rank_one(
    resolved: Frames, real: RealFacts, manifest: pl.DataFrame
) -> None:
    """The rule the generator follows, outside the cluster-years where it is broken on purpose."""
    awards = resolved["awards"]
    ranks = _rank_holders(resolved, real)
    broken = _planted_partitions(manifest, "PROV_FLAG_MORE_THAN_ONE", "PROV_FLAG_NOT_FIRST")
    assert len(broken) >= 4
    flags = awards.filter(pl.col("award_type") == "PROV_FLAG")
    flagged = Counter((c, y) for c, y in flags.select("cluster_id", "results_year").iter_rows())
    assert set(flagged) == set(ranks)
    assert {n for p, n in flagged.items() if p not in broken} == {1}
    for c, y, u, status, number, day in flags.select(
        "cluster_id", "results_year", "unit_id", "status", "decision_no", "decision_date"
    ).iter_rows():
        assert u == ranks[(c, y)][1] or (c, y) in broken
        assert status == "decided" and re.fullmatch(r"\d+/QĐ-UBND", number)
        assert dt.date(y + 1, 1, 1) <= day <= dt.date(y + 1, 3, 31)
    merits = awards.filter(pl.col("award_type") == "PROV_MERIT")
    for c, y, u in merits.select("cluster_id", "results_year", "unit_id").iter_rows():
        assert u in (ranks[(c, y)].get(2), ranks[(c, y)].get(3))


def test_government_flags_follow_the_regime_in_force(
    resolved: Frames, real: RealFacts, reference: Reference
) -> None:
    """The Government flags the generator proposes (the planted ones aside) follow the regime."""
    awards = resolved["awards"]
    holders: dict[int, set[str]] = defaultdict(set)  # rank 1 of each cluster-year holds the flag
    for (_, y), ranked in _rank_holders(resolved, real).items():
        holders[y].add(ranked[1])
    gov = awards.filter((pl.col("award_type") == "GOV_FLAG") & ~_planted(awards))
    assert gov["status"].unique().sort().to_list() == ["decided", "proposed"]
    proposals = {y: set(g["unit_id"].to_list()) for (y,), g in gov.group_by("results_year")}
    assert set(proposals) == set(holders)
    for y, units in proposals.items():
        regime = reference.regime(y)
        candidates = holders[y]
        earlier = set().union(*(holders[p] for p in holders if p < y))
        if regime.requires_prior_provincial_flag and earlier & candidates:
            candidates = candidates & earlier
        assert units <= candidates
        # 5-12 a year, unless the regime's quota or the candidates allow fewer
        most = 12
        if regime.max_share_of_eligible is not None:
            most = math.floor(regime.max_share_of_eligible * len(holders[y]))
        assert min(5, most, len(candidates)) <= len(units) <= most
    decided = gov.filter(pl.col("status") == "decided")
    assert decided["decision_no"].str.ends_with("/QĐ-TTg").all()


# --- planted rule breaks --------------------------------------------------------------------


def test_the_manifest_lists_a_few_breaks_of_every_rule(manifest: pl.DataFrame) -> None:
    assert tuple(manifest.columns) == MANIFEST_COLUMNS
    counts = Counter(manifest["rule_code"].to_list())
    planted = {p.rule_code for p in PLAN} | {"RANK_CONTRADICTS_SCORES"}
    assert set(counts) == planted
    assert all(n >= 2 for n in counts.values()), counts
    # one finding per record: no duplicate rows
    assert manifest.height == manifest.unique().height


def test_breaks_are_planted_only_where_no_real_record_speaks(
    manifest: pl.DataFrame, real: RealFacts, resolved: Frames
) -> None:
    partitions = {
        (c, int(y)) for c, y in manifest.select("cluster_id", "results_year").iter_rows() if c
    }
    assert partitions and not partitions & real.partitions()
    for name in ("memberships", "awards"):
        frame = resolved[name].filter(_planted(resolved[name]))
        rows = {(c, y) for c, y in frame.select("cluster_id", "results_year").iter_rows()}
        assert rows and not rows & real.partitions(), name


def test_every_planted_row_is_in_the_manifest(manifest: pl.DataFrame, resolved: Frames) -> None:
    expected = {
        (r, c, int(y), u)
        for r, c, y, u in manifest.select(
            "rule_code", "cluster_id", "results_year", "unit_id"
        ).iter_rows()
    }
    awards = resolved["awards"].filter(_planted(resolved["awards"]))
    years = set(manifest.filter(pl.col("rule_code") == "GOV_FLAG_OVER_QUOTA")["results_year"])
    for c, y, u, kind, note in awards.select(
        "cluster_id", "results_year", "unit_id", "award_type", "note"
    ).iter_rows():
        rule = note.removeprefix("planted rule break: ")
        if rule == "GOV_FLAG_OVER_QUOTA":
            assert str(y) in years and kind == "GOV_FLAG"
        elif rule == "PROV_FLAG_MORE_THAN_ONE":
            assert (rule, c, y, "") in expected and ("PROV_FLAG_NOT_FIRST", c, y, u) in expected
        else:
            assert (rule, c, y, u) in expected, (rule, c, y, u)
    leaders = resolved["memberships"].filter(_planted(resolved["memberships"]))
    assert leaders.height == 2 and (leaders["role"] == "leader").all()
    for c, y, u in leaders.select("cluster_id", "results_year", "unit_id").iter_rows():
        assert ("LEADER_NOT_MEMBER", c, y, u) in expected
    # the planted leader sits, and is scored, in another cluster that year
    scored = resolved["scores"].select("cluster_id", "results_year", "unit_id").unique()
    for c, y, u in leaders.select("cluster_id", "results_year", "unit_id").iter_rows():
        seats = scored.filter((pl.col("results_year") == y) & (pl.col("unit_id") == u))
        assert seats.height == 1 and seats["cluster_id"][0] != c


def test_a_missing_year_end_review_is_the_only_event_missing(
    manifest: pl.DataFrame, resolved: Frames, real: RealFacts
) -> None:
    missing = _planted_partitions(manifest, "NO_YEAR_END_REVIEW")
    assert len(missing) == 2
    reviews = {
        (c, y)
        for c, y, t in resolved["events"]
        .select("cluster_id", "results_year", "event_type")
        .iter_rows()
        if t == "year_end_review"
    } | {(c, y) for c, y, t in real.events if t == "year_end_review"}
    scored = {
        (c, y)
        for c, y in resolved["scores"].select("cluster_id", "results_year").unique().iter_rows()
    }
    assert scored - reviews == missing


# --- events ---------------------------------------------------------------------------------


def _is_weekday(day: dt.date) -> bool:
    return day.weekday() < 5


def test_events_fall_in_their_windows(resolved: Frames, real: RealFacts) -> None:
    events = resolved["events"]
    reviews = {
        (c, y): d
        for c, y, d in events.filter(pl.col("event_type") == "year_end_review")
        .select("cluster_id", "results_year", "event_date")
        .iter_rows()
    }
    reviews.update({(c, y): d for (c, y, t), d in real.events.items() if t == "year_end_review"})
    for c, y, kind, day in events.select(
        "cluster_id", "results_year", "event_type", "event_date"
    ).iter_rows():
        assert _is_weekday(day)
        if kind == "covenant_signing":
            if y == 2015:  # the 2015 clusters were formed on 2/6/2015
                assert dt.date(2015, 6, 3) <= day <= dt.date(2015, 6, 30)
            else:
                assert dt.date(y, 2, 1) <= day <= dt.date(y, 4, 30) or day == reviews.get(
                    (c, y - 1)
                )
        elif kind == "mid_year_review":
            assert dt.date(y, 6, 15) <= day <= dt.date(y, 7, 31)
        else:
            assert kind == "year_end_review"
            assert dt.date(y, 11, 15) <= day <= dt.date(y + 1, 3, 31)
    assert events.group_by("cluster_id", "results_year", "event_type").len()["len"].max() == 1


def test_hosts_are_members_and_not_always_the_leader(resolved: Frames, real: RealFacts) -> None:
    scored = (
        resolved["scores"].group_by("cluster_id", "results_year").agg(pl.col("unit_id").unique())
    )
    members = {(c, y): set(u) for c, y, u in scored.iter_rows()}
    leaders = {
        (c, y): u
        for c, y, u in resolved["memberships"]
        .filter(pl.col("role") == "leader")
        .select("cluster_id", "results_year", "unit_id")
        .iter_rows()
    }
    hosted = resolved["events"].select("cluster_id", "results_year", "host_id").iter_rows()
    by_leader = 0
    total = 0
    for c, y, host in hosted:
        assert host in members[(c, y)]
        if (c, y) in leaders:
            total += 1
            by_leader += host == leaders[(c, y)]
    assert 0.4 < by_leader / total < 0.9


# --- real facts -----------------------------------------------------------------------------


def _key(record_type: str, row: dict[str, object]) -> tuple[object, ...]:
    fields = {
        "memberships": ("cluster_id", "results_year", "unit_id"),
        "rankings": ("cluster_id", "results_year", "unit_id"),
        "awards": ("cluster_id", "results_year", "unit_id", "award_type"),
        "events": ("cluster_id", "results_year", "event_type", "event_date"),
        "scores": ("cluster_id", "results_year", "unit_id", "criterion", "scorer_id"),
    }[record_type]
    return (ORG, *(row[f] for f in fields))


def test_no_synthetic_row_shares_a_natural_key_with_a_real_row(
    frames: Frames, resolved: Frames, real: RealFacts
) -> None:
    assert sum(len(keys) for keys in real.keys.values()) >= 50
    for name, frame in resolved.items():
        real_keys = real.keys.get(name, set())
        for row in frame.iter_rows(named=True):
            assert _key(name, row) not in real_keys, (name, row)
    synthetic_clusters = {(ORG, cluster_id(c)) for c in frames["clusters"]["cluster"].to_list()}
    assert not synthetic_clusters & real.keys["clusters"]


def test_partitions_the_articles_touch_stay_real(resolved: Frames, real: RealFacts) -> None:
    def partitions(name: str) -> set[tuple[str, int]]:
        frame = resolved[name].select("cluster_id", "results_year").unique()
        return {(c, y) for c, y in frame.iter_rows()}

    assert not partitions("memberships") & set(real.rosters)
    assert not partitions("rankings") & set(real.ranks)
    assert not partitions("awards") & real.award_partitions
    assert (f"{ORG}:cum-07", 2016) not in partitions("rankings")
    events = resolved["events"].select("cluster_id", "results_year", "event_type").iter_rows()
    assert not set(events) & set(real.events)


def test_no_unit_appears_after_it_ceased(resolved: Frames, reference: Reference) -> None:
    merged = {edge.from_unit_id for edge in reference.lineage if edge.effective_date.year <= 2025}
    for name, frame in resolved.items():
        columns = [c for c in ("unit_id", "scorer_id", "host_id") if c in frame.columns]
        for column in columns:
            pairs = frame.select("results_year", column).unique().iter_rows()
            for year, unit_id in pairs:
                assert reference.unit(unit_id).exists_for_year(year), (name, year, unit_id)
                if year == 2025:
                    assert unit_id not in merged, (name, unit_id)
    units_2025 = set(resolved["scores"].filter(pl.col("results_year") == 2025)["unit_id"].to_list())
    assert {"th-so-nnmt", "th-bao-ptth", "th-so-dan-toc-ton-giao"} <= units_2025
    assert not any(u.startswith(("th-huyen-", "th-tp-", "th-tx-")) for u in units_2025)


def test_district_clusters_end_with_2024(frames: Frames, resolved: Frames) -> None:
    district_clusters = {
        c
        for c, u in resolved["scores"].select("cluster_id", "unit_id").unique().iter_rows()
        if u.startswith(("th-huyen-", "th-tp-", "th-tx-"))
    }
    assert {f"{ORG}:cum-0{n}" for n in (1, 2, 3, 4)} == district_clusters
    for written, last in frames["clusters"].select("cluster", "valid_to_year").iter_rows():
        if cluster_id(written) in district_clusters:
            assert last == 2024
