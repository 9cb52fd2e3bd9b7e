"""Frames of the compare page: clusters side by side on the measures that are fair across them.

Raw points are never compared (scales of 100 and 1000 points coexist): share of the maximum, rank
stability and award rate are.
"""

from __future__ import annotations

import polars as pl

from presenters import with_origin
from thidua.i18n import Lang, fmt_number, fmt_percent


def yearly(frame: pl.DataFrame, changes: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Cluster-years with share, award rate and mean absolute rank change side by side."""
    joined = frame.join(
        changes.select("cluster_id", "results_year", "mean_abs_rank_change", "units_compared"),
        on=["cluster_id", "results_year"],
        how="left",
    )
    return with_origin(joined, lang).with_columns(
        pl.Series(
            "share_label",
            [fmt_percent(v, 1, lang) for v in joined["mean_share_of_max"]],
            dtype=pl.String,
        ),
        pl.Series(
            "award_rate_label",
            [fmt_percent(v, 0, lang) for v in joined["award_rate"]],
            dtype=pl.String,
        ),
        pl.Series(
            "change_label",
            [
                fmt_number(v, 2, lang) if v is not None else "—"
                for v in joined["mean_abs_rank_change"]
            ],
            dtype=pl.String,
        ),
    )


def summary(yearly_frame: pl.DataFrame, names: dict[str, str]) -> pl.DataFrame:
    """One row per cluster over the selected years, in the order the analyst picked them.

    Means are over cluster-years (each year counts once), not over units.
    """
    order = {cid: i for i, cid in enumerate(names)}
    grouped = yearly_frame.group_by("cluster_id").agg(
        pl.col("results_year").n_unique().alias("years"),
        pl.col("mean_share_of_max").mean().alias("mean_share"),
        pl.col("mean_share_of_max").std().alias("share_spread"),
        pl.col("mean_abs_rank_change").mean().alias("rank_change"),
        (pl.col("awards_decided").sum() / pl.col("member_count").sum()).alias("award_rate"),
        pl.col("member_count").mean().alias("members"),
        pl.col("is_synthetic").all(),
    )
    return grouped.with_columns(
        pl.col("cluster_id")
        .replace_strict(names, default=None, return_dtype=pl.String)
        .alias("cluster_name"),
        pl.col("cluster_id")
        .replace_strict(order, default=99, return_dtype=pl.Int32)
        .alias("pick_order"),
    ).sort("pick_order")
