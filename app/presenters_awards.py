"""Frames of the awards page: the funnel by year, type or cluster, and compliance findings."""

from __future__ import annotations

import polars as pl

from presenters import with_origin, with_provenance, with_terms
from presenters_cluster import awards as award_rows
from thidua.i18n.messages import Lang, fmt_int, t

STAGES = ("proposed", "approved", "decided")
DIMENSIONS = ("year", "type", "cluster")


def funnel(frame: pl.DataFrame, dimension: str, lang: Lang) -> pl.DataFrame:
    """Rows of one grouping (year, type or cluster) with a translated group label and the rates."""
    rows = frame.filter(pl.col("dimension") == dimension)
    name = "award_name_en" if lang == "en" else "award_name_vi"
    label = {
        "year": pl.col("results_year").cast(pl.String),
        "type": pl.coalesce(pl.col(name), pl.col("award_type_code")),
        "cluster": pl.coalesce(pl.col("cluster_name"), pl.lit(t("awards.no_cluster", lang))),
    }[dimension]
    order = {
        "year": pl.col("results_year"),
        "type": pl.col("rank_order"),
        "cluster": pl.col("cluster_name"),
    }[dimension]
    regime = "regime_en" if lang == "en" else "regime_vi"
    return (
        rows.with_columns(
            label.alias("group_label"),
            pl.col(regime).alias("regime_label"),
            (pl.col("approved") / pl.col("proposed")).alias("approval_rate"),
            (pl.col("decided") / pl.col("proposed")).alias("decision_rate"),
            (pl.col("real_rows") == 0).alias("is_synthetic"),
        )
        .sort(order, nulls_last=True)
        .with_row_index("sort_key")
    )


def informative_stages(totals: dict[str, int]) -> list[str]:
    """The stages worth showing: the first and the last always; a stage between them only when
    its count differs from both neighbours'.

    The counts are cumulative (an award counts in every stage it reached), so a middle stage
    equal to the next one over the whole selection means no award stopped there (none is only
    approved), and equal to the previous one that none stopped before it: in every grouping
    (by year, type or cluster) its column would repeat a neighbour's.
    """
    kept = [STAGES[0]]
    for before, stage, after in zip(STAGES, STAGES[1:], STAGES[2:], strict=False):
        if totals[stage] not in (totals[before], totals[after]):
            kept.append(stage)
    kept.append(STAGES[-1])
    return kept


def silent_stages(shown: list[str]) -> list[str]:
    """The stages informative_stages left out (the page says which, and why)."""
    return [s for s in STAGES if s not in shown]


def funnel_long(frame: pl.DataFrame, stages: list[str], lang: Lang) -> pl.DataFrame:
    """One row per group and shown stage, for the grouped bar chart."""
    long = frame.unpivot(
        index=["group_label", "sort_key"], on=stages, variable_name="stage", value_name="n"
    )
    stage_labels = {s: t(f"stage.{s}", lang) for s in stages}
    return long.with_columns(
        pl.col("stage").replace_strict(stage_labels, return_dtype=pl.String).alias("stage_label"),
        pl.col("n")
        .map_elements(lambda v: fmt_int(v, lang), return_dtype=pl.String)
        .alias("n_label"),
    )


def totals(frame: pl.DataFrame) -> dict[str, int]:
    """Proposed / approved / decided over the whole selection (from the by-year grouping), and
    the part of each from real sources (`proposed_real`, `approved_real`, `decided_real`)."""
    by_year = frame.filter(pl.col("dimension") == "year")
    counts = {s: int(by_year[s].sum()) for s in STAGES}
    counts["proposed_real"] = int(by_year["real_rows"].sum())
    counts["approved_real"] = int(by_year["approved_real"].sum())
    counts["decided_real"] = int(by_year["decided_real"].sum())
    return counts


def compliance(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Findings with the rule, regime and detail in the reader's language."""
    rule = "rule_name_en" if lang == "en" else "rule_name_vi"
    basis = "basis_en" if lang == "en" else "basis_vi"
    detail = "detail" if lang == "en" else "detail_vi"
    frame = with_terms(
        with_provenance(frame, lang),
        lang,
        severity_label=("severity", "severity"),
        kind_label=("rule_kind", "rule_kind"),
    )
    return frame.with_columns(
        pl.coalesce(pl.col(rule), pl.col("rule_code")).alias("rule_label"),
        pl.coalesce(pl.col(basis), pl.col("regime_id")).alias("regime_label"),
        pl.coalesce(pl.col(detail), pl.col("detail")).alias("detail_label"),
        pl.coalesce(pl.col("cluster_name"), pl.lit(t("awards.no_cluster", lang))).alias(
            "cluster_label"
        ),
    )


def finding_years(scope: pl.DataFrame) -> dict[str, str]:
    """The results years with findings, newest first, as choices (code -> label)."""
    years = sorted({int(y) for y in scope["results_year"].to_list()}, reverse=True)
    return {str(y): str(y) for y in years}


def finding_clusters(scope: pl.DataFrame) -> dict[str, str]:
    """The clusters with findings, by name, as choices (id -> name)."""
    named = scope.filter(pl.col("cluster_id").is_not_null())
    pairs = {
        cid: name or cid for cid, name in named.select("cluster_id", "cluster_name").iter_rows()
    }
    return dict(sorted(pairs.items(), key=lambda item: item[1]))


def compliance_counts(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Findings per rule and severity (the chart above the findings table)."""
    counts = (
        frame.group_by("rule_label", "severity", "severity_label")
        .agg(pl.len().alias("n"), pl.col("is_synthetic").any())
        .sort("n", descending=True)
    )
    return with_origin(counts, lang)


def rules(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """The rules in words; when each applies and its basis come from the catalogue, written for
    an analyst (the seed's `applicability` and `source_note` are the developers' notes)."""
    name = "name_en" if lang == "en" else "name_vi"
    return with_terms(
        frame.with_columns(pl.col(name).alias("rule_label")),
        lang,
        severity_label=("severity", "severity"),
        kind_label=("rule_kind", "rule_kind"),
        applicability_label=("rule_applicability", "rule_code"),
        note_label=("rule_note", "rule_code"),
    )


def regimes(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """The legal regimes and the rules each one lets the data check, in words."""
    basis = "basis_en" if lang == "en" else "basis_vi"
    yes, no = t("common.yes", lang), t("common.no", lang)

    def flag(v: bool | None) -> str:
        return "" if v is None else (yes if v else no)

    return with_terms(frame, lang, note_label=("regime_note", "regime_id")).with_columns(
        pl.col(basis).alias("basis_label"),
        pl.format(
            "{}–{}", pl.col("from_year"), pl.col("to_year").cast(pl.String).fill_null("…")
        ).alias("years_label"),
        pl.col("gov_flag_requires_prior_provincial_flag")
        .map_elements(flag, return_dtype=pl.String)
        .alias("prior_flag_label"),
        pl.col("gov_flag_requires_leading_unit")
        .map_elements(flag, return_dtype=pl.String)
        .alias("leading_unit_label"),
    )


def award_list(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    return award_rows(frame, lang)
