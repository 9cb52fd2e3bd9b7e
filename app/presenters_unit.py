"""Frames of the unit page: the unit's family across the 2025 merges and its year-by-year record."""

from __future__ import annotations

import polars as pl

from presenters import with_mix, with_origin, with_terms, with_value_source
from thidua.i18n.messages import Lang, fmt_date, fmt_percent, has, t, term


def history(frame: pl.DataFrame, family: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Unit-years with labels: role, share, "rank 2 / 8", and the series each year belongs to.

    The selected unit's own years and, from the reorganisation on, its successor's years form one
    series, "Sở KH&ĐT → Sở Tài chính" (`is_chain`): the trend that carries on through the merge.
    Every other unit of the family (the successor before the merge, units merged alongside) is a
    series of its own, so two units in one cluster-year never share a line.

    Role, scores, declared rank and awards each get their source (`role_source`, `score_source`,
    `rank_source`, `awards_source`); the effective rank's is the declared rank's where declared,
    else the scores' (`effective_rank_source`). `origin` is the row's mix.
    """
    for group in ("role", "score", "rank", "awards"):
        frame = with_value_source(frame, group, lang)
    frame = with_mix(frame, lang).with_columns(
        pl.when(pl.col("role").is_null() & pl.col("is_role_synthetic").fill_null(False))
        .then(None)
        .otherwise(pl.col("role").fill_null("unknown"))
        .alias("role_code"),
        pl.coalesce(pl.col("cluster_name"), pl.col("cluster_id")).alias("cluster_label"),
        pl.when(pl.col("rank_basis") == "declared_rank")
        .then(pl.col("rank_source"))
        .when(pl.col("rank_basis") == "score")
        .then(pl.col("score_source"))
        .alias("effective_rank_source"),
    )
    frame = with_origin(frame, lang, "is_effective_rank_synthetic", "effective_rank_origin")
    frame = with_terms(frame, lang, role_label=("role", "role_code"))
    ranks = [
        t("unit.rank_of", lang, rank=r, size=n) if r is not None and n else (str(r) if r else "")
        for r, n in frame.select("rank", "member_count").iter_rows()
    ]
    me = family.filter(pl.col("is_selected")).row(0, named=True)
    successor = me["successor_unit_id"]
    merged = me["successor_effective_date"]
    from_year = merged.year if merged is not None else None
    chain_name = me["unit_name"]
    if successor != me["unit_id"]:
        chain_name = f"{me['unit_name']} → {me['successor_unit_name']}"

    def in_chain(unit: str, year: int) -> bool:
        if unit == me["unit_id"]:
            return True
        return unit == successor and from_year is not None and year >= from_year

    chain = [in_chain(u, y) for u, y in frame.select("unit_id", "results_year").iter_rows()]
    series = [
        chain_name if c else name
        for c, name in zip(chain, frame["unit_name"].to_list(), strict=True)
    ]
    return frame.with_columns(
        pl.Series(
            "share_label",
            [fmt_percent(v, 1, lang) for v in frame["share_of_max"]],
            dtype=pl.String,
        ),
        pl.Series("rank_label", ranks, dtype=pl.String),
        pl.Series("is_chain", chain, dtype=pl.Boolean),
        pl.Series("series", series, dtype=pl.String),
    )


def lineage(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Reorganisation edges in words: "Sở KH&ĐT → Sở Tài chính (sáp nhập, 01/03/2025)"."""
    frame = with_terms(frame, lang, relation_label=("relation", "relation"))
    # the seed's note is the developers' (English); the catalogue has it for a reader, by edge
    notes = [
        term("lineage_note", f"{a}:{b}", lang) if has(f"lineage_note.{a}:{b}") else note
        for a, b, note in frame.select("from_unit_id", "to_unit_id", "source_note").iter_rows()
    ]
    return frame.with_columns(
        pl.Series("note_label", notes, dtype=pl.String),
        pl.Series(
            "date_label", [fmt_date(d, lang) for d in frame["effective_date"]], dtype=pl.String
        ),
        pl.coalesce(pl.col("from_unit_name"), pl.col("from_unit_id")).alias("from_label"),
        pl.coalesce(pl.col("to_unit_name"), pl.col("to_unit_id")).alias("to_label"),
    )


def family_sentence(family: pl.DataFrame, lang: Lang) -> str | None:
    """One sentence on where the unit went or came from; None when it never changed."""
    if family.height <= 1:
        return None
    me = family.filter(pl.col("is_selected")).row(0, named=True)
    if me["unit_id"] != me["successor_unit_id"]:
        relation = term("relation", me["successor_relation"], lang)
        when = fmt_date(me["successor_effective_date"], lang)
        return t(
            "unit.family.became",
            lang,
            unit=me["unit_name"],
            relation=relation,
            successor=me["successor_unit_name"],
            date=when or "?",
        )
    # each unit that continues in this one, with how and when (a rename in 2020, a merger in
    # 2025): the reorganisations differ from unit to unit
    predecessors = [
        t(
            "unit.family.predecessor",
            lang,
            name=row["unit_name"],
            relation=term("relation", row["successor_relation"], lang),
            date=fmt_date(row["successor_effective_date"], lang) or "?",
        )
        for row in family.iter_rows(named=True)
        if not row["is_selected"] and row["unit_name"] != me["successor_unit_name"]
    ]
    return t("unit.family.absorbed", lang, unit=me["unit_name"], others="; ".join(predecessors))


def merge_years(lineage_frame: pl.DataFrame) -> list[int]:
    """Calendar years of the reorganisations, for a marker on the trend charts."""
    return sorted({d.year for d in lineage_frame["effective_date"].drop_nulls().to_list()})
