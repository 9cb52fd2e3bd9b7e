"""The Word reports, built from the marts of the session warehouse and read back with python-docx:
each fact the report states must be the mart's (leader, ranks, awards, findings), a value no
source states must read "chưa có dữ liệu", every generated value must carry its mark, and every
source its number.

Cụm thi đua số 8, 2021 is the test case: its members, leader, deputy and the ranks 1-3 come from
article:002, its scores, the other ranks, its awards and two of its events from the generator.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Any

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from thidua.paths import APP_ENTRY, Home
from thidua.query.dashboard.common import Filters
from thidua.query.read import read_query

pytestmark = pytest.mark.integration

CUM_8 = "th-ubnd:cum-08"
CUM_7 = "th-ubnd:cum-07"
YEARS = (2015, 2025)
MARK = "*"
UNKNOWN_VI = "chưa có dữ liệu"


@dataclass
class Report:
    """A .docx read back: its paragraphs' text, and each table as rows of {header: text}."""

    paragraphs: list[str] = field(default_factory=list)
    tables: list[list[dict[str, str]]] = field(default_factory=list)

    def line(self, label: str) -> str:
        """The text after "<label>: " of the first paragraph that starts with it."""
        for text in self.paragraphs:
            if text.startswith(f"{label}: "):
                return text.removeprefix(f"{label}: ")
        raise AssertionError(f"no line {label!r}")

    def table(self, *headers: str) -> list[dict[str, str]]:
        """The rows of the first table with all these headers."""
        for rows in self.tables:
            if rows and set(headers) <= set(rows[0]):
                return rows
        raise AssertionError(f"no table with {headers}")

    def sources(self) -> dict[int, str]:
        entries = {}
        for text in self.paragraphs:
            found = re.match(r"\[(\d+)\] (.*)", text)
            if found:
                entries[int(found[1])] = found[2]
        return entries

    @property
    def text(self) -> str:
        cells = [v for rows in self.tables for row in rows for v in row.values()]
        return "\n".join(self.paragraphs + cells)

    def cited(self) -> set[int]:
        """The source numbers the report cites (outside the source list itself)."""
        body = [p for p in self.paragraphs if not re.match(r"\[\d+\] ", p)]
        cells = [v for rows in self.tables for row in rows for v in row.values()]
        return cited("\n".join(body + cells))


def read_docx(data: bytes) -> Report:
    document = docx.Document(io.BytesIO(data))
    report = Report()
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(block, document).text
            if text:
                report.paragraphs.append(text)
        elif tag == "tbl":
            rows = Table(block, document).rows
            headers = [cell.text for cell in rows[0].cells]
            report.tables.append(
                [dict(zip(headers, (c.text for c in row.cells), strict=True)) for row in rows[1:]]
            )
    return report


def plain(text: str) -> str:
    """A cell without its generated mark and its source numbers."""
    return re.sub(r"(\s*\[\d+\])+$", "", text).removesuffix(MARK).strip()


