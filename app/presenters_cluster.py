"""Frames of the cluster page, ready to draw: translated labels, formatted tooltips, checks.

No SQL (thidua.query.dashboard.clusters) and no Streamlit (views/clusters.py). Every function takes
what one query returned for one cluster (a few hundred rows at most) and the language.
"""

from __future__ import annotations

import polars as pl

from presenters import (
    award_name,
    source_label,
    with_mix,
    with_origin,
    with_provenance,
    with_terms,
    with_value_source,
)
from thidua.i18n.messages import Lang, fmt_date, fmt_number, fmt_percent, fmt_year_range, t, term


def _percent_labels(frame: pl.DataFrame, column: str, lang: Lang, target: str) -> pl.DataFrame:
    return frame.with_columns(
        pl.Series(
            target,
            [fmt_percent(v, 1, lang) for v in frame[column].to_list()],
            dtype=pl.String,
        )
    )


def roster(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Membership rows with the role translated ("not stated" when the source is silent)."""
    frame = with_provenance(frame, lang)
    return with_terms(
        frame.with_columns(pl.col("role").fill_null("unknown").alias("role_code")),
        lang,
        role_label=("role", "role_code"),
    )


def leadership(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Leader and deputy rows, with the deputy-to-leader path in words for tooltips and table."""
    frame = with_terms(with_provenance(frame, lang), lang, role_label=("role", "role"))

    def path(was_deputy: bool | None, leads_next: bool | None, role: str | None) -> str:
        parts = []
        if role == "leader" and was_deputy:
            parts.append(t("leadership.was_deputy", lang))
        if role == "deputy" and leads_next:
            parts.append(t("leadership.leads_next", lang))
        return "; ".join(parts)

    paths = [
        path(w, n, r)
        for w, n, r in frame.select(
            "was_deputy_previous_year", "is_leader_next_year", "role"
        ).iter_rows()
    ]
    return frame.with_columns(pl.Series("path_label", paths, dtype=pl.String))


def rotation_summary(frame: pl.DataFrame) -> tuple[int, int]:
    """(years whose leader was the deputy the year before, years where that is known)."""
    leaders = frame.filter(pl.col("role") == "leader")
    known = leaders.filter(pl.col("was_deputy_previous_year").is_not_null())
    return int(known["was_deputy_previous_year"].sum()), known.height


def yearly_leaders(years: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """One row per results year: leader, deputies, leading unit and its winning streak.

    Leader, deputies and leading unit each get their source (`leader_source`, ...); `origin` is
    the row's mix (real, synthetic, or a real year with generated values). `*_label` columns
    carry the names marked "(mô phỏng)" when generated, for sentences that have no source column.
    A streak is generated (`streak_generated`) when any year of it has a generated leading unit.
    """
    frame = years.sort("results_year")
    streaks: list[int | None] = []
    streak_generated: list[bool] = []
    run = 0
    generated: list[bool] = []
    previous: object = None
    previous_year: int | None = None
    for unit, year, flag in frame.select(
        "top_unit_id", "results_year", "is_top_unit_synthetic"
    ).iter_rows():
        if unit is None:
            run, generated = 0, []
        elif unit == previous and previous_year is not None and year == previous_year + 1:
            run += 1
            generated.append(bool(flag))
        else:
            run, generated = 1, [bool(flag)]
        streaks.append(run or None)
        streak_generated.append(any(generated))
        previous, previous_year = unit, year
    basis = {
        "declared_rank": t("rank_basis.declared", lang),
        "score": t("rank_basis.score", lang),
    }
    synthetic = f" ({term('origin', 'synthetic', lang).lower()})"

    def marked(name: str, flag: str, target: str) -> pl.Expr:
        # A real cluster-year can carry a generated leader or leading unit: say so on the name.
        return (
            pl.when(pl.col(flag).fill_null(False))
            .then(pl.col(name) + pl.lit(synthetic))
            .otherwise(pl.col(name))
            .alias(target)
        )

    for group in ("leader", "deputy", "top_unit", "score"):
        frame = with_value_source(frame, group, lang)
    frame = with_flag_answer(frame, lang)
    return with_mix(frame, lang).with_columns(
        marked("leader_name", "is_leader_synthetic", "leader_label"),
        marked("deputy_names", "is_deputy_synthetic", "deputy_label"),
        marked("top_unit_name", "is_top_unit_synthetic", "top_unit_label"),
        pl.Series("top_streak", streaks, dtype=pl.Int32),
        pl.Series("streak_generated", streak_generated, dtype=pl.Boolean),
        pl.col("top_unit_basis")
        .replace_strict(basis, default=None, return_dtype=pl.String)
        .alias("top_basis_label"),
    )


# The mart's answer to "did the flag go to the unit ranked first?" as a mark a table can hold.
FLAG_MARKS = {True: "✓", False: "✗"}
UNKNOWN_MARK = "?"
# The reasons that leave the answer unknown although a flag is recorded.
FLAG_UNKNOWN = ("flag_unit_not_named", "first_place_unknown")


def _flag_mark(answer: bool | None, reason: str | None) -> str | None:
    if answer is not None:
        return FLAG_MARKS[answer]
    return UNKNOWN_MARK if reason in FLAG_UNKNOWN else None


def with_flag_answer(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """`flag_mark` (✓ / ✗ / ?) and `flag_reason_label` from the cluster-year's
    `is_flag_to_top_unit` and its reason (fct_cluster_year); the mark is blank when no flag is
    recorded or the answer is hidden (generated)."""
    marks = [
        _flag_mark(answer, reason)
        for answer, reason in frame.select(
            "is_flag_to_top_unit", "flag_to_top_unit_reason"
        ).iter_rows()
    ]
    frame = with_terms(frame, lang, flag_reason_label=("flag_check", "flag_to_top_unit_reason"))
    return frame.with_columns(pl.Series("flag_mark", marks, dtype=pl.String))


def flag_tally(leaders: pl.DataFrame) -> dict[str, int]:
    """Years whose flag went to the unit ranked first, to another unit, or cannot be told."""
    answers = leaders["is_flag_to_top_unit"]
    unknown = answers.is_null() & leaders["flag_to_top_unit_reason"].is_in(list(FLAG_UNKNOWN))
    return {
        "yes": int(answers.sum() or 0),
        "no": int((~answers).sum() or 0),
        "unknown": int(unknown.sum()),
    }


def longest_streak(leaders: pl.DataFrame) -> tuple[str | None, int, bool]:
    """The unit with the longest run of consecutive years as leading unit, its length, and whether
    any year of the run has a generated leading unit."""
    best = leaders.filter(pl.col("top_streak").is_not_null()).sort(
        "top_streak", "results_year", descending=[True, False]
    )
    if best.is_empty():
        return None, 0, False
    return best["top_unit_name"][0], int(best["top_streak"][0]), bool(best["streak_generated"][0])


def results(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Unit-year scores and ranks with the labels the bump chart and the table need.

    Each value group gets its own source (`role_source`, `score_source`, `rank_source` for the
    declared rank) and origin (`score_origin`, ...). The effective rank's source is the declared
    rank's where it is declared, else the scores' (`effective_rank_source`, origin from
    `is_effective_rank_synthetic`). `origin` is the row's mix.
    """
    for group in ("role", "score", "rank"):
        frame = with_value_source(frame, group, lang)
    basis = {
        "declared_rank": t("rank_basis.declared", lang),
        "score": t("rank_basis.score", lang),
    }
    frame = with_mix(frame, lang).with_columns(
        pl.col("rank_basis")
        .replace_strict(basis, default=None, return_dtype=pl.String)
        .alias("rank_basis_label"),
        pl.when(pl.col("rank_basis") == "declared_rank")
        .then(pl.col("rank_source"))
        .when(pl.col("rank_basis") == "score")
        .then(pl.col("score_source"))
        .alias("effective_rank_source"),
        pl.when(pl.col("has_membership").is_null())
        .then(None)
        .otherwise(pl.col("role").fill_null("unknown"))
        .alias("role_code"),
    )
    frame = with_origin(frame, lang, "is_effective_rank_synthetic", "effective_rank_origin")
    frame = with_terms(frame, lang, role_label=("role", "role_code"))
    return _percent_labels(frame, "share_of_max", lang, "share_label")


def units_by_latest_rank(ranked: pl.DataFrame) -> dict[str, str]:
    """Unit id -> name, the unit ranked first in the latest year first, then by that year's rank
    (units absent from it after, by their own latest rank): the order of a highlight picker."""
    ordered = ranked.sort(["results_year", "rank", "unit_name"], descending=[True, False, False])
    names: dict[str, str] = {}
    for unit_id, name in ordered.select("unit_id", "unit_name").iter_rows():
        names.setdefault(str(unit_id), str(name))
    return names


def checks(results_frame: pl.DataFrame, years: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Consistency findings of the cluster: rank vs score, scored non-members, leader not a member.

    Each is the mart's answer, laid out: `is_rank_mismatch` and `has_membership` of the
    unit-years, `is_leader_not_member` of the cluster-years (the definition the compliance
    findings use too). Raised, never fixed: the warehouse keeps both the declared rank and the
    scores.
    """
    rows: list[dict[str, object]] = []
    for r in results_frame.iter_rows(named=True):
        if r["is_rank_mismatch"]:
            rows.append(
                {
                    "results_year": r["results_year"],
                    "unit_name": r["unit_name"],
                    "check": t("check.rank_mismatch", lang),
                    "detail": t(
                        "check.rank_mismatch.detail",
                        lang,
                        declared=r["declared_rank"],
                        by_score=r["rank_by_score"],
                    ),
                }
            )
        if r["has_membership"] is False:
            rows.append(
                {
                    "results_year": r["results_year"],
                    "unit_name": r["unit_name"],
                    "check": t("check.not_member", lang),
                    "detail": t("check.not_member.detail", lang),
                }
            )
    for year, leader, not_member in years.select(
        "results_year", "leader_name", "is_leader_not_member"
    ).iter_rows():
        if not_member:
            rows.append(
                {
                    "results_year": year,
                    "unit_name": leader,
                    "check": t("check.leader_not_member", lang),
                    "detail": t("check.leader_not_member.detail", lang),
                }
            )
    schema = {
        "results_year": pl.Int32,
        "unit_name": pl.String,
        "check": pl.String,
        "detail": pl.String,
    }
    return pl.DataFrame(rows, schema=schema).sort("results_year", "unit_name")


def criteria(frame: pl.DataFrame, lang: Lang) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mean share per criterion and scorer kind, share per unit and criterion on the final basis).

    The final basis is the unit's own (`is_final_basis`: the scores its final score is built
    on, fct_unit_year_scores.score_basis).
    """
    labelled = frame.with_columns(
        pl.coalesce(pl.col("criterion_name"), pl.col("criterion_id")).alias("criterion_label"),
        pl.coalesce(pl.col("criterion_code"), pl.col("criterion_id")).alias("criterion_short"),
        pl.coalesce(pl.col("sort_order"), pl.lit(999)).alias("sort_key"),
    )
    by_basis = (
        labelled.group_by("criterion_id", "criterion_label", "criterion_short", "scorer_kind")
        .agg(
            (pl.col("points").sum() / pl.col("max_points").sum()).alias("share_of_max"),
            pl.col("unit_id").n_unique().alias("units"),
            pl.col("sort_key").min(),
            # a mean over real and generated points is not a real mean
            pl.col("is_synthetic").any(),
            pl.col("is_synthetic").all().alias("all_synthetic"),
            pl.col("source_kind").unique().alias("kinds"),
        )
        .sort("sort_key", "criterion_label", "scorer_kind")
    )
    kinds = [
        "synthetic" if every else "mixed" if any_ else (k[0] if len(k) == 1 else "mixed")
        for any_, every, k in by_basis.select("is_synthetic", "all_synthetic", "kinds").iter_rows()
    ]
    by_basis = by_basis.with_columns(
        pl.Series(
            "source",
            [
                source_label(kind, None, None, None, flag, lang)
                for kind, flag in zip(kinds, by_basis["is_synthetic"], strict=True)
            ],
            dtype=pl.String,
        )
    ).drop("kinds", "all_synthetic")
    by_basis = with_terms(by_basis, lang, scorer_label=("scorer_kind", "scorer_kind"))
    by_basis = with_origin(_percent_labels(by_basis, "share_of_max", lang, "share_label"), lang)

    final = labelled.filter(pl.col("is_final_basis"))
    final = final.with_columns(
        pl.Series(
            "points_label",
            [
                f"{fmt_number(p, 1, lang)} / {fmt_number(m, 1, lang)}"
                for p, m in final.select("points", "max_points").iter_rows()
            ],
            dtype=pl.String,
        )
    )
    # which scores each unit's cell is (its final score's basis), said in its tooltip
    final = with_terms(final, lang, scorer_label=("scorer_kind", "scorer_kind"))
    final = with_origin(_percent_labels(final, "share_of_max", lang, "share_label"), lang)
    final = final.with_columns(
        pl.Series(
            "source",
            [
                source_label(kind, ref, None, None, flag, lang)
                for kind, ref, flag in final.select(
                    "source_kind", "source_ref", "is_synthetic"
                ).iter_rows()
            ],
            dtype=pl.String,
        )
    )
    return by_basis, final


def events_held(events_frame: pl.DataFrame) -> dict[str, int]:
    """Results years with at least one event of each type, among the events shown."""
    return {
        kind: events_frame.filter(pl.col("event_type") == kind)["results_year"].n_unique()
        for kind in ("covenant_signing", "mid_year_review", "year_end_review")
    }


def events(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    frame = with_terms(
        with_provenance(frame, lang),
        lang,
        event_label=("event_type", "event_type"),
        part_label=("part_of_day", "part_of_day"),
    )
    return frame.with_columns(
        pl.Series(
            "date_label",
            [fmt_date(d, lang) for d in frame["event_date"].to_list()],
            dtype=pl.String,
        )
    )


def awards(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    frame = award_name(with_provenance(frame, lang), lang)
    frame = with_terms(frame, lang, status_label=("status", "status"))
    return frame.with_columns(
        pl.col("unit_name").fill_null(t("fact.award_unknown_unit", lang)).alias("unit_label")
    )


def profile_line(profile: dict[str, object], lang: Lang) -> str:
    """ "Cụm · Cơ quan tổ chức: … · Có ghi nhận 2015–2025 · Nguồn: <title, linked>" (markdown)."""
    organizer = profile["organizer_name_en"] if lang == "en" else profile["organizer_name"]
    first = profile["first_year"]
    last = profile["last_year"] or first
    span = fmt_year_range((int(str(first)), int(str(last)))) if first is not None else "—"
    source = str(profile["source_title"] or "—")
    if profile["is_synthetic"]:
        source = f"{t('source.synthetic', lang)} ({profile['source_ref']})"
    elif profile["source_url"]:
        source = f"[{source}]({profile['source_url']})"
    return t(
        "clusters.profile",
        lang,
        kind=term("kind", str(profile["cluster_kind"]), lang),
        organizer=organizer or "—",
        years=span,
        source=source,
    )


def cluster_label(name: str, is_synthetic: bool | None, lang: Lang) -> str:
    """A picker entry: the name, marked when no real source attests the cluster."""
    if is_synthetic:
        return f"{name} · {term('origin', 'synthetic', lang)}"
    return name
