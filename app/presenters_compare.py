"""Frames of the compare page: clusters side by side on the measures that are fair across them.

Raw points are never compared (scales of 100 and 1000 points coexist): share of the maximum, rank
stability and award rate are.
"""

from __future__ import annotations

import polars as pl

from presenters import with_mix, with_origin, with_value_source
from thidua.i18n.messages import Lang, fmt_number, fmt_percent, t, term


def yearly(frame: pl.DataFrame, changes: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Cluster-years with share, award rate and mean absolute rank change side by side.

    Each measure has its own origin and source: `score_origin`/`score_source` for the share,
    `change_origin`/`change_source` for the rank change (generated when any rank behind it is),
    `rate_origin`/`rate_source` for the award rate (generated when its awards or its member
    count are). `origin` is the row's mix.
    """
    joined = frame.join(
        changes.select(
            "cluster_id",
            "results_year",
            "mean_abs_rank_change",
            "units_compared",
            pl.col("is_synthetic").alias("is_change_synthetic"),
        ),
        on=["cluster_id", "results_year"],
        how="left",
    )
    for group in ("score", "awards", "top_unit"):
        joined = with_value_source(joined, group, lang)
    joined = with_origin(joined, lang, "is_change_synthetic", "change_origin")
    joined = with_origin(joined, lang, "is_award_rate_synthetic", "rate_origin")
    generated, real = t("value_source.synthetic", lang), term("origin", "real", lang)
    joined = with_mix(joined, lang).with_columns(
        pl.when(pl.col("mean_abs_rank_change").is_null())
        .then(None)
        .when(pl.col("is_change_synthetic").fill_null(False))
        .then(pl.lit(generated))
        .otherwise(pl.lit(real))
        .alias("change_source"),
        pl.when(pl.col("award_rate").is_null())
        .then(None)
        .when(
            pl.col("is_member_count_synthetic").fill_null(False)
            & ~pl.col("is_awards_synthetic").fill_null(False)
        )
        .then(pl.lit(generated))
        .otherwise(pl.col("awards_source"))
        .alias("rate_source"),
    )
    return joined.with_columns(
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


def summary(yearly_frame: pl.DataFrame, names: dict[str, str], lang: Lang) -> pl.DataFrame:
    """One row per cluster over the selected years, in the order the analyst picked them.

    Means are over cluster-years (each year counts once), not over units, and over the values
    shown (a hidden value is NULL). `values_origin` says whether any value behind the row's
    figures is generated.
    """
    order = {cid: i for i, cid in enumerate(names)}
    grouped = yearly_frame.group_by("cluster_id").agg(
        pl.col("results_year").n_unique().alias("years"),
        pl.col("mean_share_of_max").mean().alias("mean_share"),
        pl.col("mean_share_of_max").std().alias("share_spread"),
        pl.col("mean_abs_rank_change").mean().alias("rank_change"),
        # over the years where both parts are shown; no such year leaves the rate unknown
        (
            pl.col("awards_decided").filter(pl.col("award_rate").is_not_null()).sum()
            / pl.col("member_count").filter(pl.col("award_rate").is_not_null()).sum()
        )
        .fill_nan(None)
        .alias("award_rate"),
        pl.col("member_count").mean().alias("members"),
        pl.col("is_synthetic").all(),
        (
            (
                pl.col("is_score_synthetic").fill_null(False)
                & pl.col("mean_share_of_max").is_not_null()
            )
            | (
                pl.col("is_change_synthetic").fill_null(False)
                & pl.col("mean_abs_rank_change").is_not_null()
            )
            | (
                pl.col("is_award_rate_synthetic").fill_null(False)
                & pl.col("award_rate").is_not_null()
            )
            | (
                pl.col("is_member_count_synthetic").fill_null(False)
                & pl.col("member_count").is_not_null()
            )
        )
        .any()
        .alias("includes_generated"),
    )
    generated, real = t("metric.origin.generated", lang), t("metric.origin.real", lang)
    return grouped.with_columns(
        pl.when(pl.col("includes_generated"))
        .then(pl.lit(generated))
        .otherwise(pl.lit(real))
        .alias("values_origin"),
        pl.col("cluster_id")
        .replace_strict(names, default=None, return_dtype=pl.String)
        .alias("cluster_name"),
        pl.col("cluster_id")
        .replace_strict(order, default=99, return_dtype=pl.Int32)
        .alias("pick_order"),
    ).sort("pick_order")
