"""The peer: the yearly fact tables as an analyst would compute them without thidua, in pandas.

Read the generated record files, aggregate criterion scores to unit-years (self, peer mean, final,
maximum, share of maximum), rank by score, bring in declared ranks, flag mismatches, then the
cluster-year table (members, leader, mean and spread of the share of maximum) and the awards with
the rank of the unit in its cluster. No normalisation, no name resolution, no quality gate, no
history: the peer does less than thidua, which is the point of comparing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

# The organiser is part of every key: "Cụm thi đua số 1" exists in every province.
CLUSTER_YEAR = ["organizer", "cluster", "results_year"]
KEY = [*CLUSTER_YEAR, "unit"]


def _read(folder: Path, name: str, columns: list[str]) -> pd.DataFrame:
    """Every file of a record type under the folder (scores may be split per year, and the
    national tier keeps Thanh Hóa in a subfolder), CSV or Parquet."""
    frames = []
    for path in sorted(folder.rglob(f"{name}*")):
        if path.suffix == ".parquet":
            frames.append(pd.read_parquet(path, columns=columns))
        elif path.suffix == ".csv":
            frames.append(pd.read_csv(path, usecols=columns))
    return pd.concat(frames, ignore_index=True)


def yearly_facts(folder: Path) -> dict[str, pd.DataFrame]:
    scores = _read(
        folder,
        "scores",
        [*KEY, "criterion", "points", "max_points", "bonus", "scorer"],
    )
    scores["bonus"] = scores["bonus"].fillna(0.0)
    scores["total"] = scores["points"] + scores["bonus"]
    is_self = scores["scorer"] == scores["unit"]
    self_score = scores[is_self].groupby(KEY, as_index=False)["total"].sum()
    self_score = self_score.rename(columns={"total": "self_score"})
    per_scorer = (
        scores[~is_self & scores["scorer"].notna()]
        .groupby([*KEY, "scorer"], as_index=False)["total"]
        .sum()
    )
    peer_score = per_scorer.groupby(KEY, as_index=False)["total"].mean()
    peer_score = peer_score.rename(columns={"total": "peer_score"})
    maximum = (
        scores.drop_duplicates([*KEY, "criterion"])
        .groupby(KEY, as_index=False)["max_points"]
        .sum()
        .rename(columns={"max_points": "max_score"})
    )
    unit_year = maximum.merge(self_score, on=KEY, how="left").merge(peer_score, on=KEY, how="left")
    unit_year["final_score"] = unit_year["peer_score"].fillna(unit_year["self_score"])
    unit_year["share_of_max"] = unit_year["final_score"] / unit_year["max_score"]
    unit_year["rank_by_score"] = unit_year.groupby(CLUSTER_YEAR)["final_score"].rank(
        method="min", ascending=False
    )

    rankings = _read(folder, "rankings", [*KEY, "rank"])
    unit_year = unit_year.merge(rankings, on=KEY, how="left")
    unit_year["is_rank_mismatch"] = unit_year["rank"].notna() & (
        unit_year["rank"] != unit_year["rank_by_score"]
    )

    memberships = _read(folder, "memberships", [*KEY, "role"])
    members = memberships.groupby(CLUSTER_YEAR, as_index=False)["unit"].count()
    members = members.rename(columns={"unit": "member_count"})
    leaders = memberships[memberships["role"] == "leader"][KEY]
    leaders = leaders.rename(columns={"unit": "leader"})
    spread = unit_year.groupby(CLUSTER_YEAR, as_index=False)["share_of_max"].agg(
        mean_share_of_max="mean", stddev_share_of_max="std"
    )
    cluster_year = members.merge(leaders, on=CLUSTER_YEAR, how="left").merge(
        spread, on=CLUSTER_YEAR, how="left"
    )

    awards = _read(folder, "awards", [*KEY, "award_type", "status"])
    awards = awards.merge(unit_year[[*KEY, "rank", "rank_by_score"]], on=KEY, how="left")
    return {"unit_year_scores": unit_year, "cluster_year": cluster_year, "awards": awards}


def main() -> None:
    """`python -m benchmarks.peer <folder>`: run the peer alone (the benchmark runs it in a child
    process with a memory limit, so running out of memory ends the peer, not the benchmark)."""
    import json
    import sys

    facts = yearly_facts(Path(sys.argv[1]))
    print(json.dumps({name: len(frame) for name, frame in facts.items()}))


if __name__ == "__main__":
    main()
