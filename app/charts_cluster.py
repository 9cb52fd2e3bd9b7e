"""Charts of one cluster: roster, leadership timeline, ranks, score spread, criteria, events.

Frames arrive from presenters with translated labels (role_label, origin, ...). Real values are
solid and synthetic ones pale, as everywhere (charts.origin_opacity); a chart of a value encodes
that value's own origin (the rank chart the effective rank's, the score spread the scores') and its
tooltip names that value's source, never the row's.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from charts import (
    CONTEXT_COLOR,
    HEIGHT,
    HIGHLIGHT_COLOR,
    label_limit,
    localized,
    origin_opacity,
    origin_shape,
    share_text,
    summarized,
    summary_extreme,
    year_axis,
)
from thidua.i18n.messages import Lang, fmt_date, t, term, tn

ROLES = ("leader", "deputy", "member", "unknown")
# Leadership stands out (warm), ordinary membership is quiet (cool); "not stated" is grey.
_ROLE_COLORS = ["#c0392b", "#e67e22", "#5b8db8", "#b8b8b8"]
_BASIS_COLORS = {"self": "#e67e22", "peer": "#2e86c1", "agreed": "#1e8449"}


def role_domain(lang: Lang) -> list[str]:
    return [term("role", r, lang) for r in ROLES]


def rows(per_row: int = 24) -> alt.Step:
    """Height by rows: Streamlit fits a fixed height around the legends too, squashing the rows."""
    return alt.Step(per_row)


def roster_matrix(frame: pl.DataFrame, lang: Lang) -> alt.Chart:
    """Units (rows) x results years (columns), coloured by role: who was in, who led, who deputised.

    Units are sorted by the first year they appear, so arrivals and departures read top-down.
    """
    order = (
        frame.group_by("unit_name")
        .agg(pl.col("results_year").min().alias("first"))
        .sort("first", "unit_name")["unit_name"]
        .to_list()
    )
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_rect(stroke="white", strokeWidth=1.5)
        .encode(
            x=alt.X("results_year:O", title=t("chart.year", lang)),
            y=alt.Y(
                "unit_name:N", title=None, sort=order, axis=alt.Axis(labelLimit=label_limit(320))
            ),
            color=alt.Color(
                "role_label:N",
                title=t("chart.role", lang),
                scale=alt.Scale(domain=role_domain(lang), range=_ROLE_COLORS),
            ),
            opacity=origin_opacity(lang),
            tooltip=[
                alt.Tooltip("unit_name:N", title=t("col.unit", lang)),
                alt.Tooltip("results_year:O", title=t("chart.year", lang)),
                alt.Tooltip("role_label:N", title=t("chart.role", lang)),
                alt.Tooltip("origin:N", title=t("origin.title", lang)),
                alt.Tooltip("source:N", title=t("col.source", lang)),
            ],
        )
        .properties(height=rows())
    )
    return localized(summarized(chart, _roster_summary(frame, lang)), lang)


def _roster_summary(frame: pl.DataFrame, lang: Lang) -> str:
    """ "9 đơn vị qua 2 năm; đông nhất năm 2021 với 8 đơn vị." """
    if frame.is_empty():
        return t("chart.summary.empty", lang)
    per_year = frame.group_by("results_year").agg(pl.col("unit_name").n_unique().alias("n"))
    top = per_year.sort(["n", "results_year"], descending=[True, True]).row(0, named=True)
    return t(
        "chart.summary.roster",
        lang,
        units=tn("count.units", frame["unit_name"].n_unique(), lang),
        years=tn("count.results_years", per_year.height, lang),
        year=top["results_year"],
        n=tn("count.units", int(top["n"]), lang),
    )


def _leader_summary(frame: pl.DataFrame, lang: Lang) -> str:
    """ "Trưởng cụm/khối năm 2022: Sở Y tế." (the latest year the chart shows a leader)."""
    leaders = frame.filter(pl.col("role_label") == term("role", "leader", lang))
    if leaders.is_empty():
        return t("chart.summary.empty", lang)
    latest = leaders.sort(["results_year", "unit_name"], descending=[True, False]).row(
        0, named=True
    )
    return t("chart.summary.leader", lang, year=latest["results_year"], name=latest["unit_name"])


def leadership_timeline(frame: pl.DataFrame, lang: Lang) -> alt.LayerChart:
    """Who led and who deputised each year, one lane per unit that ever held a post.

    A deputy who leads the next year shows as an orange cell followed by a red one on its lane.
    """
    order = (
        frame.group_by("unit_name")
        .agg(pl.col("results_year").min().alias("first"))
        .sort("first", "unit_name")["unit_name"]
        .to_list()
    )
    base = alt.Chart(frame).encode(
        x=alt.X("results_year:O", title=t("chart.year", lang)),
        y=alt.Y("unit_name:N", title=None, sort=order, axis=alt.Axis(labelLimit=label_limit(320))),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1.5, cornerRadius=3).encode(
        color=alt.Color(
            "role_label:N",
            title=t("chart.role", lang),
            scale=alt.Scale(domain=role_domain(lang)[:2], range=_ROLE_COLORS[:2]),
        ),
        opacity=origin_opacity(lang),
        tooltip=[
            alt.Tooltip("unit_name:N", title=t("col.unit", lang)),
            alt.Tooltip("results_year:O", title=t("chart.year", lang)),
            alt.Tooltip("role_label:N", title=t("chart.role", lang)),
            alt.Tooltip("path_label:N", title=t("col.deputy_to_leader", lang)),
            alt.Tooltip("origin:N", title=t("origin.title", lang)),
        ],
    )
    # A mark on the cells where a leader was deputy the year before: the rotation at a glance.
    marks = (
        base.transform_filter(alt.datum.was_deputy_previous_year == True)  # noqa: E712 (Vega)
        .mark_text(text="↑", color="white", fontWeight="bold", fontSize=14)
        .encode()
    )
    chart = alt.LayerChart(layer=[cells, marks], height=rows(28))
    return localized(summarized(chart, _leader_summary(frame, lang)), lang)


def bump_chart(frame: pl.DataFrame, lang: Lang) -> alt.LayerChart:
    """Rank over results years, rank 1 on top: one unit highlighted, the others grey behind it.

    Nine crossing coloured lines are a tangle: every unit is a thin grey line (its points carry
    a tooltip) and the unit the page highlights (`is_highlighted`, presenters.highlighted) is drawn
    over them in colour, its points shaped by the effective rank's origin and its name written
    at its last point. No legend of units, so a phone keeps the plot.
    """
    top = int(frame.select(pl.col("rank").max()).item() or 1)
    origin = "effective_rank_origin"
    tooltip = [
        alt.Tooltip("unit_name:N", title=t("col.unit", lang)),
        alt.Tooltip("results_year:O", title=t("chart.year", lang)),
        alt.Tooltip("rank:Q", title=t("chart.rank", lang)),
        alt.Tooltip("rank_basis_label:N", title=t("col.rank_basis", lang)),
        alt.Tooltip("effective_rank_source:N", title=t("origin.title", lang)),
        alt.Tooltip("share_label:N", title=t("chart.share", lang)),
        alt.Tooltip("score_source:N", title=t("col.score_source", lang)),
    ]
    base = alt.Chart(frame).encode(
        x=year_axis(lang),
        y=alt.Y(
            "rank:Q",
            title=t("chart.rank", lang),
            scale=alt.Scale(domain=[top + 0.5, 0.5], nice=False),
            axis=alt.Axis(format="d", tickMinStep=1, values=list(range(1, top + 1))),
        ),
    )
    context = base.mark_line(strokeWidth=1, color=CONTEXT_COLOR).encode(detail="unit_name:N")
    context_points = base.mark_circle(size=24, color=CONTEXT_COLOR, opacity=0.7).encode(
        tooltip=tooltip
    )
    chosen = base.transform_filter(alt.datum.is_highlighted)
    line = chosen.mark_line(strokeWidth=3, color=HIGHLIGHT_COLOR)
    points = chosen.mark_point(filled=True, size=100, color=HIGHLIGHT_COLOR).encode(
        shape=origin_shape(lang, origin),
        opacity=origin_opacity(lang, field=origin),
        tooltip=tooltip,
    )
    label = (
        chosen.transform_window(
            last="rank()", sort=[alt.SortField("results_year", order="descending")]
        )
        .transform_filter(alt.datum.last == 1)
        .mark_text(align="right", dy=-12, fontWeight="bold", color=HIGHLIGHT_COLOR)
        .encode(text="unit_name:N")
    )
    layers = [context, context_points, line, points, label]
    chart = alt.LayerChart(layer=layers, height=max(HEIGHT, 30 * top + 60))
    return localized(summarized(chart, _first_summary(frame, lang)), lang)


def _first_summary(frame: pl.DataFrame, lang: Lang) -> str:
    """ "Đứng đầu nhiều năm nhất: Sở Ngoại vụ (3 năm)." """
    first = frame.filter(pl.col("rank") == 1).group_by("unit_name").len()
    if first.is_empty():
        return t("chart.summary.empty", lang)
    top = first.sort(["len", "unit_name"], descending=[True, False]).row(0, named=True)
    return tn("chart.summary.first_most", int(top["len"]), lang, name=top["unit_name"])


def score_spread(frame: pl.DataFrame, lang: Lang) -> alt.LayerChart:
    """Share of the maximum per results year: a box per year and every unit as a dot."""
    y = alt.Y(
        "share_of_max:Q",
        title=t("chart.share", lang),
        axis=alt.Axis(format="%"),
        scale=alt.Scale(zero=False),
    )
    x = alt.X("results_year:O", title=t("chart.year", lang))
    boxes = (
        alt.Chart(frame)
        .mark_boxplot(extent="min-max", size=22, color="#9ab7d3", median={"color": "#1f4e79"})
        .encode(x=x, y=y)
    )
    dots = (
        alt.Chart(frame)
        .mark_circle(size=36, color="#1f4e79")
        .encode(
            x=x,
            y=y,
            opacity=origin_opacity(lang, field="score_origin"),
            tooltip=[
                alt.Tooltip("unit_name:N", title=t("col.unit", lang)),
                alt.Tooltip("results_year:O", title=t("chart.year", lang)),
                alt.Tooltip("share_label:N", title=t("chart.share", lang)),
                alt.Tooltip("score_source:N", title=t("origin.title", lang)),
            ],
        )
    )
    summary = summary_extreme(
        frame, "share_of_max", lambda r: str(r["unit_name"]), share_text(lang), lang
    )
    return localized(summarized(alt.LayerChart(layer=[boxes, dots], height=HEIGHT), summary), lang)


def criteria_by_basis(frame: pl.DataFrame, lang: Lang) -> alt.LayerChart:
    """Per criterion, the mean share of its maximum by who scored it (self, peers, agreed).

    Dots on a line: the line's length is the self-vs-peer gap, where units rate themselves
    higher than their peers do.
    """
    kinds = [k for k in ("self", "peer", "agreed") if k in set(frame["scorer_kind"].to_list())]
    domain = [term("scorer_kind", k, lang) for k in kinds]
    y = alt.Y(
        "criterion_label:N",
        title=None,
        sort=alt.EncodingSortField("sort_key", op="min"),
        axis=alt.Axis(labelLimit=label_limit(360)),
    )
    x_title = t("chart.share", lang)
    gap = (
        alt.Chart(frame)
        .mark_rule(color="#999", strokeWidth=2)
        .encode(
            y=y,
            x=alt.X("min(share_of_max):Q", title=x_title),
            x2="max(share_of_max):Q",
        )
    )
    dots = (
        alt.Chart(frame)
        .mark_point(filled=True, size=140)
        .encode(
            y=y,
            x=alt.X(
                "share_of_max:Q",
                title=x_title,
                axis=alt.Axis(format="%"),
                scale=alt.Scale(zero=False, padding=12),
            ),
            color=alt.Color(
                "scorer_label:N",
                title=t("col.scorer_kind", lang),
                scale=alt.Scale(domain=domain, range=[_BASIS_COLORS[k] for k in kinds]),
            ),
            opacity=origin_opacity(lang),
            tooltip=[
                alt.Tooltip("criterion_label:N", title=t("col.criterion", lang)),
                alt.Tooltip("scorer_label:N", title=t("col.scorer_kind", lang)),
                alt.Tooltip("share_label:N", title=t("chart.share", lang)),
                alt.Tooltip("units:Q", title=t("col.units", lang)),
                alt.Tooltip("source:N", title=t("origin.title", lang)),
            ],
        )
    )
    summary = summary_extreme(
        frame,
        "share_of_max",
        lambda r: f"{r['criterion_label']} ({r['scorer_label']})",
        share_text(lang),
        lang,
    )
    return localized(summarized(alt.LayerChart(layer=[gap, dots], height=rows(30)), summary), lang)


def criteria_heatmap(frame: pl.DataFrame, lang: Lang) -> alt.Chart:
    """Units x criteria (by code; the tooltip has the wording), coloured by share of maximum of
    the scores each unit's final score rests on (self, peer or agreed: the tooltip says which)."""
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(
                "criterion_short:N",
                title=t("col.criterion", lang),
                sort=alt.EncodingSortField("sort_key", op="min"),
                axis=alt.Axis(labelAngle=0),
            ),
            y=alt.Y("unit_name:N", title=None, axis=alt.Axis(labelLimit=label_limit(320))),
            color=alt.Color(
                "share_of_max:Q",
                title=t("chart.share", lang),
                scale=alt.Scale(scheme="blues"),
                legend=alt.Legend(format="%", direction="horizontal"),
            ),
            opacity=origin_opacity(lang, legend=False),
            tooltip=[
                alt.Tooltip("unit_name:N", title=t("col.unit", lang)),
                alt.Tooltip("criterion_label:N", title=t("col.criterion", lang)),
                alt.Tooltip("share_label:N", title=t("chart.share", lang)),
                alt.Tooltip("points_label:N", title=t("col.points", lang)),
                alt.Tooltip("scorer_label:N", title=t("col.scorer_kind", lang)),
                alt.Tooltip("source:N", title=t("origin.title", lang)),
            ],
        )
        .properties(height=rows(26))
    )
    summary = summary_extreme(
        frame,
        "share_of_max",
        lambda r: f"{r['unit_name']}, {r['criterion_label']}",
        share_text(lang),
        lang,
    )
    return localized(summarized(chart, summary), lang)


