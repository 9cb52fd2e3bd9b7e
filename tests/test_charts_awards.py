"""The awards page's charts as Vega-Lite specs: the proposed → approved → decided funnel draws the
rows presenters_awards made, keeps each stage's colour when a stage is left out, titles its axes
in the reader's language and names the group with the most awards at the first stage shown; the
compliance chart colours findings by severity (red, orange, grey) and names the rule with the most
findings, "1 finding" in the singular."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import polars as pl
import pytest

GOV_FLAG = "Cờ thi đua của Chính phủ"
PM_MERIT = "Bằng khen của Thủ tướng Chính phủ"
PROV_FLAG = "Cờ thi đua của UBND tỉnh"

OVER_QUOTA = "Số đề nghị Cờ thi đua của Chính phủ vượt tỷ lệ"
NOT_LEADING = "Cờ thi đua của Chính phủ cho đơn vị không dẫn đầu cụm/khối"
NO_PRIOR = "Cờ thi đua của Chính phủ cho đơn vị chưa có Cờ thi đua cấp bộ, tỉnh"


@pytest.fixture
def charts_awards(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/charts_awards.py, imported as Streamlit imports the app's modules."""
    return app_module("charts_awards")


@pytest.fixture
def present(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/presenters_awards.py: the frames the awards charts are drawn from."""
    return app_module("presenters_awards")


def _funnel_query(rows: list[tuple[Any, ...]]) -> pl.DataFrame:
    """Rows shaped as q_award_funnel returns them (one grouping set per `dimension`)."""
    frame = pl.DataFrame(
        rows,
        schema={
            "dimension": pl.String,
            "results_year": pl.Int64,
            "award_type_code": pl.String,
            "award_name_vi": pl.String,
            "award_name_en": pl.String,
            "rank_order": pl.Int64,
            "cluster_id": pl.String,
            "cluster_name": pl.String,
            "proposed": pl.Int64,
            "approved": pl.Int64,
            "decided": pl.Int64,
        },
        orient="row",
    )
    return frame.with_columns(
        pl.col("proposed").alias("real_rows"),
        pl.col("approved").alias("approved_real"),
        pl.col("decided").alias("decided_real"),
        pl.lit("Nghị định 98/2023/NĐ-CP").alias("regime_vi"),
        pl.lit("Decree 98/2023/ND-CP").alias("regime_en"),
    )


def _by_year(year: int, counts: tuple[int, int, int]) -> tuple[Any, ...]:
    return ("year", year, None, None, None, None, None, None, *counts)


def _by_type(
    code: str, vi: str, en: str, rank: int, counts: tuple[int, int, int]
) -> tuple[Any, ...]:
    return ("type", None, code, vi, en, rank, None, None, *counts)


def _by_cluster(
    cluster: str | None, name: str | None, counts: tuple[int, int, int]
) -> tuple[Any, ...]:
    return ("cluster", None, None, None, None, None, cluster, name, *counts)


def _funnel() -> pl.DataFrame:
    # By year: 2022 has the most proposals (6), 2021 the most decisions (4).
    # By type: the Government flag and the PM's certificate tie on proposals (5 each).
    # By cluster: an award given outside any cluster is a group of its own.
    return _funnel_query(
        [
            _by_year(2021, (5, 4, 4)),
            _by_year(2022, (6, 3, 1)),
            _by_year(2023, (2, 2, 2)),
            _by_type("PM_MERIT", PM_MERIT, "PM's certificate of merit", 2, (5, 4, 3)),
            _by_type("GOV_FLAG", GOV_FLAG, "Government emulation flag", 1, (5, 3, 2)),
            _by_type("PROV_FLAG", PROV_FLAG, "Provincial emulation flag", 5, (3, 2, 2)),
            _by_cluster("th-ubnd:cum-05", "Cụm thi đua số 5", (4, 3, 3)),
            _by_cluster(None, None, (9, 6, 4)),
        ]
    )


def _rows(present: ModuleType, dimension: str, shown: list[str], lang: str) -> pl.DataFrame:
    """The long rows the page hands to the funnel chart (presenters_awards.funnel_long)."""
    grouped = present.funnel(_funnel(), dimension, lang)
    long: pl.DataFrame = present.funnel_long(grouped, shown, lang)
    return long


def _data(spec: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = spec["datasets"][spec["data"]["name"]]
    return rows


ALL = ["proposed", "approved", "decided"]


def test_funnel_draws_one_bar_per_group_and_shown_stage(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    rows = _rows(present, "year", ["proposed", "decided"], "vi")
    spec = charts_awards.funnel(rows, ["proposed", "decided"], "year", "vi").to_dict()
    data = _data(spec)
    assert data == rows.to_dicts()
    assert [(r["group_label"], r["stage_label"], r["n"]) for r in data] == [
        ("2021", "Đề nghị", 5),
        ("2022", "Đề nghị", 6),
        ("2023", "Đề nghị", 2),
        ("2021", "Đã có quyết định", 4),
        ("2022", "Đã có quyết định", 1),
        ("2023", "Đã có quyết định", 2),
    ]


def test_a_stage_keeps_its_colour_when_the_one_before_it_is_left_out(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    every = charts_awards.funnel(_rows(present, "year", ALL, "vi"), ALL, "year", "vi").to_dict()
    shown = ["proposed", "decided"]
    two = charts_awards.funnel(_rows(present, "year", shown, "vi"), shown, "year", "vi").to_dict()
    assert every["encoding"]["color"]["scale"] == {
        "domain": ["Đề nghị", "Được chấp thuận", "Đã có quyết định"],
        "range": ["#a9cce3", "#3498db", "#1b4f72"],
    }
    # "decided" stays the darkest blue, not the middle one
    assert two["encoding"]["color"]["scale"] == {
        "domain": ["Đề nghị", "Đã có quyết định"],
        "range": ["#a9cce3", "#1b4f72"],
    }
    assert two["encoding"]["xOffset"]["sort"] == ["Đề nghị", "Đã có quyết định"]


@pytest.mark.parametrize(
    ("lang", "year", "count", "stage"),
    [("vi", "Năm thi đua", "Số lượng", "Bước"), ("en", "Results year", "Count", "Stage")],
)
def test_funnel_by_year_titles_its_axes_in_the_readers_language(
    charts_awards: ModuleType,
    present: ModuleType,
    lang: str,
    year: str,
    count: str,
    stage: str,
) -> None:
    spec = charts_awards.funnel(_rows(present, "year", ALL, lang), ALL, "year", lang).to_dict()
    encoding = spec["encoding"]
    assert encoding["x"]["field"] == "group_label"
    assert encoding["x"]["title"] == year
    assert encoding["y"]["title"] == count
    assert encoding["color"]["title"] == stage
    assert [tip["title"] for tip in encoding["tooltip"]] == [year, stage, count]


@pytest.mark.parametrize(
    ("dimension", "lang", "group"),
    [
        ("type", "vi", "Hình thức khen thưởng"),
        ("type", "en", "Award type"),
        ("cluster", "vi", "Cụm/khối"),
        ("cluster", "en", "Cluster"),
    ],
)
def test_funnel_by_type_or_cluster_lists_groups_down_the_side(
    charts_awards: ModuleType, present: ModuleType, dimension: str, lang: str, group: str
) -> None:
    spec = charts_awards.funnel(
        _rows(present, dimension, ALL, lang), ALL, dimension, lang
    ).to_dict()
    encoding = spec["encoding"]
    assert encoding["y"]["field"] == "group_label"
    assert encoding["y"]["title"] is None  # the names say what they are
    assert encoding["x"]["title"] == ("Số lượng" if lang == "vi" else "Count")
    assert encoding["tooltip"][0]["title"] == group
    # groups in the presenter's order (award rank, cluster name), not alphabetically
    assert encoding["y"]["sort"] == {"field": "sort_key", "op": "min"}


def test_funnel_rows_keep_vietnamese_names_and_name_awards_outside_any_cluster(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    by_type = charts_awards.funnel(_rows(present, "type", ALL, "vi"), ALL, "type", "vi")
    labels = {r["group_label"]: r["sort_key"] for r in _data(by_type.to_dict())}
    assert labels == {GOV_FLAG: 0, PM_MERIT: 1, PROV_FLAG: 2}
    by_cluster = charts_awards.funnel(_rows(present, "cluster", ALL, "en"), ALL, "cluster", "en")
    names = {r["group_label"] for r in _data(by_cluster.to_dict())}
    assert names == {"Cụm thi đua số 5", "(no cluster)"}


def test_funnel_summary_names_the_group_with_most_awards_at_the_first_stage(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    # 2021 has the most decisions, but the first stage shown (proposed) counts them all: 2022
    vi = charts_awards.funnel(_rows(present, "year", ALL, "vi"), ALL, "year", "vi").to_dict()
    en = charts_awards.funnel(_rows(present, "year", ALL, "en"), ALL, "year", "en").to_dict()
    assert vi["description"] == "Nhiều nhất ở bước “Đề nghị”: 2022, 6 lượt khen thưởng."
    assert en["description"] == "Most at the “Proposed” stage: 2022, 6 awards."


def test_funnel_summary_on_a_tie_names_the_first_group_by_name(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    # Government flag and PM's certificate: 5 proposals each
    vi = charts_awards.funnel(_rows(present, "type", ALL, "vi"), ALL, "type", "vi").to_dict()
    assert vi["description"] == f"Nhiều nhất ở bước “Đề nghị”: {PM_MERIT}, 5 lượt khen thưởng."
    en = charts_awards.funnel(_rows(present, "type", ALL, "en"), ALL, "type", "en").to_dict()
    assert en["description"] == "Most at the “Proposed” stage: Government emulation flag, 5 awards."


def test_funnel_summary_says_one_award_in_the_singular(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    frame = _funnel_query([_by_year(2024, (1, 1, 0))])
    for lang, expected in [
        ("en", "Most at the “Proposed” stage: 2024, 1 award."),
        ("vi", "Nhiều nhất ở bước “Đề nghị”: 2024, 1 lượt khen thưởng."),
    ]:
        rows = present.funnel_long(present.funnel(frame, "year", lang), ALL, lang)
        spec = charts_awards.funnel(rows, ALL, "year", lang).to_dict()
        assert spec["description"] == expected


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("vi", "Biểu đồ chưa có giá trị nào."), ("en", "The chart has no values yet.")],
)
def test_funnel_without_awards_says_the_chart_has_no_values(
    charts_awards: ModuleType, present: ModuleType, lang: str, sentence: str
) -> None:
    nothing = _funnel_query([])
    rows = present.funnel_long(present.funnel(nothing, "year", lang), ALL, lang)
    assert rows.is_empty()
    assert charts_awards.funnel(rows, ALL, "year", lang).to_dict()["description"] == sentence
    # groups whose count is zero at the first stage do not make a "most" either
    zero = _funnel_query([_by_year(2024, (0, 0, 0))])
    rows = present.funnel_long(present.funnel(zero, "year", lang), ALL, lang)
    assert charts_awards.funnel(rows, ALL, "year", lang).to_dict()["description"] == sentence


def test_funnel_legend_sits_below_the_plot(charts_awards: ModuleType, present: ModuleType) -> None:
    spec = charts_awards.funnel(_rows(present, "year", ALL, "vi"), ALL, "year", "vi").to_dict()
    assert spec["config"]["legend"]["orient"] == "bottom"


# --- compliance findings -------------------------------------------------------------------------


def _findings(rows: list[tuple[str, str, bool]], lang: str) -> pl.DataFrame:
    """Findings as presenters_awards.compliance labels them: rule, severity (code and words)."""
    frame = pl.DataFrame(
        rows,
        schema={"rule_label": pl.String, "severity": pl.String, "is_synthetic": pl.Boolean},
        orient="row",
    )
    words = {
        "vi": {"error": "Trái quy định", "warning": "Cần xem lại", "info": "Không kiểm tra được"},
        "en": {"error": "Breach", "warning": "To review", "info": "Cannot be checked"},
    }[lang]
    return frame.with_columns(
        pl.col("severity").replace_strict(words, return_dtype=pl.String).alias("severity_label")
    )


def _counts(present: ModuleType, lang: str) -> pl.DataFrame:
    findings = _findings(
        [
            (OVER_QUOTA, "error", False),
            (OVER_QUOTA, "error", False),
            (OVER_QUOTA, "error", True),
            (NOT_LEADING, "warning", False),
            (NOT_LEADING, "warning", False),
            (NO_PRIOR, "info", True),
        ],
        lang,
    )
    counts: pl.DataFrame = present.compliance_counts(findings, lang)
    return counts


def test_compliance_chart_draws_one_bar_per_rule_longest_on_top(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    counts = _counts(present, "vi")
    spec = charts_awards.compliance_counts(counts, "vi").to_dict()
    data = _data(spec)
    assert data == counts.to_dicts()
    assert {r["rule_label"]: r["n"] for r in data} == {OVER_QUOTA: 3, NOT_LEADING: 2, NO_PRIOR: 1}
    assert spec["encoding"]["y"]["sort"] == "-x"
    # a count with any generated finding behind it is drawn pale
    origins = {r["rule_label"]: r["origin"] for r in data}
    assert origins == {OVER_QUOTA: "Mô phỏng", NOT_LEADING: "Thật", NO_PRIOR: "Mô phỏng"}


@pytest.mark.parametrize(
    ("lang", "domain", "count", "severity", "rule"),
    [
        (
            "vi",
            ["Trái quy định", "Cần xem lại", "Không kiểm tra được"],
            "Số lượng",
            "Mức độ",
            "Quy định",
        ),
        ("en", ["Breach", "To review", "Cannot be checked"], "Count", "Severity", "Rule"),
    ],
)
def test_compliance_severities_keep_red_orange_grey_in_both_languages(
    charts_awards: ModuleType,
    present: ModuleType,
    lang: str,
    domain: list[str],
    count: str,
    severity: str,
    rule: str,
) -> None:
    spec = charts_awards.compliance_counts(_counts(present, lang), lang).to_dict()
    encoding = spec["encoding"]
    assert encoding["color"]["scale"] == {
        "domain": domain,
        "range": ["#c0392b", "#e67e22", "#95a5a6"],
    }
    assert encoding["color"]["title"] == severity
    assert encoding["x"]["title"] == count
    assert encoding["y"]["title"] is None
    assert [tip["title"] for tip in encoding["tooltip"]][:3] == [rule, severity, count]
    assert spec["config"]["legend"]["orient"] == "bottom"


def test_compliance_summary_names_the_rule_with_most_findings(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    vi = charts_awards.compliance_counts(_counts(present, "vi"), "vi").to_dict()
    assert vi["description"] == f"Nhiều nhất: {OVER_QUOTA}, 3 phát hiện."
    en = charts_awards.compliance_counts(_counts(present, "en"), "en").to_dict()
    assert en["description"] == f"Most: {OVER_QUOTA}, 3 findings."


def test_compliance_summary_on_a_tie_names_the_first_rule_by_name(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    findings = _findings(
        [(NOT_LEADING, "warning", False), (NO_PRIOR, "info", False), (OVER_QUOTA, "error", False)],
        "vi",
    )
    spec = charts_awards.compliance_counts(present.compliance_counts(findings, "vi"), "vi")
    # three rules with one finding each: "… cho đơn vị chưa có …" sorts before "… không dẫn đầu …"
    assert spec.to_dict()["description"] == f"Nhiều nhất: {NO_PRIOR}, 1 phát hiện."


def test_compliance_summary_says_one_finding_in_the_singular(
    charts_awards: ModuleType, present: ModuleType
) -> None:
    findings = _findings([(NOT_LEADING, "warning", False)], "en")
    spec = charts_awards.compliance_counts(present.compliance_counts(findings, "en"), "en")
    assert spec.to_dict()["description"] == f"Most: {NOT_LEADING}, 1 finding."


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("vi", "Biểu đồ chưa có giá trị nào."), ("en", "The chart has no values yet.")],
)
def test_compliance_without_findings_says_the_chart_has_no_values(
    charts_awards: ModuleType, present: ModuleType, lang: str, sentence: str
) -> None:
    counts = present.compliance_counts(_findings([], lang), lang)
    assert counts.is_empty()
    spec = charts_awards.compliance_counts(counts, lang).to_dict()
    assert spec["description"] == sentence
