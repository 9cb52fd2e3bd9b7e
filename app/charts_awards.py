"""Charts of the awards page: the proposed → approved → decided funnel and compliance findings."""

from __future__ import annotations

import altair as alt
import polars as pl

from charts import label_limit, localized, origin_opacity, summarized, summary_most
from thidua.i18n.messages import Lang, t, term, tn

# Three steps of one process: one hue getting darker as a proposal moves on.
_STAGES = ("proposed", "approved", "decided")
_STAGE_COLORS = ["#a9cce3", "#3498db", "#1b4f72"]


def funnel(frame: pl.DataFrame, shown: list[str], dimension: str, lang: Lang) -> alt.Chart:
    """Grouped bars: for each year (columns) or award type / cluster (rows), the shown stages
    (a stage keeps its colour whether or not the one before it is shown)."""
    stages = [t(f"stage.{s}", lang) for s in shown]
    color = alt.Color(
        "stage_label:N",
        title=t("awards.stage", lang),
        scale=alt.Scale(domain=stages, range=[_STAGE_COLORS[_STAGES.index(s)] for s in shown]),
        sort=stages,
    )
    count = alt.Axis(format=",d", tickMinStep=1)
    tooltip = [
        alt.Tooltip("group_label:N", title=t(f"awards.by.{dimension}", lang)),
        alt.Tooltip("stage_label:N", title=t("awards.stage", lang)),
        alt.Tooltip("n_label:N", title=t("chart.count", lang)),
    ]
    sort = alt.EncodingSortField("sort_key", op="min")
    chart: alt.Chart
    if dimension == "year":
        chart = (
            alt.Chart(frame)
            .mark_bar()
            .encode(
                x=alt.X(
                    "group_label:N",
                    title=t("chart.year", lang),
                    sort=sort,
                    axis=alt.Axis(labelAngle=0),
                ),
                xOffset=alt.XOffset("stage_label:N", sort=stages),
                y=alt.Y("n:Q", title=t("chart.count", lang), axis=count),
                color=color,
                tooltip=tooltip,
            )
            .properties(height=320)
        )
    else:
        chart = (
            alt.Chart(frame)
            .mark_bar()
            .encode(
                y=alt.Y(
                    "group_label:N",
                    title=None,
                    sort=sort,
                    axis=alt.Axis(labelLimit=label_limit(320)),
                ),
                yOffset=alt.YOffset("stage_label:N", sort=stages),
                x=alt.X("n:Q", title=t("chart.count", lang), axis=count),
                color=color,
                tooltip=tooltip,
            )
            .properties(height=alt.Step(14, **{"for": "offset"}))
        )
    return localized(summarized(chart, _funnel_summary(frame, stages, lang)), lang)


def _funnel_summary(frame: pl.DataFrame, stages: list[str], lang: Lang) -> str:
    """The group with the most awards at the first stage shown (the one that counts them all)."""
    first = frame.filter(pl.col("stage_label") == stages[0]) if stages else frame
    sums = first.group_by("group_label").agg(pl.col("n").sum()).filter(pl.col("n") > 0)
    if not stages or sums.is_empty():
        return t("chart.summary.empty", lang)
    top = sums.sort(["n", "group_label"], descending=[True, False]).row(0, named=True)
    return t(
        "chart.summary.most_stage",
        lang,
        stage=stages[0],
        name=top["group_label"],
        value=tn("chart.summary.n_awards", int(top["n"]), lang),
    )


SEVERITIES = ("error", "warning", "info")
_SEVERITY_COLORS = ["#c0392b", "#e67e22", "#95a5a6"]


def compliance_counts(frame: pl.DataFrame, lang: Lang) -> alt.Chart:
    """Findings per rule: red for a breach of the law, orange for practice, grey for unknowable."""
    domain = [term("severity", s, lang) for s in SEVERITIES]
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(
                "rule_label:N", title=None, axis=alt.Axis(labelLimit=label_limit(420)), sort="-x"
            ),
            x=alt.X("n:Q", title=t("chart.count", lang), axis=alt.Axis(format=",d", tickMinStep=1)),
            color=alt.Color(
                "severity_label:N",
                title=t("col.severity", lang),
                scale=alt.Scale(domain=domain, range=_SEVERITY_COLORS),
            ),
            opacity=origin_opacity(lang),
            tooltip=[
                alt.Tooltip("rule_label:N", title=t("col.rule", lang)),
                alt.Tooltip("severity_label:N", title=t("col.severity", lang)),
                alt.Tooltip("n:Q", title=t("chart.count", lang)),
                alt.Tooltip("origin:N", title=t("origin.title", lang)),
            ],
        )
        .properties(height=alt.Step(30))
    )
    summary = summary_most(frame, "rule_label", "n", "chart.summary.n_findings", lang)
    return localized(summarized(chart, summary), lang)