def events_calendar(frame: pl.DataFrame, lang: Lang) -> alt.Chart:
    """Every event on a time line, one lane per event type; the tooltip names the results year.

    A year-end review held in January sits in the next calendar year but reports the year before:
    the tooltip keeps the two apart.
    """
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_point(filled=True, size=110)
        .encode(
            x=alt.X(
                "event_date:T",
                title=t("col.date", lang),
                axis=alt.Axis(format="%Y", tickCount="year"),
            ),
            y=alt.Y("event_label:N", title=None, axis=alt.Axis(labelLimit=label_limit(220))),
            color=alt.Color("event_label:N", legend=None, scale=alt.Scale(scheme="tableau10")),
            shape=origin_shape(lang),
            opacity=origin_opacity(lang),
            tooltip=[
                alt.Tooltip("event_label:N", title=t("chart.event_type", lang)),
                alt.Tooltip("date_label:N", title=t("col.date", lang)),
                alt.Tooltip("results_year:O", title=t("chart.year", lang)),
                alt.Tooltip("host_name:N", title=t("col.host", lang)),
                alt.Tooltip("origin:N", title=t("origin.title", lang)),
            ],
        )
        .properties(height=60 + 45 * frame["event_label"].n_unique())
    )
    return localized(summarized(chart, _events_summary(frame, lang)), lang)


def _events_summary(frame: pl.DataFrame, lang: Lang) -> str:
    """ "12 sự kiện; gần nhất: Tổng kết năm, 14/01/2023." """
    dated = frame.filter(pl.col("event_date").is_not_null())
    if dated.is_empty():
        return t("chart.summary.empty", lang)
    latest = dated.sort("event_date", descending=True).row(0, named=True)
    return tn(
        "chart.summary.events",
        frame.height,
        lang,
        name=latest["event_label"],
        date=latest.get("date_label") or fmt_date(latest["event_date"], lang),
    )