def cited(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", text)}


@pytest.fixture
def app_modules(monkeypatch: pytest.MonkeyPatch) -> dict[str, ModuleType]:
    """The report's modules, imported as Streamlit imports the app's (app/ on sys.path)."""
    monkeypatch.syspath_prepend(str(APP_ENTRY.parent))
    import report_docx
    from thidua.query.dashboard import reports

    return {"queries": reports, "docx": report_docx}


def _cluster_report(
    home: Home,
    m: dict[str, ModuleType],
    cluster_id: str,
    year: int,
    *,
    lang: str = "vi",
    synthetic: bool = True,
) -> Report:
    filters = Filters(years=YEARS, include_synthetic=synthetic)
    facts = m["queries"].cluster_year_facts(str(home.published_db), filters, cluster_id, year)
    link = f"http://localhost:8501/cum-khoi?cluster={cluster_id}&year={year}"
    data = m["docx"].cluster_year_report(facts, lang, link=link, made_on=date(2026, 1, 9))
    return read_docx(data)


def _mart(home: Home, sql: str, **params: Any) -> list[dict[str, Any]]:
    return read_query(home.published_db, sql, params).to_dicts()


def test_the_cluster_report_names_the_cluster_year_and_organiser(
    published_home: Home, app_modules: dict[str, ModuleType]
) -> None:
    report = _cluster_report(published_home, app_modules, CUM_8, 2021)
    assert report.paragraphs[:3] == [
        "BÁO CÁO KẾT QUẢ THI ĐUA",
        "Cụm thi đua số 8 — năm 2021",
        "Cơ quan tổ chức: Ủy ban nhân dân tỉnh Thanh Hóa",
    ]
    assert report.paragraphs[3].startswith("Lập ngày 09/01/2026")


def test_the_cluster_report_states_the_marts_leader_deputy_and_roster(
    published_home: Home, app_modules: dict[str, ModuleType]
) -> None:
    report = _cluster_report(published_home, app_modules, CUM_8, 2021)
    (year,) = _mart(
        published_home,
        "select leader_name, deputy_names, member_count from marts.fct_cluster_year"
        " where cluster_id = $c and results_year = 2021",
        c=CUM_8,
    )
    assert year["leader_name"] == "Sở Ngoại vụ"  # article:002
    assert plain(report.line("Trưởng cụm/khối")) == year["leader_name"]
    assert plain(report.line("Phó cụm/khối")) == year["deputy_names"]
    assert report.line("Số thành viên") == str(year["member_count"])
    leadership = {
        plain(row["Đơn vị"]): plain(row["Vai trò"])
        for row in report.table("Vai trò", "Đơn vị", "Là phó năm trước")
    }
    marts = _mart(
        published_home,
        "select unit_name, role from marts.fct_leadership where cluster_id = $c"
        " and results_year = 2021",
        c=CUM_8,
    )
    roles = {"leader": "Trưởng cụm/khối", "deputy": "Phó cụm/khối"}
    assert leadership == {r["unit_name"]: roles[r["role"]] for r in marts}
    roster = report.table("STT", "Đơn vị", "Vai trò")
    members = _mart(
        published_home,
        "select unit_name from marts.fct_memberships where cluster_id = $c and results_year = 2021",
        c=CUM_8,
    )
    assert {row["Đơn vị"] for row in roster} == {r["unit_name"] for r in members}
    # the year after, elected at this year's year-end review (article:002): fct_leadership 2022
    assert "Trưởng cụm/khối: Ban Dân tộc tỉnh Thanh Hóa" in report.line(
        "Trưởng, phó cụm/khối năm 2022"
    )


def test_the_cluster_report_ranks_are_the_marts_and_generated_ones_say_so(
    published_home: Home, app_modules: dict[str, ModuleType]
) -> None:
    report = _cluster_report(published_home, app_modules, CUM_8, 2021)
    table = {row["Đơn vị"]: row for row in report.table("Đơn vị", "Thứ hạng")}
    marts = _mart(
        published_home,
        """
        select unit_name, effective_rank, declared_rank, rank_by_score, final_score,
            is_effective_rank_synthetic, is_rank_by_score_synthetic, is_score_synthetic
        from marts.fct_unit_year_scores where cluster_id = $c and results_year = 2021
        """,
        c=CUM_8,
    )
    assert set(table) == {r["unit_name"] for r in marts}
    for r in marts:
        row = table[r["unit_name"]]
        for column, value, generated in (
            ("Thứ hạng", r["effective_rank"], r["is_effective_rank_synthetic"]),
            ("Thứ hạng công bố", r["declared_rank"], False),
            ("Thứ hạng theo điểm", r["rank_by_score"], r["is_rank_by_score_synthetic"]),
        ):
            expected = UNKNOWN_VI if value is None else str(value) + (MARK if generated else "")
            assert row[column] == expected, (r["unit_name"], column)
        assert row["Điểm"].endswith(MARK) == bool(r["is_score_synthetic"])
    # the article's ranks 1-3, the others unknown: never filled in from the scores
    ranks = {row["Đơn vị"]: row["Thứ hạng công bố"] for row in table.values()}
    assert ranks["Ban Dân tộc tỉnh Thanh Hóa"] == "1"
    assert ranks["Sở Tư pháp"] == "2"
    assert ranks["Sở Nội vụ"] == "3"
    assert list(ranks.values()).count(UNKNOWN_VI) == 5


def test_the_cluster_report_lists_the_marts_awards_and_findings(
    published_home: Home, app_modules: dict[str, ModuleType]
) -> None:
    report = _cluster_report(published_home, app_modules, CUM_8, 2021)
    awards = report.table("Đơn vị", "Hình thức khen thưởng")
    marts = _mart(
        published_home,
        "select unit_name, award_name_vi, decision_no, is_synthetic from marts.fct_awards"
        " where cluster_id = $c and results_year = 2021",
        c=CUM_8,
    )
    assert marts
    assert {(plain(r["Đơn vị"]), plain(r["Hình thức khen thưởng"])) for r in awards} == {
        (r["unit_name"], r["award_name_vi"]) for r in marts
    }
    for row in awards:
        assert row["Đơn vị"].endswith(MARK)  # every award of that year is generated
    findings = _mart(
        published_home,
        "select count(*) as n from marts.mart_award_compliance where cluster_id = $c"
        " and results_year = 2021",
        c=CUM_8,
    )
    assert findings == [{"n": 0}]
    assert "Kho dữ liệu không ghi nhận phát hiện nào" in report.text


def test_the_unnamed_2016_proposals_stay_unnamed_with_their_findings(
    published_home: Home, app_modules: dict[str, ModuleType]
) -> None:
    report = _cluster_report(published_home, app_modules, CUM_7, 2016, synthetic=False)
    awards = report.table("Đơn vị", "Hình thức khen thưởng")
    assert [row["Đơn vị"] for row in awards] == ["đơn vị không được nêu"] * 2  # article:004
    findings = report.table("Mức độ", "Quy định")
    marts = _mart(
        published_home,
        "select rule_name_vi from marts.mart_award_compliance where cluster_id = $c"
        " and results_year = 2016 and not is_synthetic",
        c=CUM_7,
    )
    assert sorted(row["Quy định"] for row in findings) == sorted(r["rule_name_vi"] for r in marts)
    assert {row["Mức độ"] for row in findings} == {"Không kiểm tra được"}


def test_every_source_is_numbered_and_generated_ones_say_so(
    published_home: Home, app_modules: dict[str, ModuleType]
) -> None:
    report = _cluster_report(published_home, app_modules, CUM_8, 2021)
    sources = report.sources()
    assert report.cited() == set(sources)
    (article,) = _mart(
        published_home, "select title from marts.dim_source where source_id = 'article:002'"
    )
    leader_refs = cited(report.line("Trưởng cụm/khối"))
    assert len(leader_refs) == 1
    assert article["title"] in sources[leader_refs.pop()]
    generated = [text for text in sources.values() if "Bộ sinh dữ liệu mô phỏng" in text]
    assert len(generated) == 1 and "không phải số liệu thật" in generated[0]
    assert "synthetic:" not in report.text
    note = next(p for p in report.paragraphs if p.startswith("Lưu ý:"))
    assert "điểm" in note and "khen thưởng" in note


def test_hidden_synthetic_data_leaves_only_real_values(
    published_home: Home, app_modules: dict[str, ModuleType]
) -> None:
    report = _cluster_report(published_home, app_modules, CUM_8, 2021, synthetic=False)
    assert MARK not in report.text
    assert not any("mô phỏng" in text for text in report.sources().values())
    assert plain(report.line("Trưởng cụm/khối")) == "Sở Ngoại vụ"
    scores = report.table("Đơn vị", "Thứ hạng")
    assert {row["Điểm"] for row in scores} == {"(đã ẩn: dữ liệu mô phỏng)"}
    assert {row["Thứ hạng công bố"] for row in scores} >= {"1", "2", "3"}


def test_the_report_follows_the_english_switch(
    published_home: Home, app_modules: dict[str, ModuleType]
) -> None:
    report = _cluster_report(published_home, app_modules, CUM_8, 2021, lang="en")
    assert report.paragraphs[:2] == ["EMULATION RESULTS REPORT", "Cụm thi đua số 8 — 2021"]
    assert plain(report.line("Leader")) == "Sở Ngoại vụ"
    assert "no data" in report.text and UNKNOWN_VI not in report.text
    assert "Made on 9 Jan 2026" in report.text


def test_the_unit_report_states_the_unit_history_mart(
    published_home: Home, app_modules: dict[str, ModuleType]
) -> None:
    m = app_modules
    filters = Filters(years=YEARS)
    facts = m["queries"].unit_history_facts(
        str(published_home.published_db), filters, "th-so-tu-phap"
    )
    report = read_docx(m["docx"].unit_history_report(facts, "vi"))
    assert report.paragraphs[:2] == ["QUÁ TRÌNH THI ĐUA CỦA ĐƠN VỊ", "Sở Tư pháp"]
    history = report.table("Năm thi đua", "Cụm/khối", "Thứ hạng")
    marts = _mart(
        published_home,
        """
        select results_year, effective_rank, member_count, is_effective_rank_synthetic
        from marts.unit_history where current_unit_id = 'th-so-tu-phap'
        order by results_year
        """,
    )
    assert [int(row["Năm thi đua"]) for row in history] == [r["results_year"] for r in marts]
    year_2021 = next(row for row in history if row["Năm thi đua"] == "2021")
    assert year_2021["Thứ hạng"] == "2/8"  # declared by article:002, not generated
    awards = _mart(
        published_home,
        "select count(*) as n from marts.fct_awards where unit_id = 'th-so-tu-phap'",
    )
    listed = report.table("Hình thức khen thưởng", "Trạng thái")
    assert len(listed) == awards[0]["n"]
