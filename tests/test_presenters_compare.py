"""The compare page's summary table: one row per picked cluster, in the analyst's pick order,
with means over cluster-years, an award rate over the years where it is shown, and an honest
"includes generated values" flag that ignores hidden values."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import polars as pl
import pytest

A = "th-ubnd:cum-08"
B = "th-ubnd:cum-05"
C = "th-ubnd:khoi-02"
# The analyst picked B first, then A, then C; names as the picker shows them.
NAMES = {B: "Cụm Sở GD&ĐT", A: "Cụm thi đua Hoà Bình", C: "Khối Hòa Bình"}


@pytest.fixture
def compare(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/presenters_compare.py, imported as Streamlit imports the app's modules."""
    return app_module("presenters_compare")


def _yearly() -> pl.DataFrame:
    rows = [
        # cluster, year, share, rank change, awards, members, rate, synth flags (score, change,
        # award rate, member count)
        (A, 2021, 0.8, 1.0, 3, 10, 0.3, False, False, False, False),
        (A, 2022, 0.6, 2.0, 5, 10, 0.5, False, False, False, False),
        # 2022's share is hidden (NULL) and generated: a hidden value does not make the row
        # "generated"; its award rate is hidden too, so that year's awards do not count.
        (B, 2021, 0.9, None, 2, 10, 0.2, False, False, False, False),
        (B, 2022, None, None, 4, 20, None, True, False, False, False),
        # a generated rank change that is shown makes the row "includes generated values"
        (C, 2022, 0.5, 0.5, 1, 8, None, False, True, False, False),
    ]
    columns = [
        "cluster_id",
        "results_year",
        "mean_share_of_max",
        "mean_abs_rank_change",
        "awards_decided",
        "member_count",
        "award_rate",
        "is_score_synthetic",
        "is_change_synthetic",
        "is_award_rate_synthetic",
        "is_member_count_synthetic",
    ]
    frame = pl.DataFrame(rows, schema=columns, orient="row")
    return frame.with_columns(pl.lit(False).alias("is_synthetic"))


def test_rows_follow_the_analysts_pick_order_with_names(compare: ModuleType) -> None:
    out = compare.summary(_yearly(), NAMES, "vi")
    assert out["cluster_id"].to_list() == [B, A, C]
    assert out["cluster_name"].to_list() == [
        "Cụm Sở GD&ĐT",
        "Cụm thi đua Hoà Bình",
        "Khối Hòa Bình",
    ]


def test_means_are_over_cluster_years(compare: ModuleType) -> None:
    out = compare.summary(_yearly(), NAMES, "vi")
    a = out.filter(pl.col("cluster_id") == A).row(0, named=True)
    assert a["years"] == 2
    assert a["mean_share"] == pytest.approx(0.7)
    assert a["share_spread"] == pytest.approx(0.1414213, abs=1e-6)  # sample std of 0.8 and 0.6
    assert a["rank_change"] == pytest.approx(1.5)
    assert a["members"] == pytest.approx(10.0)
    # pooled, not the mean of rates: (3 + 5) / (10 + 10)
    assert a["award_rate"] == pytest.approx(0.4)


def test_hidden_values_are_left_out_of_means_and_rate(compare: ModuleType) -> None:
    out = compare.summary(_yearly(), NAMES, "vi")
    b = out.filter(pl.col("cluster_id") == B).row(0, named=True)
    assert b["years"] == 2
    assert b["mean_share"] == pytest.approx(0.9)  # the hidden 2022 share is not a zero
    assert b["rank_change"] is None
    # only 2021 shows a rate: 2 / 10, not (2 + 4) / (10 + 20)
    assert b["award_rate"] == pytest.approx(0.2)


def test_no_shown_rate_leaves_the_rate_unknown_not_nan(compare: ModuleType) -> None:
    out = compare.summary(_yearly(), NAMES, "vi")
    c = out.filter(pl.col("cluster_id") == C).row(0, named=True)
    assert c["award_rate"] is None


@pytest.mark.parametrize(
    ("lang", "real", "generated"),
    [
        ("vi", "chỉ dữ liệu thật", "gồm giá trị mô phỏng"),
        ("en", "real data only", "includes generated values"),
    ],
)
def test_values_origin_counts_only_shown_generated_values(
    compare: ModuleType, lang: str, real: str, generated: str
) -> None:
    out = compare.summary(_yearly(), NAMES, lang)
    origin = dict(zip(out["cluster_id"], out["values_origin"], strict=True))
    assert origin == {A: real, B: real, C: generated}


def test_a_cluster_without_a_name_sorts_last(compare: ModuleType) -> None:
    names = {A: "Cụm thi đua Hoà Bình"}
    out = compare.summary(_yearly(), names, "vi")
    assert out["cluster_id"][0] == A
    assert out["cluster_name"].to_list()[1:] == [None, None]
