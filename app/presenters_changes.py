"""Frames of the changes page: clusters and units between a base year and an end year.

No measure is computed here: the changes come from mart_cluster_changes and mart_unit_changes as
they are. This module picks the years a page can offer, labels the values in the reader's
language and says, for each change, whether it rests on generated values.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from presenters import with_origin
from thidua.i18n.messages import Lang, fmt_number, t

# A chart of every cluster of the country is unreadable: the largest gains and losses.
CHART_ROWS = 12


def base_years(years: Sequence[int]) -> list[int]:
    """Years a change can start from: every year with a later one."""
    return sorted(years)[:-1]


def end_years(years: Sequence[int], base: int) -> list[int]:
    """Years a change from `base` can end in."""
    return [y for y in sorted(years) if y > base]


def signed_points(value: float | None, lang: Lang) -> str:
    """A change of share as signed percentage points: "+4,2 điểm %" / "+4.2 pts"."""
    if value is None:
        return "—"
    text = fmt_number(abs(value) * 100, 1, lang)
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return t("changes.points", lang, value=f"{sign}{text}")


def signed_places(value: int | None, lang: Lang) -> str:
    """Places gained (positive) or lost (negative): "+3", "−2", "0"."""
    if value is None:
        return "—"
    return f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"


def _labels(frame: pl.DataFrame, lang: Lang, rank_change: str) -> pl.DataFrame:
    """The changes in words (for tooltips) and the share change in points (for the table)."""
    shares = frame["share_of_max_change"].to_list()
    places = frame[rank_change].to_list()
    return frame.with_columns(
        # percentage points, for the table's number column (a share of 0.042 is 4.2 points)
        (pl.col("share_of_max_change") * 100).alias("share_change_points"),
        pl.Series("share_change_label", [signed_points(v, lang) for v in shares], dtype=pl.String),
        pl.Series("rank_change_label", [signed_places(v, lang) for v in places], dtype=pl.String),
    )


def clusters(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Cluster changes with labels; `origin` says whether any change shown rests on generated
    values (share, place, rank stability)."""
    frame = _labels(frame, lang, "share_rank_change")
    generated = (
        (
            pl.col("is_share_change_synthetic").fill_null(False)
            & pl.col("share_of_max_change").is_not_null()
        )
        | (
            pl.col("is_share_rank_change_synthetic").fill_null(False)
            & pl.col("share_rank_change").is_not_null()
        )
        | (
            pl.col("is_rank_stability_synthetic").fill_null(False)
            & pl.col("mean_abs_rank_change").is_not_null()
        )
    )
    return with_origin(
        frame.with_columns(generated.alias("is_change_synthetic")), lang, "is_change_synthetic"
    )


def units(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Unit changes with labels; a unit that became another shows both names ("A → B")."""
    frame = _labels(frame, lang, "rank_change")
    generated = (
        pl.col("is_share_change_synthetic").fill_null(False)
        & pl.col("share_of_max_change").is_not_null()
    ) | (pl.col("is_rank_change_synthetic").fill_null(False) & pl.col("rank_change").is_not_null())
    frame = frame.with_columns(
        pl.when(pl.col("end_unit_id") != pl.col("unit_id"))
        .then(pl.format("{} → {}", pl.col("unit_name"), pl.col("end_unit_name")))
        .otherwise(pl.col("unit_name"))
        .alias("unit_label"),
        pl.format("{} / {}", pl.col("base_rank"), pl.col("base_member_count")).alias(
            "base_rank_label"
        ),
        pl.format("{} / {}", pl.col("end_rank"), pl.col("end_member_count")).alias(
            "end_rank_label"
        ),
        generated.alias("is_change_synthetic"),
    )
    return with_origin(frame, lang, "is_change_synthetic")


def chart_rows(frame: pl.DataFrame, measure: str, name: str) -> pl.DataFrame:
    """The rows a bar chart of `measure` shows: all of them when few, else the largest gains and
    the largest losses (CHART_ROWS of each), each bar named by `name`."""
    known = frame.filter(pl.col(measure).is_not_null())
    if known.height > 2 * CHART_ROWS:
        ordered = known.sort(measure, descending=True)
        known = pl.concat([ordered.head(CHART_ROWS), ordered.tail(CHART_ROWS)])
    return known.with_columns(
        pl.col(name).alias("bar_label"),
        (pl.col(measure) >= 0).alias("is_gain"),
    )


def best(frame: pl.DataFrame, measure: str, name: str, lang: Lang) -> tuple[str, str] | None:
    """The most improved row by `measure`: its name and its change in words; None when no row
    has the measure (unknown, or hidden because generated)."""
    known = frame.filter(pl.col(measure).is_not_null())
    if known.is_empty():
        return None
    top = known.sort(measure, descending=True).row(0, named=True)
    value = top[measure]
    change = (
        signed_points(float(value), lang)
        if measure == "share_of_max_change"
        else signed_places(int(value), lang)
    )
    return str(top[name]), change
