"""Turn query results into what a page shows: translated labels, formatted values, provenance.

No SQL here (that is thidua.query.dashboard) and no Streamlit calls (that is the pages): plain
functions on polars frames, easy to test.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

import polars as pl

from source_words import refs_in_words
from thidua.i18n.messages import Lang, fmt_percent, t, term


def with_origin(
    frame: pl.DataFrame, lang: Lang, flag: str = "is_synthetic", target: str = "origin"
) -> pl.DataFrame:
    """Add `origin`, the translated "real"/"synthetic" label the charts encode.

    `flag` is the column that decides: the row's `is_synthetic` for a one-record fact, the value
    group's `is_<group>_synthetic` for a value (a score point follows `is_score_synthetic`). A
    value with any generated record behind it is drawn as synthetic.
    """
    return frame.with_columns(
        pl.when(pl.col(flag).fill_null(False))
        .then(pl.lit(term("origin", "synthetic", lang)))
        .otherwise(pl.lit(term("origin", "real", lang)))
        .alias(target)
    )


def source_label(
    kind: str | None,
    ref: str | None,
    title: str | None,
    publisher: str | None,
    is_synthetic: bool | None,
    lang: Lang,
) -> str | None:
    """Where one value comes from, in words: "Bài báo: <title> (<publisher>)", "Mô phỏng (…)".

    The flag wins over the kind: a value with a generated record behind it is never labelled
    real. A mixed value names its real references. None when nothing is known (no value).
    """
    if kind is None and ref is None and not is_synthetic:
        return None
    if is_synthetic and kind not in ("synthetic", "mixed"):
        kind = "synthetic"
    if kind == "synthetic":
        # the generator's reference ("synthetic:province:seed=1") is in the `_source_ref` column
        return t("value_source.synthetic", lang)
    if kind == "mixed":
        if not is_synthetic:
            several = t("value_source.mixed_real", lang)
            return f"{several} ({ref})" if ref else several
        real_refs = "; ".join(r for r in (ref or "").split("; ") if not r.startswith("synthetic"))
        if real_refs:
            return t("value_source.mixed", lang, refs=real_refs)
        return t("value_source.mixed_unknown", lang)
    name = title or ref or ""
    if publisher:
        name = f"{name} ({publisher})"
    return (
        f"{term('value_source', kind, lang)}: {name}" if name else term("value_source", kind, lang)
    )


def with_value_source(frame: pl.DataFrame, group: str, lang: Lang) -> pl.DataFrame:
    """Add the displayed provenance of one value group, from the `value_source_columns` columns
    (thidua.query.dashboard.common).

    `<group>_source` (words, with the article's title), `<group>_origin` (real / synthetic, for
    the charts' encodings), `<group>_link` (address) and, where the query read them,
    `<group>_file_row`. Labels describe the group's own records, never the row's.
    """

    def column(suffix: str) -> pl.Expr:
        name = f"{group}_{suffix}" if suffix else f"is_{group}_synthetic"
        return pl.col(name) if name in frame.columns else pl.lit(None, pl.String).alias(name)

    columns = [
        column("source_kind"),
        column("source_ref"),
        column("source_title"),
        column("source_publisher"),
        column(""),
    ]
    labels = [
        source_label(kind, ref, title, publisher, flag, lang)
        for kind, ref, title, publisher, flag in frame.select(columns).iter_rows()
    ]
    url = f"{group}_source_url"
    added = [
        pl.Series(f"{group}_source", labels, dtype=pl.String),
        (pl.col(url) if url in frame.columns else pl.lit(None, pl.String)).alias(f"{group}_link"),
    ]
    if f"{group}_source_file" in frame.columns:
        added.append(
            pl.Series(
                f"{group}_file_row",
                [
                    file_row_label(f, s, r, lang)
                    for f, s, r in frame.select(
                        f"{group}_source_file", f"{group}_source_sheet", f"{group}_source_row"
                    ).iter_rows()
                ],
                dtype=pl.String,
            )
        )
    return with_origin(frame, lang, f"is_{group}_synthetic", f"{group}_origin").with_columns(added)


def with_mix(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Add `origin` from the row's `source_mix`: real, synthetic, or mixed (a real row with
    generated values)."""
    return with_terms(frame, lang, origin=("source_mix", "source_mix"))


def includes_generated(flags: pl.Series | list[bool | None]) -> bool:
    """Whether any of the values behind a figure is generated (a null flag is not)."""
    return any(bool(f) for f in flags)


def origin_domain(lang: Lang) -> list[str]:
    """Real first: the order of the legend and of the mark scales."""
    return [term("origin", "real", lang), term("origin", "synthetic", lang)]


def highlighted(frame: pl.DataFrame, column: str, value: str | None) -> pl.DataFrame:
    """The frame with `is_highlighted`: true on the rows of the series `column == value` (the
    one a chart draws in colour over the grey others)."""
    return frame.with_columns(
        (pl.col(column) == pl.lit(value)).fill_null(False).alias("is_highlighted")
    )


def trend_frame(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Share labels for the trend; in band mode also "25–75 %: 91,2% – 93,6%" for the tooltip.

    A point's origin and source are its scores' (`is_score_synthetic`, `score_source`).
    """
    frame = with_value_source(frame, "score", lang)
    frame = with_origin(frame, lang, "is_score_synthetic").with_columns(
        pl.col("mean_share_of_max")
        .map_elements(lambda v: fmt_percent(v, 1, lang), return_dtype=pl.String)
        .alias("share_label")
    )
    bands = [
        f"{fmt_percent(a, 1, lang)} – {fmt_percent(b, 1, lang)}" if a is not None else ""
        for a, b in frame.select("p25", "p75").iter_rows()
    ]
    return frame.with_columns(pl.Series("band_label", bands, dtype=pl.String))


def coverage_shares(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Band mode of events_coverage: one row per year and event kind with the share held."""
    long = frame.unpivot(
        index=["results_year"],
        on=["has_covenant_signing", "has_mid_year_review", "has_year_end_review"],
        variable_name="flag",
        value_name="share",
    )
    names = {
        "has_covenant_signing": term("event_type", "covenant_signing", lang),
        "has_mid_year_review": term("event_type", "mid_year_review", lang),
        "has_year_end_review": term("event_type", "year_end_review", lang),
    }
    return long.with_columns(
        pl.col("flag").replace_strict(names, return_dtype=pl.String).alias("event_label"),
        pl.Series("share_label", [fmt_percent(v, 0, lang) for v in long["share"]], dtype=pl.String),
    )


def with_kind_source(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Add `source`: the kind of source of a group of one-record facts, in words ("Bài báo")."""
    labels = [
        source_label(kind, None, None, None, flag, lang)
        for kind, flag in frame.select("source_kind", "is_synthetic").iter_rows()
    ]
    return frame.with_columns(pl.Series("source", labels, dtype=pl.String))


def events_frame(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    return with_kind_source(with_origin(frame, lang), lang).with_columns(
        pl.col("event_type")
        .map_elements(lambda v: term("event_type", v, lang), return_dtype=pl.String)
        .alias("event_label")
    )


def awards_frame(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    name = "award_name_en" if lang == "en" else "award_name_vi"
    return with_kind_source(with_origin(frame, lang), lang).with_columns(
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
    """One display row per real fact: kind, year, cluster, what it says, date, and its source."""
    facts = with_provenance(frame, lang)
    return facts.select(
        pl.Series(
            "fact", [term("fact", str(k), lang) for k in facts["fact_kind"]], dtype=pl.String
        ),
        pl.col("results_year").alias("year"),
        pl.col("cluster_name").alias("cluster"),
        pl.Series(
            "detail",
            [_fact_detail(row, lang) for row in facts.iter_rows(named=True)],
            dtype=pl.String,
        ),
        pl.col("fact_date").alias("date"),
        "origin",
        "source",
        "link",
        "file_row",
        "source_ref",
    )


def coverage_frame(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Cluster-years with the list of events held, in words, for the coverage heatmap's tooltip.

    Origin and source are the events group's: a cell with any generated event is pale.
    """
    names = [
        ("has_covenant_signing", "covenant_signing"),
        ("has_mid_year_review", "mid_year_review"),
        ("has_year_end_review", "year_end_review"),
    ]
    labels = [
        ", ".join(term("event_type", code, lang) for flag, code in names if row[flag]) or "—"
        for row in frame.iter_rows(named=True)
    ]
    frame = with_origin(frame, lang, "is_events_synthetic")
    return with_value_source(frame, "events", lang).with_columns(
        pl.Series("events_label", labels, dtype=pl.String)
    )


def file_row_label(file: str | None, sheet: str | None, row: int | None, lang: Lang) -> str:
    """ "awards.csv, dòng 3" or "cum_5.xlsx › Thành viên, dòng 4": where a fact was read."""
    if not file:
        return ""
    name = PurePath(file).name
    where = f"{name} › {sheet}" if sheet else name
    return t("source.file_row", lang, file=where, row=row) if row is not None else where


def with_provenance(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Add the displayed provenance columns (tables.PROVENANCE) to a frame from data_access.

    `origin` says real or synthetic; `source` is the article title (dim_source) or the reference;
    `link` the address; `file_row` the file, sheet and row the record was loaded from.
    """
    frame = with_origin(frame, lang)
    title = pl.col("source_title")
    if "source_publisher" in frame.columns:
        title = (
            pl.when(pl.col("source_publisher").is_not_null())
            .then(pl.format("{} ({})", title, pl.col("source_publisher")))
            .otherwise(title)
        )
    # The generator's reference ("synthetic:province:seed=1") says what made the row, in words
    # ("Bộ sinh dữ liệu mô phỏng (bộ dữ liệu cấp tỉnh, giá trị khởi tạo 1)"): a code where a
    # person reads is not Vietnamese.
    generated = t("source.synthetic", lang)
    refs = frame.filter(pl.col("source_kind") == "synthetic")["source_ref"].unique().to_list()
    in_words = {ref: refs_in_words(f"{generated} ({ref})", lang) for ref in refs if ref}
    title = (
        pl.when(pl.col("source_kind") == "synthetic")
        .then(
            pl.col("source_ref").replace_strict(
                in_words, default=pl.lit(generated), return_dtype=pl.String
            )
        )
        .otherwise(title)
    )
    labels = [
        file_row_label(f, s, r, lang)
        for f, s, r in frame.select("source_file", "source_sheet", "source_row").iter_rows()
    ]
    return frame.with_columns(
        title.alias("source"),
        pl.col("source_url").alias("link"),
        pl.Series("file_row", labels, dtype=pl.String),
    )


def with_terms(frame: pl.DataFrame, lang: Lang, **columns: tuple[str, str]) -> pl.DataFrame:
    """Translate data codes: with_terms(f, lang, role_label=("role", "role")) adds role_label.

    A null code stays null (shown as "—"); an unknown code is shown as it is (term()).
    """
    exprs = []
    for target, (group, source) in columns.items():
        codes = [c for c in frame[source].unique().to_list() if c is not None]
        mapping = {str(c): term(group, str(c), lang) for c in codes}
        exprs.append(
            pl.col(source)
            .cast(pl.String)
            .replace_strict(mapping, default=None, return_dtype=pl.String)
            .alias(target)
        )
    return frame.with_columns(exprs) if exprs else frame


def award_name(frame: pl.DataFrame, lang: Lang, target: str = "award_label") -> pl.DataFrame:
    name = "award_name_en" if lang == "en" else "award_name_vi"
    return frame.with_columns(pl.coalesce(pl.col(name), pl.col("award_type_code")).alias(target))


def with_links(
    frame: pl.DataFrame, column: str, target: str, href: Callable[[str], str]
) -> pl.DataFrame:
    """Add `target`: a link per row to another page, from the id in `column` (None stays None)."""
    return frame.with_columns(
        pl.Series(
            target,
            [None if v is None else href(str(v)) for v in frame[column].to_list()],
            dtype=pl.String,
        )
    )
