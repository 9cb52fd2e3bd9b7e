"""Turn query results into what a page shows: translated labels, formatted numbers, CSV bytes.

No SQL here (that is data_access.py) and no Streamlit calls (that is the pages): plain functions on
polars frames, easy to test.
"""

from __future__ import annotations

import json

import polars as pl

from thidua.i18n import Lang, fmt_date, fmt_percent, t, term


def with_origin(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Add `origin`, the translated "real"/"synthetic" label the charts encode."""
    return frame.with_columns(
        pl.when(pl.col("is_synthetic"))
        .then(pl.lit(term("origin", "synthetic", lang)))
        .otherwise(pl.lit(term("origin", "real", lang)))
        .alias("origin")
    )


def origin_domain(lang: Lang) -> list[str]:
    """Real first: the order of the legend and of the mark scales."""
    return [term("origin", "real", lang), term("origin", "synthetic", lang)]


def trend_frame(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    return with_origin(frame, lang).with_columns(
        pl.col("mean_share_of_max")
        .map_elements(lambda v: fmt_percent(v, 1, lang), return_dtype=pl.String)
        .alias("share_label")
    )


def events_frame(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    return with_origin(frame, lang).with_columns(
        pl.col("event_type")
        .map_elements(lambda v: term("event_type", v, lang), return_dtype=pl.String)
        .alias("event_label")
    )


def awards_frame(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    name = "award_name_en" if lang == "en" else "award_name_vi"
    return with_origin(frame, lang).with_columns(
        pl.col(name).alias("award_label"),
        pl.col("status")
        .map_elements(lambda v: term("status", v, lang), return_dtype=pl.String)
        .alias("status_label"),
    )


def _fact_detail(row: dict[str, object], lang: Lang) -> str:
    kind = row["fact_kind"]
    unit = str(row["unit_name"] or "")
    code = row["code"] if isinstance(row["code"], str) else None
    if kind == "membership":
        return f"{unit}: {term('role', code, lang)}"
    if kind == "ranking":
        return t("fact.rank_detail", lang, unit=unit, rank=row["declared_rank"])
    if kind == "event":
        parts = [term("event_type", code, lang)]
        if isinstance(row["part_of_day"], str):
            parts.append(term("part_of_day", row["part_of_day"], lang))
        if unit:
            parts.append(t("fact.host", lang, host=unit))
        return ", ".join(parts)
    if kind == "award":
        award = row["award_name_en"] if lang == "en" else row["award_name_vi"]
        who = unit or t("fact.award_unknown_unit", lang)
        return f"{award}: {who} ({term('status', code, lang)})"
    return unit


def real_facts_table(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """One display row per real fact: kind, year, cluster, what it says, date, source and link."""
    rows = [
        {
            "fact": term("fact", str(row["fact_kind"]), lang),
            "year": row["results_year"],
            "cluster": row["cluster_name"],
            "detail": _fact_detail(row, lang),
            "date": fmt_date(row["fact_date"], lang),
            "source": row["source_ref"],
            "link": row["source_url"],
        }
        for row in frame.iter_rows(named=True)
    ]
    schema = {
        "fact": pl.String,
        "year": pl.Int32,
        "cluster": pl.String,
        "detail": pl.String,
        "date": pl.String,
        "source": pl.String,
        "link": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """CSV that Excel opens with Vietnamese letters intact (UTF-8 with a byte-order mark).

    CSV has no nested values, so lists and structs (DuckDB returns them readily) become JSON text.
    """
    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    if nested:
        frame = frame.with_columns(
            pl.Series(
                name,
                [
                    None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                    for v in frame[name].to_list()
                ],
                dtype=pl.String,
            )
            for name in nested
        )
    return ("\ufeff" + frame.write_csv()).encode("utf-8")
