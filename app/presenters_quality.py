"""Frames of the data-quality page: statuses in words, messages in the reader's language."""

from __future__ import annotations

import polars as pl

from presenters import with_terms
from thidua.i18n import Lang


def dbt_results(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    return with_terms(
        frame,
        lang,
        status_label=("dbt_status", "status"),
        type_label=("dbt_resource", "resource_type"),
    )


def dbt_counts(frame: pl.DataFrame) -> dict[str, int]:
    """Tests (data and unit tests) by outcome, and models/seeds built."""
    tests = frame.filter(pl.col("resource_type").is_in(["test", "unit_test"]))
    return {
        "tests_passed": tests.filter(pl.col("status") == "pass").height,
        "tests_failed": tests.filter(pl.col("status").is_in(["fail", "error"])).height,
        "tests_warned": tests.filter(pl.col("status") == "warn").height,
        "models": frame.filter(pl.col("resource_type").is_in(["model", "seed"])).height,
        "problems": frame.filter(pl.col("is_problem")).height,
    }


def ledger(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    return with_terms(frame, lang, status_label=("load_status", "status"))


def quarantine(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    message = "message_en" if lang == "en" else "message_vi"
    return frame.with_columns(pl.col(message).alias("message"))


def gx(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    return with_terms(
        frame.with_columns(
            pl.when(pl.col("is_success"))
            .then(pl.lit("pass"))
            .otherwise(pl.lit("fail"))
            .alias("outcome")
        ),
        lang,
        outcome_label=("dbt_status", "outcome"),
    )
